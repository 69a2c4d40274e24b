"""The Content-Security-Policy allows no inline script or style, and our pages need none."""

import pytest
from playwright.sync_api import Page, expect

from ..factories import PASSWORD, visitor_user
from .helpers import csp_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/en/",
    "/en/task-forces/",
    "/ar/task-forces/goal-c/",
    "/fr/task-forces/goal-a/a1/",
    "/zh-hans/search/?query=carbon",
    "/en/accounts/request-login/",
]


def test_public_pages_and_the_join_form_run_under_the_policy(
    live_server, strategy_site, page: Page
):
    violations = csp_violations(page)
    for path in PAGES:
        response = page.goto(live_server.url + path)
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    user = visitor_user()
    page.goto(f"{live_server.url}/en/join/a1/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("Team Member").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_label("Relevant literature")).to_be_visible()
    assert violations == []
