"""A Task Force's public page reads of its people only what it shows, in one query."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from strategy_pages.choices import Role
from taskforce_forms.models import ApplicationStatus
from taskforce_forms.roster import public_roster

from ..factories import apply, member_user, objective, partner_user, region, visitor_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def a1_people():
    nominated = {"status": ApplicationStatus.NOMINATED, "consent_to_publication": True}
    apply(partner_user(), role=Role.LEADER, answers={"motivation": "private"}, **nominated)
    for name, region_name in [("rita", "Africa"), ("rafael", "Latin America and the Caribbean")]:
        apply(
            partner_user(name),
            role=Role.REGIONAL_REPRESENTATIVE,
            region=region(region_name),
            **nominated,
        )
    for name in ["tom", "tina"]:
        apply(member_user(name), status=ApplicationStatus.ACCEPTED)
    apply(visitor_user(), status=ApplicationStatus.SUBMITTED)


def test_the_roster_is_one_query_and_its_page_part_none_more(a1_people, django_assert_num_queries):
    a1 = objective("A1")
    with translation.override("fr"), django_assert_num_queries(1):
        roster = public_roster(a1)
        html = render_to_string("taskforce_forms/includes/roster.html", {"roster": roster})
    assert "Paula Tester" in html and "Paula Organization" in html
    assert [person["region"] for person in roster["representatives"]] == [
        "Afrique",
        "Amérique latine et Caraïbes",
    ]
    assert roster["team_size"] == 2


def test_the_roster_leaves_answers_and_passwords_in_the_database(a1_people):
    leader = public_roster(objective("A1"))["leader"]
    assert {"answers", "language"} <= leader.get_deferred_fields()
    assert "password" in leader.user.get_deferred_fields()
