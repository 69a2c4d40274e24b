from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaskforceFormsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "taskforce_forms"
    verbose_name = _("Task Forces")

    def ready(self):
        from . import personal_data, signals

        signals.connect()
        personal_data.connect()
