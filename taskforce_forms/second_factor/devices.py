"""An account's second factor: an authenticator app (a TOTP device) and ten one-time recovery
codes (a static device), as django-otp keeps them."""

import re
from base64 import b32encode
from typing import NamedTuple

import qrcode
from django.db import transaction
from django.utils.html import format_html
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from qrcode.image.svg import SvgPathImage

AUTHENTICATOR = "Authenticator app"
RECOVERY_CODES = "Recovery codes"
RECOVERY_CODE_COUNT = 10
APP_CODE = re.compile(r"\d{6}")


class CodeCheck(NamedTuple):
    """What checking a code gave: the device that accepted it, or the time before the device
    checks another (django-otp waits longer after each wrong code to the same device)."""

    device: object = None
    retry_at: object = None


def has_enrolled(user):
    return user_has_device(user, confirmed=True)


def pending_authenticator(user):
    """The authenticator being set up: the same secret however often the page is reloaded."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, confirmed=False)


def secret_text(device):
    """The secret as an app asks for it when typed: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def qr_code_svg(device, description):
    """The app's set-up link as an inline SVG QR code, black on white in any admin theme."""
    image = qrcode.make(device.config_url, image_factory=SvgPathImage)
    return format_html(
        '<svg class="second-factor__qr" xmlns="http://www.w3.org/2000/svg" viewBox="{}" '
        'role="img" aria-label="{}"><rect width="100%" height="100%" fill="#fff"/>'
        '<path d="{}" fill="#000"/></svg>',
        image.get_image().get("viewBox"),
        description,
        image.path.get("d"),
    )


def normalized(code):
    return re.sub(r"[\s-]", "", code).lower()


def attempt(device, code):
    """`code` checked against `device`, unless the device asks to wait after wrong codes."""
    allowed, details = device.verify_is_allowed()
    if not allowed:
        return CodeCheck(retry_at=details.get("locked_until"))
    return CodeCheck(device=device if device.verify_token(normalized(code)) else None)


def check_code(user, code):
    """A code from the app (six digits) or a recovery code (which then no longer works)."""
    model = TOTPDevice if APP_CODE.fullmatch(normalized(code)) else StaticDevice
    with transaction.atomic():
        for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
            check = attempt(device, code)
            if check.device or check.retry_at:
                return check
    return CodeCheck()


def confirm_authenticator(device, code):
    """The app is set up once it gives a right code."""
    check = attempt(device, code)
    if check.device:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    return check


@transaction.atomic
def issue_recovery_codes(user):
    """Ten new recovery codes, replacing any the account had."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_CODES)
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=StaticToken.random_token())
        for _ in range(RECOVERY_CODE_COUNT)
    )


def recovery_codes(user):
    return list(
        StaticToken.objects.filter(device__user=user, device__confirmed=True)
        .order_by("pk")
        .values_list("token", flat=True)
    )


@transaction.atomic
def reset_devices(user):
    """Every device of the account removed: it enrols again at its next sign-in."""
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    return len(devices)


def enrol_known_secret(user, key):
    """A confirmed authenticator with the secret `key` (hex): for the demo accounts only."""
    TOTPDevice.objects.update_or_create(
        user=user, name=AUTHENTICATOR, defaults={"key": key, "confirmed": True}
    )
