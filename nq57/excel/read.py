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
import logging
import re
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import openpyxl
from defusedxml.ElementTree import iterparse
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from nq57 import fmt
from nq57.excel.problems import FileRefused, problem
from nq57.excel.safety import DEFAULT_LIMITS, Limits
from nq57.labels import EXCEL_CORRUPT_HINTS, EXCEL_HEADERS
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
    # What the sheet hides or computes, so nothing is imported silently from it:
    hidden_rows: tuple[int, ...] = ()            # hidden rows with content (not read)
    formula_cells: frozenset[tuple[int, str]] = frozenset()  # (row, field) computed cells
    merged: tuple[tuple[str, str, int], ...] = ()  # merges over code/value: range, anchor
    hidden_sheets: tuple[str, ...] = ()          # hidden sheets with a header (not read)


@dataclass(frozen=True)
class SheetFacts:
    """What the sheet's XML says beyond its values: hidden rows, formula cells (by row
    and 1-based column), merged ranges."""

    hidden_rows: frozenset[int] = frozenset()
    formulas: frozenset[tuple[int, int]] = frozenset()
    merged: tuple[str, ...] = ()


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


LOG = logging.getLogger("nq57.excel")
# What a parser failure means, in words a person can act on; the library's own (English)
# message goes to the log only.
_CORRUPT_HINTS = (
    ("Exceeds the limit", "huge_number"),
    ("int too large", "huge_number"),
    ("KeyError", "missing_part"),
    ("IndexError", "bad_style"),
)


def _corrupt(file_name: str, exc: BaseException) -> FileRefused:
    text = f"{type(exc).__name__}: {exc}"
    LOG.info("unreadable workbook %r: %s", file_name, text)
    hint = next((key for marker, key in _CORRUPT_HINTS if marker in text), "structure")
    return FileRefused(problem("corrupt", file=file_name,
                               detail=EXCEL_CORRUPT_HINTS[hint]))


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
            found, hidden_sheets = _find_header(book)
            if found is None:
                if hidden_sheets:
                    raise FileRefused(problem("hidden_header", sheet=hidden_sheets[0]))
                raise FileRefused(problem("no_header", rows=HEADER_SCAN_ROWS))
            sheet, header_row, columns = found
            # Rows first: a sheet past the row limit is refused before anything else.
            rows, blank_cells = _stream_rows(book[sheet], header_row, columns, limits,
                                             progress)
            facts = sheet_facts(book[sheet])
            rows, blank_cells, hidden = _apply_facts(rows, blank_cells, facts, columns,
                                                     header_row, limits.max_rows)
    except FileRefused:
        raise
    except Exception as exc:  # a part that opened but cannot be parsed
        raise _corrupt(file_name, exc) from exc
    field_of = {index: name for name, index in columns.items()}
    formula_cells = frozenset((row, field_of[column]) for row, column in facts.formulas
                              if column in field_of and row > header_row)
    formula_rows = frozenset(row for row, name in formula_cells
                             if name == "value" and (row, "value") in blank_cells)
    letters = {name: get_column_letter(index) for name, index in columns.items()}
    return ReadSheet(sheet, header_row, letters, rows, formula_rows, meta, hidden,
                     formula_cells, _merged_over(facts.merged, columns, header_row),
                     hidden_sheets)


def _find_header(book: Workbook) -> tuple[tuple[str, int, dict[str, int]] | None,
                                         tuple[str, ...]]:
    """The first visible sheet with a header row (its title, row and columns), and the
    hidden sheets that have one too: hidden sheets are never read."""
    hidden: list[str] = []
    for ws in book.worksheets:
        if ws.title == META_SHEET:
            continue
        for number, cells in enumerate(
                ws.iter_rows(max_row=HEADER_SCAN_ROWS, max_col=HEADER_SCAN_COLUMNS,
                             values_only=True), start=1):
            columns = header_columns(cells)
            if all(name in columns for name in REQUIRED):
                if getattr(ws, "sheet_state", "visible") != "visible":
                    hidden.append(ws.title)
                    break
                return (ws.title, number, columns), tuple(hidden)
    return None, tuple(hidden)


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_FORMULA = re.compile(rb"<(\w+:)?f[\s>/]")
_HIDDEN = re.compile(rb"hidden=[\"'](1|true)[\"']")
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_ROW_NUMBER = re.compile(rb"\br=[\"'](\d+)[\"']")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*\bref=[\"']([A-Za-z0-9:$]+)[\"']")


