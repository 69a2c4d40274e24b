"""Whatever a visitor types in the search box, the search page answers: results or "nothing
matched", never a server error, in every language, on SQLite and on PostgreSQL.

Quotes, brackets, the full-text engines' operators and NUL reach the backend as plain words or
not at all; a query that finds a page still finds it when wrapped in such characters.
"""

import pytest
from django.conf import settings
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from search.ranking import MAX_QUERY_LENGTH, query_words, typed_query
from search.templatetags.search_tags import highlight

from .test_search import result_urls

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# What a web scanner sent, each of which answered 500 before.
SCANNER_QUERIES = [
    '"(',
    '" or sleep(7)#1',
    '</title><object data="javascript:alert(1)">',
    "a\x00b",
    'carbon"',
    'data:"x',
]
FTS_SYNTAX = ["AND", "OR", "NOT", "NEAR", "NEAR(", "*", "^", ":", "(", ")", '"', "{", "}", "-", "+"]
# Characters that are syntax to a full-text engine, or that no index holds.
SEPARATORS = "\"*^:(){}[]+-<>=#'\\/%_.,;!?&|~\x00\t\n "
# A query that finds a page, in each language.
KNOWN = {
    "en": ("C3", "/en/task-forces/goal-c/c3/"),
    "fr": ("CDN", "/fr/task-forces/goal-a/a1/"),
    "es": ("CDN", "/es/task-forces/goal-a/a1/"),
    "ar": ("المساهمات المحددة وطنياً", "/ar/task-forces/goal-a/a1/"),
    "zh-hans": ("土壤有机碳", "/zh-hans/task-forces/goal-a/a1/"),
    "ru": ("ОНУВ", "/ru/task-forces/goal-a/a1/"),
}

characters = st.characters(exclude_categories=["Cs"])  # lone surrogates cannot be sent
fts_text = st.lists(
    st.one_of(st.sampled_from(FTS_SYNTAX), st.text(characters, max_size=5)), max_size=20
).map(" ".join)
any_query = st.one_of(
    st.text(characters, max_size=300),
    fts_text,
    st.sampled_from(SCANNER_QUERIES),
    st.text(characters, min_size=1, max_size=3).map(lambda unit: (unit * 10_000)[:10_000]),
)
separators = st.text(st.sampled_from(SEPARATORS), min_size=1, max_size=6)


def search(client, language, query):
    return client.get(f"/{language}/search/", {"query": query})


class AnyQueryProperties(TestCase):
    """Each example in its own transaction: a search counts a hit for its query."""

    @given(language=st.sampled_from(LANGUAGES), query=any_query)
    def test_any_query_gets_results_or_nothing_matched(self, language, query):
        response = search(self.client, language, query)
        assert response.status_code == 200
        html = response.content.decode()
        shown = typed_query(query)
        assert ('role="status"' in html) == bool(shown), "the count, or the prompt to type"
        assert "\x00" not in html

    @given(language=st.sampled_from(LANGUAGES), data=st.data())
    def test_a_query_wrapped_in_syntax_still_finds_its_page(self, language, data):
        query, expected = KNOWN[language]
        words = query.split()
        wrapped = data.draw(separators)
        for word in words:
            wrapped += word + data.draw(separators)
        response = search(self.client, language, wrapped[:MAX_QUERY_LENGTH])
        assert response.status_code == 200
        assert expected in result_urls(response), wrapped


@pytest.mark.django_db
@pytest.mark.parametrize("query", SCANNER_QUERIES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_what_a_scanner_sends_gets_an_answer(client, language, query):
    response = search(client, language, query)
    assert response.status_code == 200
    assert 'role="status"' in response.content.decode()


@pytest.mark.django_db
def test_the_query_is_shown_back_as_typed_without_control_characters(client):
    html = search(client, "en", '"carbon\x00 (soil)').content.decode()
    assert 'value="&quot;carbon (soil)"' in html
    assert "<mark>carbon</mark>" in html.lower(), "the words are still found and marked"


def test_the_backend_receives_words_only():
    assert query_words('</title><object data="javascript:alert(1)">') == [
        "title",
        "object",
        "data",
        "javascript",
        "alert",
        "1",
    ]
    assert query_words('" or sleep(7)#1') == ["or", "sleep", "7", "1"]
    assert query_words("a\x00b") == ["a", "b"]
    assert query_words("car\u00adbon وطنياً C3.") == ["carbon", "وطنياً", "C3"]


def test_a_marked_word_never_breaks_the_escaping():
    assert highlight('Soils & "carbon" <now>', ["amp", "quot", "lt", "carbon"]) == (
        "Soils &amp; &quot;<mark>carbon</mark>&quot; &lt;now&gt;"
    )
