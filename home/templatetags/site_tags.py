"""Template tags shared by every page: language links, breadcrumbs."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language to this page's translation (or this view in that language)."""
    request = context["request"]
    page = context.get("page")
    translations = {}
    if isinstance(page, Page) and page.pk:
        pages = context.get("page_translations")
        if pages is None:
            pages = (
                Page.objects.live()
                .filter(translation_key=page.translation_key)
                .select_related("locale")
            )
        translations = {translation.locale.language_code: translation for translation in pages}
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
        elif translations:
            url = f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "is_current": code == current})
    return links


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context["page"]
    ancestors = getattr(page, "route_ancestors", None)  # fetched by home.routing
    if ancestors is None:
        ancestors = (
            page.get_ancestors()
            .filter(depth__gt=1)
            .only("id", "title", "path", "depth", "url_path", "locale_id", "slug")
        )
    return {
        "request": context["request"],
        "ancestors": ancestors,
        "page": page,
    }
