"""Accounts in the site's look, requests for a login, and a user's own applications."""

import pytest
from django.core import mail

from taskforce_forms.models import AccessRequest, MembershipChange, Organization

from ..factories import (
    PASSWORD,
    apply,
    partner_user,
    sign_in_with_second_factor,
    visitor_user,
)

pytestmark = pytest.mark.django_db


def test_login_page_is_in_the_sites_look_and_logs_in(client):
    user = visitor_user()
    html = client.get("/fr/accounts/login/").content.decode()
    assert 'class="site-header"' in html
    response = client.post(
        "/en/accounts/login/?next=/en/join/a1/",
        {"username": user.username, "password": PASSWORD, "next": "/en/join/a1/"},
    )
    assert response["Location"] == "/en/join/a1/"


def test_failed_logins_are_rate_limited(client):
    visitor_user()
    for _attempt in range(5):
        client.post("/en/accounts/login/", {"username": "victor", "password": "wrong"})
    response = client.post("/en/accounts/login/", {"username": "victor", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()


def test_logout_is_a_post(client):
    client.force_login(visitor_user())
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_says_the_same_for_known_and_unknown_addresses(client):
    visitor_user()
    known = client.post("/en/accounts/password/reset/", {"email": "victor@example.org"})
    unknown = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known["Location"] == unknown["Location"] == "/en/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    assert "/en/accounts/password/reset/" in mail.outbox[0].body


def test_password_change(client):
    user = visitor_user()
    client.force_login(user)
    response = client.post(
        "/en/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": "n3w-Passw0rd-x",
            "new_password2": "n3w-Passw0rd-x",
        },
    )
    assert response["Location"] == "/en/accounts/password/change/done/"
    user.refresh_from_db()
    assert user.check_password("n3w-Passw0rd-x")


def test_the_profile_edits_name_country_and_language_but_not_the_organization(client):
    user = partner_user()
    client.force_login(user)
    other = Organization.objects.create(name="Elsewhere", membership_status="none")
    response = client.post(
        "/en/accounts/profile/",
        {
            "first_name": "Paula",
            "last_name": "Pérez",
            "country": "ES",
            "preferred_language": "es",
            "organization": other.pk,
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.last_name == "Pérez"
    assert user.profile.country == "ES"
    assert user.profile.preferred_language == "es"
    assert user.profile.organization.name == "Paula Organization"


def request_login(client, **overrides):
    data = {
        "name": "Nadia Nouvelle",
        "email": "nadia@example.org",
        "organization_name": "Sahel Soils",
        "country": "SN",
        "membership_claim": "member",
        "message": "I would like to join C2.",
        **overrides,
    }
    return client.post("/fr/accounts/request-login/", data)


def test_a_visitor_requests_a_login(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = request_login(client)
    assert response["Location"] == "/fr/accounts/request-login/sent/"
    access_request = AccessRequest.objects.get()
    assert access_request.status == "pending"
    assert access_request.language == "fr"
    assert mail.outbox[0].to == ["nadia@example.org"]


def test_the_secretariat_is_told_of_a_request_for_a_login(
    client, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request_login(client)
    access_request = AccessRequest.objects.get()
    to_secretariat = next(m for m in mail.outbox if m.to == [settings.SECRETARIAT_EMAIL])
    assert to_secretariat.subject == "Request for a login: Nadia Nouvelle", "in English"
    assert "Sahel Soils (Member of “4 per 1000”)" in to_secretariat.body
    assert f"/admin/taskforce_forms/accessrequest/inspect/{access_request.pk}/" in (
        to_secretariat.body
    )


def test_a_bad_request_for_a_login_keeps_what_was_typed(client):
    response = request_login(client, email="not-an-address")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Nadia Nouvelle"' in html
    assert '<ul class="errorlist" id="id_email_error"><li>Saisissez une adresse' in html
    assert not AccessRequest.objects.exists()


def test_requests_for_a_login_are_rate_limited_per_address(client):
    for _attempt in range(5):
        assert request_login(client).status_code == 302
    response = request_login(client)
    assert response.status_code == 429
    assert AccessRequest.objects.count() == 5


def test_the_strategy_page_links_step_2_to_request_a_login(client):
    html = client.get("/en/task-forces/").content.decode()
    assert 'href="/en/accounts/request-login/"' in html


def test_my_applications_lists_only_mine(client):
    me, someone = visitor_user(), partner_user()
    mine = apply(me, "A1")
    theirs = apply(someone, "B2", role="leader")
    client.force_login(me)
    html = client.get("/en/my-applications/").content.decode()
    assert f"/en/my-applications/{mine.pk}/" in html
    assert f"/en/my-applications/{theirs.pk}/" not in html
    assert client.get(f"/en/my-applications/{theirs.pk}/").status_code == 404
    assert client.post(f"/en/my-applications/{theirs.pk}/withdraw/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "submitted"


def test_withdrawing_asks_for_confirmation_then_keeps_the_history(client):
    me = visitor_user()
    application = apply(me)
    client.force_login(me)
    confirm = client.get(f"/en/my-applications/{application.pk}/withdraw/")
    assert "Do you really want to withdraw" in confirm.content.decode()
    application.refresh_from_db()
    assert application.status == "submitted"

    client.post(f"/en/my-applications/{application.pk}/withdraw/")
    application.refresh_from_db()
    assert application.status == "withdrawn"
    html = client.get(f"/en/my-applications/{application.pk}/").content.decode()
    assert "Withdrawn" in html
    assert "Withdraw this application" not in html
    assert client.get("/en/join/a1/").status_code == 302  # a new application may start


def test_the_organization_admin_records_who_changed_the_status(client, admin_user):
    organization = Organization.objects.create(name="Terre Vivante", membership_status="member")
    sign_in_with_second_factor(client, admin_user)
    url = f"/admin/taskforce_forms/organization/edit/{organization.pk}/"
    response = client.post(
        url, {"name": "Terre Vivante", "country": "FR", "membership_status": "partner"}
    )
    assert response.status_code == 302
    change = MembershipChange.objects.get(organization=organization)
    assert (change.from_status, change.to_status, change.changed_by) == (
        "member",
        "partner",
        admin_user,
    )
    inspect = client.get(f"/admin/taskforce_forms/organization/inspect/{organization.pk}/")
    assert "Membership status history" in inspect.content.decode()


@pytest.mark.parametrize(
    "url", ["/admin/taskforce_forms/profile/", "/admin/taskforce_forms/organization/"]
)
def test_editors_never_see_peoples_data(client, url):
    from django.contrib.auth.models import Group

    editor = visitor_user("edith")
    editor.is_staff = True
    editor.save()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "Victor" not in response.content.decode()
    secretariat = visitor_user("sam")
    secretariat.groups.add(Group.objects.get(name="Secretariat"))
    sign_in_with_second_factor(client, secretariat)
    assert client.get(url).status_code == 200
