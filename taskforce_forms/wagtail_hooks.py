"""Wagtail admin registration. The classes stay thin: rules live in the models and services."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import CreateView, EditView

from .models import Organization, Profile, Region


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


class PeopleGroup(ModelAdminGroup):
    menu_label = _("Task Force people")
    menu_icon = "group"
    menu_order = 250
    items = [OrganizationAdmin, ProfileAdmin]


modeladmin_register(PeopleGroup)


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    list_display = ["name", "sort_order"]


register_snippet(RegionViewSet)
