from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyPagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "strategy_pages"
    verbose_name = _("Strategy")

    def ready(self):
        # Imported once the models are loaded, as Django asks of receivers' modules.
        from . import signal_handlers

        signal_handlers.connect()
