"""The public site answers GET and HEAD, and POST where a form posts; any other method gets 405
with the `Allow` header, before the CSRF check (home.methods). The admin is Wagtail's."""

import pytest
from django.test import Client

from ..factories import apply, partner_user, sign_in_with_second_factor

pytestmark = pytest.mark.django_db

READ = "GET, HEAD"
FORM = "GET, HEAD, POST"
# Every kind of public URL and the methods it answers; "{pk}" is one of the user's applications.
PUBLIC_URLS = [
    ("/en/", READ),
    ("/en/task-forces/", READ),
    ("/en/task-forces/goal-a/", READ),
    ("/ar/task-forces/goal-c/c3/", READ),
    ("/en/no-such-page/", READ),
    ("/en/search/?query=carbon", READ),
    ("/sitemap.xml", READ),
    ("/robots.txt", READ),
    ("/favicon.ico", READ),
    ("/health/", READ),
    ("/health/alive/", READ),
    ("/fr/accounts/login/", FORM),
    ("/en/accounts/logout/", "POST"),
    ("/en/accounts/request-login/", FORM),
    ("/en/accounts/request-login/sent/", READ),
    ("/en/accounts/password/reset/", FORM),
    ("/en/accounts/password/reset/sent/", READ),
    ("/en/accounts/password/change/", FORM),
    ("/en/accounts/profile/", FORM),
    ("/en/join/a1/", FORM),
    ("/en/join/a1/role/", FORM),
    ("/en/join/a1/sent/", READ),
    ("/en/my-applications/", READ),
    ("/en/my-applications/{pk}/", READ),
    ("/en/my-applications/{pk}/withdraw/", FORM),
    ("/i18n/setlang/", FORM),
]
OTHER_METHODS = ["PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]


@pytest.fixture
def signed_in():
    """A logged-in client that enforces CSRF as a browser's request would meet it."""
    client = Client(enforce_csrf_checks=True)
    user = partner_user()
    client.force_login(user)
    client.application = apply(user, "A1")
    return client


def url_for(client, template):
    return template.format(pk=client.application.pk)


@pytest.mark.parametrize("method", OTHER_METHODS)
@pytest.mark.parametrize("template, allowed", PUBLIC_URLS)
def test_other_methods_are_not_allowed(signed_in, template, allowed, method):
    response = signed_in.generic(method, url_for(signed_in, template))
    assert response.status_code == 405, response.status_code
    assert response["Allow"] == allowed


@pytest.mark.parametrize(
    "template, allowed", [(url, allowed) for url, allowed in PUBLIC_URLS if "POST" not in allowed]
)
def test_a_post_to_a_page_without_a_form_is_not_allowed(signed_in, template, allowed):
    response = signed_in.post(url_for(signed_in, template))
    assert response.status_code == 405
    assert response["Allow"] == allowed


@pytest.mark.parametrize(
    "template, allowed", [(url, allowed) for url, allowed in PUBLIC_URLS if "GET" in allowed]
)
def test_the_allowed_reads_still_answer(signed_in, template, allowed):
    url = url_for(signed_in, template)
    assert signed_in.get(url).status_code in (200, 302, 404)
    assert signed_in.head(url).status_code in (200, 302, 404)


def test_an_anonymous_put_is_refused_before_the_login_redirect(client):
    response = client.put("/en/join/a1/role/")
    assert response.status_code == 405
    assert response["Allow"] == FORM


def test_the_admin_is_left_to_wagtail(client, admin_user):
    sign_in_with_second_factor(client, admin_user)
    assert client.get("/admin/").status_code == 200
    assert client.options("/admin/").status_code != 405
