"""The team as the space shows it: by role and region, e-mail addresses only with consent, in
a number of queries that grows with neither the team nor its entries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from taskforce_forms.models import Application, KnowledgeEntry, KnowledgeKind

from ..factories import objective, region
from .people import A1_SPACE, leader, representative, team_member

pytestmark = pytest.mark.django_db


def team_rows(client, path=A1_SPACE):
    html = client.get(path).content.decode()
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()
        for row in body.split("</tr>")[:-1]
    ]


def test_the_team_by_role_then_region(client):
    leila, rafael = leader(), representative()
    representative("amadou", "Africa")
    tamara = team_member()
    client.force_login(tamara)
    rows = team_rows(client)
    assert rows[0] == "Leila Tester Task Force Leader Leila Organization e-mail address not shared"
    assert rows[1].startswith("Amadou Tester Regional Representative (Africa) Amadou Organization")
    assert rows[2].startswith("Rafael Tester Regional Representative (Europe) Rafael Organization")
    assert rows[3] == "Tamara Tester (you) Team Member — e-mail address not shared"
    assert len(rows) == 4
    assert leila.email not in "".join(rows) and rafael.email not in "".join(rows)


def test_only_members_are_in_the_team(client):
    from_b1 = team_member("bruno", code="B1")
    client.force_login(team_member())
    html = client.get(A1_SPACE).content.decode()
    assert "Bruno" not in html
    assert from_b1.email not in html


def test_an_e_mail_address_shows_only_with_its_owners_consent(client):
    leila = leader()
    client.force_login(team_member())
    assert leila.email not in client.get(A1_SPACE).content.decode()
    leila.applications.get().share_contact(True)
    assert f'href="mailto:{leila.email}"' in client.get(A1_SPACE).content.decode()
    leila.applications.get().share_contact(False)
    assert leila.email not in client.get(A1_SPACE).content.decode()


def test_a_member_withdraws_their_consent_from_the_space(client):
    tamara = team_member(consent_to_share_contact=True)
    client.force_login(tamara)
    html = client.get(A1_SPACE).content.decode()
    assert re.search(r'<input type="checkbox" name="consent_to_share_contact"[^>]* checked>', html)
    response = client.post(f"{A1_SPACE}contact-details/", {}, follow=True)
    assert "Your e-mail address is no longer shown." in response.content.decode()
    assert Application.objects.get(user=tamara).consent_to_share_contact is False
    assert tamara.email not in response.content.decode().split("<tbody>")[1]


def test_region_names_are_in_the_visitors_language(client):
    representative("amadou", "Africa")
    client.force_login(team_member())
    rows = team_rows(client, "/ar/spaces/a1/")
    assert "أفريقيا" in rows[0]
    assert "Africa" not in rows[0]


def queries_for_the_space(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(A1_SPACE).status_code == 200
    return len(queries)


def test_the_space_costs_the_same_queries_whatever_the_size_of_its_team(client):
    client.force_login(team_member())
    client.get(A1_SPACE)  # the Task Force is then remembered, as on a live site
    small = queries_for_the_space(client)
    leader()
    representative("rafael", "Europe")
    for number in range(12):
        member = team_member(
            f"member{number}",
            consent_to_share_contact=True,
            answers={"contributions": ["literature"], "details": "A map"},
        )
        KnowledgeEntry.objects.create(
            task_force=objective("A1"),
            author=member,
            kind=KnowledgeKind.PROJECT,
            title=f"Project {number}",
            description="What it is about.",
            region=region("Africa"),
            source_language="es",
        )
    assert queries_for_the_space(client) == small
    # The site, session, user, page URL, membership, team, entries, regions, the next
    # meetings, and the visitor's profile (the time zone they are shown in).
    assert small <= 10
