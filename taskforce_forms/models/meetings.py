"""A Task Force's meetings: scheduled by its Leader or Representatives, sent to every member as
a calendar invitation, their minutes recorded after."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strategy_pages.models import ObjectivePage

from ..time_zones import validate_time_zone

SHORTEST_MEETING, LONGEST_MEETING = 5, 12 * 60  # minutes

# What a change must touch to be news to the members' calendars.
CALENDAR_FIELDS = ["title", "agenda", "starts_at", "time_zone", "duration", "online_url", "place"]


def new_uid():
    """A meeting's identity in every calendar it reaches (iCalendar's UID), kept for good."""
    return f"{uuid.uuid4()}@taskforces.4p1000.org"


class MeetingQuerySet(models.QuerySet):
    def of(self, task_force):
        return self.filter(task_force=task_force)

    def upcoming(self, now=None):
        """Not yet over, cancelled or not, the soonest first."""
        return self.filter(ends_at__gt=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        """Over, the latest first."""
        return self.filter(ends_at__lte=now or timezone.now()).order_by("-starts_at", "-pk")


class Meeting(models.Model):
    """One meeting of a Task Force. Kept when its organiser's data is erased, without the
    organiser: it is the team's. State changes are in `taskforce_forms.spaces.meetings`."""

    task_force = models.ForeignKey(
        ObjectivePage,
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("Task Force"),
    )
    title = models.CharField(_("title"), max_length=200)
    agenda = models.TextField(_("agenda"), max_length=5000)
    starts_at = models.DateTimeField(_("starts"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        validators=[validate_time_zone],
        help_text=_("The zone the organiser gave the time in, e.g. Africa/Nairobi."),
    )
    duration = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        validators=[MinValueValidator(SHORTEST_MEETING), MaxValueValidator(LONGEST_MEETING)],
    )
    # Kept with the start, so that lists of upcoming and past meetings are one indexed filter.
    ends_at = models.DateTimeField(_("ends"), editable=False)
    online_url = models.URLField(_("online meeting link"), max_length=500, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organised_meetings",
        verbose_name=_("organiser"),
    )
    uid = models.CharField(_("calendar identifier"), max_length=255, unique=True, default=new_uid)
    sequence = models.PositiveIntegerField(
        _("version"), default=0, help_text=_("Raised by each change the members are sent.")
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    minutes = models.TextField(_("minutes"), max_length=20000, blank=True)
    minutes_recorded_at = models.DateTimeField(_("minutes recorded at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "-pk"]
        indexes = [models.Index(fields=["task_force", "ends_at"], name="meeting_by_end")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(online_url="") | ~Q(place=""),
                name="meeting_has_a_link_or_place",
                violation_error_message=_("Give an online meeting link, a place, or both."),
            ),
            models.CheckConstraint(
                condition=Q(duration__gte=SHORTEST_MEETING, duration__lte=LONGEST_MEETING),
                name="meeting_duration_bounded",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.task_force.code} · {self.title}"

    def save(self, *args, **kwargs):
        self.ends_at = self.starts_at + timedelta(minutes=self.duration)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "ends_at"}
        super().save(*args, **kwargs)

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    @property
    def has_started(self):
        return self.starts_at <= timezone.now()

    @property
    def is_upcoming(self):
        return self.ends_at > timezone.now()
