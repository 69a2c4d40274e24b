"""Accounts on the public site, in its own look: profile and requests for a login."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, UpdateView

from ..emails import notify_access_request_received
from ..forms import AccessRequestForm, ProfileForm
from ..models import Profile
from ..ratelimit import is_rate_limited

ACCESS_REQUESTS_PER_HOUR = 5


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


class RequestLoginView(FormView):
    form_class = AccessRequestForm
    template_name = "taskforce_forms/accounts/request_login.html"

    def post(self, request, *args, **kwargs):
        if is_rate_limited(request, "request_login", ACCESS_REQUESTS_PER_HOUR, 3600):
            form = self.get_form()
            form.add_error(
                None, _("Too many requests from your connection. Please try again in an hour.")
            )
            return render(request, self.template_name, {"form": form}, status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        access_request = form.save(commit=False)
        access_request.language = get_language()
        access_request.save()
        transaction.on_commit(lambda: notify_access_request_received(access_request))
        return redirect("request_login_sent")


class RequestLoginSentView(TemplateView):
    template_name = "taskforce_forms/accounts/request_login_sent.html"
