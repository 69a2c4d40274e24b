"""Sessions that name their signed-in user in a column of their own (`SESSION_ENGINE`)."""

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends import db
from django.contrib.sessions.base_session import AbstractBaseSession, BaseSessionManager
from django.db import models


class SessionManager(BaseSessionManager):
    def get_queryset(self):
        return super().get_queryset().select_related("user")


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


class SessionStore(db.SessionStore):
    """Django's database sessions, keeping the user the session's row was loaded with."""

    user = None  # until the session is loaded, and when it names no user

    @classmethod
    def get_model_class(cls):
        return Session

    def load(self):
        row = self._get_session_from_db()
        self.user = row.user if row else None
        return self.decode(row.session_data) if row else {}

    def create_model_instance(self, data):
        row = super().create_model_instance(data)
        row.user_id = data.get(SESSION_KEY)
        return row
