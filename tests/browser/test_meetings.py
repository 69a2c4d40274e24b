"""Meetings in Chromium, with the production security headers: the A1 Leader schedules a meeting
(the form offers the browser's time zone), every member is invited with a calendar file, and a
Team Member who reads Arabic sees it in the space, in Arabic and in her own time zone; axe-core
finds nothing to fix on the meetings' pages in English and Arabic."""

from datetime import UTC, datetime, time

import pytest
from django.core import mail
from icalendar import Calendar
from playwright.sync_api import Page, expect

from taskforce_forms.models import Meeting, OutgoingMail

from ..spaces.meetings import in_days, meeting
from ..spaces.people import arabic_reader, leader, representative
from .helpers import assert_accessible, csp_violations
from .spaces import WIDE, arabic, log_in, screenshots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": WIDE, "timezone_id": "Africa/Nairobi"}


@pytest.fixture
def a1_team(strategy_site):
    leila = leader()
    representative("rafael", "Europe")
    samira = arabic_reader("samira")
    meeting(leila, days=-7, title="Kick-off", minutes="Three gaps were found.")
    return leila, samira


def test_the_leader_schedules_and_an_arabic_reader_sees_it(live_server, a1_team, page: Page):
    leila, samira = a1_team
    violations = csp_violations(page)
    mail.outbox.clear()
    log_in(page, live_server.url, leila, "/en/spaces/a1/")
    page.get_by_role("link", name="Schedule a meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Schedule a meeting")
    expect(page.get_by_label("Time zone")).to_have_value("Africa/Nairobi")  # the browser's
    assert_accessible(page)

    page.get_by_label("Title").fill("Project ideas for West Africa")
    page.get_by_label("Agenda").fill("1. Ideas gathered\n2. Project teams")
    page.get_by_label("Date").fill("")  # a mistake first: what was typed stays
    page.get_by_label("Start time").fill("14:30")
    page.get_by_role("button", name="Schedule and invite").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Project ideas for West Africa")
    assert_accessible(page)
    screenshots(page, "meeting-form-en")
    page.get_by_label("Date").fill(in_days(10).isoformat())
    page.get_by_label("Online meeting link").fill("https://meet.example.org/a1")
    page.get_by_role("button", name="Schedule and invite").click()

    expect(page.get_by_role("status")).to_contain_text("The meeting is scheduled")
    upcoming = page.get_by_role("region", name="Upcoming meetings")
    expect(upcoming).to_contain_text("Project ideas for West Africa")
    expect(upcoming).to_contain_text("2:30 p.m.")
    expect(page.get_by_role("region", name="Past meetings")).to_contain_text(
        "Three gaps were found."
    )
    assert_accessible(page)
    screenshots(page, "meetings-en")

    scheduled = Meeting.objects.get(title="Project ideas for West Africa")
    assert scheduled.starts_at == datetime.combine(in_days(10), time(11, 30), tzinfo=UTC)
    (to_samira,) = [message for message in mail.outbox if message.to == [samira.email]]
    assert OutgoingMail.objects.get(recipients=[samira.email]).language == "ar"
    assert arabic("The “4 per 1000” Task Forces") in to_samira.body
    (_name, content, _type), *_others = to_samira.attachments
    (event,) = Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("dtstart") == scheduled.starts_at
    assert str(event["uid"]) == scheduled.uid
    assert len(mail.outbox) == 3

    log_in(page, live_server.url, samira, "/ar/spaces/a1/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    meetings = page.locator("section[aria-labelledby=meetings-heading]")
    expect(meetings).to_contain_text("Project ideas for West Africa")
    expect(meetings).to_contain_text("Asia/Riyadh")
    expect(meetings).not_to_contain_text("Schedule a meeting")
    assert_accessible(page)
    screenshots(page, "space-meetings-ar")
    page.goto(f"{live_server.url}/ar/spaces/a1/meetings/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("A1")
    expect(page.locator("main")).to_contain_text("Three gaps were found.")
    assert_accessible(page)
    screenshots(page, "meetings-ar")
    assert page.goto(f"{live_server.url}/ar/spaces/a1/meetings/new/").status == 404

    log_in(page, live_server.url, leila, "/ar/spaces/a1/meetings/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text(arabic("Schedule a meeting"))
    assert_accessible(page)
    screenshots(page, "meeting-form-ar")
    assert violations == []
