"""Signing in to the admin as staff do, through the test client: the password, then a code."""

import re
from base64 import b32decode

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..factories import PASSWORD

LOGIN = "/admin/login/"
VERIFY = "/admin/second-factor/"
ENROL = "/admin/second-factor/enrol/"
CODES = "/admin/second-factor/recovery-codes/"


def sign_in_with_password(client, user, next_url="/admin/"):
    response = client.post(
        LOGIN, {"username": user.username, "password": PASSWORD, "next": next_url}
    )
    assert response.status_code == 302, "the password was accepted"
    return response


def enrolled(user, key="3132333435363738393031323334353637383930"):
    """A confirmed authenticator app with a known secret (RFC 6238's test key)."""
    return TOTPDevice.objects.create(user=user, name="Phone", key=key, confirmed=True)


def app_code(key, steps_ago=0):
    """The code an authenticator app with the secret `key` (bytes) shows now, or `steps_ago`
    30-second steps ago."""
    return f"{totp(key, drift=-steps_ago):06d}"


def wrong_code(key):
    """A code from an hour ago: outside the steps the device accepts."""
    return app_code(key, steps_ago=120)


def secret_on_page(html):
    """The secret the enrolment page prints, grouped in fours, as bytes."""
    grouped = re.search(r'id="secret">([A-Z2-7 ]+)<', html).group(1)
    return b32decode(grouped.replace(" ", ""))
