"""The outbox: e-mails are written with what they tell, survive a mail server that is down, are
retried with growing delays, are sent once, and the Secretariat sees and resends the failed."""

import re
from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from taskforce_forms.inbox import decisions
from taskforce_forms.models import AccessRequest, Application, Decision, OutgoingMail
from taskforce_forms.outbox import delivery, notifications

from ..factories import (
    BROKEN_MAIL_BACKEND,
    apply,
    editor_user,
    partner_user,
    secretariat_user,
    sign_in_with_second_factor,
    visitor_user,
)

pytestmark = pytest.mark.django_db

Status = OutgoingMail.Status
OUTBOX = "/admin/taskforce_forms/outgoingmail/"


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = BROKEN_MAIL_BACKEND
    return settings


def mail_server_back(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def later(minutes):
    return mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + timedelta(minutes=minutes)
    )


def send_queued_mail():
    out = StringIO()
    call_command("send_queued_mail", stdout=out)
    return out.getvalue()


def decided_application(django_capture_on_commit_callbacks, language="fr", tell_note=True):
    application = apply(visitor_user(), language=language)
    with django_capture_on_commit_callbacks(execute=True):
        decisions.decide(
            application,
            Decision.ACCEPT,
            by=secretariat_user(),
            note="Bienvenue !",
            tell_note=tell_note,
        )
    return application


def test_a_decision_and_its_e_mail_are_saved_together(django_capture_on_commit_callbacks):
    decided_application(django_capture_on_commit_callbacks)
    (queued,) = OutgoingMail.objects.all()
    assert queued.status == Status.SENT
    assert queued.recipients == ["victor@example.org"]
    assert queued.context["application"]["model"] == "taskforce_forms.application"
    (message,) = mail.outbox
    assert message.subject == queued.subject
    assert "acceptée" in message.body, "rendered in the language the applicant applied in"
    assert "Bienvenue !" in message.body


def test_the_note_stays_out_of_the_e_mail_unless_told(django_capture_on_commit_callbacks):
    decided_application(django_capture_on_commit_callbacks, tell_note=False)
    assert "Bienvenue !" not in mail.outbox[0].body


def test_a_refused_decision_queues_no_e_mail(django_capture_on_commit_callbacks):
    application = decided_application(django_capture_on_commit_callbacks)
    with pytest.raises(decisions.DecisionRefused):
        decisions.decide(application, Decision.ACCEPT, by=secretariat_user("sue"))
    assert OutgoingMail.objects.count() == 1


def test_a_mail_server_down_keeps_the_mail_and_plans_its_retry(
    mail_server_down, django_capture_on_commit_callbacks
):
    decided_application(django_capture_on_commit_callbacks)
    queued = OutgoingMail.objects.get()
    assert queued.status == Status.FAILED
    assert queued.attempts == 1
    assert "ConnectionRefusedError: the mail server is down" in queued.last_error
    assert queued.next_attempt_at == queued.last_attempt_at + delivery.RETRY_DELAYS[0]
    assert Application.objects.get().status == "accepted", "the decision stays"


def test_the_retry_sends_it_once_the_server_is_back(
    mail_server_down, django_capture_on_commit_callbacks
):
    decided_application(django_capture_on_commit_callbacks)
    assert send_queued_mail() == "0 due, 0 sent, 0 failed again.\n", "not due yet"
    mail_server_back(mail_server_down)
    with later(minutes=2):
        assert send_queued_mail() == "1 due, 1 sent, 0 failed again.\n"
    queued = OutgoingMail.objects.get()
    assert (queued.status, queued.attempts, queued.last_error) == (Status.SENT, 1, "")
    assert len(mail.outbox) == 1
    assert send_queued_mail().startswith("0 due"), "sent once"


def test_retries_wait_longer_each_time_then_give_up(
    mail_server_down, django_capture_on_commit_callbacks
):
    decided_application(django_capture_on_commit_callbacks)
    waits = []
    minutes = 0
    for _attempt in delivery.RETRY_DELAYS:
        queued = OutgoingMail.objects.get()
        waits.append(queued.next_attempt_at - queued.last_attempt_at)
        minutes += waits[-1].total_seconds() / 60 + 1
        with later(minutes):
            send_queued_mail()
    assert waits == delivery.RETRY_DELAYS
    queued = OutgoingMail.objects.get()
    assert queued.attempts == len(delivery.RETRY_DELAYS) + 1
    assert queued.status == Status.FAILED and queued.next_attempt_at is None, "given up"
    with later(minutes + 10_000):
        assert not delivery.due_mails().exists()


