"""What the Task Force knows, as a file for its Leader and the Secretariat."""

import csv
import io

import pytest
from openpyxl import load_workbook

from taskforce_forms.models import KnowledgeEntry, KnowledgeKind

from ..factories import objective, region
from .people import leader, team_member
from .test_permissions import MATRIX, answers, signed_in

pytestmark = pytest.mark.django_db

CSV = "/en/spaces/a1/knowledge.csv"
XLSX = "/en/spaces/a1/knowledge.xlsx"
# Who may download: the Leader and those who oversee every space.
EXPORT = {
    **dict.fromkeys(MATRIX, 404),
    "anonymous": "login",
    "nominated Leader": 200,
    "Secretariat": 200,
    "superuser": 200,
}


def entry(author, title, kind=KnowledgeKind.LITERATURE, region_name="Africa"):
    return KnowledgeEntry.objects.create(
        task_force=objective("A1"),
        author=author,
        kind=kind,
        title=title,
        url="https://example.org/paper",
        description="What it is about.",
        region=region(region_name),
        source_language="fr",
    )


@pytest.mark.parametrize("who", MATRIX)
def test_who_downloads_the_list(client, who):
    make, second_factor, _page, _consent = MATRIX[who]
    signed_in(client, make, second_factor)
    assert answers(client.get(CSV), EXPORT[who])
    assert answers(client.get(XLSX), EXPORT[who])


def test_the_csv_reads_as_people_read_the_list(client):
    leila = leader()
    entry(team_member(), "=HYPERLINK(1)")
    entry(leila, "A funder in Europe", KnowledgeKind.FUNDER, "Europe")
    client.force_login(leila)
    response = client.get(CSV, {"kind": "literature"})
    assert response["Content-Disposition"] == 'attachment; filename="task-force-a1-knowledge.csv"'
    text = response.content.decode()
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][0] == "Type" and rows[0][-1] == "Added (UTC)"
    assert rows[1][:7] == [
        "Literature",
        "'=HYPERLINK(1)",
        "https://example.org/paper",
        "What it is about.",
        "Africa",
        "French",
        "Tamara Tester",
    ]
    assert len(rows) == 2, "the filter applies to the file"


def test_the_xlsx_opens_with_its_header(client):
    leila = leader()
    entry(leila, "A paper")
    client.force_login(leila)
    response = client.get(XLSX)
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][:2] == ("Type", "Title")
    assert rows[1][:2] == ("Literature", "A paper")
    assert sheet.freeze_panes == "A2"


def test_an_unknown_format_is_not_found(client):
    client.force_login(leader())
    assert client.get("/en/spaces/a1/knowledge.pdf").status_code == 404


def test_the_leader_sees_the_download_links_and_a_team_member_does_not(client):
    leila = leader()
    entry(leila, "A paper")
    client.force_login(leila)
    assert 'href="/en/spaces/a1/knowledge.csv"' in client.get("/en/spaces/a1/").content.decode()
    client.force_login(team_member())
    assert "knowledge.csv" not in client.get("/en/spaces/a1/").content.decode()
