"""A superuser reads, on a person's page in the admin, who opened their data."""

import pytest
from playwright.sync_api import Page, expect

from taskforce_forms.privacy import audit

from ..factories import (
    apply,
    make_user,
    partner_user,
    secretariat_user,
    sign_in_with_second_factor,
)
from .helpers import SCREENSHOTS, assert_accessible
from .review_step import log_the_browser_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_superuser_reads_the_access_record_on_a_persons_page(
    live_server, strategy_site, client, page: Page
):
    nadia = partner_user("nadia")
    audit.record(apply(nadia, "C3"), audit.OPEN_APPLICATION, by=secretariat_user("sam"))
    sign_in_with_second_factor(client, make_user("root", is_superuser=True, is_staff=True))
    log_the_browser_in(page, client, live_server.url)

    page.goto(f"{live_server.url}/admin/taskforce_forms/profile/inspect/{nadia.profile.pk}/")
    record = page.get_by_role("region", name="Access record")
    expect(record.get_by_role("row")).to_have_count(3)  # the heading, then the latest first
    expect(record.get_by_role("row").nth(1)).to_contain_text("Opened the person's page")
    expect(record.get_by_role("row").nth(2)).to_contain_text("Sam Tester")
    assert_accessible(page)  # the whole page, the footer's buttons too
    page.screenshot(path=SCREENSHOTS / "access-record-on-a-persons-page.png", full_page=True)
