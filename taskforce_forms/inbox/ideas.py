"""The Secretariat's list of project ideas: filtered by goal, Task Force, stage and region,
exported as the applications are, and each idea's page, where the Secretariat records what
funders made of it. The moves are the model's (`models.ideas.MOVES`), made as the Secretariat."""

from django import forms
from django.contrib import messages
from django.contrib.admin import SimpleListFilter
from django.utils.translation import gettext_lazy as _

from home.localized import in_default_language

from ..models import IdeaMove, IdeaRefused, IdeaStage, Mover, Region, person_name
from ..privacy import audit
from .admin import SecretariatIndexView
from .forms import NOTE_MAX_LENGTH
from .permissions import InboxPermissionHelper
from .views import DecisionInspectView, RecordedExport

AS_SECRETARIAT = frozenset({Mover.SECRETARIAT})


class IdeaRegionFilter(SimpleListFilter):
    title = _("region")
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return [(str(region.pk), region.name) for region in in_default_language(Region.objects)]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(regions=self.value())
        return queryset


class IdeaPermissionHelper(InboxPermissionHelper):
    """The Secretariat moves ideas (the change permission); nobody adds, edits or deletes one
    here: ideas are the members', proposed in their space."""


class IdeaMoveForm(forms.Form):
    move = forms.ChoiceField(label=_("What happened"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the idea's history, which the Task Force's members read."),
    )
    # The stage the Secretariat saw: a move made from an outdated page is not applied.
    seen_stage = forms.ChoiceField(choices=IdeaStage.choices, widget=forms.HiddenInput)

    def __init__(self, *args, moves, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["move"].choices = [(move, IdeaMove(move).label) for move in moves]


class ProjectIdeaIndexView(RecordedExport, SecretariatIndexView):
    """The list, and its CSV and XLSX exports, as the applications' (formulas neutralised,
    recorded)."""

    record_export = audit.record_project_ideas_export

    def get_queryset(self, request=None):
        return (
            super()
            .get_queryset(request)
            .select_related("task_force", "proposer")
            .prefetch_related("regions", "team")
        )


class ProjectIdeaInspectView(DecisionInspectView):
    """An idea, its team and its history, and the moves its stage allows the Secretariat."""

    def act(self, request):
        idea = self.instance
        form = self.move_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(move_form=form))
        if form.cleaned_data["seen_stage"] != idea.stage:
            form.add_error(None, _("Someone else moved this idea meanwhile: check its history."))
            return self.render_to_response(self.get_context_data(move_form=form), status=409)
        try:
            event = idea.move(
                form.cleaned_data["move"], request.user, AS_SECRETARIAT, form.cleaned_data["note"]
            )
        except IdeaRefused as refusal:
            form.add_error(None, str(refusal))
            return self.render_to_response(self.get_context_data(move_form=form), status=409)
        messages.success(
            request,
            _("“%(title)s” is now at the stage “%(stage)s”.")
            % {"title": idea.title, "stage": event.get_to_stage_display()},
        )
        return self.back()

    def move_form(self, data=None):
        idea = self.instance
        return IdeaMoveForm(
            data, initial={"seen_stage": idea.stage}, moves=idea.allowed_moves(AS_SECRETARIAT)
        )

    def get_context_data(self, **kwargs):
        idea = self.instance
        can_move = self.permission_helper.user_can_decide(self.request.user) and bool(
            idea.allowed_moves(AS_SECRETARIAT)
        )
        context = {
            "idea": idea,
            "team": [person_name(member.user) for member in idea.team.select_related("user")],
            "events": idea.events.select_related("actor"),
            "can_decide": can_move,
        }
        if can_move and "move_form" not in kwargs:
            context["move_form"] = self.move_form()
        return super().get_context_data(**context, **kwargs)
