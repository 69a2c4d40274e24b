from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.templatetags.static import static as static_url
from django.urls import include, path, re_path
from django.utils.functional import lazy
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from home import health, routing
from home.sitemaps import sitemap
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
    # Browsers and feed readers ask for /favicon.ico whatever the page links to. The icon's
    # address is hashed in production, so it is read once the storage is ready, and the
    # redirect is temporary: the address changes with the icon.
    path(
        "favicon.ico",
        RedirectView.as_view(
            url=lazy(static_url, str)("icons/favicon.ico"), http_method_names=["get", "head"]
        ),
        name="favicon",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("health/", health.health, name="health"),
    path("health/alive/", health.alive, name="alive"),
]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("", include("taskforce_forms.urls")),
    # Wagtail's serve view, with pages found in three queries (home.routing), then the rest of
    # Wagtail's front-end URLs.
    re_path(serve_pattern, routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
)

if settings.DEBUG:
    urlpatterns = (
        staticfiles_urlpatterns()
        + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
        + urlpatterns
    )
