"""The e-mails the Task Forces send, through an outbox.

Each `notify_*` function queues an `OutgoingMail` in the caller's transaction; once that commits,
a task delivers it. A failing mail server leaves the mail failed with a time for its next
attempt (`send_queued_mail` retries it) and never undoes what was saved."""

import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import OutgoingMail

logger = logging.getLogger(__name__)

Status = OutgoingMail.Status

# After the first failure, wait this long before each new attempt; then give up until the
# Secretariat sends it again from the admin.
RETRY_DELAYS = [timedelta(minutes=minutes) for minutes in (1, 5, 15, 60, 180, 360, 720, 1440)]
# A mail claimed for sending this long ago by a process that died is sent again.
SENDING_TIMEOUT = timedelta(minutes=15)


def queue(template, recipients, language, **context):
    """Queues `<template>_subject.txt` and `<template>.txt` for `recipients`, to be rendered in
    `language` with `context`, whose model instances are kept as references."""
    mail = OutgoingMail(
        template=template,
        recipients=list(recipients),
        language=language,
        context={name: _reference(value) for name, value in context.items()},
    )
    mail.subject = render_subject(mail, context)
    mail.save()
    transaction.on_commit(lambda: _enqueue(mail.pk))
    return mail


def _reference(value):
    if isinstance(value, models.Model):
        return {"model": value._meta.label_lower, "pk": value.pk}
    return value


def _is_reference(value):
    return isinstance(value, dict) and value.keys() == {"model", "pk"}


def _dereference(value):
    if _is_reference(value):
        return apps.get_model(value["model"])._default_manager.get(pk=value["pk"])
    return value


def referenced_records(mail):
    """The records `mail` speaks of, as (model label, primary key) pairs."""
    references = filter(_is_reference, mail.context.values())
    return {(reference["model"], reference["pk"]) for reference in references}


def _enqueue(mail_id):
    from .tasks import deliver_mail

    deliver_mail.enqueue(mail_id)


def render_subject(mail, context):
    with translation.override(mail.language):
        subject = render_to_string(f"{mail.template}_subject.txt", _with_site(context))
    return " ".join(subject.split())[:300]


def render(mail):
    """The message, rendered now; raises ObjectDoesNotExist when what it speaks of is gone."""
    context = _with_site({name: _dereference(value) for name, value in mail.context.items()})
    with translation.override(mail.language):
        body = render_to_string(f"{mail.template}.txt", context)
    return EmailMessage(render_subject(mail, context), body, None, mail.recipients)


def _with_site(context):
    return {"site_url": settings.WAGTAILADMIN_BASE_URL, **context}


def deliver(mail_id):
    """Sends a queued or failed mail once, even when a retry and a request try it together."""
    now = timezone.now()
    claimed = OutgoingMail.objects.filter(
        Q(status__in=[Status.QUEUED, Status.FAILED])
        | Q(status=Status.SENDING, last_attempt_at__lt=now - SENDING_TIMEOUT),
        pk=mail_id,
    ).update(status=Status.SENDING, last_attempt_at=now)
    if not claimed:
        return None
    mail = OutgoingMail.objects.get(pk=mail_id)
    try:
        render(mail).send()
    except ObjectDoesNotExist:
        _finish(mail, Status.CANCELLED, next_attempt_at=None)
    except Exception as error:
        logger.exception("Could not send %s to %s", mail.template, mail.recipient_list)
        _fail(mail, error)
    else:
        _finish(mail, Status.SENT, next_attempt_at=None, sent_at=timezone.now(), last_error="")
    return mail.status


def _fail(mail, error):
    attempt = mail.attempts + 1
    delay = RETRY_DELAYS[attempt - 1] if attempt <= len(RETRY_DELAYS) else None
    _finish(
        mail,
        Status.FAILED,
        attempts=attempt,
        last_error=f"{type(error).__name__}: {error}"[:1000],
        next_attempt_at=mail.last_attempt_at + delay if delay else None,
    )


def _finish(mail, status, **fields):
    for name, value in {"status": status, **fields}.items():
        setattr(mail, name, value)
    mail.save(update_fields=["status", *fields])


def due_mails(now=None):
    """Mails to (re)send now: failed ones whose time has come, those whose sender died while
    sending, and queued ones that no task picked up (a crash between commit and enqueue)."""
    now = now or timezone.now()
    return OutgoingMail.objects.filter(
        Q(status=Status.FAILED, next_attempt_at__lte=now)
        | Q(status=Status.SENDING, last_attempt_at__lt=now - SENDING_TIMEOUT)
        | Q(status=Status.QUEUED, created_at__lt=now - timedelta(minutes=1))
    )


def send_again(mails):
    """The Secretariat's "Send again": failed mails, given up or not, are sent now. Returns
    the ids of the mails tried."""
    mail_ids = list(mails.filter(status=Status.FAILED).values_list("pk", flat=True))
    OutgoingMail.objects.filter(pk__in=mail_ids).update(next_attempt_at=timezone.now())
    for mail_id in mail_ids:
        _enqueue(mail_id)
    return mail_ids


def failed_count():
    return OutgoingMail.objects.filter(status=Status.FAILED).count()


def notify_application_submitted(application):
    context = {"application": application, "task_force": application.task_force}
    queue(
        "taskforce_forms/emails/application_received",
        [application.user.email],
        application.language,
        **context,
    )
    queue(
        "taskforce_forms/emails/application_to_secretariat",
        [settings.SECRETARIAT_EMAIL],
        settings.LANGUAGE_CODE,
        **context,
    )


def notify_access_request_received(access_request):
    queue(
        "taskforce_forms/emails/access_request_received",
        [access_request.email],
        access_request.language,
        access_request=access_request,
    )


def notify_decision(event, tell_note=False):
    application = event.application
    queue(
        "taskforce_forms/emails/application_decided",
        [application.user.email],
        application.language,
        application=application,
        task_force=application.task_force,
        event=event,
        tell_note=tell_note,
    )


def notify_account_created(access_request, user):
    queue(
        "taskforce_forms/emails/account_created",
        [user.email],
        access_request.language,
        access_request=access_request,
        user=user,
    )


def notify_access_request_declined(access_request, tell_note=False):
    queue(
        "taskforce_forms/emails/access_request_declined",
        [access_request.email],
        access_request.language,
        access_request=access_request,
        tell_note=tell_note,
    )
