"""Joining a Task Force with the keyboard alone (Tab, Space, Enter, the arrows within a group
of radio buttons, and typing), from the objective page to the confirmation, in English and in
Arabic, with the production headers: Enter in a field sends the step, and a step sent back
opens on the summary of its errors."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from taskforce_forms.models import Application, MembershipStatus

from ..factories import PASSWORD, make_user
from ..join.steps import QUALIFICATION
from .helpers import SCREENSHOTS, assert_accessible, csp_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDE, PHONE = {"width": 1366, "height": 900}, {"width": 390, "height": 844}
SUMMARY = "[data-error-summary]"
NEXT = "form.wizard-form button[type=submit]:not([name])"
# Like the demo accounts (seed_demo): a partner who may represent a region, a member who may not.
REPRESENTATIVE = ("kwame", "Kwame", "Mensah", MembershipStatus.PARTNER)
TEAM_MEMBER = ("priya", "Priya", "Nair", MembershipStatus.MEMBER)


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": WIDE}


def words(language, message):
    with translation.override(language):
        return gettext(message)


def demo_like_user(username, first_name, last_name, membership, language):
    return make_user(
        f"{username}_{language}", membership, first_name=first_name, last_name=last_name
    )


def is_focused(page: Page, selector):
    return page.evaluate("selector => document.activeElement.matches(selector)", selector)


def tab_to(page: Page, selector, limit=120):
    """Presses Tab until the element `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if is_focused(page, selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def press_space_on(page: Page, selector):
    tab_to(page, selector)
    page.keyboard.press("Space")
    expect(page.locator(selector)).to_be_checked()


def arrow_to(page: Page, selector, limit=10):
    """Moves within a group of radio buttons (one Tab stop) to `selector`, which checks it."""
    for _ in range(limit):
        page.keyboard.press("ArrowDown")
        if is_focused(page, selector):
            expect(page.locator(selector)).to_be_checked()
            return
    raise AssertionError(f"The arrows never reached {selector}")


def expect_step(page: Page, language, label):
    expect(page.locator("[aria-current=step]")).to_contain_text(words(language, label))


def log_in_from_the_objective(page: Page, base_url, language, user):
    page.goto(f"{base_url}/{language}/task-forces/goal-c/c3/")
    tab_to(page, 'main a[href$="/join/c3/"]')
    page.keyboard.press("Enter")
    expect(page.locator("input[name=username]")).to_be_focused()  # autofocus
    page.keyboard.type(user.username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect_step(page, language, "Role")


def send_the_role_step_empty(page: Page, language, role):
    """Sends the role step with no role chosen: the step comes back, its summary focused."""
    tab_to(page, NEXT)
    page.keyboard.press("Enter")
    expect(page.locator(SUMMARY)).to_be_focused()
    assert page.title().startswith(words(language, "Error:") + " ")
    expect(page.locator(SUMMARY)).to_contain_text(words(language, "There is a problem"))
    assert_accessible(page)
    for name, viewport in (("1366", WIDE), ("390", PHONE)):
        page.set_viewport_size(viewport)
        page.screenshot(path=SCREENSHOTS / f"join-error-summary-{role}-{language}-{name}.png")
    page.set_viewport_size(WIDE)
    # The summary's link leads to the first role this user may take.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")


def join_as_representative(page: Page, language):
    expect(page.locator("input[value=leader]")).to_be_focused()
    arrow_to(page, "input[value=regional_representative]")
    page.keyboard.press("Enter")  # in the field: Enter sends the step
    expect_step(page, language, "Region")

    press_space_on(page, "#id_region-region_0")
    page.keyboard.press("Enter")
    expect_step(page, language, "Call for information")

    tab_to(page, "textarea[name=qualification-qualification]")
    page.keyboard.type("Soil carbon.")
    press_space_on(page, "input[name=qualification-availability][value=all]")
    page.keyboard.press("Enter")
    expect(page.locator(SUMMARY)).to_be_focused()  # too short
    assert_accessible(page)
    assert page.title().startswith(words(language, "Error:") + " ")
    for name, viewport in (("1366", WIDE), ("390", PHONE)):
        page.set_viewport_size(viewport)
        page.screenshot(
            path=SCREENSHOTS / f"join-call-for-information-sent-back-{language}-{name}.png",
            full_page=True,
        )
    page.set_viewport_size(WIDE)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("textarea[name=qualification-qualification]")).to_be_focused()
    page.keyboard.press("Control+End")
    page.keyboard.type(" " + QUALIFICATION)
    tab_to(page, "input[name=qualification-availability]:checked")
    page.keyboard.press("Enter")
    expect_step(page, language, "Review and send")
    expect(page.locator(".review")).to_contain_text("Soil carbon. " + QUALIFICATION.strip())

    press_space_on(page, "input[name=review-consent_to_processing]")
    press_space_on(page, "input[name=review-consent_to_publication]")
    page.keyboard.press("Enter")


def join_as_team_member(page: Page, language):
    expect(page.locator("input[value=team_member]")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    expect_step(page, language, "Contribution")

    press_space_on(page, "input[name=contribution-contributions][value=projects]")
    tab_to(page, "textarea[name=contribution-details]")
    page.keyboard.type("Pilot farms in Kerala")
    page.keyboard.press("Tab")  # from the last field, the step's own button comes first
    expect(page.locator(NEXT)).to_be_focused()
    page.keyboard.press("Enter")
    expect_step(page, language, "Review and send")

    press_space_on(page, "input[name=review-consent_to_processing]")
    page.keyboard.press("Enter")


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize(
    ("person", "join", "role"),
    [
        (REPRESENTATIVE, join_as_representative, "regional_representative"),
        (TEAM_MEMBER, join_as_team_member, "team_member"),
    ],
    ids=["representative", "team-member"],
)
def test_joining_with_the_keyboard_alone(
    live_server, strategy_site, page: Page, language, person, join, role
):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    violations = csp_violations(page)
    user = demo_like_user(*person, language)
    log_in_from_the_objective(page, live_server.url, language, user)
    send_the_role_step_empty(page, language, role)
    join(page, language)

    expect(page.get_by_role("heading", level=1)).to_have_text(
        words(language, "Thank you: your application was sent")
    )
    application = Application.objects.get(user=user)
    assert (application.role, application.language) == (role, language)
    assert violations == []


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_link_of_the_summary_leads_to_its_question(
    live_server, strategy_site, page: Page, language
):
    violations = csp_violations(page)
    page.goto(f"{live_server.url}/{language}/accounts/request-login/")
    tab_to(page, "input[name=name]")
    page.keyboard.type("Ana Pereira")
    page.keyboard.press("Enter")
    expect(page.locator(SUMMARY)).to_be_focused()
    assert page.title().startswith(words(language, "Error:") + " ")
    expect(page.locator(SUMMARY).locator("a")).to_have_count(4)  # e-mail, organization…
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    page.screenshot(path=SCREENSHOTS / f"request-login-error-summary-{language}-390.png")

    tab_to(page, f'{SUMMARY} a[href="#id_membership_claim_0"]')
    page.keyboard.press("Enter")
    expect(page.locator("#id_membership_claim_0")).to_be_focused()
    expect(page.locator("fieldset:has(#id_membership_claim_0) legend")).to_be_in_viewport()
    expect(page.locator("input[name=name]")).to_have_value("Ana Pereira")
    page.keyboard.press("Space")
    expect(page.locator("#id_membership_claim_0")).to_be_checked()
    assert violations == []


def test_a_failed_login_opens_on_the_summary_not_the_autofocused_field(
    live_server, strategy_site, page: Page
):
    page.goto(f"{live_server.url}/ar/accounts/login/")
    expect(page.locator("input[name=username]")).to_be_focused()
    page.keyboard.type("nobody")
    page.keyboard.press("Tab")
    page.keyboard.type("not the password")
    page.keyboard.press("Enter")
    expect(page.locator(SUMMARY)).to_be_focused()
    assert page.title().startswith(words("ar", "Error:") + " ")
    expect(page.locator("input[name=username]")).to_have_value("nobody")
