"""Wagtail admin registration only: the Translations report, its menu entry, our admin CSS,
the editor's add-button labels and the page search in the editor's language first."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import admin_search
from .translations import views as translations_views
from .translations.menus import TranslationsReportMenuItem


@hooks.register("register_admin_urls")
def translations_report_url():
    return [
        path(
            "reports/translations/",
            translations_views.translations_report,
            name="translations_report",
        )
    ]


@hooks.register("register_reports_menu_item")
def translations_report_menu_item():
    return TranslationsReportMenuItem(
        _("Translations"), reverse("translations_report"), icon_name="globe", order=700
    )


@hooks.register("construct_reports_menu")
def one_translations_report(request, menu_items):
    """wagtail-localize's “Translations” report (a list of translation records) shares our
    report's name; ours links to it, so the menu keeps one entry a person can choose."""
    theirs = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != theirs]


@hooks.register("insert_editor_js")
def add_button_labels():
    return format_html('<script src="{}"></script>', static("js/admin-add-buttons.js"))


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("register_admin_viewset")
def site_page_viewset():
    """Registered after Wagtail's own viewset for `Page`, so it takes its place."""
    return admin_search.page_viewset
