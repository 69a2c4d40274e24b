"""The Secretariat approves a request for a login, finding the organization among many by
searching its name in Wagtail's chooser."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from taskforce_forms.models import AccessRequest, Organization

from ..factories import secretariat_user
from .helpers import SCREENSHOTS
from .signing_in import sign_in_with_second_factor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_secretariat_chooses_the_organization_by_searching_it(
    live_server, strategy_site, page: Page
):
    Organization.objects.bulk_create(
        Organization(name=f"Soil cooperative number {number}") for number in range(300)
    )
    chosen = Organization.objects.create(name="Institut Sénégalais de Recherches Agricoles")
    request = AccessRequest.objects.create(
        name="Awa Diop",
        email="awa@example.org",
        organization_name="ISRA",
        country="SN",
        membership_claim="partner",
        language="fr",
    )
    page.set_viewport_size({"width": 1366, "height": 768})
    sign_in_with_second_factor(page, live_server.url, secretariat_user())
    page.goto(f"{live_server.url}/admin/taskforce_forms/accessrequest/inspect/{request.pk}/")
    expect(page.get_by_text("The visitor says: Partner of “4 per 1000”.")).to_be_visible()

    page.get_by_role("button", name="Choose an organization").click()
    modal = page.locator(".modal-content")
    modal.get_by_role("textbox").first.fill("Sénégalais")
    modal.get_by_role("link", name=chosen.name).click()
    expect(page.locator("#id_approve-organization-title")).to_have_text(chosen.name)
    expect(page.locator(".modal-content")).to_have_count(0)
    page.screenshot(path=SCREENSHOTS / "admin-approve-access-request.png")
    page.get_by_role("button", name="Approve and e-mail a link to set a password").click()
    expect(page.get_by_text("was created")).to_be_visible()
    user = get_user_model().objects.get(email="awa@example.org")
    assert user.profile.organization == chosen

