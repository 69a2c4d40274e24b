"""Which pages answer a search, in which order, and the words to show from each.

Wagtail's search backend (SQLite FTS5 or PostgreSQL full-text search) finds the matching pages
of the visitor's language, with its stemming. Neither backend splits Chinese (or Japanese)
text into words, so for such queries the pages whose text contains the query are added. The
order then follows what visitors look for first: an objective by its code or label, then by
its title, then by its description or targets; then goals; then the strategy and the rest.

Whatever a visitor types, the backend receives words only (`query_words`): a quote, a bracket
or a NUL typed in the search box is never read as the backend's syntax.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import strip_tags
from wagtail.models import Locale, Page

from strategy_pages.models import GoalPage, ObjectivePage

MAX_QUERY_LENGTH = 100
SNIPPET_LENGTH = 220
UNSEGMENTED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


@dataclass
class Result:
    page: Page
    tier: int
    snippet: str


def typed_query(text):
    """The query as the page shows it back: what was typed, on one line, without control
    characters (a NUL cannot be shown, nor stored by PostgreSQL), at most MAX_QUERY_LENGTH."""
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def query_words(query):
    """The words of a query as a full-text index holds them: runs of letters, marks and digits.

    Punctuation, symbols and control characters separate words: neither backend indexes them,
    and some are syntax to one (SQLite's FTS5 fails on an unbalanced `"`, reads `data:` as a
    column filter). Invisible format characters (a soft hyphen, a zero-width joiner) are dropped.
    """
    characters = []
    for character in query:
        category = unicodedata.category(character)
        if category[0] in "LMN":
            characters.append(character)
        elif category != "Cf":
            characters.append(" ")
    return "".join(characters).split()


def search_terms(query):
    """The query's words, case-folded, to compare with a page's texts and to mark them."""
    return [word.casefold() for word in query_words(query)]


def language_pages():
    return Page.objects.live().filter(locale=Locale.get_active())


def ranked_results(query):
    """The visitor's language's pages matching `query`, best first."""
    words = query_words(query[:MAX_QUERY_LENGTH])
    if not words:
        return []
    terms = [word.casefold() for word in words]
    matching = language_pages().search(" ".join(words), operator="and")
    found = specific_in_order([page.pk for page in matching])
    if UNSEGMENTED_SCRIPT.search(query):
        seen = {page.pk for page in found}
        found += [
            page
            for page in language_pages().specific()
            if page.pk not in seen and all(term in page_text(page) for term in terms)
        ]
    results = [Result(page, tier(page, terms), snippet(page, terms)) for page in found]
    return sorted(results, key=lambda result: result.tier)


def specific_in_order(ids):
    """The pages with `ids`, as their specific types, in that order, in a query per type."""
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [pages[pk] for pk in ids if pk in pages]


def tier(page, terms):
    def has(text):
        text = (text or "").casefold()
        return any(term in text for term in terms)

    if isinstance(page, ObjectivePage):
        if page.code.casefold() in terms or has(page.label):
            return 0
        if has(page.title):
            return 1
        return 2
    if isinstance(page, GoalPage):
        return 3
    return 4


def page_texts(page):
    """The texts of a page a visitor reads, in the order worth quoting from."""
    texts = [page.title]
    for name in ("label", "lead", "statement", "description"):
        texts.append(getattr(page, name, "") or "")
    for block in getattr(page, "targets", []) or []:
        texts.extend(block.value["statements"])
    for name in ("intro", "body"):
        texts.append(strip_tags(str(getattr(page, name, "") or "")))
    for block in getattr(page, "join_steps", []) or []:
        texts.extend([block.value["title"], strip_tags(str(block.value["text"]))])
    for block in getattr(page, "roles", []) or []:
        texts.extend([block.value["name"], *block.value["responsibilities"]])
    return [text for text in texts if text]


def page_text(page):
    return " ".join(page_texts(page)).casefold()


def snippet(page, terms):
    """A passage that contains a searched word, the title's words excluded."""
    texts = page_texts(page)[1:]
    for text in texts:
        position = min(
            (text.casefold().find(term) for term in terms if term in text.casefold()),
            default=-1,
        )
        if position >= 0:
            start = max(0, position - SNIPPET_LENGTH // 3)
            passage = text[start : start + SNIPPET_LENGTH]
            return (
                ("…" if start else "")
                + passage
                + ("…" if start + SNIPPET_LENGTH < len(text) else "")
            )
    return texts[0][:SNIPPET_LENGTH] if texts else ""
