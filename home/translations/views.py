from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .report import translation_report


def translations_report(request):
    """The page × language overview, in the Reports menu of the admin."""
    return TemplateResponse(
        request,
        "home/admin/translations_report.html",
        {"report": translation_report(), "page_title": _("Translations")},
    )
