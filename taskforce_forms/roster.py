"""The people a Task Force's public page names and counts."""

from strategy_pages.choices import Role

from .models import Application, ApplicationStatus, Region

# What the page shows of each person, and no more: not their answers, nor their password's hash.
ROSTER_FIELDS = [
    "status",
    "role",
    "consent_to_publication",
    "region__sort_order",
    "user__first_name",
    "user__last_name",
    "user__username",
    "user__profile__organization__name",
]


def public_roster(objective):
    """Who a Task Force's public page names: the nominated Leader and Regional Representatives
    who consented to it (the others only as "nominated"), and the number of Team Members. One
    query, region names in the visitor's language included."""
    people = list(
        Application.objects.filter(
            task_force__translation_key=objective.translation_key,
            status__in=[ApplicationStatus.NOMINATED, ApplicationStatus.ACCEPTED],
        )
        .select_related("user__profile__organization", "region")
        .only(*ROSTER_FIELDS)
        .annotate(region_name=Region.name_in_active_language())
    )
    nominees = [person for person in people if person.status == ApplicationStatus.NOMINATED]
    representatives = sorted(
        (
            {"region": person.region_name, "application": person}
            for person in nominees
            if person.role == Role.REGIONAL_REPRESENTATIVE
        ),
        key=lambda representative: representative["application"].region.sort_order,
    )
    return {
        "leader": next((person for person in nominees if person.role == Role.LEADER), None),
        "representatives": representatives,
        "team_size": sum(1 for person in people if person.role == Role.TEAM_MEMBER),
    }