def test_a_mail_is_sent_once_when_two_senders_try_it_together(django_capture_on_commit_callbacks):
    decided_application(django_capture_on_commit_callbacks)
    queued = OutgoingMail.objects.get()
    OutgoingMail.objects.filter(pk=queued.pk).update(status=Status.FAILED)
    claimed_first = OutgoingMail.objects.filter(pk=queued.pk, status=Status.FAILED).update(
        status=Status.SENDING, last_attempt_at=timezone.now()
    )
    assert claimed_first == 1
    assert delivery.deliver(queued.pk) is None, "the second sender finds it taken"
    assert len(mail.outbox) == 1


def test_a_mail_whose_sender_died_is_sent_again_later(django_capture_on_commit_callbacks):
    decided_application(django_capture_on_commit_callbacks)
    OutgoingMail.objects.update(status=Status.SENDING, last_attempt_at=timezone.now())
    assert not delivery.due_mails().exists()
    with later(minutes=20):
        assert send_queued_mail() == "1 due, 1 sent, 0 failed again.\n"
    assert len(mail.outbox) == 2


def test_a_mail_queued_before_a_crash_is_sent_by_the_retry():
    application = apply(visitor_user())
    notifications.notify_application_submitted(application)  # its transaction's tasks never ran
    assert OutgoingMail.objects.filter(status=Status.QUEUED).count() == 2
    with later(minutes=2):
        send_queued_mail()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "secretariat@4p1000.org",
        "victor@example.org",
    ]


def test_a_mail_about_something_since_erased_is_cancelled(mail_server_down):
    application = apply(visitor_user())
    notifications.notify_application_submitted(application)
    Application.objects.all().delete()
    mail_server_back(mail_server_down)
    with later(minutes=2):
        send_queued_mail()
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {Status.CANCELLED}
    assert mail.outbox == []


def test_a_retried_account_e_mail_carries_a_fresh_working_link(
    mail_server_down, django_capture_on_commit_callbacks
):
    access_request = AccessRequest.objects.create(
        name="Ana",
        email="ana@example.org",
        organization_name="Soils",
        country="PE",
        membership_claim="none",
        language="es",
    )
    with django_capture_on_commit_callbacks(execute=True):
        user = decisions.approve_access_request(
            access_request, by=secretariat_user(), membership_status="none"
        )
    queued = OutgoingMail.objects.get()
    assert "token" not in str(queued.context), "the outbox stores no credential"
    mail_server_back(mail_server_down)
    with later(minutes=2):
        send_queued_mail()
    (message,) = mail.outbox
    token = re.search(r"/es/accounts/password/reset/\w+/([\w-]+)/", message.body).group(1)
    assert default_token_generator.check_token(user, token)


# The Secretariat's view of the outbox


@pytest.fixture
def failed_mail(mail_server_down, django_capture_on_commit_callbacks):
    decided_application(django_capture_on_commit_callbacks)
    mail_server_back(mail_server_down)
    return OutgoingMail.objects.get()


@pytest.fixture
def secretariat(client):
    sign_in_with_second_factor(client, secretariat_user("sara"))
    return client


def test_the_menu_counts_failed_e_mails(secretariat, failed_mail):
    html = secretariat.get("/admin/").content.decode()
    assert "E-mails (1)" in html


def test_the_outbox_lists_failed_mails_with_why(secretariat, failed_mail):
    html = secretariat.get(OUTBOX + "?status=failed").content.decode()
    assert "victor@example.org" in html
    assert "the mail server is down" in html
    assert "Send the failed e-mails again" in html


def test_sending_a_failed_mail_again_from_its_page(secretariat, failed_mail):
    url = f"{OUTBOX}inspect/{failed_mail.pk}/"
    html = secretariat.get(url).content.decode()
    assert "Send it again now" in html
    assert "Bienvenue" not in html, "the outbox shows no body"
    response = secretariat.post(url, follow=True)
    assert "1 e-mail sent." in response.content.decode()
    failed_mail.refresh_from_db()
    assert failed_mail.status == Status.SENT
    assert len(mail.outbox) == 1


def test_sending_every_failed_mail_again_while_the_server_is_still_down(
    secretariat, failed_mail, settings
):
    settings.EMAIL_BACKEND = BROKEN_MAIL_BACKEND
    response = secretariat.post(OUTBOX + "send_again/", follow=True)
    assert "1 e-mail could not be sent again" in response.content.decode()
    failed_mail.refresh_from_db()
    assert failed_mail.attempts == 2


@pytest.mark.parametrize("make", [editor_user, partner_user])
def test_editors_and_applicants_cannot_see_or_resend_mails(client, failed_mail, make):
    client.force_login(make())
    for url in (OUTBOX, f"{OUTBOX}inspect/{failed_mail.pk}/"):
        assert client.get(url).status_code in (302, 403)
    for url in (OUTBOX + "send_again/", f"{OUTBOX}inspect/{failed_mail.pk}/"):
        assert client.post(url).status_code in (302, 403)
    failed_mail.refresh_from_db()
    assert failed_mail.attempts == 1
