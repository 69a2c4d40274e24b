"""Faults during the join form: the database failing while the application is written, and the
login expiring half-way. Nothing is half-written and nothing typed is lost."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.http import HttpResponse

from taskforce_forms.join.storage import DraftStorage
from taskforce_forms.models import Application, ApplicationEvent, JoinDraft, OutgoingMail

from ..factories import PASSWORD, partner_user
from .steps import QUALIFICATION, apply_as_leader, post_step, step_url

pytestmark = pytest.mark.django_db

EVENT_CREATE = "taskforce_forms.join.submission.ApplicationEvent.objects.bulk_create"


@pytest.fixture
def partner(client):
    user = partner_user()
    client.force_login(user)
    return user


def test_a_database_error_while_saving_leaves_nothing_half_written(
    client, partner, django_capture_on_commit_callbacks
):
    locked = OperationalError("database is locked")
    with (
        mock.patch(EVENT_CREATE, side_effect=locked),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = apply_as_leader(client)
    assert response.status_code == 503
    html = response.content.decode()
    assert "Your application could not be saved" in html
    assert "your answers are kept" in html
    assert step_url("review") in html
    assert not Application.objects.exists(), "the application row was rolled back too"
    assert not ApplicationEvent.objects.exists()
    assert not OutgoingMail.objects.exists(), "no e-mail about an application that is not"
    assert JoinDraft.objects.get(user=partner).data, "the draft is kept"


def test_after_a_database_error_sending_again_saves_it_once(client, partner):
    with mock.patch(EVENT_CREATE, side_effect=OperationalError("disk I/O error")):
        apply_as_leader(client)
    response = client.get(step_url("review"))
    assert QUALIFICATION.strip() in response.content.decode(), "every answer is still there"
    response = post_step(
        client, "review", {"consent_to_processing": "on", "consent_to_publication": "on"}
    )
    application = Application.objects.get(user=partner)
    assert response["Location"] == "/en/join/a1/sent/"
    assert application.answers["qualification"] == QUALIFICATION.strip()
    assert application.events.count() == 1


def test_a_step_sent_after_the_login_expired_is_given_back_after_logging_in(client, partner):
    post_step(client, "role", {"role": "leader"})
    client.session.flush()  # the session expires while the user types
    response = post_step(
        client, "qualification", {"qualification": QUALIFICATION, "availability": "all"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=/en/join/a1/qualification/")
    response = client.post(
        response["Location"], {"username": partner.username, "password": PASSWORD}
    )
    assert response["Location"] == step_url("qualification")
    html = client.get(step_url("qualification")).content.decode()
    assert "Your session had expired" in html
    assert QUALIFICATION.strip() in html, "what was typed is back on the form"
    response = post_step(
        client, "review", {"consent_to_processing": "on", "consent_to_publication": "on"}
    )
    assert Application.objects.get(user=partner).answers["qualification"] == QUALIFICATION.strip()


def test_unsent_answers_come_back_only_on_their_own_step(client, partner):
    post_step(client, "role", {"role": "leader"})
    client.logout()
    post_step(client, "qualification", {"qualification": QUALIFICATION, "availability": "all"})
    client.force_login(partner)
    html = client.get(step_url("role")).content.decode()
    assert "Your session had expired" not in html
    html = client.get(step_url("qualification")).content.decode()
    assert QUALIFICATION.strip() in html


def test_a_second_click_on_send_does_not_bring_the_draft_back(rf, partner):
    """Found by `make load`: the first click saves the application and deletes the draft; the
    second click's request, which read the draft before, must not write it again."""
    data = {"step": "review", "step_data": {"role": {"role-role": ["leader"]}}}
    JoinDraft.objects.create(user=partner, key="wizard_join_a1", data={**data, "step_files": {}})
    request = rf.post(step_url("review"))
    request.user = partner
    second_click = DraftStorage("join_a1", request)
    JoinDraft.objects.all().delete()  # the first click's submission
    second_click.update_response(HttpResponse())
    assert not JoinDraft.objects.exists()
