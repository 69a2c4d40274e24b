"""Translatable rows read in the visitor's language, in the query that fetches what refers to
them: no query per row, no English label on a page in another language."""

from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import get_language


def in_active_language(model, relation, field):
    """An annotation: the `field` of the row `relation` points to, taken from that row's
    translation into the active language, or from the row itself where it has none."""
    translation = model.objects.filter(
        translation_key=OuterRef(f"{relation}__translation_key"),
        locale__language_code=get_language(),
    ).values(field)[:1]
    return Coalesce(Subquery(translation), F(f"{relation}__{field}"))
