"""A Task Force's team as its space shows it: who is in it, by role and region, with the
contact details, and what they offered on the join form, of those who consented to share them."""

from dataclasses import dataclass

from strategy_pages.choices import Role

from ..models import Application, Region, person_name, user_organization

ROLE_ORDER = [Role.LEADER, Role.REGIONAL_REPRESENTATIVE, Role.TEAM_MEMBER]


@dataclass(frozen=True)
class Colleague:
    """One member as the others see them: the e-mail address only with their consent."""

    name: str
    organization: str
    role: str
    region: str
    email: str
    is_visitor: bool
    contributions: list


def team(task_force, visitor):
    """The members of `task_force`, the Leader first, then the Representatives by region, then
    the Team Members by name; in one query, region names in the visitor's language."""
    members = (
        Application.objects.members_of(task_force)
        .select_related("user__profile__organization", "region")
        .annotate(region_name=Region.name_in_active_language())
    )
    colleagues = sorted(members, key=_place)
    return [_colleague(application, visitor) for application in colleagues]


def _place(application):
    region_order = application.region.sort_order if application.region else 0
    return ROLE_ORDER.index(application.role), region_order, person_name(application.user)


def _colleague(application, visitor):
    user = application.user
    return Colleague(
        name=person_name(user),
        organization=str(user_organization(user) or ""),
        role=application.get_role_display(),
        region=application.region_name or "",
        email=user.email if application.consent_to_share_contact else "",
        is_visitor=user.pk == visitor.pk,
        contributions=_contributions(application),
    )


def _contributions(application):
    """What a Team Member offered on the join form, as (question, answer) pairs: shared with the
    same consent as their e-mail address."""
    if application.role != Role.TEAM_MEMBER or not application.consent_to_share_contact:
        return []
    return application.answer_list()
