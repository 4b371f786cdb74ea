"""Files people take away: CSV and Excel of any table (the briefing report, in PDF,
Word and Excel, is nq57.briefing).

CSV is UTF-8 with a byte-order mark so that Excel opens Vietnamese text correctly;
numbers keep a plain decimal point for other programs. The Excel file has real
numbers and dates with formats (Excel shows them in the reader's locale), a frozen
header and sensible widths.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from nq57 import labels
from nq57.tables import Column, Table, display_value
from nq57.text import fold, nfc
from nq57.untrusted import spreadsheet_text, write_text

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# --- values -------------------------------------------------------------------------


_NUMERIC = ("number", "integer", "share", "progress")


def _missing(value: Any) -> bool:
    if value is None or value is pd.NaT:
        return True
    return not isinstance(value, (str, bytes, bool, list, tuple)) and bool(pd.isna(value))


def _not_a_number(column: Column, value: Any) -> bool:
    """A number column holding infinity (or something that is no number): printed as
    missing, never as 'inf'."""
    if column.kind not in _NUMERIC:
        return False
    try:
        return not math.isfinite(float(value))
    except (TypeError, ValueError, OverflowError):
        return True


def _plain(column: Column, value: Any) -> Any:
    """A cell as data: a number, a date, or words for codes (statuses, flags)."""
    if _missing(value) or _not_a_number(column, value):
        return None
    if column.kind == "number":
        return round(float(value), column.decimals)
    if column.kind == "integer":
        return int(value)
    if column.kind in ("share", "progress"):
        return float(value)
    if column.kind == "date":
        return pd.Timestamp(value).date()
    if column.kind == "datetime":
        return pd.Timestamp(value).to_pydatetime().replace(microsecond=0)
    if column.kind in ("status", "reporting", "flag"):
        return display_value(column, value)
    return nfc(str(value))


def _csv_cell(column: Column, value: Any) -> str:
    plain = _plain(column, value)
    if plain is None:
        return ""
    if column.kind in ("share", "progress"):
        return f"{plain * 100:.1f}"
    if isinstance(plain, datetime):
        return plain.strftime("%Y-%m-%d %H:%M")
    if isinstance(plain, date):
        return plain.isoformat()
    if isinstance(plain, float):
        return f"{plain:.{column.decimals}f}".rstrip("0").rstrip(".") if column.decimals else (
            f"{plain:.0f}")
    return spreadsheet_text(str(plain)) if column.kind == "text" else str(plain)


def _csv_header(column: Column) -> str:
    return column.header + (" (%)" if column.kind in ("share", "progress") else "")


def to_csv(table: Table, *, demo: bool = False) -> bytes:
    """The table as CSV: UTF-8 with BOM, Vietnamese headers, shares in percent. Made
    from demo data, its last line says so."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = table.exported
    writer.writerow([_csv_header(c) for c in columns])
    for row in table.frame[[c.key for c in columns]].itertuples(index=False):
        writer.writerow([_csv_cell(c, v) for c, v in zip(columns, row, strict=True)])
    if demo:
        writer.writerow([labels.MESSAGES["demo_file"]] + [""] * (len(columns) - 1))
    return buffer.getvalue().encode("utf-8-sig")


# --- Excel ---------------------------------------------------------------------------

_XLSX_FORMATS = {
    "integer": "#,##0",
    "share": "0.0%",
    "progress": "0%",
    "date": "dd/mm/yyyy",
    "datetime": "dd/mm/yyyy hh:mm",
}
_SHEET_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def _number_format(column: Column) -> str | None:
    if column.kind == "number":
        return "#,##0" + ("." + "0" * column.decimals if column.decimals else "")
    return _XLSX_FORMATS.get(column.kind)


def _tint(hex_colour: str, amount: float = 0.55) -> str:
    """The colour mixed with white, so black text on it stays readable."""
    rgb = [int(hex_colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)


def _write_sheet(sheet: Any, table: Table, demo: bool = False) -> None:
    columns = table.exported
    sheet.title = nfc(table.title).translate(_SHEET_FORBIDDEN)[:31]
    sheet.append([c.header for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DCE3EC")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    fills = {s: PatternFill("solid", fgColor=_tint(c)) for s, c in labels.STATUS_COLORS.items()}
    for row in table.frame[[c.key for c in columns]].itertuples(index=False):
        sheet.append([_plain(c, v) for c, v in zip(columns, row, strict=True)])
        for cell, column, raw in zip(sheet[sheet.max_row], columns, row, strict=True):
            number_format = _number_format(column)
            if number_format:
                cell.number_format = number_format
            if isinstance(cell.value, str):
                write_text(cell, cell.value)  # typed text never runs as a formula
            if column.kind == "status" and not _missing(raw):
                cell.fill = fills[str(raw)]
            if column.width >= 30:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width + 2
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    if demo:  # below the table, outside its filter: the file says what its data are
        sheet.append([])
        sheet.append([labels.MESSAGES["demo_file"]])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, color="9C0006")


def to_xlsx(tables: Table | Sequence[Table], *, demo: bool = False) -> bytes:
    """One sheet per table: Vietnamese headers, real numbers and dates, frozen header;
    made from demo data, each sheet says so below its table."""
    tables = [tables] if isinstance(tables, Table) else list(tables)
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    workbook.properties.creator = labels.APP_TITLE
    workbook.properties.title = nfc(tables[0].title) if tables else labels.APP_TITLE
    for table in tables:
        _write_sheet(workbook.create_sheet(), table, demo)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


DEMO_STEM = "so-lieu-minh-hoa"


def file_stem(name: str, period: str, *, demo: bool = False) -> str:
    """'khoang-cach-2026-Q3': ASCII file names survive every mail client; a file made
    from demo data is named so ('…-so-lieu-minh-hoa')."""
    slug = "-".join(part for part in fold(name).replace("/", " ").split() if part.isalnum())
    stem = f"{slug}-{period}" if period else slug
    return f"{stem}-{DEMO_STEM}" if demo else stem
