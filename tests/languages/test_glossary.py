"""One terminology per language: the content translations and the interface catalogues use
the glossary's form of every term whose English their source contains."""

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

from strategy_pages.glossary import read_glossary, violations
from strategy_pages.loader import read_translations

from .test_catalogues import catalogue

LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalogue_pairs(language):
    pairs = []
    for entry in polib.pofile(str(catalogue(to_locale(language)))):
        if entry.msgid_plural:
            plurals = sorted(entry.msgstr_plural.items())
            pairs += [(entry.msgid_plural if n else entry.msgid, text) for n, text in plurals]
        else:
            pairs.append((entry.msgid, entry.msgstr))
    return pairs


def test_every_term_has_a_form_in_every_language():
    for term_id, term in read_glossary().items():
        assert term["en"], term_id
        for language in LANGUAGES:
            assert term[language]["term"] and term[language]["forms"], (term_id, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_content_translations_follow_the_glossary(language):
    pairs = read_translations()[language].items()
    assert [str(v) for v in violations(language, pairs)] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_interface_follows_the_glossary(language):
    assert [str(v) for v in violations(language, catalogue_pairs(language))] == []


TERMS = {
    "SOC": {
        "en": ["SOC"],
        "fr": {"term": "COS", "forms": [r"\bCOS\b", "carbone organique du sol"]},
    },
    "task-force": {
        "en": ["Task Force"],
        "ru": {"term": "целевая группа", "forms": [r"целев\w* групп"]},
    },
}


@pytest.mark.parametrize(
    ("language", "source", "translation", "faults"),
    [
        ("fr", "SH and SOC in NDCs", "la santé des sols et le COS dans les CDN", []),
        ("fr", "Soil Organic Carbon (SOC)", "carbone organique du sol", []),
        ("fr", "SH and SOC", "la santé des sols et le SOC", ["SOC"]),
        ("fr", "SH and SOC", "la santé des sols et le carbone du sol", ["SOC"]),
        ("fr", "SOCIAL", "SOCIAL", []),
        ("ru", "the Task Force of A1", "целевой группы A1", []),
        ("ru", "the Task Force of A1", "рабочей группы A1", ["task-force"]),
        ("ru", "Task Force", "", []),
    ],
)
def test_a_translation_departing_from_the_glossary_is_found(language, source, translation, faults):
    found = violations(language, [(source, translation)], TERMS)
    assert [violation.term for violation in found] == faults
