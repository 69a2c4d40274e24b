"""The Secretariat's dashboard: what waits, who is nominated where, applications per goal."""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Substr, TruncMonth
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from home.localized import in_default_language
from strategy_pages.choices import Role
from strategy_pages.models import GoalPage, ObjectivePage

from ..models import (
    AccessRequest,
    Application,
    ApplicationStatus,
    IdeaStage,
    ProjectIdea,
    Region,
)
from ..models.ideas import CONCEPT_STAGES, COUNTED_STAGES, PRESENTED_STAGES
from . import charts


def pending_counts():
    return {
        "applications": Application.objects.pending().count(),
        "access_requests": AccessRequest.objects.pending().count(),
    }


def coverage():
    """Task Force × region: the nominated Leader, the Regional Representatives, the team size
    and the pending applications, in five queries whatever the number of Task Forces."""
    task_forces = list(
        in_default_language(ObjectivePage.objects)
        .order_by("path")
        .only("id", "code", "label", "title", "path", "depth")
    )
    regions = list(in_default_language(Region.objects))
    nominees = Application.objects.nominated().select_related("user__profile__organization")
    team_sizes = counts_by_task_force(
        Application.objects.filter(status=ApplicationStatus.ACCEPTED, role=Role.TEAM_MEMBER)
    )
    pending = counts_by_task_force(Application.objects.pending())
    rows = {
        task_force.pk: {
            "task_force": task_force,
            "leader": None,
            "representatives": {region.pk: None for region in regions},
            "team_size": team_sizes.get(task_force.pk, 0),
            "pending": pending.get(task_force.pk, 0),
        }
        for task_force in task_forces
    }
    for application in nominees:
        row = rows.get(application.task_force_id)
        if row is None:
            continue
        if application.role == Role.LEADER:
            row["leader"] = application
        else:
            row["representatives"][application.region_id] = application
    for row in rows.values():
        row["representatives"] = [(region, row["representatives"][region.pk]) for region in regions]
        row["gaps"] = (row["leader"] is None) + sum(
            1 for _region, person in row["representatives"] if person is None
        )
    return {"regions": regions, "rows": list(rows.values())}


def counts_by_task_force(applications):
    return dict(
        applications.order_by()
        .values_list("task_force")
        .annotate(count=Count("id"))
        .values_list("task_force", "count")
    )


def applications_per_goal_by_month(months=12, today=None):
    """{goal letter: [count per month]} for the last `months` months, oldest first."""
    today = today or timezone.localdate()
    month_starts = _month_starts(today, months)
    since = timezone.make_aware(timezone.datetime(month_starts[0].year, month_starts[0].month, 1))
    counts = (
        Application.objects.filter(submitted_at__gte=since)
        .annotate(month=TruncMonth("submitted_at"), goal=Substr("task_force__code", 1, 1))
        .values("month", "goal")
        .annotate(count=Count("id"))
    )
    letters = list(
        in_default_language(GoalPage.objects).order_by("letter").values_list("letter", flat=True)
    )
    series = {letter: [0] * months for letter in letters}
    index = {(start.year, start.month): number for number, start in enumerate(month_starts)}
    for row in counts:
        position = index.get((row["month"].year, row["month"].month))
        if row["goal"] in series and position is not None:
            series[row["goal"]][position] += row["count"]
    return month_starts, series


def _month_starts(today, months):
    year, month = today.year, today.month
    starts = []
    for _step in range(months):
        starts.append(timezone.datetime(year, month, 1).date())
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


class CoveragePanel(Component):
    """The dashboard's view of the Task Forces: what waits, who is nominated, where the gaps are."""

    name = "task_force_coverage"
    order = 50
    template_name = "taskforce_forms/admin/coverage_panel.html"

    def get_context_data(self, parent_context):
        months, series = applications_per_goal_by_month()
        return {
            "pending": pending_counts(),
            "coverage": coverage(),
            "chart": charts.small_multiples(months, series),
            "applications_url": reverse("taskforce_forms_application_modeladmin_index"),
            "access_requests_url": reverse("taskforce_forms_accessrequest_modeladmin_index"),
        }


def ideas_of_goal(stages):
    """A subquery: how many ideas of the outer goal's Task Forces are at one of `stages`."""
    counted = (
        ProjectIdea.objects.filter(
            task_force__code__startswith=OuterRef("letter"), stage__in=stages
        )
        .order_by()
        .annotate(whole=Value(1))  # a constant: one group, all the goal's ideas
        .values("whole")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def idea_pipeline():
    """Per goal: the project ideas (withdrawn ones left out), how many became concept
    proposals, were presented to funders, were funded. One query, every goal listed."""
    return list(
        in_default_language(GoalPage.objects)
        .order_by("letter")
        .annotate(
            ideas=ideas_of_goal(COUNTED_STAGES),
            concepts=ideas_of_goal(CONCEPT_STAGES),
            presented=ideas_of_goal(PRESENTED_STAGES),
            funded=ideas_of_goal([IdeaStage.FUNDED]),
        )
        .values("letter", "title", "ideas", "concepts", "presented", "funded")
    )


class IdeaPipelinePanel(Component):
    """The dashboard's view of the Strategy Implementation Cycle: ideas on their way to funders."""

    name = "project_idea_pipeline"
    order = 60
    template_name = "taskforce_forms/admin/idea_pipeline_panel.html"

    def get_context_data(self, parent_context):
        return {
            "goals": idea_pipeline(),
            "ideas_url": reverse("taskforce_forms_projectidea_modeladmin_index"),
        }
