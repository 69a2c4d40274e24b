"""No setting skips the second factor for the Secretariat or superusers, in development or in
production: the middleware is in place after authentication in every settings module, and the
second factor's code reads no setting but its own limits and the editors' switch."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "taskforce_forms" / "second_factor"
SETTINGS_IT_READS = {
    "SECOND_FACTOR_FOR_EDITORS",
    "SECOND_FACTOR_FAILURE_LIMIT",
    "PASSWORD_FAILURE_LIMIT",
    "STAFF_SESSION_IDLE_SECONDS",
    "STAFF_SESSION_MAX_SECONDS",
}
IN_ORDER = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "taskforce_forms.accounts.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "taskforce_forms.second_factor.middleware.StaffSessionMiddleware",
    "taskforce_forms.second_factor.middleware.SecondFactorMiddleware",
]
PROBE = f"""
import json
import django
django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from taskforce_forms.second_factor.policy import needs_second_factor
print(json.dumps({{
    "order": [settings.MIDDLEWARE.index(name) for name in {IN_ORDER!r}],
    "apps": [app for app in settings.INSTALLED_APPS if app.startswith("django_otp")],
    "axes_limit": settings.AXES_FAILURE_LIMIT,
    "superuser": needs_second_factor(get_user_model()(is_superuser=True)),
}}))
"""


def settings_read_by(path):
    tree = ast.parse(path.read_text())
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "settings"
    }


def test_the_second_factor_reads_no_setting_that_could_skip_it():
    read = set().union(*(settings_read_by(path) for path in PACKAGE.glob("*.py")))
    assert read <= SETTINGS_IT_READS, read - SETTINGS_IT_READS


@pytest.mark.parametrize(
    "module", ["cms.settings.base", "cms.settings.dev", "cms.settings.production"]
)
def test_every_environment_asks_superusers_for_the_second_factor(module):
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment.update(
        DJANGO_SETTINGS_MODULE=module,
        SECRET_KEY="probe-only-secret-key-with-enough-characters-in-it-4p1000",
        DEBUG="true",
        SECOND_FACTOR_FOR_EDITORS="false",
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["order"] == sorted(probe["order"]), "each after what it relies on"
    assert probe["apps"] == [
        "django_otp",
        "django_otp.plugins.otp_totp",
        "django_otp.plugins.otp_static",
    ]
    assert probe["axes_limit"] == "taskforce_forms.second_factor.lockout.failure_limit"
    assert probe["superuser"] is True
