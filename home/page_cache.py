"""The site's pages from a cache, forgotten the moment anything they show changes; and what
many pages show and changes more rarely than they do (`remembered`: the site, the roles' texts,
the Task Forces' rosters).

A page is stored under the current *generation*; publishing, unpublishing, moving or deleting a
page, a translation, a region, a site, or a change to a Task Force's nominated people or team
starts a new generation, so the next request renders afresh. The generation must be shared by
every app server process: with Redis (`REDIS_URL`) it lives in the cache; otherwise in the
modification time of a file (`PAGE_CACHE_GENERATION_FILE`), which every process on the machine
sees. The sites, and what pages show of people (rosters, project ideas), are kept under
generations of their own, which a publish does not renew (`SITES`, `PEOPLE`); the tree of
pages (routes, titles, the navigation), under one a publish renews only when it changes it
(`TREE`).

Two caches, one for each kind of visitor:

- `PageCacheMiddleware`, at the top, keeps the whole response for anonymous visitors: GET
  requests without a session cookie, answered 200 by a view that says it may be cached (the
  site's pages, the search page), setting no cookie. A hit costs no query.
- `SharedPageCacheMiddleware`, below the session and authentication middleware, keeps the page
  as rendered for everyone, with markers where the visitor's parts go (`home.visitor_parts`),
  for logged-in visitors: a hit costs the session's query (its user comes with it) and the
  rendering of the account menu. Pages with view restrictions are not kept.

The query string is part of the key.
"""

import hashlib
import os
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse

from . import visitor_parts

GENERATION_KEY = "page-cache:generation"
MESSAGES_COOKIE = "messages"


def enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def shared_cache():
    """True when the cache is shared by every server (Redis), so it can hold the generation."""
    return "redis" in cache().__class__.__module__.lower()


class Generation:
    """A number every app server process sees change when `renew` is called: with Redis it
    lives in the cache; otherwise it is the modification time of a file
    (`PAGE_CACHE_GENERATION_FILE`, with `suffix`), which every process on the machine sees."""

    def __init__(self, suffix=""):
        self.suffix = suffix

    @property
    def cache_key(self):
        return GENERATION_KEY + self.suffix

    @property
    def file(self):
        return Path(settings.PAGE_CACHE_GENERATION_FILE + self.suffix)

    def current(self):
        if shared_cache():
            return cache().get_or_set(self.cache_key, time.time_ns())
        try:
            return os.stat(self.file).st_mtime_ns
        except FileNotFoundError:
            return 0

    def renew(self, fingerprint=""):
        """A new generation; `fingerprint` says what it starts with (`renew_on_change`)."""
        if shared_cache():
            cache().set_many(
                {self.cache_key + ":fingerprint": fingerprint, self.cache_key: time.time_ns()},
                timeout=None,
            )
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        self.file.write_text(fingerprint)
        # Two changes within the file system's timestamp resolution must still differ.
        now = time.time_ns()
        stat = os.stat(self.file)
        os.utime(self.file, ns=(stat.st_atime_ns, max(now, stat.st_mtime_ns + 1)))

    def renew_on_change(self, fingerprint):
        """Renews the generation when `fingerprint()`, a digest of what is kept under it, is
        not the one it was last renewed with: a change that leaves that as it was keeps it all.
        As in `new_generation`, checked now and again once the change is committed; only that
        second check records the fingerprint, from committed data."""
        if fingerprint() != self.fingerprint():
            self.renew()
        transaction.on_commit(lambda: self.renew_unless_same(fingerprint()))

    def renew_unless_same(self, fingerprint):
        if fingerprint != self.fingerprint():
            self.renew(fingerprint)

    def fingerprint(self):
        if shared_cache():
            return cache().get(self.cache_key + ":fingerprint")
        try:
            return self.file.read_text()
        except FileNotFoundError:
            return None


# Everything cached: renewed by every change the site's pages show.
PAGES = Generation()
# What the pages show of the people (the Task Forces' rosters, their project ideas, who is a
# member): renewed with `PAGES` by a change to people, not by a publish. A page's first render
# after a publish then finds its roster ready.
PEOPLE = Generation(".people")
# The sites, by host name: renewed with `PAGES` by a change to a site or to where pages are,
# not by a publish.
SITES = Generation(".sites")
# The live pages' titles and where they are: the routes to them (`home.routing`), their
# translations' links, the goals and objectives every page's navigation lists
# (`strategy_pages.tree`). Renewed with `PAGES` by a move, a deletion or a privacy change, and
# by a publish that changes them (`strategy_pages.tree.forget_tree_on_change`); most
# publishes (a target, a description) leave them.
TREE = Generation(".tree")


