"""The second factor's entry in Wagtail's audit log (Reports › Site history)."""

from django.utils.translation import gettext_lazy as _

RESET_ACTION = "taskforce_forms.reset_second_factor"


def register_log_actions(actions):
    actions.register_action(
        RESET_ACTION,
        _("Reset two-factor sign-in"),
        _("Reset two-factor sign-in: the person sets it up again at their next sign-in"),
    )
