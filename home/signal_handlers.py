"""Receivers: cached pages forgotten when a page changes; translations republished when their
English page is published."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .page_cache import new_generation, new_page_generation
from .translations.sync import sync_translations


def forget_pages_on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        new_generation()


def connect():
    page_published.connect(sync_translations, dispatch_uid="sync_translations")
    for signal in (page_published, page_unpublished, page_slug_changed):
        signal.connect(new_page_generation, dispatch_uid=f"page_cache_{signal}")
    # A move may change a site's root page: everything is forgotten, as for a deletion.
    post_page_move.connect(new_generation, dispatch_uid="page_cache_post_page_move")
    post_delete.connect(forget_pages_on_page_delete, dispatch_uid="page_cache_page_delete")
    for signal in (post_save, post_delete):
        signal.connect(new_generation, sender=Site, dispatch_uid=f"page_cache_site_{signal}")
