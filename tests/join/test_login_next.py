"""Where logging in leads: back to the page the visitor came from, kept through the language
switcher, never to another site and never to the login page itself (whose links would nest
`?next=` once more with every click)."""

import re

import pytest

from ..factories import PASSWORD, visitor_user

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"
NESTED = "/en/accounts/login/?next=/en/accounts/login/%3Fnext%3D/en/task-forces/"


def hidden_next(html):
    return re.search(r'<input type="hidden" name="next" value="([^"]*)"', html).group(1)


def log_in(client, url, next_url):
    user = visitor_user()
    return client.post(url, {"username": user.username, "password": PASSWORD, "next": next_url})


def test_a_page_offers_to_log_in_and_come_back(client):
    html = client.get("/en/task-forces/").content.decode()
    assert 'href="/en/accounts/login/?next=/en/task-forces/"' in html


def test_the_login_page_does_not_offer_to_log_in_again(client):
    html = client.get(f"{LOGIN}?next=/en/task-forces/").content.decode()
    assert 'class="account-menu"' not in html
    assert "next=/en/accounts/login/" not in html
    assert "%3Fnext%3D" not in html
    assert hidden_next(html) == "/en/task-forces/"


def test_the_language_switcher_keeps_where_to_go_after_logging_in_in_that_language(client):
    html = client.get(f"{LOGIN}?next=/en/task-forces/goal-c/c3/").content.decode()
    assert 'href="/fr/accounts/login/?next=/fr/task-forces/goal-c/c3/"' in html
    assert 'href="/ar/accounts/login/?next=/ar/task-forces/goal-c/c3/"' in html
    response = log_in(client, "/fr/accounts/login/", "/fr/task-forces/goal-c/c3/")
    assert response["Location"] == "/fr/task-forces/goal-c/c3/"


def test_the_language_switcher_leaves_a_foreign_next_as_it_is(client):
    html = client.get(f"{LOGIN}?next=https://elsewhere.example/").content.decode()
    assert 'href="/fr/accounts/login/?next=https%3A//elsewhere.example/"' in html


def test_a_chain_of_login_pages_leads_to_the_page_at_its_end(client):
    assert hidden_next(client.get(NESTED).content.decode()) == "/en/task-forces/"
    response = log_in(client, NESTED, "/fr/accounts/login/?next=/en/task-forces/")
    assert response["Location"] == "/en/task-forces/"


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "javascript:alert(1)",
        LOGIN,
        "/ar/accounts/login/",
        "/en/accounts/%6Cogin/",
        "/en/accounts/login/?next=https://evil.example/",
    ],
)
def test_an_unsafe_or_looping_next_is_not_followed(client, next_url):
    assert hidden_next(client.get(LOGIN, {"next": next_url}).content.decode()) == ""
    response = log_in(client, LOGIN, next_url)
    assert response["Location"] == "/en/my-applications/"


def test_a_logged_in_visitor_sent_to_the_login_page_is_not_sent_round_in_a_loop(client):
    client.force_login(visitor_user())
    response = client.get(LOGIN, {"next": LOGIN})
    assert response.status_code == 302
    assert response["Location"] == "/en/my-applications/"
