"""Panels the site's page models add to Wagtail's editor."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.models import Locale, Page

from .report import State, translation_report


class TranslationStatusPanel(Panel):
    """On an English page's edit form: each language, and how far its translation has followed
    the English page (the Translations report's row for this page)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Translations"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/admin/translation_status_panel.html"

        def is_shown(self):
            page = self.instance
            return bool(page.pk) and page.locale_id == Locale.get_default().pk

        def classes(self):
            """Folded while every translation is complete: the editor's fields come first."""
            complete = all(cell.state == State.COMPLETE for cell in self.cells)
            return [*super().classes(), *(["collapsed"] if complete else [])]

        @cached_property
        def cells(self):
            return self.report["rows"][0]["cells"]

        @cached_property
        def report(self):
            return translation_report(Page.objects.filter(pk=self.instance.pk))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["languages"] = zip(self.report["locales"], self.cells, strict=True)
            return context
