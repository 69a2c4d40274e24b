"""Joining a Task Force in Chromium, as the demo accounts would, with axe-core on every step."""

import pytest
from playwright.sync_api import Page, expect

from taskforce_forms.models import Application

from ..factories import PASSWORD, partner_user, visitor_user
from .helpers import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUALIFICATION = (
    "I coordinate a network of soil laboratories in West Africa and led the NDC soil "
    "carbon review of three countries."
)


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}


def log_in_from_the_objective(page: Page, base_url, username):
    page.goto(f"{base_url}/en/task-forces/goal-a/a1/")
    page.get_by_role("link", name="Join Task Force A1").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Join Task Force A1")).to_be_visible()


def test_a_partner_joins_a1_as_leader(live_server, strategy_site, page: Page):
    user = partner_user()
    log_in_from_the_objective(page, live_server.url, user.username)
    expect(page.get_by_role("list").filter(has_text="Review and send")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Task Force Leader").check()
    page.get_by_role("button", name="Next").click()
    expect(page.locator("[aria-current=step]")).to_contain_text("Call for information")
    assert_accessible(page)

    page.get_by_label("Why do you qualify for this role?").fill(QUALIFICATION)
    page.get_by_label("I can take part in all of the role's meetings").check()
    page.get_by_role("button", name="Next").click()
    expect(page.locator("[aria-current=step]")).to_contain_text("Review and send")
    expect(page.locator(".review")).to_contain_text(QUALIFICATION)
    assert_accessible(page)

    page.get_by_role("button", name="Submit").click()
    expect(page.locator(".review")).to_have_count(1)  # consent is required: still here
    expect(
        page.get_by_text("We can only handle your application with your consent.", exact=True)
    ).to_be_visible()
    page.get_by_label("I agree that the Executive Secretariat").check()
    page.get_by_label("If I am nominated").check()
    page.get_by_role("button", name="Submit").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your application was sent"
    )
    assert_accessible(page)
    application = Application.objects.get(user=user)
    assert (application.role, application.status, application.consent_to_publication) == (
        "leader",
        "submitted",
        True,
    )
    page.get_by_role("link", name="See your application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Application to Task Force A1")
    assert_accessible(page)


def test_a_visitor_sees_partner_roles_disabled_and_joins_as_team_member(
    live_server, strategy_site, page: Page
):
    user = visitor_user()
    log_in_from_the_objective(page, live_server.url, user.username)
    expect(page.get_by_label("Task Force Leader")).to_be_disabled()
    expect(page.get_by_label("Regional Representative")).to_be_disabled()
    expect(
        page.get_by_text("Only people from an organization that is a partner").first
    ).to_be_visible()

    page.get_by_label("Team Member").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Relevant literature").check()
    page.get_by_label("Tell us more").fill("A review of conservation agriculture in the Sahel")
    page.get_by_role("button", name="Next").click()
    assert_accessible(page)

    # Back from the review: what was typed is still there.
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_label("Tell us more")).to_have_value(
        "A review of conservation agriculture in the Sahel"
    )
    expect(page.get_by_label("Relevant literature")).to_be_checked()
    page.get_by_label("Tell us more").fill("A review, and a map of pilot farms")
    page.get_by_role("button", name="Back").click()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_label("Tell us more")).to_have_value("A review, and a map of pilot farms")
    page.get_by_role("button", name="Next").click()

    page.get_by_label("I agree that the Executive Secretariat").check()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your application was sent"
    )
    application = Application.objects.get(user=user)
    assert application.role == "team_member"
    assert application.answers["details"] == "A review, and a map of pilot farms"


def test_the_form_is_keyboard_usable(live_server, strategy_site, page: Page):
    user = visitor_user()
    log_in_from_the_objective(page, live_server.url, user.username)
    page.get_by_label("Team Member").focus()
    page.keyboard.press("Space")
    expect(page.get_by_label("Team Member")).to_be_checked()
    page.get_by_role("button", name="Next").focus()
    page.keyboard.press("Enter")
    expect(page.locator("[aria-current=step]")).to_contain_text("Contribution")
