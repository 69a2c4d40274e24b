"""Choosing an organization among hundreds by searching its name, in a modal: on the approval of
a request for a login and on a person's profile. The Secretariat's only."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet

from ..models import Organization
from .permissions import answering_403


class OrganizationChooserViewSet(ChooserViewSet):
    model = Organization
    icon = "group"
    choose_one_text = _("Choose an organization")
    choose_another_text = _("Choose another organization")
    edit_item_text = _("Edit this organization")

    def get_urlpatterns(self):
        return answering_403(
            super().get_urlpatterns(), permission="taskforce_forms.view_organization"
        )


organization_chooser_viewset = OrganizationChooserViewSet("organization_chooser")
