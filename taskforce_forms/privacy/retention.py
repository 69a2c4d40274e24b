"""How long the Task Forces keep personal data they no longer need.

An application closed without a place in a Task Force (declined, not selected, withdrawn) is
deleted, with its history and the e-mails about it, once nothing has happened to it for
`APPLICATION_RETENTION_DAYS`; until then the Secretariat can still reopen it. E-mails that were
sent or cancelled are deleted after `MAIL_RETENTION_DAYS`, and the record of access to personal
data (`audit`) after `ACCESS_RECORD_RETENTION_DAYS`. Open applications, nominations and accepted
Team Members are never deleted here: the Task Forces are made of them."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import AccessRecord, Application, ApplicationEvent, ApplicationStatus, OutgoingMail
from . import audit

CLOSED_STATUSES = [
    ApplicationStatus.DECLINED,
    ApplicationStatus.NOT_SELECTED,
    ApplicationStatus.WITHDRAWN,
]
# Queued, sending and failed mails are still the outbox's business.
FINISHED_MAIL_STATUSES = [OutgoingMail.Status.SENT, OutgoingMail.Status.CANCELLED]
DELETED_LABEL = _("deleted application")


@dataclass(frozen=True)
class Purge:
    """What a purge deleted, or would delete on a dry run."""

    applications: int
    events: int
    mails: int
    access_records: int


def cutoff(days, now=None):
    return (now or timezone.now()) - timedelta(days=days)


def closed_applications(days, now=None):
    """Closed applications whose last change, their status or any event of their history, is
    more than `days` old."""
    since = cutoff(days, now)
    recent_events = ApplicationEvent.objects.filter(
        application=OuterRef("pk"), created_at__gte=since
    )
    return Application.objects.filter(status__in=CLOSED_STATUSES, updated_at__lt=since).exclude(
        Exists(recent_events)
    )


def finished_mails(days, about_applications=(), now=None):
    """Sent or cancelled mails last handled more than `days` ago, and those that speak of
    `about_applications`, whatever their age: they go with the applications."""
    expired = Q(handled_at__lt=cutoff(days, now))
    if about_applications:
        expired |= Q(context__application__pk__in=about_applications)
    return (
        OutgoingMail.objects.alias(handled_at=Coalesce("sent_at", "last_attempt_at", "created_at"))
        .filter(status__in=FINISHED_MAIL_STATUSES)
        .filter(expired)
    )


def expired_access_records(days, now=None):
    return AccessRecord.objects.filter(timestamp__lt=cutoff(days, now))


def purge(application_days, mail_days, access_record_days, dry_run=False, now=None):
    """Deletes what is kept past its retention period, in one transaction; returns the counts.
    The audit log keeps the entries about a deleted application, no longer by its name.

    The applications are locked while they are deleted, so that one reopened at that moment
    stays (on SQLite the transaction alone serializes writers)."""
    with transaction.atomic():
        application_ids = list(
            closed_applications(application_days, now)
            .select_for_update()
            .values_list("pk", flat=True)
        )
        mails = finished_mails(mail_days, about_applications=application_ids, now=now)
        access_records = expired_access_records(access_record_days, now)
        if dry_run:
            return Purge(
                applications=len(application_ids),
                events=ApplicationEvent.objects.filter(application__in=application_ids).count(),
                mails=mails.count(),
                access_records=access_records.count(),
            )
        mail_count, _ = mails.delete()
        access_record_count, _ = access_records.delete()
        audit.forget_labels([Application(pk=pk) for pk in application_ids], DELETED_LABEL)
        _, deleted = Application.objects.filter(pk__in=application_ids).delete()
    return Purge(
        applications=deleted.get(Application._meta.label, 0),
        events=deleted.get(ApplicationEvent._meta.label, 0),
        mails=mail_count,
        access_records=access_record_count,
    )
