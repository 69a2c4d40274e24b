"""The Secretariat's list of project ideas: who sees it, its filters and exports, the moves
the Secretariat records there, and the dashboard's pipeline panel."""

import csv
import io

import openpyxl
import pytest

from taskforce_forms.inbox.dashboard import idea_pipeline
from taskforce_forms.models import AccessRecord, IdeaMove, IdeaStage, Mover, ProjectIdea
from taskforce_forms.privacy import audit

from ..factories import (
    editor_user,
    make_user,
    objective,
    region,
    secretariat_user,
    sign_in_with_second_factor,
)

pytestmark = pytest.mark.django_db

IDEAS = "/admin/taskforce_forms/projectidea/"
SECRETARIAT = frozenset({Mover.SECRETARIAT})


def inspect_url(idea):
    return f"{IDEAS}inspect/{idea.pk}/"


def propose(title, code, regions=(), moves=(), **fields):
    idea = ProjectIdea.objects.create(
        task_force=objective(code),
        proposer=make_user(f"proposer-{ProjectIdea.objects.count()}"),
        title=title,
        summary="What it would do.",
        **fields,
    )
    idea.regions.set([region(name) for name in regions])
    idea.record_proposal()
    for move in moves:
        idea.move(move, None, SECRETARIAT)
    return idea


@pytest.fixture
def secretariat(client):
    sign_in_with_second_factor(client, secretariat_user())
    return client


@pytest.fixture
def ideas():
    concept = [IdeaMove.MAKE_CONCEPT]
    presented = [*concept, IdeaMove.PRESENT]
    return {
        "compost": propose("Compost", "A1", ["Africa"]),
        "grasslands": propose(
            "Grasslands", "A2", ["Europe"], concept, funding_amount=5000, funding_currency="EUR"
        ),
        "cover crops": propose("=HYPERLINK(1)", "C3", ["Africa", "Europe"], presented),
        "funded": propose("Biochar", "C1", [], [*presented, IdeaMove.FULL_PROPOSAL, IdeaMove.FUND]),
    }


def listed(client, **filters):
    html = client.get(IDEAS, filters).content.decode()
    return {name for name, idea in IDEAS_BY_NAME.items() if inspect_url(idea) in html}


IDEAS_BY_NAME = {}


@pytest.fixture
def named(ideas):
    IDEAS_BY_NAME.clear()
    IDEAS_BY_NAME.update(ideas)
    return ideas


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({}, {"compost", "grasslands", "cover crops", "funded"}),
        ({"goal": "A"}, {"compost", "grasslands"}),
        ({"task_force": "C3"}, {"cover crops"}),
        ({"stage__exact": IdeaStage.CONCEPT}, {"grasslands"}),
        ({"stage__exact": IdeaStage.FUNDED}, {"funded"}),
        ({"region": "africa"}, {"compost", "cover crops"}),
        ({"region": "europe", "goal": "C"}, {"cover crops"}),
    ],
)
def test_the_list_filters_by_goal_task_force_stage_and_region(
    secretariat, named, filters, expected
):
    filters = {
        name: str(region(value.title()).pk) if name == "region" else value
        for name, value in filters.items()
    }
    assert listed(secretariat, **filters) == expected


def test_a_filter_the_list_lacks_is_refused_not_a_500(secretariat, named):
    response = secretariat.get(IDEAS, {"proposer__password__startswith": "p", "region": "x"})
    assert response.status_code == 200
    assert "not available here" in response.content.decode()


