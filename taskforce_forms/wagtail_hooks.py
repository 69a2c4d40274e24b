"""Wagtail admin registration. The classes stay thin: rules live in the models and services."""

from django.contrib.admin import display as admin_display
from django.urls import re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.menus import ModelAdminMenuItem
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import CreateView, EditView

from . import charts, emails, inbox, moderation, personal_data_admin
from .models import AccessRequest, Application, Organization, OutgoingMail, Profile, Region


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


class OrganizationAdmin(ModelAdmin):
    model = Organization
    menu_icon = "group"
    list_display = ["name", "country", "membership_status"]
    list_filter = ["membership_status"]
    search_fields = ["name"]
    inspect_view_enabled = True
    inspect_view_fields = ["name", "country", "membership_status"]
    inspect_template_name = "taskforce_forms/admin/organization_inspect.html"
    create_view_class = OrganizationCreateView
    edit_view_class = OrganizationEditView


class ProfileAdmin(ModelAdmin):
    model = Profile
    menu_label = _("People")
    menu_icon = "user"
    list_display = ["user", "organization", "country", "preferred_language"]
    list_filter = ["organization__membership_status", "preferred_language"]
    list_select_related = ["user", "organization"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email"]
    form_fields_exclude = ["user"]
    inspect_view_enabled = True
    inspect_template_name = "taskforce_forms/admin/person_inspect.html"
    button_helper_class = personal_data_admin.PersonButtonHelper


class PendingCountMenuItem(ModelAdminMenuItem):
    """The menu says how many items wait for a decision."""

    def render_component(self, request):
        component = super().render_component(request)
        count = self.model_admin.pending_count()
        if count:
            component.label = f"{component.label} ({count})"
        return component


class InboxAdmin(ModelAdmin):
    permission_helper_class = inbox.InboxPermissionHelper
    inspect_view_enabled = True
    list_per_page = 25

    def get_menu_item(self, order=None):
        return PendingCountMenuItem(self, order or self.get_menu_order())

    def get_admin_urls_for_registration(self):
        return tuple(
            re_path(url.pattern.regex.pattern, inbox.forbidden_is_403(url.callback), name=url.name)
            for url in self.inbox_urls()
        )

    def inbox_urls(self):
        return super().get_admin_urls_for_registration()


class ApplicationAdmin(InboxAdmin):
    model = Application
    menu_icon = "form"
    list_display = [
        "submitted_at",
        "applicant",
        "organization",
        "membership",
        "task_force_code",
        "role",
        "region",
        "status",
        "language",
    ]
    list_filter = [
        inbox.GoalFilter,
        inbox.TaskForceFilter,
        "role",
        inbox.RegionFilter,
        "status",
        "user__profile__organization__membership_status",
        "submitted_at",
    ]
    search_fields = [
        "user__first_name",
        "user__last_name",
        "user__email",
        "user__profile__organization__name",
    ]
    list_export = [
        *list_display[:2],
        "applicant_email",
        *list_display[2:],
        "consent_to_publication",
        *[name for name, _field in inbox.answer_fields()],
    ]
    export_filename = "applications"
    index_view_class = inbox.ApplicationIndexView
    index_template_name = "taskforce_forms/admin/application_index.html"
    inspect_view_class = inbox.ApplicationInspectView
    inspect_template_name = "taskforce_forms/admin/application_inspect.html"

    def pending_count(self):
        return Application.objects.pending().count()

    @admin_display(description=_("applicant"), ordering="user__last_name")
    def applicant(self, application):
        return inbox.applicant_name(application)

    @admin_display(description=_("e-mail"), ordering="user__email")
    def applicant_email(self, application):
        return application.user.email if application.user else ""

    @admin_display(description=_("organization"), ordering="user__profile__organization__name")
    def organization(self, application):
        return inbox.organization_name(application)

    @admin_display(description=_("membership status"))
    def membership(self, application):
        return inbox.membership_status(application)

    @admin_display(description=_("Task Force"), ordering="task_force__code")
    def task_force_code(self, application):
        return application.task_force.code

    def inbox_urls(self):
        return super().inbox_urls() + (
            re_path(
                self.url_helper._get_action_url_pattern("bulk_decide"),
                self.bulk_decision_view,
                name=self.url_helper.get_action_url_name("bulk_decide"),
            ),
        )

    def bulk_decision_view(self, request):
        return inbox.BulkDecisionView.as_view(model_admin=self)(request)


class AccessRequestAdmin(InboxAdmin):
    model = AccessRequest
    menu_icon = "mail"
    list_display = [
        "created_at",
        "name",
        "email",
        "organization_name",
        "country",
        "membership_claim",
        "status",
        "language",
    ]
    list_filter = ["status", "membership_claim", "language", "created_at"]
    search_fields = ["name", "email", "organization_name"]
    inspect_view_class = inbox.AccessRequestInspectView
    inspect_template_name = "taskforce_forms/admin/access_request_inspect.html"
    inspect_view_fields = [
        *list_display[:-2],
        "message",
        *list_display[-2:],
        "decided_at",
        "decided_by",
        "decision_note",
    ]

    def pending_count(self):
        return AccessRequest.objects.filter(status=AccessRequest.Status.PENDING).count()


class OutgoingMailAdmin(InboxAdmin):
    """The outbox: what was sent, what waits for the mail server, what failed and why. The
    menu counts failed e-mails."""

    model = OutgoingMail
    menu_label = _("E-mails")
    menu_icon = "warning"
    list_display = [
        "created_at",
        "recipient_list",
        "subject",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
    ]
    list_filter = ["status", "created_at"]
    search_fields = ["subject", "recipients"]
    index_view_class = inbox.OutgoingMailIndexView
    inspect_view_class = inbox.OutgoingMailInspectView
    inspect_template_name = "taskforce_forms/admin/outgoing_mail_inspect.html"
    index_template_name = "taskforce_forms/admin/outgoing_mail_index.html"
    inspect_view_fields = [
        "created_at",
        "recipient_list",
        "subject",
        "language",
        "status",
        "attempts",
        "last_attempt_at",
        "next_attempt_at",
        "sent_at",
        "last_error",
    ]

    def pending_count(self):
        return emails.failed_count()

    @admin_display(description=_("recipients"))
    def recipient_list(self, mail):
        return mail.recipient_list

    def inbox_urls(self):
        return super().inbox_urls() + (
            re_path(
                self.url_helper._get_action_url_pattern("send_again"),
                self.send_again_view,
                name=self.url_helper.get_action_url_name("send_again"),
            ),
        )

    def send_again_view(self, request):
        return inbox.SendFailedMailAgainView.as_view(model_admin=self)(request)


class PeopleGroup(ModelAdminGroup):
    menu_label = _("Task Force people")
    menu_icon = "group"
    menu_order = 250
    items = [
        ApplicationAdmin,
        AccessRequestAdmin,
        OrganizationAdmin,
        ProfileAdmin,
        OutgoingMailAdmin,
    ]


modeladmin_register(PeopleGroup)


class CoveragePanel(Component):
    """The dashboard's view of the Task Forces: what waits, who is nominated, where the gaps are."""

    name = "task_force_coverage"
    order = 50
    template_name = "taskforce_forms/admin/coverage_panel.html"

    def get_context_data(self, parent_context):
        months, series = moderation.applications_per_goal_by_month()
        return {
            "pending": moderation.pending_counts(),
            "coverage": moderation.coverage(),
            "chart": charts.line_chart(months, series),
            "applications_url": reverse("taskforce_forms_application_modeladmin_index"),
            "access_requests_url": reverse("taskforce_forms_accessrequest_modeladmin_index"),
        }


@hooks.register("construct_homepage_panels")
def add_coverage_panel(request, panels):
    if inbox.InboxPermissionHelper(Application).user_can_list(request.user):
        panels.insert(0, CoveragePanel())


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    list_display = ["name", "sort_order"]


register_snippet(RegionViewSet)


@hooks.register("register_admin_urls")
def register_personal_data_urls():
    return personal_data_admin.urls()
