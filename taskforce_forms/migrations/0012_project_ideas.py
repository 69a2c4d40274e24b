"""Project ideas on their way to funders (issue 18, point 5): the ideas, their project teams
and their history; the Secretariat sees them and records their moves (the change permission)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from . import _secretariat


def grant_secretariat(apps, schema_editor):
    permissions = {
        "view_projectidea": "Can view project idea",
        "change_projectidea": "Can change project idea",
    }
    _secretariat.grant_secretariat(apps, "projectidea", permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("strategy_pages", "0004_add_button_labels"),
        ("taskforce_forms", "0011_meetings"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ProjectIdea",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=200, verbose_name="title")),
                ("summary", models.TextField(max_length=3000, verbose_name="summary")),
                (
                    "partners_sought",
                    models.TextField(blank=True, max_length=1000, verbose_name="partners sought"),
                ),
                (
                    "funding_amount",
                    models.PositiveBigIntegerField(
                        blank=True, null=True, verbose_name="funding needed"
                    ),
                ),
                (
                    "funding_currency",
                    models.CharField(
                        blank=True,
                        choices=[("USD", "USD"), ("EUR", "EUR")],
                        max_length=3,
                        verbose_name="currency",
                    ),
                ),
                (
                    "stage",
                    models.CharField(
                        choices=[
                            ("idea", "Project idea"),
                            ("concept", "Concept proposal"),
                            ("presented", "Presented to funders"),
                            ("full_proposal", "Full proposal"),
                            ("funded", "Funded"),
                            ("not_funded", "Not funded"),
                            ("withdrawn", "Withdrawn"),
                        ],
                        default="idea",
                        max_length=20,
                        verbose_name="stage",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="proposed"
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "proposer",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="project_ideas",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="proposed by",
                    ),
                ),
                (
                    "regions",
                    models.ManyToManyField(
                        blank=True,
                        related_name="project_ideas",
                        to="taskforce_forms.region",
                        verbose_name="regions",
                    ),
                ),
                (
                    "task_force",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="project_ideas",
                        to="strategy_pages.objectivepage",
                        verbose_name="Task Force",
                    ),
                ),
            ],
            options={
                "verbose_name": "project idea",
                "verbose_name_plural": "project ideas",
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="ProjectIdeaEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "from_stage",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("idea", "Project idea"),
                            ("concept", "Concept proposal"),
                            ("presented", "Presented to funders"),
                            ("full_proposal", "Full proposal"),
                            ("funded", "Funded"),
                            ("not_funded", "Not funded"),
                            ("withdrawn", "Withdrawn"),
                        ],
                        max_length=20,
                        verbose_name="from",
                    ),
                ),
                (
                    "to_stage",
                    models.CharField(
                        choices=[
                            ("idea", "Project idea"),
                            ("concept", "Concept proposal"),
                            ("presented", "Presented to funders"),
                            ("full_proposal", "Full proposal"),
                            ("funded", "Funded"),
                            ("not_funded", "Not funded"),
                            ("withdrawn", "Withdrawn"),
                        ],
                        max_length=20,
                        verbose_name="to",
                    ),
                ),
                (
                    "capacity",
                    models.CharField(
                        choices=[
                            ("secretariat", "the Secretariat"),
                            ("leader", "the Task Force Leader"),
                            ("proposer", "its proposer"),
                        ],
                        max_length=20,
                        verbose_name="as",
                    ),
                ),
                ("note", models.TextField(blank=True, max_length=2000, verbose_name="note")),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="when"),
                ),
                (
                    "actor",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="project_idea_events",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="by",
                    ),
                ),
                (
                    "idea",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="events",
                        to="taskforce_forms.projectidea",
                        verbose_name="project idea",
                    ),
                ),
            ],
            options={
                "verbose_name": "project idea event",
                "verbose_name_plural": "project idea events",
                "ordering": ["created_at", "pk"],
            },
        ),
        migrations.CreateModel(
            name="ProjectTeamMember",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "joined_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="joined"),
                ),
                (
                    "idea",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="team",
                        to="taskforce_forms.projectidea",
                        verbose_name="project idea",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="project_teams",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="member",
                    ),
                ),
            ],
            options={
                "verbose_name": "project team member",
                "verbose_name_plural": "project team members",
            },
        ),
        migrations.AddIndex(
            model_name="projectidea",
            index=models.Index(
                fields=["task_force", "stage"], name="taskforce_f_task_fo_633423_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="projectidea",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "stage__in",
                        [
                            "idea",
                            "concept",
                            "presented",
                            "full_proposal",
                            "funded",
                            "not_funded",
                            "withdrawn",
                        ],
                    )
                ),
                name="project_idea_stage_is_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="projectidea",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("funding_amount__isnull", True), ("funding_currency", "")),
                    models.Q(
                        ("funding_amount__gt", 0),
                        ("funding_amount__isnull", False),
                        ("funding_currency__in", ["USD", "EUR"]),
                    ),
                    _connector="OR",
                ),
                name="project_idea_funding_amount_has_a_currency",
            ),
        ),
        migrations.AddConstraint(
            model_name="projectideaevent",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("from_stage", ""), ("to_stage", "idea")),
                    models.Q(("from_stage__in", ["idea"]), ("to_stage", "concept")),
                    models.Q(("from_stage__in", ["concept"]), ("to_stage", "presented")),
                    models.Q(("from_stage__in", ["presented"]), ("to_stage", "full_proposal")),
                    models.Q(("from_stage__in", ["full_proposal"]), ("to_stage", "funded")),
                    models.Q(
                        ("from_stage__in", ["full_proposal", "presented"]),
                        ("to_stage", "not_funded"),
                    ),
                    models.Q(("from_stage__in", ["concept", "idea"]), ("to_stage", "withdrawn")),
                    _connector="OR",
                ),
                name="project_idea_event_is_an_allowed_move",
            ),
        ),
        migrations.AddConstraint(
            model_name="projectteammember",
            constraint=models.UniqueConstraint(
                fields=("idea", "user"), name="one_place_per_project_team"
            ),
        ),
        migrations.RunPython(grant_secretariat, migrations.RunPython.noop),
    ]
