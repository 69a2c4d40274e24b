"""The second factor's screens, in the admin's look: the code step after the password, enrolment
(a QR code and the secret as text, confirmed with a first code), the recovery codes shown once,
and a superuser's reset of another account's devices."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from wagtail.log_actions import log

from .devices import (
    check_code,
    confirm_authenticator,
    has_enrolled,
    issue_recovery_codes,
    pending_authenticator,
    qr_code_svg,
    recovery_codes,
    reset_devices,
    secret_text,
)
from .forms import AppCodeForm, SignInCodeForm
from .lockout import forget_wrong_codes, is_locked_out, record_wrong_code
from .log_actions import RESET_ACTION

SHOW_RECOVERY_CODES = "second_factor_show_recovery_codes"
TEMPLATES = "taskforce_forms/second_factor"


class NextPageMixin:
    """Where to go once done: a page of this site passed as `next`, else the dashboard."""

    def next_page(self):
        url = self.request.POST.get("next") or self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(
            url, {self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return url
        return reverse("wagtailadmin_home")

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=self.next_page(), **kwargs)


class CodeStepView(NextPageMixin, FormView):
    """A code typed after the password: refused codes count towards django-axes' lockout."""

    def post(self, request, *args, **kwargs):
        if is_locked_out(request, request.user):
            return self.lock_out()
        return super().post(request, *args, **kwargs)

    def lock_out(self):
        """Signs out; django-axes' middleware answers with its lockout page."""
        request = self.request
        request.axes_locked_out = True
        logout(request)
        return redirect("wagtailadmin_login")

    def refused(self, form, check):
        if check.retry_at:
            form.add_error(
                "code",
                _(
                    "Too many wrong codes in a row: wait a few seconds, then type the code "
                    "your app shows."
                ),
            )
            return self.form_invalid(form)
        if record_wrong_code(self.request, self.request.user):
            return self.lock_out()
        form.add_error("code", _("This code is not right, or was already used. Try again."))
        return self.form_invalid(form)

    def signed_in(self, device):
        otp_login(self.request, device)
        forget_wrong_codes(self.request, self.request.user)


class VerifyView(CodeStepView):
    template_name = f"{TEMPLATES}/verify.html"
    form_class = SignInCodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified():
            return redirect(self.next_page())
        if not has_enrolled(request.user):
            return redirect(f"{reverse('second_factor_enrol')}?{request.GET.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        check = check_code(self.request.user, form.cleaned_data["code"])
        if not check.device:
            return self.refused(form, check)
        self.signed_in(check.device)
        if isinstance(check.device, StaticDevice):
            messages.warning(
                self.request,
                _(
                    "You signed in with a recovery code: it will not work again. If you lost "
                    "your phone, ask an administrator to reset your two-factor sign-in."
                ),
            )
        return redirect(self.next_page())


class EnrolView(CodeStepView):
    """First sign-in: the app is set up from a QR code or the secret typed in, then confirmed
    with its first code."""

    template_name = f"{TEMPLATES}/enrol.html"
    form_class = AppCodeForm

    def dispatch(self, request, *args, **kwargs):
        if has_enrolled(request.user):
            return redirect(f"{reverse('second_factor_verify')}?{request.GET.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        device = pending_authenticator(self.request.user)
        return super().get_context_data(
            qr_code=qr_code_svg(device, _("QR code to scan with your authenticator app")),
            secret=secret_text(device),
            **kwargs,
        )

    def form_valid(self, form):
        device = pending_authenticator(self.request.user)
        check = confirm_authenticator(device, form.cleaned_data["code"])
        if not check.device:
            return self.refused(form, check)
        issue_recovery_codes(self.request.user)
        self.signed_in(device)
        self.request.session[SHOW_RECOVERY_CODES] = True
        codes_page = reverse("second_factor_recovery_codes")
        return redirect(f"{codes_page}?{urlencode({'next': self.next_page()})}")


class RecoveryCodesView(NextPageMixin, TemplateView):
    """The recovery codes, once, right after enrolment."""

    template_name = f"{TEMPLATES}/recovery_codes.html"

    def get(self, request, *args, **kwargs):
        if not request.session.pop(SHOW_RECOVERY_CODES, False):
            return redirect(self.next_page())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(codes=recovery_codes(self.request.user), **kwargs)


class ResetView(TemplateView):
    """A superuser removes another account's devices (a lost phone, no recovery code left):
    the person enrols again at their next sign-in. Recorded in the account's history."""

    template_name = f"{TEMPLATES}/reset.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        self.person = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            person=self.person, enrolled=has_enrolled(self.person), **kwargs
        )

    def post(self, request, *args, **kwargs):
        removed = reset_devices(self.person)
        log(self.person, RESET_ACTION, user=request.user, data={"devices": removed})
        messages.success(
            request,
            _("%(name)s will set up two-factor sign-in again at their next sign-in.")
            % {"name": self.person.get_full_name() or self.person.get_username()},
        )
        return redirect("wagtailusers_users:index")


def urls():
    return [
        path("second-factor/", VerifyView.as_view(), name="second_factor_verify"),
        path("second-factor/enrol/", EnrolView.as_view(), name="second_factor_enrol"),
        path(
            "second-factor/recovery-codes/",
            RecoveryCodesView.as_view(),
            name="second_factor_recovery_codes",
        ),
        path(
            "second-factor/reset/<int:user_id>/",
            ResetView.as_view(),
            name="second_factor_reset",
        ),
    ]
