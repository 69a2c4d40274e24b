"""The Task Forces' people: organizations, profiles, access requests and applications."""

from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from home.localized import in_active_language
from strategy_pages.choices import Role
from strategy_pages.models import ObjectivePage


class Region(TranslatableMixin, index.Indexed, models.Model):
    """One of the Initiative's regions, which a Regional Representative represents."""

    name = models.CharField(_("name"), max_length=100, help_text=_("The region's name."))
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Regions are listed from the lowest number up.")
    )

    panels = ["name", "sort_order"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @classmethod
    def names_in_active_language(cls):
        """Region names by translation key, in the visitor's language, in one query."""
        return dict(
            cls.objects.filter(locale__language_code=get_language()).values_list(
                "translation_key", "name"
            )
        )

    @classmethod
    def name_in_active_language(cls, region_field="region"):
        """An annotation: the name of the row's region in the visitor's language."""
        return in_active_language(cls, region_field, "name")


class MembershipStatus(models.TextChoices):
    PARTNER = "partner", _("Partner of “4 per 1000”")
    MEMBER = "member", _("Member of “4 per 1000”")
    NONE = "none", _("Neither member nor partner")


class Organization(index.Indexed, models.Model):
    """A body users belong to; its membership status decides which roles they may take."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    country = CountryField(_("country"), blank=True)
    membership_status = models.CharField(
        _("membership status"),
        max_length=10,
        choices=MembershipStatus.choices,
        default=MembershipStatus.NONE,
        help_text=_(
            "Only people from a partner organization may lead a Task Force or represent a region."
        ),
    )

    panels = ["name", "country", "membership_status"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_partner(self):
        return self.membership_status == MembershipStatus.PARTNER

    def record_membership_change(self, previous_status, changed_by):
        """Keeps who changed the membership status, when, and from what."""
        if previous_status != self.membership_status:
            MembershipChange.objects.create(
                organization=self,
                from_status=previous_status or "",
                to_status=self.membership_status,
                changed_by=changed_by,
            )


class MembershipChange(models.Model):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="membership_changes",
        verbose_name=_("organization"),
    )
    from_status = models.CharField(
        _("from"), max_length=10, choices=MembershipStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=10, choices=MembershipStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("membership change")
        verbose_name_plural = _("membership changes")
        ordering = ["-changed_at"]

    def __str__(self):
        return f"{self.organization}: {self.from_status or '—'} → {self.to_status}"


class Profile(models.Model):
    """What the site knows of a user beyond their login. The Secretariat sets the organization."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("organization"),
    )
    country = CountryField(_("country"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return str(self.user)


class AccessRequest(models.Model):
    """A visitor without a login asking the Secretariat for one."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    organization_name = models.CharField(_("organization"), max_length=200)
    country = CountryField(_("country"))
    membership_claim = models.CharField(
        _("membership of the organization"),
        max_length=10,
        choices=MembershipStatus.choices,
        help_text=_("What the visitor says of their organization; the Secretariat checks it."),
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("access request")
        verbose_name_plural = _("access requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} <{self.email}>"


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
    """A decision the rules or the database refuse; its message is shown to the Secretariat."""


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
        applicant = self.user or _("erased applicant")
        return f"{self.task_force.code} · {self.get_role_display()} · {applicant}"

    @property
    def is_erased(self):
        """The applicant's data was erased; the application stays, anonymous, for the figures."""
        return self.user_id is None

    @property
    def is_candidacy(self):
        return self.role != Role.TEAM_MEMBER

    @property
    def can_be_withdrawn(self):
        return self.status in WITHDRAWABLE_STATUSES

    def decisions(self):
        if self.is_erased:
            return {}
        return CANDIDACY_DECISIONS if self.is_candidacy else TEAM_MEMBER_DECISIONS

    def allowed_decisions(self):
        return [
            decision
            for decision, transition in self.decisions().items()
            if self.status in transition.sources
        ]

    def decide(self, decision, by, note=""):
        """Applies one of the Secretariat's decisions and records it; returns the event."""
        transition = self.decisions().get(decision)
        if transition is None or self.status not in transition.sources:
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
            raise DecisionRefused(self._conflict_message(transition.target)) from None

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
                user=None, answers={}, consent_to_publication=False
            )
        self.user, self.answers, self.consent_to_publication = None, {}, False

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

    def _conflict_message(self, target):
        code = self.task_force.code
        if target != ApplicationStatus.NOMINATED:
            return _(
                "The applicant has another open application to Task Force %(code)s; "
                "decide that one instead."
            ) % {"code": code}
        if self.role == Role.LEADER:
            return _(
                "Task Force %(code)s already has a nominated Leader. "
                "Reopen that nomination before nominating someone else."
            ) % {"code": code}
        return _(
            "Task Force %(code)s already has a nominated Regional Representative for "
            "%(region)s. Reopen that nomination before nominating someone else."
        ) % {"code": code, "region": self.region}

    def answer_list(self):
        """The answers as (question, answer) pairs, in the form's order, for people to read."""
        from .answers import readable_answers

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


class OutgoingMail(models.Model):
    """An e-mail the site owes someone, written in the same transaction as what it tells.

    It holds references to the records it speaks of, not a rendered body: it is rendered when
    it is sent, so a retry a day later still carries a fresh set-password link, and a person's
    erasure leaves no copy of their answers behind in the outbox."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        CANCELLED = "cancelled", _("cancelled")

    template = models.CharField(pgettext_lazy("message", "e-mail"), max_length=100)
    recipients = models.JSONField(_("recipients"), default=list)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    context = models.JSONField(default=dict)
    subject = models.CharField(_("subject"), max_length=300)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = pgettext_lazy("message", "e-mail")
        verbose_name_plural = pgettext_lazy("messages", "e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outgoing_mail_due")]

    def __str__(self):
        return self.subject

    @property
    def recipient_list(self):
        return ", ".join(self.recipients)


class PersonalDataErasure(models.Model):
    """That a person's data was erased at their request: when, by whom and how much, and nothing
    that tells who they were."""

    erased_at = models.DateTimeField(_("erased at"), default=timezone.now)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("erased by"),
    )
    counts = models.JSONField(
        _("what was erased"),
        default=dict,
        help_text=_("How many records of each kind were anonymised or deleted."),
    )

    class Meta:
        verbose_name = _("personal data erasure")
        verbose_name_plural = _("personal data erasures")
        ordering = ["-erased_at"]
        default_permissions = ()
        permissions = [("erase_person", _("Can export and erase a person's data"))]

    def __str__(self):
        return f"{self.erased_at:%Y-%m-%d %H:%M}"