def test_the_csv_export_follows_the_filters_and_neutralises_formulas(secretariat, named):
    response = secretariat.get(IDEAS, {"export": "csv", "goal": "C"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["Title"] for row in rows] == ["Biochar", "'=HYPERLINK(1)"]
    assert rows[1]["Stage"] == "Presented to funders"
    assert rows[1]["Regions"] == "Africa, Europe"
    assert rows[1]["Task Force"] == "C3"
    assert set(rows[0]) >= {"Proposed (UTC)", "Proposed by", "Project team", "Funding needed"}


def test_an_export_is_recorded_with_its_filters_and_rows(secretariat, named):
    """The export names proposers and teams: it is in the access record, as the applications'."""
    secretariat.get(IDEAS, {"export": "xlsx", "goal": "C"})
    secretariat.get(IDEAS)

    (entry,) = AccessRecord.objects.all()
    assert (entry.user.username, entry.action) == ("sam", audit.EXPORT_PROJECT_IDEAS)
    assert (entry.label, entry.data["rows"], entry.data["format"]) == ("Project ideas", 2, "xlsx")
    assert entry.message.startswith("Exported 2 project ideas as XLSX; ")


def test_the_xlsx_export(secretariat, named):
    response = secretariat.get(IDEAS, {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert rows[0][:3] == ("Proposed (UTC)", "Task Force", "Title")
    assert len(rows) == 5
    assert ("Grasslands", 5000, "EUR") in [(row[2], row[6], row[7]) for row in rows]
    assert "=HYPERLINK(1)" not in [cell for row in rows for cell in row]


def test_the_secretariat_marks_a_concept_presented_to_funders(secretariat, named):
    idea = named["grasslands"]
    page = secretariat.get(inspect_url(idea)).content.decode()
    assert 'value="present"' in page and 'value="withdraw"' in page
    assert 'value="fund"' not in page
    response = secretariat.post(
        inspect_url(idea),
        {"move": IdeaMove.PRESENT, "seen_stage": IdeaStage.CONCEPT, "note": "GCF round table"},
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    event = idea.events.last()
    assert idea.stage == IdeaStage.PRESENTED
    assert (event.actor.username, event.capacity, event.note) == (
        "sam",
        Mover.SECRETARIAT,
        "GCF round table",
    )
    page = secretariat.get(inspect_url(idea)).content.decode()
    assert "GCF round table" in page
    assert "is now at the stage “Presented to funders”" in page


@pytest.mark.parametrize(
    "posted, status",
    [
        ({"move": IdeaMove.FUND, "seen_stage": IdeaStage.CONCEPT}, 200),
        ({"move": IdeaMove.PRESENT, "seen_stage": IdeaStage.IDEA}, 409),
        ({"move": "<script>", "seen_stage": IdeaStage.CONCEPT}, 200),
        ({"move": IdeaMove.PRESENT, "seen_stage": "nowhere"}, 200),
    ],
)
def test_a_move_the_stage_does_not_allow_is_refused_with_the_note_kept(
    secretariat, named, posted, status
):
    idea = named["grasslands"]
    response = secretariat.post(inspect_url(idea), {**posted, "note": "Kept as typed"})
    assert response.status_code == status
    assert "Kept as typed" in response.content.decode()
    idea.refresh_from_db()
    assert idea.stage == IdeaStage.CONCEPT


def test_no_one_adds_edits_or_deletes_an_idea_here(secretariat, named):
    pk = named["compost"].pk
    assert secretariat.get(f"{IDEAS}create/").status_code == 403
    assert secretariat.get(f"{IDEAS}edit/{pk}/").status_code == 403
    assert secretariat.get(f"{IDEAS}delete/{pk}/").status_code == 403


def test_editors_get_403_on_the_list_the_export_and_the_moves(client, named):
    client.force_login(editor_user())
    idea = named["grasslands"]
    for url in (IDEAS, f"{IDEAS}?export=csv", inspect_url(idea)):
        assert client.get(url).status_code == 403
    posted = {"move": IdeaMove.PRESENT, "seen_stage": IdeaStage.CONCEPT}
    assert client.post(inspect_url(idea), posted).status_code == 403
    idea.refresh_from_db()
    assert idea.stage == IdeaStage.CONCEPT
    dashboard = client.get("/admin/").content.decode()
    assert "idea-pipeline" not in dashboard
    assert IDEAS not in dashboard


def test_the_secretariat_without_its_second_factor_is_asked_for_it(client, named):
    client.force_login(secretariat_user())
    for url in (IDEAS, f"{IDEAS}?export=csv", inspect_url(named["compost"])):
        assert client.get(url).url.startswith("/admin/second-factor/")


def test_the_menu_counts_the_concept_proposals_waiting(secretariat, named):
    assert "Project ideas (1)" in secretariat.get("/admin/").content.decode()


def test_the_list_costs_the_same_queries_for_4_or_24_ideas(
    secretariat, named, django_assert_max_num_queries
):
    secretariat.get(IDEAS)
    with django_assert_max_num_queries(40) as few:
        secretariat.get(IDEAS)
    for number in range(20):
        propose(f"More {number:02}", "B1", ["Africa", "Europe"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert secretariat.get(IDEAS).status_code == 200


def test_the_pipeline_panel_counts_per_goal_in_one_query(
    secretariat, named, django_assert_num_queries
):
    with django_assert_num_queries(1):
        goals = idea_pipeline()
    figures = {
        goal["letter"]: (goal["ideas"], goal["concepts"], goal["presented"], goal["funded"])
        for goal in goals
    }
    assert figures == {
        "A": (2, 1, 0, 0),
        "B": (0, 0, 0, 0),
        "C": (2, 2, 2, 1),
        "D": (0, 0, 0, 0),
        "E": (0, 0, 0, 0),
        "F": (0, 0, 0, 0),
    }
    html = secretariat.get("/admin/").content.decode()
    assert "Project ideas on their way to funders" in html
    assert f'href="{IDEAS}?goal=C"' in html
