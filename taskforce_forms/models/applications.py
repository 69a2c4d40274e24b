"""Applications to join a Task Force, their state machine and history, and the join form's
drafts."""

from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.localized import in_active_language
from strategy_pages.choices import CANDIDACY_ROLES, Role
from strategy_pages.models import ObjectivePage

from ..join.answers import readable_answers
from .people import Region, person_name


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    NOMINATED = "nominated", _("Nominated")
    NOT_SELECTED = "not_selected", _("Not selected")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# An open application still counts: the user may not send another for the same Task Force.
OPEN_STATUSES = [
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.SHORTLISTED,
    ApplicationStatus.NOMINATED,
    ApplicationStatus.ACCEPTED,
]
PENDING_STATUSES = [ApplicationStatus.SUBMITTED, ApplicationStatus.SHORTLISTED]
WITHDRAWABLE_STATUSES = PENDING_STATUSES
# Decided for good, or withdrawn: what the retention policy deletes after a while.
CLOSED_STATUSES = [
    ApplicationStatus.DECLINED,
    ApplicationStatus.NOT_SELECTED,
    ApplicationStatus.WITHDRAWN,
]
# The people a Task Force's public page names or counts.
ROSTER_STATUSES = [ApplicationStatus.NOMINATED, ApplicationStatus.ACCEPTED]


class Decision(models.TextChoices):
    ACCEPT = "accept", _("Accept")
    DECLINE = "decline", _("Decline")
    SHORTLIST = "shortlist", _("Shortlist")
    NOMINATE = "nominate", _("Nominate")
    NOT_SELECT = "not_select", _("Not select")
    REOPEN = "reopen", _("Reopen")


@dataclass(frozen=True)
class Transition:
    sources: frozenset
    target: str


S = ApplicationStatus

# The Secretariat's decisions, the one place they live. A Team Member is accepted or declined;
# a Leader or Regional Representative is a candidate: shortlisted, then nominated or not.
TEAM_MEMBER_DECISIONS = {
    Decision.ACCEPT: Transition(frozenset({S.SUBMITTED}), S.ACCEPTED),
    Decision.DECLINE: Transition(frozenset({S.SUBMITTED}), S.DECLINED),
    Decision.REOPEN: Transition(frozenset({S.ACCEPTED, S.DECLINED}), S.SUBMITTED),
}
CANDIDACY_DECISIONS = {
    Decision.SHORTLIST: Transition(frozenset({S.SUBMITTED}), S.SHORTLISTED),
    Decision.NOMINATE: Transition(frozenset({S.SUBMITTED, S.SHORTLISTED}), S.NOMINATED),
    Decision.NOT_SELECT: Transition(frozenset({S.SUBMITTED, S.SHORTLISTED}), S.NOT_SELECTED),
    Decision.REOPEN: Transition(frozenset({S.NOMINATED, S.NOT_SELECTED}), S.SHORTLISTED),
}


class DecisionRefused(Exception):
    """A decision the rules or the database refuse; its message is shown to the Secretariat,
    with a link to the application that stands in the way (`conflicting`), if one does."""

    def __init__(self, message, conflicting=None):
        super().__init__(message)
        self.conflicting = conflicting


class ApplicationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def pending(self):
        return self.filter(status__in=PENDING_STATUSES)

    def nominated(self):
        return self.filter(status=ApplicationStatus.NOMINATED)

    def in_active_language(self):
        """With `task_force_label` and `region_name` in the visitor's language."""
        return self.annotate(
            task_force_label=in_active_language(ObjectivePage, "task_force", "label"),
            region_name=Region.name_in_active_language(),
        )

    def for_inbox(self):
        return self.select_related("user__profile__organization", "task_force", "region")

    def members(self):
        """What makes people members of a Task Force: accepted Team Members, nominated Leaders
        and Representatives, as the status says now (reopened or withdrawn: out at once)."""
        return self.filter(status__in=ROSTER_STATUSES, user__isnull=False)

    def members_of(self, task_force):
        return self.members().filter(task_force=task_force)

    def membership(self, user, task_force):
        """The application that makes `user` a member of `task_force`, or None: one query."""
        if not user.is_authenticated:
            return None
        return self.members_of(task_force).filter(user=user).first()


