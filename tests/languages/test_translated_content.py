"""Every page in the visitor's language: no sentence of the English page is shown, word for
word, on any of its five translations, and every page describes itself to search engines."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from wagtail.models import Locale, Page

pytestmark = pytest.mark.django_db

TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")


class VisibleText(HTMLParser):
    """The texts a visitor reads (and the page's description), one per element."""

    def __init__(self):
        super().__init__()
        self.texts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("script", "style"):
            self.skipping += 1
        if tag == "meta" and attributes.get("name") == "description":
            self.texts.append(attributes.get("content") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.texts.append(" ".join(data.split()))


def visible_text(response):
    parser = VisibleText()
    parser.feed(response.content.decode())
    return parser.texts


def sentences(texts, words=6):
    """The sentences of `words` words or more."""
    found = set()
    for text in texts:
        for sentence in SENTENCE_END.split(text):
            if len(sentence.split()) >= words:
                found.add(sentence)
    return found


def english_pages():
    return Page.objects.filter(locale=Locale.get_default(), depth__gt=1).specific()


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_english_sentence_is_shown_on_a_translated_page(client, language):
    locale = Locale.objects.get(language_code=language)
    checked = 0
    for page in english_pages():
        english = sentences(visible_text(client.get(page.url)))
        translation = page.get_translation(locale)
        shown = " ".join(visible_text(client.get(translation.url)))
        left_in_english = [sentence for sentence in english if sentence in shown]
        assert left_in_english == [], (translation.url, left_in_english[:3])
        checked += 1
    assert checked == 32


def test_every_page_describes_itself_in_every_language(client):
    descriptions = set()
    for page in Page.objects.filter(depth__gt=1).specific():
        html = client.get(page.url).content.decode()
        match = re.search(r'<meta name="description" content="([^"]+)">', html)
        assert match, page.url
        assert page.search_description and len(page.search_description) <= 200, page.url
        descriptions.add(match.group(1))
    assert len(descriptions) == 32 * 6, "each page and language has its own description"
