"""Builds the strategy's page tree, in every language, from the data file.

The English pages are the source; the other languages are wagtail-localize synchronised
translations of them, so translators carry on from there in the admin.
"""

import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.html import escape, urlize
from wagtail.models import Locale, Page, Site, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from home.models import HomePage
from home.translations.sync import publish_translation

from .models import GoalPage, ObjectivePage, StrategyPage

DATA_FILE = Path(__file__).resolve().parent / "data" / "strategy.json"
TRANSLATIONS_DIR = DATA_FILE.parent / "translations"


def read_strategy(path=DATA_FILE):
    with open(path, encoding="utf-8") as data_file:
        return json.load(data_file)


def read_translations(directory=TRANSLATIONS_DIR):
    """{language code: {English text: translation}} from `translations/<language code>.json`."""
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(directory.glob("*.json"))
    }


def paragraphs_html(paragraphs):
    """Plain-text paragraphs as rich text; e-mail addresses become mailto links."""
    return "".join(f"<p>{urlize(escape(text))}</p>" for text in paragraphs)


def strip_block_ids(value):
    """A StreamField's stored JSON without the ids Wagtail adds, to compare content only."""
    if isinstance(value, list):
        return [strip_block_ids(item) for item in value]
    if isinstance(value, dict):
        if value.get("type") == "item" and "value" in value:
            return strip_block_ids(value["value"])
        return {key: strip_block_ids(item) for key, item in value.items() if key != "id"}
    return value


def list_items(texts):
    """A ListBlock's items in Wagtail's block format. wagtail-localize extracts no segment from
    the older plain-list format, so the items would stay untranslatable."""
    return [{"type": "item", "value": text, "id": str(uuid.uuid4())} for text in texts]


def home_fields(data):
    return {
        "title": data["title"],
        "search_description": data.get("search_description", ""),
        "lead": data["lead"],
        "body": paragraphs_html(data["body"]),
    }


def strategy_fields(data):
    return {
        "title": data["title"],
        "slug": data.get("slug", "task-forces"),
        "search_description": data.get("search_description", ""),
        "lead": data["heading"],
        "intro": paragraphs_html(data["intro"]),
        "join_steps": [
            {
                "type": "step",
                "value": {
                    "title": step["title"],
                    "text": paragraphs_html([step["text"]]),
                    "action": step.get("action", ""),
                },
            }
            for step in data["join_steps"]
        ],
        "roles": [
            {
                "type": "role",
                "value": {
                    "role": role["key"],
                    "name": role["name"],
                    "responsibilities": list_items(role["responsibilities"]),
                },
            }
            for role in data["roles"]
        ],
        "nomination_note": data["nomination_note"],
    }


def goal_fields(data):
    return {
        "title": data["name"],
        "slug": f"goal-{data['letter'].lower()}",
        "search_description": data.get("search_description", ""),
        "letter": data["letter"],
        "statement": data["statement"],
    }


def objective_fields(data):
    return {
        "title": data["title"],
        "slug": data["code"].lower(),
        "search_description": data.get("search_description", ""),
        "code": data["code"],
        "label": data["label"],
        "description": data["description"],
        "targets": [
            {
                "type": "milestone",
                "value": {
                    "milestone": column["milestone"],
                    "year": column["year"],
                    "statements": list_items(column["statements"]),
                },
            }
            for column in data["targets"]
        ],
        "footnotes": [
            {"type": "footnote", "value": {"marker": note["marker"], "text": note["text"]}}
            for note in data.get("footnotes", [])
        ],
    }


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    translated: int = 0

    @property
    def changed(self):
        return bool(self.created or self.updated or self.translated)

    def summary(self):
        if not self.changed:
            return f"Nothing to do: all {len(self.unchanged)} pages already match the data file."
        return (
            f"Created {len(self.created)} pages, updated {len(self.updated)}, "
            f"left {len(self.unchanged)} unchanged; "
            f"{self.translated} translations created or synchronised."
        )


