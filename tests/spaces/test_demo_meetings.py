"""`seed_demo` gives the A1 and C3 spaces one past meeting, with its minutes, and one to come,
organised by their Leaders; a second run adds none, and no demo meeting sends an e-mail."""

import io

import pytest
from django.core.management import call_command

from strategy_pages.choices import Role
from taskforce_forms.models import Application, Meeting, OutgoingMail

pytestmark = pytest.mark.django_db


def seed():
    output = io.StringIO()
    call_command("seed_demo", stdout=output)
    return output.getvalue()


@pytest.fixture
def seeded(settings):
    settings.DEBUG = True
    return seed()


@pytest.mark.parametrize("code", ["A1", "C3"])
def test_each_demo_space_has_a_past_and_an_upcoming_meeting(seeded, code):
    meetings = Meeting.objects.filter(task_force__code=code)
    (past,) = meetings.past()
    (upcoming,) = meetings.upcoming()
    assert past.minutes and not upcoming.minutes
    assert not past.is_cancelled and not upcoming.is_cancelled
    leader = Application.objects.members().get(task_force__code=code, role=Role.LEADER)
    assert past.organiser == upcoming.organiser == leader.user


def test_a_second_run_adds_no_meeting(seeded):
    assert "Demo meetings: 4 in the A1 and C3 spaces" in seeded
    before = list(Meeting.objects.order_by("pk").values_list("pk", "uid"))
    assert "Demo meetings" not in seed()
    assert list(Meeting.objects.order_by("pk").values_list("pk", "uid")) == before
    assert not OutgoingMail.objects.filter(template__contains="meeting").exists()
