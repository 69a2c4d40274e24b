"""No request waits on the mail server: with the production task backend, the join form's last
step answers while the mail server takes 10 s to greet, and the worker delivers the mail later."""

import time

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from taskforce_forms.models import Application, OutgoingMail

from ..factories import partner_user
from ..join.steps import QUALIFICATION, post_step
from .slow_smtp import SlowSMTPServer

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def slow_mail_server():
    with SlowSMTPServer(delay=10) as server:
        smtp = {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": server.port,
            "EMAIL_TIMEOUT": 15,
        }
        with override_settings(**smtp, TASKS={"default": {"BACKEND": settings.DATABASE_TASKS}}):
            yield server


def test_the_last_step_answers_without_waiting_for_the_mail_server(
    client, strategy_site, slow_mail_server
):
    client.force_login(partner_user())
    post_step(client, "role", {"role": "leader"})
    post_step(client, "qualification", {"qualification": QUALIFICATION, "availability": "all"})
    consents = {"consent_to_processing": "on", "consent_to_publication": "on"}
    started = time.perf_counter()
    response = post_step(client, "review", consents)
    answered_in = time.perf_counter() - started

    assert response["Location"] == "/en/join/a1/sent/"
    assert Application.objects.count() == 1
    assert slow_mail_server.connections == 0, "the request never spoke to the mail server"
    # The last step and the "done" view it leads to, which saves and queues the e-mails
    # (commit included); waiting on the mail server would have taken over 10 s.
    assert answered_in < 0.2, answered_in
    queued = OutgoingMail.objects.filter(status=OutgoingMail.Status.QUEUED)
    assert queued.count() == OutgoingMail.objects.count() > 0

    slow_mail_server.delay = 0.1
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert len(slow_mail_server.messages) == OutgoingMail.objects.count()
    assert not OutgoingMail.objects.exclude(status=OutgoingMail.Status.SENT).exists()
