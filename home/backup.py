"""Backing the database up, and restoring it, while the site runs.

SQLite: SQLite's online backup API copies a consistent snapshot however many connections are
open, and restores the same way, into the live file, so the app servers' open connections see
the restored data (a file copied over the database would leave them writing to the old one).
PostgreSQL: `pg_dump --format=custom`, restored by `pg_restore --clean --if-exists` in a single
transaction, the password passed through the environment, never on a command line.

Before anything is replaced, the file is checked to be a database of this site, and the current
database is kept aside. Media files (`MEDIA_ROOT`) are not in the database: see the README."""

import os
import shutil
import sqlite3

# pg_dump and pg_restore, found on PATH, with arguments built here and no shell.
import subprocess  # nosec B404
import tempfile
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.db import connection as default_connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from .page_cache import new_generation

PROJECT_APPS = {"home", "strategy_pages", "taskforce_forms"}


class BackupRefused(Exception):
    """A backup or restore that cannot be done; the message says why, for the operator."""


@dataclass(frozen=True)
class Restored:
    previous: Path | None  # the database as it was before, kept aside (None: there was none)
    missing_migrations: frozenset  # this code's migrations the backup predates: run `migrate`
    unknown_migrations: frozenset  # the backup's migrations this code does not know


def backup(path, connection=default_connection):
    """Writes a consistent copy of the database to `path` (replaced only once it is complete
    and checked), readable by its owner only."""
    engine = engine_for(connection)
    path = Path(path)
    with written_atomically(path) as partial:
        engine.dump(partial)
        check(partial, connection)
    return path


def check(path, connection=default_connection):
    """The migrations recorded in the backup at `path`, once it is sure to be one of this site."""
    path = Path(path)
    if not path.is_file():
        raise BackupRefused(f"{path} does not exist.")
    applied = engine_for(connection).applied_migrations(path)
    if PROJECT_APPS - {app for app, _name in applied}:
        raise BackupRefused(
            f"{path} is not a backup of this site: it has no migrations of "
            f"{', '.join(sorted(PROJECT_APPS))}. Nothing was replaced."
        )
    return applied


def restore(path, keep_previous_in=None, connection=default_connection):
    """Replaces the database with the backup at `path`, after checking it and keeping the
    current database aside in `keep_previous_in` (by default, beside the backup)."""
    path = Path(path).resolve()
    engine = engine_for(connection)
    engine.refuse_to_restore_onto_itself(path)
    applied = check(path, connection)
    previous = None
    if engine.has_data():
        previous = Path(keep_previous_in or path.parent) / engine.previous_name(timezone.now())
        with written_atomically(previous) as partial:
            engine.dump(partial)
    engine.load(path)
    new_generation()
    known = known_migrations()
    return Restored(
        previous=previous,
        missing_migrations=frozenset(known - applied),
        unknown_migrations=frozenset(applied - known),
    )


def known_migrations():
    """Every migration this code has, including those a squashed one replaces."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(migration.replaces)
    return known


@contextmanager
def written_atomically(path):
    """A temporary file beside `path` (mode 0600: a backup holds personal data) that becomes
    `path` only if the block succeeds, so a failed backup never looks like one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(descriptor)
    try:
        yield Path(partial)
        os.replace(partial, path)
    finally:
        Path(partial).unlink(missing_ok=True)


def engine_for(connection):
    engines = {"sqlite": SQLite, "postgresql": PostgreSQL}
    if connection.vendor not in engines:
        raise BackupRefused(f"Backups of {connection.vendor} databases are not supported.")
    return engines[connection.vendor](connection.settings_dict)


