"""Queuing an e-mail in the caller's transaction; a task delivers it once that commits."""

from django.db import transaction
from django.utils import timezone

from ..models import OutgoingMail
from .delivery import render_subject
from .references import reference
from .tasks import deliver_mail


def queue(template, recipients, language, **context):
    """Queues `<template>_subject.txt` and `<template>.txt` for `recipients`, to be rendered in
    `language` with `context`, whose model instances are kept as references."""
    mail = OutgoingMail(
        template=template,
        recipients=list(recipients),
        language=language,
        context={name: reference(value) for name, value in context.items()},
    )
    mail.subject = render_subject(mail, context)
    mail.save()
    transaction.on_commit(lambda: enqueue(mail.pk))
    return mail


def enqueue(mail_id):
    deliver_mail.enqueue(mail_id)


def send_again(mails):
    """The Secretariat's "Send again": failed mails, given up or not, are sent now. Returns
    the ids of the mails tried."""
    mail_ids = list(mails.filter(status=OutgoingMail.Status.FAILED).values_list("pk", flat=True))
    OutgoingMail.objects.filter(pk__in=mail_ids).update(next_attempt_at=timezone.now())
    for mail_id in mail_ids:
        enqueue(mail_id)
    return mail_ids
