"""Which page is translated into which language, and which translations the English page has
left behind: the page × language overview wagtail-localize's users ask for."""

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource


class State(StrEnum):
    COMPLETE = "complete"
    PARTIAL = "partial"
    NOT_PUBLISHED = "not_published"
    OUT_OF_DATE = "out_of_date"
    MISSING = "missing"


STATE_LABELS = {
    State.COMPLETE: _("Complete"),
    State.PARTIAL: _("Partly in English"),
    State.NOT_PUBLISHED: _("Synced, not published"),
    State.OUT_OF_DATE: _("Out of date"),
    State.MISSING: _("Missing"),
}


@dataclass
class Cell:
    state: State
    page: Page | None = None
    translated: int = 0
    segments: int = 0

    @property
    def label(self):
        return STATE_LABELS[self.state]

    @property
    def percent(self):
        return round(100 * self.translated / self.segments) if self.segments else 100


def translation_report(pages=None):
    """One row per page of the default language (or per page of `pages`), one cell per other
    language; a handful of queries whatever the number of pages."""
    default = Locale.get_default()
    locales = list(Locale.objects.exclude(pk=default.pk).order_by("language_code"))
    if pages is None:
        pages = Page.objects.filter(locale=default, depth__gt=1).order_by("path")
    pages = list(pages)
    keys = [page.translation_key for page in pages]
    translations = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys).exclude(locale=default)
    }
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=default)
    }
    segments = list(
        StringSegment.objects.filter(source__in=sources.values())
        .exclude(context__path="slug")  # the same in every language, on purpose
        .values_list("source__object_id", "string_id", "context_id")
    )
    segment_counts = Counter(key for key, _string, _context in segments)
    done = set(
        StringTranslation.objects.filter(
            translation_of_id__in={string for _key, string, _context in segments}
        ).values_list("translation_of_id", "context_id", "locale_id")
    )
    translated = Counter(
        (key, locale.pk)
        for key, string, context in segments
        for locale in locales
        if (string, context, locale.pk) in done
    )
    rows = []
    for page in pages:
        source = sources.get(page.translation_key)
        cells = []
        for locale in locales:
            target = translations.get((page.translation_key, locale.pk))
            cells.append(
                cell(
                    page,
                    source,
                    target,
                    segment_counts[page.translation_key],
                    translated[(page.translation_key, locale.pk)],
                )
            )
        rows.append({"page": page, "cells": cells})
    return {"locales": locales, "rows": rows}


def cell(page, source, target, segments, translated):
    if target is None:
        return Cell(State.MISSING)
    if source is None or published_after(page, source.last_updated_at):
        state = State.OUT_OF_DATE  # the English page changed since the last sync
    elif not published_after(target, source.last_updated_at):
        state = State.NOT_PUBLISHED  # synced, but visitors still read the translation before it
    elif translated < segments:
        state = State.PARTIAL
    else:
        state = State.COMPLETE
    return Cell(state, target, translated, segments)


def published_after(page, moment):
    return bool(page.live and page.last_published_at and page.last_published_at > moment)
