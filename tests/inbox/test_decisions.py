"""The Secretariat's decisions: the state machine, the nomination constraints, the e-mails."""

import threading

import pytest
from django.core import mail
from django.db import IntegrityError, close_old_connections, connection, transaction

from strategy_pages.choices import Role
from taskforce_forms.inbox import decisions
from taskforce_forms.models import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    Decision,
    DecisionRefused,
)

from ..factories import (
    BROKEN_MAIL_BACKEND,
    apply,
    partner_user,
    region,
    secretariat_user,
    visitor_user,
)

pytestmark = pytest.mark.django_db

S = ApplicationStatus
LEADER, REPRESENTATIVE, MEMBER = Role.LEADER, Role.REGIONAL_REPRESENTATIVE, Role.TEAM_MEMBER


def candidacy(username="paula", role=LEADER, code="A1", **fields):
    if role == REPRESENTATIVE:
        fields.setdefault("region", region("Africa"))
    return apply(partner_user(username), code, role=role, **fields)


@pytest.mark.parametrize(
    "role, start, decision, end",
    [
        (MEMBER, S.SUBMITTED, Decision.ACCEPT, S.ACCEPTED),
        (MEMBER, S.SUBMITTED, Decision.DECLINE, S.DECLINED),
        (MEMBER, S.ACCEPTED, Decision.REOPEN, S.SUBMITTED),
        (MEMBER, S.DECLINED, Decision.REOPEN, S.SUBMITTED),
        (LEADER, S.SUBMITTED, Decision.SHORTLIST, S.SHORTLISTED),
        (LEADER, S.SUBMITTED, Decision.NOMINATE, S.NOMINATED),
        (LEADER, S.SHORTLISTED, Decision.NOMINATE, S.NOMINATED),
        (LEADER, S.SHORTLISTED, Decision.NOT_SELECT, S.NOT_SELECTED),
        (LEADER, S.NOMINATED, Decision.REOPEN, S.SHORTLISTED),
        (REPRESENTATIVE, S.NOT_SELECTED, Decision.REOPEN, S.SHORTLISTED),
    ],
)
def test_allowed_decisions_move_the_status_and_keep_who_when_and_why(role, start, decision, end):
    application = candidacy(role=role, status=start)
    secretariat = secretariat_user()
    event = application.decide(decision, by=secretariat, note="Seen at the review")
    application.refresh_from_db()
    assert application.status == end
    assert (event.from_status, event.to_status, event.actor, event.note) == (
        start,
        end,
        secretariat,
        "Seen at the review",
    )
    assert event.created_at is not None


@pytest.mark.parametrize(
    "role, start, decision",
    [
        (MEMBER, S.SUBMITTED, Decision.NOMINATE),
        (MEMBER, S.SUBMITTED, Decision.SHORTLIST),
        (MEMBER, S.ACCEPTED, Decision.DECLINE),
        (MEMBER, S.WITHDRAWN, Decision.REOPEN),
        (LEADER, S.SUBMITTED, Decision.ACCEPT),
        (LEADER, S.NOMINATED, Decision.NOMINATE),
        (LEADER, S.NOT_SELECTED, Decision.NOMINATE),
        (LEADER, S.WITHDRAWN, Decision.SHORTLIST),
        (LEADER, S.SUBMITTED, "promote"),
    ],
)
def test_refused_decisions_change_nothing(role, start, decision):
    application = candidacy(role=role, status=start)
    with pytest.raises(DecisionRefused, match="not possible"):
        application.decide(decision, by=secretariat_user())
    application.refresh_from_db()
    assert application.status == start
    assert not application.events.exists()


def test_the_decisions_offered_are_those_the_status_allows():
    assert candidacy(role=MEMBER).allowed_decisions() == [Decision.ACCEPT, Decision.DECLINE]
    assert candidacy("lea", status=S.SHORTLISTED).allowed_decisions() == [
        Decision.NOMINATE,
        Decision.NOT_SELECT,
    ]
    assert candidacy("wendy", status=S.WITHDRAWN).allowed_decisions() == []


def test_a_second_leader_cannot_be_nominated_and_the_message_says_why():
    first, second = candidacy("paula"), candidacy("pierre")
    secretariat = secretariat_user()
    first.decide(Decision.NOMINATE, by=secretariat)
    with pytest.raises(DecisionRefused, match="A1 already has a nominated Leader"):
        second.decide(Decision.NOMINATE, by=secretariat)
    second.refresh_from_db()
    assert second.status == S.SUBMITTED
    assert not second.events.exists()


def test_the_database_itself_refuses_a_second_nominated_leader():
    candidacy("paula", status=S.NOMINATED)
    second = candidacy("pierre")
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=second.pk).update(status=S.NOMINATED)


