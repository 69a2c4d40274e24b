"""A Task Force's space in Chromium, with the production security headers: a member opens it
in English and Arabic, shares their e-mail address, adds an entry and filters the list, and
axe-core finds nothing to fix."""

import pytest
from playwright.sync_api import Page, expect

from taskforce_forms.models import Application

from ..factories import PASSWORD
from ..spaces.people import leader, representative, team_member
from .helpers import assert_accessible, csp_violations
from .spaces import WIDE, screenshots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": WIDE}


@pytest.fixture
def a1_team(strategy_site):
    leila = leader()
    leila.applications.update(consent_to_share_contact=True)
    representative("rafael", "Europe")
    representative("amadou", "Africa")
    team_member(
        "bruno",
        consent_to_share_contact=True,
        answers={
            "contributions": ["literature", "funding_search"],
            "details": "A regional soil map",
        },
    )
    return team_member("tamara")


def test_a_member_opens_the_space_from_the_objective_page(live_server, a1_team, page: Page):
    violations = csp_violations(page)
    page.goto(f"{live_server.url}/en/accounts/login/?next=/en/task-forces/goal-a/a1/")
    page.get_by_label("Username").fill(a1_team.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Task Force A1: members' space").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Task Force A1: members' space")
    team = page.get_by_role("table", name="The team")
    expect(team.get_by_role("row")).to_have_count(6)
    expect(team.get_by_role("link", name="leila@example.org")).to_be_visible()
    expect(team).not_to_contain_text("tamara@example.org")
    assert_accessible(page)
    screenshots(page, "space-en")

    page.get_by_label("Show my e-mail address to the members of this Task Force.").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Your colleagues now see your e-mail")
    expect(team.get_by_role("link", name="tamara@example.org")).to_be_visible()
    assert Application.objects.get(user=a1_team).consent_to_share_contact
    assert_accessible(page)

    page.get_by_label("Title").fill("Soil carbon in West African NDCs")
    page.get_by_label("Short description").fill("A review of how 14 NDCs count soil carbon.")
    page.get_by_label("Region (optional)").select_option(label="Africa")
    page.get_by_label("Language of the source").select_option(label="French")
    page.get_by_role("group", name="Type").get_by_label("Literature").check()
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("your entry was added")
    expect(page.get_by_role("link", name="Soil carbon in West African NDCs")).to_have_count(0)
    expect(page.get_by_role("heading", name="Soil carbon in West African NDCs")).to_be_visible()
    page.get_by_label("Type").select_option(label="Funder or sponsor")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("heading", name="Soil carbon in West African NDCs")).to_have_count(0)
    page.get_by_label("Type").select_option(label="Literature")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("heading", name="Soil carbon in West African NDCs")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/ar/spaces/a1/")
    team = page.locator("table.team")  # its caption now in Arabic
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(team).to_contain_text("أفريقيا")
    assert_accessible(page)
    screenshots(page, "space-ar")
    assert violations == []