class StrategyLoader:
    """Creates missing pages; with `update`, overwrites pages that differ from the file."""

    def __init__(self, data, update=False, translations=None):
        self.data = data
        self.update = update
        self.translations = translations or {}
        self.report = LoadReport()

    @transaction.atomic
    def load(self):
        locales = ensure_locales()
        home = self.sync_home()
        strategy_data = self.data["strategy"]
        strategy = self.sync_child(
            home, StrategyPage, {}, strategy_fields(strategy_data), "Strategy"
        )
        for goal_data in strategy_data["goals"]:
            goal = self.sync_child(
                strategy,
                GoalPage,
                {"letter": goal_data["letter"]},
                goal_fields(goal_data),
                f"Goal {goal_data['letter']}",
            )
            for objective_data in goal_data["objectives"]:
                self.sync_child(
                    goal,
                    ObjectivePage,
                    {"code": objective_data["code"]},
                    objective_fields(objective_data),
                    f"Objective {objective_data['code']}",
                )
        self.translate(home, locales)
        return self.report

    def sync_home(self):
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            raise RuntimeError("The default site's root page is not a HomePage; run migrate first.")
        if "home" not in self.data:
            self.report.unchanged.append("Home")
        elif home.latest_revision_id is None:
            # The migration's bare home page: fill it in, as for a page created here.
            self.set_fields(home, home_fields(self.data["home"]))
            self.report.created.append("Home")
        else:
            self.apply(home, home_fields(self.data["home"]), "Home")
        return home

    def sync_child(self, parent, model, lookup, fields, name):
        page = model.objects.child_of(parent).filter(**lookup).first()
        if page is None:
            page = model(**fields)
            parent.add_child(instance=page)
            self.publish(page)
            self.report.created.append(name)
            return page
        self.apply(page, fields, name)
        return page

    def apply(self, page, fields, name):
        if not self.update or matches(page, fields):
            self.report.unchanged.append(name)
            return
        self.set_fields(page, fields)
        self.report.updated.append(name)

    def set_fields(self, page, fields):
        for field_name, value in fields.items():
            setattr(page, field_name, value)
        self.publish(page)

    def publish(self, page):
        page.full_clean()
        revision = page.save_revision(log_action=True)
        revision.publish()

    def translate(self, home, locales):
        """Creates the missing translations of every page and translatable snippet, and enters
        the data file's translations. A changed page's translations were re-synced when it was
        published (home.translations.sync)."""
        targets = [locale for locale in locales if locale.pk != home.locale_id]
        source_pages = [home, *home.get_descendants().specific().order_by("path")]
        snippets = translatable_snippets(home.locale)
        sources = [*source_pages, *snippets]
        keys = [instance.translation_key for instance in sources]
        existing = {
            pair
            for model in {Page, *(type(snippet) for snippet in snippets)}
            for pair in model.objects.filter(translation_key__in=keys).values_list(
                "translation_key", "locale_id"
            )
        }
        for instance in sources:
            missing = [
                locale
                for locale in targets
                if (instance.translation_key, locale.pk) not in existing
            ]
            self.report.translated += publish_translations(
                instance, targets, missing, self.translations
            )


def translatable_snippets(locale):
    """The default language's instances of the translatable snippets (the regions): the loader
    translates them as it translates pages, without knowing the apps that define them."""
    return [
        instance
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin)
        for instance in model.objects.filter(locale=locale).order_by("pk")
    ]


def publish_translations(instance, locales, missing, translations):
    """Creates `instance`'s synchronised translations into the `missing` locales, and rewrites
    those of the other `locales` for which the data file brings a translation not yet recorded;
    publishes them (a page) or saves them (a snippet). Returns how many it wrote."""
    if missing:
        source, _created = TranslationSource.update_or_create_from_instance(instance)
    else:
        source, _created = TranslationSource.get_or_create_from_instance(instance)
    segments = list(StringSegment.objects.filter(source=source).select_related("string"))
    written = 0
    for locale in locales:
        recorded = record_translations(segments, locale, translations.get(locale.language_code, {}))
        if locale not in missing and not recorded:
            continue
        translation, _created = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        if isinstance(instance, Page):
            publish_translation(translation, instance)
        else:
            translation.save_target()  # a snippet without drafts: saved, and so live
        written += 1
    return written


# How wagtail-localize's editor names these translations: “Translated with the team's initial
# translation on …”. Rows with this name (or the former one) are the loader's own, refreshed
# when the data file changes; any other row was written by a person and is left as it is.
TOOL_NAME = "the team's initial translation"
FORMER_TOOL_NAMES = ["load_strategy"]


def record_translations(segments, locale, known):
    """Enters the data file's translations of `segments` as a translator would in
    wagtail-localize's editor. A segment someone already translated is left as they wrote it;
    the others stay in English until translated. Returns how many rows it wrote."""
    recorded = 0
    for segment in segments:
        text = known.get(segment.string.as_value().render_text())
        if not text:
            continue
        data = with_source_links(segment.string.data, text)
        translation, created = StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context_id=segment.context_id,
            defaults={
                "data": data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": TOOL_NAME,
            },
        )
        ours = translation.tool_name in [TOOL_NAME, *FORMER_TOOL_NAMES]
        if not created and ours and (translation.data, translation.tool_name) != (data, TOOL_NAME):
            translation.data, translation.tool_name = data, TOOL_NAME
            translation.save(update_fields=["data", "tool_name", "updated_at"])
            created = True
        recorded += created
    return recorded


def with_source_links(source_data, text):
    """`text` in wagtail-localize's format, with the source's links around the same words
    (the Secretariat's e-mail address in the steps to join, say)."""
    data = StringValue.from_plaintext(text).data
    for link_id, link_text in re.findall(r'<a id="(a\d+)">(.*?)</a>', source_data):
        data = data.replace(link_text, f'<a id="{link_id}">{link_text}</a>', 1)
    return data


def ensure_locales():
    return [
        Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES
    ]


def matches(page, fields):
    for field_name, wanted in fields.items():
        current = getattr(page, field_name)
        if isinstance(wanted, list):
            current = strip_block_ids(page._meta.get_field(field_name).get_prep_value(current))
            wanted = strip_block_ids(wanted)
        if current != wanted:
            return False
    return True
