"""The join form's first step, rendered once for everyone offered the same roles: each visitor
still gets their own CSRF token and account menu, their own answers and their own messages."""

import re

import pytest
from django.test import Client

from ..factories import partner_user, visitor_user
from .steps import post_step, step_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

CSRF_FIELD = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)">')
PARTNERS_ONLY = "Only people from an organization that is a partner"


def signed_in(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def csrf_token(html):
    """The join form's CSRF token (the account menu's logout form has one too)."""
    (token,) = CSRF_FIELD.findall(html.split('class="wizard-form"')[1])
    return token


def test_the_first_step_is_rendered_once_for_everyone_offered_the_same_roles():
    paula, pierre = signed_in(partner_user()), signed_in(partner_user("pierre"))
    first, second = paula.get(step_url("role")), pierre.get(step_url("role"))
    step = "taskforce_forms/join/step.html"
    assert step in [template.name for template in first.templates]
    assert step not in [template.name for template in second.templates]  # from the cache
    first_html, second_html = first.content.decode(), second.content.decode()
    assert csrf_token(first_html) != csrf_token(second_html)
    assert "Paula Tester" in first_html and "Paula Tester" not in second_html
    without_visitor = [
        CSRF_FIELD.sub("", html).replace("Paula Tester", "").replace("Pierre Tester", "")
        for html in (first_html, second_html)
    ]
    assert without_visitor[0] == without_visitor[1]


def test_its_csrf_field_carries_the_visitors_own_token():
    client, pierre = signed_in(partner_user()), signed_in(partner_user("pierre"))
    pierre.get(step_url("role"))  # renders the shared step
    html = client.get(step_url("role")).content.decode()
    response = post_step(client, "role", {"role": "leader"}, csrfmiddlewaretoken=csrf_token(html))
    assert response.status_code == 302
    assert response["Location"] == step_url("qualification")


def test_partners_and_the_others_are_each_offered_their_own_roles():
    assert PARTNERS_ONLY not in signed_in(partner_user()).get(step_url("role")).content.decode()
    assert PARTNERS_ONLY in signed_in(visitor_user()).get(step_url("role")).content.decode()
    assert (
        PARTNERS_ONLY
        not in signed_in(partner_user("pierre")).get(step_url("role")).content.decode()
    )


def test_a_visitor_coming_back_finds_their_answer_not_the_shared_step(client):
    client.force_login(partner_user())
    signed_in(partner_user("pierre")).get(step_url("role"))  # renders the shared step
    post_step(client, "role", {"role": "leader"})
    html = client.get(step_url("role")).content.decode()
    assert re.search(r'<input type="radio" name="role-role" value="leader"[^>]* checked', html)


def test_a_message_for_the_visitor_is_shown_on_the_first_step(client):
    client.force_login(partner_user())
    signed_in(partner_user("pierre")).get(step_url("role"))  # renders the shared step
    # A post without the form's step: "expired or sent twice", then back to the first step.
    response = client.post(step_url("role"), {"role-role": "leader"}, follow=True)
    assert "This form had expired or was sent twice." in response.content.decode()
