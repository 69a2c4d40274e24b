"""A visitor walks the strategy in Chromium; axe-core checks each page on the way."""

import re

import pytest
from playwright.sync_api import Page, expect

from .helpers import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}


def test_walk_home_strategy_goal_objective_and_switch_language(
    live_server, strategy_site, page: Page
):
    page.goto(f"{live_server.url}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_accessible(page)

    page.get_by_role("link", name="Join our Task Forces").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Join our Task Forces")
    expect(page.get_by_role("heading", name="How to join a Task Force")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Goal C · Promotion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Promotion")
    assert_accessible(page)

    page.get_by_role("link", name="C3 Increased investments").click()
    expect(page.get_by_role("table", name="Targets C3 · Increased investments")).to_be_visible()
    expect(page.get_by_role("columnheader", name="Target 2050")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Language").get_by_role("link", name="العربية").click()
    expect(page).to_have_url(f"{live_server.url}/ar/task-forces/goal-c/c3/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    assert_accessible(page)

    # Wagtail's own catalogue already names the switcher in Arabic, so find it by its class.
    page.locator(".language-switcher").get_by_role("link", name="Français").click()
    expect(page).to_have_url(f"{live_server.url}/fr/task-forces/goal-c/c3/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")


def test_the_target_table_reads_on_a_phone(live_server, strategy_site, page: Page):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/en/task-forces/goal-a/a2/")
    cells = page.locator(".target-table td")
    expect(cells).to_have_count(3)
    widths = [cells.nth(i).bounding_box()["width"] for i in range(3)]
    assert min(widths) > 300, widths  # stacked, one milestone per row
    expect(page.locator(".target-table__heading").first).to_have_text("Baseline 2020")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 360
    assert_accessible(page)


def test_keyboard_users_skip_to_content(live_server, strategy_site, page: Page):
    page.goto(f"{live_server.url}/en/task-forces/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/en/task-forces/#main")


def test_search_from_the_header_in_french(live_server, strategy_site, page: Page):
    page.goto(f"{live_server.url}/fr/task-forces/")
    page.get_by_role("searchbox").fill("carbone")
    page.get_by_role("searchbox").press("Enter")
    expect(page.locator("[role=status]")).to_contain_text("carbone")
    first = page.locator(".search-results li").first
    expect(first.locator("mark").first).to_have_text("carbone", ignore_case=True)
    assert_accessible(page)
    first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/fr/task-forces/goal-[a-f]/[a-f]\d/$"))
    page.get_by_role("searchbox").fill("xyzzy")
    page.get_by_role("searchbox").press("Enter")
    expect(page.locator(".search-suggestions li")).to_have_count(6)
    assert_accessible(page)
