"""The test suite: fast hashing, in-memory mail, no debug toolbar of any kind."""

import os

from .base import *  # noqa: F403

DEBUG = False
# Tests only.
SECRET_KEY = "test-only-secret-key-not-used-anywhere-else-4p1000"  # noqa: S105  # nosec B105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Rolled-back test data would outlive its test in cached pages; the cache's own tests turn it on.
PAGE_CACHE_ENABLED = False

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not SQLite's shared in-memory database: there, a second writer fails at once
    # ("table is locked") instead of waiting, so concurrency could not be tested.
    # One per run, so that two runs at once do not share it.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(BASE_DIR / "var" / f"test-db-{os.getpid()}.sqlite3")  # noqa: F405
    }
    # Each test runs inside a transaction: begun IMMEDIATE, it would hold the write lock for
    # the whole test and lock out the second connections that concurrency tests open.
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "DEFERRED"  # noqa: F405
