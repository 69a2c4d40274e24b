"""Who may take which role in a Task Force, and apply at all: the one place these rules live."""

from django.utils.translation import gettext_lazy as _

from home.prepared import PreparedQuery
from strategy_pages.choices import CANDIDACY_ROLES, Role

from ..models import Application, user_organization

PARTNER_ONLY_REASON = _(
    "Only people from an organization that is a partner of “4 per 1000” can lead a Task "
    "Force or represent a region. Everyone is welcome as a Team Member."
)


# Asked on every step of the join form.
OPEN_APPLICATION = PreparedQuery(
    lambda user_id, task_force_id: Application.objects.open().filter(
        user_id=user_id, task_force_id=task_force_id
    ),
    int,
    int,
)


def has_open_application(user, task_force):
    """Whether `user` already applied to `task_force`, and the application is still open: they
    may not apply again until it is closed."""
    return OPEN_APPLICATION.exists(user.pk, task_force.pk)


def is_partner(user):
    organization = user_organization(user)
    return bool(organization and organization.is_partner)


def reason_role_unavailable(user, role):
    """Why `user` may not take `role`, or None when they may."""
    if role in CANDIDACY_ROLES and not is_partner(user):
        return PARTNER_ONLY_REASON
    return None


def available_roles(user):
    return [role for role in Role if reason_role_unavailable(user, role) is None]
