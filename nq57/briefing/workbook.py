"""The briefing as an Excel workbook for consolidating: a sheet per part and per
appendix, real numbers with Vietnamese-style formats, headers formatted, widths set,
printed on A4 (landscape: the tables are wide) fitted to the page width, an appendix's
table header repeated on every page. A report made from demo data says so in a line
on every sheet and in every printed page's header.

Every text cell is written as text: a typed explanation that starts with "=" stays
words, never a formula.
"""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.cell.cell import MergedCell
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from nq57 import labels
from nq57.briefing.outline import Cell, Chart, Document, Field, Grid, Header, Paragraph, Part
from nq57.text import nfc

FORMATS = {"integer": "#,##0", "share": "0.0%", "progress": "0%", "date": "dd/mm/yyyy"}
HEADING_FILL = PatternFill("solid", fgColor="DCE3EC")
GROUP_FILL = PatternFill("solid", fgColor="F2F5F9")
THIN = Side(style="thin", color="9AA5B1")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
RED = "D55E00"
WRAP = Alignment(wrap_text=True, vertical="top")


def _tint(hex_colour: str, amount: float = 0.6) -> str:
    rgb = [int(hex_colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)


def _text(cell: SheetCell | MergedCell, text: str) -> None:
    """Words as words: openpyxl would take a string starting with '=' for a formula."""
    cell.value = nfc(text)
    cell.data_type = "s"


def _value(cell: SheetCell | MergedCell, field: Field, value: Cell) -> None:
    if value is None or value == "":
        return
    if field.kind == "status":
        _text(cell, labels.status_label(str(value)))
        cell.fill = PatternFill("solid", fgColor=_tint(labels.STATUS_COLORS[str(value)]))
    elif field.numeric and isinstance(value, (int, float)):
        cell.value = value
        cell.number_format = FORMATS.get(field.kind) or (
            "#,##0" + ("." + "0" * field.decimals if field.decimals else ""))
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = FORMATS["date"]
    else:
        _text(cell, str(value))


class _Sheet:
    """Writes blocks down a sheet, row after row, across `columns` columns."""

    def __init__(self, sheet: Worksheet, columns: int) -> None:
        self.sheet, self.columns, self.row = sheet, max(columns, 2), 1
        self.header_row: int | None = None

    def line(self, text: str, *, bold: bool = False, italic: bool = False,
             size: float = 11, colour: str | None = None, height: float | None = None) -> None:
        cell = self.sheet.cell(row=self.row, column=1)
        _text(cell, text)
        cell.font = Font(bold=bold, italic=italic, size=size, color=colour)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        self.sheet.merge_cells(start_row=self.row, start_column=1, end_row=self.row,
                               end_column=self.columns)
        characters = sum(self.sheet.column_dimensions[get_column_letter(c)].width or 10
                         for c in range(1, self.columns + 1))
        lines = max(1, -(-len(text) * (size / 11) // max(characters, 1)))
        self.sheet.row_dimensions[self.row].height = height or 15 * lines * size / 11
        self.row += 1

    def _lines(self, cell: SheetCell | MergedCell, column: int) -> int:
        """Lines a wrapped text cell needs (spreadsheets do not size rows on opening)."""
        if cell.data_type != "s" or not cell.value:
            return 1
        width = self.sheet.column_dimensions[get_column_letter(column)].width or 10
        return -(-len(str(cell.value)) // max(int(width * 1.05), 1))

    def grid(self, grid: Grid) -> None:
        groups = dict(grid.groups)
        for column, field in enumerate(grid.fields, start=1):
            cell = self.sheet.cell(row=self.row, column=column)
            _text(cell, field.header)
            cell.font, cell.fill, cell.border = Font(bold=True), HEADING_FILL, BOX
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        self.sheet.row_dimensions[self.row].height = 15 * max(
            self._lines(self.sheet.cell(row=self.row, column=c), c)
            for c in range(1, len(grid.fields) + 1))
        if grid.main and self.header_row is None:
            self.header_row = self.row
        self.row += 1
        for index, values in enumerate(grid.rows):
            if index in groups:
                cell = self.sheet.cell(row=self.row, column=1)
                _text(cell, groups[index])
                cell.font, cell.fill = Font(bold=True), GROUP_FILL
                self.sheet.merge_cells(start_row=self.row, start_column=1, end_row=self.row,
                                       end_column=len(grid.fields))
                self.row += 1
            lines = 1
            for column, (field, value) in enumerate(zip(grid.fields, values, strict=True),
                                                    start=1):
                cell = self.sheet.cell(row=self.row, column=column)
                _value(cell, field, value)
                cell.border = BOX
                cell.alignment = WRAP
                lines = max(lines, self._lines(cell, column))
            self.sheet.row_dimensions[self.row].height = 15 * lines
            self.row += 1
        self.row += 1

    def chart(self, chart: Chart) -> None:
        image = Image(io.BytesIO(chart.png))
        scale = 480 / image.width
        image.width, image.height = int(image.width * scale), int(image.height * scale)
        self.sheet.add_image(image, f"A{self.row}")
        for _ in range(int(image.height / 20) + 2):  # rows of 15 pt = 20 px under it
            self.sheet.row_dimensions[self.row].height = 15
            self.row += 1
        self.line(chart.caption, italic=True)


def _widths(sheet: Worksheet, part: Part) -> int:
    """Column widths from the part's widest table (its fields' widths); the count."""
    grids = [b for b in part.blocks if isinstance(b, Grid)]
    widths: list[int] = []
    for grid in grids:
        for index, field in enumerate(grid.fields):
            if index >= len(widths):
                widths.append(0)
            widths[index] = max(widths[index], field.width)
    if not widths:
        widths = [60, 40]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width * 1.15 + 2
    return len(widths)


def _escaped(text: str) -> str:
    """Header and footer text: '&' starts a code there, '&&' is the character."""
    return nfc(text).replace("&", "&&")


def _print_setup(sheet: Worksheet, header: Header, repeat: int | None) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.print_title_rows = f"{repeat}:{repeat}" if repeat else "1:2"
    if header.demo:
        for top in (sheet.oddHeader, sheet.evenHeader, sheet.firstHeader):
            if top is not None and top.center is not None:
                top.center.text = _escaped(header.demo)
                top.center.color = RED
    page = labels.BRIEFING_TEXTS["page"].format(page="&P", pages="&N")
    for footer in (sheet.oddFooter, sheet.evenFooter, sheet.firstFooter):
        if footer is not None and footer.left is not None and footer.right is not None:
            footer.left.text = _escaped(header.footer)
            footer.right.text = page


def _part_sheet(book: Workbook, document: Document, part: Part, first: bool) -> None:
    header = document.header
    sheet = book.create_sheet(part.sheet)
    writer = _Sheet(sheet, _widths(sheet, part))
    writer.line(f"{header.title} — {header.subject}", bold=True, size=12)
    writer.line(f"{header.subject_scope} · {header.issuer}", bold=True)
    if header.demo:
        writer.line(labels.BRIEFING_TEXTS["demo_long"], bold=True, colour=RED)
    if first:
        for text in (header.number, header.dateline, header.intro):
            writer.line(text, italic=True)
    writer.row += 1
    writer.line(part.heading, bold=True, size=13)
    for block in part.blocks:
        if isinstance(block, Grid):
            writer.grid(block)
        elif isinstance(block, Chart):
            writer.chart(block)
        elif isinstance(block, Paragraph):
            writer.line(block.text, bold=block.style in ("subheading", "warning"),
                        italic=block.style == "note",
                        colour=RED if block.style == "warning" else None)
    sheet.freeze_panes = None
    _print_setup(sheet, header, writer.header_row if part.landscape else None)


def render(document: Document) -> bytes:
    """The .xlsx file of an outlined briefing: one sheet per part and appendix."""
    book = Workbook()
    book.remove(book.worksheets[0])
    book.properties.creator = labels.APP_TITLE
    book.properties.title = nfc(f"{document.header.title} {document.header.subject}")
    for index, part in enumerate(document.parts):
        _part_sheet(book, document, part, first=index == 0)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
