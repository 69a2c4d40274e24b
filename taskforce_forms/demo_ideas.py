"""The demo's project ideas in the A1 and C3 spaces, at three stages of the way to funders: an
idea with a project team, a concept proposal, and one presented to funders, each with the
history that brought it there. Development only."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from home.localized import in_default_language
from strategy_pages.models import ObjectivePage

from .models import IdeaMove, Mover, ProjectIdea, ProjectIdeaEvent, Region

# (Task Force, proposer, title, summary, regions, partners sought, amount, days ago,
#  team members who joined, moves as (move, by, capacity, days ago, note))
DEMO_IDEAS = [
    (
        "A1",
        "priya",
        "Soil carbon in the NDCs of South Asia",
        "Compare how the NDCs of five South Asian countries count soil organic carbon, and "
        "propose a common method for the next round of updates.",
        ["Asia and the Pacific"],
        "A regional policy institute; national inventory teams.",
        None,
        40,
        ["carlos", "kwame"],
        [],
    ),
    (
        "A1",
        "carlos",
        "Andean grasslands in national climate plans",
        "Measure the carbon of restored Andean grasslands and bring the figures to the "
        "environment ministries of Peru and Bolivia.",
        ["Latin America and the Caribbean"],
        "Farmers' cooperatives; a university soil laboratory.",
        450_000,
        120,
        ["amina"],
        [(IdeaMove.MAKE_CONCEPT, "amina", Mover.LEADER, 60, "Ready for the Secretariat.")],
    ),
    (
        "C3",
        "james",
        "Cover crops for smallholders",
        "Train extension services in three countries to advise smallholders on cover crops "
        "that build soil carbon and keep yields.",
        ["Africa", "Asia and the Pacific"],
        "Extension services; a seed company.",
        1_200_000,
        200,
        ["emma"],
        [
            (IdeaMove.MAKE_CONCEPT, "james", Mover.LEADER, 150, ""),
            (
                IdeaMove.PRESENT,
                "secretariat",
                Mover.SECRETARIAT,
                90,
                "Presented at the donors' round table.",
            ),
        ],
    ),
]


@transaction.atomic
def create_demo_ideas():
    """Creates the demo ideas once, if their proposers exist; returns how many it created."""
    users = {user.username: user for user in get_user_model().objects.all()}
    if ProjectIdea.objects.exists() or not {"priya", "carlos", "james"} <= users.keys():
        return 0
    task_forces = {page.code: page for page in in_default_language(ObjectivePage.objects)}
    regions = {region.name: region for region in in_default_language(Region.objects)}
    now = timezone.now()
    for (
        code,
        proposer,
        title,
        summary,
        region_names,
        partners,
        amount,
        days,
        team,
        moves,
    ) in DEMO_IDEAS:
        idea = ProjectIdea.objects.create(
            task_force=task_forces[code],
            proposer=users[proposer],
            title=title,
            summary=summary,
            partners_sought=partners,
            funding_amount=amount,
            funding_currency="USD" if amount else "",
            created_at=now - timedelta(days=days),
        )
        idea.regions.set([regions[name] for name in region_names if name in regions])
        idea.record_proposal()
        for username in team:
            idea.join(users[username])
        for move, by, capacity, days_ago, note in moves:
            event = idea.move(move, users[by], frozenset({capacity}), note)
            ProjectIdeaEvent.objects.filter(pk=event.pk).update(
                created_at=now - timedelta(days=days_ago)
            )
    return len(DEMO_IDEAS)
