"""A backup made while the site runs restores the site exactly; a file that is not a backup of
this site is refused before anything is replaced.

These tests back up and restore the test database itself, with the test's connection open, as
the commands do on a running site. A backup only sees what is committed, so the tests that
change data and restore it commit (transactional tests); the others only read what the session
committed, and check that the database file was not touched."""

import hashlib
import shutil
import sqlite3
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.models import Page

from home import backup
from strategy_pages.choices import Role
from taskforce_forms.models import Application

from ..factories import apply, objective, partner_user

pytestmark = pytest.mark.django_db


def committing(test):
    """A test whose data is committed, on the full strategy (a transactional test)."""
    return pytest.mark.django_db(transaction=True)(pytest.mark.usefixtures("strategy_site")(test))


ON_SQLITE = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
sqlite_only = pytest.mark.skipif(not ON_SQLITE, reason="SQLite's own files and locks")


@pytest.fixture(autouse=True)
def page_cache_generation(settings, tmp_path):
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "generation")
    return tmp_path / "generation"


@pytest.fixture
def aside(tmp_path):
    return tmp_path / "aside"


def database_file():
    """The database's bytes, read without a connection (PostgreSQL: nothing to read)."""
    if not ON_SQLITE:
        return None
    return hashlib.sha256(Path(connection.settings_dict["NAME"]).read_bytes()).hexdigest()


def fingerprint():
    """Every row of every model, as dumpdata writes them (ordered by primary key)."""
    out = StringIO()
    call_command("dumpdata", stdout=out)
    return hashlib.sha256(out.getvalue().encode()).hexdigest()


def counts():
    return {
        "pages": Page.objects.count(),
        "applications": Application.objects.count(),
        "users": get_user_model().objects.count(),
    }


def run(command, *arguments):
    out = StringIO()
    call_command(command, *map(str, arguments), stdout=out)
    return out.getvalue()


def restore(path, aside):
    return run("restore_database", path, "--no-input", "--keep-previous-in", aside)


def site_with_content():
    application = apply(partner_user(), "A1", role=Role.LEADER)
    page = objective("A1")
    page.label = "Soil carbon in NDCs"
    page.save_revision().publish()
    return application


def change_everything(application):
    Application.objects.filter(pk=application.pk).delete()
    page = objective("A1")
    page.label = "Changed after the backup"
    page.save_revision().publish()
    partner_user("newcomer")


@committing
def test_a_restored_backup_is_the_site_as_it_was(tmp_path, aside, page_cache_generation):
    application = site_with_content()
    before, rows = fingerprint(), counts()
    output = run("backup_database", tmp_path / "site.backup")
    assert "Backed up the database to" in output
    assert (tmp_path / "site.backup").stat().st_mode & 0o777 == 0o600

    change_everything(application)
    assert fingerprint() != before
    generation = page_cache_generation.stat().st_mtime_ns
    output = restore(tmp_path / "site.backup", aside)

    assert counts() == rows
    assert fingerprint() == before
    assert objective("A1").label == "Soil carbon in NDCs"
    assert Application.objects.filter(pk=application.pk).exists()
    assert page_cache_generation.stat().st_mtime_ns > generation, "cached pages are forgotten"
    [previous] = aside.iterdir()
    assert f"kept in {previous}" in output
    if ON_SQLITE:
        with sqlite3.connect(previous) as kept:
            assert kept.execute("SELECT 1 FROM auth_user WHERE username = 'newcomer'").fetchone()


@sqlite_only
def test_a_backup_taken_during_another_connections_write_has_only_what_was_committed(tmp_path):
    writer = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE wagtailcore_page SET title = 'Not committed'")
        run("backup_database", tmp_path / "site.sqlite3")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    with sqlite3.connect(tmp_path / "site.sqlite3") as copy:
        titles = {title for (title,) in copy.execute("SELECT title FROM wagtailcore_page")}
    assert "Not committed" not in titles
    assert "Join our Task Forces" in titles


