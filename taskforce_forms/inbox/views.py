"""The Secretariat's screens for applications and requests for a login; the rules they apply
live in the models and in `decisions`."""

from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail_modeladmin.views import CreateView, EditView, InspectView, WMABaseView

from strategy_pages.choices import Role

from ..models import (
    AccessRequest,
    Application,
    ApplicationStatus,
    DecisionRefused,
    person_name,
    user_organization,
)
from ..outbox.notifications import preview_decision
from ..privacy import audit
from ..spaces.links import space_url
from ..spaces.permissions import oversees_spaces
from . import decisions, lookups
from .admin import SecretariatIndexView
from .export import AnswersExport
from .filters import chosen_filters
from .forms import ApproveAccessForm, BulkDecisionForm, DecisionForm, DeclineAccessForm


class RecordedExport(AnswersExport):
    """A list's CSV and XLSX exports, each recorded with its filters and its number of rows
    (`privacy.audit`): they name people."""

    record_export = None  # e.g. audit.record_applications_export

    def as_spreadsheet(self, queryset, spreadsheet_format):
        rows = list(queryset)
        type(self).record_export(
            self.request.user, spreadsheet_format, len(rows), chosen_filters(self)
        )
        return super().as_spreadsheet(rows, spreadsheet_format)


class ApplicationIndexView(RecordedExport, SecretariatIndexView):
    """The list, and its CSV and XLSX exports with one column per answer."""

    record_export = audit.record_applications_export

    def get_queryset(self, request=None):
        return super().get_queryset(request).for_inbox()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_decide"] = self.permission_helper.user_can_decide(self.request.user)
        return context


class ReadableInspectView(InspectView):
    """An item's page as people read it: labels capitalised, people by their names, a zero
    shown as 0 rather than as empty."""

    def get_field_label(self, field_name, field=None):
        return capfirst(super().get_field_label(field_name, field))

    def get_field_display_value(self, field_name, field=None):
        value = getattr(self.instance, field_name, None)
        if isinstance(value, AbstractBaseUser):
            return person_name(value)
        if value == 0 and not isinstance(value, bool):
            return value
        return super().get_field_display_value(field_name, field)


class PersonInspectView(ReadableInspectView):
    """A person's page (their profile), recorded as opened; superusers also read there who
    opened, exported or decided on the person's data."""

    def get(self, request, *args, **kwargs):
        audit.record(self.instance.user, audit.OPEN_PERSON, by=request.user)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        if self.request.user.is_superuser:
            kwargs["access_entries"], kwargs["access_count"] = audit.person_entries(
                self.instance.user
            )
        return super().get_context_data(**kwargs)


class DecisionInspectView(ReadableInspectView):
    """An item's page with a form that acts on it: only those who may decide can post it, and
    the page is shown again after acting (`back`)."""

    def post(self, request, *args, **kwargs):
        if not self.permission_helper.user_can_decide(request.user):
            raise PermissionDenied
        return self.act(request)

    def act(self, request):
        raise NotImplementedError

    def back(self):
        return redirect(self.url_helper.get_action_url("inspect", self.pk_quoted))


class ApplicationInspectView(DecisionInspectView):
    """Every answer, the history, and the decisions the application's status allows. Opening
    it is recorded."""

    def get(self, request, *args, **kwargs):
        audit.record(self.instance, audit.OPEN_APPLICATION, by=request.user)
        return super().get(request, *args, **kwargs)

    def act(self, request):
        if request.POST.get("seen_status") != self.instance.status:
            return self.changed_meanwhile(request.POST)
        form = self.decision_form(request.POST)
        if form.is_valid() and "preview" in request.POST:
            return self.preview(form)
        if form.is_valid():
            try:
                event = decisions.decide(
                    self.instance,
                    form.cleaned_data["decision"],
                    by=request.user,
                    note=form.cleaned_data["note"],
                    tell_note=form.cleaned_data["tell_note"],
                )
            except DecisionRefused as refusal:
                form.add_error(None, str(refusal))
                return self.render_to_response(
                    self.get_context_data(decision_form=form, conflicting=refusal.conflicting)
                )
            else:
                messages.success(
                    request,
                    _("%(application)s is now %(status)s; the applicant is told by e-mail.")
                    % {
                        "application": self.instance,
                        "status": event.get_to_status_display().lower(),
                    },
                )
                return self.back()
        return self.render_to_response(self.get_context_data(decision_form=form))

    def preview(self, form):
        """The e-mail the decision would send, as the applicant will read it, before saving."""
        event = self.instance.decision_event(
            form.cleaned_data["decision"], by=self.request.user, note=form.cleaned_data["note"]
        )
        event.created_at = timezone.now()
        subject, body = preview_decision(event, tell_note=form.cleaned_data["tell_note"])
        context = {"decision_form": form, "email_preview": {"subject": subject, "body": body}}
        return self.render_to_response(self.get_context_data(**context))

    def changed_meanwhile(self, data):
        """Says what happened and offers the decisions the new status allows, note kept."""
        messages.error(
            self.request,
            _(
                "Someone else changed this application meanwhile: it is now %(status)s. "
                "Your decision was not applied; check the history, then decide again."
            )
            % {"status": self.instance.get_status_display().lower()},
        )
        kept = {"note": data.get("note", ""), "tell_note": bool(data.get("tell_note"))}
        context = {"decision_form": self.decision_form(initial=kept)}
        return self.render_to_response(self.get_context_data(**context), status=409)

    def decision_form(self, data=None, initial=None):
        initial = {"seen_status": self.instance.status, **(initial or {})}
        return DecisionForm(data, initial=initial, decisions=self.instance.allowed_decisions())

    def get_context_data(self, **kwargs):
        application = self.instance
        can_decide = self.permission_helper.user_can_decide(self.request.user)
        context = {
            "answers": application.answer_list(),
            "events": application.events.select_related("actor"),
            "organization": user_organization(application.user),
            "can_decide": can_decide and bool(application.allowed_decisions()),
            "space_url": oversees_spaces(self.request.user)
            and space_url(application.task_force.code),
        }
        if context["can_decide"] and "decision_form" not in kwargs:
            context["decision_form"] = self.decision_form()
        return super().get_context_data(**context, **kwargs)


