"""Who may take which role in a Task Force: the one place this rule lives."""

from django.utils.translation import gettext_lazy as _

from strategy_pages.choices import CANDIDACY_ROLES, Role

from ..models import user_organization

PARTNER_ONLY_REASON = _(
    "Only people from an organization that is a partner of “4 per 1000” can lead a Task "
    "Force or represent a region. Everyone is welcome as a Team Member."
)


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
