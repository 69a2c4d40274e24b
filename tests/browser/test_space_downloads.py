"""What a Task Force knows, downloaded in Chromium with the production security headers: the
Leader filters the list and downloads it as CSV and XLSX, and the files open with the entries
as filtered; a Team Member has no link and no file. The Secretariat goes from the inbox to the
space, and its visit is recorded."""

import csv
import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from taskforce_forms.models import AccessRecord, KnowledgeEntry, KnowledgeKind
from taskforce_forms.privacy import audit

from ..factories import objective, region, secretariat_user
from ..spaces.people import leader, team_member
from .helpers import assert_accessible, csp_violations
from .signing_in import sign_in_with_second_factor
from .spaces import WIDE, log_in, screenshots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LITERATURE = ["Soil carbon in West African NDCs", "=Counting soil carbon, Tier 2"]
FUNDER = "A fund for soil restoration"


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": WIDE, "accept_downloads": True}


@pytest.fixture
def a1_knowledge(strategy_site):
    leila, tamara = leader(), team_member()
    for title in LITERATURE:
        entry(tamara, KnowledgeKind.LITERATURE, title)
    entry(leila, KnowledgeKind.FUNDER, FUNDER)
    return leila, tamara


def entry(author, kind, title):
    return KnowledgeEntry.objects.create(
        task_force=objective("A1"),
        author=author,
        kind=kind,
        title=title,
        description="What it is about.",
        region=region("Africa"),
        source_language="fr",
    )


def download(page: Page, link_name):
    with page.expect_download() as download_info:
        page.get_by_role("link", name=link_name, exact=True).click()
    file = download_info.value
    return file.suggested_filename, file.path().read_bytes()


def csv_titles(content):
    text = content.decode("utf-8")
    assert text.startswith("\ufeff"), "Excel reads it as UTF-8"
    rows = list(csv.reader(io.StringIO(text[1:])))
    return rows[0], [row[1] for row in rows[1:]]


def xlsx_titles(content):
    rows = list(load_workbook(io.BytesIO(content)).active.values)
    return rows[0], [row[1] for row in rows[1:]]


def test_the_leader_downloads_the_list_as_filtered(live_server, a1_knowledge, page: Page):
    violations = csp_violations(page)
    log_in(page, live_server.url, a1_knowledge[0])
    page.get_by_label("Type").select_option(label="Literature")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("heading", name=FUNDER)).to_have_count(0)
    assert_accessible(page)
    screenshots(page, "space-downloads-en")

    name, content = download(page, "CSV")
    assert name == "task-force-a1-knowledge.csv"
    heading, titles = csv_titles(content)
    assert heading[:2] == ["Type", "Title"]
    assert sorted(titles) == sorted(
        ["Soil carbon in West African NDCs", "'=Counting soil carbon, Tier 2"]
    )

    name, content = download(page, "XLSX")
    assert name == "task-force-a1-knowledge.xlsx"
    heading, titles = xlsx_titles(content)
    assert heading[:2] == ("Type", "Title")
    assert sorted(titles) == sorted(
        ["Soil carbon in West African NDCs", "'=Counting soil carbon, Tier 2"]
    )

    page.goto(f"{live_server.url}/ar/spaces/a1/?kind=funder")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(page)
    screenshots(page, "space-downloads-ar")
    _name, content = download(page, "XLSX")
    heading, titles = xlsx_titles(content)
    assert titles == [FUNDER]
    assert heading[1] != "Title", "the headings are in the visitor's language"
    assert not AccessRecord.objects.exists(), "a member's downloads are not recorded"
    assert violations == []


def test_a_team_member_has_no_link_and_no_file(live_server, a1_knowledge, page: Page):
    log_in(page, live_server.url, a1_knowledge[1])
    expect(page.get_by_role("heading", name=FUNDER)).to_be_visible()
    expect(page.get_by_role("link", name="CSV", exact=True)).to_have_count(0)
    expect(page.get_by_role("link", name="XLSX", exact=True)).to_have_count(0)
    for file_format in ("csv", "xlsx"):
        response = page.goto(f"{live_server.url}/en/spaces/a1/knowledge.{file_format}")
        assert response.status == 404
        assert response.headers["content-type"].startswith("text/html")


def test_the_secretariat_goes_from_the_inbox_to_the_space(live_server, a1_knowledge, page: Page):
    violations = csp_violations(page)
    sam = secretariat_user()
    sign_in_with_second_factor(page, live_server.url, sam)
    application = a1_knowledge[1].applications.get()
    page.goto(f"{live_server.url}/admin/taskforce_forms/application/inspect/{application.pk}/")
    page.get_by_role("link", name="Open the Task Force's space").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Task Force A1: members' space")
    assert_accessible(page)
    name, content = download(page, "CSV")
    assert len(csv_titles(content)[1]) == 3
    actions = set(AccessRecord.objects.filter(user=sam).values_list("action", flat=True))
    assert {audit.OPEN_SPACE, audit.EXPORT_KNOWLEDGE} <= actions
    assert violations == []
