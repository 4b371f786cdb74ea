"""The Excel template a unit fills in for one period.

An entry sheet (heading with unit, period and deadline; one row per item the unit
reports; only the value, note and evidence cells unlocked, with data validation), an
instructions sheet in Vietnamese, and a hidden metadata sheet (template version,
unit, period) by which the import recognises the file. Excel's validation only
guides people: the import checks every value again.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from nq57 import explanations, fmt, labels
from nq57.excel import values
from nq57.excel.check import TEMPLATE_VERSION
from nq57.excel.read import META_SHEET, TEMPLATE_KIND
from nq57.excel.safety import MAX_BYTES, MAX_ROWS
from nq57.periods import Period, parse_period

HEADER_ROW = 7
# (field, width, wrap) in column order; the header text is labels.EXCEL_HEADERS[field].
COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("code", 11, False),
    ("group", 7, False),
    ("name", 52, True),
    ("unit_of_measure", 13, True),
    ("threshold", 16, True),
    ("how", 17, True),
    ("last", 17, True),
    ("value", 16, False),
    ("note", 30, True),
    ("evidence", 30, True),
    ("period", 11, False),
    ("unit", 12, False),
    ("explanation", 40, True),
    ("cause", 24, True),
    ("support", 30, True),
    ("review", 40, True),   # the reviewer's reason when evidence was sent back
)
ENTRY_FIELDS = ("value", "note", "evidence", "explanation", "cause", "support")
COLUMN_OF = {name: get_column_letter(i) for i, (name, _, _) in enumerate(COLUMNS, start=1)}
LAST_COLUMN = get_column_letter(len(COLUMNS))

# Number formats of the value cell, by measure. Percentages use a real percent format
# (0.855 shows as 85,5%); completion cells are text so that "25%" stays "25%".
VALUE_FORMATS = {
    values.PERCENT: "0.0#%",
    values.COUNT: "#,##0",
    values.DECIMAL: "#,##0.0##",
    values.COMPLETION: "@",
}
COMPLETION_CHOICES = ("0%", "25%", "50%", "75%", "100%")

_THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
ENTRY_FILL = PatternFill("solid", fgColor="FFF2CC")
INFO_FILL = PatternFill("solid", fgColor="F2F2F2")
UNLOCKED = Protection(locked=False)


@dataclass(frozen=True)
class TemplateItem:
    """One row of the template: an item the unit reports and what it reported last."""

    code: str
    item_type: str
    group_code: str
    name: str
    unit_of_measure: str
    comparator: str
    threshold_low: float | None
    threshold_high: float | None
    kind: str
    deadline_text: str | None = None
    last_value: float | None = None
    last_period: str | None = None
    kpi: str | None = None               # a task's KPI as the plan words it
    baseline_missing: bool = False       # measured from a baseline not yet reported
    review_note: str | None = None

    @property
    def measure(self) -> str:
        return values.measure_class(self.unit_of_measure, self.comparator, self.item_type,
                                    self.kind)


def threshold_text(item: TemplateItem) -> str:
    """'≥ 60%', '15–17%', '≥ 10 doanh nghiệp', 'Hoàn thành 100% · Quý I/2026', and for a
    task judged by a numeric KPI '≥ 80% · Năm 2026'."""
    due = f" · {item.deadline_text}" if item.deadline_text and item.item_type == "task" \
        else ""
    if item.measure == values.COMPLETION:
        due = f" · {item.deadline_text}" if item.deadline_text else ""
        return f"Hoàn thành 100%{due}"
    if item.threshold_low is None:
        return ""
    if item.comparator == "between" and item.threshold_high is not None:
        return (f"{fmt.number(item.threshold_low, 2)}–"
                f"{fmt.measure(item.threshold_high, item.unit_of_measure)}{due}")
    symbol = labels.COMPARATOR_LABELS.get(item.comparator, item.comparator)
    return f"{symbol} {fmt.measure(item.threshold_low, item.unit_of_measure)}{due}"


LINE_HEIGHT = 15.0       # points, for 11-point text
CHARS_PER_WIDTH = 1.0    # characters of text per unit of column width, conservatively


def row_height(content: Mapping[str, object]) -> float:
    """A height that shows every wrapped line (Excel and LibreOffice do not always fit
    rows of a generated file by themselves)."""
    lines = 1
    for name, width, wrap in COLUMNS:
        text = content.get(name)
        if wrap and isinstance(text, str) and text:
            lines = max(lines, math.ceil(len(text) / (width * CHARS_PER_WIDTH)))
    return LINE_HEIGHT * lines + 3


def _how(item: TemplateItem, period: Period) -> str:
    """How the value is measured, and a reminder when its baseline is missing."""
    how = labels.EXCEL_HOW["completion" if item.measure == values.COMPLETION else item.kind]
    if item.baseline_missing:
        how += labels.EXCEL_BASELINE_MISSING.format(year=period.year - 1)
    return how


def _name(item: TemplateItem) -> str:
    """The item's name; a task's with the KPI it is judged by."""
    if item.item_type == "task" and item.kpi:
        return labels.EXCEL_TASK_NAME.format(name=item.name, kpi=item.kpi)
    return item.name


def _last(item: TemplateItem) -> str:
    if item.last_value is None:
        return labels.EXCEL_LAST_NONE
    unit = "%" if item.measure == values.COMPLETION else item.unit_of_measure
    return labels.EXCEL_LAST_OF.format(
        value=fmt.measure(item.last_value, unit, 4),
        period=parse_period(item.last_period).label if item.last_period else "")


def build(unit: str, unit_name: str, period: Period, deadline: date,
          items: Sequence[TemplateItem], generated_at: datetime | None = None, *,
          baseline_period: bool = False, demo: bool = False) -> bytes:
    """The template workbook for a unit and period, as .xlsx bytes. A baseline period's
    template says it takes last year's closing values; a template whose "reported last"
    values are demo data says so."""
    book = Workbook()
    entry = book.active
    if not isinstance(entry, Worksheet):
        raise AssertionError("a new workbook starts with one worksheet")
    entry.title = labels.EXCEL_SHEET_ENTRY
    _entry_sheet(entry, unit, unit_name, period, deadline, items)
    notes = []
    if baseline_period:
        notes.append(labels.EXCEL_BASELINE_PERIOD.format(year=period.year))
    elif any(item.baseline_missing for item in items):
        notes.append(labels.EXCEL_BASELINE_REMINDER.format(year=period.year - 1))
    if demo:
        notes.append(labels.EXCEL_DEMO_NOTE)
    if notes:
        _note_row(entry, " ".join(notes))
    _instructions_sheet(book.create_sheet(labels.EXCEL_SHEET_HELP), unit, unit_name, period,
                        deadline)
    _meta_sheet(book.create_sheet(META_SHEET), unit, period, len(items),
                generated_at or datetime.now())
    book.active = 0
    book.properties.title = labels.EXCEL_TITLE.format(year=period.year)
    book.properties.creator = labels.APP_TITLE
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _heading(ws: Worksheet, unit: str, unit_name: str, period: Period,
             deadline: date) -> None:
    lines = (
        (labels.EXCEL_TITLE.format(year=period.year), Font(bold=True, size=14)),
        (labels.EXCEL_SUBTITLE, Font(italic=True, color="595959")),
        (labels.EXCEL_UNIT_LINE.format(name=unit_name, code=unit), Font(bold=True, size=12)),
        (labels.EXCEL_PERIOD_LINE.format(label=period.label, code=period.code,
                                         deadline=fmt.day(deadline)), Font(bold=True, size=12)),
        (labels.EXCEL_ENTRY_HINT, Font(italic=True, color="7F6000")),
    )
    for row, (text, font) in enumerate(lines, start=1):
        ws.merge_cells(f"A{row}:{LAST_COLUMN}{row}")
        cell = ws.cell(row=row, column=1, value=text)
        cell.font = font
        cell.alignment = Alignment(vertical="center", wrap_text=row == 5)
    ws.row_dimensions[1].height = 24
    ws.row_dimensions[5].height = 30


NOTE_ROW = HEADER_ROW - 1


def _note_row(ws: Worksheet, text: str) -> None:
    """A line above the header: what this template asks beyond the values."""
    ws.merge_cells(f"A{NOTE_ROW}:{LAST_COLUMN}{NOTE_ROW}")
    cell = ws.cell(row=NOTE_ROW, column=1, value=text)
    cell.font = Font(bold=True, color="9C0006")
    cell.alignment = Alignment(vertical="center", wrap_text=True)
    ws.row_dimensions[NOTE_ROW].height = 32


def _validations(items: Sequence[TemplateItem], first_row: int) -> list[DataValidation]:
    """One data validation per measure, spanning that measure's value cells."""
    kinds = {
        values.PERCENT: DataValidation(type="decimal", operator="between",
                                       formula1="0", formula2="1"),
        values.COUNT: DataValidation(type="whole", operator="greaterThanOrEqual",
                                     formula1="0"),
        values.DECIMAL: DataValidation(type="decimal", operator="greaterThanOrEqual",
                                       formula1="0"),
        values.COMPLETION: DataValidation(
            type="list", formula1='"' + ",".join(COMPLETION_CHOICES) + '"',
            errorStyle="warning"),
    }
    column = COLUMN_OF["value"]
    used = []
    for measure, validation in kinds.items():
        cells = [f"{column}{first_row + i}" for i, item in enumerate(items)
                 if item.measure == measure]
        if not cells:
            continue
        validation.allow_blank = True
        validation.showErrorMessage = True
        validation.showInputMessage = True
        validation.promptTitle = labels.EXCEL_INPUT_TITLE
        validation.prompt = labels.EXCEL_INPUT_PROMPT[measure]
        validation.errorTitle = labels.EXCEL_INPUT_TITLE
        validation.error = labels.EXCEL_INPUT_ERROR[measure]
        for cell in cells:
            validation.add(cell)
        used.append(validation)
    return used


# The cause labels for the cause column's drop-down, listed on the hidden sheet (a
# list typed into the validation itself would split "Vướng cơ chế, chính sách" at
# its comma).
CAUSE_LIST_COLUMN = "D"


def _cause_validation(first_row: int, last_row: int) -> DataValidation:
    """The cause column offers the six causes; anything else is refused by Excel and,
    whatever Excel does, by the import."""
    count = len(explanations.CAUSES)
    validation = DataValidation(
        type="list",
        formula1=f"'{META_SHEET}'!${CAUSE_LIST_COLUMN}$1:${CAUSE_LIST_COLUMN}${count}",
        allow_blank=True)
    validation.showErrorMessage = True
    validation.showInputMessage = True
    validation.promptTitle = labels.EXCEL_HEADERS["cause"]
    validation.prompt = labels.EXCEL_CAUSE_PROMPT
    validation.errorTitle = labels.EXCEL_HEADERS["cause"]
    validation.error = labels.EXCEL_CAUSE_ERROR
    column = COLUMN_OF["cause"]
    validation.add(f"{column}{first_row}:{column}{last_row}")
    return validation


def _entry_sheet(ws: Worksheet, unit: str, unit_name: str, period: Period, deadline: date,
                 items: Sequence[TemplateItem]) -> None:
    _heading(ws, unit, unit_name, period, deadline)
    headers = dict(labels.EXCEL_HEADERS, threshold=f"{labels.EXCEL_HEADERS['threshold']} "
                                                   f"{period.year}",
                   review=labels.EXCEL_REVIEW_HEADER)
    for column, (name, width, _) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=HEADER_ROW, column=column, value=headers[name])
        cell.font = Font(bold=True)
        cell.fill = ENTRY_FILL if name in ENTRY_FIELDS else HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BORDER
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.row_dimensions[HEADER_ROW].height = 32
    first = HEADER_ROW + 1
    for offset, item in enumerate(items):
        row = first + offset
        content = {
            "code": item.code, "group": item.group_code, "name": _name(item),
            "unit_of_measure": "%" if item.measure == values.COMPLETION
            else item.unit_of_measure,
            "threshold": threshold_text(item), "how": _how(item, period), "last": _last(item),
            "value": None, "note": None, "evidence": None, "period": period.code, "unit": unit,
            "explanation": None, "cause": None, "support": None,
            "review": item.review_note,
        }
        for column, (name, _, wrap) in enumerate(COLUMNS, start=1):
            cell = ws.cell(row=row, column=column, value=content[name])
            cell.border = BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=wrap)
            if name in ENTRY_FIELDS:
                cell.fill = ENTRY_FILL
                cell.protection = UNLOCKED
            elif name in ("period", "unit", "last"):
                cell.fill = INFO_FILL
            if name == "review" and item.review_note:
                cell.data_type = "s"  # a reviewer's words, never a formula
                cell.font = Font(color="9C0006")
        ws[f"{COLUMN_OF['value']}{row}"].number_format = VALUE_FORMATS[item.measure]
        ws.row_dimensions[row].height = row_height(content)
    for validation in _validations(items, first):
        ws.add_data_validation(validation)
    if items:
        ws.add_data_validation(_cause_validation(first, first + len(items) - 1))
    last = HEADER_ROW + max(len(items), 1)
    ws.freeze_panes = f"B{first}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{LAST_COLUMN}{last}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{LAST_COLUMN}{last}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.gridLines = False
    footer = HeaderFooterItem()
    footer.center.text = "Trang &P / &N"
    ws.oddFooter = footer
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.autoFilter = False
    ws.protection.sort = False
    if items:
        ws.sheet_view.selection[0].activeCell = f"{COLUMN_OF['value']}{first}"
        ws.sheet_view.selection[0].sqref = f"{COLUMN_OF['value']}{first}"


