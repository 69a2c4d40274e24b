"""A Task Force's meetings in its space: who sees them and who organises them (each kind of user
× each page and action), what an organiser types, times in each member's zone, the minutes."""

import zoneinfo
from datetime import datetime, time

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from taskforce_forms.models import Meeting, OutgoingMail
from taskforce_forms.privacy.erasure import erase_person
from taskforce_forms.privacy.export import personal_data

from ..factories import objective, secretariat_user
from .meetings import (
    A1_MEETINGS,
    A1_SCHEDULE,
    cancel_url,
    change_url,
    in_days,
    meeting,
    meeting_form,
    minutes_url,
)
from .people import A1_SPACE, leader, representative, team_member
from .test_permissions import MATRIX, answers, signed_in

pytestmark = pytest.mark.django_db

# Who organises the meetings: the Leader, the Representatives, and those who oversee every space.
ORGANISE = {
    **dict.fromkeys(MATRIX, 404),
    "anonymous": "login",
    "nominated Leader": 200,
    "nominated Regional Representative": 200,
    "Secretariat": 200,
    "superuser": 200,
}


def redirected(expected):
    return 302 if expected == 200 else expected


@pytest.mark.parametrize("who", MATRIX)
def test_who_sees_the_meetings(client, who):
    make, second_factor, expected, _consent = MATRIX[who]
    signed_in(client, make, second_factor)
    meeting(title="Upcoming gaps")
    response = client.get(A1_MEETINGS)
    assert answers(response, expected)
    if expected == 200:
        assert "Upcoming gaps" in response.content.decode()


@pytest.mark.parametrize("who", MATRIX)
def test_who_schedules_a_meeting(client, who):
    make, second_factor, _page, _consent = MATRIX[who]
    user = signed_in(client, make, second_factor)
    assert answers(client.get(A1_SCHEDULE), ORGANISE[who])
    response = client.post(A1_SCHEDULE, meeting_form())
    assert answers(response, redirected(ORGANISE[who]))
    if ORGANISE[who] == 200:
        assert response["Location"] == A1_MEETINGS
        assert Meeting.objects.get().organiser == user
    else:
        assert not Meeting.objects.exists()


@pytest.mark.parametrize("who", MATRIX)
def test_who_changes_and_cancels_a_meeting(client, who):
    make, second_factor, _page, _consent = MATRIX[who]
    signed_in(client, make, second_factor)
    upcoming = meeting()
    assert answers(client.get(change_url(upcoming)), ORGANISE[who])
    response = client.post(change_url(upcoming), meeting_form(title="Renamed"))
    assert answers(response, redirected(ORGANISE[who]))
    assert answers(client.get(cancel_url(upcoming)), ORGANISE[who])
    assert answers(client.post(cancel_url(upcoming)), redirected(ORGANISE[who]))
    upcoming.refresh_from_db()
    organised = ORGANISE[who] == 200
    assert (upcoming.title == "Renamed", upcoming.is_cancelled) == (organised, organised)
    assert upcoming.sequence == (2 if organised else 0)


@pytest.mark.parametrize("who", MATRIX)
def test_who_records_the_minutes(client, who):
    make, second_factor, _page, _consent = MATRIX[who]
    signed_in(client, make, second_factor)
    past = meeting(days=-3)
    assert answers(client.get(minutes_url(past)), ORGANISE[who])
    response = client.post(minutes_url(past), {"minutes": "We agreed on three gaps."})
    assert answers(response, redirected(ORGANISE[who]))
    past.refresh_from_db()
    assert bool(past.minutes) == (ORGANISE[who] == 200)


def test_a_meeting_of_another_task_force_is_not_found(client):
    client.force_login(leader())
    elsewhere = meeting(code="B1")
    assert client.get(change_url(elsewhere)).status_code == 404
    assert client.post(cancel_url(elsewhere)).status_code == 404
    assert not Meeting.objects.get().is_cancelled


