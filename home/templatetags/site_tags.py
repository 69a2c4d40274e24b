"""Template tags shared by every page: language links, breadcrumbs, untranslated text, and
fragments kept while the tree of pages stays as it is."""

from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

from django import template
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import QueryDict
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.models import Page

from .. import visitor_parts
from ..page_cache import TREE, remembered
from ..pages import PARAGRAPH
from ..text import list_separator

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
            url = view_in_language(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "is_current": code == current})
    return links


def view_in_language(url, code):
    """`url` in language `code`, and the page its `next` leads to as well: a visitor who changes
    language on the login page lands, once logged in, on the page in the language chosen."""
    return url_in_language(url, code, get_language())


# Django resolves a URL in the active language; the URL patterns never change once loaded.
@lru_cache(maxsize=4096)
def url_in_language(url, code, _active_language):
    url = translate_url(url, code)
    parts = urlsplit(url)
    query = QueryDict(parts.query, mutable=True)
    if REDIRECT_FIELD_NAME not in query:
        return url
    query[REDIRECT_FIELD_NAME] = translate_url(query[REDIRECT_FIELD_NAME], code)
    return urlunsplit(parts._replace(query=query.urlencode(safe="/")))


@register.simple_tag(takes_context=True)
def visitor_part(context, name, argument=""):
    """A part of the page that differs from one visitor to the next (`home.visitor_parts`),
    for `argument` (a code) if the part depends on the page too."""
    return visitor_parts.part(context["request"], name, argument)


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


@register.simple_tag(takes_context=True)
def lang_if_untranslated(context, text):
    """` lang="en"` on an element whose text is still the English page's, so that screen
    readers and browsers read it as English (see SitePage.untranslated_texts)."""
    return format_html(' lang="{}"', "en") if text in context.get("untranslated", ()) else ""


@register.filter
def marking_untranslated(html, untranslated):
    """Stored rich text whose paragraphs still in English carry `lang="en" dir="ltr"`; goes
    before `|richtext`."""
    source = getattr(html, "source", html) or ""

    def mark(match):
        tag, attributes, inner = match.group(1), match.group(2), match.group(3)
        if inner not in untranslated:
            return match.group(0)
        return f'<{tag}{attributes} lang="en" dir="ltr">{inner}</{tag}>'

    return PARAGRAPH.sub(mark, source)


register.simple_tag(list_separator)


@register.tag
def tree_fragment(parser, token):
    """`{% tree_fragment "goal-nav" current_goal.pk %}…{% endtree_fragment %}`: rendered once
    per name, values, language and host until the tree of pages changes (`TREE`), for what
    shows only the tree's titles, codes and links (a navigation, the lists of objectives)."""
    key = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endtree_fragment",))
    parser.delete_first_token()
    return TreeFragmentNode(nodelist, key)


class TreeFragmentNode(template.Node):
    def __init__(self, nodelist, key):
        self.nodelist, self.key = nodelist, key

    def render(self, context):
        host = context["request"].get_host()
        key = [get_language(), host, *(part.resolve(context) for part in self.key)]
        return remembered(
            ":".join(map(str, ["tree-fragment", *key])),
            lambda: self.nodelist.render(context),
            generation=TREE,
        )
