import json
import os
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import translation
from hypothesis import settings as hypothesis_settings
from hypothesis.configuration import set_hypothesis_home_dir
from wagtail.models import Site

# Playwright's sync API runs an event loop in the main thread; Django's ORM refuses to run
# there unless told it is safe (the live server runs in its own thread anyway).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SNAPSHOT = {}  # the test database with the strategy loaded, as Django serializes it
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

# Property-based tests: the same examples on every run by default, so that the suite is
# reproducible; HYPOTHESIS_PROFILE=thorough searches far longer and remembers its failures.
# Hypothesis keeps what it writes under var/, not in a .hypothesis/ beside the code.
set_hypothesis_home_dir(Path(__file__).resolve().parent.parent / "var" / "hypothesis")
hypothesis_settings.register_profile("default", max_examples=60, deadline=None, derandomize=True)
hypothesis_settings.register_profile("thorough", max_examples=2000, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in English: LocaleMiddleware activates a request's language in the
    test's thread and nothing deactivates it, so a test that fetched an Arabic page would
    leave the next one reading Arabic labels."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters and cached values do not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page_cache_on(settings, tmp_path):
    """The page cache as in production (the tests run without it)."""
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "generation")
    cache.clear()
    yield
    cache.clear()


def load_strategy():
    call_command("load_strategy", stdout=StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the whole strategy, in every language, for every test."""
    with django_db_blocker.unblock():
        load_strategy()
        SNAPSHOT["default"] = connection.creation.serialize_db_to_string()


@pytest.fixture
def strategy_site(transactional_db):
    """The loaded strategy, for live-server tests.

    Their database is emptied after each test. Django's serialized rollback would restore it,
    but keeps its snapshot on the connection, and Playwright's event loop runs the test in
    another context, with another connection object. So the snapshot is restored here.
    """
    if not Site.objects.exists():
        # The flush after the previous test re-created content types and permissions; the
        # snapshot brings its own, with the ids the pages refer to.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        ContentType.objects.clear_cache()
        restore(SNAPSHOT["default"])


def restore(snapshot):
    """Loads a serialized database, content types first: building a Wagtail page looks its
    content type up, and would otherwise create one the snapshot then clashes with."""
    objects = json.loads(snapshot)
    content_types = [o for o in objects if o["model"] == "contenttypes.contenttype"]
    others = [o for o in objects if o["model"] != "contenttypes.contenttype"]
    models = set()
    with transaction.atomic(), connection.constraint_checks_disabled():
        for part in (content_types, others):
            for deserialized in serializers.deserialize("json", json.dumps(part)):
                deserialized.save()
                models.add(type(deserialized.object))
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }
