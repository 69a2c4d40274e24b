"""The bases of the Secretariat's lists in wagtail-modeladmin, through its public API only.
Every URL answers 403 to whoever may not see it (`permissions.answering_403`); in the inbox,
items are decided, not edited, the menu counts what waits, and `list_actions` adds views on the
whole list."""

from django.urls import re_path
from wagtail_modeladmin.options import ModelAdmin

from .menus import PendingCountMenuItem
from .permissions import InboxPermissionHelper, answering_403


class SecretariatAdmin(ModelAdmin):
    list_actions = {}  # URL action name: a wagtail-modeladmin view class acting on the list

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration() + tuple(
            re_path(
                rf"^{self.url_helper.base_url_path}/{action}/$",
                view_class.as_view(model_admin=self),
                name=self.url_helper.get_action_url_name(action),
            )
            for action, view_class in self.list_actions.items()
        )
        return tuple(answering_403(urls))


class InboxAdmin(SecretariatAdmin):
    permission_helper_class = InboxPermissionHelper
    inspect_view_enabled = True
    list_per_page = 25

    def pending_count(self):
        """How many items wait, for the menu (the model's `pending()`); 0 shows no count."""
        return self.model.objects.pending().count()

    def get_menu_item(self, order=None):
        return PendingCountMenuItem(self, order or self.get_menu_order())
