"""`seed_demo` fills the A1 and C3 spaces, so that a newcomer sees a living space after
`make run`; a second run changes nothing."""

import io
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from strategy_pages.choices import Role
from taskforce_forms.models import Application, ApplicationEvent, KnowledgeEntry, KnowledgeKind

pytestmark = pytest.mark.django_db

CONTRIBUTIONS = {"literature", "ongoing_activities", "projects", "funding_search"}


@pytest.fixture
def seeded(settings):
    settings.DEBUG = True
    output = io.StringIO()
    call_command("seed_demo", stdout=output)
    return output.getvalue()


def everything():
    """What a run of `seed_demo` could change in the spaces."""
    return (
        list(Application.objects.order_by("pk").values()),
        list(ApplicationEvent.objects.order_by("pk").values()),
        list(KnowledgeEntry.objects.order_by("pk").values()),
        list(get_user_model().objects.order_by("pk").values("pk", "username", "password")),
    )


@pytest.mark.parametrize("code", ["A1", "C3"])
def test_each_demo_space_has_a_whole_team(seeded, code):
    members = Application.objects.members().filter(task_force__code=code)
    roles = Counter(members.values_list("role", flat=True))
    assert roles[Role.LEADER] == 1 and roles[Role.REGIONAL_REPRESENTATIVE] >= 1
    team = members.filter(role=Role.TEAM_MEMBER).select_related("user__profile")
    assert team.count() >= 3
    assert len({member.user.profile.country for member in team}) >= 3
    assert len({member.user.profile.organization_id for member in team}) >= 3
    assert {True, False} <= {member.consent_to_share_contact for member in team}
    offered = {kind for member in team for kind in member.answers["contributions"]}
    assert offered >= {"literature", "projects"}


def test_the_demo_team_members_offered_every_kind_of_contribution(seeded):
    team = Application.objects.members().filter(
        task_force__code__in=["A1", "C3"], role=Role.TEAM_MEMBER
    )
    assert {kind for member in team for kind in member.answers["contributions"]} >= CONTRIBUTIONS


def test_a_demo_member_reads_arabic(seeded):
    arabic = Application.objects.members().filter(
        task_force__code="A1", user__profile__preferred_language="ar"
    )
    assert arabic.exists()


@pytest.mark.parametrize("code", ["A1", "C3"])
def test_each_demo_space_knows_several_things_of_each_kind(seeded, code):
    kinds = Counter(
        KnowledgeEntry.objects.filter(task_force__code=code).values_list("kind", flat=True)
    )
    assert all(kinds[kind] >= 2 for kind in KnowledgeKind.values), kinds


def test_the_new_logins_are_printed_like_the_others(seeded):
    assert "Demo spaces /en/spaces/a1/ and /en/spaces/c3/" in seeded
    assert "  created  nour         Team Member of A1 (shares e-mail)" in seeded
    assert "  created  amina        Task Force Leader of A1" in seeded


def test_a_second_run_changes_nothing(seeded, settings):
    before = everything()
    output = io.StringIO()
    call_command("seed_demo", stdout=output)
    assert everything() == before
    assert "  exists   nour " in output.getvalue()
    assert "  created  nour " not in output.getvalue()


def test_a_demo_member_signs_in_and_sees_the_living_space(seeded, client):
    login = {"username": "nour", "password": "demo-4p1000"}
    assert client.post("/en/accounts/login/", login).status_code == 302
    html = client.get("/ar/spaces/a1/").content.decode()
    assert "amina@example.org" in html, "the Leader shares her address"
    assert "tomas@example.org" not in html, "he does not"
    assert "NDC revision: the agriculture working group" in html
    assert client.get("/en/spaces/c3/").status_code == 200
