"""Staff sessions end after STAFF_SESSION_IDLE_SECONDS without a request and
STAFF_SESSION_MAX_SECONDS after signing in; visitors' sessions are left as they are. The clock
is kept in the session: [signed in at, last request], in seconds since the epoch."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.translation import gettext as _

STAFF_SESSION = "staff_session"
# The last request is written at most this often, so that browsing does not write the session
# on every request.
SEEN_RESOLUTION_SECONDS = 60


def start_staff_session(request):
    now = int(time.time())
    request.session[STAFF_SESSION] = [now, now]


def is_staff_session(request):
    return STAFF_SESSION in request.session


def why_expired(started, seen, now):
    """The message for a session past either limit, or None."""
    if now - started > settings.STAFF_SESSION_MAX_SECONDS:
        return _("You were signed out: a staff session lasts a working day at most. Sign in again.")
    if now - seen > settings.STAFF_SESSION_IDLE_SECONDS:
        return _("You were signed out after a while without activity. Sign in again.")
    return None


def keep_or_end(request):
    """Ends the staff session if it is past its limits, else notes the request."""
    started, seen = request.session[STAFF_SESSION]
    now = int(time.time())
    reason = why_expired(started, seen, now)
    if reason:
        logout(request)
        messages.info(request, reason)
    elif now - seen >= SEEN_RESOLUTION_SECONDS:
        request.session[STAFF_SESSION] = [started, now]
