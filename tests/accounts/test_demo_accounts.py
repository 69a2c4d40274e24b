"""`seed_demo` gives the demo Secretariat and superuser an authenticator whose secret it prints
beside the password, the same on every run, so a newcomer signs in with any app or `oathtool`."""

import re
from base64 import b32decode
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from .signing_in import LOGIN, VERIFY, app_code

pytestmark = pytest.mark.django_db


def seed_demo():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def printed_secrets(output):
    return dict(
        re.findall(
            r"^ +(?:created|exists) +(\w+) .*\n"
            r" +authenticator secret \(demo only\) ([A-Z2-7]{32}): oathtool --totp -b \2$",
            output,
            re.MULTILINE,
        )
    )


def test_the_demo_staff_get_a_printed_secret_the_same_every_run(settings):
    settings.DEBUG = True
    first = printed_secrets(seed_demo())
    assert set(first) == {"admin", "secretariat"}, "editors sign in with the password alone"
    assert printed_secrets(seed_demo()) == first
    assert TOTPDevice.objects.filter(confirmed=True).count() == 2
    for username, secret in first.items():
        device = TOTPDevice.objects.get(user__username=username)
        assert device.bin_key == b32decode(secret)


def test_the_demo_secretariat_signs_in_with_the_printed_secret(client, settings):
    settings.DEBUG = True
    secret = printed_secrets(seed_demo())["secretariat"]
    client.post(LOGIN, {"username": "secretariat", "password": "demo-4p1000"})
    assert client.get("/admin/").url.startswith(VERIFY)
    response = client.post(VERIFY, {"code": app_code(b32decode(secret)), "next": "/admin/"})
    assert response.url == "/admin/"
    assert client.get("/admin/taskforce_forms/application/").status_code == 200
    assert get_user_model().objects.get(username="secretariat").totpdevice_set.get().last_t > 0
