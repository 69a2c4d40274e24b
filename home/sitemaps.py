"""sitemap.xml listing every live page in every language, with hreflang alternates."""

from django.contrib.sitemaps.views import sitemap as sitemap_view
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .methods import READ, answers


class AllLocalesSitemap(Sitemap):
    """Wagtail's sitemap covers one site root; ours has one root per language."""

    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(depth__gte=2)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


@answers(*READ)
def sitemap(request):
    return sitemap_view(request, sitemaps={"pages": AllLocalesSitemap(request)})
