"""A session's row names its user, and loading it brings the user in the same query; any session
Django would not accept as it is goes through Django's own checks."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.backends import db as django_sessions
from django.test import RequestFactory, override_settings
from django.utils import timezone

from taskforce_forms.accounts.middleware import AuthenticationMiddleware, loads_users_as_django_does
from taskforce_forms.models import Session
from taskforce_forms.models.sessions import SessionStore

from ..factories import visitor_user

pytestmark = pytest.mark.django_db


def request_with(session_key):
    request = RequestFactory().get("/")
    request.session = SessionStore(session_key)
    AuthenticationMiddleware(lambda request: None).process_request(request)
    return request


def signed_in(client, user):
    client.force_login(user)
    return client.session.session_key


def test_the_session_and_its_user_come_in_one_query(client, django_assert_num_queries):
    victor = visitor_user()
    request = request_with(signed_in(client, victor))
    with django_assert_num_queries(1):
        assert request.user == victor
        assert request.user.is_authenticated


def test_the_prepared_query_reads_the_row_and_its_user_as_the_orm_does(client):
    key = signed_in(client, visitor_user())
    prepared = Session.objects.with_user(key)
    orm = Session.objects.select_related("user").get(session_key=key)
    for row, expected in ((prepared, orm), (prepared.user, orm.user)):
        for field in type(expected)._meta.concrete_fields:
            value = getattr(row, field.attname)
            assert value == getattr(expected, field.attname), field.name
            assert type(value) is type(getattr(expected, field.attname)), field.name


def test_a_session_naming_nobody_has_no_user():
    store = SessionStore()
    store["language"] = "fr"
    store.create()
    row = Session.objects.with_user(store.session_key)
    assert row.user is None
    assert SessionStore(store.session_key)["language"] == "fr"
    assert Session.objects.with_user("no-such-session-key") is None


def test_an_expired_session_is_not_loaded(client):
    key = signed_in(client, visitor_user())
    Session.objects.filter(session_key=key).update(expire_date=timezone.now())
    request = request_with(key)
    assert not request.user.is_authenticated
    assert request.session.session_key is None


def test_the_row_names_the_user_from_login_to_logout(client):
    victor = visitor_user()
    key = signed_in(client, victor)
    assert Session.objects.get(session_key=key).user == victor
    client.post("/en/accounts/logout/")
    assert not Session.objects.filter(session_key=key).exists()


def test_a_changed_password_ends_the_session(client):
    victor = visitor_user()
    key = signed_in(client, victor)
    victor.set_password("a new password, 2026")
    victor.save()
    assert not request_with(key).user.is_authenticated
    assert not Session.objects.filter(session_key=key).exists(), "Django flushed it"


def test_a_deactivated_user_is_signed_out(client):
    victor = visitor_user()
    key = signed_in(client, victor)
    victor.is_active = False
    victor.save()
    assert not request_with(key).user.is_authenticated


def test_a_deleted_user_takes_their_sessions_along(client):
    victor = visitor_user()
    key = signed_in(client, victor)
    victor.delete()
    assert not Session.objects.filter(session_key=key).exists()
    assert not request_with(key).user.is_authenticated


def test_a_session_from_a_rotated_secret_key_is_left_to_django(client, settings):
    victor = visitor_user()
    key = signed_in(client, victor)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a new secret key for this test, long enough to be one " * 2
    request = request_with(key)
    assert request.user == victor, "still signed in: the old key is a fallback"
    assert request.session[HASH_SESSION_KEY] == victor.get_session_auth_hash(), "rehashed"


def test_a_session_naming_someone_else_is_left_to_django(client, django_assert_num_queries):
    victor, paula = visitor_user(), visitor_user("paula")
    key = signed_in(client, victor)
    Session.objects.filter(session_key=key).update(user=paula)
    request = request_with(key)
    with django_assert_num_queries(2):
        assert request.user == victor, "Django's own query for the user the data names"


class OwnLoading(ModelBackend):
    def get_user(self, user_id):
        return super().get_user(user_id)


def test_only_backends_that_load_users_as_django_does_take_the_short_path():
    assert loads_users_as_django_does(ModelBackend())
    assert loads_users_as_django_does(importlib.import_module("axes.backends").AxesBackend())
    assert not loads_users_as_django_does(OwnLoading())


@override_settings(AUTHENTICATION_BACKENDS=[f"{__name__}.OwnLoading"])
def test_a_backend_of_its_own_loads_the_user_itself(client, django_assert_num_queries):
    victor = visitor_user()
    client.force_login(victor, backend=f"{__name__}.OwnLoading")
    request = request_with(client.session.session_key)
    with django_assert_num_queries(2):
        assert request.user == victor


def test_the_migration_keeps_everyone_signed_in(client):
    victor = visitor_user()
    old = django_sessions.SessionStore()
    old[SESSION_KEY] = str(victor.pk)
    old[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    old[HASH_SESSION_KEY] = victor.get_session_auth_hash()
    old.create()
    migration = importlib.import_module("taskforce_forms.migrations.0013_signed_in_sessions")
    migration.keep_everyone_signed_in(apps, None)
    assert Session.objects.get(session_key=old.session_key).user == victor
    assert request_with(old.session_key).user == victor