def test_one_nominated_representative_per_task_force_and_region():
    secretariat = secretariat_user()
    africa = candidacy("ama", REPRESENTATIVE, region=region("Africa"))
    europe = candidacy("eva", REPRESENTATIVE, region=region("Europe"))
    africa_again = candidacy("kofi", REPRESENTATIVE, region=region("Africa"))
    other_task_force = candidacy("abebe", REPRESENTATIVE, code="B1", region=region("Africa"))
    for application in (africa, europe, other_task_force):
        application.decide(Decision.NOMINATE, by=secretariat)
    with pytest.raises(DecisionRefused, match="Regional Representative for Africa"):
        africa_again.decide(Decision.NOMINATE, by=secretariat)


def test_reopening_a_nomination_frees_the_place():
    secretariat = secretariat_user()
    first, second = candidacy("paula"), candidacy("pierre")
    first.decide(Decision.NOMINATE, by=secretariat)
    first.decide(Decision.REOPEN, by=secretariat)
    second.decide(Decision.NOMINATE, by=secretariat)
    assert Application.objects.nominated().get() == second


@pytest.mark.django_db(transaction=True)
def test_two_nominations_at_once_leave_exactly_one_leader(strategy_site):
    """Two Secretariat members press "Nominate" for two candidates at the same moment."""
    secretariat = secretariat_user()
    candidates = [candidacy("paula"), candidacy("pierre")]
    start = threading.Barrier(2)
    outcomes = []

    def nominate(application):
        try:
            start.wait()
            application.decide(Decision.NOMINATE, by=secretariat)
            outcomes.append("nominated")
        except DecisionRefused as refusal:
            outcomes.append(str(refusal))
        finally:
            close_old_connections()
            if connection.vendor != "sqlite":
                connection.close()

    threads = [threading.Thread(target=nominate, args=(c,)) for c in candidates]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes)[0].startswith("Task Force A1 already has a nominated Leader")
    assert sorted(outcomes)[1] == "nominated"
    assert Application.objects.nominated().count() == 1
    assert ApplicationEvent.objects.filter(to_status=S.NOMINATED).count() == 1


def test_a_decision_on_an_outdated_copy_is_refused_and_the_history_stays_true():
    application = candidacy(role=MEMBER)
    same_application = Application.objects.get(pk=application.pk)
    secretariat = secretariat_user()
    application.decide(Decision.ACCEPT, by=secretariat)
    with pytest.raises(DecisionRefused, match="Someone else changed"):
        same_application.decide(Decision.DECLINE, by=secretariat)
    assert list(application.events.values_list("to_status", flat=True)) == [S.ACCEPTED]


def test_reopening_is_refused_when_the_applicant_has_applied_again():
    user = visitor_user()
    declined = apply(user, status=S.DECLINED)
    apply(user)
    with pytest.raises(DecisionRefused, match="another open application to Task Force A1"):
        declined.decide(Decision.REOPEN, by=secretariat_user())


def test_the_applicant_is_told_in_the_language_they_applied_in(django_capture_on_commit_callbacks):
    application = apply(visitor_user(), language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        decisions.decide(application, Decision.ACCEPT, by=secretariat_user(), note="Note interne")
    (message,) = mail.outbox
    assert message.to == ["victor@example.org"]
    assert "Task Force A1" in message.subject
    assert "acceptée" in message.body or "accepté" in message.body
    assert "Note interne" not in message.body, "the note stays internal unless chosen"
    assert f"/fr/my-applications/{application.pk}/" in message.body


@pytest.mark.parametrize(
    "decision, words",
    [
        (Decision.SHORTLIST, "has been shortlisted"),
        (Decision.NOMINATE, "you have been nominated Task Force Leader of Task Force A1"),
        (Decision.NOT_SELECT, "was not selected"),
    ],
)
def test_each_decision_has_its_own_e_mail(django_capture_on_commit_callbacks, decision, words):
    application = candidacy()
    with django_capture_on_commit_callbacks(execute=True):
        decisions.decide(
            application, decision, by=secretariat_user(), note="Strong profile", tell_note=True
        )
    (message,) = mail.outbox
    assert words in message.body
    assert "A note from the Executive Secretariat:\nStrong profile" in message.body


def test_a_failing_mail_server_keeps_the_decision(django_capture_on_commit_callbacks, settings):
    settings.EMAIL_BACKEND = BROKEN_MAIL_BACKEND
    application = candidacy(role=MEMBER)
    with django_capture_on_commit_callbacks(execute=True):
        decisions.decide(application, Decision.ACCEPT, by=secretariat_user())
    application.refresh_from_db()
    assert application.status == S.ACCEPTED


def test_bulk_decisions_decide_each_and_report_the_refused():
    secretariat = secretariat_user()
    waiting = [apply(visitor_user(f"member{n}")) for n in range(3)]
    already_accepted = Application.objects.get(pk=waiting[2].pk)
    already_accepted.decide(Decision.ACCEPT, by=secretariat)
    decided, refused = decisions.decide_many(waiting, Decision.ACCEPT, by=secretariat)
    assert decided == waiting[:2]
    assert [application for application, _reason in refused] == [waiting[2]]
    assert Application.objects.filter(status=S.ACCEPTED).count() == 3
