"""The HTTP methods the public site answers: GET and HEAD, and POST where a form posts.

Any other method (PUT, PATCH, DELETE, OPTIONS, TRACE…), or a POST to a view without a form, is
answered 405 with an `Allow` header, before the view and before the CSRF check (which would
answer 403, as if the method were allowed but the token missing). Wagtail's admin is left to
decide for itself.
"""

from django.http import HttpResponseNotAllowed
from django.urls import reverse

READ = ("GET", "HEAD")
PUBLIC_METHODS = ("GET", "HEAD", "POST")


def answers(*methods):
    """Declares the methods a function view answers (class-based views say it by their
    handlers)."""

    def declare(view):
        view.allowed_methods = methods
        return view

    return declare


def allowed_methods(view):
    """The methods `view` answers on the public site.

    A class-based view answers those of GET and POST it has a handler for (HEAD with GET), as
    Django's `View.dispatch` would; a function view what it declares with `answers`, else GET,
    HEAD and POST (Django's language switch, Wagtail's form for a password-protected page)."""
    declared = getattr(view, "allowed_methods", None)
    if declared is not None:
        return declared
    view_class = getattr(view, "view_class", None)
    if view_class is None:
        return PUBLIC_METHODS
    names = view.view_initkwargs.get("http_method_names", view_class.http_method_names)
    handled = {method.upper() for method in names if hasattr(view_class, method)}
    if "GET" in handled:
        handled.add("HEAD")
    return tuple(method for method in PUBLIC_METHODS if method in handled)


class AllowedMethodsMiddleware:
    """405 to a method the view does not answer. Goes before CsrfViewMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, view_args, view_kwargs):
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        allowed = allowed_methods(view)
        if request.method in allowed:
            return None
        return HttpResponseNotAllowed(allowed)
