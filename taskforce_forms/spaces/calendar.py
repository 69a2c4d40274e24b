"""A meeting as an iCalendar file (RFC 5545, with the methods of RFC 5546): what a member's
calendar reads from an invitation, an update (same UID, higher SEQUENCE) or a cancellation.

Built from the meeting when the e-mail is sent, not when it is queued: a mail retried after a
change carries the change, a late invitation to a meeting cancelled since cancels it, and the
organiser's erasure leaves no copy of their name in the outbox."""

from datetime import UTC
from email.utils import parseaddr

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from ..models import person_name

PRODUCT = "-//4 per 1000 Initiative//Task Force meetings//EN"
REQUEST, CANCEL = "REQUEST", "CANCEL"


def method(meeting):
    return CANCEL if meeting.is_cancelled else REQUEST


def space_url(meeting):
    path = reverse("task_force_meetings", kwargs={"code": meeting.task_force.code.lower()})
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


def organiser_address(meeting):
    """The site's own address, named after the organiser: their e-mail address is theirs to
    share (the space shows it only with their consent), and replies are not read anyway."""
    organiser = vCalAddress(f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
    if meeting.organiser:
        name = person_name(meeting.organiser)
    else:
        name = _("Task Force %(code)s") % {"code": meeting.task_force.code}
    organiser.params["cn"] = vText(name)
    return organiser


def attendee(email):
    address = vCalAddress(f"mailto:{email}")
    address.params["role"] = vText("REQ-PARTICIPANT")
    address.params["rsvp"] = vText("FALSE")
    return address


def description(meeting):
    parts = [meeting.agenda]
    if meeting.online_url:
        parts.append(_("Online meeting link: %(url)s") % {"url": meeting.online_url})
    parts.append(_("Members’ space: %(url)s") % {"url": space_url(meeting)})
    return "\n\n".join(parts)


def event(meeting, attendees=()):
    entry = Event()
    entry.add("uid", meeting.uid)
    entry.add("sequence", meeting.sequence)
    entry.add("dtstamp", timezone.now())
    entry.add("created", meeting.created_at)
    entry.add("last-modified", meeting.updated_at or meeting.created_at)
    entry.add("dtstart", meeting.starts_at.astimezone(UTC))
    entry.add("dtend", meeting.ends_at.astimezone(UTC))
    entry.add("summary", meeting.title)
    entry.add("description", description(meeting))
    entry.add("location", meeting.place or meeting.online_url)
    if meeting.online_url:
        entry.add("url", meeting.online_url)
    entry.add("organizer", organiser_address(meeting))
    for email in attendees:
        entry.add("attendee", attendee(email))
    entry.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    entry.add("transp", "OPAQUE")
    return entry


def calendar(meeting, attendees=()):
    """The meeting as a calendar of one event, with the method its state calls for."""
    document = Calendar()
    document.add("prodid", PRODUCT)
    document.add("version", "2.0")
    document.add("calscale", "GREGORIAN")
    document.add("method", method(meeting))
    document.add_component(event(meeting, attendees))
    return document.to_ical()


def attachment(mail, context):
    """The outbox's attachment to a meeting's e-mail (`outbox.attachments`)."""
    meeting = context["meeting"]
    content_type = f"text/calendar; method={method(meeting)}"
    return [("meeting.ics", calendar(meeting, mail.recipients).decode(), content_type)]
