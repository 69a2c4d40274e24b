"""An editor adds a statement to Target 2030 of C3 by the labels the editor shows, publishes,
and the public page has it (with the production security headers)."""

import pytest
from playwright.sync_api import Page, expect

from strategy_pages.models import ObjectivePage

from ..factories import editor_user
from .helpers import SCREENSHOTS
from .signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_STATEMENT = "By 2030, the twenty largest funders have a soil health window."


def test_an_editor_adds_a_statement_to_target_2030(live_server, strategy_site, page: Page):
    page.set_viewport_size({"width": 1366, "height": 768})
    sign_in(page, live_server.url, editor_user())
    c3 = ObjectivePage.objects.get(code="C3", locale__language_code="en")
    page.goto(f"{live_server.url}/admin/pages/{c3.pk}/edit/")

    heading = page.locator("[data-panel-heading]").filter(has_text="Column").filter(
        has_text="Target 2030"
    )
    expect(heading).to_have_count(1)
    column = heading.locator("xpath=ancestor::section[1]")
    statements = column.locator("[data-contentpath=statements]")
    before = statements.locator("textarea").count()
    add_statement = statements.get_by_role("button", name="Add a statement", exact=True)
    expect(add_statement.last).to_be_visible()
    assert statements.get_by_role("button", name="Add", exact=True).count() == 0
    add_statement.last.click()
    expect(statements.locator("textarea")).to_have_count(before + 1)
    statements.locator("textarea").last.fill(NEW_STATEMENT)
    # The column list's own "+" says what it adds, apart from the statements'.
    expect(page.get_by_role("button", name="Add a column", exact=True).first).to_be_visible()
    page.wait_for_timeout(500)  # the new statement slides in
    add_statement.last.scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS / "admin-target-table-editor.png")

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("has been published")).to_be_visible()

    page.goto(f"{live_server.url}/en/task-forces/goal-c/c3/")
    target_2030 = page.locator(".target-table td").nth(1)
    expect(target_2030.locator("li").last).to_have_text(NEW_STATEMENT)
