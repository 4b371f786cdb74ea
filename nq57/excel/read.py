"""Find the rows of a report in a workbook, wherever people put them.

The header row is found by its names (labels.EXCEL_HEADERS, compared folded: case,
diacritics, spaces and punctuation do not matter; order does not either), on the
first sheet that has one within its first rows, below any title rows and after any
other sheets. Rows are streamed (openpyxl read-only, cached values) with their sheet
row number, so every problem can point at its cell; a sheet longer than the row
limit is refused as soon as the limit is passed.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from nq57 import fmt
from nq57.excel.problems import FileRefused, problem
from nq57.excel.safety import DEFAULT_LIMITS, Limits
from nq57.labels import EXCEL_HEADERS
from nq57.text import compact

META_SHEET = "_nq57"
TEMPLATE_KIND = "nq57-bao-cao-so-lieu"
HEADER_SCAN_ROWS = 30
HEADER_SCAN_COLUMNS = 60
# The columns the import reads; the template's other columns are for people.
FIELDS = ("code", "value", "period", "unit", "note", "evidence")
REQUIRED = ("code", "value")
PROGRESS_EVERY = 500

Progress = Callable[[float], None]


@dataclass(frozen=True)
class SheetRow:
    """One non-blank row under the header: raw cell values and the value's format."""

    number: int
    code: object
    value: object
    value_format: str | None
    period: object = None
    unit: object = None
    note: object = None
    evidence: object = None


@dataclass(frozen=True)
class ReadSheet:
    """What the import found: where, which columns, which rows."""

    sheet: str
    header_row: int
    columns: dict[str, str]                      # field -> column letter
    rows: tuple[SheetRow, ...]
    formula_rows: frozenset[int] = frozenset()   # value is a formula with no cached result
    meta: dict[str, str] = field(default_factory=dict)


def header_columns(cells: Sequence[object]) -> dict[str, int]:
    """The import's fields found in one row of cells: field -> 1-based column.

    A cell names a field if its folded text starts with the field's header (so
    "Giá trị thực hiện (lũy kế)" is the value column); an exact match wins.
    """
    wanted = {name: compact(EXCEL_HEADERS[name]) for name in FIELDS}
    found: dict[str, int] = {}
    exact: set[str] = set()
    for index, cell in enumerate(cells, start=1):
        if not isinstance(cell, str) or not cell.strip():
            continue
        text = compact(cell)
        for name, label in wanted.items():
            if text.startswith(label) and name not in exact:
                if text == label:
                    exact.add(name)
                    found[name] = index
                else:
                    found.setdefault(name, index)
                break
    return found


@contextmanager
def _open(data: bytes, *, data_only: bool, file_name: str) -> Iterator[Workbook]:
    """A read-only workbook; anything the parser trips on becomes a 'corrupt' refusal."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True,
                                          data_only=data_only, keep_links=False)
    except Exception as exc:  # untrusted input: every parser failure means "unreadable"
        raise _corrupt(file_name, exc) from exc
    try:
        yield book
    finally:
        book.close()


def _corrupt(file_name: str, exc: BaseException) -> FileRefused:
    detail = str(exc).strip() or type(exc).__name__
    return FileRefused(problem("corrupt", file=file_name, detail=detail[:120]))


def read_meta(book: Workbook) -> dict[str, str]:
    """The template's hidden key/value sheet, if the workbook has one."""
    if META_SHEET not in book.sheetnames:
        return {}
    meta: dict[str, str] = {}
    for key, value, *_ in book[META_SHEET].iter_rows(max_row=50, max_col=2, values_only=True):
        if isinstance(key, str) and value is not None:
            meta[key.strip()] = str(value).strip()
    return meta


