"""The strategy loaded from the data file: complete, clean, idempotent, in every language."""

import re
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Locale, Page, Revision

from strategy_pages.loader import read_strategy
from strategy_pages.models import GoalPage, ObjectivePage, StrategyPage

pytestmark = pytest.mark.django_db

ARTEFACTS = ["Unable to render", "{include}", "<p>", "</p>", "---", "Label\tTitle", "\t"]
OBJECTIVES_PER_GOAL = {"A": 6, "B": 4, "C": 4, "D": 4, "E": 3, "F": 3}
CODES = [f"{goal}{n}" for goal, count in OBJECTIVES_PER_GOAL.items() for n in range(1, count + 1)]
DATA = read_strategy()


def data_objectives():
    return {o["code"]: o for goal in DATA["strategy"]["goals"] for o in goal["objectives"]}


def english(model):
    return model.objects.filter(locale=Locale.get_default())


def test_the_data_file_holds_six_goals_and_24_objectives():
    assert [goal["letter"] for goal in DATA["strategy"]["goals"]] == list("ABCDEF")
    assert list(data_objectives()) == CODES


def strings_in(value):
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, str):
        yield value


def test_the_data_file_has_no_seed_artefacts():
    for text in strings_in(DATA):
        for artefact in ARTEFACTS:
            assert artefact not in text, (artefact, text)
        assert "  " not in text, text


def test_every_objective_is_a_page_in_every_language():
    assert list(english(ObjectivePage).order_by("path").values_list("code", flat=True)) == CODES
    for code, _name in settings.LANGUAGES:
        assert ObjectivePage.objects.filter(locale__language_code=code, live=True).count() == 24
        assert GoalPage.objects.filter(locale__language_code=code, live=True).count() == 6
        assert StrategyPage.objects.filter(locale__language_code=code, live=True).count() == 1


def test_each_cell_holds_each_statement_of_the_seed():
    for objective in english(ObjectivePage):
        expected = data_objectives()[objective.code]["targets"]
        columns = [
            {
                "milestone": block.value["milestone"],
                "year": block.value["year"],
                "statements": list(block.value["statements"]),
            }
            for block in objective.targets
        ]
        assert columns == expected, objective.code
        assert [c["year"] for c in columns] == [2020, 2030, 2050], objective.code


def test_cells_with_several_paragraphs_became_several_statements():
    a2 = english(ObjectivePage).get(code="A2")
    baseline, target_2030, _target_2050 = (block.value for block in a2.targets)
    assert baseline["statements"][0] == "A call for projects was introduced."
    assert len(baseline["statements"]) == 2
    assert len(target_2030["statements"]) == 2


def test_a3s_third_column_is_target_2050():
    a3 = english(ObjectivePage).get(code="A3")
    assert [str(block.value.heading()) for block in a3.targets] == [
        "Baseline 2020",
        "Target 2030",
        "Target 2050",
    ]
    assert "10 thematic events per year" in a3.targets[2].value["statements"]


def test_footnotes_of_c3_and_e1():
    c3 = english(ObjectivePage).get(code="C3")
    assert [block.value["marker"] for block in c3.footnotes] == ["*", "**"]
    assert "Mapping of active Finance Providers" in c3.footnotes[1].value["text"]
    e1 = english(ObjectivePage).get(code="E1")
    assert [block.value["marker"] for block in e1.footnotes] == ["*"]
    assert "Objective B4 is aimed at practitioners" in e1.footnotes[0].value["text"]
    assert not any(
        len(objective.footnotes)
        for objective in english(ObjectivePage).exclude(code__in=["C3", "E1"])
    )


def test_the_strategy_page_holds_steps_roles_and_note():
    strategy = english(StrategyPage).get()
    assert len(strategy.join_steps) == 3
    assert [block.value["role"] for block in strategy.roles] == [
        "leader",
        "regional_representative",
        "team_member",
    ]
    assert [len(block.value["responsibilities"]) for block in strategy.roles] == [6, 5, 4]
    assert "consultative process" in strategy.nomination_note


@pytest.mark.parametrize("code", CODES)
def test_the_rendered_objective_shows_its_content_and_no_artefact(client, code):
    objective = english(ObjectivePage).get(code=code)
    html = client.get(objective.url).content.decode()
    text = re.sub(r"\s+", " ", html)
    expected = data_objectives()[code]
    for statement in (s for column in expected["targets"] for s in column["statements"]):
        assert _escaped(statement) in text, statement
    for note in expected["footnotes"]:
        assert _escaped(note["text"]) in text
    for artefact in ["Unable to render", "{include}", "---", "&lt;p&gt;"]:
        assert artefact not in html


def _escaped(text):
    return re.sub(r"\s+", " ", escape(text))


def test_a_second_load_changes_nothing_and_says_so():
    revisions = Revision.objects.count()
    out = StringIO()
    call_command("load_strategy", stdout=out)
    assert "Nothing to do" in out.getvalue()
    assert Revision.objects.count() == revisions


def test_update_overwrites_a_changed_page_with_a_published_revision(
    django_capture_on_commit_callbacks,
):
    a1 = english(ObjectivePage).get(code="A1")
    a1.label = "Edited by hand"
    a1.save_revision().publish()
    revisions = a1.revisions.count()

    out = StringIO()
    call_command("load_strategy", stdout=out)
    a1.refresh_from_db()
    assert a1.label == "Edited by hand", "without --update, editors' changes are kept"

    call_command("load_strategy", "--update", stdout=out)
    a1.refresh_from_db()
    assert a1.label == "NDCs"
    assert a1.revisions.count() == revisions + 1
    assert "updated  Objective A1" in out.getvalue()
    french = a1.get_translation(Locale.objects.get(language_code="fr"))
    assert french.label == "CDN", "the re-synced translation keeps its translated label"


def test_pages_are_published_as_revisions():
    for page in english(Page).filter(depth__gt=2):
        assert page.live_revision_id is not None, page.title
