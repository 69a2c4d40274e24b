"""An editor publishes a new target statement in English, sees in the page's Translations
panel and in Reports › Translations what the translators have to do, and the Arabic page shows
the statement at once, in English and marked. axe-core finds nothing on the report's table and
the panel: their colours keep their contrast."""


import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from strategy_pages.models import ObjectivePage

from ..factories import PASSWORD, editor_user
from .helpers import AXE_OPTIONS, SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_STATEMENT = "By 2030, one hundred funders have signed the soil investment pledge."


def assert_accessible(page: Page, selector):
    results = Axe().run(page, context=selector, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_an_editor_follows_the_translations_of_a_changed_page(
    live_server, strategy_site, page: Page
):
    page.set_viewport_size({"width": 1366, "height": 768})
    editor = editor_user()
    c3 = ObjectivePage.objects.get(code="C3", locale__language_code="en")
    c3.targets[1].value["statements"].append(NEW_STATEMENT)
    c3.save_revision(user=editor).publish()

    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill(editor.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    b2 = ObjectivePage.objects.get(code="B2", locale__language_code="en")
    page.goto(f"{live_server.url}/admin/pages/{b2.pk}/edit/")
    expect(page.locator("dl.translation-status")).to_be_hidden()  # all complete: folded

    page.goto(f"{live_server.url}/admin/pages/{c3.pk}/edit/")
    panel = page.locator("dl.translation-status")
    expect(panel.locator("dd.translation-partial")).to_have_count(5)
    expect(panel.locator("dd.translation-partial").first).to_be_visible()
    assert_accessible(page, "dl.translation-status")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "admin-translation-panel.png")

    page.get_by_role("link", name="All pages").click()
    report = page.locator(".translations-report")
    expect(report.locator("td.translation-complete")).to_have_count(31 * 5)
    expect(report.locator("td.translation-partial")).to_have_count(5)
    assert_accessible(page, ".translations-report")
    page.screenshot(path=SCREENSHOTS / "admin-translations-report.png", full_page=True)

    page.goto(f"{live_server.url}/ar/task-forces/goal-c/c3/")
    statement = page.get_by_text(NEW_STATEMENT)
    expect(statement).to_have_attribute("lang", "en")
    expect(page.locator(".notice")).to_be_visible()
    page.screenshot(path=SCREENSHOTS / "objective-c3-ar-new-english-statement.png", full_page=True)
