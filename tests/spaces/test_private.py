"""A space is for its members alone: never in a cache, the site's search or its sitemap, in any
language and at any address under `/spaces/`; and a scanner's inputs find a 404 there, never a
server error."""

import re

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.urls import URLResolver, get_resolver
from django.views.decorators.cache import never_cache
from wagtail.search import index

from home import page_cache
from taskforce_forms.models import KnowledgeEntry, KnowledgeKind
from taskforce_forms.spaces.views import SpaceMixin

from ..factories import objective
from .people import leader, team_member

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
TITLE = "Permafrost carbon ledger of Yakutia"
# What each kind of parameter of a space's address is given, to reach every page under it.
PARAMETERS = {"<str:code>": "a1", "<int:pk>": "1", "<str:file_format>": "csv"}


def routes(patterns=None, prefix=""):
    """Every route of the site, as (route, view), its language prefix dropped."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield re.sub(r"^[a-z-]+/", "", prefix + str(pattern.pattern)), pattern.callback


def space_routes():
    return sorted({(route, view) for route, view in routes() if route.startswith("spaces/")})


def space_addresses():
    """An address for each page under `/spaces/`, those yet to come included."""
    addresses = []
    for route, _view in space_routes():
        for parameter, value in PARAMETERS.items():
            route = route.replace(parameter, value)
        assert "<" not in route, f"give {route} a value for its parameter"
        addresses.append(route)
    return addresses


def test_every_page_under_spaces_is_a_space_page():
    """The door (members and the Secretariat only) and `never_cache` are `SpaceMixin`'s: a
    page added under `/spaces/` without it would be open, or cached."""
    views = space_routes()
    assert len(views) >= 4
    for route, view in views:
        assert issubclass(getattr(view, "view_class", type(None)), SpaceMixin), route


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_under_spaces_is_kept_in_any_cache(client, page_cache_on, language):
    client.force_login(leader())
    for address in space_addresses():
        for _visit in range(2):
            response = client.get(f"/{language}/{address}")
            assert response.status_code < 500, address
            assert "X-Page-Cache" not in response, address
            if response.status_code == 200:
                cache_control = response["Cache-Control"]
                assert "private" in cache_control and "no-store" in cache_control, address


def test_no_page_under_spaces_is_kept_for_anonymous_visitors(client, page_cache_on):
    for address in space_addresses():
        response = client.get(f"/en/{address}")
        assert "X-Page-Cache" not in response, address
        assert response.status_code in (302, 404, 405), address


def test_the_page_cache_never_keeps_a_response_that_says_no_store(rf):
    """Whatever a view says of itself, a response its cache headers keep private is not
    stored: a page under `/spaces/` that claimed to be cacheable would still not be."""
    response = never_cache(lambda request: HttpResponse("a colleague's address"))(rf.get("/"))
    response.page_cacheable = response.shared_cacheable = True
    assert not page_cache.storable(response)
    assert not page_cache.storable(response, "shared_cacheable")


def test_nothing_in_a_space_is_indexed_for_the_sites_search():
    assert not issubclass(KnowledgeEntry, index.Indexed)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sites_search_finds_nothing_of_a_space(client, language):
    tamara = team_member()
    KnowledgeEntry.objects.create(
        task_force=objective("A1"),
        author=tamara,
        kind=KnowledgeKind.LITERATURE,
        title=TITLE,
        description="Twelve winters of sampling.",
        source_language="ru",
    )
    client.force_login(tamara)
    for query in (TITLE, "Tamara Tester", "Yakutia"):
        html = client.get(f"/{language}/search/", {"query": query}).content.decode()
        assert "/spaces/" not in html
        assert 'class="search-results"' not in html


def test_no_space_is_in_the_sitemap_in_any_language(client):
    team_member()
    sitemap = client.get("/sitemap.xml").content.decode()
    for language in LANGUAGES:
        assert f"/{language}/task-forces/goal-a/a1/" in sitemap
    assert "/spaces/" not in sitemap


BAD_CODES = [
    "z9",
    "a1'--",
    "a1%00",
    "%00",
    "%ff%fe",
    "..%2f..%2fetc%2fpasswd",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "a" * 3000,
    "%D8%A71",
]
ODD_QUERIES = [
    "kind=%3Cscript%3Ealert(1)%3C/script%3E",
    "kind=%00",
    "kind=literature&kind=funder",
    "kind[]=literature",
    "region=abc",
    "region=-1",
    "region=1e5",
    "region=99999999999999999999999",
    "region=1%00",
    "region=%ff",
    "region=1;DROP TABLE taskforce_forms_knowledgeentry",
    "page=../../../etc/passwd",
    "q=" + "x" * 5000,
    "%00=%00",
    "&&&==&",
]


@pytest.mark.parametrize("code", BAD_CODES)
@pytest.mark.parametrize("address", ["spaces/{}/", "spaces/{}/knowledge.csv"])
def test_a_bad_code_is_not_found(client, code, address):
    client.force_login(leader())
    assert client.get("/en/" + address.format(code)).status_code == 404


@pytest.mark.parametrize("query", ODD_QUERIES)
@pytest.mark.parametrize(
    "address", ["spaces/a1/", "spaces/a1/knowledge.csv", "spaces/a1/knowledge.xlsx"]
)
def test_an_odd_query_string_lists_everything(client, query, address):
    client.force_login(leader())
    assert client.get(f"/en/{address}?{query}").status_code == 200
