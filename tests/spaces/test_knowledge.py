"""What the Task Force knows: the members' entries, filtered by type and region, and what Team
Members offered on the join form, shared with their consent."""

import pytest

from taskforce_forms.models import KnowledgeEntry, KnowledgeKind
from taskforce_forms.privacy.erasure import erase_person
from taskforce_forms.privacy.export import personal_data

from ..factories import objective, region, secretariat_user, sign_in_with_second_factor
from .people import A1_SPACE, leader, team_member
from .test_permissions import MATRIX, answers, signed_in

pytestmark = pytest.mark.django_db

A1_KNOWLEDGE = "/en/spaces/a1/knowledge/"
ENTRY = {
    "kind": "literature",
    "title": "Soil carbon in West African NDCs",
    "url": "https://example.org/ndc-soil",
    "description": "A review of how 14 NDCs count soil organic carbon.",
    "source_language": "fr",
}


def entry(author, title, kind=KnowledgeKind.LITERATURE, region_name=None, code="A1"):
    return KnowledgeEntry.objects.create(
        task_force=objective(code),
        author=author,
        kind=kind,
        title=title,
        description="What it is about.",
        region=region(region_name) if region_name else None,
        source_language="en",
    )


@pytest.mark.parametrize("who", MATRIX)
def test_adding_an_entry(client, who):
    make, second_factor, _page, expected = MATRIX[who]
    user = signed_in(client, make, second_factor)
    response = client.post(A1_KNOWLEDGE, ENTRY)
    assert answers(response, expected)
    if expected == 302:
        assert response["Location"] == f"{A1_SPACE}#knowledge-heading"
        added = KnowledgeEntry.objects.get()
        assert (added.author, added.task_force, added.title) == (
            user,
            objective("A1"),
            ENTRY["title"],
        )
    else:
        assert not KnowledgeEntry.objects.exists()


def test_an_entry_added_shows_in_the_space(client):
    client.force_login(team_member())
    response = client.post(A1_KNOWLEDGE, ENTRY, follow=True)
    html = response.content.decode()
    assert "Thank you: your entry was added." in html
    assert f'<a href="{ENTRY["url"]}" rel="noopener noreferrer">{ENTRY["title"]}</a>' in html
    assert "Relevant literature" not in html, "nobody offered anything on the join form"
    assert "Literature · French" in html
    assert "Added by Tamara Tester on" in html


def test_an_entry_with_mistakes_comes_back_as_typed(client):
    client.force_login(team_member())
    response = client.post(A1_KNOWLEDGE, {**ENTRY, "title": "", "url": "javascript:alert(1)"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("There is a problem") == 1
    assert ENTRY["description"] in html
    assert "Enter a valid URL." in html
    assert not KnowledgeEntry.objects.exists()


def test_the_list_is_filtered_by_type_and_region(client):
    tamara = team_member()
    entry(tamara, "A paper on Africa", region_name="Africa")
    entry(tamara, "A funder in Africa", KnowledgeKind.FUNDER, "Africa")
    entry(tamara, "A paper on Europe", region_name="Europe")
    entry(tamara, "A paper of B1", code="B1")
    client.force_login(tamara)
    everything = client.get(A1_SPACE).content.decode()
    assert all(f"A {title}" in everything for title in ("paper on Africa", "funder in Africa"))
    assert "A paper of B1" not in everything
    africa = region("Africa").pk
    papers_on_africa = client.get(A1_SPACE, {"kind": "literature", "region": africa})
    html = papers_on_africa.content.decode()
    assert "A paper on Africa" in html
    assert "A funder in Africa" not in html and "A paper on Europe" not in html
    assert client.get(A1_SPACE, {"kind": "nonsense", "region": "x"}).status_code == 200


def test_join_form_contributions_are_shared_with_consent_only(client):
    offered = {"contributions": ["literature", "funding_search"], "details": "A regional soil map"}
    team_member("bruno", answers=offered)
    team_member("carla", answers={**offered, "details": "My lab's data"}).applications.update(
        consent_to_share_contact=True
    )
    client.force_login(leader())
    html = client.get(A1_SPACE).content.decode()
    assert "My lab&#x27;s data" in html
    assert "Relevant literature, Help in the search for funding" in html
    assert "A regional soil map" not in html


def test_the_export_holds_the_entries_and_the_erasure_keeps_them_without_their_author():
    tamara = team_member()
    added = entry(tamara, "A paper on Africa", region_name="Africa")
    [exported] = personal_data(tamara)["knowledge_entries"]
    assert exported["title"] == "A paper on Africa" and exported["region"] == "Africa"
    erase_person(tamara, by=secretariat_user())
    added.refresh_from_db()
    assert added.author is None
    assert added.title == "A paper on Africa"


def test_the_secretariat_reads_the_entries_without_the_form(client):
    entry(team_member(), "A paper on Africa")
    sign_in_with_second_factor(client, secretariat_user())
    html = client.get(A1_SPACE).content.decode()
    assert "A paper on Africa" in html
    assert A1_KNOWLEDGE not in html
