"""The bases of the Secretariat's lists in wagtail-modeladmin, through its public API only.
Every URL answers 403 to whoever may not see it (`permissions.answering_403`); in the inbox,
items are decided, not edited, the menu counts what waits, and `list_actions` adds views on the
whole list. A list's address asks only for what the list offers (`lookups`)."""

from django.contrib import messages
from django.urls import re_path
from django.utils.translation import gettext, ngettext
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from . import lookups
from .menus import PendingCountMenuItem
from .permissions import InboxPermissionHelper, answering_403


class SecretariatIndexView(IndexView):
    """A list whose address may ask only for the filters and choices the list offers: the rest
    is left out and said above the list, in the person's language, rather than passed to the
    database (wagtail-modeladmin, unlike Django's admin, lets any lookup through and answers a
    500 to one it cannot read). An export asked with something left out is not made: the list
    shows what it would have held."""

    refused = None  # the Refusals of this request's address, once its filters are read

    def get_filters(self, request):
        filters = super().get_filters(request)
        if self.refused is None:
            self.read_the_address(*filters)
            if self.refused:
                filters = super().get_filters(request)
        return filters

    def read_the_address(self, filter_specs, _has_filters, unknown, _use_distinct):
        """Once per request, before the list's query: leaves out of `params` and of the search
        what the list does not offer, and says so."""
        self.refused = lookups.refusals(self, filter_specs, unknown)
        for refusal in self.refused:
            for name in refusal.parameters:
                del self.params[name]
        query = lookups.typeable(self.query)
        if query != self.query:
            self.query = self.params[self.SEARCH_VAR] = query
            messages.warning(
                self.request,
                gettext("Control characters cannot be searched for: the search left them out."),
            )
        self.tell_refusals()

    def tell_refusals(self):
        unknown = [refusal.label for refusal in self.refused if refusal.unknown_filter]
        unoffered = [refusal.label for refusal in self.refused if not refusal.unknown_filter]
        if unknown:
            messages.warning(
                self.request,
                ngettext(
                    "This filter is not available here, so the list is shown without it: "
                    "%(filters)s.",
                    "These filters are not available here, so the list is shown without them: "
                    "%(filters)s.",
                    len(unknown),
                )
                % {"filters": lookups.listed(unknown)},
            )
        if unoffered:
            messages.warning(
                self.request,
                ngettext(
                    "This filter has no such choice, so the list is shown without it: %(filters)s.",
                    "These filters have no such choice, so the list is shown without them: "
                    "%(filters)s.",
                    len(unoffered),
                )
                % {"filters": lookups.listed(unoffered)},
            )
        if self.refused and self.export in self.FORMATS:
            self.export = None
            messages.warning(
                self.request, gettext("Nothing was exported: check the list, then export it again.")
            )


class SecretariatAdmin(ModelAdmin):
    index_view_class = SecretariatIndexView
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
