import os
from io import StringIO

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the main thread; Django's ORM refuses to run
# there unless told it is safe (the live server runs in its own thread anyway).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def load_strategy():
    call_command("load_strategy", stdout=StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the whole strategy, in every language, for every test."""
    with django_db_blocker.unblock():
        load_strategy()


@pytest.fixture
def strategy_site(django_db_serialized_rollback, transactional_db):
    """For live-server tests. Their database is emptied after each test, so each one starts
    from the migrated database (serialized rollback) and loads the strategy again."""
    load_strategy()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }
