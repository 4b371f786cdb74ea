"""Files people take away: CSV and Excel of any table, and a PDF briefing of the view.

CSV is UTF-8 with a byte-order mark so that Excel opens Vietnamese text correctly;
numbers keep a plain decimal point for other programs. The Excel file has real
numbers and dates with formats (Excel shows them in the reader's locale), a frozen
header and sensible widths. The PDF embeds a font with Vietnamese glyphs.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from fpdf import FPDF
from fpdf.fonts import FontFace
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from nq57 import labels, status
from nq57.cells import records, whole
from nq57.tables import Column, Table, display_value, gap_table
from nq57.text import fold, nfc

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_MIME = "application/pdf"

# --- values -------------------------------------------------------------------------


def _missing(value: Any) -> bool:
    if value is None or value is pd.NaT:
        return True
    return not isinstance(value, (str, bytes, bool, list, tuple)) and bool(pd.isna(value))


def _plain(column: Column, value: Any) -> Any:
    """A cell as data: a number, a date, or words for codes (statuses, flags)."""
    if _missing(value):
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
    return str(plain)


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
        writer.writerow([labels.PDF_TEXTS["demo"]] + [""] * (len(columns) - 1))
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
        sheet.append([labels.PDF_TEXTS["demo"]])
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


# --- PDF briefing -------------------------------------------------------------------

FONT_CANDIDATES: tuple[tuple[str, str], ...] = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
     "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
)
FONT_SEARCH = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
               Path.home() / ".fonts")
FONT_NAMES = (("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
              ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"))

# The briefing's gap table: the columns that fit a landscape A4 page.
BRIEFING_COLUMNS = ("code", "name", "lead_unit_short", "threshold", "actual", "expected",
                    "completion", "status")


class FontMissing(RuntimeError):
    """No font with Vietnamese glyphs was found for the PDF."""


def find_font() -> tuple[Path, Path]:
    """A regular and a bold TTF with Vietnamese glyphs: DejaVu Sans, else Noto Sans."""
    for regular_path, bold_path in FONT_CANDIDATES:
        if Path(regular_path).is_file() and Path(bold_path).is_file():
            return Path(regular_path), Path(bold_path)
    for folder in FONT_SEARCH:
        if not folder.is_dir():
            continue
        for regular_name, bold_name in FONT_NAMES:
            for regular in folder.rglob(regular_name):
                bold = regular.with_name(bold_name)
                return regular, bold if bold.is_file() else regular
    raise FontMissing("Không tìm thấy phông chữ tiếng Việt (DejaVu Sans hoặc Noto Sans) "
                      "để tạo tệp PDF; hãy cài gói fonts-dejavu-core.")


@dataclass(frozen=True)
class Briefing:
    """What a leader takes into a meeting: the view's counts, red warnings and gaps."""

    title: str
    period_label: str
    filters: tuple[str, ...]
    as_of: date
    counts: tuple[tuple[str, int, int | None], ...]  # status, items, previous period
    previous_label: str | None
    red: tuple[tuple[str, str, str, str], ...]  # code, name, reason, lead unit
    gaps: Table
    extra: tuple[Table, ...] = ()
    demo: bool = False
    generated_at: datetime = field(default_factory=lambda: datetime.now().replace(
        microsecond=0))


def briefing(*, title: str, period_label: str, filters: Sequence[str], as_of: date,
             change: pd.DataFrame, gaps: pd.DataFrame, previous_label: str | None = None,
             extra: Sequence[Table] = (), demo: bool = False) -> Briefing:
    """A briefing from the view's status counts (summary.status_change) and gaps rows."""
    counts = tuple(
        (str(row.status), whole(row.items),
         None if _missing(row.previous_items) else whole(row.previous_items))
        for row in change.itertuples(index=False))
    red_rows = gaps[gaps["status"] == "red"]
    red = tuple(
        (row["code"], row["name"], status.explain(row), str(row.get("lead_unit_name") or ""))
        for row in records(red_rows))
    return Briefing(title, period_label, tuple(filters), as_of, counts, previous_label, red,
                    gap_table(gaps), tuple(extra), demo)


class _Document(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(size=8)
        self.set_text_color(90, 90, 90)
        page = labels.PDF_TEXTS["page"].format(page=self.page_no(), pages="{nb}")
        self.cell(0, 6, nfc(f"{self.footer_text} · {page}"), align="R")


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    pdf.set_font(style="B", size=12)
    pdf.multi_cell(0, 7, nfc(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(style="", size=9)


def _pdf_table(pdf: FPDF, table: Table, keys: Sequence[str] | None = None) -> None:
    columns = [c for c in table.exported if keys is None or c.key in keys]
    total = sum(c.width for c in columns)
    widths = [pdf.epw * c.width / total for c in columns]
    pdf.set_font(size=8)
    heading = FontFace(emphasis="BOLD", fill_color=(220, 227, 236))
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=4.2,
                   headings_style=heading, width=pdf.epw) as grid:
        grid.row([nfc(c.header) for c in columns])
        for record in table.frame[[c.key for c in columns]].itertuples(index=False):
            row = grid.row()
            for column, value in zip(columns, record, strict=True):
                style = None
                if column.kind == "status" and not _missing(value):
                    style = FontFace(fill_color=_rgb(_tint(labels.STATUS_COLORS[str(value)])))
                align = "RIGHT" if column.kind in ("number", "integer", "share",
                                                   "progress") else "LEFT"
                row.cell(nfc(display_value(column, value)), align=align, style=style)
    pdf.set_font(size=9)


def _counts_line(item: tuple[str, int, int | None], previous_label: str | None) -> str:
    code, items, before = item
    text = f"{labels.STATUS_LABELS[code]}: {items}"
    if before is not None and previous_label:
        change = items - before
        text += " (" + (labels.OVERVIEW_TEXTS["change"].format(
            change=change, period=previous_label) if change else
            labels.OVERVIEW_TEXTS["change_none"]) + ")"
    return text


def briefing_pdf(brief: Briefing) -> bytes:
    """The briefing as an A4 landscape PDF with Vietnamese text."""
    regular, bold = find_font()
    pdf = _Document(orientation="L", unit="mm", format="A4")
    pdf.footer_text = f"{labels.APP_TITLE} · {brief.title}"
    pdf.set_title(nfc(f"{brief.title} — {brief.period_label}"))
    pdf.set_author(labels.APP_TITLE)
    pdf.add_font("Body", "", str(regular))
    pdf.add_font("Body", "B", str(bold))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()

    pdf.set_font("Body", "B", 16)
    pdf.multi_cell(0, 8, nfc(f"{brief.title} — {brief.period_label}"),
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Body", "", 9)
    pdf.multi_cell(0, 5, nfc(labels.APP_SUBTITLE), new_x="LMARGIN", new_y="NEXT")
    for line in brief.filters:
        pdf.multi_cell(0, 5, nfc(line), new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 5, nfc(labels.PDF_TEXTS["as_of"].format(
        day=brief.as_of.strftime("%d/%m/%Y"),
        moment=brief.generated_at.strftime("%d/%m/%Y %H:%M"))), new_x="LMARGIN", new_y="NEXT")
    if brief.demo:
        pdf.set_text_color(*_rgb(labels.STATUS_COLORS["red"]))
        pdf.multi_cell(0, 5, nfc(labels.PDF_TEXTS["demo"]), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)

    _heading(pdf, labels.PDF_TEXTS["counts"])
    for item in brief.counts:
        pdf.set_fill_color(*_rgb(_tint(labels.STATUS_COLORS[item[0]])))
        pdf.cell(4, 4, "", fill=True)
        pdf.cell(2, 4, "")
        pdf.multi_cell(0, 5, nfc(_counts_line(item, brief.previous_label)),
                       new_x="LMARGIN", new_y="NEXT")

    _heading(pdf, labels.PDF_TEXTS["red"])
    if not brief.red:
        pdf.multi_cell(0, 5, nfc(labels.PDF_TEXTS["no_red"]), new_x="LMARGIN", new_y="NEXT")
    for code, name, reason, unit in brief.red:
        pdf.set_font(style="B")
        pdf.multi_cell(0, 5, nfc(f"{code} — {name}"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(style="")
        detail = reason + (" · " + labels.OVERVIEW_TEXTS["lead_unit"].format(unit=unit)
                           if unit else "")
        pdf.multi_cell(0, 5, nfc(detail), new_x="LMARGIN", new_y="NEXT")

    _heading(pdf, labels.PDF_TEXTS["gaps"])
    _pdf_table(pdf, brief.gaps, BRIEFING_COLUMNS)
    for table in brief.extra:
        _heading(pdf, table.title)
        _pdf_table(pdf, table)
    return bytes(pdf.output())


DEMO_STEM = "so-lieu-minh-hoa"


def file_stem(name: str, period: str, *, demo: bool = False) -> str:
    """'khoang-cach-2026-Q3': ASCII file names survive every mail client; a file made
    from demo data is named so ('…-so-lieu-minh-hoa')."""
    slug = "-".join(part for part in fold(name).replace("/", " ").split() if part.isalnum())
    stem = f"{slug}-{period}" if period else slug
    return f"{stem}-{DEMO_STEM}" if demo else stem
