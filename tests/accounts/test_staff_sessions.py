"""A staff session ends after 30 minutes without a request and 12 hours after signing in; the
next admin page asks for the password and the second factor again. Visitors' sessions are left
as they are. Time moves by editing the clock the session keeps."""

import time

import pytest

from taskforce_forms.models.sessions import SessionStore
from taskforce_forms.second_factor.sessions import STAFF_SESSION

from ..factories import editor_user, secretariat_user, sign_in_with_second_factor, visitor_user

pytestmark = pytest.mark.django_db

MINUTE = 60
HOUR = 60 * MINUTE


def move_clock(client, *, signed_in_ago, last_request_ago):
    session = client.session
    now = int(time.time())
    session[STAFF_SESSION] = [now - signed_in_ago, now - last_request_ago]
    session.save()


def test_the_limits_are_thirty_minutes_and_twelve_hours(settings):
    assert settings.STAFF_SESSION_IDLE_SECONDS == 30 * MINUTE
    assert settings.STAFF_SESSION_MAX_SECONDS == 12 * HOUR


def test_an_active_staff_session_goes_on(client):
    sign_in_with_second_factor(client, secretariat_user())
    move_clock(client, signed_in_ago=11 * HOUR, last_request_ago=29 * MINUTE)
    assert client.get("/admin/").status_code == 200
    started, seen = client.session[STAFF_SESSION]
    assert time.time() - seen < MINUTE, "the request is noted"
    assert time.time() - started > 11 * HOUR, "the sign-in time is kept"


def test_an_idle_staff_session_ends(client):
    sign_in_with_second_factor(client, secretariat_user())
    move_clock(client, signed_in_ago=HOUR, last_request_ago=31 * MINUTE)
    response = client.get("/admin/taskforce_forms/application/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    assert "_auth_user_id" not in client.session
    login = client.get(response.url).content.decode()
    assert "You were signed out after a while without activity" in login


def test_a_staff_session_ends_after_twelve_hours_even_if_busy(client):
    sign_in_with_second_factor(client, secretariat_user())
    move_clock(client, signed_in_ago=12 * HOUR + MINUTE, last_request_ago=MINUTE)
    response = client.get("/admin/")
    assert response.url.startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


def test_an_idle_staff_session_ends_on_a_public_page_from_the_shared_cache(
    client, settings, tmp_path
):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "generation")
    page = "/en/task-forces/goal-a/a1/"
    sam = secretariat_user()
    sign_in_with_second_factor(client, sam)
    client.get(page)
    assert client.get(page)["X-Page-Cache"] == "shared hit"
    move_clock(client, signed_in_ago=HOUR, last_request_ago=31 * MINUTE)
    response = client.get(page)
    assert "_auth_user_id" not in client.session
    assert sam.get_full_name() not in response.content.decode()
    assert "Log in" in response.content.decode()


def test_an_ended_session_asks_for_the_second_factor_again(client):
    staff = secretariat_user()
    sign_in_with_second_factor(client, staff)
    old_session = client.session.session_key
    move_clock(client, signed_in_ago=HOUR, last_request_ago=HOUR)
    client.get("/admin/")
    assert not SessionStore().exists(old_session), "the old session is gone"
    client.force_login(staff)
    assert client.get("/admin/").url.startswith("/admin/second-factor/")


def test_editors_sessions_are_staff_sessions_too(client):
    client.force_login(editor_user())
    assert STAFF_SESSION in client.session
    move_clock(client, signed_in_ago=HOUR, last_request_ago=HOUR)
    assert client.get("/admin/").url.startswith("/admin/login/")


def test_a_visitors_session_is_left_as_it_is(client):
    client.force_login(visitor_user())
    assert STAFF_SESSION not in client.session
    assert client.get("/en/my-applications/").status_code == 200
    assert STAFF_SESSION not in client.session
    assert "_auth_user_id" in client.session