def current_generation():
    return PAGES.current()


def new_generation(**_signal_arguments):
    """Forgets everything cached (connected to the signals listed in `home.apps` and
    `taskforce_forms.apps`), now and again once the change is committed: a page rendered in
    between, from the data before the change, must not be kept under the new generation."""
    renew_generation()
    transaction.on_commit(renew_generation)


def new_page_generation(**_signal_arguments):
    """Forgets the cached pages, not the sites nor what pages show of people: a page was
    published or unpublished, or its slug changed. Renewed again on commit, as in
    `new_generation`."""
    PAGES.renew()
    transaction.on_commit(PAGES.renew)


def renew_generation():
    for generation in (SITES, PEOPLE, TREE, PAGES):
        generation.renew()


def remembered(name, compute, generation=PAGES):
    """`compute()`, kept until `generation` is renewed: data every page shows and only a
    publish (or, with `PEOPLE`, a change to people) changes. Computed each time when the cache
    is off."""
    if not enabled():
        return compute()
    digest = hashlib.blake2b(name.encode(), digest_size=20).hexdigest()
    key = f"remembered:{generation.current()}{generation.suffix}:{digest}"
    value = cache().get(key)
    if value is None:
        value = compute()
        cache().set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
    return value


def may_be_cached(request):
    return (
        enabled()
        and request.method == "GET"
        and not request.path.startswith(settings.STATIC_URL)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
    )


def cache_key(request, generation, prefix="page"):
    """A key of fixed length, however long the URL a visitor (or a scanner) sends: memcached
    refuses keys over 250 characters, and Django warns about them for every backend."""
    address = f"{request.get_host()}:{request.get_full_path()}".encode()
    return f"{prefix}:{generation}:{hashlib.blake2b(address, digest_size=20).hexdigest()}"


def stored_response(stored, cache_header):
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for header, value in headers:
        response[header] = value
    response["X-Page-Cache"] = cache_header
    return response


def store(key, response):
    cache().set(
        key,
        (response.status_code, list(response.items()), response.content),
        timeout=settings.PAGE_CACHE_SECONDS,
    )


def storable(response, flag="page_cacheable"):
    """A page its view marked cacheable, unless its headers say it is private (a space's page,
    say): they win, whatever the view claims."""
    return (
        getattr(response, flag, False)
        and response.status_code == 200
        and not response.cookies
        and not response.streaming
        and not private(response)
    )


def private(response):
    cache_control = response.get("Cache-Control", "")
    return "no-store" in cache_control or "private" in cache_control


class PageCacheMiddleware:
    """Put it right after SecurityMiddleware (whose HTTPS redirect and HSTS header apply to
    every request): a hit skips everything below it, and a stored page keeps the headers those
    below gave it, its Content-Security-Policy included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_be_cached(request):
            return self.get_response(request)
        key = cache_key(request, current_generation())
        stored = cache().get(key)
        if stored is not None:
            return stored_response(stored, "hit")
        response = self.get_response(request)
        if storable(response):
            store(key, response)
            response["X-Page-Cache"] = "miss"
        return response


class SharedPageCacheMiddleware:
    """Put it right after AuthenticationMiddleware, under `VisitorPartsMiddleware`, which fills
    in the visitor's parts of what it returns. A hit skips the URL resolver, the page's queries
    and its rendering; the middleware above still runs (CSRF cookie, session, CSP)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (enabled() and request.method == "GET" and visitor_parts.defers_parts(request)):
            return self.get_response(request)
        key = cache_key(request, current_generation(), prefix="shared-page")
        stored = cache().get(key)
        if stored is not None:
            response = stored_response(stored, "shared hit")
            response.page_cacheable = True  # for the anonymous cache above, on its miss
            return response
        response = self.get_response(request)
        if storable(response, "shared_cacheable"):
            store(key, response)
            response["X-Page-Cache"] = "shared miss"
        return response
