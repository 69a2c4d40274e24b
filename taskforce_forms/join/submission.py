"""An application's first step, the one place it is written: saved as submitted, with its first
event, and the e-mails that tell the applicant and the Secretariat, all or nothing. The join form,
the demo data and `make_applications` call it."""

from django.db import transaction

from ..models import Application, ApplicationEvent
from ..outbox.notifications import notify_application_submitted


def submit(application, notify=True):
    """Saves a new application with its first event; queues its e-mails unless `notify` is off
    (demo data, made up). Raises IntegrityError when the user has an open one already."""
    with transaction.atomic():
        application.save()
        ApplicationEvent.objects.bulk_create([application.submission_event()])
        if notify:
            notify_application_submitted(application)
    return application


def submit_many(applications):
    """`submit` for many made-up applications at once, without e-mails (`make_applications`)."""
    with transaction.atomic():
        created = Application.objects.bulk_create(applications, batch_size=1000)
        ApplicationEvent.objects.bulk_create(
            [application.submission_event() for application in created], batch_size=1000
        )
    return created
