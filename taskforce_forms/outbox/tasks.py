"""Background tasks (django-tasks, as Wagtail ships it). With the default immediate backend they
run as soon as they are enqueued; a worker backend moves them out of the request unchanged."""

from django_tasks import task

from .delivery import deliver


@task()
def deliver_mail(mail_id):
    return deliver(mail_id)
