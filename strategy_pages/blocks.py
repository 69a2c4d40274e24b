"""StreamField blocks of the strategy pages: steps, roles, footnotes and target tables.

Tables are built from StructBlock and ListBlock, never TableBlock, so that every statement
is a segment wagtail-localize can translate.
"""

import re

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .choices import Milestone, Role


class JoinStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=80,
        help_text=_("A few words naming the step, e.g. “Log in”."),
    )
    text = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link"],
        help_text=_(
            "What the visitor does in this step. Links may point to pages or e-mail addresses."
        ),
    )
    action = blocks.ChoiceBlock(
        label=_("Action"),
        choices=[("request_login", _("A link to “Request a login”"))],
        required=False,
        help_text=_("A link shown under the text, in the visitor's language."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")


class RoleBlock(blocks.StructBlock):
    role = blocks.ChoiceBlock(
        label=_("Role"),
        choices=Role.choices,
        help_text=_("Which of the three Task Force roles this describes."),
    )
    name = blocks.CharBlock(
        label=_("Name"),
        max_length=80,
        help_text=_("The role's name as visitors read it, e.g. “Task Force Leader”."),
    )
    responsibilities = blocks.ListBlock(
        blocks.CharBlock(max_length=300, label=_("Responsibility")),
        label=_("Responsibilities"),
        help_text=_("One responsibility per item, in the order they should be read."),
    )

    class Meta:
        icon = "group"
        label = _("Role")


# A run of *, † or ‡ right after a word, as in “the Top 80** institutions”.
FOOTNOTE_MARKER = re.compile(r"(?<=[^\s*\u2020\u2021])[*\u2020\u2021]+")


def footnote_markers(text):
    return set(FOOTNOTE_MARKER.findall(text))


class FootnoteMarkerBlock(blocks.CharBlock):
    """A sign such as * or **: the same in every language, so not offered for translation."""

    def get_translatable_segments(self, value):
        return []


class FootnoteBlock(blocks.StructBlock):
    marker = FootnoteMarkerBlock(
        label=_("Marker"),
        max_length=4,
        help_text=_("The sign used in the text to point to this note, e.g. * or **."),
    )
    text = blocks.TextBlock(label=_("Text"), help_text=_("The note itself."))

    class Meta:
        icon = "info-circle"
        label = _("Footnote")


class FootnotesBlock(blocks.StreamBlock):
    footnote = FootnoteBlock()

    class Meta:
        # Read by the admin's add-button labels (static/js/admin-add-buttons.js).
        form_attrs = {"data-add-label": _("Add a footnote")}


class TargetMilestoneValue(blocks.StructValue):
    def heading(self):
        """The column heading visitors read: “Baseline 2020”, “Target 2030”."""
        if self["milestone"] == Milestone.BASELINE:
            return _("Baseline %(year)s") % {"year": self["year"]}
        return _("Target %(year)s") % {"year": self["year"]}


class TargetMilestoneBlock(blocks.StructBlock):
    """One column of an objective's target table: a milestone, its year and its statements."""

    milestone = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=Milestone.choices,
        default=Milestone.TARGET,
        help_text=_("Baseline for the starting point, Target for a goal to reach."),
    )
    year = blocks.IntegerBlock(
        label=_("Year"),
        min_value=1990,
        max_value=2100,
        help_text=_("The year of the milestone, e.g. 2020, 2030 or 2050."),
    )
    statements = blocks.ListBlock(
        blocks.TextBlock(label=_("Statement")),
        label=_("Statements"),
        min_num=1,
        form_attrs={"data-add-label": _("Add a statement")},
        help_text=_(
            "One statement per item; a cell can hold several. Refer to a footnote with its "
            "marker, e.g. * or **, as listed under Footnotes."
        ),
    )

    class Meta:
        icon = "table"
        label = _("Column")
        # Collapsed columns and the minimap read “Target 2030”, not just “Target”.
        label_format = "{milestone} {year}"
        value_class = TargetMilestoneValue


class TargetTableBlock(blocks.StreamBlock):
    milestone = TargetMilestoneBlock()

    class Meta:
        min_num = 1
        max_num = 6
        form_attrs = {"data-add-label": _("Add a column")}
