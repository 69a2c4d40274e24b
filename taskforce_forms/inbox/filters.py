"""The applications list's filters by goal, Task Force and region."""

from django.contrib.admin import SimpleListFilter
from django.utils.translation import gettext_lazy as _

from home.localized import in_default_language
from strategy_pages.models import GoalPage, ObjectivePage

from ..models import ApplicationStatus, Region


class GoalFilter(SimpleListFilter):
    title = _("goal")
    parameter_name = "goal"

    def lookups(self, request, model_admin):
        goals = in_default_language(GoalPage.objects).order_by("letter")
        return [(goal.letter, f"{goal.letter} · {goal.title}") for goal in goals]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(task_force__code__startswith=self.value())
        return queryset


class TaskForceFilter(SimpleListFilter):
    title = _("Task Force")
    parameter_name = "task_force"

    def lookups(self, request, model_admin):
        objectives = in_default_language(ObjectivePage.objects).order_by("path")
        return [
            (objective.code, f"{objective.code} · {objective.label}") for objective in objectives
        ]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(task_force__code=self.value())
        return queryset


class RegionFilter(SimpleListFilter):
    title = _("region")
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return [
            (str(region.pk), region.name)
            for region in in_default_language(Region.objects)
        ]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(region_id=self.value())
        return queryset


class StatusFilter(SimpleListFilter):
    """The list opens on what waits for a decision, one click from every application."""

    title = _("status")
    parameter_name = "status"
    WAITING = "waiting"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [
            (self.WAITING, _("Waiting for a decision")),
            *ApplicationStatus.choices,
            (self.ALL, _("All applications")),
        ]

    def current(self):
        return self.value() or self.WAITING

    def choices(self, changelist):
        for value, label in self.lookup_choices:
            yield {
                "selected": self.current() == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.current()
        if value == self.WAITING:
            return queryset.pending()
        if value == self.ALL:
            return queryset
        return queryset.filter(status=value)
