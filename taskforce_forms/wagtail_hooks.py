"""Wagtail admin registration only: the Secretariat's lists (wagtail-modeladmin), the regions
(a snippet), the dashboard panel, the personal-data URLs and the second factor's screens. What
they show and do lives in `inbox`, `outbox`, `privacy` and `second_factor`; moving to a
`ModelViewSet` changes this file."""

from django.contrib.admin import display as admin_display
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from .inbox import columns
from .inbox import views as inbox_views
from .inbox.admin import InboxAdmin, SecretariatAdmin
from .inbox.choosers import organization_chooser_viewset
from .inbox.dashboard import CoveragePanel, IdeaPipelinePanel
from .inbox.filters import GoalFilter, RegionFilter, StatusFilter, TaskForceFilter
from .inbox.ideas import (
    IdeaPermissionHelper,
    IdeaRegionFilter,
    ProjectIdeaIndexView,
    ProjectIdeaInspectView,
)
from .inbox.permissions import InboxPermissionHelper, answering_403
from .join.answers import answer_fields
from .models import (
    AccessRequest,
    Application,
    Organization,
    OutgoingMail,
    Profile,
    ProjectIdea,
    Region,
    person_name,
)
from .outbox import views as outbox_views
from .outbox.delivery import failed_count
from .privacy import audit
from .privacy import views as privacy_views
from .second_factor import log_actions as second_factor_log_actions
from .second_factor import menus as second_factor_menus
from .second_factor import views as second_factor_views


class OrganizationAdmin(SecretariatAdmin):
    model = Organization
    menu_icon = "group"
    list_display = ["name", "country", "membership_status"]
    list_filter = ["membership_status"]
    search_fields = ["name"]
    inspect_view_enabled = True
    inspect_view_fields = ["name", "country", "membership_status"]
    inspect_template_name = "taskforce_forms/admin/organization_inspect.html"
    inspect_view_class = inbox_views.ReadableInspectView
    create_view_class = inbox_views.OrganizationCreateView
    edit_view_class = inbox_views.OrganizationEditView


class ProfileAdmin(SecretariatAdmin):
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
    inspect_view_class = inbox_views.PersonInspectView
    button_helper_class = privacy_views.PersonButtonHelper


class ApplicationAdmin(InboxAdmin):
    model = Application
    menu_icon = "form"
    list_display = [
        "applicant",
        "received",
        "organization",
        "membership",
        "task_force_code",
        "role",
        "region",
        "status",
        "language",
    ]
    list_filter = [
        StatusFilter,
        "role",
        GoalFilter,
        TaskForceFilter,
        RegionFilter,
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
        "submitted_at",
        "applicant",
        "applicant_email",
        *list_display[2:],
        "consent_to_publication",
        *[name for name, _field in answer_fields()],
    ]
    export_filename = "applications"
    index_view_class = inbox_views.ApplicationIndexView
    index_template_name = "taskforce_forms/admin/application_index.html"
    inspect_view_class = inbox_views.ApplicationInspectView
    inspect_template_name = "taskforce_forms/admin/application_inspect.html"
    list_actions = {"bulk_decide": inbox_views.BulkDecisionView}

    @admin_display(description=_("applicant"), ordering="user__last_name")
    def applicant(self, application):
        return columns.applicant_name(application)

    @admin_display(description=_("received"), ordering="submitted_at")
    def received(self, application):
        return columns.received(application)

    @admin_display(description=_("e-mail"), ordering="user__email")
    def applicant_email(self, application):
        return application.user.email if application.user else ""

    @admin_display(description=_("organization"), ordering="user__profile__organization__name")
    def organization(self, application):
        return columns.organization_name(application)

    @admin_display(description=_("membership status"))
    def membership(self, application):
        return columns.membership_status(application)

    @admin_display(description=_("Task Force"), ordering="task_force__code")
    def task_force_code(self, application):
        return application.task_force.code


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
    index_template_name = "taskforce_forms/admin/inbox_index.html"
    inspect_view_class = inbox_views.AccessRequestInspectView
    inspect_template_name = "taskforce_forms/admin/access_request_inspect.html"
    inspect_view_fields = [
        *list_display[:-2],
        "message",
        *list_display[-2:],
        "decided_at",
        "decided_by",
        "decision_note",
    ]


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
    index_view_class = outbox_views.OutgoingMailIndexView
    inspect_view_class = outbox_views.OutgoingMailInspectView
    inspect_template_name = "taskforce_forms/admin/outgoing_mail_inspect.html"
    index_template_name = "taskforce_forms/admin/outgoing_mail_index.html"
    list_actions = {"send_again": outbox_views.SendFailedMailAgainView}
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
        return failed_count()

    @admin_display(description=_("recipients"))
    def recipient_list(self, mail):
        return mail.recipient_list


