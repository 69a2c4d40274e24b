"""What visitors get: every page in every language, the right lang and dir, bounded queries."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction

from strategy_pages.models import GoalPage, ObjectivePage, StrategyPage

from ..factories import partner_user

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def live_pages():
    return Page.objects.live().filter(depth__gt=1).select_related("locale").order_by("path")


def test_every_page_answers_200_in_every_language(client):
    pages = list(live_pages())
    assert len(pages) == 32 * len(LANGUAGE_CODES)  # home, strategy, 6 goals, 24 objectives
    for page in pages:
        url = page.url
        assert url.startswith(f"/{page.locale.language_code}/"), url
        response = client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_html_lang_and_direction(client, language):
    response = client.get(f"/{language}/task-forces/")
    html = response.content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html


def test_root_redirects_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_the_language_switcher_keeps_the_same_page(client):
    html = client.get("/en/task-forces/goal-c/c3/").content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    for language in LANGUAGE_CODES:
        assert f'href="/{language}/task-forces/goal-c/c3/" hreflang="{language}"' in switcher
    assert (
        '<link rel="alternate" hreflang="ar" href="http://testserver/ar/task-forces/goal-c/c3/">'
        in html
    )


def test_the_strategy_page_lists_steps_roles_and_every_objective(client):
    html = client.get("/en/task-forces/").content.decode()
    assert html.count('class="steps__item"') == 3
    for role in ("Task Force Leader", "Regional Representative", "Team Member"):
        assert f">{role}</h3>" in html
    for objective in ObjectivePage.objects.filter(locale=Locale.get_default()):
        assert f'href="{objective.url}"' in html


def test_a_goal_page_lists_its_objectives_only(client):
    html = client.get("/en/task-forces/goal-e/").content.decode()
    codes = re.findall(r'<span class="code">([A-F]\d)</span>', html)
    assert codes == ["E1", "E2", "E3"]


def test_an_objective_page_has_table_footnotes_join_and_neighbours(client):
    html = client.get("/en/task-forces/goal-c/c3/").content.decode()
    assert "<caption>Targets C3 · Increased investments</caption>" in html
    assert html.count('<th scope="col"') == 3
    assert "Join Task Force C3" in html
    assert 'href="/en/task-forces/goal-c/c2/" rel="prev"' in html
    assert 'href="/en/task-forces/goal-c/c4/" rel="next"' in html
    assert "Referring to the 2018 study about potential funders" in html


def test_previous_and_next_cross_goals(client):
    html = client.get("/en/task-forces/goal-b/b1/").content.decode()
    assert 'href="/en/task-forces/goal-a/a6/" rel="prev"' in html
    first = client.get("/en/task-forces/goal-a/a1/").content.decode()
    assert 'rel="prev"' not in first


# home.routing finds a page in two queries whatever its depth (a third for a page that has view
# restrictions, or whose ancestors have); each page then costs one
# query for its translations, one for the goals and objectives around it, and the objective
# page one for its Task Force's people and one for its project ideas' counts. Logged-in visitors
# add their session, with its user.
PAGE_URLS = [
    "/en/",
    "/en/task-forces/",
    "/en/task-forces/goal-a/",
    "/en/task-forces/goal-a/a1/",
    "/ar/task-forces/goal-c/c3/",
]
MAX_QUERIES = 9


@pytest.mark.parametrize("url", PAGE_URLS)
def test_queries_per_page_are_bounded(client, django_assert_max_num_queries, url):
    client.get(url)  # warm the site root cache, as a running server has it
    with django_assert_max_num_queries(MAX_QUERIES - 2):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", PAGE_URLS)
def test_queries_for_logged_in_visitors_are_bounded(client, django_assert_max_num_queries, url):
    client.force_login(partner_user())
    client.get(url)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url).status_code == 200


def test_queries_do_not_grow_with_the_number_of_objectives(
    client, django_assert_num_queries, django_assert_max_num_queries
):
    url = "/en/task-forces/goal-a/a1/"
    client.get(url)
    with django_assert_max_num_queries(MAX_QUERIES) as before:
        client.get(url)
    queries = len(before.captured_queries)  # read now: each request empties the query log
    goal = GoalPage.objects.get(letter="A", locale=Locale.get_default())
    for number in range(7, 12):
        goal.add_child(
            instance=ObjectivePage(
                title=f"Objective A{number}",
                slug=f"a{number}",
                code=f"A{number}",
                label="More",
                description="More.",
                targets=[
                    {
                        "type": "milestone",
                        "value": {"milestone": "target", "year": 2030, "statements": ["More."]},
                    }
                ],
            )
        )
    for url_to_check in (url, "/en/task-forces/", "/en/task-forces/goal-a/"):
        client.get(url_to_check)
    with django_assert_num_queries(queries):
        client.get(url)


def test_sitemap_lists_every_language(client):
    xml = client.get("/sitemap.xml").content.decode()
    for language in LANGUAGE_CODES:
        assert f"/{language}/task-forces/goal-a/a1/</loc>" in xml


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_404_in_the_sites_look(client):
    response = client.get("/fr/nowhere/")
    assert response.status_code == 404
    assert 'class="site-header"' in response.content.decode()


@override_settings(DEBUG=False)
def test_500_page_in_the_sites_look(client, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(StrategyPage, "get_context", explode)
    client.raise_request_exception = False
    response = client.get("/en/task-forces/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_search_finds_an_objective_in_the_visitors_language(client):
    html = client.get("/en/search/", {"query": "carbon markets"}).content.decode()
    assert "Improve the transparency, accessibility" in html
    assert "/fr/" not in re.sub(
        r'hreflang="fr"[^>]*>', "", html.split('<ol class="search-results"')[1]
    )


def test_goal_pages_show_in_goal_navigation(client):
    html = client.get("/en/task-forces/goal-d/d2/").content.decode()
    nav = html[html.index('class="goal-nav"') :]
    assert (
        nav.count("goal-nav__letter")
        == GoalPage.objects.filter(locale=Locale.get_default()).count()
    )
    assert 'aria-current="true"><span class="goal-nav__letter">D</span>' in nav


@pytest.mark.parametrize("restricted", ["/en/task-forces/goal-a/", "/en/task-forces/goal-a/a1/"])
def test_a_restriction_on_the_page_or_an_ancestor_holds_and_others_cost_no_query(
    client, restricted
):
    page = Page.objects.get(
        url_path__endswith=restricted.removeprefix("/en"), locale__language_code="en"
    )
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/en/task-forces/goal-a/a1/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(partner_user())
    assert client.get("/en/task-forces/goal-a/a1/").status_code == 200
    client.logout()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/task-forces/goal-b/b1/").status_code == 200
    assert not [
        query["sql"]
        for query in queries
        if query["sql"].startswith('SELECT "wagtailcore_pageviewrestriction"')
    ], "no query for restrictions that are not there: the router says so"
