"""What the Task Force knows, as a CSV or XLSX file for its Leader: as the inbox's exports are,
UTF-8 with a byte-order mark, dates to the minute in a stated time zone, no cell a spreadsheet
would run as a formula."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from openpyxl import Workbook

from ..inbox.export import (
    BYTE_ORDER_MARK,
    DATE_FORMAT,
    AnswersExport,
    local_minute,
    neutralise_formula,
)
from ..models import person_name

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SHEET_TITLE = gettext_lazy("What the Task Force knows")


def headings():
    added = _("Added")
    return [
        _("Type"),
        _("Title"),
        _("Link"),
        _("Short description"),
        _("Region"),
        _("Language of the source"),
        _("Added by"),
        f"{added} ({timezone.get_current_timezone_name()})",
    ]


def row(entry):
    return [
        str(entry.get_kind_display()),
        entry.title,
        entry.url,
        entry.description,
        entry.region_name or "",
        str(get_language_info(entry.source_language)["name_translated"]),
        person_name(entry.author) if entry.author else "",
        local_minute(entry.created_at),
    ]


def as_csv(entries):
    output = io.StringIO()
    output.write(BYTE_ORDER_MARK)
    writer = csv.writer(output)
    writer.writerow(headings())
    for entry in entries:
        cells = row(entry)
        cells[-1] = cells[-1].strftime(DATE_FORMAT)
        writer.writerow([neutralise_formula(cell) for cell in cells])
    return output.getvalue().encode()


def as_xlsx(entries):
    workbook = Workbook(write_only=True, iso_dates=True)
    sheet = workbook.create_sheet(title=str(SHEET_TITLE)[:31])
    sheet.freeze_panes = "A2"
    sheet.append([AnswersExport.header_cell(sheet, heading) for heading in headings()])
    for entry in entries:
        sheet.append(
            [AnswersExport.xlsx_cell(sheet, neutralise_formula(cell)) for cell in row(entry)]
        )
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def download(entries, code, file_format):
    """The file of `entries` of Task Force `code` in `file_format` (csv or xlsx)."""
    content = as_csv(entries) if file_format == "csv" else as_xlsx(entries)
    response = HttpResponse(content, content_type=FORMATS[file_format])
    filename = f"task-force-{code.lower()}-knowledge.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
