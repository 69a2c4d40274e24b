"""The e-mails the Task Forces send. Each goes out after the data is committed, in the
recipient's language; a failing mail server is logged and never undoes what was saved."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def send(template, context, recipients, language):
    """Renders `<template>_subject.txt` and `<template>.txt` in `language` and sends them."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    try:
        send_mail(subject, body, None, recipients)
    except Exception:
        logger.exception("Could not send %s to %s", template, ", ".join(recipients))
        return False
    return True


def notify_application_submitted(application):
    context = {
        "application": application,
        "task_force": application.task_force,
        "site_url": settings.WAGTAILADMIN_BASE_URL,
    }
    send(
        "taskforce_forms/emails/application_received",
        context,
        [application.user.email],
        application.language,
    )
    send(
        "taskforce_forms/emails/application_to_secretariat",
        context,
        [settings.SECRETARIAT_EMAIL],
        settings.LANGUAGE_CODE,
    )


def notify_access_request_received(access_request):
    send(
        "taskforce_forms/emails/access_request_received",
        {"access_request": access_request},
        [access_request.email],
        access_request.language,
    )
