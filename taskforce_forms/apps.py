from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaskforceFormsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "taskforce_forms"
    verbose_name = _("Task Forces")

    def ready(self):
        # Imported once the models are loaded, as Django asks of receivers' modules.
        from . import signal_handlers

        # The same for the second factor's receivers.
        from .second_factor import signal_handlers as second_factor_signal_handlers

        signal_handlers.connect()
        second_factor_signal_handlers.connect()
        # The space's link on objective pages, a part filled in per visitor.
        from .spaces import links as space_links

        space_links.register()
        # The calendar file of the meetings' e-mails, which the outbox attaches when it sends.
        from .spaces import meetings as space_meetings

        space_meetings.register()