def _instructions_sheet(ws: Worksheet, unit: str, unit_name: str, period: Period,
                        deadline: date) -> None:
    ws.column_dimensions["A"].width = 110
    styles = {
        "title": Font(bold=True, size=14),
        "head": Font(bold=True, size=12, color="0B5394"),
        "text": Font(size=11),
    }
    lines = [*labels.EXCEL_INSTRUCTIONS[:1],
             ("text", labels.EXCEL_UNIT_LINE.format(name=unit_name, code=unit)),
             ("text", labels.EXCEL_PERIOD_LINE.format(label=period.label, code=period.code,
                                                      deadline=fmt.day(deadline))),
             *labels.EXCEL_INSTRUCTIONS[1:]]
    for row, (kind, text) in enumerate(lines, start=1):
        cell = ws.cell(row=row, column=1, value=text.format(
            max_mb=MAX_BYTES // 1024 // 1024, max_rows=fmt.number(MAX_ROWS, 0),
            min_chars=explanations.MIN_LENGTH))
        cell.font = styles[kind]
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.protection.sheet = True


def _meta_sheet(ws: Worksheet, unit: str, period: Period, count: int,
                generated_at: datetime) -> None:
    for row, (key, value) in enumerate((
            ("kind", TEMPLATE_KIND),
            ("template_version", TEMPLATE_VERSION),
            ("unit", unit),
            ("period", period.code),
            ("header_row", str(HEADER_ROW)),
            ("items", str(count)),
            ("generated_at", generated_at.isoformat(timespec="seconds")),
    ), start=1):
        ws.cell(row=row, column=1, value=key)
        ws.cell(row=row, column=2, value=value)
    for row, code in enumerate(explanations.CAUSES, start=1):
        ws[f"{CAUSE_LIST_COLUMN}{row}"] = labels.EXPLANATION_CAUSES[code]
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
