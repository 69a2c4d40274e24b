"""The site on phones and a tablet, in every language, with the production headers: nothing
scrolls sideways, no word is split across two lines, and the values of a definition list (the
Task Force's people, the join form's answers) keep room enough for whole words.

One browser page visits each page once per language and resizes it: a layout depends on the
width, not on how the page was reached."""

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from strategy_pages.choices import Role
from taskforce_forms.demo_data import create_demo_inbox

from ..factories import PASSWORD, apply, region, secretariat_user
from .helpers import SCREENSHOTS, csp_violations
from .review_step import leader_at_the_review_step, log_the_browser_in, review_url
from .typesetting import broken_words, scrolls_sideways, squeezed_values

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (320, 390, 768)
LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAGES = {
    "home": "/{language}/",
    "strategy": "/{language}/task-forces/",
    # With the demo inbox, A1 names a Leader and a Regional Representative with long
    # organization names.
    "objective A1": "/{language}/task-forces/goal-a/a1/",
}
SCREENSHOTS_TAKEN = {
    ("objective A1", "en", 390): "layout-objective-a1-en-390.png",
    ("objective A1", "ar", 390): "layout-objective-a1-ar-390.png",
    ("review", "fr", 320): "layout-review-fr-320.png",
    ("my applications", "ru", 320): "layout-my-applications-ru-320.png",
}


def layout_problems(page: Page, name, language):
    """What is wrong with the open page's layout at each width, keyed by page, language and
    width."""
    problems = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        found = broken_words(page) + squeezed_values(page)
        if scrolls_sideways(page):
            found.append("the page scrolls sideways")
        if found:
            problems[f"{name}, {language}, {width}px"] = found
        if screenshot := SCREENSHOTS_TAKEN.get((name, language, width)):
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=SCREENSHOTS / screenshot, full_page=True)
    return problems


def test_public_pages_fit_phones_and_tablets_in_every_language(
    live_server, strategy_site, page: Page
):
    create_demo_inbox(PASSWORD, secretariat_user())
    violations = csp_violations(page)
    problems = {}
    for language in LANGUAGES:
        for name, path in PAGES.items():
            page.goto(live_server.url + path.format(language=language))
            problems |= layout_problems(page, name, language)
    expect(page.locator(".roster")).to_contain_text("Institut Sénégalais de Recherches Agricoles")
    assert problems == {}
    assert violations == []


def test_the_join_forms_review_and_my_applications_fit_phones_and_tablets_in_every_language(
    live_server, strategy_site, page: Page, client
):
    user = leader_at_the_review_step(client, code="b1")
    application = apply(user, "C3", role=Role.REGIONAL_REPRESENTATIVE, region=region("Europe"))
    log_the_browser_in(page, client, live_server.url)
    violations = csp_violations(page)
    problems = {}
    for language in LANGUAGES:
        page.goto(review_url(live_server.url, "b1", language))
        expect(page.locator(".review dd")).to_have_count(4)
        problems |= layout_problems(page, "review", language)
        page.goto(f"{live_server.url}/{language}/my-applications/")
        problems |= layout_problems(page, "my applications", language)
        page.goto(f"{live_server.url}/{language}/my-applications/{application.pk}/")
        problems |= layout_problems(page, "my application", language)
    assert problems == {}
    assert violations == []
