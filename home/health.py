"""Health probes for the load balancer: the process answers (liveness); the database and the
cache answer (readiness)."""

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse

from .methods import READ, answers


@answers(*READ)
def alive(request):
    """The process answers; nothing else is looked at (liveness, and `make bench`'s bare view)."""
    return HttpResponse("ok", content_type="text/plain")


@answers(*READ)
def health(request):
    """Ready to serve: the database and the cache answer. 503 otherwise, for the load balancer."""
    checks = {"database": database_answers(), "cache": cache_answers()}
    healthy = all(checks.values())
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            **{name: "ok" if ok else "failing" for name, ok in checks.items()},
        },
        status=200 if healthy else 503,
    )


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def cache_answers():
    try:
        cache.set("health-check", "ok", timeout=10)
        return cache.get("health-check") == "ok"
    except Exception:  # noqa: BLE001 - any cache failure means "not ready"
        return False
