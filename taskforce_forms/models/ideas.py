"""Project ideas on their way to funders, the Strategy Implementation Cycle: a member proposes an
idea, others join its project team, the Leader makes it a concept proposal, and the Secretariat
records what funders made of it. One state machine; every move a recorded event."""

from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.text import join_items
from strategy_pages.choices import Role
from strategy_pages.models import ObjectivePage

from .people import Region


class IdeaStage(models.TextChoices):
    IDEA = "idea", _("Project idea")
    CONCEPT = "concept", _("Concept proposal")
    PRESENTED = "presented", _("Presented to funders")
    FULL_PROPOSAL = "full_proposal", _("Full proposal")
    FUNDED = "funded", _("Funded")
    NOT_FUNDED = "not_funded", _("Not funded")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class IdeaMove(models.TextChoices):
    MAKE_CONCEPT = "make_concept", _("Make it a concept proposal")
    PRESENT = "present", _("Presented to funders")
    FULL_PROPOSAL = "full_proposal", _("Full proposal asked for")
    FUND = "fund", _("Funded")
    NOT_FUND = "not_fund", _("Not funded")
    WITHDRAW = "withdraw", _("Withdraw the idea")


class Mover(models.TextChoices):
    """In what capacity someone moves an idea: who they are is checked by the caller (the space
    for a member, the admin for the Secretariat), what that capacity allows is `MOVES`."""

    SECRETARIAT = "secretariat", _("the Secretariat")
    LEADER = "leader", _("the Task Force Leader")
    PROPOSER = "proposer", _("its proposer")


@dataclass(frozen=True)
class IdeaTransition:
    sources: frozenset
    target: str
    movers: frozenset


G, P = IdeaStage, Mover

# The one place the pipeline's rules live: from which stages each move goes, to which, and who
# may make it. The Leader turns an idea into a concept proposal (the Secretariat may too); what
# funders make of it is the Secretariat's to record. Funders fund a full proposal; they may turn
# down a concept or a full proposal. An idea nobody takes further is withdrawn by its proposer or
# the Leader before it goes to funders.
MOVES = {
    IdeaMove.MAKE_CONCEPT: IdeaTransition(
        frozenset({G.IDEA}), G.CONCEPT, frozenset({P.LEADER, P.SECRETARIAT})
    ),
    IdeaMove.PRESENT: IdeaTransition(
        frozenset({G.CONCEPT}), G.PRESENTED, frozenset({P.SECRETARIAT})
    ),
    IdeaMove.FULL_PROPOSAL: IdeaTransition(
        frozenset({G.PRESENTED}), G.FULL_PROPOSAL, frozenset({P.SECRETARIAT})
    ),
    IdeaMove.FUND: IdeaTransition(
        frozenset({G.FULL_PROPOSAL}), G.FUNDED, frozenset({P.SECRETARIAT})
    ),
    IdeaMove.NOT_FUND: IdeaTransition(
        frozenset({G.PRESENTED, G.FULL_PROPOSAL}), G.NOT_FUNDED, frozenset({P.SECRETARIAT})
    ),
    IdeaMove.WITHDRAW: IdeaTransition(
        frozenset({G.IDEA, G.CONCEPT}), G.WITHDRAWN, frozenset(P.values)
    ),
}

# What the public page and the dashboard count: every idea not withdrawn, and those that got
# at least so far.
COUNTED_STAGES = [stage for stage in G.values if stage != G.WITHDRAWN]
CONCEPT_STAGES = [G.CONCEPT, G.PRESENTED, G.FULL_PROPOSAL, G.FUNDED, G.NOT_FUNDED]
PRESENTED_STAGES = [G.PRESENTED, G.FULL_PROPOSAL, G.FUNDED, G.NOT_FUNDED]
# Where a team no longer forms: nothing more will come of the idea.
CLOSED_STAGES = [G.NOT_FUNDED, G.WITHDRAWN]
FUNDING_CURRENCIES = [("USD", "USD"), ("EUR", "EUR")]


def allowed_steps():
    """The (from, to) pairs an idea's history may hold: its proposal, then the moves of `MOVES`."""
    steps = Q(from_stage="", to_stage=G.IDEA)
    for transition in MOVES.values():
        steps |= Q(from_stage__in=sorted(transition.sources), to_stage=transition.target)
    return steps


def either(names):
    """ "a", "a or b", "a, b or c", in the active language."""
    if len(names) < 2:
        return "".join(names)
    return _("%(names)s or %(last)s") % {"names": join_items(names[:-1]), "last": names[-1]}


class IdeaRefused(Exception):
    """A move or a change of team the rules refuse; its message is shown to the person."""


def movers(user, idea, membership=None, oversees=False):
    """The capacities in which `user` may move `idea`: `membership` is their application that
    makes them a member of the idea's Task Force (if any), `oversees` whether they act as the
    Secretariat (checked by the caller: group, second factor)."""
    capacities = {P.SECRETARIAT} if oversees else set()
    if membership is not None and membership.task_force_id == idea.task_force_id:
        if membership.role == Role.LEADER:
            capacities.add(P.LEADER)
        if idea.proposer_id is not None and idea.proposer_id == user.pk:
            capacities.add(P.PROPOSER)
    return frozenset(capacities)


def stage_counts():
    """For each Task Force (by its objective's `translation_key`, whatever the language of the
    space): how many ideas it has (withdrawn ones left out), and how many became a concept
    proposal, were presented to funders, were funded. One query for every Task Force."""
    rows = ProjectIdea.objects.values("task_force__translation_key").annotate(
        ideas=Count("pk", filter=Q(stage__in=COUNTED_STAGES)),
        concepts=Count("pk", filter=Q(stage__in=CONCEPT_STAGES)),
        presented=Count("pk", filter=Q(stage__in=PRESENTED_STAGES)),
        funded=Count("pk", filter=Q(stage=G.FUNDED)),
    )
    return {row.pop("task_force__translation_key"): row for row in rows}


class ProjectIdeaQuerySet(models.QuerySet):
    def of(self, task_force):
        return self.filter(task_force=task_force)

    def pending(self):
        """What waits for the Secretariat: concept proposals to present to funders."""
        return self.filter(stage=IdeaStage.CONCEPT)

    def for_space(self):
        """With the proposer, the regions, the team and the history, in a fixed number of
        queries however many ideas there are."""
        return self.select_related("proposer").prefetch_related(
            "regions",
            models.Prefetch(
                "team", queryset=ProjectTeamMember.objects.select_related("user").order_by("pk")
            ),
            models.Prefetch("events", queryset=ProjectIdeaEvent.objects.select_related("actor")),
        )


