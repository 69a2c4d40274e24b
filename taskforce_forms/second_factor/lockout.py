"""Wrong codes are counted by django-axes with wrong passwords, per username and address: the
tenth wrong code locks the account for the cool-off time, as the fifth wrong password does."""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.signals import user_login_failed

SECOND_FACTOR = "second_factor"


def failure_limit(request, credentials):
    """django-axes' AXES_FAILURE_LIMIT: how many failures lock, for a password or a code."""
    if credentials and credentials.get(SECOND_FACTOR):
        return settings.SECOND_FACTOR_FAILURE_LIMIT
    return settings.PASSWORD_FAILURE_LIMIT


def code_credentials(user):
    return {"username": user.get_username(), SECOND_FACTOR: True}


def is_locked_out(request, user):
    return AxesProxyHandler.is_locked(request, code_credentials(user))


def record_wrong_code(request, user):
    """A failed login for django-axes; True when it locked the account."""
    user_login_failed.send(sender=__name__, credentials=code_credentials(user), request=request)
    return bool(getattr(request, "axes_locked_out", False))


def forget_wrong_codes(request, user):
    AxesProxyHandler.update_request(request)
    AxesProxyHandler.reset_attempts(
        username=user.get_username(), ip_address=request.axes_ip_address
    )
