"""Admin forms that check what a single field's validator cannot: codes against the tree."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


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
