"""Queries compiled once: each call's values in their places, rows read as the ORM reads them,
and a query that cannot be prepared refused at once."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.prepared import PreparedQuery
from strategy_pages.choices import Role
from taskforce_forms.join.eligibility import has_open_application
from taskforce_forms.models import Application, JoinDraft, Profile, user_organization
from taskforce_forms.models.people import user_profile

from ..factories import apply, member_user, objective, partner_user, visitor_user

pytestmark = pytest.mark.django_db


class Counted:
    """A query's builder, counting how often the queryset is built."""

    def __init__(self, build):
        self.build, self.calls = build, 0

    def __call__(self, *values):
        self.calls += 1
        return self.build(*values)


def test_the_queryset_is_built_once_and_each_call_finds_its_own_row():
    paula, manuel = partner_user(), member_user()
    for user, answers in ((paula, {"role": "leader"}), (manuel, {"role": "team_member"})):
        JoinDraft.objects.create(user=user, key="join_a1", data=answers)
    build = Counted(lambda user_id, key: JoinDraft.objects.filter(user_id=user_id, key=key))
    drafts = PreparedQuery(build, int, str)
    for user in (paula, manuel, paula):
        draft = drafts.first(user.pk, "join_a1")
        assert draft == JoinDraft.objects.get(user=user)
        assert draft.data == JoinDraft.objects.get(user=user).data  # JSON, decoded
        assert draft.updated_at == JoinDraft.objects.get(user=user).updated_at
        assert not draft._state.adding and draft._state.db == "default"
    assert drafts.first(paula.pk, "join_b2") is None
    assert build.calls == 2  # once for the model, once for the SQL


def test_the_sql_is_the_orms():
    paula = partner_user()
    drafts = PreparedQuery(
        lambda user_id, key: JoinDraft.objects.filter(user_id=user_id, key=key), int, str
    )
    with CaptureQueriesContext(connection) as prepared:
        drafts.first(paula.pk, "join_a1")
    with CaptureQueriesContext(connection) as orm:
        JoinDraft.objects.filter(user_id=paula.pk, key="join_a1").first()
    assert prepared[0]["sql"] == orm[0]["sql"]


def test_an_open_application_is_found_and_a_closed_one_is_not():
    paula, manuel = partner_user(), member_user()
    application = apply(paula, "A1", role=Role.LEADER)
    assert has_open_application(paula, objective("A1"))
    assert not has_open_application(paula, objective("A2"))
    assert not has_open_application(manuel, objective("A1"))
    Application.objects.filter(pk=application.pk).update(status="withdrawn")
    assert not has_open_application(paula, objective("A1"))


def test_a_profile_is_read_once_and_a_user_without_one_has_none(django_assert_num_queries):
    paula, victor = partner_user(), visitor_user()
    Profile.objects.filter(user=victor).delete()
    victor.refresh_from_db()
    with django_assert_num_queries(2):  # the profile, then the organization
        assert user_organization(paula) == Profile.objects.get(user=paula).organization
    with django_assert_num_queries(0):
        assert user_profile(paula).user is paula
        assert user_organization(paula) is not None
    with django_assert_num_queries(1):
        assert user_profile(victor) is None
        assert user_organization(victor) is None


def test_nobody_has_no_profile():
    """An erased application's user, and an anonymous visitor."""
    assert user_profile(None) is None
    assert user_organization(AnonymousUser()) is None


def test_a_profile_already_loaded_is_not_read_again(django_assert_num_queries):
    paula = partner_user()
    user = type(paula).objects.select_related("profile").get(pk=paula.pk)
    with django_assert_num_queries(0):
        assert user_profile(user) == user.profile


@pytest.mark.parametrize(
    "build",
    [
        lambda key: JoinDraft.objects.filter(key__startswith=key),  # the value becomes "key%"
        lambda key: JoinDraft.objects.filter(key=key) | JoinDraft.objects.filter(data=key),
    ],
    ids=["changed", "used twice"],
)
def test_a_value_the_sql_does_not_hold_as_given_is_refused(build):
    with pytest.raises(ValueError, match="each value once"):
        PreparedQuery(build, str).first("join_a1")


def test_first_builds_plain_objects_only():
    query = PreparedQuery(lambda key: JoinDraft.objects.select_related("user").filter(key=key), str)
    with pytest.raises(ValueError, match="plain objects"):
        query.first("join_a1")
