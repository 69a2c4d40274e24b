"""The consent to share one's contact details with the team: given on the join form's review
step, kept in the person's data export, gone with their erasure."""

import pytest

from taskforce_forms.models import Application
from taskforce_forms.privacy.erasure import erase_person
from taskforce_forms.privacy.export import personal_data

from ..factories import secretariat_user, visitor_user
from ..join.steps import post_step, step_url
from .people import A1_SPACE, team_member

pytestmark = pytest.mark.django_db


def apply_as_team_member(client, review):
    post_step(client, "role", {"role": "team_member"})
    post_step(client, "contribution", {"contributions": ["literature"]})
    return post_step(client, "review", {"consent_to_processing": "on", **review})


def test_the_review_step_asks_for_the_consent_unticked(client):
    client.force_login(visitor_user())
    post_step(client, "role", {"role": "team_member"})
    post_step(client, "contribution", {"contributions": ["literature"]})
    html = client.get(step_url("review")).content.decode()
    assert "my e-mail address may be shown to the other members of this Task Force" in html
    assert 'name="review-consent_to_share_contact"' in html
    assert "checked" not in html.split('name="review-consent_to_share_contact"')[1].split(">")[0]


@pytest.mark.parametrize("given", [True, False])
def test_the_consent_given_on_the_review_step_is_stored(client, given):
    user = visitor_user()
    client.force_login(user)
    response = apply_as_team_member(client, {"consent_to_share_contact": "on"} if given else {})
    assert response["Location"] == "/en/join/a1/sent/"
    assert Application.objects.get(user=user).consent_to_share_contact is given


def test_the_data_export_holds_the_consent():
    tamara = team_member(consent_to_share_contact=True)
    [application] = personal_data(tamara)["applications"]
    assert application["consent_to_share_contact"] is True
    tamara.applications.update(consent_to_share_contact=False)
    [application] = personal_data(tamara)["applications"]
    assert application["consent_to_share_contact"] is False


def test_the_erasure_takes_the_person_out_of_the_team(client):
    tamara = team_member(consent_to_share_contact=True)
    application = tamara.applications.get()
    client.force_login(team_member("theo"))
    assert "tamara@example.org" in client.get(A1_SPACE).content.decode()
    erase_person(tamara, by=secretariat_user())
    application.refresh_from_db()
    assert application.consent_to_share_contact is False
    assert "Tamara" not in client.get(A1_SPACE).content.decode()
