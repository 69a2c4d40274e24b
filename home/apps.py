from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
        )

        from .page_cache import new_generation
        from .translation_sync import sync_translations

        page_published.connect(sync_translations, dispatch_uid="sync_translations")
        for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
            signal.connect(new_generation, dispatch_uid=f"page_cache_{signal}")
        post_delete.connect(forget_pages_on_page_delete, dispatch_uid="page_cache_page_delete")


def forget_pages_on_page_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    from .page_cache import new_generation

    if isinstance(instance, Page):
        new_generation()
