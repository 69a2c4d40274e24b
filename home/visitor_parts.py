"""The few parts of a page that differ from one visitor to the next, filled in per request.

A page is rendered with a marker where each such part goes (the account menu with its CSRF
token, the join button's "you will be asked to log in"), so the rendered page is the same for
every visitor and can be cached once for all (`home.page_cache`). `VisitorPartsMiddleware`
renders the parts for the visitor at hand and puts them in place of the markers, on a freshly
rendered page and on a cached one alike.

A marker carries a token derived from the secret key: a text an editor or a visitor writes
cannot contain it, so cannot make the site put a visitor's part where it wants.
"""

import hashlib
from functools import cache, lru_cache

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

CSRF_SLOT = "csrf-token-slot"
JOIN_HELP = "strategy_pages/includes/join_help.html"


@cache
def token():
    return hashlib.blake2b(
        settings.SECRET_KEY.encode(), person=b"visitor-parts", digest_size=12
    ).hexdigest()


def marker(name):
    return f"<!--visitor-part:{name}:{token()}-->"


def defers_parts(request):
    """True when parts are left as markers for the middleware to fill in."""
    return getattr(request, "defers_visitor_parts", False)


def part(request, name):
    """Part `name` for this request: its marker when the middleware fills parts in, else the
    part itself (a form page answering a POST, an error page)."""
    if defers_parts(request):
        return SafeString(marker(name))
    return SafeString(render(name, request))


def account_menu(request):
    user = getattr(request, "user", None) or AnonymousUser()
    if not user.is_authenticated:
        return get_template("includes/account_menu.html").render({"request": request})
    menu = member_menu(get_language(), user.get_full_name() or user.get_username())
    return menu.replace(CSRF_SLOT, get_token(request))


@lru_cache(maxsize=1024)
def member_menu(language, name):
    """The account menu of a member called `name`, rendered once per language and name; the
    CSRF token of the logout form is the request's own, put in place of `CSRF_SLOT`."""
    return get_template("includes/member_menu.html").render({"name": name, "csrf_token": CSRF_SLOT})


def join_help(request):
    user = getattr(request, "user", None) or AnonymousUser()
    return "" if user.is_authenticated else get_template(JOIN_HELP).render()


def render(name, request):
    """Part `name` for the visitor making `request`, in the language active for it."""
    return PARTS[name](request)


def filled(content, request):
    """`content` (bytes) with each marker replaced by the visitor's part."""
    for name in PARTS:
        mark = marker(name).encode()
        if mark in content:
            content = content.replace(mark, render(name, request).encode())
    return content


PARTS = {"account-menu": account_menu, "join-help": join_help}


def fillable(response):
    return (
        not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and b"<!--visitor-part:" in response.content
    )


class VisitorPartsMiddleware:
    """Fills in the visitor's parts of every GET response rendered below it or served from the
    shared page cache (`home.page_cache.SharedPageCacheMiddleware`, right below this one)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        request.defers_visitor_parts = True
        response = self.get_response(request)
        if fillable(response):
            response.content = filled(response.content, request)
        return response
