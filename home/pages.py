"""What every page of the site shares, at one query each: its translations (for the language
switcher, and to tell what is still in English) and the privacy check."""

import re

from csp.constants import SELF
from csp.decorators import csp_replace
from django.conf import settings
from django.utils.translation import get_language
from django.views.decorators.clickjacking import xframe_options_sameorigin
from wagtail.blocks import ChoiceBlock, StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from .page_cache import TREE, remembered


def framed_by_the_admin(view):
    return csp_replace({"frame-ancestors": [SELF]})(xframe_options_sameorigin(view))


class SitePage:
    """A mixin for the site's page models. A translated page whose text is partly still the
    English text says so, and the template marks each such text `lang="en"`."""

    checked_for_translation = []

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # The same for every anonymous visitor, and for every visitor once the visitor's own
        # parts are filled in, unless only some may see it: see home.page_cache.
        response.page_cacheable = True
        response.shared_cacheable = not self.get_view_restrictions()
        return response

    def serve_preview(self, request, mode_name):
        """Shown in the editor's preview panel, a frame of the admin's own origin: the public
        pages' `frame-ancestors 'none'` and `X-Frame-Options: DENY` would leave it blank (Wagtail
        renders the preview through the middleware, with the page's own path). Never cached."""
        response = framed_by_the_admin(super().serve_preview)(request, mode_name)
        response.page_cacheable = False
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        translations = self.live_translations()
        context["page_translations"] = translations
        context["untranslated"] = self.untranslated_texts(translations)
        return context

    def live_translations(self):
        """This page in every language it is published in: enough of each for a link to it and,
        for a visitor reading a translation, the English texts `untranslated_texts` compares
        (not the six pages' every field, which an English visitor does not need)."""
        if get_language() != settings.LANGUAGE_CODE:
            return list(self.published_translations())
        # Only where they are, which the tree of pages' generation follows.
        return remembered(
            f"translations:{self.translation_key}",
            lambda: list(
                self.published_translations().only(
                    "url_path", "translation_key", "locale__language_code"
                )
            ),
            generation=TREE,
        )

    def published_translations(self):
        return (
            type(self)
            .objects.live()
            .filter(translation_key=self.translation_key)
            .select_related("locale")
        )

    def untranslated_texts(self, translations):
        """The texts of this page that are still word for word those of the English page: its
        title and `checked_for_translation` fields, down to a statement, a responsibility or a
        paragraph, so that a text added in English after the translation is found too."""
        if get_language() == settings.LANGUAGE_CODE:
            return frozenset()
        source = next(
            (page for page in translations if page.locale.language_code == settings.LANGUAGE_CODE),
            None,
        )
        if source is None:
            return frozenset()
        fields = ["title", *self.checked_for_translation]
        english = {text for name in fields for text in texts(getattr(source, name))}
        return frozenset(
            text for name in fields for text in texts(getattr(self, name)) if text in english
        )

    def get_view_restrictions(self):
        """The restrictions on this page and its ancestors: none at all when the router saw
        none on them, else in one query (Wagtail's own method fetches the ancestors again)."""
        ancestors = getattr(self, "route_ancestors", None)
        if ancestors is None or self.alias_of_id or any(page.alias_of_id for page in ancestors):
            return super().get_view_restrictions()
        if not hasattr(self, "_view_restrictions"):
            # Asked by Wagtail before serving, then by `serve`: one query for both, if any.
            restrictions = PageViewRestriction.objects.filter(
                page_id__in=[page.pk for page in ancestors] + [self.pk]
            )
            self._view_restrictions = restrictions if self.route_restricted else restrictions.none()
        return self._view_restrictions


# A paragraph of stored rich text: its tag, its attributes, its inner HTML.
PARAGRAPH = re.compile(r"<(p|h[2-6]|li)(\b[^>]*)>(.*?)</\1>", re.DOTALL)
WORD = re.compile(r"[^\W\d_]")  # a letter: footnote markers and numbers are no text to translate


def paragraphs(html):
    """The inner HTML of each paragraph of stored rich text, or the whole of a plain text."""
    if "</" not in html:
        return [html]
    return [match.group(3) for match in PARAGRAPH.finditer(html)] or [html]


def texts(value):
    """Every text a visitor reads in a field's value: a plain string, each paragraph of rich
    text, each leaf of a StreamField (struct members, list items), not the choices' keys."""
    if isinstance(value, RichText):
        value = value.source
    if isinstance(value, str):
        return [text for text in paragraphs(value) if WORD.search(text)]
    if isinstance(value, StreamValue):
        return [text for block in value for text in texts(block.value)]
    if isinstance(value, StructValue):
        return [
            text
            for name, block in value.block.child_blocks.items()
            if not isinstance(block, ChoiceBlock)
            for text in texts(value.get(name))
        ]
    if isinstance(value, ListValue | list):
        return [text for item in value for text in texts(item)]
    return []
