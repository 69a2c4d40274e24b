"""An objective page in each of the six languages, as a visitor's browser shows it, with the
production security headers: translated content, no English left, nothing wider than the
screen. The screenshots are kept in var/screenshots/ for a person to look at."""


import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from strategy_pages.loader import read_strategy, read_translations

from .helpers import SCREENSHOTS, csp_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

C3 = next(
    objective
    for goal in read_strategy()["strategy"]["goals"]
    for objective in goal["objectives"]
    if objective["code"] == "C3"
)
TRANSLATIONS = read_translations()


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_an_objective_page_reads_in_each_language(
    live_server, strategy_site, page: Page, language, width
):
    violations = csp_violations(page)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/{language}/task-forces/goal-c/c3/")
    texts = TRANSLATIONS.get(language, {})
    expect(page.locator(".lead")).to_have_text(texts.get(C3["description"], C3["description"]))
    statement = C3["targets"][1]["statements"][0]
    first_2030 = page.locator(".target-table td").nth(1).locator("li").first
    expect(first_2030).to_have_text(texts.get(statement, statement))
    expect(page.locator(".notice")).to_have_count(0)
    expect(page.locator("main [lang=en]")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"objective-c3-{language}-{width}.png", full_page=True)
    assert violations == []
