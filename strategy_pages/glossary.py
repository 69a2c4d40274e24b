"""The strategy's terminology in each language (`data/glossary.json`), and the check that a
translation uses it.

A term's English forms are matched as whole words, case-sensitively; its forms in another
language are regular expressions, matched case-insensitively, so that inflected languages can
accept every case of one term (Russian “целевая группа”, “целевой группы”…). An English
abbreviation (SOC, NDCs…) left in a translation is a mistake unless the language's forms keep it.
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

GLOSSARY_FILE = Path(__file__).resolve().parent / "data" / "glossary.json"


@dataclass(frozen=True)
class Violation:
    term: str
    source: str
    translation: str
    expected: str

    def __str__(self):
        return (
            f"{self.term}: expected “{self.expected}” in {self.translation!r} "
            f"(source: {self.source!r})"
        )


@cache
def read_glossary(path=GLOSSARY_FILE):
    with open(path, encoding="utf-8") as glossary_file:
        return json.load(glossary_file)["terms"]


def english_pattern(form):
    return re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")


def is_abbreviation(form):
    return form.upper() == form or form[:-1].upper() == form[:-1] and form.endswith("s")


def violations(language, pairs, terms=None):
    """The places where a (source, translation) pair of `language` departs from the glossary."""
    terms = read_glossary() if terms is None else terms
    found = []
    for term_id, term in terms.items():
        usage = term.get(language)
        if not usage:
            continue
        forms = [re.compile(form, re.IGNORECASE) for form in usage["forms"]]
        english = [english_pattern(form) for form in term["en"]]
        foreign_abbreviations = [
            pattern
            for form, pattern in zip(term["en"], english, strict=True)
            if is_abbreviation(form) and not any(f.search(form) for f in forms)
        ]
        for source, translation in pairs:
            if not translation:
                continue
            missing = any(p.search(source) for p in english) and not any(
                f.search(translation) for f in forms
            )
            left_in_english = any(p.search(translation) for p in foreign_abbreviations)
            if missing or left_in_english:
                found.append(Violation(term_id, source, translation, usage["term"]))
    return found
