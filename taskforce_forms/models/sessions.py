"""Sessions that name their signed-in user in a column of their own (`SESSION_ENGINE`)."""

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends import db
from django.contrib.sessions.base_session import AbstractBaseSession, BaseSessionManager
from django.db import models
from django.utils import timezone

from home.prepared import PreparedQuery


class SessionManager(BaseSessionManager):
    def get_queryset(self):
        return super().get_queryset().select_related("user")

    def with_user(self, session_key):
        """The row of `session_key` with its user, expired or not, or None: the one query of a
        signed-in visitor's page from the cache. Its SQL is compiled once per database, where a
        queryset compiles it each time it runs: a third of such a page's time."""
        compiler, values = SESSION_WITH_USER.compiler_and_row("as built", session_key)
        return None if values is None else from_columns(compiler.using, values)


def from_columns(alias, values):
    session_fields = [field.attname for field in Session._meta.concrete_fields]
    user_model = Session.user.field.related_model
    session = Session.from_db(alias, session_fields, values[: len(session_fields)])
    user_values = values[len(session_fields) :]
    user = None
    if user_values[0] is not None:  # the user's primary key: the join found them
        user_fields = [field.attname for field in user_model._meta.concrete_fields]
        user = user_model.from_db(alias, user_fields, user_values)
    Session.user.field.set_cached_value(session, user)
    return session


class Session(AbstractBaseSession):
    """Django's session, with its user: loading a signed-in visitor's session brings their user
    in the same query (see `accounts.middleware`), which is half of what a page from the cache
    costs them."""

    # Without a database constraint: a request that saves its session just after its user was
    # deleted must not fail; such a row finds no user, and Django deletes it with the user.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.CASCADE,
        db_constraint=False,
        related_name="+",
    )

    objects = SessionManager()

    class Meta(AbstractBaseSession.Meta):
        db_table = "taskforce_forms_session"

    @classmethod
    def get_session_store_class(cls):
        return SessionStore


# The session's columns, then its user's (all None when the session names no user).
SESSION_WITH_USER = PreparedQuery(lambda key: Session.objects.filter(session_key=key), str)


class SessionStore(db.SessionStore):
    """Django's database sessions, keeping the user the session's row was loaded with."""

    user = None  # until the session is loaded, and when it names no user

    @classmethod
    def get_model_class(cls):
        return Session

    def _get_session_from_db(self):
        """As Django's store does, in one prepared query (`SessionManager.with_user`)."""
        row = Session.objects.with_user(self.session_key)
        if row is None or row.expire_date <= timezone.now():
            self._session_key = None
            return None
        return row

    def load(self):
        row = self._get_session_from_db()
        self.user = row.user if row else None
        return self.decode(row.session_data) if row else {}

    def create_model_instance(self, data):
        row = super().create_model_instance(data)
        row.user_id = data.get(SESSION_KEY)
        return row
