"""Translations that cannot go stale unseen: publishing an English page republishes its
translations, a new text shows in English and marked; the report and the page's editor say
which translation lags, and how."""

import re
from datetime import timedelta

import pytest
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from strategy_pages.models import ObjectivePage

from ..factories import editor_user

pytestmark = pytest.mark.django_db

TRANSLATED = ["ar", "es", "fr", "ru", "zh-hans"]
NEW_STATEMENT = "By 2030, one hundred funders have signed the soil investment pledge."


def english(code):
    return ObjectivePage.objects.get(code=code, locale__language_code="en")


@pytest.fixture
def client(client, db):
    """An editor's browser: the admin's screens, and the public pages."""
    client.force_login(editor_user())
    return client


def add_statement(page, milestone_index, text):
    """What an editor does in the admin: a statement added to a column, then Publish."""
    page.targets[milestone_index].value["statements"].append(text)
    page.save_revision().publish()


def report_row(client, page):
    html = client.get("/admin/reports/translations/").content.decode()
    return html[html.index(f"/admin/pages/{page.pk}/edit/") :].split("</tr>")[0]


def test_a_statement_published_in_english_reaches_every_translation_at_once(client):
    c3 = english("C3")
    add_statement(c3, 1, NEW_STATEMENT)
    for language in TRANSLATED:
        html = client.get(f"/{language}/task-forces/goal-c/c3/").content.decode()
        assert f'<li dir="auto" lang="en">{NEW_STATEMENT}</li>' in html, language
        assert 'class="notice"' in html, "the visitor is told part of the page is in English"
        assert html.count('dir="auto" lang="en"') == 1, "the translated statements stay translated"


def test_the_report_and_the_editor_show_the_new_text_to_translate(client):
    c3 = english("C3")
    add_statement(c3, 1, NEW_STATEMENT)
    row = report_row(client, c3)
    assert row.count('<td class="translation-partial">') == len(TRANSLATED)
    assert re.search(r"(\d+) of \1 texts translated", row) is None
    editor = client.get(f"/admin/pages/{c3.pk}/edit/").content.decode()
    panel = editor[editor.index('class="translation-status"') :].split("</dl>")[0]
    assert panel.count('class="translation-partial"') == len(TRANSLATED)


def test_a_sync_without_publishing_shows_as_synced_not_published(client):
    """wagtail-localize's “Sync translated pages” with its default: the translations are not
    republished, and the report says so instead of “Complete”."""
    b2 = english("B2")
    source = TranslationSource.objects.get(object_id=b2.translation_key, locale=b2.locale)
    response = client.post(f"/admin/localize/update/{source.pk}/", {})
    assert response.status_code == 302
    row = report_row(client, b2)
    assert row.count('<td class="translation-not_published">') == len(TRANSLATED)
    assert "Synced, not published" in row


def test_an_english_page_published_after_the_last_sync_is_out_of_date(client):
    """As when a page was published before translations followed it automatically."""
    b2 = english("B2")
    TranslationSource.objects.filter(object_id=b2.translation_key).update(
        last_updated_at=b2.last_published_at - timedelta(days=1)
    )
    assert report_row(client, b2).count('<td class="translation-out_of_date">') == len(TRANSLATED)


def test_a_translation_taken_out_of_sync_is_left_as_its_translator_made_it(client):
    c3 = english("C3")
    french = c3.get_translation(Locale.objects.get(language_code="fr"))
    source = TranslationSource.objects.get(object_id=c3.translation_key, locale=c3.locale)
    source.translations.filter(target_locale=french.locale).update(enabled=False)
    revisions = french.revisions.count()
    add_statement(c3, 1, NEW_STATEMENT)
    assert french.revisions.count() == revisions
    assert NEW_STATEMENT not in client.get(french.url).content.decode()


def test_the_reports_menu_has_one_translations_entry(client):
    html = client.get("/admin/").content.decode()
    assert "/admin/reports/translations/" in html
    assert "/admin/localize/reports/translations/" not in html
    report = client.get("/admin/reports/translations/").content.decode()
    assert "/admin/localize/reports/translations/" in report, "ours links to wagtail-localize's"


def test_the_editor_panel_is_on_english_pages_only(client):
    a1 = english("A1")
    arabic = a1.get_translation(Locale.objects.get(language_code="ar"))
    assert "translation-status" in client.get(f"/admin/pages/{a1.pk}/edit/").content.decode()
    response = client.get(f"/admin/pages/{arabic.pk}/edit/")
    assert response.status_code == 200, "wagtail-localize's translation editor"
    assert "translation-status" not in response.content.decode()

