"""A user's own applications: list, detail with history, withdrawal; and the way to the space
of each Task Force the user is a member of."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from ...models import Application, DecisionRefused


class OwnApplicationsMixin(LoginRequiredMixin):
    """Only the user's own applications exist here: anyone else's answers 404."""

    def get_queryset(self):
        return Application.objects.filter(user=self.request.user).select_related(
            "task_force", "region"
        )


class MyApplicationsView(OwnApplicationsMixin, ListView):
    template_name = "taskforce_forms/applications/list.html"
    context_object_name = "applications"

    def get_queryset(self):
        return super().get_queryset().in_active_language()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["memberships"] = set(
            Application.objects.members()
            .filter(user=self.request.user)
            .values_list("pk", flat=True)
        )
        return context


class MyApplicationView(OwnApplicationsMixin, DetailView):
    template_name = "taskforce_forms/applications/detail.html"
    context_object_name = "application"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = self.object.events.all()
        context["task_force"] = self.object.task_force.localized
        context["is_member"] = Application.objects.members().filter(pk=self.object.pk).exists()
        return context


class WithdrawApplicationView(OwnApplicationsMixin, DetailView):
    """GET asks for confirmation; POST withdraws."""

    template_name = "taskforce_forms/applications/withdraw.html"
    context_object_name = "application"

    def post(self, request, *args, **kwargs):
        application = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        try:
            application.withdraw(by=request.user)
        except DecisionRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Your application was withdrawn."))
        return redirect("my_application", pk=application.pk)
