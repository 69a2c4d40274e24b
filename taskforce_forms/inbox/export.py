"""The applications list's CSV and XLSX exports: one column per answer, values as people read
them, and no cell a spreadsheet would run as a formula."""

from collections import OrderedDict

from django.contrib.admin.utils import label_for_field, lookup_field
from django.utils.functional import cached_property
from django.utils.text import capfirst

from ..join.answers import answer_fields, readable_answer


class AnswersExport:
    """For a modeladmin IndexView: exported rows with the answers in columns of their own."""

    @cached_property
    def answer_columns(self):
        return dict(answer_fields())

    def to_row_dict(self, item):
        row = OrderedDict()
        for column in self.list_export:
            if column in self.answer_columns:
                row[column] = readable_answer(self.answer_columns[column], item.answers.get(column))
            else:
                row[column] = export_value(item, column, self.model_admin)
        return row

    def get_heading(self, queryset, field):
        if field in self.answer_columns:
            return str(self.answer_columns[field].label)
        return capfirst(str(label_for_field(field, self.model, self.model_admin)))

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))


def export_value(item, column, model_admin):
    """A cell as people read it: choice labels, Yes or No, never a stored code."""
    display = getattr(item, f"get_{column}_display", None)
    if display is not None:
        return display()
    value = lookup_field(column, item, model_admin)[2]
    return readable_answer(None, value) if isinstance(value, bool) else value


def neutralise_formula(value):
    """A cell a spreadsheet would run as a formula is kept as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
