"""The applications list's CSV and XLSX exports: one column per answer, values as people read
them, no cell a spreadsheet would run as a formula, and files that open as they should in Excel
and LibreOffice: UTF-8 with a byte-order mark, dates to the minute in a stated time zone, and in
XLSX a bold, frozen, filterable header row and columns wide enough to read."""

import datetime
from collections import OrderedDict

from django.contrib.admin.utils import label_for_field, lookup_field
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from ..join.answers import answer_fields, readable_answer

BYTE_ORDER_MARK = "\ufeff"  # tells Excel the CSV is UTF-8: العربية, 简体中文, Thünen read right
DATE_FORMAT = "%Y-%m-%d %H:%M"
XLSX_DATE_FORMAT = "yyyy-mm-dd hh:mm"
MAX_COLUMN_WIDTH = 60


def local_minute(value):
    """A moment in the site's time zone, to the minute, without a time zone (as cells hold it)."""
    return timezone.make_naive(value).replace(second=0, microsecond=0)


class AnswersExport:
    """For a modeladmin IndexView: exported rows with the answers in columns of their own."""

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_CSV: lambda value: local_minute(value).strftime(
                DATE_FORMAT
            ),
            SpreadsheetExportMixin.FORMAT_XLSX: local_minute,
        },
    }

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
        heading = capfirst(str(label_for_field(field, self.model, self.model_admin)))
        if self.is_moment(field):
            return f"{heading} ({timezone.get_current_timezone_name()})"
        return heading

    def is_moment(self, field):
        try:
            return isinstance(self.model._meta.get_field(field), models.DateTimeField)
        except (FieldDoesNotExist, TypeError):
            return False

    def stream_csv(self, queryset):
        yield BYTE_ORDER_MARK
        yield from super().stream_csv(queryset)

    def write_xlsx(self, queryset, output):
        workbook = Workbook(write_only=True, iso_dates=True)
        sheet = workbook.create_sheet(title=str(self.get_filename())[:31])
        headings = [self.get_heading(queryset, field) for field in self.list_export]
        rows = [
            [self.preprocess_field_value(field, value, self.FORMAT_XLSX) for field, value in row]
            for row in (self.to_row_dict(item).items() for item in queryset)
        ]
        for number, heading in enumerate(headings):
            widest = max([len(heading), *(len(str(row[number] or "")) for row in rows)])
            sheet.column_dimensions[get_column_letter(number + 1)].width = min(
                widest + 2, MAX_COLUMN_WIDTH
            )
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headings))}{len(rows) + 1}"
        sheet.append([self.header_cell(sheet, heading) for heading in headings])
        for row in rows:
            sheet.append([self.xlsx_cell(sheet, value) for value in row])
        workbook.save(output)

    @staticmethod
    def header_cell(sheet, heading):
        cell = WriteOnlyCell(sheet, heading)
        cell.font = Font(bold=True)
        return cell

    @staticmethod
    def xlsx_cell(sheet, value):
        cell = WriteOnlyCell(sheet, value)
        if cell.data_type == "f":
            cell.data_type = "s"  # never a formula
        if isinstance(value, datetime.datetime):
            cell.number_format = XLSX_DATE_FORMAT
        return cell

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