def test_a_past_or_cancelled_meeting_is_not_changed_and_an_upcoming_one_has_no_minutes(client):
    client.force_login(leader())
    past, cancelled, upcoming = meeting(days=-2), meeting(cancelled_at=timezone.now()), meeting()
    assert client.get(change_url(past)).status_code == 404
    assert client.get(change_url(cancelled)).status_code == 404
    assert client.get(cancel_url(cancelled)).status_code == 404
    assert client.get(minutes_url(upcoming)).status_code == 404


def test_the_meetings_pages_are_never_cached(client):
    client.force_login(leader())
    for path in (A1_MEETINGS, A1_SCHEDULE):
        response = client.get(path)
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


@pytest.mark.parametrize(
    "typed, field, error",
    [
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone", "Select a valid choice."),
        ({"day": "2026-02-30"}, "day", "Enter a valid date."),
        ({"day": "99999-01-01"}, "day", "Enter a valid date."),
        ({"day": in_days(-1).isoformat()}, "day", "Choose a date and time to come."),
        ({"day": in_days(900).isoformat()}, "day", "Choose a date within the next two years."),
        ({"duration": "100000000000"}, "duration", "less than or equal to 720"),
        ({"duration": "-5"}, "duration", "greater than or equal to 5"),
        ({"start": "25:99"}, "start", "Enter a valid time."),
        ({"online_url": "", "place": ""}, None, "Give an online meeting link, a place, or both."),
        ({"online_url": "javascript:alert(1)"}, "online_url", "Enter a valid URL."),
    ],
)
def test_a_mistake_comes_back_as_typed(client, typed, field, error):
    client.force_login(leader())
    form = meeting_form(**typed)
    response = client.post(A1_SCHEDULE, form)
    html = response.content.decode()
    assert response.status_code == 200
    assert error in html
    assert html.count("There is a problem") == 1
    assert "1. Introductions\n2. Gaps</textarea>" in html
    if field:
        assert 'aria-invalid="true"' in html
    assert not Meeting.objects.exists()


def test_a_time_the_clocks_skip_is_refused(client):
    client.force_login(leader())
    skipped = {"day": "2027-03-28", "start": "02:30", "time_zone": "Europe/Paris"}
    response = client.post(A1_SCHEDULE, meeting_form(**skipped))
    assert "This time does not exist in that time zone" in response.content.decode()


def test_the_start_is_kept_in_utc_with_the_zone_it_was_given_in(client):
    client.force_login(leader())
    client.post(A1_SCHEDULE, meeting_form(start="14:30", zone="America/Bogota"))
    scheduled = Meeting.objects.get()
    assert scheduled.starts_at == datetime.combine(
        in_days(10), time(19, 30), tzinfo=zoneinfo.ZoneInfo("UTC")
    )
    assert scheduled.time_zone == "America/Bogota"
    assert (scheduled.ends_at - scheduled.starts_at).total_seconds() == 90 * 60


def test_the_database_wants_a_link_or_a_place_and_a_bounded_duration():
    with pytest.raises(IntegrityError), transaction.atomic():
        meeting(online_url="", place="")
    with pytest.raises(IntegrityError), transaction.atomic():
        meeting(duration=5000)


def test_a_member_sees_times_in_their_own_zone(client):
    tamara = team_member()
    tamara.profile.time_zone = "America/Bogota"
    tamara.profile.save()
    meeting(hour=14, zone="Africa/Nairobi")  # 11:00 UTC, 06:00 in Bogotá
    client.force_login(tamara)
    for path in (A1_MEETINGS, A1_SPACE):
        html = client.get(path).content.decode()
        assert "6 a.m. – 7:30 a.m.</time>" in html
        assert "America/Bogota" in html
        assert "2 p.m. where it was scheduled" in html


