"""What happens to a Task Force's meeting: scheduled, changed, cancelled, its minutes recorded.
Each change the members' calendars must know of raises the meeting's SEQUENCE and queues an
e-mail to every member, in their language, with the meeting as an `.ics` file; all in the
transaction of the change, so a failing mail server loses nothing (the outbox retries)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Application, Meeting
from ..models.meetings import CALENDAR_FIELDS
from ..outbox import attachments
from ..outbox.messages import queue
from ..time_zones import person_time_zone, request_time_zone
from . import calendar

MEETING_MAIL = "taskforce_forms/emails/meeting"
# The space shows the next meetings; the meetings' page shows them all.
UPCOMING_SHOWN = 3
INVITATION, UPDATE, CANCELLATION = "invitation", "update", "cancellation"


class MeetingRefused(Exception):
    """A change the meeting's state no longer allows; its message is shown to the organiser."""


def schedule(task_force, by, **details):
    """A new meeting of `task_force`, organised by `by`; every member is invited."""
    with transaction.atomic():
        meeting = Meeting.objects.create(task_force=task_force, organiser=by, **details)
        tell_members(meeting, INVITATION)
    return meeting


def change(meeting, **details):
    """Changes what the members' calendars show; returns False when nothing changed."""
    with transaction.atomic():
        meeting = _locked(meeting)
        if meeting.is_cancelled or not meeting.is_upcoming:
            raise MeetingRefused(_("A cancelled or past meeting cannot be changed."))
        changed = [name for name in CALENDAR_FIELDS if getattr(meeting, name) != details[name]]
        if not changed:
            return False
        for name in changed:
            setattr(meeting, name, details[name])
        meeting.sequence += 1
        meeting.save()
        tell_members(meeting, UPDATE)
    return True


def cancel(meeting):
    with transaction.atomic():
        meeting = _locked(meeting)
        if meeting.is_cancelled or not meeting.is_upcoming:
            raise MeetingRefused(_("This meeting is already cancelled or over."))
        meeting.cancelled_at = timezone.now()
        meeting.sequence += 1
        meeting.save(update_fields=["cancelled_at", "sequence", "updated_at"])
        tell_members(meeting, CANCELLATION)
    return meeting


def record_minutes(meeting, minutes):
    """The notes of a meeting that took place; recorded again, they replace the last ones."""
    if meeting.is_cancelled or not meeting.has_started:
        raise MeetingRefused(_("Minutes are recorded once the meeting has begun."))
    meeting.minutes = minutes
    meeting.minutes_recorded_at = timezone.now()
    meeting.save(update_fields=["minutes", "minutes_recorded_at", "updated_at"])
    return meeting


def _locked(meeting):
    return Meeting.objects.select_for_update().select_related("task_force").get(pk=meeting.pk)


def member_language(application):
    """The language a member reads their e-mails in: their profile's, else their application's."""
    profile = getattr(application.user, "profile", None)
    return profile.preferred_language if profile else application.language


def tell_members(meeting, kind):
    """Queues the meeting's e-mail of `kind` to each member, in their language and time zone."""
    members = (
        Application.objects.members_of(meeting.task_force)
        .exclude(user__email="")
        .select_related("user__profile")
    )
    for application in members:
        user = application.user
        queue(
            MEETING_MAIL,
            [user.email],
            member_language(application),
            meeting=meeting,
            task_force=meeting.task_force,
            member=user,
            kind=kind,
            time_zone=person_time_zone(user).key,
        )


def meetings_in_space(request, task_force, visitor):
    """What the space's page shows of the meetings: the next few, in the visitor's zone."""
    upcoming = Meeting.objects.of(task_force).upcoming().select_related("organiser")
    return {
        "upcoming_meetings": upcoming[:UPCOMING_SHOWN],
        "time_zone": request_time_zone(request),
        "may_organise": visitor.may_organise_meetings,
    }


def register():
    attachments.register(MEETING_MAIL, calendar.attachment)
