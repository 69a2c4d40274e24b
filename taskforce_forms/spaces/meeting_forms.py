"""What an organiser types to schedule or change a meeting, and its minutes."""

import zoneinfo
from datetime import UTC, datetime, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Meeting
from ..models.meetings import LONGEST_MEETING, SHORTEST_MEETING
from ..time_zones import time_zone_names

# How far ahead a meeting may be scheduled.
HORIZON = timedelta(days=2 * 366)


def time_zone_choices():
    return [("", _("Choose the time zone…")), *((name, name) for name in time_zone_names())]


def local_start(day, start, zone_name):
    """The moment `day` at `start` is in `zone_name`, or None when the clocks skip that time."""
    zone = zoneinfo.ZoneInfo(zone_name)
    local = datetime.combine(day, start, tzinfo=zone)
    if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        return None
    return local


class MeetingForm(forms.ModelForm):
    """A meeting's title, agenda, when (a day and time in a stated zone), how long, and where:
    online, in a place, or both."""

    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}))
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices)
    duration = forms.IntegerField(
        label=_("Duration (minutes)"),
        min_value=SHORTEST_MEETING,
        max_value=LONGEST_MEETING,
        widget=forms.NumberInput(attrs={"step": 5}),
    )
    online_url = forms.URLField(
        label=_("Online meeting link"), required=False, max_length=500, assume_scheme="https"
    )

    class Meta:
        model = Meeting
        fields = ["title", "agenda", "day", "start", "time_zone", "duration", "online_url", "place"]
        labels = {"title": _("Title"), "agenda": _("Agenda"), "place": _("Place")}
        help_texts = {"place": _("Give a place, an online meeting link, or both.")}
        widgets = {"agenda": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, default_zone, browser_may_choose_zone=False, **kwargs):
        super().__init__(*args, **kwargs)
        meeting = self.instance
        if meeting.pk:
            local = meeting.starts_at.astimezone(zoneinfo.ZoneInfo(meeting.time_zone))
            self.initial.update(day=local.date(), start=local.time().replace(second=0))
        else:
            self.initial.setdefault("time_zone", default_zone)
            self.initial.setdefault("duration", 60)
        if browser_may_choose_zone and not self.is_bound:
            self.fields["time_zone"].widget.attrs["data-browser-zone"] = ""

    def clean(self):
        cleaned = super().clean()
        day, start, zone = (cleaned.get(name) for name in ("day", "start", "time_zone"))
        if day is None or start is None or not zone:
            return cleaned
        starts_at = local_start(day, start, zone)
        if starts_at is None:
            self.add_error(
                "start", _("This time does not exist in that time zone: the clocks change then.")
            )
        elif starts_at <= timezone.now():
            self.add_error("day", _("Choose a date and time to come."))
        elif starts_at > timezone.now() + HORIZON:
            self.add_error("day", _("Choose a date within the next two years."))
        else:
            self.instance.starts_at = starts_at
            cleaned["starts_at"] = starts_at
        return cleaned

    def details(self):
        """What the meeting becomes, for `spaces.meetings.schedule` and `change`."""
        names = ["title", "agenda", "starts_at", "time_zone", "duration", "online_url", "place"]
        return {name: self.cleaned_data[name] for name in names}


class MinutesForm(forms.ModelForm):
    """The notes of a meeting that took place."""

    class Meta:
        model = Meeting
        fields = ["minutes"]
        labels = {"minutes": _("Minutes")}
        help_texts = {"minutes": _("What was discussed and decided, and who does what next.")}
        widgets = {"minutes": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["minutes"].required = True
