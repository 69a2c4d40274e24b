"""The second factor in the admin's menus: a superuser's reset button in Settings › Users, and
enrolment offered in the account menu to whoever has not enrolled (editors may)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.widgets import Button

from .devices import has_enrolled


def reset_buttons(user, request_user):
    if not request_user.is_superuser:
        return []
    return [
        Button(
            _("Reset two-factor sign-in"),
            url=reverse("second_factor_reset", args=[user.pk]),
            icon_name="key",
            priority=90,
        )
    ]


def enrolment_menu_item(request):
    if has_enrolled(request.user):
        return None
    return {
        "url": reverse("second_factor_enrol"),
        "label": _("Set up two-factor sign-in"),
        "help_text": _(
            "Sign in with a code from an authenticator app on your phone as well as your password."
        ),
    }
