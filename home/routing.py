"""Finding the page for a URL in two queries whatever its depth.

Wagtail finds the request's site (a query per request: `SiteMiddleware` keeps it until a site
changes), then walks the tree one level at a time, two queries per URL segment, after finding
the language's home page (two more). Here the whole chain, from the language's home page down,
comes in one query by `url_path`, kept until a page's place or title changes (`TREE`), then
the page's specific object, always read afresh. Wagtail's own `serve` view does the rest
(hooks, privacy, serving): it reuses the route cached on the request.
"""

from django.db.models import Exists, OuterRef, Q
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site

from .methods import READ, answers
from .page_cache import SITES, TREE, remembered


@answers(*READ)  # no page of the site takes a form
def serve(request, path):
    route = find_route(request, path)
    if route is not None:
        request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)


class SiteMiddleware:
    """Gives Wagtail the request's site (`Site.find_for_request`) from the cache: sites change
    far more rarely than pages, and a change to one starts new generations of everything
    cached. A publish does not: the site's root page is only read for where it is."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = remembered(
            f"site:{hostname}:{request.get_port()}",
            lambda: Site._find_for_request(request),
            generation=SITES,
        )
        return self.get_response(request)


def find_route(request, path):
    """Wagtail's `(page, args, kwargs)` for `path`, or None to let Wagtail route it."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    components = [component for component in path.split("/") if component]
    chain = remembered(
        f"page-chain:{root.pk}:{get_language()}:{'/'.join(components)}",
        lambda: page_chain(root, components),
        generation=TREE,
    )
    if chain is None:
        return None
    page = chain[-1].specific
    if not page.live or type(page).route is not Page.route:
        return None  # Wagtail answers 404, or lets a RoutablePageMixin page route itself
    page.route_ancestors = chain[:-1]
    page.route_restricted = any(ancestor.restricted for ancestor in chain)
    return page, [], {}


def page_chain(root, components):
    """The pages from the active language's home page down to the page at `components`, each
    saying whether it has view restrictions, or None when one is missing (Wagtail then routes,
    and answers 404 or falls back to the default language as it always does)."""
    suffixes = ["/".join(components[:level]) + "/" for level in range(1, len(components) + 1)]
    levels = Q(depth=root.depth, translation_key=root.translation_key)
    for level, suffix in enumerate(suffixes, start=1):
        levels |= Q(depth=root.depth + level, url_path__endswith="/" + suffix)
    candidates = list(
        Page.objects.filter(
            levels,
            locale__language_code=get_language(),
            path__startswith=root.path[: root.steplen],
        ).annotate(restricted=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk"))))
    )
    home = next((page for page in candidates if page.depth == root.depth), None)
    if home is None:
        return None
    chain = [home]
    for suffix in suffixes:
        page = next(
            (
                candidate
                for candidate in candidates
                if candidate.url_path == home.url_path + suffix
                and candidate.path.startswith(chain[-1].path)
            ),
            None,
        )
        if page is None:
            return None
        chain.append(page)
    return chain
