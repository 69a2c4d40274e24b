"""Applications closed without a place, and sent e-mails, are deleted after their retention
period; nothing the Task Forces are made of ever is."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from strategy_pages.choices import Role
from taskforce_forms.inbox import decisions
from taskforce_forms.models import (
    OPEN_STATUSES,
    Application,
    ApplicationEvent,
    ApplicationStatus,
    Decision,
    OutgoingMail,
)
from taskforce_forms.outbox import notifications
from taskforce_forms.privacy.retention import CLOSED_STATUSES

from ..factories import apply, member_user, partner_user, secretariat_user, visitor_user

pytestmark = pytest.mark.django_db

A1 = "/en/task-forces/goal-a/a1/"
DAYS = 365


@pytest.fixture(autouse=True)
def retention_settings(settings):
    settings.APPLICATION_RETENTION_DAYS = DAYS
    settings.MAIL_RETENTION_DAYS = 90


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def last_changed(application, days):
    """Moves the application's status change and every event of its history `days` back."""
    Application.objects.filter(pk=application.pk).update(updated_at=days_ago(days))
    application.events.update(created_at=days_ago(days))
    return application


def closed(status, days, user=None, code="A1"):
    role = Role.TEAM_MEMBER if status != ApplicationStatus.NOT_SELECTED else Role.LEADER
    application = apply(user or partner_user(), code, role=role)
    Application.objects.filter(pk=application.pk).update(status=status)
    ApplicationEvent.objects.create(
        application=application, from_status=ApplicationStatus.SUBMITTED, to_status=status
    )
    return last_changed(application, days)


def purge(*options):
    out = StringIO()
    call_command("purge_closed_applications", *options, stdout=out)
    return out.getvalue()


def exists(application):
    return Application.objects.filter(pk=application.pk).exists()


def test_closed_means_every_status_that_is_not_open():
    assert set(CLOSED_STATUSES) == set(ApplicationStatus) - set(OPEN_STATUSES)


@pytest.mark.parametrize("status", CLOSED_STATUSES)
def test_a_closed_application_goes_the_day_after_its_retention_period(status):
    kept = closed(status, DAYS - 1, partner_user("kept"))
    gone = closed(status, DAYS + 1, partner_user("gone"))
    output = purge()
    assert exists(kept)
    assert not exists(gone)
    assert not ApplicationEvent.objects.filter(application_id=gone.pk).exists()
    assert ApplicationEvent.objects.filter(application=kept).exists()
    assert "Deleted 1 closed applications unchanged for 365 days (with 1 history entries)" in output


def test_a_recent_event_keeps_an_application_whose_status_is_old():
    application = closed(ApplicationStatus.DECLINED, DAYS + 30)
    application.events.update(created_at=days_ago(DAYS - 1))
    purge()
    assert exists(application)


@pytest.mark.parametrize("status", OPEN_STATUSES)
def test_open_nominated_and_accepted_applications_are_never_deleted(status):
    role = Role.LEADER if status in {"shortlisted", "nominated"} else Role.TEAM_MEMBER
    application = apply(partner_user(), "A1", role=role, status=status)
    last_changed(application, DAYS * 10)
    purge("--days", "1")
    assert exists(application)


def test_the_applicant_keeps_their_account_and_other_applications():
    user = partner_user()
    gone = closed(ApplicationStatus.WITHDRAWN, DAYS + 1, user, "A1")
    open_one = apply(user, "B1")
    purge()
    assert not exists(gone)
    assert exists(open_one)
    user.refresh_from_db()
    assert user.profile.organization is not None


def test_days_overrides_the_setting_and_the_setting_is_the_default(settings):
    application = closed(ApplicationStatus.DECLINED, 40)
    purge()
    assert exists(application)
    settings.APPLICATION_RETENTION_DAYS = 30
    purge("--days", "50")
    assert exists(application)
    purge()
    assert not exists(application)


def test_a_dry_run_lists_and_counts_what_would_go_and_deletes_nothing():
    gone = closed(ApplicationStatus.NOT_SELECTED, DAYS + 1)
    output = purge("--dry-run")
    assert exists(gone)
    assert gone.events.count() == 1
    assert f"#{gone.pk}  A1  leader  not_selected" in output
    assert "Would delete 1 closed applications" in output
    assert "Paula" not in output


def test_a_second_run_deletes_nothing():
    closed(ApplicationStatus.DECLINED, DAYS + 1)
    purge()
    assert "Deleted 0 closed applications" in purge()


def test_days_must_be_at_least_one():
    with pytest.raises(CommandError, match="--days"):
        purge("--days", "0")


def mail(status, days, **fields):
    return OutgoingMail.objects.create(
        template="taskforce_forms/emails/application_decided",
        recipients=["someone@example.org"],
        language="en",
        subject="Your application",
        status=status,
        created_at=days_ago(days),
        last_attempt_at=days_ago(days),
        sent_at=days_ago(days) if status == OutgoingMail.Status.SENT else None,
        **fields,
    )


def test_sent_and_cancelled_mails_go_after_their_own_retention_period():
    Status = OutgoingMail.Status
    mail(Status.SENT, 91)
    mail(Status.CANCELLED, 91)
    kept = [mail(Status.SENT, 89), mail(Status.QUEUED, 200), mail(Status.FAILED, 200)]
    output = purge()
    assert set(OutgoingMail.objects.all()) == set(kept)
    assert "and 2 e-mails" in output


def test_sent_mails_about_a_deleted_application_go_with_it():
    application = apply(member_user(), "A1")
    event = decisions.decide(application, Decision.DECLINE, by=secretariat_user())
    notifications.notify_decision(event)
    OutgoingMail.objects.update(status=OutgoingMail.Status.SENT, sent_at=timezone.now())
    unrelated = mail(OutgoingMail.Status.SENT, 1)
    last_changed(application, DAYS + 1)
    purge()
    assert not exists(application)
    assert list(OutgoingMail.objects.all()) == [unrelated]


@pytest.fixture
def page_cache_on(settings, tmp_path):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "generation")
    cache.clear()


def test_the_public_roster_is_the_same_after_a_purge(client, page_cache_on):
    apply(partner_user(), "A1", role=Role.LEADER, status="nominated", consent_to_publication=True)
    apply(visitor_user(), "A1", status="accepted")
    closed(ApplicationStatus.DECLINED, DAYS + 1, member_user())
    before = client.get(A1)

    purge("--dry-run")
    assert client.get(A1)["X-Page-Cache"] == "hit"

    purge()
    after = client.get(A1)
    assert after["X-Page-Cache"] == "miss"
    assert after.content == before.content
    assert "Paula Tester" in after.content.decode()
