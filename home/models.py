"""The site's home page: the way in to the strategy."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from strategy_pages.tree import live_tree

from .pages import SitePage
from .translations.panels import TranslationStatusPanel


class HomePage(SitePage, Page):
    """The root of each language's tree; it leads visitors to the Strategy page."""

    lead = models.CharField(
        _("lead"),
        max_length=255,
        blank=True,
        help_text=_("One sentence under the title, saying what the site offers."),
    )
    body = RichTextField(
        _("body"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short welcome. The goals and a link to the strategy follow it."),
    )

    content_panels = [TranslationStatusPanel(), *Page.content_panels, "lead", "body"]

    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    checked_for_translation = ["lead", "body"]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["strategy_pages.StrategyPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        strategy = next(iter(live_tree(self.path, self.depth, levels=3)), None)
        context["strategy"] = strategy
        context["goals"] = strategy.live_children if strategy else []
        return context
