"""Anonymous pages from the cache, and never a stale one: every change is seen at once."""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction

from home import page_cache, visitor_parts
from home.routing import SiteMiddleware
from strategy_pages.choices import Role
from strategy_pages.models import ObjectivePage
from taskforce_forms.inbox import decisions
from taskforce_forms.models import Decision

from ..factories import apply, member_user, partner_user, secretariat_user, visitor_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

A1 = "/en/task-forces/goal-a/a1/"


def test_a_second_visit_is_served_from_the_cache_without_a_query(client, django_assert_num_queries):
    first = client.get(A1)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(A1)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "en"


SECURITY_HEADERS = [
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
]


def test_a_page_from_the_cache_has_the_security_headers_it_was_served_with(client):
    first, second = client.get(A1), client.get(A1)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    for header in SECURITY_HEADERS:
        assert second[header] == first[header], header
    assert "frame-ancestors 'none'" in second["Content-Security-Policy"]


def test_a_long_query_string_makes_a_key_of_fixed_length(rf):
    short = page_cache.cache_key(rf.get(A1), 1)
    long = page_cache.cache_key(rf.get(A1, {"query": "x" * 3000}), 1)
    assert len(long) == len(short) < 250
    assert long != short


def test_static_files_are_left_to_whitenoise(rf):
    middleware = page_cache.PageCacheMiddleware(lambda request: None)
    assert not page_cache.may_be_cached(rf.get("/static/css/site.css"))
    assert middleware(rf.get("/static/css/site.css")) is None


def test_a_published_change_is_visible_on_the_next_request(client):
    client.get(A1)
    page = ObjectivePage.objects.get(code="A1", locale=Locale.get_default())
    page.label = "Soil carbon in NDCs"
    page.save_revision().publish()
    response = client.get(A1)
    assert response["X-Page-Cache"] == "miss"
    assert "Soil carbon in NDCs" in response.content.decode()


def test_an_unpublished_page_is_gone_on_the_next_request(client):
    client.get(A1)
    ObjectivePage.objects.get(code="A1", locale=Locale.get_default()).unpublish()
    assert client.get(A1).status_code == 404


def test_a_nomination_reaches_the_task_force_page_at_once(
    client, django_capture_on_commit_callbacks
):
    candidate = apply(partner_user(), "A1", role=Role.LEADER, consent_to_publication=True)
    assert "Paula Tester" not in client.get(A1).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        decisions.decide(candidate, Decision.NOMINATE, by=secretariat_user())
    assert "Paula Tester" in client.get(A1).content.decode()


def test_a_renamed_nominee_is_renamed_on_the_page(client):
    candidate = apply(
        partner_user(), "A1", role=Role.LEADER, consent_to_publication=True, status="nominated"
    )
    assert "Paula Tester" in client.get(A1).content.decode()
    candidate.user.last_name = "Durand"
    candidate.user.save()
    assert "Paula Durand" in client.get(A1).content.decode()


def test_logging_in_does_not_empty_the_cache(client):
    user = partner_user()
    client.get(A1)
    user.save(update_fields=["last_login"])
    assert client.get(A1)["X-Page-Cache"] == "hit"


def test_a_new_account_does_not_empty_the_cache(client):
    client.get(A1)
    visitor_user()
    assert client.get(A1)["X-Page-Cache"] == "hit"


def test_the_query_string_is_part_of_the_key(client):
    client.get("/en/search/", {"query": "carbon"})
    assert client.get("/en/search/", {"query": "carbon"})["X-Page-Cache"] == "hit"
    other = client.get("/en/search/", {"query": "NDCs"})
    assert other["X-Page-Cache"] == "miss"
    assert "NDCs" in other.content.decode()


def test_search_results_follow_a_publication(client):
    client.get("/en/search/", {"query": "vermicompost"})
    page = ObjectivePage.objects.get(code="D2", locale=Locale.get_default())
    page.label = "Vermicompost"
    page.save_revision().publish()
    assert page.url in client.get("/en/search/", {"query": "vermicompost"}).content.decode()


def test_logged_in_visitors_get_the_shared_page_with_their_own_account_menu(
    client, django_assert_num_queries
):
    paula, manuel = partner_user(), member_user()
    client.get(A1)
    client.force_login(paula)
    client.get(A1)  # her Task Forces (for their spaces' links) are found once per generation
    with django_assert_num_queries(1):  # the session, with its user
        response = client.get(A1)
    assert response["X-Page-Cache"] == "shared hit"
    assert "Paula Tester" in response.content.decode(), "her name in the account menu"
    client.force_login(manuel)
    other = client.get(A1).content.decode()
    assert "Manuel" in other and "Paula" not in other
    client.logout()
    anonymous = client.get(A1).content.decode()
    assert "Manuel" not in anonymous and "Log in" in anonymous