class SQLite:
    def __init__(self, settings_dict):
        self.database = str(settings_dict["NAME"])
        if self.database == ":memory:" or self.database.startswith("file:"):
            raise BackupRefused("Only a SQLite database in a file can be backed up.")

    def previous_name(self, now):
        return f"{Path(self.database).name}.before-restore-{now:%Y%m%dT%H%M%SZ}"

    def has_data(self):
        path = Path(self.database)
        return path.is_file() and path.stat().st_size > 0

    def refuse_to_restore_onto_itself(self, path):
        if Path(self.database).exists() and path.samefile(self.database):
            raise BackupRefused(f"{path} is the database itself. Nothing was replaced.")

    def dump(self, path):
        self.copy(read_only(self.database), str(path))

    def load(self, path):
        Path(self.database).parent.mkdir(parents=True, exist_ok=True)
        self.copy(read_only(path), self.database)

    @staticmethod
    def copy(source_uri, target_path):
        with (
            closing(sqlite3.connect(source_uri, uri=True)) as source,
            closing(sqlite3.connect(target_path)) as target,
        ):
            source.backup(target)

    def applied_migrations(self, path):
        try:
            with closing(sqlite3.connect(read_only(path), uri=True)) as database:
                if database.execute("PRAGMA quick_check").fetchone() != ("ok",):
                    raise BackupRefused(
                        f"{path} is damaged (PRAGMA quick_check). Nothing was replaced."
                    )
                return set(database.execute("SELECT app, name FROM django_migrations"))
        except sqlite3.DatabaseError as error:
            raise BackupRefused(
                f"{path} is not a SQLite database of this site ({error}). Nothing was replaced."
            ) from None


def read_only(path):
    return f"{Path(path).resolve().as_uri()}?mode=ro"


class PostgreSQL:
    def __init__(self, settings_dict):
        self.settings = settings_dict

    def previous_name(self, now):
        return f"{self.settings['NAME']}.before-restore-{now:%Y%m%dT%H%M%SZ}.dump"

    def has_data(self):
        return True

    def refuse_to_restore_onto_itself(self, path):
        pass

    def dump(self, path):
        self.run("pg_dump", "--format=custom", f"--file={path}")

    def load(self, path):
        self.run(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            f"--dbname={self.settings['NAME']}",
            str(path),
        )

    def applied_migrations(self, path):
        """Reads the whole archive (so a damaged one is refused), then its django_migrations."""
        try:
            self.run("pg_restore", "--file=/dev/null", str(path))
            script = self.run(
                "pg_restore", "--data-only", "--table=django_migrations", "--file=-", str(path)
            )
        except BackupRefused as refusal:
            raise BackupRefused(
                f"{path} is not a pg_dump archive of this site ({refusal}). Nothing was replaced."
            ) from None
        return set(copied_rows(script, columns=("app", "name")))

    def run(self, program, *arguments):
        executable = shutil.which(program)
        if executable is None:
            raise BackupRefused(
                f"{program} is not installed: install PostgreSQL's client (Debian: "
                "postgresql-client), of the server's major version or newer."
            )
        result = subprocess.run(  # noqa: S603  # nosec B603
            [executable, *arguments], env=self.environment(), capture_output=True, text=True
        )
        if result.returncode != 0:
            raise BackupRefused(result.stderr.strip() or f"{program} failed")
        return result.stdout

    def environment(self):
        """libpq's variables: the password never appears in a process list."""
        variables = {
            "PGHOST": self.settings.get("HOST"),
            "PGPORT": self.settings.get("PORT"),
            "PGUSER": self.settings.get("USER"),
            "PGPASSWORD": self.settings.get("PASSWORD"),
            "PGDATABASE": self.settings.get("NAME"),
            "PGSSLMODE": self.settings.get("OPTIONS", {}).get("sslmode"),
        }
        return {**os.environ, **{name: str(value) for name, value in variables.items() if value}}


def copied_rows(script, columns):
    """The rows of the first COPY … FROM stdin block of a SQL script, as tuples of `columns`."""
    lines = iter(script.splitlines())
    for line in lines:
        if line.startswith("COPY ") and line.endswith("FROM stdin;"):
            header = line[line.index("(") + 1 : line.index(")")].split(", ")
            positions = [header.index(column) for column in columns]
            for row in lines:
                if row == "\\.":
                    return
                values = row.split("\t")
                yield tuple(values[position] for position in positions)
            return
