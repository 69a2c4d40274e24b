"""The few parts of a page that differ from one visitor to the next, filled in per request.

A page is rendered with a marker where each such part goes (the account menu with its CSRF
token, a form's CSRF field, the join button's "you will be asked to log in"), so the rendered
page is the same for every visitor and can be cached once for all (`home.page_cache`).
`VisitorPartsMiddleware` renders the parts for the visitor at hand and puts them in place of
the markers, on a freshly rendered page and on a cached one alike.

A marker carries a token derived from the secret key: a text an editor or a visitor writes
cannot contain it, so cannot make the site put a visitor's part where it wants. It may carry an
argument too (a Task Force's code), for a part that depends on the page as well as the visitor.
Apps add their parts with `register`.
"""

import hashlib
import re
from functools import cache, lru_cache

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils.html import format_html
from django.utils.translation import get_language

CSRF_SLOT = "csrf-token-slot"
JOIN_HELP = "strategy_pages/includes/join_help.html"
CSRF_INPUT = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'


@cache
def token():
    return hashlib.blake2b(
        settings.SECRET_KEY.encode(), person=b"visitor-parts", digest_size=12
    ).hexdigest()


# What an argument may hold: a code, never text that could close the marker.
ARGUMENT = re.compile(r"[\w-]*", re.ASCII)


MARKER = "<!--visitor-part:{}:{}:{}-->"


def marker(name, argument=""):
    return MARKER.format(name, argument, token())


@cache
def marker_pattern():
    return re.compile(
        rb"<!--visitor-part:([a-z-]+):([\w-]*):" + token().encode() + rb"-->", re.ASCII
    )


def defers_parts(request):
    """True when parts are left as markers for the middleware to fill in."""
    return getattr(request, "defers_visitor_parts", False)


def part(request, name, argument=""):
    """Part `name` (for `argument`, if given) for this request: its marker when the middleware
    fills parts in, else the part itself (a form page answering a POST, an error page)."""
    argument = str(argument)
    if not ARGUMENT.fullmatch(argument):
        raise ValueError(f"A visitor part's argument is a code: {argument!r}")
    if defers_parts(request):
        return format_html(MARKER, name, argument, token())
    return render(name, request, argument)


def account_menu(request):
    user = getattr(request, "user", None) or AnonymousUser()
    if not user.is_authenticated:
        return get_template("includes/account_menu.html").render({"request": request})
    menu = member_menu(get_language(), user.get_full_name() or user.get_username())
    return format_html(menu, get_token(request))


@lru_cache(maxsize=1024)
def member_menu(language, name):
    """The account menu of a member called `name`, rendered once per language and name, as a
    `format_html` template whose one field is the logout form's CSRF token, the request's own
    (the braces a name may hold are doubled, so they stay text)."""
    menu = get_template("includes/member_menu.html").render({"name": name, "csrf_token": CSRF_SLOT})
    return menu.replace("{", "{{").replace("}", "}}").replace(CSRF_SLOT, "{}")


def csrf_input(request):
    """A form's CSRF field, as `{% csrf_token %}` writes it, with the request's own token."""
    return format_html(CSRF_INPUT, get_token(request))


def join_help(request):
    user = getattr(request, "user", None) or AnonymousUser()
    return "" if user.is_authenticated else get_template(JOIN_HELP).render()


def render(name, request, argument=""):
    """Part `name` for the visitor making `request`, in the language active for it."""
    arguments = (argument,) if argument else ()
    return PARTS[name](request, *arguments)


def filled(content, request):
    """`content` (bytes) with each marker replaced by the visitor's part."""
    rendered = {}

    def visitor_part(match):
        name, argument = (group.decode() for group in match.groups())
        if (name, argument) not in rendered:
            known = name in PARTS
            rendered[name, argument] = render(name, request, argument).encode() if known else b""
        return rendered[name, argument]

    return marker_pattern().sub(visitor_part, content)


PARTS = {"account-menu": account_menu, "csrf-input": csrf_input, "join-help": join_help}


def register(name, render_part):
    """Adds part `name`: `render_part(request)`, or `render_part(request, argument)` for a part
    placed with an argument."""
    PARTS[name] = render_part


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
