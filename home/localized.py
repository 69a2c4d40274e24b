"""Translatable rows in the right language: in the visitor's, in the query that fetches what
refers to them (no query per row, no English label on a page in another language); or in the
site's default language, the one the Secretariat's screens and the applications refer to."""

from django.conf import settings
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant


def in_active_language(model, relation, field):
    """An annotation: the `field` of the row `relation` points to, taken from that row's
    translation into the active language, or from the row itself where it has none."""
    translation = model.objects.filter(
        translation_key=OuterRef(f"{relation}__translation_key"),
        locale__language_code=get_language(),
    ).values(field)[:1]
    return Coalesce(Subquery(translation), F(f"{relation}__{field}"))


def in_default_language(queryset):
    """The rows of `queryset` in the site's default language (a join, not a query for the
    locale first)."""
    return queryset.filter(
        locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )


def translated(page):
    """`page` in the active language, or `page` itself where it has no live translation: what
    Wagtail's `page.localized` gives, without its query for the active locale (`page.locale`
    is best fetched with the page, `select_related("locale")`)."""
    if page.locale.language_code == get_supported_content_language_variant(get_language()):
        return page
    translation = (
        type(page)
        .objects.live()
        .filter(
            translation_key=page.translation_key,
            locale__language_code=get_supported_content_language_variant(get_language()),
        )
        .first()
    )
    return translation or page