def another_projects_database(path):
    with sqlite3.connect(path) as database:
        database.execute("CREATE TABLE django_migrations (id, app, name, applied)")
        database.execute("INSERT INTO django_migrations VALUES (1, 'blog', '0001_initial', '')")
    return "is not a backup of this site: it has no migrations of home, strategy_pages"


def garbage(path):
    path.write_bytes(b"PGDMP? no: just some bytes, " * 100)
    return "is not a"


def empty(path):
    path.write_bytes(b"")
    return "no such table: django_migrations" if ON_SQLITE else "is not a pg_dump archive"


def truncated_backup(path):
    backup.backup(path)
    with open(path, "r+b") as file:
        file.truncate(path.stat().st_size // 2)
    return "Nothing was replaced"


@pytest.mark.parametrize("make", [garbage, empty, another_projects_database, truncated_backup])
def test_a_file_that_is_not_a_backup_of_this_site_is_refused(make, tmp_path, aside):
    if make is another_projects_database and not ON_SQLITE:
        pytest.skip("a SQLite file")
    before = database_file()
    expected = make(tmp_path / "candidate")
    with pytest.raises(CommandError, match=expected) as refusal:
        restore(tmp_path / "candidate", aside)
    assert "Nothing was replaced" in str(refusal.value)
    assert database_file() == before
    assert not aside.exists()


def test_a_missing_file_is_refused(tmp_path, aside):
    with pytest.raises(CommandError, match="does not exist"):
        restore(tmp_path / "nowhere", aside)


@sqlite_only
def test_the_database_cannot_be_restored_onto_itself(aside):
    with pytest.raises(CommandError, match="is the database itself"):
        restore(connection.settings_dict["NAME"], aside)


@pytest.mark.parametrize("answer", ["no", EOFError])
def test_nothing_is_replaced_unless_the_operator_says_yes(answer, tmp_path, aside, monkeypatch):
    backup.backup(tmp_path / "site.backup")
    before = database_file()

    def reply(prompt):
        assert "This replaces the database" in prompt
        if answer is EOFError:
            raise EOFError
        return answer

    monkeypatch.setattr("builtins.input", reply)
    output = run("restore_database", tmp_path / "site.backup", "--keep-previous-in", aside)
    assert "Restore cancelled" in output
    assert database_file() == before
    assert not aside.exists()


def test_a_failed_backup_leaves_no_file_and_keeps_the_previous_one(tmp_path, monkeypatch):
    target = tmp_path / "site.backup"
    target.write_bytes(b"yesterday's backup")

    def fail(path, connection=None):
        raise backup.BackupRefused("disk full")

    monkeypatch.setattr(backup, "check", fail)
    with pytest.raises(CommandError, match="disk full"):
        run("backup_database", target)
    assert target.read_bytes() == b"yesterday's backup"
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


@sqlite_only
@committing
def test_yes_restores_and_a_backup_of_an_older_version_asks_for_migrate(
    tmp_path, aside, monkeypatch
):
    application = site_with_content()
    current = backup.backup(tmp_path / "site.sqlite3")
    shutil.copy(current, tmp_path / "old.sqlite3")
    with sqlite3.connect(tmp_path / "old.sqlite3") as old:
        old.execute(
            "DELETE FROM django_migrations WHERE app = 'taskforce_forms' "
            "AND name = (SELECT MAX(name) FROM django_migrations WHERE app = 'taskforce_forms')"
        )
    Application.objects.filter(pk=application.pk).delete()
    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    output = run("restore_database", tmp_path / "old.sqlite3", "--keep-previous-in", aside)
    assert Application.objects.filter(pk=application.pk).exists()
    assert "The backup predates 1 migrations of this code: run `manage.py migrate`." in output
    backup.restore(current, keep_previous_in=aside)  # the test database's migrations, as before
