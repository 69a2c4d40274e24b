"""Staff who read personal data sign in with a password and a second factor: with the password
alone no admin URL answers; a code from the app, or a recovery code once, opens them; wrong codes
lock the account as wrong passwords do; a superuser resets a lost phone, on the record."""

import csv
import io

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Permission
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from taskforce_forms.second_factor.log_actions import RESET_ACTION

from ..factories import (
    apply,
    editor_user,
    make_user,
    partner_user,
    secretariat_user,
    sign_in_with_second_factor,
)
from .signing_in import (
    CODES,
    ENROL,
    LOGIN,
    VERIFY,
    app_code,
    enrolled,
    secret_on_page,
    sign_in_with_password,
    wrong_code,
)

pytestmark = pytest.mark.django_db

APPLICANT_EMAIL = "paula@example.org"


@pytest.fixture
def applicant():
    application = apply(partner_user("paula"), "A1")
    return application.user


def personal_data_urls(applicant):
    application = applicant.applications.get()
    return [
        "/admin/",
        "/admin/taskforce_forms/application/?status=all",
        "/admin/taskforce_forms/application/?export=csv&status=all",
        "/admin/taskforce_forms/application/?export=xlsx&status=all",
        f"/admin/taskforce_forms/application/inspect/{application.pk}/",
        "/admin/taskforce_forms/profile/",
        f"/admin/taskforce_forms/profile/inspect/{applicant.profile.pk}/",
        f"/admin/taskforce_forms/person/{applicant.pk}/export/",
        "/admin/taskforce_forms/accessrequest/",
    ]


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig", errors="replace")
    return response.content.decode(errors="replace")


@pytest.fixture(params=["secretariat", "superuser"])
def staff(request):
    if request.param == "secretariat":
        return secretariat_user("sara")
    return make_user("root", is_superuser=True, is_staff=True)


@pytest.mark.parametrize("has_app", [True, False], ids=["enrolled", "not enrolled"])
def test_with_the_password_alone_no_admin_url_gives_personal_data(
    client, applicant, staff, has_app
):
    if has_app:
        enrolled(staff)
    sign_in_with_password(client, staff)
    step = VERIFY if has_app else ENROL
    for url in personal_data_urls(applicant):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(f"{step}?next="), (url, response.url)
        assert APPLICANT_EMAIL not in body(response)
    # Nor by POST: the export and the erasure ask for the second factor first.
    response = client.post(f"/admin/taskforce_forms/person/{applicant.pk}/erase/")
    assert response.status_code == 302 and response.url.startswith(step)
    assert applicant.__class__.objects.filter(pk=applicant.pk).exists()


def test_a_code_from_the_app_opens_every_admin_url(client, applicant, staff):
    device = enrolled(staff)
    sign_in_with_password(client, staff, next_url="/admin/taskforce_forms/application/")
    step = client.get("/admin/taskforce_forms/application/")
    assert step.url == f"{VERIFY}?next=%2Fadmin%2Ftaskforce_forms%2Fapplication%2F"
    page = client.get(step.url)
    assert "Two-factor sign-in" in page.content.decode()
    response = client.post(
        VERIFY,
        {"code": app_code(device.bin_key), "next": "/admin/taskforce_forms/application/"},
    )
    assert response.status_code == 302
    assert response.url == "/admin/taskforce_forms/application/"
    for url in personal_data_urls(applicant):
        assert client.get(url).status_code == 200, url
    export = client.get("/admin/taskforce_forms/application/?export=csv&status=all")
    rows = list(csv.reader(io.StringIO(body(export))))
    assert any(APPLICANT_EMAIL in row for row in rows)


def test_the_next_page_is_one_of_this_site(client):
    staff = secretariat_user()
    device = enrolled(staff)
    sign_in_with_password(client, staff)
    response = client.post(
        VERIFY, {"code": app_code(device.bin_key), "next": "https://evil.example.org/"}
    )
    assert response.url == "/admin/"


def test_enrolment_shows_a_qr_code_and_the_secret_then_ten_recovery_codes_once(client):
    staff = secretariat_user()
    sign_in_with_password(client, staff)
    assert client.get("/admin/").url == f"{ENROL}?next=%2Fadmin%2F"
    response = client.get(ENROL + "?next=/admin/")
    assert "no-store" in response["Cache-Control"], "the secret is kept by no cache"
    page = response.content.decode()
    assert '<svg class="second-factor__qr"' in page
    assert 'role="img" aria-label="QR code to scan with your authenticator app"' in page
    key = secret_on_page(page)
    assert secret_on_page(client.get(ENROL).content.decode()) == key, "the same on reloading"
    refused = client.post(ENROL, {"code": wrong_code(key), "next": "/admin/"})
    assert refused.status_code == 200
    assert "This code is not right" in refused.content.decode()
    pending = TOTPDevice.objects.get(user=staff)
    assert not pending.confirmed
    pending.throttle_reset()  # as if the person waited
    confirmed = client.post(ENROL, {"code": app_code(key), "next": "/admin/"})
    assert confirmed.url == f"{CODES}?next=%2Fadmin%2F"
    codes_response = client.get(confirmed.url)
    assert "no-store" in codes_response["Cache-Control"]
    codes_page = codes_response.content.decode()
    codes = list(StaticToken.objects.filter(device__user=staff).values_list("token", flat=True))
    assert len(codes) == 10
    assert all(f"<code>{code}</code>" in codes_page for code in codes)
    assert client.get(CODES).url == "/admin/", "shown once"
    assert client.get("/admin/").status_code == 200, "signed in by the first code"


