"""Meetings in the tests: addresses, a form as an organiser fills it in, and meetings made
without the forms."""

import zoneinfo
from datetime import datetime, time, timedelta

from django.utils import timezone

from taskforce_forms.models import Meeting

from ..factories import objective

A1_MEETINGS = "/en/spaces/a1/meetings/"
A1_SCHEDULE = "/en/spaces/a1/meetings/new/"


def change_url(meeting):
    return f"{A1_MEETINGS}{meeting.pk}/change/"


def cancel_url(meeting):
    return f"{A1_MEETINGS}{meeting.pk}/cancel/"


def minutes_url(meeting):
    return f"{A1_MEETINGS}{meeting.pk}/minutes/"


def in_days(days):
    return (timezone.now() + timedelta(days=days)).date()


def meeting_form(days=10, start="14:30", zone="Africa/Nairobi", **fields):
    return {
        "title": "Gaps in soil carbon policy",
        "agenda": "1. Introductions\n2. Gaps",
        "day": in_days(days).isoformat(),
        "start": start,
        "time_zone": zone,
        "duration": "90",
        "online_url": "https://meet.example.org/a1",
        "place": "",
        **fields,
    }


def meeting(organiser=None, days=10, code="A1", zone="Africa/Nairobi", hour=14, **fields):
    """A meeting `days` from now (in the past when negative), at `hour` in `zone`."""
    starts_at = datetime.combine(in_days(days), time(hour), tzinfo=zoneinfo.ZoneInfo(zone))
    return Meeting.objects.create(
        task_force=objective(code),
        organiser=organiser,
        title=fields.pop("title", "Gaps in soil carbon policy"),
        agenda=fields.pop("agenda", "1. Introductions\n2. Gaps"),
        starts_at=starts_at,
        time_zone=zone,
        duration=fields.pop("duration", 90),
        online_url=fields.pop("online_url", "https://meet.example.org/a1"),
        **fields,
    )
