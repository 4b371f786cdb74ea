"""The uploaded workbook handed back with its problems written in: a column "Lỗi cần
sửa" beside the header, a message on each faulty row and the faulty cells filled, so
people fix the file they know instead of reading a list."""

from __future__ import annotations

import io
import warnings
from collections import defaultdict
from collections.abc import Sequence

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from nq57.excel.problems import Problem
from nq57.labels import EXCEL_HEADERS, SEVERITY_LABELS
from nq57.text import compact
from nq57.untrusted import write_text

ERROR_FILL = PatternFill("solid", fgColor="F4B6B6")
WARNING_FILL = PatternFill("solid", fgColor="FFE0A3")
HEADER_FILL = PatternFill("solid", fgColor="C00000")


def annotate(data: bytes, sheet: str, header_row: int, problems: Sequence[Problem]) -> bytes:
    """The same workbook with the problems written into `sheet` (a file that passed
    the safety checks; formulas, validation and other sheets are kept)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(io.BytesIO(data), keep_links=False)
    ws = book[sheet]
    label = EXCEL_HEADERS["errors"]
    column = next((cell.column for cell in ws[header_row]
                   if isinstance(cell.value, str) and compact(cell.value) == compact(label)),
                  ws.max_column + 1)
    for row in range(header_row + 1, ws.max_row + 1):
        ws.cell(row=row, column=column).value = None
    header = ws.cell(row=header_row, column=column, value=label)
    header.font = Font(bold=True, color="FFFFFF")
    header.fill = HEADER_FILL
    header.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.column_dimensions[get_column_letter(column)].width = 60

    by_row: dict[int, list[str]] = defaultdict(list)
    whole_file: list[str] = []
    for found in problems:
        prefix = "" if found.severity == "error" else f"{SEVERITY_LABELS['warning']}: "
        if found.row is None:
            whole_file.append(prefix + found.message)
            continue
        by_row[found.row].append(prefix + found.message)
        if found.column:
            ws[f"{found.column}{found.row}"].fill = (
                ERROR_FILL if found.severity == "error" else WARNING_FILL)
    for row, messages in by_row.items():
        cell = ws.cell(row=row, column=column)
        write_text(cell, "\n".join(messages))  # messages quote typed text: never a formula
        cell.font = Font(color="C00000")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    if whole_file:
        header.comment = Comment("\n".join(whole_file), "NQ57", width=400, height=200)
    book.active = book.sheetnames.index(sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