def test_a_recovery_code_works_once(client):
    staff = secretariat_user()
    enrolled(staff)
    sign_in_with_password(client, staff)
    device = staff.staticdevice_set.create(name="Recovery codes")
    device.token_set.create(token="abcd2345")
    response = client.post(VERIFY, {"code": "ABCD-2345", "next": "/admin/"})
    assert response.url == "/admin/"
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert "it will not work again" in dashboard.content.decode()
    client.post("/admin/logout/")
    sign_in_with_password(client, staff)
    device.refresh_from_db()
    device.throttle_reset()  # as if the person waited
    again = client.post(VERIFY, {"code": "abcd2345", "next": "/admin/"})
    assert again.status_code == 200
    assert "This code is not right, or was already used" in again.content.decode()
    assert client.get("/admin/").url.startswith(VERIFY)


def test_ten_wrong_codes_lock_the_account_as_wrong_passwords_do(client, settings):
    assert settings.SECOND_FACTOR_FAILURE_LIMIT == 10
    staff = secretariat_user()
    device = enrolled(staff)
    sign_in_with_password(client, staff)
    for attempt in range(1, 10):
        device.throttle_reset()  # as if the person waited between codes
        response = client.post(VERIFY, {"code": wrong_code(device.bin_key), "next": "/admin/"})
        assert response.status_code == 200, attempt
        assert "This code is not right" in response.content.decode()
    assert AccessAttempt.objects.get(username=staff.username).failures_since_start == 9
    device.throttle_reset()
    locked = client.post(VERIFY, {"code": wrong_code(device.bin_key), "next": "/admin/"})
    assert locked.status_code == 429, "django-axes' lockout page"
    assert "_auth_user_id" not in client.session, "signed out"
    # Now neither the password nor a right code gets in, for the cool-off time.
    refused = client.post(LOGIN, {"username": staff.username, "password": "a-test-password-4p1000"})
    assert refused.status_code == 429
    assert client.get("/admin/").status_code == 302


def test_a_locked_account_refuses_even_the_right_code(client):
    staff = secretariat_user()
    device = enrolled(staff)
    sign_in_with_password(client, staff)
    AccessAttempt.objects.create(
        username=staff.username,
        ip_address="127.0.0.1",
        user_agent="",
        failures_since_start=10,
        get_data="",
        post_data="",
        http_accept="",
        path_info="",
    )
    response = client.post(VERIFY, {"code": app_code(device.bin_key), "next": "/admin/"})
    assert response.status_code == 429
    assert client.get("/admin/").status_code == 302
    assert not client.get("/admin/").url.startswith(VERIFY), "signed out, to the login"


def test_a_right_code_forgets_earlier_wrong_ones(client):
    staff = secretariat_user()
    device = enrolled(staff)
    sign_in_with_password(client, staff)
    client.post(VERIFY, {"code": wrong_code(device.bin_key)})
    assert AccessAttempt.objects.filter(username=staff.username).exists()
    device.refresh_from_db()
    device.throttle_reset()
    client.post(VERIFY, {"code": app_code(device.bin_key)})
    assert not AccessAttempt.objects.filter(username=staff.username).exists()


def test_signing_in_again_with_the_password_asks_for_a_code_again(client):
    staff = secretariat_user()
    sign_in_with_second_factor(client, staff)
    assert client.get("/admin/").status_code == 200
    sign_in_with_password(client, staff)
    assert client.get("/admin/").url.startswith(VERIFY)


def test_editors_sign_in_with_the_password_unless_the_setting_asks_more(client, settings):
    editor = editor_user()
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert "Set up two-factor sign-in" in client.get("/admin/account/").content.decode()
    settings.SECOND_FACTOR_FOR_EDITORS = True
    assert client.get("/admin/").url.startswith(ENROL)


def test_an_editor_who_enrolled_uses_the_code(client):
    editor = editor_user()
    enrolled(editor)
    client.force_login(editor)
    assert client.get("/admin/").url.startswith(VERIFY)


def test_whoever_holds_a_personal_data_permission_needs_the_factor(client):
    editor = editor_user()
    editor.user_permissions.add(Permission.objects.get(codename="view_application"))
    client.force_login(editor)
    assert client.get("/admin/").url.startswith(ENROL)


def test_a_superuser_resets_a_lost_phone_on_the_record(client):
    person = secretariat_user("sara")
    enrolled(person)
    person.staticdevice_set.create(name="Recovery codes").token_set.create(token="abcd2345")
    admin = make_user("root", is_superuser=True, is_staff=True)
    sign_in_with_second_factor(client, admin)
    users = client.get("/admin/users/").content.decode()
    assert f"/admin/second-factor/reset/{person.pk}/" in users
    confirm = client.get(f"/admin/second-factor/reset/{person.pk}/")
    assert "This removes Sara Tester" in confirm.content.decode()
    response = client.post(f"/admin/second-factor/reset/{person.pk}/")
    assert response.url == "/admin/users/"
    assert not TOTPDevice.objects.filter(user=person).exists()
    assert not person.staticdevice_set.exists()
    entry = ModelLogEntry.objects.get(action=RESET_ACTION)
    assert (entry.user, entry.object_id, entry.data) == (admin, str(person.pk), {"devices": 2})
    history = client.get("/admin/reports/site-history/").content.decode()
    assert "Reset two-factor sign-in" in history
    # At their next sign-in, the person sets up an app again.
    client.post("/admin/logout/")
    sign_in_with_password(client, person)
    assert client.get("/admin/").url.startswith(ENROL)


def test_only_superusers_reset(client):
    person = editor_user()
    enrolled(person)
    sign_in_with_second_factor(client, secretariat_user())
    assert client.post(f"/admin/second-factor/reset/{person.pk}/").status_code in {302, 403}
    assert TOTPDevice.objects.filter(user=person).exists()
