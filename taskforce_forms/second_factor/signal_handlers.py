"""Receivers: signing in with a password starts a staff session's clock and asks for the second
factor anew, even if this session had given it before."""

from django.contrib.auth.signals import user_logged_in
from django_otp import DEVICE_ID_SESSION_KEY

from .policy import is_staff_member
from .sessions import start_staff_session


def start_staff_clock(sender, request, user, **kwargs):
    if request is None or not is_staff_member(user):
        return
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    start_staff_session(request)


def connect():
    user_logged_in.connect(start_staff_clock, dispatch_uid="second_factor_staff_clock")
