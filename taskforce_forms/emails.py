"""The e-mails the Task Forces send. Each goes out after the data is committed, in the
recipient's language; a failing mail server is logged and never undoes what was saved."""

import logging

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

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


def notify_decision(event, tell_note=False):
    application = event.application
    send(
        "taskforce_forms/emails/application_decided",
        {
            "application": application,
            "task_force": application.task_force,
            "event": event,
            "note": event.note if tell_note else "",
            "site_url": settings.WAGTAILADMIN_BASE_URL,
        },
        [application.user.email],
        application.language,
    )


def notify_account_created(access_request, user):
    with translation.override(access_request.language):
        set_password_path = reverse(
            "password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    send(
        "taskforce_forms/emails/account_created",
        {
            "access_request": access_request,
            "user": user,
            "set_password_url": settings.WAGTAILADMIN_BASE_URL + set_password_path,
        },
        [user.email],
        access_request.language,
    )


def notify_access_request_declined(access_request, tell_note=False):
    send(
        "taskforce_forms/emails/access_request_declined",
        {
            "access_request": access_request,
            "note": access_request.decision_note if tell_note else "",
        },
        [access_request.email],
        access_request.language,
    )