def read_workbook(data: bytes, file_name: str, *, limits: Limits = DEFAULT_LIMITS,
                  progress: Progress | None = None) -> ReadSheet:
    """The report rows of a workbook (that passed safety.check_bytes); FileRefused if none."""
    try:
        with _open(data, data_only=True, file_name=file_name) as book:
            meta = read_meta(book)
            found = _find_header(book)
            if found is None:
                raise FileRefused(problem("no_header", rows=HEADER_SCAN_ROWS))
            sheet, header_row, columns = found
            rows, blank_values = _stream_rows(book[sheet], header_row, columns, limits,
                                              progress)
        formula_rows: frozenset[int] = frozenset()
        if blank_values:
            formula_rows = _formulas_without_value(data, file_name, sheet, columns["value"],
                                                   blank_values)
    except FileRefused:
        raise
    except Exception as exc:  # a part that opened but cannot be parsed
        raise _corrupt(file_name, exc) from exc
    letters = {name: get_column_letter(index) for name, index in columns.items()}
    return ReadSheet(sheet, header_row, letters, rows, formula_rows, meta)


def _find_header(book: Workbook) -> tuple[str, int, dict[str, int]] | None:
    for ws in book.worksheets:
        if ws.title == META_SHEET:
            continue
        for number, cells in enumerate(
                ws.iter_rows(max_row=HEADER_SCAN_ROWS, max_col=HEADER_SCAN_COLUMNS,
                             values_only=True), start=1):
            columns = header_columns(cells)
            if all(name in columns for name in REQUIRED):
                return ws.title, number, columns
    return None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _stream_rows(ws: ReadOnlyWorksheet, header_row: int, columns: dict[str, int], limits: Limits,
                 progress: Progress | None) -> tuple[tuple[SheetRow, ...], list[int]]:
    """Rows under the header that hold anything in the import's columns."""
    last_column = max(columns.values())
    at = {name: index - 1 for name, index in columns.items()}
    value_at = at["value"]
    extras = [(name, at[name]) for name in ("period", "unit", "note", "evidence") if name in at]
    expected = max(1, (ws.max_row or 0) - header_row)
    rows: list[SheetRow] = []
    blank_values: list[int] = []
    number = header_row
    # An explicit last row: the sheet's declared dimension may be wrong (some programs
    # write a stale one) and must not cut rows off; the row limit bounds the reading.
    last_row = header_row + limits.max_rows + 1
    # openpyxl's stubs declare ReadOnlyWorksheet.iter_rows as Worksheet's own method,
    # whose self type a read-only sheet does not match.
    for cells in ws.iter_rows(min_row=header_row + 1, max_row=last_row,  # type: ignore[misc]
                              max_col=last_column):
        number += 1
        if number - header_row > limits.max_rows:
            raise FileRefused(problem("too_many_rows", sheet=ws.title,
                                          limit=fmt.number(limits.max_rows, 0)))
        if progress is not None and (number - header_row) % PROGRESS_EVERY == 0:
            progress(min(0.99, (number - header_row) / expected))
        width = len(cells)
        code = cells[at["code"]].value if at["code"] < width else None
        cell = cells[value_at] if value_at < width else None
        value = cell.value if cell is not None else None
        extra = {name: cells[i].value if i < width else None for name, i in extras}
        if _blank(code) and _blank(value) and all(_blank(v) for v in extra.values()):
            continue
        value_format = getattr(cell, "number_format", None) if isinstance(
            value, (int, float)) else None
        if value is None:
            blank_values.append(number)
        rows.append(SheetRow(number, code, value, value_format, **extra))
    if progress is not None:
        progress(1.0)
    return tuple(rows), blank_values


def _formulas_without_value(data: bytes, file_name: str, sheet: str, value_column: int,
                            candidates: list[int]) -> frozenset[int]:
    """Of the rows whose value came back empty, those whose cell is in fact a formula
    that was never calculated (a file written by a program, not saved by Excel)."""
    wanted = set(candidates)
    first, last = min(wanted), max(wanted)
    found: set[int] = set()
    with _open(data, data_only=False, file_name=file_name) as book:
        ws = book[sheet]
        for number, (cell,) in enumerate(
                ws.iter_rows(min_row=first, max_row=last, min_col=value_column,
                             max_col=value_column), start=first):
            if number in wanted and (
                    getattr(cell, "data_type", None) == "f"
                    or (isinstance(cell.value, str) and cell.value.startswith("="))):
                found.add(number)
    return frozenset(found)
