"""The demo's meetings: one past, with its minutes, and one to come, in the A1 and C3 spaces, so
that a newcomer sees a living space after `make run`. Created without e-mails: the demo's
members were not there to be invited."""

import zoneinfo
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from home.localized import in_default_language
from strategy_pages.models import ObjectivePage

from .models import Meeting
from .spaces.meetings import record_minutes

# code: (organiser, time zone, past meeting, upcoming meeting), each (title, agenda, place or
# link, days from now, local hour)
DEMO_MEETINGS = {
    "A1": (
        "amina",
        "Africa/Nairobi",
        (
            "Kick-off: gaps in soil carbon policy",
            "1. Introductions\n2. What national policies say of soil carbon\n3. Gaps to study",
            "https://meet.example.org/a1-kick-off",
            -21,
            14,
        ),
        (
            "Project ideas for West Africa",
            "1. Ideas gathered since the kick-off\n2. Who joins which project team",
            "https://meet.example.org/a1-ideas",
            9,
            14,
        ),
    ),
    "C3": (
        "james",
        "America/Bogota",
        (
            "First meeting of the Task Force",
            "1. Introductions\n2. Farmers' networks we know\n3. Next steps",
            "Centro de Investigación, Sala 2, Bogotá",
            -14,
            9,
        ),
        (
            "Funders to approach",
            "1. The funders each member knows\n2. A first concept proposal",
            "https://meet.example.org/c3-funders",
            16,
            9,
        ),
    ),
}

DEMO_MINUTES = (
    "Present: the Leader, the Representatives and four Team Members.\n"
    "Decided: each member shares the studies they know in the space before the next meeting; "
    "the Leader drafts a first list of gaps."
)


def demo_meeting(task_force, organiser, zone_name, details, today):
    title, agenda, where, days, hour = details
    zone = zoneinfo.ZoneInfo(zone_name)
    starts_at = datetime.combine(today + timedelta(days=days), time(hour), tzinfo=zone)
    online = where.startswith("https://")
    return Meeting.objects.create(
        task_force=task_force,
        organiser=organiser,
        title=title,
        agenda=agenda,
        starts_at=starts_at,
        time_zone=zone_name,
        duration=90,
        online_url=where if online else "",
        place="" if online else where,
    )


@transaction.atomic
def create_demo_meetings():
    """Creates the demo's meetings once; returns how many it created."""
    task_forces = in_default_language(ObjectivePage.objects).filter(code__in=DEMO_MEETINGS)
    users = get_user_model().objects
    created = 0
    for task_force in task_forces:
        if task_force.meetings.exists():
            continue
        username, zone_name, past, upcoming = DEMO_MEETINGS[task_force.code]
        organiser = users.filter(username=username).first()
        today = timezone.localdate(timezone=zoneinfo.ZoneInfo(zone_name))
        meeting = demo_meeting(task_force, organiser, zone_name, past, today)
        record_minutes(meeting, DEMO_MINUTES)
        demo_meeting(task_force, organiser, zone_name, upcoming, today)
        created += 2
    return created
