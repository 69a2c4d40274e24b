"""The Secretariat goes from an application in the inbox to its Task Force's space, in the
admin's language when the site has it."""

import pytest
from django.utils.translation import override
from wagtail.users.models import UserProfile

from taskforce_forms.spaces.links import space_url

from ..factories import apply, secretariat_user, sign_in_with_second_factor
from .people import team_member

pytestmark = pytest.mark.django_db

LINK_TEXT = "Open the Task Force's space"


def inspect(client, application):
    url = f"/admin/taskforce_forms/application/inspect/{application.pk}/"
    return client.get(url).content.decode()


def test_an_application_leads_the_secretariat_to_its_task_forces_space(client):
    application = team_member().applications.get()
    sign_in_with_second_factor(client, secretariat_user())
    html = inspect(client, application)
    assert f'<a href="/en/spaces/a1/">{LINK_TEXT}</a>' in html
    assert client.get("/en/spaces/a1/").status_code == 200


def test_the_link_is_there_before_the_applicant_is_a_member(client):
    application = apply(team_member("bruno", code="B1"), "C3")
    sign_in_with_second_factor(client, secretariat_user())
    assert 'href="/en/spaces/c3/"' in inspect(client, application)


def test_the_space_opens_in_the_admins_language(client):
    application = team_member().applications.get()
    sam = secretariat_user()
    profile = UserProfile.get_for_user(sam)
    profile.preferred_language = "ar"
    profile.save()
    sign_in_with_second_factor(client, sam)
    assert 'href="/ar/spaces/a1/"' in inspect(client, application)


def test_an_admin_language_the_site_lacks_opens_the_space_in_the_default_one():
    with override("de"):
        assert space_url("A1") == "/en/spaces/a1/"
    with override("zh-hans"):
        assert space_url("A1") == "/zh-hans/spaces/a1/"
