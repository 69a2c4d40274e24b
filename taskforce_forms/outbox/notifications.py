"""Which e-mail each event sends, to whom, in which language."""

from django.conf import settings

from .delivery import preview
from .messages import queue


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
    """The visitor, in their language, and the Secretariat, which decides on it."""
    queue(
        "taskforce_forms/emails/access_request_received",
        [access_request.email],
        access_request.language,
        access_request=access_request,
    )
    queue(
        "taskforce_forms/emails/access_request_to_secretariat",
        [settings.SECRETARIAT_EMAIL],
        settings.LANGUAGE_CODE,
        access_request=access_request,
    )


def decision_mail(event, tell_note):
    application = event.application
    context = {
        "application": application,
        "task_force": application.task_force,
        "event": event,
        "tell_note": tell_note,
    }
    return "taskforce_forms/emails/application_decided", [application.user.email], context


def notify_decision(event, tell_note=False):
    template, recipients, context = decision_mail(event, tell_note)
    queue(template, recipients, event.application.language, **context)


def preview_decision(event, tell_note=False):
    """(subject, body) of the e-mail a decision would send, in the applicant's language."""
    template, recipients, context = decision_mail(event, tell_note)
    return preview(template, recipients, event.application.language, **context)


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
