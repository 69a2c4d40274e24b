from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The site's base app: the home page, and what every page shares (routing, the page cache,
    translations, health probes, backups)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        # Imported once the models are loaded, as Django asks of receivers' modules.
        from . import signal_handlers

        signal_handlers.connect()
