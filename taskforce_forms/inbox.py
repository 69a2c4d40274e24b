"""The Secretariat's inbox in the Wagtail admin: forms and views around `moderation`.

The ModelAdmin classes in `wagtail_hooks` only point here, so moving to a `ModelViewSet`
later touches the registration alone."""

from collections import OrderedDict
from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.admin import SimpleListFilter
from django.contrib.admin.utils import label_for_field, lookup_field
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.views import IndexView, InspectView, WMABaseView

from strategy_pages.choices import Role
from strategy_pages.models import GoalPage, ObjectivePage

from . import emails, moderation
from .answers import answer_fields, readable_answer
from .eligibility import user_organization
from .models import (
    AccessRequest,
    Application,
    ApplicationStatus,
    Decision,
    DecisionRefused,
    MembershipStatus,
    Organization,
    OutgoingMail,
    Region,
)

NOTE_MAX_LENGTH = 2000


class InboxPermissionHelper(PermissionHelper):
    """Nobody creates, edits or deletes inbox items freely: they decide them, with the change
    permission, which only the Secretariat group (and superusers) hold."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False

    def user_can_decide(self, user):
        return self.user_has_specific_permission(user, self.get_perm_codename("change"))


def forbidden_is_403(view):
    """Wagtail turns a refusal into a redirect to the dashboard; the inbox answers 403, so that
    nobody mistakes a refused URL for one that exists for them."""

    @wraps(view)
    def view_or_403(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return TemplateResponse(request, "taskforce_forms/admin/403.html", status=403)

    return view_or_403


# Forms


class NoteFields(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the history. Why you decided so, for the Secretariat's colleagues."),
    )
    tell_note = forms.BooleanField(
        label=_("Include the note in the e-mail to the applicant"), required=False
    )


class DecisionForm(NoteFields):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    # The status the decider saw: a decision taken on an outdated page is not applied.
    seen_status = forms.CharField(widget=forms.HiddenInput)

    field_order = ["decision", "note", "tell_note"]

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [
            (decision.value, decision.label) for decision in decisions
        ]


class BulkDecisionForm(NoteFields):
    applications = forms.ModelMultipleChoiceField(
        label=_("Team Member applications"),
        queryset=Application.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one application.")},
    )
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[
            (Decision.ACCEPT.value, Decision.ACCEPT.label),
            (Decision.DECLINE.value, Decision.DECLINE.label),
        ],
    )

    field_order = ["applications", "decision", "note", "tell_note"]

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = queryset
        self.fields["applications"].label_from_instance = bulk_label


def bulk_label(application):
    return f"{application.task_force.code} · {applicant_name(application)} · " + (
        organization_name(application) or "—"
    )


class ApproveAccessForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.all(),
        required=False,
        empty_label=_("A new organization, named as in the request"),
        help_text=_("An organization of the same name is used if there is one."),
    )
    membership_status = forms.ChoiceField(
        label=_("Membership status of a new organization"),
        choices=MembershipStatus.choices,
        initial=MembershipStatus.NONE,
        help_text=_("Check the visitor's claim before making an organization a partner."),
    )
    note = NoteFields.base_fields["note"]


class DeclineAccessForm(NoteFields):
    pass


# List columns and filters


def applicant_name(application):
    if application.user is None:
        return gettext("Personal data erased")
    return person_name(application.user)


def person_name(user):
    return user.get_full_name() or user.username


def organization_name(application):
    organization = user_organization(application.user)
    return organization.name if organization else ""


def membership_status(application):
    organization = user_organization(application.user)
    return organization.get_membership_status_display() if organization else "—"


class GoalFilter(SimpleListFilter):
    title = _("goal")
    parameter_name = "goal"

    def lookups(self, request, model_admin):
        goals = GoalPage.objects.filter(locale=Locale.get_default()).order_by("letter")
        return [(goal.letter, f"{goal.letter} · {goal.title}") for goal in goals]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(task_force__code__startswith=self.value())
        return queryset


class TaskForceFilter(SimpleListFilter):
    title = _("Task Force")
    parameter_name = "task_force"

    def lookups(self, request, model_admin):
        objectives = ObjectivePage.objects.filter(locale=Locale.get_default()).order_by("path")
        return [
            (objective.code, f"{objective.code} · {objective.label}") for objective in objectives
        ]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(task_force__code=self.value())
        return queryset


class RegionFilter(SimpleListFilter):
    title = _("region")
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return [
            (str(region.pk), region.name)
            for region in Region.objects.filter(locale=Locale.get_default())
        ]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(region_id=self.value())
        return queryset


# Views


class ApplicationIndexView(IndexView):
    """The list, and its CSV and XLSX exports with one column per answer."""

    def get_queryset(self, request=None):
        return super().get_queryset(request).for_inbox()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_decide"] = self.permission_helper.user_can_decide(self.request.user)
        return context

    @cached_property
    def answer_columns(self):
        return dict(answer_fields())

    def to_row_dict(self, item):
        row = OrderedDict()
        for column in self.list_export:
            if column in self.answer_columns:
                row[column] = readable_answer(self.answer_columns[column], item.answers.get(column))
            else:
                row[column] = export_value(item, column, self.model_admin)
        return row

    def get_heading(self, queryset, field):
        if field in self.answer_columns:
            return str(self.answer_columns[field].label)
        return capfirst(str(label_for_field(field, self.model, self.model_admin)))

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))


def export_value(item, column, model_admin):
    """A cell as people read it: choice labels, Yes or No, never a stored code."""
    display = getattr(item, f"get_{column}_display", None)
    if display is not None:
        return display()
    value = lookup_field(column, item, model_admin)[2]
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    return value


def neutralise_formula(value):
    """A cell a spreadsheet would run as a formula is kept as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class ApplicationInspectView(InspectView):
    """Every answer, the history, and the decisions the application's status allows."""

    def post(self, request, *args, **kwargs):
        if not self.permission_helper.user_can_decide(request.user):
            raise PermissionDenied
        if request.POST.get("seen_status") != self.instance.status:
            return self.changed_meanwhile(request.POST)
        form = self.decision_form(request.POST)
        if form.is_valid():
            try:
                event = moderation.decide(
                    self.instance,
                    form.cleaned_data["decision"],
                    by=request.user,
                    note=form.cleaned_data["note"],
                    tell_note=form.cleaned_data["tell_note"],
                )
            except DecisionRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(
                    request,
                    _("%(application)s is now %(status)s; the applicant is told by e-mail.")
                    % {
                        "application": self.instance,
                        "status": event.get_to_status_display().lower(),
                    },
                )
                return redirect(self.url_helper.get_action_url("inspect", self.pk_quoted))
        return self.render_to_response(self.get_context_data(decision_form=form))

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
        code = self.request.GET.get("task_force")
        if code:
            applications = applications.filter(task_force__code=code)
        return applications.order_by("task_force__path", "submitted_at")

    def get(self, request, *args, **kwargs):
        return self.render(BulkDecisionForm(queryset=self.queryset()))

    def post(self, request, *args, **kwargs):
        form = BulkDecisionForm(request.POST, queryset=self.queryset())
        if not form.is_valid():
            return self.render(form)
        decided, refused = moderation.decide_many(
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


class AccessRequestInspectView(InspectView):
    """The request, and the approve and decline forms while it is pending."""

    def post(self, request, *args, **kwargs):
        if not self.permission_helper.user_can_decide(request.user):
            raise PermissionDenied
        if "approve" in request.POST:
            return self.approve(ApproveAccessForm(request.POST, prefix="approve"))
        return self.decline(DeclineAccessForm(request.POST, prefix="decline"))

    def approve(self, form):
        if form.is_valid():
            try:
                user = moderation.approve_access_request(
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
                moderation.decline_access_request(
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

    def back(self):
        return redirect(self.url_helper.get_action_url("inspect", self.pk_quoted))

    def get_context_data(self, **kwargs):
        pending = self.instance.status == AccessRequest.Status.PENDING
        context = {
            "can_decide": pending and self.permission_helper.user_can_decide(self.request.user)
        }
        if context["can_decide"]:
            context["approve_form"] = kwargs.pop("approve_form", None) or ApproveAccessForm(
                prefix="approve"
            )
            context["decline_form"] = kwargs.pop("decline_form", None) or DeclineAccessForm(
                prefix="decline"
            )
        return super().get_context_data(**context, **kwargs)


# The outbox


class OutgoingMailIndexView(IndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_send_again"] = (
            self.permission_helper.user_can_decide(self.request.user)
            and OutgoingMail.objects.filter(status=OutgoingMail.Status.FAILED).exists()
        )
        return context


class OutgoingMailInspectView(InspectView):
    """Where an e-mail stands; a failed one can be sent again at once."""

    def post(self, request, *args, **kwargs):
        if not self.permission_helper.user_can_decide(request.user):
            raise PermissionDenied
        report_sending(request, OutgoingMail.objects.filter(pk=self.instance.pk))
        return redirect(self.url_helper.get_action_url("inspect", self.pk_quoted))

    def get_context_data(self, **kwargs):
        can_send_again = self.instance.status == OutgoingMail.Status.FAILED
        return super().get_context_data(
            can_send_again=can_send_again
            and self.permission_helper.user_can_decide(self.request.user),
            **kwargs,
        )


class SendFailedMailAgainView(WMABaseView):
    """The outbox's "Send the failed e-mails again", for when the mail server is back."""

    http_method_names = ["post"]

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_decide(user)

    def post(self, request, *args, **kwargs):
        report_sending(request, OutgoingMail.objects.filter(status=OutgoingMail.Status.FAILED))
        return redirect(self.index_url)


def report_sending(request, mails):
    """Sends `mails` again now and tells the Secretariat how it went."""
    tried = emails.send_again(mails)
    if not tried:
        messages.info(request, _("No failed e-mail is waiting to be sent again."))
        return
    still_failed = OutgoingMail.objects.filter(
        pk__in=tried, status=OutgoingMail.Status.FAILED
    ).count()
    if still_failed:
        messages.error(
            request,
            ngettext(
                "%(count)d e-mail could not be sent again; the mail server still refuses it.",
                "%(count)d e-mails could not be sent again; the mail server still refuses them.",
                still_failed,
            )
            % {"count": still_failed},
        )
    sent = len(tried) - still_failed
    if sent:
        messages.success(
            request,
            ngettext("%(count)d e-mail sent.", "%(count)d e-mails sent.", sent) % {"count": sent},
        )
