"""Accounts on the public site, in its own look: profile and requests for a login."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, UpdateView

from ..models import Profile
from ..outbox.notifications import notify_access_request_received
from ..ratelimit import RateLimitedPost
from .forms import AccessRequestForm, ProfileForm

ACCESS_REQUESTS_PER_HOUR = 5
PASSWORD_RESETS_PER_HOUR = 5


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
