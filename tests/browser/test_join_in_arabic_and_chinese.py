"""Joining a Task Force in Arabic (right to left) and in Chinese, axe-core on every step."""


import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from taskforce_forms.models import Application

from ..factories import PASSWORD, visitor_user
from .helpers import SCREENSHOTS, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]



@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True, "viewport": {"width": 1200, "height": 900}}


def words(language, *messages):
    with translation.override(language):
        return [gettext(message) for message in messages]


def join_as_team_member(page: Page, base_url, language):
    """From the objective page to the confirmation, in `language`, checking every step."""
    join, next_step, submit, thanks = words(
        language,
        "Join Task Force %(code)s",
        "Next",
        "Submit",
        "Thank you: your application was sent",
    )
    user = visitor_user(f"visitor_{language.replace('-', '_')}")
    page.goto(f"{base_url}/{language}/task-forces/goal-a/a1/")
    assert_accessible(page)
    page.get_by_role("link", name=join % {"code": "A1"}).click()
    assert_accessible(page)
    page.locator("input[name=username]").fill(user.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(join % {"code": "A1"})
    assert_accessible(page)
    page.locator("input[value=team_member]").check()
    page.get_by_role("button", name=next_step, exact=True).click()
    expect(page.locator("input[value=literature]")).to_be_visible()
    assert_accessible(page)
    page.locator("input[value=literature]").check()
    page.locator("textarea").fill("دراسات عن الكربون العضوي في التربة — 土壤有机碳研究")
    page.get_by_role("button", name=next_step, exact=True).click()
    expect(page.locator(".review")).to_be_visible()
    assert_accessible(page)
    page.locator("input[name$=consent_to_processing]").check()
    page.get_by_role("button", name=submit).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(thanks)
    assert_accessible(page)
    application = Application.objects.get(user=user)
    assert (application.language, application.role) == (language, "team_member")
    return application


def test_a_visitor_joins_in_arabic_right_to_left(live_server, strategy_site, page: Page):
    page.goto(f"{live_server.url}/ar/task-forces/goal-a/a1/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    # Mirrored: the brand sits at the right, the language switcher at the left.
    width = page.viewport_size["width"]
    brand = page.locator(".site-brand").bounding_box()
    assert brand["x"] > width / 2
    # Codes read as written, left to right, inside Arabic text.
    expect(page.locator(".eyebrow .code")).to_have_text("A1")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "objective-a1-ar.png", full_page=True)

    join_as_team_member(page, live_server.url, "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.screenshot(path=SCREENSHOTS / "join-done-ar.png")


def test_a_visitor_joins_in_chinese(live_server, strategy_site, page: Page):
    join_as_team_member(page, live_server.url, "zh-hans")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