class ProjectIdea(models.Model):
    """A member's idea for a project of their Task Force, and how far it went towards funders.
    Kept when its proposer's data is erased, without the proposer: it is the team's work."""

    task_force = models.ForeignKey(
        ObjectivePage,
        on_delete=models.PROTECT,
        related_name="project_ideas",
        verbose_name=_("Task Force"),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=3000)
    regions = models.ManyToManyField(
        Region, blank=True, related_name="project_ideas", verbose_name=_("regions")
    )
    partners_sought = models.TextField(_("partners sought"), max_length=1000, blank=True)
    funding_amount = models.PositiveBigIntegerField(_("funding needed"), null=True, blank=True)
    funding_currency = models.CharField(
        _("currency"), max_length=3, choices=FUNDING_CURRENCIES, blank=True
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="project_ideas",
        verbose_name=_("proposed by"),
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=IdeaStage.choices, default=IdeaStage.IDEA
    )
    created_at = models.DateTimeField(_("proposed"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProjectIdeaQuerySet.as_manager()

    class Meta:
        verbose_name = _("project idea")
        verbose_name_plural = _("project ideas")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["task_force", "stage"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(stage__in=IdeaStage.values), name="project_idea_stage_is_known"
            ),
            models.CheckConstraint(
                # Spelled so that a NULL amount cannot pass the check unknown (SQL's NULL > 0).
                condition=Q(funding_amount__isnull=True, funding_currency="")
                | Q(
                    funding_amount__isnull=False,
                    funding_amount__gt=0,
                    funding_currency__in=[code for code, _name in FUNDING_CURRENCIES],
                ),
                name="project_idea_funding_amount_has_a_currency",
            ),
        ]

    def __str__(self):
        return f"{self.task_force.code} · {self.title}"

    @property
    def is_closed(self):
        return self.stage in CLOSED_STAGES

    def allowed_moves(self, capacities):
        """The moves the current stage allows to someone acting in `capacities`."""
        return [move for move in MOVES if self.allowed_transition(move, capacities)]

    def stage_allows(self, move):
        """Whether someone could make `move` from the current stage (whoever they are)."""
        transition = MOVES.get(move)
        return transition is not None and self.stage in transition.sources

    def allowed_transition(self, move, capacities):
        """The transition `move` makes for someone acting in `capacities`, or None."""
        if not self.stage_allows(move):
            return None
        transition = MOVES[move]
        return transition if transition.movers & capacities else None

    def move(self, move, by, capacities, note=""):
        """Makes `move` as `by`, acting in `capacities` (`movers`), and records it."""
        transition = self.allowed_transition(move, capacities)
        if transition is None:
            raise IdeaRefused(self._refusal(move))
        capacity = next(mover for mover in Mover if mover in transition.movers & capacities)
        return self._move_to(transition.target, by, capacity, note)

    def _refusal(self, move):
        label = IdeaMove(move).label if move in IdeaMove.values else move
        transition = MOVES.get(move)
        if self.stage_allows(move):
            who = [str(mover.label) for mover in Mover if mover in transition.movers]
            return _("“%(move)s” is not yours to do: only %(who)s may.") % {
                "move": label,
                "who": either(who),
            }
        return _("“%(move)s” is not possible for this idea: it is at the stage “%(stage)s”.") % {
            "move": label,
            "stage": self.get_stage_display(),
        }

    def _move_to(self, to_stage, by, capacity, note=""):
        """Moves the stage only if nobody moved it meanwhile, so the history stays true."""
        from_stage = self.stage
        with transaction.atomic():
            moved = ProjectIdea.objects.filter(pk=self.pk, stage=from_stage).update(
                stage=to_stage, updated_at=timezone.now()
            )
            if not moved:
                raise IdeaRefused(
                    _("Someone else moved this idea meanwhile. Reload it to see its stage.")
                )
            event = ProjectIdeaEvent.objects.create(
                idea=self,
                from_stage=from_stage,
                to_stage=to_stage,
                actor=by,
                capacity=capacity,
                note=note,
            )
        self.stage = to_stage
        return event

    def record_proposal(self):
        """The first event of every idea: proposed by its proposer, who joins its team."""
        ProjectTeamMember.objects.create(idea=self, user=self.proposer)
        return ProjectIdeaEvent.objects.create(
            idea=self,
            to_stage=IdeaStage.IDEA,
            actor=self.proposer,
            capacity=Mover.PROPOSER,
            created_at=self.created_at,
        )

    def join(self, user):
        if self.is_closed:
            raise IdeaRefused(_("This idea is closed: its team no longer changes."))
        try:
            with transaction.atomic():
                return ProjectTeamMember.objects.create(idea=self, user=user)
        except IntegrityError:
            raise IdeaRefused(_("You are already in this idea's project team.")) from None

    def leave(self, user):
        left, _kinds = ProjectTeamMember.objects.filter(idea=self, user=user).delete()
        if not left:
            raise IdeaRefused(_("You are not in this idea's project team."))


class ProjectTeamMember(models.Model):
    """A member of the Task Force who joined the team that would carry an idea out."""

    idea = models.ForeignKey(
        ProjectIdea, on_delete=models.CASCADE, related_name="team", verbose_name=_("project idea")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="project_teams",
        verbose_name=_("member"),
    )
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        verbose_name = _("project team member")
        verbose_name_plural = _("project team members")
        constraints = [
            models.UniqueConstraint(fields=["idea", "user"], name="one_place_per_project_team")
        ]

    def __str__(self):
        return f"{self.idea_id}: {self.user_id}"


class ProjectIdeaEvent(models.Model):
    """One step of an idea's way: who moved it from which stage to which, when, and why."""

    idea = models.ForeignKey(
        ProjectIdea, on_delete=models.CASCADE, related_name="events", verbose_name=_("project idea")
    )
    from_stage = models.CharField(_("from"), max_length=20, choices=IdeaStage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=20, choices=IdeaStage.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="project_idea_events",
        verbose_name=_("by"),
    )
    capacity = models.CharField(_("as"), max_length=20, choices=Mover.choices)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("project idea event")
        verbose_name_plural = _("project idea events")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=allowed_steps(), name="project_idea_event_is_an_allowed_move"
            ),
        ]

    def __str__(self):
        return f"{self.idea_id}: {self.from_stage or '—'} → {self.to_stage}"
