"""Every page of a Task Force's space, as its Leader sees it (every form and action shown), in
English and Arabic, with the production security headers: axe-core finds nothing to fix and the
Content-Security-Policy refuses nothing. The forms shown after a mistake are in the stories
(test_space, test_meetings, test_ideas)."""

import pytest
from playwright.sync_api import Page

from taskforce_forms.models import IdeaMove, KnowledgeEntry, KnowledgeKind, Mover, ProjectIdea

from ..factories import objective
from ..spaces.meetings import meeting
from ..spaces.people import leader, representative, team_member
from .helpers import assert_accessible, csp_violations
from .spaces import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def lived_in_space(strategy_site):
    """An A1 space with something on every page: members, an entry, meetings past and to
    come, an idea and a concept proposal."""
    leila = leader()
    representative("rafael", "Europe")
    tamara = team_member("tamara", consent_to_share_contact=True)
    KnowledgeEntry.objects.create(
        task_force=objective("A1"),
        author=tamara,
        kind=KnowledgeKind.LITERATURE,
        title="Soil carbon in West African NDCs",
        description="A review of how 14 NDCs count soil carbon.",
        source_language="fr",
    )
    past = meeting(leila, days=-7, title="Kick-off", minutes="Three gaps were found.")
    upcoming = meeting(leila, days=10, title="Project ideas")
    for title in ("Compost units", "Biochar"):
        ProjectIdea.objects.create(
            task_force=objective("A1"), proposer=tamara, title=title, summary="What it does."
        ).record_proposal()
    ProjectIdea.objects.get(title="Biochar").move(IdeaMove.MAKE_CONCEPT, leila, {Mover.LEADER})
    return leila, past, upcoming


def space_pages(past, upcoming):
    return [
        "",
        "meetings/",
        "meetings/new/",
        f"meetings/{upcoming.pk}/change/",
        f"meetings/{upcoming.pk}/cancel/",
        f"meetings/{past.pk}/minutes/",
        "ideas/",
    ]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_page_of_a_space_is_accessible(live_server, lived_in_space, page: Page, language):
    leila, past, upcoming = lived_in_space
    violations = csp_violations(page)
    log_in(page, live_server.url, leila, f"/{language}/spaces/a1/")
    for path in space_pages(past, upcoming):
        response = page.goto(f"{live_server.url}/{language}/spaces/a1/{path}")
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)
    assert violations == []
