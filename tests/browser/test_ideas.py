"""A project idea on its way to funders, in Chromium with the production security headers: a
Team Member proposes it in the A1 space, the Leader makes it a concept proposal, the Secretariat
(signed in with its second factor) marks it presented to funders in the admin; axe-core finds
nothing to fix on the ideas page in English and Arabic."""

import re

import pytest
from playwright.sync_api import Page, expect

from taskforce_forms.models import IdeaStage, ProjectIdea

from ..factories import secretariat_user
from ..spaces.people import leader, representative, team_member
from .helpers import SCREENSHOTS, assert_accessible, csp_violations
from .spaces import WIDE, log_in, present_to_funders, screenshots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Compost for Sahel farms"


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": WIDE}


@pytest.fixture
def a1_team(strategy_site):
    representative("rafael", "Europe")
    return {"tamara": team_member("tamara"), "leila": leader()}


def test_an_idea_goes_from_a_member_to_the_funders(live_server, a1_team, page: Page):
    violations = csp_violations(page)
    log_in(page, live_server.url, a1_team["tamara"], "/en/spaces/a1/")
    page.get_by_role("link", name="Project ideas and concept proposals").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Task Force A1: project ideas")
    assert_accessible(page)

    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Funding needed (optional)").fill("250000")
    page.get_by_role("button", name="Propose").click()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.get_by_label("Title")).to_have_value(TITLE)
    assert_accessible(page)
    page.get_by_label("Summary").fill("Village compost units that return carbon to sandy soils.")
    page.get_by_label("Currency").select_option(label="EUR")
    page.get_by_role("group", name="Regions (optional)").get_by_label("Africa").check()
    page.get_by_role("button", name="Propose").click()
    expect(page.get_by_role("status")).to_contain_text("your idea was proposed")
    idea = page.locator("li.idea", has=page.get_by_role("heading", name=TITLE))
    expect(idea).to_contain_text("250,000 EUR")
    expect(idea).to_contain_text("Tamara Tester")
    expect(idea.get_by_role("button", name="Make it a concept proposal")).to_have_count(0)
    assert_accessible(page)
    screenshots(page, "ideas-en")

    log_in(page, live_server.url, a1_team["leila"], "/en/spaces/a1/ideas/")
    idea.get_by_role("button", name="Join the project team").click()
    expect(idea).to_contain_text("Tamara Tester, Leila Tester")
    idea.get_by_label("Note (optional)").fill("Ready for funders.")
    idea.get_by_role("button", name="Make it a concept proposal").click()
    expect(page.get_by_role("status")).to_contain_text("is now at the stage “Concept proposal”")
    expect(page.get_by_role("heading", name=re.compile("^Concept proposal"))).to_be_visible()
    idea.locator("summary", has_text="History").click()
    expect(idea).to_contain_text("Concept proposal, by Leila Tester")
    assert_accessible(page)

    present_to_funders(page, live_server.url, secretariat_user(), TITLE, "GCF round table, March.")
    assert ProjectIdea.objects.get().stage == IdeaStage.PRESENTED
    page.screenshot(path=SCREENSHOTS / "ideas-admin-inspect.png", full_page=True)
    page.goto(f"{live_server.url}/admin/")
    panel = page.locator(".idea-pipeline")
    expect(panel.get_by_role("row", name=re.compile("^A · ")).get_by_role("cell")).to_have_text(
        ["1", "1", "1", "0"]
    )
    panel.screenshot(path=SCREENSHOTS / "ideas-pipeline-panel.png")

    log_in(page, live_server.url, a1_team["tamara"], "/ar/spaces/a1/ideas/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("#stage-presented")).to_be_visible()
    expect(page.locator("li.idea")).to_contain_text("أفريقيا")
    assert_accessible(page)
    screenshots(page, "ideas-ar")

    page.goto(f"{live_server.url}/en/task-forces/goal-a/a1/")
    counts = page.locator(".idea-counts")
    expect(counts).to_contain_text("1 project idea")
    expect(counts).to_contain_text("1 concept proposal presented to funders")
    expect(counts).not_to_contain_text(TITLE)
    assert_accessible(page)
    counts.scroll_into_view_if_needed()
    page.locator("section.join").screenshot(path=SCREENSHOTS / "ideas-objective-counts.png")
    assert violations == []
