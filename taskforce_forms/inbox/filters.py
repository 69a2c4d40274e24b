"""The applications list's filters by goal, Task Force and region, and what a list's filters
chose, as the record of an export names it."""

from django.contrib.admin import SimpleListFilter
from django.utils.text import capfirst
from django.utils.translation import gettext
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


def chosen_filters(index_view):
    """What narrows a modeladmin list, as (filter, choice) pairs in the list's words. Only a
    choice the list offers is named: for a value that came from the address instead (typed, or
    a search term), the choice is None."""
    chosen, known = [], set()
    for spec in index_view.filter_specs:
        parameters = spec.expected_parameters()
        known.update(parameters)
        unfiltered = index_view.get_query_string(remove=parameters)
        selected = [choice for choice in spec.choices(index_view) if choice["selected"]]
        if selected and selected[0]["query_string"] != unfiltered:
            chosen.append((str(capfirst(spec.title)), str(selected[0]["display"])))
        elif spec.used_parameters and not selected:
            chosen.append((str(capfirst(spec.title)), None))
    if index_view.query:
        chosen.append((gettext("Search"), None))
    others = [name for name in index_view.get_filters_params() if name not in known]
    return chosen + [(name, None) for name in sorted(others)]