def sheet_facts(ws: ReadOnlyWorksheet) -> SheetFacts:
    """Hidden rows, formula cells and merged ranges, from the sheet's XML (read-only
    mode does not give them). Row and merge tags are simple start tags, found by
    pattern; cells are parsed as XML only when the sheet has a formula at all."""
    # The sheet's part inside the archive, which safety.check_bytes bounded in size.
    with ws._get_source() as source:  # type: ignore[attr-defined]
        raw = source.read()
    merged = tuple(m.group(1).decode("ascii") for m in _MERGE.finditer(raw))
    hidden: set[int] = set()
    if _HIDDEN.search(raw):
        for tag in _ROW_TAG.finditer(raw):
            number = _ROW_NUMBER.search(tag.group(1))
            if number and _HIDDEN.search(tag.group(1)):
                hidden.add(int(number.group(1)))
    formulas: set[tuple[int, int]] = set()
    if _FORMULA.search(raw):
        for _, element in iterparse(io.BytesIO(raw), events=("end",)):
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "c":
                reference = element.get("r")
                if element.find(f"{_MAIN}f") is not None and reference:
                    letters, number_ = coordinate_from_string(reference)
                    formulas.add((number_, column_index_from_string(letters)))
            elif tag == "row":
                element.clear()
    return SheetFacts(frozenset(hidden), frozenset(formulas), merged)


def _merged_over(ranges: Sequence[str], columns: dict[str, int],
                 header_row: int) -> tuple[tuple[str, str, int], ...]:
    """Merged ranges that hide value or code cells of report rows: any merge over
    several rows of those columns, or over one row's value cell from another column.
    (A heading row merged across the whole width, code cell included, is a heading.)"""
    code, value = columns["code"], columns["value"]
    found = []
    for ref in ranges:
        try:
            low_col, low_row, high_col, high_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if (low_col is None or high_col is None or low_row is None or high_row is None
                or high_row <= header_row):
            continue
        covers = {c for c in (code, value) if low_col <= c <= high_col}
        if not covers:
            continue
        several_rows = high_row > low_row
        value_hidden = value in covers and low_col != value and code not in covers
        if several_rows or value_hidden:
            found.append((ref, get_column_letter(low_col), max(low_row, header_row + 1)))
    return tuple(found)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _apply_facts(rows: tuple[SheetRow, ...], blank_cells: set[tuple[int, str]],
                 facts: SheetFacts, columns: dict[str, int], header_row: int,
                 max_rows: int,
                 ) -> tuple[tuple[SheetRow, ...], set[tuple[int, str]], tuple[int, ...]]:
    """Rows as the check sees them: a row whose only content is a formula with no
    result is kept (to be reported), hidden rows are taken out and listed."""
    present = {row.number for row in rows}
    computed = {row for row, column in facts.formulas
                if column in columns.values() and header_row < row <= header_row + max_rows
                and row not in present}
    blank_cells = blank_cells | {(row, name) for row in computed for name in columns}
    every = sorted((*rows, *(SheetRow(row, None, None, None) for row in computed)),
                   key=lambda row: row.number)
    hidden = tuple(row.number for row in every if row.number in facts.hidden_rows)
    kept = tuple(row for row in every if row.number not in facts.hidden_rows)
    return kept, blank_cells, hidden


def _stream_rows(ws: ReadOnlyWorksheet, header_row: int, columns: dict[str, int],
                 limits: Limits, progress: Progress | None,
                 ) -> tuple[tuple[SheetRow, ...], set[tuple[int, str]]]:
    """Rows under the header that hold anything in the import's columns, and which of
    their cells came back empty."""
    last_column = max(columns.values())
    at = {name: index - 1 for name, index in columns.items()}
    value_at = at["value"]
    extras = [(name, at[name]) for name in ("period", "unit", "note", "evidence") if name in at]
    expected = max(1, (ws.max_row or 0) - header_row)
    rows: list[SheetRow] = []
    blank_cells: set[tuple[int, str]] = set()
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
        blank_cells.update((number, name) for name, raw in
                           (("code", code), ("value", value), *extra.items()) if raw is None)
        value_format = getattr(cell, "number_format", None) if isinstance(
            value, (int, float)) else None
        rows.append(SheetRow(number, code, value, value_format, **extra))
    if progress is not None:
        progress(1.0)
    return tuple(rows), blank_cells
