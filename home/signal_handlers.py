"""Receivers: cached pages forgotten when a page changes; translations republished when their
English page is published."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .page_cache import new_generation, new_page_generation
from .translations.sync import sync_translations


def forget_pages_on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        new_generation()


def find_site_root_paths_again(**_signal_arguments):
    """Wagtail forgets the sites' root paths whenever a site's root page is saved, a publish
    included: found again once the publish is committed, they are ready for the next visitor."""
    transaction.on_commit(Site.get_site_root_paths)


def connect():
    page_published.connect(sync_translations, dispatch_uid="sync_translations")
    page_published.connect(find_site_root_paths_again, dispatch_uid="site_root_paths")
    for signal in (page_published, page_unpublished, page_slug_changed):
        signal.connect(new_page_generation, dispatch_uid=f"page_cache_{signal}")
    # A move may change a site's root page: everything is forgotten, as for a deletion.
    post_page_move.connect(new_generation, dispatch_uid="page_cache_post_page_move")
    post_delete.connect(forget_pages_on_page_delete, dispatch_uid="page_cache_page_delete")
    for signal in (post_save, post_delete):
        signal.connect(new_generation, sender=Site, dispatch_uid=f"page_cache_site_{signal}")
        # A page made private must not be served from the cache a moment longer; a locale's
        # code is in every link to its pages.
        for model in (PageViewRestriction, Locale):
            signal.connect(
                new_generation, sender=model, dispatch_uid=f"page_cache_{model.__name__}_{signal}"
            )
