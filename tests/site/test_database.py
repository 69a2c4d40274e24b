"""The PostgreSQL backend's health check: before a request reuses a connection left idle, not
before every request (a round trip each time, for nothing while the connection is busy)."""

import time

import pytest
from django.db import connection as proxy
from django.db import connections

from cms.postgresql.base import IDLE_BEFORE_HEALTH_CHECK

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(proxy.vendor != "postgresql", reason="PostgreSQL's backend"),
]


@pytest.fixture
def connection():
    """The connection itself, not Django's proxy to it: attributes patched on the proxy are not
    restored."""
    return connections["default"]


@pytest.fixture
def health_checks(connection, monkeypatch):
    """The health checks the connection makes from now on, each answered 'healthy'."""
    checks = []
    connection.ensure_connection()
    monkeypatch.setattr(connection, "health_check_enabled", True)
    monkeypatch.setattr(connection, "is_usable", lambda: checks.append(time.monotonic()) or True)
    return checks


def next_request_queries(connection):
    """What a new request does: Django forgets the last check, then the request queries."""
    connection.health_check_done = False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def test_the_production_settings_use_the_backend(connection):
    assert connection.settings_dict["ENGINE"] == "cms.postgresql"
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


def test_a_connection_used_a_moment_ago_is_not_checked(connection, health_checks):
    next_request_queries(connection)
    next_request_queries(connection)

    assert health_checks == []


def test_a_connection_left_idle_is_checked_before_its_next_request(
    connection, health_checks, monkeypatch
):
    next_request_queries(connection)
    monkeypatch.setattr(connection, "last_used", time.monotonic() - IDLE_BEFORE_HEALTH_CHECK - 0.1)

    next_request_queries(connection)
    next_request_queries(connection)

    assert len(health_checks) == 1


def test_a_connection_that_fails_its_check_is_replaced(connection, health_checks, monkeypatch):
    monkeypatch.setattr(connection, "last_used", float("-inf"))
    monkeypatch.setattr(connection, "is_usable", lambda: False)
    closed = []
    monkeypatch.setattr(connection, "close", lambda: closed.append(True))

    connection.health_check_done = False
    connection.close_if_health_check_failed()

    assert closed == [True]
