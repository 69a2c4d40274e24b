"""Translated pages follow their English page the moment it is published.

wagtail-localize refreshes a translation only when someone chooses “Sync translated pages”, and
then, by default, without publishing it: the public translated pages keep the old text, a new
target statement missing entirely, and nothing shows it. Here, publishing an English page
refreshes its translation source and republishes each of its live, synchronised translations at
once. What was translated stays translated; a new or changed text appears in English, marked
`lang="en"` under the “not translated yet” notice, until a translator translates it; the
Translations report and the page's editor count what is left. A translation someone has taken
out of synchronisation (edited as a page of its own) is left alone.
"""

from django.conf import settings
from wagtail.models import Page
from wagtail_localize.models import TranslationSource


def publish_translation(translation, page, user=None):
    """Writes `page`'s translation from its source and the translated strings, and publishes it
    now. wagtail-localize's own `save_target(publish=True)` publishes on commit, with the page
    object as it was at the time: within a longer transaction that can write a stale tree."""
    translation.save_target(user=user, publish=False)
    page.get_translation(translation.target_locale).get_latest_revision().publish(user=user)


def sync_translations(sender, instance, revision=None, **kwargs):
    """Connected to `page_published`: see the module's docstring."""
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    source = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()
    if source is None:
        return  # never translated
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    live = set(
        Page.objects.live()
        .filter(translation_key=instance.translation_key)
        .values_list("locale_id", flat=True)
    )
    user = revision.user if revision else None
    for translation in source.translations.filter(enabled=True, target_locale_id__in=live):
        publish_translation(translation, instance, user)
