"""Project ideas as a Task Force's space shows them: the forms that propose and move one, and
each idea as a card, with its regions, team, history and the moves open to the visitor."""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from home.localized import in_default_language

from ..models import (
    FUNDING_CURRENCIES,
    IdeaMove,
    IdeaStage,
    Mover,
    ProjectIdea,
    Region,
    movers,
    person_name,
)

NOTE_MAX_LENGTH = 2000


class ProjectIdeaForm(forms.ModelForm):
    """A member proposes a project idea to their Task Force."""

    funding_amount = forms.IntegerField(
        label=_("Funding needed (optional)"),
        required=False,
        min_value=1,
        max_value=10**12,
        help_text=_("A whole amount, without separators, e.g. 250000."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    funding_currency = forms.ChoiceField(label=_("Currency"), required=False)

    class Meta:
        model = ProjectIdea
        fields = [
            "title",
            "summary",
            "regions",
            "partners_sought",
            "funding_amount",
            "funding_currency",
        ]
        labels = {
            "regions": _("Regions (optional)"),
            "partners_sought": _("Partners sought (optional)"),
        }
        help_texts = {
            "summary": _("What the project would do, where, and what it would change."),
            "regions": _("Leave empty for a project in no particular region."),
            "partners_sought": _("The kinds of organizations or skills the project needs."),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "regions": forms.CheckboxSelectMultiple,
            "partners_sought": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regions"].queryset = in_default_language(Region.objects.all())
        self.fields["regions"].choices = regions
        self.fields["funding_currency"].choices = [
            ("", _("No amount given")),
            *FUNDING_CURRENCIES,
        ]

    def clean(self):
        cleaned = super().clean()
        amount, currency = cleaned.get("funding_amount"), cleaned.get("funding_currency")
        if amount is not None and not currency:
            self.add_error("funding_currency", _("Choose the currency of the amount."))
        if currency and amount is None and "funding_amount" not in self.errors:
            self.add_error("funding_amount", _("Give the amount, or choose no currency."))
        return cleaned


class MoveForm(forms.Form):
    """A move of an idea, with a note for its history; made only from the stage the mover saw,
    so that two people moving the same idea at once do not both succeed."""

    move = forms.ChoiceField(choices=IdeaMove.choices)
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the idea's history, for the team and the Secretariat."),
    )
    seen_stage = forms.ChoiceField(choices=IdeaStage.choices, widget=forms.HiddenInput)


@dataclass(frozen=True)
class HistoryStep:
    when: object
    by: str
    to_stage: str
    note: str


@dataclass
class IdeaCard:
    """One idea as a visitor of the space sees it."""

    idea: ProjectIdea
    regions: list
    team: list
    in_team: bool
    moves: list
    history: list
    move_form: MoveForm


def cards(ideas, visitor, user, region_names, failed=None):
    """`ideas` (fetched `for_space`) as cards for `visitor`: `region_names` maps region ids to
    their names in the visitor's language; `failed` is (idea id, MoveForm) of a refused move,
    shown again as typed."""
    return [_card(idea, visitor, user, region_names, failed) for idea in ideas]


def _card(idea, visitor, user, region_names, failed):
    capacities = movers(user, idea, visitor.membership, visitor.oversees)
    team = [member.user for member in idea.team.all()]
    if failed and failed[0] == idea.pk:
        form = failed[1]
    else:
        form = MoveForm(initial={"seen_stage": idea.stage}, auto_id=f"idea-{idea.pk}-%s")
    return IdeaCard(
        idea=idea,
        regions=[region_names.get(region.pk, region.name) for region in idea.regions.all()],
        team=[person_name(member) for member in team],
        in_team=any(member.pk == user.pk for member in team),
        moves=[IdeaMove(move) for move in idea.allowed_moves(capacities)],
        history=[_step(event) for event in idea.events.all()],
        move_form=form,
    )


def _step(event):
    """Who moved the idea, as the members read it: the Secretariat by its role, not its staff's
    names; a member erased since, by their role in the move."""
    if event.capacity == Mover.SECRETARIAT:
        by = str(_("the Executive Secretariat"))
    elif event.actor is not None:
        by = person_name(event.actor)
    else:
        by = str(Mover(event.capacity).label)
    return HistoryStep(event.created_at, by, event.get_to_stage_display(), event.note)


def by_stage(idea_cards):
    """The cards grouped by stage, in the pipeline's order, empty stages left out."""
    groups = {stage: [] for stage in IdeaStage}
    for card in idea_cards:
        groups[card.idea.stage].append(card)
    return [(stage, stage_cards) for stage, stage_cards in groups.items() if stage_cards]
