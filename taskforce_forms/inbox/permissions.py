"""Who may do what in the Secretariat's screens, and how a refusal reads.

One mechanism for every Secretariat URL (the inbox, the outbox, organizations, people, regions,
the personal-data screens): `answering_403` wraps each view in `forbidden_is_403`, so that a
`PermissionDenied` raised by Wagtail or by the view answers 403 with an explanation page,
instead of Wagtail's redirect to the dashboard with a banner, which would let a refused URL
pass for one that does not exist, and differ from screen to screen."""

from functools import wraps

from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import URLPattern
from wagtail_modeladmin.helpers import PermissionHelper


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


def answering_403(urlpatterns, permission=None):
    """`urlpatterns` with each view wrapped in `forbidden_is_403`; with `permission`, refused to
    whoever lacks it (for views that check nothing themselves, such as Wagtail's choosers)."""
    required = permission_required(permission, raise_exception=True) if permission else None
    return [
        URLPattern(
            url.pattern,
            forbidden_is_403(required(url.callback) if required else url.callback),
            url.default_args,
            url.name,
        )
        for url in urlpatterns
    ]
