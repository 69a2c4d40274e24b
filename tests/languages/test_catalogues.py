"""The interface catalogues: complete, not fuzzy, compiled, and in step with the code."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = [to_locale(code) for code, _name in settings.LANGUAGES if code != "en"]


def catalogue(language, root=ROOT):
    return root / "locale" / language / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    po = polib.pofile(str(catalogue(language)))
    assert po.untranslated_entries() == [], [e.msgid for e in po.untranslated_entries()][:10]
    assert po.fuzzy_entries() == [], [e.msgid for e in po.fuzzy_entries()][:10]
    assert "fuzzy" not in po.metadata_as_entry().flags


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_matches_its_source(language, tmp_path):
    po = polib.pofile(str(catalogue(language)))
    compiled = polib.mofile(str(catalogue(language).with_suffix(".mo")))
    assert {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in compiled if e.msgid} == {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in po.translated_entries()
    }, "run `make messages` and commit the .mo files"


def test_makemessages_would_add_no_message(tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".venv", ".git", "var", "node_modules", "__pycache__"),
    )
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-obsolete", *IGNORES],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    current = {(e.msgctxt, e.msgid) for e in polib.pofile(str(catalogue("fr")))}
    extracted = {(e.msgctxt, e.msgid) for e in polib.pofile(str(catalogue("fr", copy)))}
    assert extracted - current == set(), "run `make messages` and translate the new messages"


IGNORES = ["--ignore=.venv", "--ignore=var", "--ignore=tests", "--ignore=node_modules"]