class Application(models.Model):
    """One user's request to join one Task Force in one role (and region, for a Representative)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("applicant"),
        help_text=_("Empty once the applicant's personal data was erased."),
    )
    task_force = models.ForeignKey(
        ObjectivePage,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("Task Force"),
        help_text=_("The objective whose Task Force this is, in the default language."),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("region"),
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    consent_to_processing = models.BooleanField(_("consents to the processing of their data"))
    consent_to_publication = models.BooleanField(
        _("consents to being named on the Task Force page"), default=False
    )
    consent_to_share_contact = models.BooleanField(
        _("shares their e-mail address with the Task Force's members"), default=False
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    submitted_at = models.DateTimeField(_("received"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(fields=["status", "-submitted_at"]),
            models.Index(fields=["-submitted_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "task_force"],
                condition=Q(status__in=OPEN_STATUSES),
                name="one_open_application_per_user_and_task_force",
            ),
            models.CheckConstraint(
                condition=Q(role=Role.REGIONAL_REPRESENTATIVE, region__isnull=False)
                | ~Q(role=Role.REGIONAL_REPRESENTATIVE),
                name="regional_representative_names_a_region",
            ),
            models.UniqueConstraint(
                fields=["task_force"],
                condition=Q(role=Role.LEADER, status=ApplicationStatus.NOMINATED),
                name="one_nominated_leader_per_task_force",
            ),
            models.UniqueConstraint(
                fields=["task_force", "region"],
                condition=Q(role=Role.REGIONAL_REPRESENTATIVE, status=ApplicationStatus.NOMINATED),
                name="one_nominated_representative_per_task_force_and_region",
            ),
        ]

    def __str__(self):
        applicant = person_name(self.user) if self.user else _("erased applicant")
        return f"{self.task_force.code} · {self.get_role_display()} · {applicant}"

    @property
    def is_erased(self):
        """The applicant's data was erased; the application stays, anonymous, for the figures."""
        return self.user_id is None

    @property
    def is_candidacy(self):
        return self.role in CANDIDACY_ROLES

    @property
    def can_be_withdrawn(self):
        return self.status in WITHDRAWABLE_STATUSES

    def share_contact(self, consent):
        """Gives (True) or withdraws (False) consent to show the applicant's e-mail address to
        the other members of the Task Force."""
        Application.objects.filter(pk=self.pk).update(consent_to_share_contact=consent)
        self.consent_to_share_contact = consent

    def submission_event(self):
        """The first event of every application: sent by the applicant, when received."""
        return ApplicationEvent(
            application=self,
            to_status=ApplicationStatus.SUBMITTED,
            actor=self.user,
            created_at=self.submitted_at,
        )

    def decisions(self):
        if self.is_erased:
            return {}
        return CANDIDACY_DECISIONS if self.is_candidacy else TEAM_MEMBER_DECISIONS

    def allowed_transition(self, decision):
        """The transition `decision` makes from the current status, or None if not allowed."""
        transition = self.decisions().get(decision)
        return transition if transition and self.status in transition.sources else None

    def allowed_decisions(self):
        return [decision for decision in self.decisions() if self.allowed_transition(decision)]

    def decision_event(self, decision, by, note=""):
        """The event `decision` would record, unsaved (for a preview), or None if refused."""
        transition = self.allowed_transition(decision)
        if transition is None:
            return None
        return ApplicationEvent(
            application=self,
            from_status=self.status,
            to_status=transition.target,
            actor=by,
            note=note,
        )

    def decide(self, decision, by, note=""):
        """Applies one of the Secretariat's decisions and records it; returns the event."""
        transition = self.allowed_transition(decision)
        if transition is None:
            raise DecisionRefused(
                _("“%(decision)s” is not possible for this application: it is %(status)s.")
                % {
                    "decision": Decision(decision).label if decision in Decision else decision,
                    "status": self.get_status_display().lower(),
                }
            )
        try:
            return self._move_to(transition.target, by, note)
        except IntegrityError:
            conflicting = self._conflicting_nomination(transition.target)
            raise DecisionRefused(
                self._conflict_message(transition.target, conflicting), conflicting
            ) from None

    def withdraw(self, by):
        if not self.can_be_withdrawn:
            raise DecisionRefused(_("This application can no longer be withdrawn."))
        return self._move_to(ApplicationStatus.WITHDRAWN, by)

    def anonymise(self, by, note):
        """Keeps the application for the Task Force's figures and history with nothing left of
        the person: no link to them, no answers, no notes. An open one is withdrawn, which frees
        a nomination's place and takes a Team Member out of the count."""
        to_status = ApplicationStatus.WITHDRAWN if self.status in OPEN_STATUSES else self.status
        with transaction.atomic():
            self.events.update(note="")
            self._move_to(to_status, by, note)
            Application.objects.filter(pk=self.pk).update(
                user=None, answers={}, consent_to_publication=False, consent_to_share_contact=False
            )
        self.user, self.answers = None, {}
        self.consent_to_publication = self.consent_to_share_contact = False

    def _move_to(self, to_status, by, note=""):
        """Moves the status only if nobody moved it meanwhile, so the history stays true."""
        from_status = self.status
        with transaction.atomic():
            moved = Application.objects.filter(pk=self.pk, status=from_status).update(
                status=to_status, updated_at=timezone.now()
            )
            if not moved:
                raise DecisionRefused(
                    _(
                        "Someone else changed this application meanwhile. "
                        "Reload it to see its current status."
                    )
                )
            event = ApplicationEvent.objects.create(
                application=self, from_status=from_status, to_status=to_status, actor=by, note=note
            )
        self.status = to_status
        return event

    def _conflicting_nomination(self, target):
        """The nomination that holds the place this one would take, if that is the conflict."""
        if target != ApplicationStatus.NOMINATED:
            return None
        holders = Application.objects.nominated().filter(task_force=self.task_force, role=self.role)
        if self.role == Role.REGIONAL_REPRESENTATIVE:
            holders = holders.filter(region=self.region)
        return holders.exclude(pk=self.pk).select_related("user").first()

    def _conflict_message(self, target, conflicting):
        code = self.task_force.code
        if target != ApplicationStatus.NOMINATED:
            return _(
                "The applicant has another open application to Task Force %(code)s; "
                "decide that one instead."
            ) % {"code": code}
        holder = person_name(conflicting.user) if conflicting and conflicting.user else "—"
        if self.role == Role.LEADER:
            return _(
                "Task Force %(code)s already has a nominated Leader, %(holder)s. "
                "Reopen that nomination before nominating someone else."
            ) % {"code": code, "holder": holder}
        return _(
            "Task Force %(code)s already has a nominated Regional Representative for "
            "%(region)s, %(holder)s. Reopen that nomination before nominating someone else."
        ) % {"code": code, "region": self.region, "holder": holder}

    def answer_list(self):
        """The answers as (question, answer) pairs, in the form's order, for people to read."""
        return readable_answers(self.answers)


class ApplicationEvent(models.Model):
    """One step in an application's history: who moved it from which status to which, and why."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="events", verbose_name=_("application")
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=ApplicationStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=ApplicationStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("application event")
        verbose_name_plural = _("application events")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.application_id}: {self.from_status or '—'} → {self.to_status}"


class JoinDraft(models.Model):
    """The join form's answers so far, kept per user and Task Force so they can resume anywhere."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_drafts"
    )
    key = models.CharField(max_length=100)
    data = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("join form draft")
        verbose_name_plural = _("join form drafts")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="one_join_draft_per_form")
        ]

    def __str__(self):
        return f"{self.user}: {self.key}"
