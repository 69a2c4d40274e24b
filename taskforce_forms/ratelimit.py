"""A small fixed-window rate limit on the cache, for forms that send e-mail or create records."""

from django.core.cache import cache


def client_address(request):
    return request.META.get("REMOTE_ADDR", "unknown")


def is_rate_limited(request, scope, limit, window_seconds):
    """Counts one hit for this client in `scope`; True once it went over `limit` in the window."""
    key = f"ratelimit:{scope}:{client_address(request)}"
    if cache.add(key, 1, timeout=window_seconds):
        return False
    try:
        hits = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return False
    return hits > limit
