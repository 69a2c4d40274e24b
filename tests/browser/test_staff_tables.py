"""The Secretariat's tables at 1366 × 768: every column of the dashboard's tables and of the
applications list can be read, or scrolled to inside its own container; the list opens on what
waits for a decision."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from taskforce_forms.inbox.admin import InboxAdmin
from taskforce_forms.models import Application

from ..factories import secretariat_user
from .helpers import SCREENSHOTS
from .signing_in import sign_in_with_second_factor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REACHABLE = """(table) => {
    let box = table.parentElement;
    while (box && box !== document.body) {
        const style = getComputedStyle(box);
        if (["auto", "scroll"].includes(style.overflowX)) return true;  // scrolls itself
        if (style.overflowX === "hidden" && box.scrollWidth > box.clientWidth + 1) return false;
        box = box.parentElement;
    }
    return table.getBoundingClientRect().right <= window.innerWidth;
}"""


def every_column_in_reach(page: Page, selector):
    for table in page.locator(selector).all():
        assert table.evaluate(REACHABLE), selector
        last = table.locator("thead th").last
        last.scroll_into_view_if_needed()
        expect(last).to_be_in_viewport()


def test_the_secretariats_tables_can_be_read_whole(
    live_server, strategy_site, page: Page, settings
):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    settings.DEBUG = False
    page.set_viewport_size({"width": 1366, "height": 768})
    sign_in_with_second_factor(page, live_server.url, secretariat_user())

    page.goto(f"{live_server.url}/admin/")
    page.get_by_text("Show the figures as a table").click()
    every_column_in_reach(page, ".task-force-coverage table")
    page.screenshot(path=SCREENSHOTS / "admin-dashboard.png")

    page.get_by_role("link", name="applications wait for a decision").click()
    expect(page.locator("table.listing tbody tr")).to_have_count(10)
    every_column_in_reach(page, "table.listing")
    heights = page.locator("table.listing tbody tr").evaluate_all(
        "rows => rows.map(row => row.getBoundingClientRect().height)"
    )
    assert max(heights) < 100, heights  # ~155 px before, with words broken mid-word
    page.screenshot(path=SCREENSHOTS / "admin-applications.png")
    page.get_by_role("link", name="All applications").click()
    all_on_a_page = min(Application.objects.count(), InboxAdmin.list_per_page)
    expect(page.locator("table.listing tbody tr")).to_have_count(all_on_a_page)
