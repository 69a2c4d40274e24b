"""Who is signed in, from the session's row and the user loaded with it in one query."""

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoAuthentication
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject


def session_user(request):
    """The user `django.contrib.auth.get_user` would return, without its query for the user
    when the session's row came with them (`models.sessions`). Only a session that Django
    would accept as it is takes this path: the user the session names, loaded as Django's
    ModelBackend loads one, allowed to sign in, and with the current password's hash. Anything
    else (no user, another backend, a hash from a rotated secret key, a password changed) is
    left to Django, which also ends the session where it must."""
    session = request.session
    user_id = session.get(auth.SESSION_KEY)
    backend_path = session.get(auth.BACKEND_SESSION_KEY)
    user = getattr(session, "user", None)
    if (
        user is not None
        and str(user.pk) == user_id
        and backend_path in settings.AUTHENTICATION_BACKENDS
        and loads_users_as_django_does(backend := auth.load_backend(backend_path))
        and backend.user_can_authenticate(user)
        and constant_time_compare(
            session.get(auth.HASH_SESSION_KEY) or "", user.get_session_auth_hash()
        )
    ):
        return user
    return auth.get_user(request)


def loads_users_as_django_does(backend):
    return isinstance(backend, ModelBackend) and type(backend).get_user is ModelBackend.get_user


def signed_in_user(request):
    if not hasattr(request, "_cached_user"):
        request._cached_user = session_user(request)
    return request._cached_user


class AuthenticationMiddleware(DjangoAuthentication):
    """Django's, with `request.user` found by `session_user`."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: signed_in_user(request))
