"""Sending a queued e-mail: rendered when sent, claimed so that it goes once, retried after a
failure with growing delays."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from ..models import OutgoingMail
from . import attachments
from .references import dereference

logger = logging.getLogger(__name__)

Status = OutgoingMail.Status

# After the first failure, wait this long before each new attempt; then give up until the
# Secretariat sends it again from the admin.
RETRY_DELAYS = [timedelta(minutes=minutes) for minutes in (1, 5, 15, 60, 180, 360, 720, 1440)]
# A mail claimed for sending this long ago by a process that died is sent again.
SENDING_TIMEOUT = timedelta(minutes=15)


def render_subject(mail, context):
    with translation.override(mail.language):
        subject = render_to_string(f"{mail.template}_subject.txt", _with_site(context))
    return " ".join(subject.split())[:300]


def render(mail):
    """The message, rendered now; raises ObjectDoesNotExist when what it speaks of is gone."""
    context = _with_site({name: dereference(value) for name, value in mail.context.items()})
    subject, body = render_subject(mail, context), render_body(mail, context)
    message = EmailMessage(subject, body, None, mail.recipients)
    for attachment in attachments.built_for(mail, context):
        message.attach(*attachment)
    return message


def render_body(mail, context):
    with translation.override(mail.language):
        return render_to_string(f"{mail.template}.txt", context)


def preview(template, recipients, language, **context):
    """The subject and body a queued e-mail would have, rendered now and sent to nobody."""
    mail = OutgoingMail(template=template, recipients=list(recipients), language=language)
    context = _with_site(context)
    return render_subject(mail, context), render_body(mail, context)


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


def failed_count():
    return OutgoingMail.objects.filter(status=Status.FAILED).count()
