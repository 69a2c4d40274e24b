"""Hostile input and abuse: payloads escaped wherever they appear, limits, no enumeration."""

import csv
import io

import pytest
from django.core import mail

from taskforce_forms.models import AccessRequest, Application

from ..factories import (
    apply,
    partner_user,
    secretariat_user,
    sign_in_with_second_factor,
    visitor_user,
)

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
FORMULA = '=HYPERLINK("http://evil.example","click")'
PAYLOAD = f"{SCRIPT} {IMG} {FORMULA}"


def assert_escaped(html):
    assert SCRIPT not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_payload_in_an_application_is_inert_everywhere(
    client, django_capture_on_commit_callbacks
):
    applicant = partner_user()
    applicant.first_name = SCRIPT
    applicant.save()
    applicant.profile.organization.name = IMG
    applicant.profile.organization.save()
    application = apply(
        applicant,
        "A1",
        role="leader",
        status="nominated",
        consent_to_publication=True,
        answers={"qualification": PAYLOAD, "availability": "all", "availability_note": FORMULA},
    )
    # The public Task Force page names the nominee.
    public = client.get("/en/task-forces/goal-a/a1/").content.decode()
    assert_escaped(public)
    assert "&lt;img src=x" in public or "&quot;&gt;&lt;img" in public
    # The applicant's own pages.
    client.force_login(applicant)
    assert_escaped(client.get(f"/en/my-applications/{application.pk}/").content.decode())
    # The Secretariat's inbox, list and inspect view.
    sign_in_with_second_factor(client, secretariat_user())
    assert_escaped(client.get("/admin/taskforce_forms/application/?status=all").content.decode())
    inspect = client.get(f"/admin/taskforce_forms/application/inspect/{application.pk}/")
    assert_escaped(inspect.content.decode())
    # Exports: no cell a spreadsheet would run.
    export = client.get("/admin/taskforce_forms/application/?export=csv&status=all")
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert all(not cell.startswith(("=", "+", "-", "@")) for cell in cells), cells
    assert "'" + FORMULA in cells


def test_a_payload_through_request_a_login_is_inert(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/en/accounts/request-login/",
            {
                "name": SCRIPT,
                "email": "visitor@example.org",
                "organization_name": IMG,
                "country": "FR",
                "membership_claim": "none",
                "message": PAYLOAD,
            },
        )
    access_request = AccessRequest.objects.get()
    assert access_request.message == PAYLOAD, "kept as typed, escaped when shown"
    assert len(mail.outbox) == 2, "to the visitor and to the Secretariat"
    for message in mail.outbox:
        assert message.content_subtype == "plain", "plain text: nothing for a mail client to run"
        assert not getattr(message, "alternatives", None)
    sign_in_with_second_factor(client, secretariat_user())
    html = client.get(
        f"/admin/taskforce_forms/accessrequest/inspect/{access_request.pk}/"
    ).content.decode()
    assert_escaped(html)


def test_the_join_forms_last_step_is_rate_limited(client, settings):
    from taskforce_forms.join.views import wizard as join

    client.force_login(visitor_user())
    for _attempt in range(join.SUBMISSIONS_PER_HOUR):
        client.post("/en/join/a1/review/", {"join_a1-current_step": "review"})
    response = client.post(
        "/en/join/a1/review/",
        {"join_a1-current_step": "review", "review-consent_to_processing": "on"},
    )
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert not Application.objects.exists()


def test_password_reset_is_rate_limited_and_tells_nobody_who_has_an_account(client):
    partner_user()
    known = client.post("/en/accounts/password/reset/", {"email": "paula@example.org"})
    unknown = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1
    for _attempt in range(5):
        response = client.post("/en/accounts/password/reset/", {"email": "paula@example.org"})
    assert response.status_code == 429
    assert 'value="paula@example.org"' in response.content.decode(), "what was typed stays"


def test_request_a_login_tells_nobody_who_has_an_account(client):
    partner_user()
    answers = [
        client.post(
            "/en/accounts/request-login/",
            {
                "name": "Someone",
                "email": email,
                "organization_name": "Org",
                "country": "FR",
                "membership_claim": "none",
            },
        )
        for email in ("paula@example.org", "new@example.org")
    ]
    assert [answer.status_code for answer in answers] == [302, 302]
    assert answers[0]["Location"] == answers[1]["Location"]


@pytest.mark.parametrize(
    "url",
    [
        "/e%00",
        "/en/e%00/",
        "/en/task-forces/%00/",
        "/en/accounts/login/?next=/en/%00/",
        "/en/search/?query=carbon&page=%00",
    ],
)
def test_a_nul_character_in_a_url_is_not_a_server_error(client, url):
    """PostgreSQL refuses NUL in any text it is given: a page looked up, a redirect."""
    assert client.get(url).status_code in (200, 301, 302, 400, 404)
