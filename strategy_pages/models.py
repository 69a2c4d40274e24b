"""The strategy as pages: the Strategy page, its six Goals and their Objectives."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.pages import SitePage
from home.translations.panels import TranslationStatusPanel

from .blocks import FootnotesBlock, JoinStepBlock, RoleBlock, TargetTableBlock
from .forms import GoalPageForm, ObjectivePageForm
from .tree import live_tree

# An objective's code, which is also its Task Force's: the goal's letter and a number, e.g. C3.
OBJECTIVE_CODE = r"[A-Z][1-9][0-9]?"


class StrategyPage(SitePage, Page):
    """“Join our Task Forces”: how to join, the three roles, and the goals below it."""

    lead = models.CharField(
        _("lead"),
        max_length=255,
        help_text=_("The sentence under the page title that says what the page is for."),
    )
    intro = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link"],
        help_text=_("A few paragraphs on what the Task Forces do."),
    )
    join_steps = StreamField(
        [("step", JoinStepBlock())],
        verbose_name=_("how to join"),
        min_num=1,
        help_text=_("The steps a visitor follows to join a Task Force, in order."),
    )
    roles = StreamField(
        [("role", RoleBlock())],
        verbose_name=_("roles"),
        min_num=1,
        max_num=3,
        help_text=_("The three roles one can take in a Task Force, with their responsibilities."),
    )
    nomination_note = models.TextField(
        _("nomination note"),
        help_text=_(
            "How the Secretariat selects and nominates Leaders and Regional Representatives."
        ),
    )

    content_panels = [
        TranslationStatusPanel(),
        *Page.content_panels,
        "lead",
        "intro",
        "join_steps",
        MultiFieldPanel(["roles", "nomination_note"], heading=_("Roles")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("intro"),
        index.SearchField("join_steps"),
        index.SearchField("roles"),
    ]

    checked_for_translation = ["lead", "intro", "join_steps", "roles", "nomination_note"]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["strategy_pages.GoalPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("strategy page")
        verbose_name_plural = _("strategy pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["goals"] = live_tree(self.path, self.depth)
        return context

    def get_admin_display_title(self):
        """“Strategy · Join our Task Forces”: editors told to edit the strategy find it."""
        return _("Strategy · %(title)s") % {"title": super().get_admin_display_title()}

    def role(self, role):
        """The role block describing `role` (a `Role` value), or None."""
        return next((block.value for block in self.roles if block.value["role"] == role), None)


class GoalPage(SitePage, Page):
    """One of the strategy's goals, A to F; its title is the goal's name."""

    letter = models.CharField(
        _("letter"),
        max_length=1,
        validators=[RegexValidator(r"^[A-Z]$", _("Enter one capital letter, A to Z."))],
        help_text=_("The goal's letter, A to Z; its objectives' codes start with it."),
    )
    statement = models.TextField(
        _("statement"),
        help_text=_("One sentence saying what the goal aims at."),
    )

    content_panels = [
        TranslationStatusPanel(),
        FieldPanel("letter"),
        FieldPanel("title", help_text=_("The goal's name, e.g. “Initiation & Conceptualization”.")),
        "statement",
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("letter"),
        index.FilterField("letter"),
        index.SearchField("statement"),
    ]

    override_translatable_fields = [SynchronizedField("letter")]
    checked_for_translation = ["statement"]
    base_form_class = GoalPageForm
    parent_page_types = ["strategy_pages.StrategyPage"]
    subpage_types = ["strategy_pages.ObjectivePage"]

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["path"]

    def get_admin_display_title(self):
        return f"{self.letter} · {super().get_admin_display_title()}"

    @property
    def name(self):
        return self.title

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        goals = live_tree(self.path[: -self.steplen], self.depth - 1)
        context["goals"] = goals
        context["objectives"] = next(
            (goal.live_children for goal in goals if goal.pk == self.pk), []
        )
        return context


class ObjectivePage(SitePage, Page):
    """An objective, A1 to F3, with its target table; each objective has one Task Force."""

    code = models.CharField(
        _("code"),
        max_length=3,
        validators=[
            RegexValidator(
                rf"^{OBJECTIVE_CODE}$",
                _("Enter the goal's letter followed by a number, e.g. A1 or C3."),
            )
        ],
        help_text=_("The goal's letter and the objective's number, e.g. A1. Unique per language."),
    )
    label = models.CharField(
        _("label"),
        max_length=80,
        help_text=_("A short name for the objective and its Task Force, e.g. “NDCs”."),
    )
    description = models.TextField(
        _("description"),
        help_text=_("What the world looks like when the objective is reached."),
    )
    targets = StreamField(
        TargetTableBlock(),
        verbose_name=_("target table"),
        help_text=_(
            "The columns of the target table, left to right: usually Baseline 2020, "
            "Target 2030 and Target 2050. Each cell holds one or more statements."
        ),
    )
    footnotes = StreamField(
        FootnotesBlock(),
        verbose_name=_("footnotes"),
        blank=True,
        help_text=_("Notes referred to by a marker such as * in the description or the targets."),
    )

    content_panels = [
        TranslationStatusPanel(),
        MultiFieldPanel(
            [
                "code",
                "label",
                FieldPanel("title", help_text=_("The objective's full title, one sentence.")),
            ],
            heading=_("Objective"),
        ),
        "description",
        HelpPanel(
            content=_(
                "Add one milestone per column of the target table. Statements are plain "
                "text: the site lays out the table for every screen size."
            )
        ),
        "targets",
        "footnotes",
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("code", boost=10),
        index.AutocompleteField("code"),
        index.FilterField("code"),
        index.SearchField("label", boost=5),
        index.AutocompleteField("label"),
        index.SearchField("description"),
        index.SearchField("targets"),
        index.SearchField("footnotes"),
    ]

    override_translatable_fields = [SynchronizedField("code")]
    checked_for_translation = ["label", "description", "targets", "footnotes"]
    base_form_class = ObjectivePageForm
    parent_page_types = ["strategy_pages.GoalPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["path"]

    def get_admin_display_title(self):
        return f"{self.code} · {super().get_admin_display_title()}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        goals = live_tree(self.path[: -2 * self.steplen], self.depth - 2)
        objectives = [objective for goal in goals for objective in goal.live_children]
        context["goals"] = goals
        context["goal"] = next((goal for goal in goals if self.path.startswith(goal.path)), None)
        context["previous_objective"], context["next_objective"] = neighbours(self, objectives)
        return context


def neighbours(objective, objectives):
    """The objectives before and after `objective` in `objectives`, across goals."""
    position = next((i for i, page in enumerate(objectives) if page.pk == objective.pk), None)
    if position is None:
        return None, None
    previous = objectives[position - 1] if position > 0 else None
    following = objectives[position + 1] if position + 1 < len(objectives) else None
    return previous, following
