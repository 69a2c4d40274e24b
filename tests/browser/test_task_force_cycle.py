"""A Task Force at work, from a meeting to the funders, in Chromium with the production
security headers: the A1 Leader schedules a meeting; a Team Member who reads Arabic gets the
invitation in Arabic with a calendar file whose time is right in UTC, adds what she knows to
the space and proposes a project idea, all in Arabic; the Leader makes it a concept proposal,
and the Secretariat, signed in with its second factor, marks it presented to funders. The
objective's public page then counts it, and names nothing."""

from datetime import UTC, datetime, time

import pytest
from django.core import mail
from icalendar import Calendar
from playwright.sync_api import Page, expect

from taskforce_forms.models import IdeaStage, KnowledgeEntry, Meeting, OutgoingMail, ProjectIdea

from ..factories import secretariat_user
from ..spaces.meetings import in_days
from ..spaces.people import arabic_reader, leader, representative
from .helpers import assert_accessible, csp_violations
from .spaces import WIDE, arabic, log_in, present_to_funders, screenshots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MEETING = "Soil carbon projects for the Sahel"
ENTRY = "Zaï pits and soil organic carbon in Burkina Faso"
IDEA = "Compost units for Sahel farms"


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": WIDE, "timezone_id": "Africa/Nairobi"}


@pytest.fixture
def a1_team(strategy_site):
    leila = leader()
    representative("rafael", "Europe")
    samira = arabic_reader("samira")
    return leila, samira


def schedule_meeting(page: Page, base_url, leila):
    log_in(page, base_url, leila, "/en/spaces/a1/meetings/new/")
    page.get_by_label("Title").fill(MEETING)
    page.get_by_label("Agenda").fill("1. What we know\n2. Project ideas")
    page.get_by_label("Date").fill(in_days(10).isoformat())
    page.get_by_label("Start time").fill("14:30")  # in the browser's zone, Africa/Nairobi
    page.get_by_label("Online meeting link").fill("https://meet.example.org/a1")
    page.get_by_role("button", name="Schedule and invite").click()
    expect(page.get_by_role("status")).to_contain_text("The meeting is scheduled")


def assert_invited_in_arabic(samira, meeting):
    (invitation,) = [message for message in mail.outbox if message.to == [samira.email]]
    assert OutgoingMail.objects.get(recipients=[samira.email]).language == "ar"
    subject = arabic("Invitation: %(title)s (Task Force %(code)s)")
    assert invitation.subject == subject % {"title": MEETING, "code": "A1"}
    assert (
        arabic("You are invited to a meeting of Task Force %(code)s.") % {"code": "A1"}
        in invitation.body
    )
    (name, content, content_type), *_others = invitation.attachments
    assert name.endswith(".ics") and content_type.startswith("text/calendar")
    calendar = Calendar.from_ical(content)
    assert str(calendar["method"]) == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert str(event["uid"]) == meeting.uid
    assert event.decoded("dtstart") == datetime.combine(in_days(10), time(11, 30), tzinfo=UTC)


def add_what_she_knows(page: Page):
    page.get_by_label(arabic("title")).fill(ENTRY)
    page.get_by_label(arabic("short description")).fill("Yields and carbon after ten years.")
    page.get_by_label(arabic("Region (optional)")).select_option(label="أفريقيا")
    page.get_by_label(arabic("language of the source")).select_option(value="fr")
    page.get_by_role("group", name=arabic("type")).get_by_label(arabic("Literature")).check()
    page.get_by_role("button", name=arabic("Add"), exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(arabic("Thank you: your entry was added."))
    expect(page.get_by_role("heading", name=ENTRY)).to_be_visible()


def propose_idea(page: Page):
    page.get_by_label(arabic("title")).fill(IDEA)
    page.get_by_label(arabic("summary")).fill("Village compost units that return carbon to soils.")
    page.get_by_role("group", name=arabic("Regions (optional)")).get_by_label("أفريقيا").check()
    page.get_by_role("button", name=arabic("Propose"), exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(
        arabic("Thank you: your idea was proposed to the Task Force.")
    )


def test_from_a_meeting_to_the_funders(live_server, a1_team, page: Page):
    leila, samira = a1_team
    violations = csp_violations(page)
    mail.outbox.clear()

    schedule_meeting(page, live_server.url, leila)
    meeting = Meeting.objects.get(title=MEETING)
    assert_invited_in_arabic(samira, meeting)

    log_in(page, live_server.url, samira, "/ar/spaces/a1/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("section[aria-labelledby=meetings-heading]")).to_contain_text(MEETING)
    add_what_she_knows(page)
    assert KnowledgeEntry.objects.get(title=ENTRY).author == samira
    assert_accessible(page)
    page.goto(f"{live_server.url}/ar/spaces/a1/ideas/")
    propose_idea(page)
    assert_accessible(page)
    screenshots(page, "cycle-ideas-ar")
    idea = ProjectIdea.objects.get(title=IDEA)
    assert idea.proposer == samira and idea.stage == IdeaStage.IDEA

    log_in(page, live_server.url, leila, "/en/spaces/a1/ideas/")
    proposal = page.locator("li.idea", has=page.get_by_role("heading", name=IDEA))
    proposal.get_by_role("button", name="Make it a concept proposal").click()
    expect(page.get_by_role("status")).to_contain_text("is now at the stage “Concept proposal”")

    sam = secretariat_user()
    present_to_funders(page, live_server.url, sam, IDEA, "Round table with funders, March.")
    idea.refresh_from_db()
    assert idea.stage == IdeaStage.PRESENTED
    assert [(event.to_stage, event.actor) for event in idea.events.all()][-2:] == [
        (IdeaStage.CONCEPT, leila),
        (IdeaStage.PRESENTED, sam),
    ]

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/ar/task-forces/goal-a/a1/")
    counts = page.locator(".idea-counts")
    expect(counts).to_be_visible()
    expect(counts).not_to_contain_text(IDEA)
    assert_accessible(page)
    assert violations == []