class ProjectIdeaAdmin(InboxAdmin):
    """The Task Forces' project ideas on their way to funders; the menu counts the concept
    proposals waiting to be presented."""

    model = ProjectIdea
    menu_label = _("Project ideas")
    menu_icon = "pick"
    list_display = [
        "title",
        "task_force_code",
        "stage",
        "region_names",
        "funding_need",
        "team_size",
        "created_at",
    ]
    list_filter = ["stage", GoalFilter, TaskForceFilter, IdeaRegionFilter]
    search_fields = ["title", "summary", "partners_sought"]
    list_export = [
        "created_at",
        "task_force_code",
        "title",
        "summary",
        "region_names",
        "partners_sought",
        "funding_amount",
        "funding_currency",
        "proposer_name",
        "team_size",
        "stage",
    ]
    export_filename = "project-ideas"
    permission_helper_class = IdeaPermissionHelper
    index_view_class = ProjectIdeaIndexView
    index_template_name = "taskforce_forms/admin/inbox_index.html"
    inspect_view_class = ProjectIdeaInspectView
    inspect_template_name = "taskforce_forms/admin/project_idea_inspect.html"

    @admin_display(description=_("Task Force"), ordering="task_force__code")
    def task_force_code(self, idea):
        return idea.task_force.code

    @admin_display(description=_("regions"))
    def region_names(self, idea):
        return ", ".join(region.name for region in idea.regions.all())

    @admin_display(description=_("funding needed"), ordering="funding_amount")
    def funding_need(self, idea):
        if idea.funding_amount is None:
            return ""
        return f"{idea.funding_amount:,} {idea.funding_currency}"

    @admin_display(description=_("project team"))
    def team_size(self, idea):
        return len(idea.team.all())

    @admin_display(description=_("proposed by"))
    def proposer_name(self, idea):
        return person_name(idea.proposer) if idea.proposer else ""


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
        ProjectIdeaAdmin,
    ]


modeladmin_register(PeopleGroup)


@hooks.register("register_admin_viewset")
def register_organization_chooser():
    return organization_chooser_viewset


@hooks.register("construct_homepage_panels")
def add_coverage_panel(request, panels):
    if InboxPermissionHelper(Application).user_can_list(request.user):
        panels.insert(0, CoveragePanel())
    if IdeaPermissionHelper(ProjectIdea).user_can_list(request.user):
        panels.append(IdeaPipelinePanel())


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    list_display = ["name", "sort_order"]

    def get_urlpatterns(self):
        return answering_403(super().get_urlpatterns())


register_snippet(RegionViewSet)


@hooks.register("register_admin_urls")
def register_personal_data_urls():
    return privacy_views.urls()


hooks.register("register_log_actions", audit.register_log_actions)


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return second_factor_views.urls()


hooks.register("register_log_actions", second_factor_log_actions.register_log_actions)
hooks.register("register_user_listing_buttons", second_factor_menus.reset_buttons)
hooks.register("register_account_menu_item", second_factor_menus.enrolment_menu_item)