def test_without_a_zone_of_their_own_a_member_sees_their_browsers_then_their_countrys(client):
    tamara = team_member()
    meeting(hour=14, zone="Africa/Nairobi")
    client.force_login(tamara)
    assert "11 a.m. – 12:30 p.m.</time>" in client.get(A1_MEETINGS).content.decode()  # UTC
    tamara.profile.country = "FR"
    tamara.profile.save()
    assert "Europe/Paris" in client.get(A1_MEETINGS).content.decode()
    client.post(f"{A1_SPACE}contact-details/", {"browser_time_zone": "Asia/Tokyo"})
    assert "Asia/Tokyo" in client.get(A1_MEETINGS).content.decode()
    client.post(f"{A1_SPACE}contact-details/", {"browser_time_zone": "<script>"})
    assert "Asia/Tokyo" in client.get(A1_MEETINGS).content.decode()


def test_upcoming_and_past_meetings_with_their_minutes(client):
    meeting(days=-10, title="The kick-off", minutes="Three gaps were found.")
    meeting(days=5, title="Ideas")
    meeting(days=2, title="Funders", cancelled_at=timezone.now())
    client.force_login(team_member())
    html = client.get(A1_MEETINGS).content.decode()
    upcoming, past = html.split('id="past-heading"')
    assert upcoming.index("Funders") < upcoming.index("Ideas")
    assert "(cancelled)" in upcoming
    assert "The kick-off" in past and "Three gaps were found." in past
    assert "Change" not in html and "Schedule a meeting" not in html


def test_the_organiser_records_minutes(client):
    leila = leader()
    past = meeting(days=-1)
    client.force_login(leila)
    response = client.post(minutes_url(past), {"minutes": ""})
    assert "This field is required." in response.content.decode()
    response = client.post(minutes_url(past), {"minutes": "Three gaps."}, follow=True)
    assert "The minutes are saved." in response.content.decode()
    assert "Three gaps." in response.content.decode()


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_pages_cost_the_same_queries_whatever_the_number_of_meetings_and_members(client):
    leila = leader()
    client.force_login(leila)
    meeting(leila)
    meeting(leila, days=-3, minutes="Notes.")
    client.get(A1_MEETINGS)  # the Task Force is then remembered, as on a live site
    small = {path: queries(client, path) for path in (A1_MEETINGS, A1_SPACE)}
    representative("rafael")
    for number in range(8):
        organiser = team_member(f"member{number}")
        meeting(organiser, days=number + 1)
        meeting(organiser, days=-number - 1, minutes="Notes.")
    assert {path: queries(client, path) for path in small} == small
    # The session, site, user, page URL, membership, profile, upcoming, past.
    assert small[A1_MEETINGS] <= 8


def test_the_organisers_meetings_are_in_their_export_and_kept_by_their_erasure():
    leila = leader()
    organised = meeting(leila, title="Kick-off", minutes="Notes.")
    exported = personal_data(leila)["organised_meetings"]
    assert [(item["title"], item["time_zone"]) for item in exported] == [
        ("Kick-off", "Africa/Nairobi")
    ]
    erase_person(leila, by=secretariat_user())
    organised.refresh_from_db()
    assert organised.organiser is None and organised.minutes == "Notes."


def test_the_profile_keeps_a_time_zone(client):
    tamara = team_member()
    client.force_login(tamara)
    profile = {"first_name": "Tamara", "last_name": "T", "preferred_language": "en"}
    html = client.get("/en/accounts/profile/").content.decode()
    assert '<option value="America/Bogota">America/Bogota</option>' in html
    response = client.post("/en/accounts/profile/", {**profile, "time_zone": "Nowhere/Town"})
    assert "Choose a time zone from the list." in response.content.decode()
    client.post("/en/accounts/profile/", {**profile, "time_zone": "America/Bogota"})
    tamara.profile.refresh_from_db()
    assert tamara.profile.time_zone == "America/Bogota"
    assert personal_data(tamara)["profile"]["time_zone"] == "America/Bogota"


def test_no_meeting_is_in_the_sitemap(client):
    meeting()
    assert "/meetings/" not in client.get("/sitemap.xml").content.decode()
    assert not OutgoingMail.objects.exists()
    assert objective("A1").meetings.count() == 1
