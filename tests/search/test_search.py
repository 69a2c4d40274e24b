"""Site search: the visitor's language only, objectives by code and label first, words marked,
pages of results, editors' picks, a helpful empty page; on SQLite and on PostgreSQL."""

import re

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from strategy_pages.models import ObjectivePage, StrategyPage

pytestmark = pytest.mark.django_db


def result_urls(response):
    return re.findall(r'<h2><a href="([^"]+)"', response.content.decode())


def test_results_come_from_the_visitors_language_only(client):
    for language in ("en", "fr", "ru"):
        urls = result_urls(client.get(f"/{language}/search/", {"query": "NDC"}))
        urls += result_urls(client.get(f"/{language}/search/", {"query": "carbon"}))
        assert urls
        assert all(url.startswith(f"/{language}/") for url in urls), (language, urls)


def test_an_objective_code_finds_that_objective_first(client):
    assert result_urls(client.get("/en/search/", {"query": "C3"}))[0] == (
        "/en/task-forces/goal-c/c3/"
    )


def test_a_label_ranks_before_titles_and_descriptions(client):
    urls = result_urls(client.get("/en/search/", {"query": "NDCs"}))
    assert urls[0] == "/en/task-forces/goal-a/a1/", "A1's label is “NDCs”"


def test_goals_come_after_objectives_and_the_strategy_last(client):
    urls = result_urls(client.get("/en/search/", {"query": "Task Force"}))
    kinds = [
        "objective" if url.count("/") == 5 else "goal" if "goal-" in url else "other"
        for url in urls
    ]
    assert kinds == sorted(kinds, key=["objective", "goal", "other"].index)


def test_the_searched_words_are_marked_and_escaped(client):
    html = client.get("/en/search/", {"query": "carbon"}).content.decode()
    assert "<mark>carbon</mark>" in html.lower()
    html = client.get("/en/search/", {"query": "<b>carbon</b>"}).content.decode()
    assert "<b>carbon</b>" not in html
    assert "&lt;b&gt;carbon&lt;/b&gt;" in html


def test_results_come_in_pages_of_ten(client):
    first = client.get("/en/search/", {"query": "carbon"})
    assert len(result_urls(first)) == 10
    assert 'rel="next"' in first.content.decode()
    second = client.get("/en/search/", {"query": "carbon", "page": 2})
    assert 'rel="prev"' in second.content.decode()
    assert set(result_urls(first)).isdisjoint(result_urls(second))
    assert client.get("/en/search/", {"query": "carbon", "page": "x"}).status_code == 200


def test_no_result_suggests_the_goals_in_the_visitors_language(client):
    html = client.get("/es/search/", {"query": "xyzzy"}).content.decode()
    assert html.count('href="/es/task-forces/goal-') == 6


@pytest.mark.parametrize(
    "language, query, expected",
    [
        ("zh-hans", "土壤有机碳", "/zh-hans/task-forces/goal-a/a1/"),
        ("zh-hans", "国家自主贡献", "/zh-hans/task-forces/goal-a/a1/"),
        ("fr", "CDN", "/fr/task-forces/goal-a/a1/"),
        ("ru", "ОНУВ", "/ru/task-forces/goal-a/a1/"),
        ("es", "CDN", "/es/task-forces/goal-a/a1/"),
        ("ar", "المساهمات المحددة وطنياً", "/ar/task-forces/goal-a/a1/"),
    ],
)
def test_each_language_finds_its_own_words(client, language, query, expected):
    assert expected in result_urls(client.get(f"/{language}/search/", {"query": query}))


def test_editors_picks_come_first(client):
    strategy = StrategyPage.objects.get(locale=Locale.get_default())
    SearchPromotion.objects.create(
        query=Query.get("join"), page=strategy, sort_order=0, description="How to join"
    )
    html = client.get("/fr/search/", {"query": "join"}).content.decode()
    recommended = html[html.index('id="promoted"') : html.index('role="status"')]
    assert 'href="/fr/task-forces/"' in recommended, "the pick in the visitor's language"
    assert "How to join" in recommended


def test_the_index_follows_publishing(client):
    page = ObjectivePage.objects.get(code="D2", locale=Locale.get_default())
    page.label = "Vermicompost"
    page.save_revision().publish()
    assert result_urls(client.get("/en/search/", {"query": "vermicompost"})) == [page.url]


def test_a_very_long_query_is_cut_not_refused(client):
    assert client.get("/en/search/", {"query": "carbon " * 200}).status_code == 200
