"""Admin forms that check what a single field's validator cannot: codes against the tree,
footnote markers against the footnotes."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm

from home.text import join_items

from .blocks import footnote_markers


class CodeInLocaleForm(WagtailAdminPageForm):
    """Keeps a page's code (`code_field`) unique among the pages of its type in one language."""

    code_field = None

    def clean(self):
        cleaned_data = super().clean()
        code = cleaned_data.get(self.code_field)
        if code:
            cleaned_data[self.code_field] = code = code.upper()
            self.check_code(code)
        return cleaned_data

    def page_locale(self):
        return self.instance.locale if self.instance.locale_id else self.parent_page.locale

    def check_code(self, code):
        model = type(self.instance)
        clash = model.objects.filter(locale=self.page_locale(), **{self.code_field: code})
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            self.add_error(
                self.code_field,
                _("%(code)s is already used by another page in this language.") % {"code": code},
            )


class GoalPageForm(CodeInLocaleForm):
    code_field = "letter"


class ObjectivePageForm(CodeInLocaleForm):
    code_field = "code"

    def clean(self):
        cleaned_data = super().clean()
        self.check_footnote_markers(cleaned_data)
        return cleaned_data

    def check_footnote_markers(self, cleaned_data):
        """A marker typed in the description or a statement points to a footnote."""
        targets, footnotes = cleaned_data.get("targets"), cleaned_data.get("footnotes")
        if targets is None or footnotes is None:
            return  # the field's own error is shown
        texts = [cleaned_data.get("description", "")]
        texts += [statement for column in targets for statement in column.value["statements"]]
        used = set().union(*(footnote_markers(text) for text in texts))
        missing = sorted(used - {note.value["marker"] for note in footnotes}, key=len)
        if missing:
            message = ngettext(
                "The marker %(markers)s is used in the text but has no footnote.",
                "The markers %(markers)s are used in the text but have no footnote.",
                len(missing),
            )
            self.add_error("footnotes", message % {"markers": join_items(missing)})

    def check_code(self, code):
        super().check_code(code)
        goal = self.parent_page.specific
        letter = getattr(goal, "letter", None)
        if letter and not code.startswith(letter):
            self.add_error(
                "code",
                _("An objective of goal %(letter)s has a code starting with %(letter)s.")
                % {"letter": letter},
            )
