"""The Secretariat in the admin: nominates a Leader, whom the public Task Force page then names;
sends a failed e-mail again."""

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from strategy_pages.choices import Role
from taskforce_forms.inbox import decisions
from taskforce_forms.models import Application, OutgoingMail

from ..factories import BROKEN_MAIL_BACKEND, apply, partner_user, secretariat_user
from .helpers import assert_accessible
from .signing_in import sign_in_with_second_factor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}


def test_the_secretariat_nominates_a_leader_who_then_appears_on_the_task_force_page(
    live_server, strategy_site, page: Page
):
    secretariat = secretariat_user()
    candidate = apply(
        partner_user("paula"),
        "A1",
        role=Role.LEADER,
        status="shortlisted",
        consent_to_publication=True,
        answers={"qualification": "Twenty years of soil carbon monitoring.", "availability": "all"},
    )
    sign_in_with_second_factor(page, live_server.url, secretariat)

    panel = page.locator(".task-force-coverage")
    expect(panel).to_contain_text("1 application waits for a decision")
    panel.get_by_role("link", name="A1 · NDCs").click()
    page.get_by_role("link", name="Inspect").first.click()
    expect(page.locator(".inbox-answers")).to_contain_text("Twenty years of soil carbon")

    page.get_by_label("Nominate").check()
    page.get_by_label("Note", exact=True).fill("Unanimous at the November review.")
    page.get_by_role("button", name="Save the decision").click()
    expect(page.get_by_text("is now nominated")).to_be_visible()
    expect(page.locator("table.listing")).to_contain_text("Unanimous at the November review.")
    candidate.refresh_from_db()
    assert candidate.status == "nominated"
    assert candidate.events.get().actor == secretariat

    page.goto(f"{live_server.url}/en/task-forces/goal-a/a1/")
    roster = page.locator(".roster")
    expect(roster).to_contain_text("Paula Tester, Paula Organization")
    assert_accessible(page)
    assert Application.objects.nominated().count() == 1


def test_the_secretariat_sends_a_failed_e_mail_again_once_the_server_is_back(
    live_server, strategy_site, page: Page, settings
):
    settings.EMAIL_BACKEND = BROKEN_MAIL_BACKEND
    application = apply(partner_user("paula"), "A1", language="fr")
    decisions.decide(application, "accept", by=secretariat_user("sue"))
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    secretariat = secretariat_user()
    sign_in_with_second_factor(page, live_server.url, secretariat)

    page.get_by_role("button", name="Task Force people").click()
    page.get_by_role("link", name="E-mails (1)").click()
    listing = page.locator("table.listing")
    expect(listing).to_contain_text("paula@example.org")
    expect(listing).to_contain_text("the mail server is down")
    page.get_by_role("link", name="Inspect").first.click()
    page.get_by_role("button", name="Send it again now").click()
    expect(page.get_by_text("1 e-mail sent.")).to_be_visible()
    assert OutgoingMail.objects.get().status == OutgoingMail.Status.SENT
    (message,) = mail.outbox
    assert message.to == ["paula@example.org"]
