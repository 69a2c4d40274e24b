"""What every page of the site shares, at one query each: its translations (for the language
switcher, and to tell what is still in English) and the privacy check."""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import PageViewRestriction


class SitePage:
    """A mixin for the site's page models. A translated page whose text is partly still the
    English text says so, and the template marks that text `lang="en"`."""

    checked_for_translation = []

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.page_cacheable = True  # the same for every anonymous visitor: see page_cache
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        translations = self.live_translations()
        context["page_translations"] = translations
        context["untranslated"] = self.untranslated_fields(translations)
        return context

    def live_translations(self):
        """This page in every language it is published in, with its own fields."""
        return list(
            type(self)
            .objects.live()
            .filter(translation_key=self.translation_key)
            .select_related("locale")
        )

    def untranslated_fields(self, translations):
        if get_language() == settings.LANGUAGE_CODE:
            return frozenset()
        source = next(
            (page for page in translations if page.locale.language_code == settings.LANGUAGE_CODE),
            None,
        )
        if source is None:
            return frozenset()
        return frozenset(
            name
            for name in self.checked_for_translation
            if getattr(source, name)
            and comparable(getattr(self, name)) == comparable(getattr(source, name))
        )

    def get_view_restrictions(self):
        """The restrictions on this page and its ancestors, in one query when the router has
        already fetched the ancestors (Wagtail's own method fetches them again)."""
        ancestors = getattr(self, "route_ancestors", None)
        if ancestors is None or self.alias_of_id or any(page.alias_of_id for page in ancestors):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.filter(
            page_id__in=[page.pk for page in ancestors] + [self.pk]
        )


def comparable(value):
    return value.get_prep_value() if hasattr(value, "get_prep_value") else value
