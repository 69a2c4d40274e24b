"""A meeting's e-mails: every member invited in their own language and time zone, with an
iCalendar file that a calendar reads back (the start in UTC; a change with the same UID and a
higher SEQUENCE; a cancellation), none lost to a mail server that is down."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext
from icalendar import Calendar

from taskforce_forms.models import OutgoingMail
from taskforce_forms.outbox import delivery
from taskforce_forms.privacy.erasure import erase_person
from taskforce_forms.spaces import meetings

from ..factories import BROKEN_MAIL_BACKEND, objective, secretariat_user
from .meetings import A1_SCHEDULE, cancel_url, change_url, in_days, meeting, meeting_form
from .people import leader, representative, team_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def a1(client):
    """The A1 team, its Leader signed in: Leila (English), Rafael (Arabic), Tamara (French)."""
    leila = leader()
    rafael = representative()
    rafael.profile.preferred_language = "ar"
    rafael.profile.save()
    tamara = team_member()
    tamara.profile.preferred_language = "fr"
    tamara.profile.time_zone = "America/Bogota"
    tamara.profile.save()
    team_member("bruno", code="B1")  # of another Task Force: not invited
    client.force_login(leila)
    return {"leila": leila, "rafael": rafael, "tamara": tamara}


def schedule(client, capture, **typed):
    with capture(execute=True):
        response = client.post(A1_SCHEDULE, meeting_form(**typed))
    assert response.status_code == 302


def sent_to(username):
    return [message for message in mail.outbox if message.to == [f"{username}@example.org"]]


def calendar_of(message):
    (filename, content, content_type), *others = message.attachments
    assert filename == "meeting.ics" and not others
    return Calendar.from_ical(content), content_type


def event_of(message):
    calendar, _content_type = calendar_of(message)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


@pytest.mark.parametrize(
    "zone, local, utc",
    [("Africa/Nairobi", time(14, 30), time(11, 30)), ("America/Bogota", time(9), time(14))],
)
def test_every_member_is_invited_with_a_calendar_file_in_utc(
    client, a1, django_capture_on_commit_callbacks, zone, local, utc
):
    schedule(client, django_capture_on_commit_callbacks, zone=zone, start=local.strftime("%H:%M"))
    assert sorted(message.to[0] for message in mail.outbox) == [
        "leila@example.org",
        "rafael@example.org",
        "tamara@example.org",
    ]
    calendar, event = event_of(sent_to("leila")[0])
    assert str(calendar["method"]) == "REQUEST"
    assert event.decoded("dtstart") == datetime.combine(in_days(10), utc, tzinfo=UTC)
    assert event.decoded("dtstart").tzinfo is not None
    assert event.to_ical().decode().count("DTSTART:") == 1  # in UTC, "Z", no TZID
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=90)
    assert str(event["summary"]) == "Gaps in soil carbon policy"
    assert "1. Introductions" in str(event["description"])
    assert str(event["url"]) == "https://meet.example.org/a1"
    assert str(event["organizer"]) == "mailto:noreply@4p1000.org"
    assert event["organizer"].params["cn"] == "Leila Tester"
    assert str(event["attendee"]) == "mailto:leila@example.org"
    assert event["sequence"] == 0
    assert str(event["uid"]) == meetings.Meeting.objects.get().uid


def test_the_calendar_file_is_sent_as_an_invitation(client, a1, django_capture_on_commit_callbacks):
    schedule(client, django_capture_on_commit_callbacks)
    message = sent_to("leila")[0].message()
    (part,) = [part for part in message.walk() if part.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "REQUEST"
    assert part.get_param("charset") == "utf-8"


def test_each_member_reads_the_invitation_in_their_language_and_time_zone(
    client, a1, django_capture_on_commit_callbacks
):
    schedule(client, django_capture_on_commit_callbacks, start="14:30", zone="Africa/Nairobi")
    languages = dict(OutgoingMail.objects.values_list("recipients__0", "language"))
    assert languages == {
        "leila@example.org": "en",
        "rafael@example.org": "ar",
        "tamara@example.org": "fr",
    }
    with translation.override("ar"):
        signature_in_arabic = gettext("The “4 per 1000” Task Forces")
    assert signature_in_arabic != "The “4 per 1000” Task Forces"
    assert signature_in_arabic in sent_to("rafael")[0].body
    assert "/ar/spaces/a1/meetings/" in sent_to("rafael")[0].body
    assert "The “4 per 1000” Task Forces" in sent_to("leila")[0].body
    english = sent_to("leila")[0]
    assert english.subject == "Invitation: Gaps in soil carbon policy (Task Force A1)"
    assert "11:30 a.m. to 1 p.m. (UTC)" in english.body
    assert "(America/Bogota)" in sent_to("tamara")[0].body
    assert "/fr/spaces/a1/meetings/" in sent_to("tamara")[0].body


def test_a_change_is_sent_with_the_same_uid_and_a_higher_sequence(
    client, a1, django_capture_on_commit_callbacks
):
    schedule(client, django_capture_on_commit_callbacks)
    scheduled = meetings.Meeting.objects.get()
    _calendar, invitation = event_of(sent_to("tamara")[0])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(change_url(scheduled), meeting_form(start="16:00", title="Renamed"))
    (update,) = sent_to("tamara")
    calendar, event = event_of(update)
    assert str(calendar["method"]) == "REQUEST"
    assert event["uid"] == invitation["uid"]
    assert event["sequence"] == invitation["sequence"] + 1 == 1
    assert event.decoded("dtstart") - invitation.decoded("dtstart") == timedelta(minutes=90)
    assert "Renamed" in update.subject
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(change_url(scheduled), meeting_form(start="16:00", title="Renamed"))
    assert mail.outbox == [], "nothing changed, nothing sent"


def test_a_cancellation_cancels_the_same_event(client, a1, django_capture_on_commit_callbacks):
    schedule(client, django_capture_on_commit_callbacks)
    scheduled = meetings.Meeting.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(cancel_url(scheduled))
    calendar, event = event_of(sent_to("leila")[0])
    assert str(calendar["method"]) == "CANCEL"
    assert str(event["status"]) == "CANCELLED"
    assert str(event["uid"]) == scheduled.uid and event["sequence"] == 1
    assert sent_to("leila")[0].subject == "Cancelled: Gaps in soil carbon policy (Task Force A1)"
    _calendar, content_type = calendar_of(sent_to("leila")[0])
    assert content_type == "text/calendar; method=CANCEL"


def test_an_invitation_sent_late_says_what_is_true_when_it_is_sent(a1):
    """Built when sent: a retry after a cancellation cancels, it does not invite again."""
    upcoming = meeting(a1["leila"])
    meetings.tell_members(upcoming, meetings.INVITATION)
    meetings.cancel(upcoming)
    mail.outbox.clear()
    first_invitation = OutgoingMail.objects.order_by("pk").first()
    OutgoingMail.objects.filter(pk=first_invitation.pk).update(status=OutgoingMail.Status.FAILED)
    delivery.deliver(first_invitation.pk)
    calendar, event = event_of(mail.outbox[0])
    assert str(calendar["method"]) == "CANCEL" and event["sequence"] == 1


def test_a_mail_server_that_is_down_loses_no_invitation(
    client, a1, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = BROKEN_MAIL_BACKEND
    schedule(client, django_capture_on_commit_callbacks)
    assert meetings.Meeting.objects.count() == 1
    invitations = OutgoingMail.objects.filter(template=meetings.MEETING_MAIL)
    assert invitations.count() == 3
    assert set(invitations.values_list("status", flat=True)) == {OutgoingMail.Status.FAILED}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for invitation in invitations:
        delivery.deliver(invitation.pk)
    assert len(mail.outbox) == 3
    assert all(calendar_of(message)[0] for message in mail.outbox)


def test_a_member_erased_is_sent_nothing_more(a1):
    upcoming = meeting(a1["leila"])
    meetings.tell_members(upcoming, meetings.INVITATION)
    erase_person(a1["tamara"], by=secretariat_user())
    assert not OutgoingMail.objects.filter(recipients__icontains="tamara").exists()
    assert objective("A1").meetings.get() == upcoming
