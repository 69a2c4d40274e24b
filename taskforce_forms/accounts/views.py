"""Accounts on the public site, in its own look: logging in, the profile, requests for a login."""

from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, UpdateView

from ..models import Application, Profile
from ..outbox.notifications import notify_access_request_received
from ..ratelimit import RateLimitedPost
from .forms import AccessRequestForm, ProfileForm

ACCESS_REQUESTS_PER_HOUR = 5
PASSWORD_RESETS_PER_HOUR = 5


class LoginView(auth_views.LoginView):
    """Django's, in the site's look. `next` leads to a page of this site, never to a login page:
    a link to log in from the login page would nest `?next=` once more with each click, and
    would send a logged-in visitor round in a loop (Django answers that loop with an error)."""

    template_name = "taskforce_forms/accounts/login.html"
    redirect_authenticated_user = True

    def get_redirect_url(self):
        return self.page_after_login(super().get_redirect_url())

    def page_after_login(self, url):
        """`url`, or the page a chain of login pages' `next` leads to; "" if none is safe."""
        logins = login_paths()
        while url and url_has_allowed_host_and_scheme(
            url, self.get_success_url_allowed_hosts(), require_https=self.request.is_secure()
        ):
            parts = urlsplit(url)
            if unquote(parts.path) not in logins:
                return url
            url = QueryDict(parts.query).get(self.redirect_field_name, "")
        return ""


def login_paths():
    """The login page's path in each language."""
    paths = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.add(reverse("login"))
    return paths


class ProfileView(LoginRequiredMixin, UpdateView):
    form_class = ProfileForm
    template_name = "taskforce_forms/accounts/profile.html"
    success_url = reverse_lazy("profile")

    def get_object(self, queryset=None):
        return Profile.objects.select_related("organization").get_or_create(user=self.request.user)[
            0
        ]

    def form_valid(self, form):
        messages.success(self.request, _("Your profile was saved."))
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The Task Forces whose spaces they may enter, each with their consent to show their
        # e-mail address there (given or withdrawn in the space).
        context["memberships"] = (
            Application.objects.members()
            .filter(user=self.request.user)
            .select_related("task_force")
        )
        return context


class RequestLoginView(RateLimitedPost, FormView):
    form_class = AccessRequestForm
    template_name = "taskforce_forms/accounts/request_login.html"
    rate_limit_scope = "request_login"
    rate_limit = ACCESS_REQUESTS_PER_HOUR

    def form_valid(self, form):
        access_request = form.save(commit=False)
        access_request.language = get_language()
        with transaction.atomic():
            access_request.save()
            notify_access_request_received(access_request)
        return redirect("request_login_sent")


class RequestLoginSentView(TemplateView):
    template_name = "taskforce_forms/accounts/request_login_sent.html"


class PasswordResetView(RateLimitedPost, auth_views.PasswordResetView):
    """Django's, limited per address: it sends e-mail. Its answer is the same whether or not
    the address has an account, so it tells nobody who has one."""

    rate_limit_scope = "password_reset"
    rate_limit = PASSWORD_RESETS_PER_HOUR