class BulkDecisionView(WMABaseView):
    """Accept or decline several Team Members at once; candidacies are decided one by one."""

    template_name = "taskforce_forms/admin/bulk_decide.html"
    page_title = _("Decide Team Members together")

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_decide(user)

    def queryset(self):
        applications = Application.objects.filter(
            role=Role.TEAM_MEMBER, status=ApplicationStatus.SUBMITTED
        ).for_inbox()
        code = lookups.typeable(self.request.GET.get("task_force", ""))
        if code:
            applications = applications.filter(task_force__code=code)
        return applications.order_by("task_force__path", "submitted_at")

    def get(self, request, *args, **kwargs):
        return self.render(BulkDecisionForm(queryset=self.queryset()))

    def post(self, request, *args, **kwargs):
        form = BulkDecisionForm(request.POST, queryset=self.queryset())
        if not form.is_valid():
            return self.render(form)
        decided, refused = decisions.decide_many(
            form.cleaned_data["applications"],
            form.cleaned_data["decision"],
            by=request.user,
            note=form.cleaned_data["note"],
            tell_note=form.cleaned_data["tell_note"],
        )
        if decided:
            messages.success(
                request,
                ngettext(
                    "%(count)d application decided; the applicant is told by e-mail.",
                    "%(count)d applications decided; each applicant is told by e-mail.",
                    len(decided),
                )
                % {"count": len(decided)},
            )
        for application, reason in refused:
            messages.error(request, f"{application}: {reason}")
        return redirect(self.url_helper.index_url)

    def render(self, form):
        return TemplateResponse(self.request, self.template_name, self.get_context_data(form=form))


class AccessRequestInspectView(DecisionInspectView):
    """The request, and the approve and decline forms while it is pending."""

    def act(self, request):
        if "approve" in request.POST:
            return self.approve(self.approve_form(request.POST))
        return self.decline(DeclineAccessForm(request.POST, prefix="decline"))

    def approve(self, form):
        if form.is_valid():
            try:
                user = decisions.approve_access_request(
                    self.instance,
                    by=self.request.user,
                    organization=form.cleaned_data["organization"],
                    membership_status=form.cleaned_data["membership_status"],
                    note=form.cleaned_data["note"],
                )
            except DecisionRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(
                    self.request,
                    _(
                        "The account %(username)s was created; a link to set its password was "
                        "e-mailed to %(email)s."
                    )
                    % {"username": user.username, "email": user.email},
                )
                return self.back()
        return self.render_to_response(self.get_context_data(approve_form=form))

    def decline(self, form):
        if form.is_valid():
            try:
                decisions.decline_access_request(
                    self.instance,
                    by=self.request.user,
                    note=form.cleaned_data["note"],
                    tell_note=form.cleaned_data["tell_note"],
                )
            except DecisionRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(self.request, _("The request was declined."))
                return self.back()
        return self.render_to_response(self.get_context_data(decline_form=form))

    def approve_form(self, data=None):
        claim = self.instance.get_membership_claim_display()
        return ApproveAccessForm(data, prefix="approve", claim=claim)

    def get_context_data(self, **kwargs):
        pending = self.instance.status == AccessRequest.Status.PENDING
        context = {
            "can_decide": pending and self.permission_helper.user_can_decide(self.request.user)
        }
        if context["can_decide"]:
            context["approve_form"] = kwargs.pop("approve_form", None) or self.approve_form()
            context["decline_form"] = kwargs.pop("decline_form", None) or DeclineAccessForm(
                prefix="decline"
            )
        return super().get_context_data(**context, **kwargs)


class RecordsMembershipChange:
    """Create and edit views of organizations keep who changed the membership status."""

    def form_valid(self, form):
        previous_status = form.initial.get("membership_status")
        response = super().form_valid(form)
        self.instance.record_membership_change(previous_status, self.request.user)
        return response


class OrganizationCreateView(RecordsMembershipChange, CreateView):
    pass


class OrganizationEditView(RecordsMembershipChange, EditView):
    pass
