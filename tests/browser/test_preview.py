"""The editor's live preview panel shows each kind of page, with the security headers as in
production: the public pages may not be framed by anyone, the preview by the admin itself."""

import pytest
from playwright.sync_api import Page, expect
from wagtail.models import Locale

from home.models import HomePage
from strategy_pages.models import GoalPage, ObjectivePage, StrategyPage

from ..factories import editor_user
from .helpers import SCREENSHOTS
from .signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_preview_panel_shows_every_kind_of_page(live_server, strategy_site, page: Page):
    page.set_viewport_size({"width": 1366, "height": 768})
    sign_in(page, live_server.url, editor_user())
    english = Locale.get_default()
    pages = [
        model.objects.get(locale=english, **lookup)
        for model, lookup in [
            (HomePage, {}),
            (StrategyPage, {}),
            (GoalPage, {"letter": "C"}),
            (ObjectivePage, {"code": "C3"}),
        ]
    ]
    for edited in pages:
        page.goto(f"{live_server.url}/admin/pages/{edited.pk}/edit/")
        toggle = page.get_by_role("button", name="Toggle preview")
        if toggle.get_attribute("aria-expanded") != "true":  # the admin remembers it open
            toggle.click()
        expect(page.locator("iframe#w-preview-iframe")).to_be_visible()
        preview = page.frame_locator("iframe#w-preview-iframe")
        expect(preview.locator("h1")).to_have_text(edited.title, timeout=15000)
        page.screenshot(path=SCREENSHOTS / f"admin-preview-{edited.slug}.png")
    response = page.goto(f"{live_server.url}/en/task-forces/goal-c/c3/")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
