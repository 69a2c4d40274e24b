import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import taskforce_forms.models.meetings
import taskforce_forms.time_zones


class Migration(migrations.Migration):
    dependencies = [
        ("strategy_pages", "0004_add_button_labels"),
        ("taskforce_forms", "0010_knowledge_entry"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="profile",
            name="time_zone",
            field=models.CharField(
                blank=True,
                help_text="Meeting times are shown in this zone. Without one, in your browser's zone, or else your country's.",
                max_length=64,
                validators=[taskforce_forms.time_zones.validate_time_zone],
                verbose_name="time zone",
            ),
        ),
        migrations.CreateModel(
            name="Meeting",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=200, verbose_name="title")),
                ("agenda", models.TextField(max_length=5000, verbose_name="agenda")),
                ("starts_at", models.DateTimeField(verbose_name="starts")),
                (
                    "time_zone",
                    models.CharField(
                        help_text="The zone the organiser gave the time in, e.g. Africa/Nairobi.",
                        max_length=64,
                        validators=[taskforce_forms.time_zones.validate_time_zone],
                        verbose_name="time zone",
                    ),
                ),
                (
                    "duration",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(5),
                            django.core.validators.MaxValueValidator(720),
                        ],
                        verbose_name="duration (minutes)",
                    ),
                ),
                ("ends_at", models.DateTimeField(editable=False, verbose_name="ends")),
                (
                    "online_url",
                    models.URLField(blank=True, max_length=500, verbose_name="online meeting link"),
                ),
                ("place", models.CharField(blank=True, max_length=300, verbose_name="place")),
                (
                    "uid",
                    models.CharField(
                        default=taskforce_forms.models.meetings.new_uid,
                        max_length=255,
                        unique=True,
                        verbose_name="calendar identifier",
                    ),
                ),
                (
                    "sequence",
                    models.PositiveIntegerField(
                        default=0,
                        help_text="Raised by each change the members are sent.",
                        verbose_name="version",
                    ),
                ),
                (
                    "cancelled_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="cancelled at"),
                ),
                ("minutes", models.TextField(blank=True, max_length=20000, verbose_name="minutes")),
                (
                    "minutes_recorded_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="minutes recorded at"),
                ),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="created"),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "organiser",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="organised_meetings",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="organiser",
                    ),
                ),
                (
                    "task_force",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="meetings",
                        to="strategy_pages.objectivepage",
                        verbose_name="Task Force",
                    ),
                ),
            ],
            options={
                "verbose_name": "meeting",
                "verbose_name_plural": "meetings",
                "ordering": ["-starts_at", "-pk"],
                "indexes": [models.Index(fields=["task_force", "ends_at"], name="meeting_by_end")],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("online_url", ""), _negated=True),
                            models.Q(("place", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="meeting_has_a_link_or_place",
                        violation_error_message="Give an online meeting link, a place, or both.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("duration__gte", 5), ("duration__lte", 720)),
                        name="meeting_duration_bounded",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("ends_at__gt", models.F("starts_at"))),
                        name="meeting_ends_after_start",
                    ),
                ],
            },
        ),
    ]