def test_the_join_button_says_to_log_in_only_to_anonymous_visitors(client):
    help_text = "You will be asked to log in first."
    paula = partner_user()
    assert help_text in client.get(A1).content.decode()
    client.force_login(paula)
    response = client.get(A1)
    assert response["X-Page-Cache"] == "shared hit"
    assert help_text not in response.content.decode()


def test_the_logout_form_carries_the_visitors_own_csrf_token(client):
    client.force_login(partner_user())
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(member_user())
    client.get(A1)
    for visitor in (client, csrf_client):
        response = visitor.get(A1)
        assert response["X-Page-Cache"] == "shared hit"
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())
        assert token
    assert (
        csrf_client.post("/en/accounts/logout/", {"csrfmiddlewaretoken": token[1]}).status_code
        == 302
    )
    assert "_auth_user_id" not in csrf_client.session


def test_a_page_only_some_may_see_is_not_shared(client):
    members = Group.objects.create(name="Readers")
    page = ObjectivePage.objects.get(code="A1", locale=Locale.get_default())
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    ).groups.add(members)
    reader, outsider = partner_user(), member_user()
    reader.groups.add(members)
    client.force_login(reader)
    assert client.get(A1).status_code == 200
    assert client.get(A1).get("X-Page-Cache") != "shared hit"
    client.force_login(outsider)
    response = client.get(A1)
    assert response.status_code != 200 or "Paula" not in response.content.decode()
    assert "X-Page-Cache" not in response


def test_a_name_with_braces_and_markup_is_shown_as_typed(client):
    user = partner_user()
    user.first_name, user.last_name = "{0} {}", "<b>Tester</b>"
    user.save()
    client.force_login(user)
    client.get(A1)
    page = client.get(A1).content.decode()
    assert "{0} {} &lt;b&gt;Tester&lt;/b&gt;" in page
    assert re.search(r'name="csrfmiddlewaretoken" value="[\w]{64}"', page)


def test_no_text_a_visitor_types_can_place_a_visitors_part(client):
    marker = visitor_parts.marker("account-menu")
    client.force_login(partner_user())
    page = client.get("/en/search/", {"query": marker}).content.decode()
    assert page.count("Paula Tester") == 1


def test_the_site_comes_from_the_cache_until_a_site_changes(rf, django_assert_num_queries):
    middleware = SiteMiddleware(lambda request: request._wagtail_site)
    site = middleware(rf.get(A1))
    with django_assert_num_queries(0):
        assert middleware(rf.get(A1)) == site
    site.site_name = "Task Forces"
    site.save()
    assert middleware(rf.get(A1)).site_name == "Task Forces"


def test_a_publish_leaves_the_site_and_the_task_forces_people_cached(client):
    """The first render after a publish reads the page again, not its Task Force's roster and
    project ideas, nor the site: a publish changes none of them."""
    client.get(A1)
    page = ObjectivePage.objects.get(code="A1", locale=Locale.get_default())
    page.label = "Soil carbon in NDCs"
    page.save_revision().publish()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(A1)
    assert response["X-Page-Cache"] == "miss"
    assert "Soil carbon in NDCs" in response.content.decode()
    tables = " ".join(query["sql"] for query in queries)
    for table in ("wagtailcore_site", "taskforce_forms_application", "taskforce_forms_projectidea"):
        assert table not in tables


def test_a_move_forgets_the_sites_too(client, django_assert_num_queries):
    """A moved page may be a site's root."""
    middleware = SiteMiddleware(lambda request: request._wagtail_site)
    middleware(RequestFactory().get(A1))
    goal = Page.objects.get(url_path="/home/task-forces/goal-a/")
    goal.move(goal.get_parent(), pos="last-child")
    with django_assert_num_queries(1):
        middleware(RequestFactory().get(A1))


def test_the_cache_holds_every_page_of_the_site(settings):
    """Django's in-memory cache keeps 300 entries unless told: fewer than the site's pages."""
    pages = Page.objects.filter(depth__gt=1).count()
    options = settings.CACHES["default"].get("OPTIONS", {})
    assert "redis" in settings.CACHES["default"]["BACKEND"] or options["MAX_ENTRIES"] >= 4 * pages


def test_other_views_are_not_cached(client):
    client.get("/en/accounts/login/")
    assert "X-Page-Cache" not in client.get("/en/accounts/login/")


def test_every_process_sees_a_new_generation():
    """The generation is a file's modification time, which every worker process reads."""
    before = page_cache.current_generation()
    page_cache.new_generation()
    middle = page_cache.current_generation()
    page_cache.new_generation()
    assert before < middle < page_cache.current_generation()


def test_the_generation_is_renewed_again_when_the_change_is_committed(
    django_capture_on_commit_callbacks,
):
    """A page rendered between the change and its commit shows the data before the change:
    it must not be kept under the new generation."""
    with django_capture_on_commit_callbacks(execute=True):
        page_cache.new_generation()
        before_the_commit = page_cache.current_generation()
    assert page_cache.current_generation() > before_the_commit
