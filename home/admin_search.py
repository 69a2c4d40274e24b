"""The admin's page search, with the pages in the editor's language ahead of their translations.

Every strategy page exists in six languages, so a search for “soil carbon” used to list the
same objective six times in whatever order the search backend found them. An editor working
in French wants the French pages first; the other languages follow, still ranked by relevance.
"""

from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Locale, Page


class EditorLanguageFirstSearchView(SearchView):
    def get_queryset(self):
        pages = super().get_queryset()
        if self.ordering:
            return pages
        return in_editor_language_first(pages, Locale.get_active())


def in_editor_language_first(pages, locale):
    """The search results as a list, those in `locale` first; a stable sort keeps the
    backend's relevance order within each language. The site holds a few hundred pages, so
    the whole result list is small enough to order here."""
    return sorted(pages, key=lambda page: page.locale_id != locale.pk)


class SitePageViewSet(PageViewSet):
    model = Page
    search_view_class = EditorLanguageFirstSearchView


page_viewset = SitePageViewSet()
