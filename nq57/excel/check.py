"""Validation of report rows against the catalogue: every rule, once, with the cell
it concerns and a Vietnamese message (labels.EXCEL_MESSAGES).

Pure: it takes what was read (nq57.excel.read) and what the catalogue holds
(Context), and returns the entries to store with the problems found. Nothing here
touches the store, so the page, the CLI and the tests share exactly these rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from nq57.excel import values
from nq57.excel.problems import Problem, problem
from nq57.excel.read import TEMPLATE_KIND, ReadSheet, SheetRow
from nq57.explanations import Explanation, Given
from nq57.periods import parse_period
from nq57.resolve import Resolver
from nq57.untrusted import odd_characters, visible

TEMPLATE_VERSION = "1"
SUPPORTED_VERSIONS = frozenset({TEMPLATE_VERSION})
MAX_TEXT = 2000


@dataclass(frozen=True)
class Item:
    """A target or task as the import needs it."""

    code: str
    item_type: str
    name: str
    unit_of_measure: str
    comparator: str
    kind: str
    year: int
    reporting_unit: str
    reporting_unit_name: str
    needs_baseline: bool = False   # measured from last year's closing value
    ceiling: float | None = None   # the plausibility ceiling of its unit of measure
    ceiling_basis: str = ""

    @property
    def measure(self) -> str:
        return values.measure_class(self.unit_of_measure, self.comparator, self.item_type,
                                    self.kind)


class ReportableItems(Mapping[tuple[str, str], Item]):
    """(period, code) -> the item reportable in that period: the items of the period's
    year; in a period that takes baselines only, those measured from a baseline. Kept
    as one entry per item, not one per period and item (months made that 19 times)."""

    def __init__(self, items: Iterable[Item], items_year: Mapping[str, int],
                 baseline_periods: frozenset[str]) -> None:
        self._by_year = {(item.year, item.code): item for item in items}
        self._items_year = dict(items_year)
        self._baseline_periods = baseline_periods
        self.codes = frozenset(code for _, code in self._by_year)

    def __getitem__(self, key: tuple[str, str]) -> Item:
        period, code = key
        item = self._by_year[(self._items_year[period], code)]
        if period in self._baseline_periods and not item.needs_baseline:
            raise KeyError(key)
        return item

    def __iter__(self) -> Iterator[tuple[str, str]]:
        for period, year in self._items_year.items():
            for (item_year, code), item in self._by_year.items():
                if item_year == year and (period not in self._baseline_periods
                                          or item.needs_baseline):
                    yield period, code

    def __len__(self) -> int:
        return sum(1 for _ in self)


@dataclass(frozen=True)
class Context:
    """What the catalogue says, loaded once per upload."""

    items: ReportableItems                    # (period, code) -> item reportable then
    unit_codes: Mapping[str, str]             # any folded way of writing a unit -> code
    unit_labels: Mapping[str, str]            # code -> full name
    periods: Sequence[str]                    # periods values can be reported for
    items_year: Mapping[str, int]             # period -> year of the items it reports
    baseline_periods: frozenset[str]          # periods that take baselines only
    period_dates: Mapping[str, tuple[date, date]] = field(default_factory=dict)  # start, end
    today: date | None = None                 # reports for periods not begun are refused

    @property
    def resolver(self) -> Resolver:
        """How a unit or period written in the file is read (nq57.resolve)."""
        return Resolver(self.unit_codes, tuple(self.unit_labels), tuple(self.periods))


@dataclass(frozen=True)
class Entry:
    """One row of the report, checked: a value (None = not reported) for an item."""

    row: int
    item_code: str
    value: float | None
    note: str | None = None
    evidence: str | None = None
    given: Given | None = None              # explanation columns, as typed
    explained: Explanation | None = None    # the explanation that holds (nq57.imports)


@dataclass(frozen=True)
class Checked:
    unit: str | None
    period: str | None
    entries: tuple[Entry, ...] = ()
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()


def normalise_code(raw: object) -> str:
    """' 1.5.10. ' -> '1.5.10'; 'ii.10' -> 'II.10'."""
    return re.sub(r"\s+", "", str(raw)).rstrip(".").upper()


@dataclass
class _Found:
    """Problems collected while checking, with the sheet filled in."""

    sheet: str
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def error(self, code: str, /, row: int | None = None, column: str | None = None,
              **fields: Any) -> None:
        self.errors.append(problem(code, sheet=self.sheet, row=row, column=column, **fields))

    def warn(self, code: str, /, row: int | None = None, column: str | None = None,
             **fields: Any) -> None:
        self.warnings.append(problem(code, sheet=self.sheet, row=row, column=column,
                                     severity="warning", **fields))


def check(sheet: ReadSheet, context: Context, *, unit: str | None = None,
          period: str | None = None) -> Checked:
    """Check the rows of a report for `unit` and `period` (codes already resolved by the
    caller when given; otherwise taken from the template's metadata or the rows)."""
    found = _Found(sheet.sheet)
    meta = sheet.meta if sheet.meta.get("kind") == TEMPLATE_KIND else {}
    version = meta.get("template_version")
    if version is not None and version not in SUPPORTED_VERSIONS:
        found.error("template_version", found=version,
                    supported=", ".join(sorted(SUPPORTED_VERSIONS)))
    unit = _scope_unit(sheet, context, unit, meta.get("unit"), found)
    period = _scope_period(sheet, context, period, meta.get("period"), found)
    if unit is None or period is None:
        return Checked(unit, period, (), tuple(found.errors), tuple(found.warnings))
    if not _period_begun(context, period, found):
        return Checked(unit, period, (), tuple(found.errors), tuple(found.warnings))
    _hidden_and_merged(sheet, found)
    entries = _check_rows(sheet, context, unit, period, found)
    if not found.errors and not any(e.value is not None for e in entries):
        found.error("no_values")
    return Checked(unit, period, tuple(entries), tuple(found.errors), tuple(found.warnings))


def _hidden_and_merged(sheet: ReadSheet, found: _Found) -> None:
    """What the sheet hides is not imported silently: hidden sheets and rows are
    skipped with a warning; merged cells over report cells are an error."""
    for hidden in sheet.hidden_sheets:
        found.warn("hidden_sheet", hidden=hidden)
    for row in sheet.hidden_rows:
        found.warn("hidden_row", row)
    for ref, column, row in sheet.merged:
        found.error("merged_cells", row, column, range=ref)


_TEXT_FIELDS = ("code", "note", "evidence", "unit", "period")


def _formulas(row: SheetRow, sheet: ReadSheet, found: _Found) -> bool:
    """Formula cells of a row: one with no result is an error (never dropped), one with
    a result in the value, note or evidence column is read with a note in the preview.
    False if the row has an error."""
    whole = True
    for name in ("value", *_TEXT_FIELDS):
        if (row.number, name) not in sheet.formula_cells:
            continue
        raw = getattr(row, name)
        column = sheet.columns.get(name)
        if raw is None:
            if name != "value":  # the value's own error is raised where it is read
                found.error("formula_no_value", row.number, column)
                whole = False
        elif name in ("value", "note", "evidence"):
            found.warn("from_formula", row.number, column)
    return whole


def _period_begun(context: Context, period: str, found: _Found) -> bool:
    """A period not begun takes no report; one still running takes estimates."""
    if context.today is None or period not in context.period_dates:
        return True
    start, end = context.period_dates[period]
    label = parse_period(period).label
    if start > context.today:
        found.error("period_not_started", period=label, start=start.strftime("%d/%m/%Y"))
        return False
    if end >= context.today:
        found.warn("estimate_period", period=label, end=end.strftime("%d/%m/%Y"))
    return True


def _unit_label(context: Context, code: str) -> str:
    return f"{context.unit_labels.get(code, code)} ({code})"


def _scope_unit(sheet: ReadSheet, context: Context, chosen: str | None,
                from_meta: str | None, found: _Found) -> str | None:
    unit = chosen
    resolver = context.resolver
    if from_meta:
        meta_unit = resolver.find_unit(from_meta)
        if unit and meta_unit and meta_unit != unit:
            found.error("template_unit_mismatch", found=_unit_label(context, meta_unit),
                        unit=_unit_label(context, unit))
            return None
        unit = unit or meta_unit
    column = sheet.columns.get("unit")
    written: dict[str, int] = {}
    for row in sheet.rows:
        if column is None or row.unit is None or not str(row.unit).strip():
            continue
        odd = odd_characters(str(row.unit).strip())
        code = None if odd else resolver.find_unit(row.unit)
        if odd:
            found.error("odd_code", row.number, column, text=visible(str(row.unit).strip()),
                        chars="; ".join(odd))
        elif code is None:
            found.error("unknown_unit", row.number, column, text=str(row.unit).strip()[:60])
        elif unit is not None and code != unit:
            found.error("unit_mismatch", row.number, column, found=_unit_label(context, code),
                        unit=_unit_label(context, unit))
        else:
            written.setdefault(code, row.number)
    if unit is None:
        if len(written) > 1:
            found.error("unit_conflict", found=", ".join(written))
        elif not written and not any(p.code == "unknown_unit" for p in found.errors):
            found.error("unit_missing")
        if len(written) == 1:
            unit = next(iter(written))
    return unit


def _scope_period(sheet: ReadSheet, context: Context, chosen: str | None,
                  from_meta: str | None, found: _Found) -> str | None:
    period = chosen
    resolver = context.resolver
    if from_meta:
        meta_period = resolver.read_period(from_meta)
        if period and meta_period and meta_period != period:
            found.error("template_period_mismatch", found=meta_period, period=period)
            return None
        period = period or meta_period
    column = sheet.columns.get("period")
    written: dict[str, int] = {}
    for row in sheet.rows:
        if column is None or row.period is None or not str(row.period).strip():
            continue
        text = str(row.period).strip()[:60]
        code = resolver.read_period(text)
        if code is None:
            found.error("malformed_period", row.number, column, text=text)
            continue
        if resolver.find_period(code) is None:
            found.error("unknown_period", row.number, column, found=code,
                        known=f"{context.periods[0]} … {context.periods[-1]}")
        elif period is not None and code != period:
            found.error("period_mismatch", row.number, column, found=code, period=period)
        else:
            written.setdefault(code, row.number)
    if period is None:
        if len(written) > 1:
            found.error("period_conflict", found=", ".join(written))
        elif not written and not any(
                p.code in ("malformed_period", "unknown_period") for p in found.errors):
            found.error("period_missing")
        if len(written) == 1:
            period = next(iter(written))
    return period


def _text(raw: object, row: int, column: str | None, found: _Found) -> str | None:
    if raw is None:
        return None
    text = str(raw).strip()
    if len(text) > MAX_TEXT:
        found.error("text_too_long", row, column, length=len(text), limit=MAX_TEXT)
        return None
    return text or None


def _check_rows(sheet: ReadSheet, context: Context, unit: str, period: str,
                found: _Found) -> list[Entry]:
    columns = sheet.columns
    code_column, value_column = columns["code"], columns["value"]
    first_row: dict[str, int] = {}
    entries: list[Entry] = []
    for row in sheet.rows:
        if not _formulas(row, sheet, found):
            continue
        note = _text(row.note, row.number, columns.get("note"), found)
        evidence = _text(row.evidence, row.number, columns.get("evidence"), found)
        given = Given(*(None if raw is None else str(raw)
                        for raw in (row.explanation, row.cause, row.support)))
        explained = not given.empty
        has_value = not (row.value is None or (isinstance(row.value, str)
                                               and not row.value.strip()))
        if row.code is None or not str(row.code).strip():
            if has_value or row.number in sheet.formula_rows:
                found.error("missing_code", row.number, code_column)
            elif note or evidence or explained:
                found.warn("ignored_text", row.number)
            continue
        code = normalise_code(row.code)
        item = context.items.get((period, code))
        reported = (has_value or row.number in sheet.formula_rows or note or evidence
                    or explained)
        if not reported and (item is None or item.reporting_unit != unit
                             or code in first_row):
            continue  # a heading ("1.1", "I") or another unit's row left empty
        if item is None:
            odd = odd_characters(str(row.code).strip())
            if odd:
                found.error("odd_code", row.number, code_column,
                            text=visible(str(row.code).strip()), chars="; ".join(odd))
            elif period in context.baseline_periods and code in context.items.codes:
                found.error("not_baseline_item", row.number, code_column, code=code,
                            period=parse_period(period).label)
            else:
                found.error("unknown_item", row.number, code_column,
                            code=str(row.code).strip()[:40], year=context.items_year[period])
            continue
        if item.reporting_unit != unit:
            found.error("not_reporting_unit", row.number, code_column, code=code,
                        owner=_unit_label(context, item.reporting_unit),
                        unit=_unit_label(context, unit))
            continue
        if code in first_row:
            found.error("duplicate_item", row.number, code_column, code=code,
                        first=first_row[code])
            continue
        first_row[code] = row.number
        value = _value(row, item, value_column, sheet.formula_rows, found)
        if value is None and (has_value or row.number in sheet.formula_rows):
            continue  # an error was recorded
        if value is None and (note or evidence or explained):
            found.warn("ignored_text", row.number)
        if value is not None and item.measure == values.COMPLETION and value >= 100 \
                and not evidence:
            found.warn("complete_without_evidence", row.number, value_column, code=code)
        entries.append(Entry(row.number, code, value, note, evidence,
                             given if explained else None))
    return entries


def _value(row: SheetRow, item: Item, column: str, formula_rows: frozenset[int],
           found: _Found) -> float | None:
    if row.number in formula_rows:
        found.error("formula_no_value", row.number, column)
        return None
    reading = values.read_value(row.value, row.value_format, item.measure,
                                item.unit_of_measure, item.ceiling, item.ceiling_basis)
    if reading.error:
        found.error(reading.error, row.number, column, code=item.code, **reading.fields)
        return None
    if reading.warning:
        found.warn(reading.warning, row.number, column, code=item.code, **reading.fields)
    return reading.value
