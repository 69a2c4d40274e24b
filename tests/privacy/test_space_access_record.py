"""The record of access covers the Task Forces' spaces: the Secretariat or a superuser opening a
space (its team, with the contact details they share) or exporting what its members know is
one entry; a member's own visits and downloads are not recorded."""

import pytest
from django.contrib.contenttypes.models import ContentType

from taskforce_forms.models import AccessRecord, KnowledgeEntry, KnowledgeKind
from taskforce_forms.privacy import audit

from ..factories import objective, region, secretariat_user, sign_in_with_second_factor
from ..spaces.people import A1_SPACE, leader, superuser, team_member

pytestmark = pytest.mark.django_db

CSV = A1_SPACE + "knowledge.csv"
XLSX = A1_SPACE + "knowledge.xlsx"
TITLE = "Permafrost carbon ledger of Yakutia"


@pytest.fixture
def a1_team():
    leila = leader()
    leila.applications.update(consent_to_share_contact=True)
    tamara = team_member()
    for kind in (KnowledgeKind.LITERATURE, KnowledgeKind.LITERATURE, KnowledgeKind.FUNDER):
        KnowledgeEntry.objects.create(
            task_force=objective("A1"),
            author=tamara,
            kind=kind,
            title=TITLE,
            description="Twelve winters of sampling.",
            region=region("Europe"),
            source_language="ru",
        )
    return leila


@pytest.fixture(params=["Secretariat", "superuser"])
def overseer(request, client):
    user = secretariat_user() if request.param == "Secretariat" else superuser()
    sign_in_with_second_factor(client, user)
    return user


def the_entry():
    (entry,) = AccessRecord.objects.all()
    return entry


def is_about_a1(entry):
    return (entry.content_type, entry.object_id) == (
        ContentType.objects.get_for_model(objective("A1")),
        str(objective("A1").pk),
    )


def test_opening_a_space_is_one_entry_with_what_it_showed(client, overseer, a1_team):
    assert client.get(A1_SPACE).status_code == 200
    entry = the_entry()
    assert (entry.user, entry.action, entry.label) == (overseer, audit.OPEN_SPACE, "Task Force A1")
    assert is_about_a1(entry)
    assert entry.data == {"members": 2, "contact_details": 1}
    assert "leila@example.org" not in str(entry.data) + entry.label


def test_an_export_of_what_the_task_force_knows_records_its_filters_and_rows(
    client, overseer, a1_team
):
    europe = region("Europe").pk
    client.get(CSV, {"kind": "literature", "region": europe})
    entry = the_entry()
    assert (entry.user, entry.action, entry.label) == (
        overseer,
        audit.EXPORT_KNOWLEDGE,
        "Task Force A1",
    )
    assert is_about_a1(entry)
    assert entry.data == {
        "format": "csv",
        "rows": 2,
        "filters": [["Type", "Literature"], ["Region", "Europe"]],
    }
    assert entry.message == (
        "Exported 2 entries of what the Task Force knows as CSV; Type: Literature; Region: Europe"
    )
    assert TITLE not in entry.message


def test_an_export_with_a_filter_the_list_does_not_offer_records_no_filter(
    client, overseer, a1_team
):
    client.get(XLSX, {"kind": "<script>", "region": "abc"})
    entry = the_entry()
    assert entry.data == {"format": "xlsx", "rows": 3, "filters": []}
    assert "<script>" not in entry.message and entry.message.endswith("; no filter")


def test_a_members_visits_and_downloads_are_not_recorded(client, a1_team):
    """Each colleague chose to share their address with these members: the consent, which they
    may withdraw at any time, governs it, and a log of members reading their own space would be
    personal data about them kept for no purpose."""
    client.force_login(a1_team)
    assert client.get(A1_SPACE).status_code == 200
    assert client.get(CSV).status_code == 200
    client.force_login(team_member("bruno"))
    assert client.get(A1_SPACE).status_code == 200
    assert not AccessRecord.objects.exists()


def test_a_refused_visit_is_not_recorded(client, a1_team):
    client.force_login(secretariat_user())  # without the second factor: 404
    assert client.get(A1_SPACE).status_code == 404
    assert client.get(CSV).status_code == 404
    assert not AccessRecord.objects.exists()


def test_site_history_names_the_space_and_the_export(client, a1_team):
    root = superuser()
    sign_in_with_second_factor(client, root)
    client.get(A1_SPACE)
    client.get(CSV)
    history = client.get("/admin/reports/site-history/").content.decode()
    assert "Opened the Task Force&#x27;s space" in history
    assert "Exported 3 entries of what the Task Force knows as CSV; no filter" in history
    assert "Task Force A1" in history
