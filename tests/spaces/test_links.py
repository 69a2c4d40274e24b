"""The ways to a Task Force's space: "My applications" and the objective page, for its members
only, though the objective page is cached once for every visitor."""

import pytest
from django.core.cache import cache

from home import visitor_parts
from taskforce_forms.models import Decision

from ..factories import PASSWORD, secretariat_user, visitor_user
from .people import A1_SPACE, applicant, leader, team_member

pytestmark = pytest.mark.django_db

A1 = "/en/task-forces/goal-a/a1/"
LINK = f'href="{A1_SPACE}"'


@pytest.fixture(autouse=True)
def page_cache_on(settings, tmp_path):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "generation")
    cache.clear()


def test_my_applications_leads_a_member_to_the_space(client):
    user = team_member()
    client.force_login(user)
    assert LINK in client.get("/en/my-applications/").content.decode()
    detail = f"/en/my-applications/{user.applications.get().pk}/"
    assert LINK in client.get(detail).content.decode()


def test_my_applications_has_no_way_to_a_space_before_acceptance(client):
    user = applicant()
    client.force_login(user)
    assert LINK not in client.get("/en/my-applications/").content.decode()
    detail = f"/en/my-applications/{user.applications.get().pk}/"
    assert LINK not in client.get(detail).content.decode()


def test_the_objective_page_shows_the_link_to_its_members_only(client):
    client.get(A1)  # cached for anonymous visitors
    assert LINK not in client.get(A1).content.decode()
    client.force_login(visitor_user())
    client.get(A1)
    response = client.get(A1)
    assert response["X-Page-Cache"] == "shared hit"
    assert LINK not in response.content.decode()
    client.force_login(leader())
    assert client.get(A1)["X-Page-Cache"] == "shared miss"  # a new nomination renews the cache
    response = client.get(A1)
    assert response["X-Page-Cache"] == "shared hit"
    assert LINK in response.content.decode()
    assert LINK not in client.get("/en/task-forces/goal-b/b1/").content.decode()


def test_the_link_is_in_the_visitors_language(client):
    client.force_login(team_member())
    html = client.get("/ar/task-forces/goal-a/a1/").content.decode()
    assert 'href="/ar/spaces/a1/"' in html


def test_the_link_goes_with_the_membership(client):
    user = team_member()
    client.force_login(user)
    client.get(A1)
    assert LINK in client.get(A1).content.decode()
    user.applications.get().decide(Decision.REOPEN, by=secretariat_user())
    assert LINK not in client.get(A1).content.decode()


def test_a_member_gets_the_page_from_the_shared_cache_at_no_query_more(
    client, django_assert_num_queries
):
    client.force_login(team_member())
    client.get(A1)
    with django_assert_num_queries(1):  # the session, with its user
        response = client.get(A1)
    assert response["X-Page-Cache"] == "shared hit"
    assert LINK in response.content.decode()


def test_a_part_with_an_argument_takes_codes_only(rf):
    request = rf.get(A1)
    request.defers_visitor_parts = True
    assert visitor_parts.part(request, "space-link", "A1") == visitor_parts.marker(
        "space-link", "A1"
    )
    with pytest.raises(ValueError):
        visitor_parts.part(request, "space-link", "A1:x-->")


def test_a_member_who_logs_in_from_the_space_link_lands_in_the_space(client):
    user = team_member()
    response = client.get(A1_SPACE)
    assert response.status_code == 302
    response = client.post(response["Location"], {"username": user.username, "password": PASSWORD})
    assert response["Location"] == A1_SPACE


def test_the_profile_leads_to_each_space_with_the_consent_given_there(client):
    user = team_member()
    client.force_login(user)
    html = client.get("/en/accounts/profile/").content.decode()
    assert f'href="{A1_SPACE}#contact-heading"' in html
    assert "Your e-mail address is not shown to its members." in html
    user.applications.get().share_contact(True)
    html = client.get("/en/accounts/profile/").content.decode()
    assert "Your e-mail address is shown to its members." in html


def test_the_profile_of_a_non_member_names_no_space(client):
    client.force_login(applicant())
    assert "/spaces/" not in client.get("/en/accounts/profile/").content.decode()
