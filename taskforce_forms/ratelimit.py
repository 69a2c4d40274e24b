"""A small fixed-window rate limit on the cache, for forms that send e-mail or create records."""

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _


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


TOO_MANY = _("Too many requests from your connection. Please try again in an hour.")


def too_many_requests(form, render):
    """The form again, with what was typed and the reason, answered 429: nothing is saved or
    sent. `render` makes the response for a form."""
    form.is_valid()
    form.add_error(None, TOO_MANY)
    response = render(form)
    response.status_code = 429
    return response


class RateLimitedPost:
    """A form view whose POSTs are limited per client address. Over the limit the form comes
    back, with what was typed, a clear error and status 429; nothing is saved or sent."""

    rate_limit_scope = ""
    rate_limit = 5
    rate_limit_window = 3600

    def post(self, request, *args, **kwargs):
        if is_rate_limited(request, self.rate_limit_scope, self.rate_limit, self.rate_limit_window):
            return too_many_requests(self.get_form(), self.render_form)
        return super().post(request, *args, **kwargs)

    def render_form(self, form):
        return self.render_to_response(self.get_context_data(form=form))
