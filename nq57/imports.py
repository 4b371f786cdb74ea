"""The quarterly Excel round trip, end to end: the template out; a file in through
safety → read → check → preview; then one transaction that stores it.

The page "Nhập số liệu" and `python -m nq57 import` call only this module, so a file
is judged the same way whichever door it comes through. Inspecting never writes;
committing writes the upload record and its values together or not at all.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypedDict

import duckdb
import pandas as pd

from nq57 import audit, catalogue, clock, demo, explanations, labels, locks, policy, revisions
from nq57.cells import real, text
from nq57.db import Store
from nq57.evidence import records as evidence_records
from nq57.evidence import review as evidence_review
from nq57.excel import annotate, check, read, safety
from nq57.excel import template as template_book
from nq57.excel.check import Checked, Context, Entry, Item, ReportableItems
from nq57.excel.problems import FileRefused, Problem, problem
from nq57.excel.safety import DEFAULT_LIMITS, Limits
from nq57.explanations import Explanation, Given, Judged
from nq57.periods import PeriodError
from nq57.policy import Actor
from nq57.resolve import UnknownCode
from nq57.revisions import NewValue, RecordResult, UploadMeta
from nq57.untrusted import OddCharacters

LOG = logging.getLogger("nq57.imports")
CHANGES = ("new", "changed", "unchanged", "not_reported")
PREVIEW_COLUMNS = ("row", "item_code", "name", "unit_of_measure", "on_record", "new_value",
                   "change", "note", "evidence", "status", "explanation", "cause", "support")


def _empty_preview() -> pd.DataFrame:
    return pd.DataFrame(columns=list(PREVIEW_COLUMNS))


class NotAccepted(ValueError):
    """An inspection with errors was about to be committed."""


class NothingToReport(ValueError):
    """A template was asked for a unit that reports no item in that year."""


@dataclass(frozen=True)
class Inspection:
    """Everything known about an uploaded file before anything is stored."""

    file_name: str
    sha256: str
    size: int
    unit: str | None = None
    period: str | None = None
    entries: tuple[Entry, ...] = ()
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    preview: pd.DataFrame = field(default_factory=_empty_preview)
    sheet: str | None = None
    header_row: int | None = None
    columns: dict[str, str] = field(default_factory=dict)
    duplicate_of: dict[str, Any] | None = None
    # Explanations: each reported item's status had the file been stored (the status
    # engine's answer), and the explanations in force for the revisions on record.
    judged: Mapping[str, Judged] = field(default_factory=dict)
    explained_on_record: Mapping[str, Explanation] = field(default_factory=dict)
    evidence: tuple[evidence_records.Planned, ...] = ()  # files and links it attaches

    @property
    def accepted(self) -> bool:
        return not self.problems

    @property
    def explained(self) -> dict[str, Explanation]:
        """The explanations the file (or the page) gives for reported values."""
        return {e.item_code: e.explained for e in self.entries
                if e.value is not None and e.explained is not None}

    @property
    def new_explanations(self) -> dict[str, Explanation]:
        """The explanations that storing this inspection would add."""
        unchanged = set(self.preview.loc[self.preview["change"] == "unchanged", "item_code"])
        return {code: given for code, given in self.explained.items()
                if code not in unchanged or self.explained_on_record.get(code) != given}

    @property
    def asks_explanations(self) -> bool:
        """Does the file lack explanations that a person can give on the page (and
        nothing else is wrong with it)?"""
        return bool(self.problems) and all(
            p.code in explanations.PROBLEM_CODES for p in self.problems)

    def explanation_rows(self) -> pd.DataFrame:
        """The reported rows whose explanation is missing or wrong, with what was
        written: row, item_code, name, status, reason, explanation, cause, support."""
        rows_with_issue = {p.row for p in self.problems if p.code in explanations.PROBLEM_CODES}
        names = dict(zip(self.preview["item_code"], self.preview["name"], strict=True))
        rows = []
        for entry in self.entries:
            if entry.row not in rows_with_issue:
                continue
            given = entry.given or Given()
            judged = self.judged.get(entry.item_code)
            rows.append({
                "row": entry.row, "item_code": entry.item_code,
                "name": names.get(entry.item_code, ""),
                "status": judged.status if judged else None,
                "reason": judged.reason if judged else None,
                "explanation": given.explanation or "",
                "cause": given.cause or "",
                "support": given.support or "",
            })
        return pd.DataFrame(rows, columns=["row", "item_code", "name", "status", "reason",
                                           "explanation", "cause", "support"])

    @property
    def values(self) -> list[NewValue]:
        """The reported values, as they will be stored."""
        return [NewValue(e.item_code, e.value, e.note, e.evidence)
                for e in self.entries if e.value is not None]

    def counts(self) -> dict[str, int]:
        """How many rows of the preview are new, changed, unchanged, not reported."""
        found = self.preview["change"].value_counts().to_dict() if len(self.preview) else {}
        return {change: int(found.get(change, 0)) for change in CHANGES}

    @property
    def annotatable(self) -> bool:
        """Errors that point at rows of a readable sheet can be written into the file."""
        return self.sheet is not None and any(p.row is not None for p in self.problems)


class _FileFacts(TypedDict):
    """What every inspection says about the file, whatever else it finds."""

    file_name: str
    sha256: str
    size: int


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- the catalogue, as the checks need it ----------------------------------------

def load_context(store: Store, con: duckdb.DuckDBPyConnection,
                 today: date | str | None = None) -> Context:
    """Items of every tracked year, unit names and periods, read once per upload."""
    units = catalogue.units(store, con)
    periods = catalogue.reporting_periods(store, con)
    items_year = dict(zip(periods["code"], periods["items_year"], strict=True))
    baseline_periods = frozenset(periods.loc[periods["baseline_only"], "code"])
    items = [Item(r["code"], r["item_type"], r["name"], r["unit_of_measure"], r["comparator"],
                  r["kind"], r["year"], r["reporting_unit"], r["reporting_unit_name"],
                  needs_baseline=bool(r["needs_baseline"]),
                  ceiling=None if r["max_value"] is None else float(r["max_value"]),
                  ceiling_basis=r["max_basis"] or "")
             for r in store.rows("excel/catalogue_items", con)]
    return Context(
        items=ReportableItems(items, items_year, baseline_periods),
        unit_codes=catalogue.unit_names(units),
        unit_labels=dict(zip(units["code"], units["name"], strict=True)),
        periods=periods["code"].tolist(),
        items_year=items_year,
        baseline_periods=baseline_periods,
        period_dates={code: (start, end) for code, start, end in zip(
            periods["code"], periods["start_date"], periods["end_date"], strict=True)},
        today=clock.today(today),
    )


def _chosen_scope(context: Context, unit: str | None, period: str | None
                  ) -> tuple[str | None, str | None, list[Problem]]:
    """The unit and period given by the person (page or CLI), checked."""
    problems: list[Problem] = []
    unit_code = period_code = None
    resolver = context.resolver
    if unit:
        try:
            unit_code = resolver.unit(unit)
        except OddCharacters as exc:
            problems.append(Problem("odd_code", str(exc)))
        except UnknownCode as exc:
            problems.append(Problem("unknown_unit", str(exc)))
    if period:
        try:
            period_code = resolver.period(period).code
        except PeriodError as exc:
            problems.append(Problem("malformed_period", str(exc)))
        except UnknownCode as exc:
            problems.append(Problem("unknown_period", str(exc)))
    return unit_code, period_code, problems


# --- inspect: safety → read → check → preview ---------------------------------------

def inspect(store: Store, data: bytes, file_name: str, *, unit: str | None = None,
            period: str | None = None, limits: Limits = DEFAULT_LIMITS,
            progress: Callable[[float], None] | None = None,
            actor: Actor | None = None,
            evidence_files: Mapping[str, bytes] | None = None,
            today: date | str | None = None) -> Inspection:
    """Judge an uploaded file completely without storing anything (as of `today`:
    NQ57_TODAY or the system date when not given, which is also the date the
    explanation rule judges statuses at). With `actor`, the rows of a unit the account
    may not report for are errors too; `evidence_files` (name -> bytes) are the
    evidence files sent with it, matched by the names written in its evidence column."""
    digest = sha256(data)
    base: _FileFacts = {"file_name": file_name, "sha256": digest, "size": len(data)}
    if actor is not None and actor.role not in policy.MATRIX[policy.REPORT]:
        return Inspection(**base, problems=(Problem(
            "not_allowed", str(policy.PermissionDenied(actor, policy.REPORT))),))
    try:
        safety.check_bytes(data, file_name, limits)
        sheet = read.read_workbook(data, file_name, limits=limits, progress=progress)
    except FileRefused as refused:
        return Inspection(**base, problems=(refused.problem,))
    with store.connect() as con:
        context = load_context(store, con, clock.today(today))
        unit_code, period_code, scope_problems = _chosen_scope(context, unit, period)
        if scope_problems:
            return Inspection(**base, problems=tuple(scope_problems), sheet=sheet.sheet,
                              header_row=sheet.header_row, columns=sheet.columns)
        checked = check.check(sheet, context, unit=unit_code, period=period_code)
        preview = duplicate = None
        on_record: dict[str, Explanation] = {}
        if checked.unit and checked.period:
            current = revisions.current_values(store, con, checked.unit, checked.period)
            preview = build_preview(checked, context, current)
            found = store.rows("revisions/find_upload_by_hash", con, sha256=digest,
                               unit=checked.unit, period=checked.period)
            duplicate = found[0] if found else None
            on_record = _explained_on_record(store, con, checked.unit, checked.period,
                                             current)
    problems = checked.problems
    if actor is not None and checked.unit is not None:
        problems += _unit_refusals(actor, checked, sheet.sheet, sheet.columns.get("value"))
    judged: dict[str, Judged] = {}
    if checked.unit and checked.period and checked.entries:
        judged = explanations.judge(
            store, checked.unit, checked.period,
            {e.item_code: e.value for e in checked.entries if e.value is not None},
            as_of=today)
    planned, evidence_errors, evidence_warnings = evidence_records.plan(
        checked.entries, evidence_files or {}, sheet=sheet.sheet,
        column=sheet.columns.get("evidence"))
    inspection = Inspection(
        **base, unit=checked.unit, period=checked.period, entries=checked.entries,
        problems=problems + tuple(evidence_errors),
        warnings=checked.warnings + tuple(evidence_warnings),
        preview=preview if preview is not None else _empty_preview(),
        sheet=sheet.sheet, header_row=sheet.header_row, columns=sheet.columns,
        duplicate_of=duplicate, evidence=tuple(planned), judged=judged,
        explained_on_record=on_record,
    )
    return _apply_explanations(inspection, {})


def _explained_on_record(store: Store, con: duckdb.DuckDBPyConnection, unit: str,
                         period: str, current: pd.DataFrame) -> dict[str, Explanation]:
    """The explanations in force that explain the values on record now."""
    revision = dict(zip(current["item_code"], current["upload_id"], strict=True))
    found = {}
    for row in explanations.in_force(store, unit, period, con).to_dict(orient="records"):
        if pd.notna(row["upload_id"]) and revision.get(row["item_code"]) == row["upload_id"]:
            support = row["support_requested"]
            found[row["item_code"]] = Explanation(
                row["explanation"], row["cause"],
                support if isinstance(support, str) else None)
    return found


# --- explanations when behind ------------------------------------------------------------

def _explanation_problem(issue: explanations.Issue, entry: Entry,
                         inspection: Inspection) -> Problem:
    """An explanation issue located in the file: the cell of its column if the sheet
    has one, else the explanation column, else the value."""
    columns = inspection.columns
    column = columns.get(issue.part) or columns.get("explanation") or columns.get("value")
    return problem(issue.code, sheet=inspection.sheet, row=entry.row, column=column,
                   **issue.values)


def _apply_explanations(inspection: Inspection,
                        given: Mapping[str, Given]) -> Inspection:
    """The explanation rule on every reported row: what is written (in the file, or
    given on the page for that item, which wins) must hold, and a value that would
    leave its item behind or red needs an explanation, unless it is unchanged and the
    explanation on record explains it."""
    if not inspection.entries:
        return inspection
    unchanged = set(inspection.preview.loc[inspection.preview["change"] == "unchanged",
                                           "item_code"])
    others = [p for p in inspection.problems if p.code not in explanations.PROBLEM_CODES]
    found: list[Problem] = []
    entries = []
    for entry in inspection.entries:
        written = given.get(entry.item_code, entry.given)
        if entry.value is None:
            entries.append(replace(entry, given=written, explained=None))
            continue
        explained, issues = explanations.check_given(written or Given())
        judged = inspection.judged.get(entry.item_code)
        if (not issues and explained is None and judged is not None
                and explanations.needs_explanation(judged.status)
                and not (entry.item_code in unchanged
                         and entry.item_code in inspection.explained_on_record)):
            issues = [explanations.missing_issue(entry.item_code, judged)]
        found += [_explanation_problem(i, entry, inspection) for i in issues]
        entries.append(replace(entry, given=written, explained=explained))
    preview = _preview_with_explanations(inspection.preview, entries, inspection.judged)
    return replace(inspection, entries=tuple(entries), problems=tuple(others + found),
                   preview=preview)


def _preview_with_explanations(preview: pd.DataFrame, entries: Sequence[Entry],
                               judged: Mapping[str, Judged]) -> pd.DataFrame:
    if preview.empty:
        return preview
    by_code = {e.item_code: e for e in entries}
    preview = preview.copy()

    def written(code: str, name: str) -> str | None:
        entry = by_code.get(code)
        given = entry.given if entry is not None else None
        return getattr(given, name) if given is not None else None

    preview["status"] = [judged[c].status if c in judged else None
                         for c in preview["item_code"]]
    preview["explanation"] = [written(c, "explanation") for c in preview["item_code"]]
    preview["cause"] = [written(c, "cause") for c in preview["item_code"]]
    preview["support"] = [written(c, "support") for c in preview["item_code"]]
    return preview


def explain(inspection: Inspection, given: Mapping[str, Given]) -> Inspection:
    """The inspection with explanations given on the page (item -> what was written),
    judged by the same rule as the file's own columns."""
    return _apply_explanations(inspection, given)


def _unit_refusals(actor: Actor, checked: Checked, sheet: str | None,
                   value_column: str | None) -> tuple[Problem, ...]:
    """Each reported row of a unit the account does not report for, as an error at its
    cell (nothing of the file is then stored)."""
    unit = checked.unit
    if unit is None or policy.allowed(actor, policy.REPORT, unit):
        return ()
    found = tuple(
        problem("not_your_unit", sheet=sheet, row=entry.row, column=value_column,
                who=actor.label, unit=unit, code=entry.item_code)
        for entry in checked.entries if entry.value is not None)
    return found or (Problem("not_allowed", str(policy.PermissionDenied(
        actor, policy.REPORT, unit))),)


def _number(value: object) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return real(value)


def build_preview(checked: Checked, context: Context, current: pd.DataFrame) -> pd.DataFrame:
    """The values as they will be stored, beside the values on record, with the kind of
    change of each row: new, changed, unchanged or not reported."""
    on_record = dict(zip(current["item_code"], current["value"], strict=True))
    reported = [NewValue(e.item_code, e.value, e.note, e.evidence)
                for e in checked.entries if e.value is not None]
    changed = {v.item_code for v in revisions.pending_changes(current, reported)}
    period = checked.period
    if period is None:
        raise ValueError("a preview needs the period the values are for")
    rows = []
    for entry in checked.entries:
        item = context.items[(period, entry.item_code)]
        if entry.value is None:
            change = "not_reported"
        elif entry.item_code not in on_record:
            change = "new"
        else:
            change = "changed" if entry.item_code in changed else "unchanged"
        rows.append({
            "row": entry.row, "item_code": entry.item_code, "name": item.name,
            "unit_of_measure": "%" if item.measure == "completion" else item.unit_of_measure,
            "on_record": _number(on_record.get(entry.item_code)), "new_value": entry.value,
            "change": change, "note": entry.note, "evidence": entry.evidence,
            "status": None, "explanation": None, "cause": None, "support": None,
        })
    return pd.DataFrame(rows, columns=list(PREVIEW_COLUMNS))


# --- commit: one transaction ---------------------------------------------------------

def commit(store: Store, actor: Actor, inspection: Inspection,
           at: datetime | None = None) -> RecordResult:
    """Store an accepted inspection: the upload record, every changed value and the
    explanations and the evidence it gives, in one transaction, signed by the account.
    An identical file sent again changes nothing. A locked period takes changes from an
    admin only (audited)."""
    if not inspection.accepted or inspection.unit is None or inspection.period is None:
        raise NotAccepted(labels.IMPORT_CLI["refused"].format(
            file=inspection.file_name, count=len(inspection.problems)))
    policy.require(actor, policy.REPORT, inspection.unit)
    new_explanations = inspection.new_explanations
    meta = UploadMeta(
        unit=inspection.unit, period=inspection.period, file_name=inspection.file_name,
        sha256=inspection.sha256, uploaded_by=actor.signature,
        rows_read=len(inspection.entries), source="excel", at=at,
    )
    with store.transaction() as con:
        meta = replace(meta, at=meta.at or datetime.now())  # the moment it takes effect
        result = revisions.record_upload(store, con, meta, inspection.values)
        if result.changed_anything or new_explanations:
            locks.require_open(store, con, actor, inspection.period, change="import",
                               detail={"unit": inspection.unit, "upload": result.upload_id})
        if result.changed_anything:
            audit.record(store, con, actor, "import", object_type="upload",
                         object_id=str(result.upload_id), after={
                             "unit": meta.unit, "period": meta.period,
                             "file_name": meta.file_name, "sha256": meta.sha256,
                             "stored": result.stored, "unchanged": result.unchanged},
                         at=meta.at)
        stored = explanations.record(
            store, con, actor, inspection.unit, inspection.period, new_explanations,
            statuses={c: j.status for c, j in inspection.judged.items()},
            at=meta.at, note=inspection.file_name)
        added = evidence_records.record_planned(
            store, con, actor, inspection.unit, inspection.period, inspection.evidence,
            upload_id=result.upload_id, at=meta.at)
    return replace(result, evidence_added=sum(a.new for a in added), explanations=stored)


def import_file(store: Store, data: bytes, file_name: str, *, actor: Actor | None,
                unit: str | None = None, period: str | None = None, dry_run: bool = False,
                limits: Limits = DEFAULT_LIMITS,
                evidence_files: Mapping[str, bytes] | None = None,
                today: date | str | None = None,
                ) -> tuple[Inspection, RecordResult | None]:
    """Inspect and, if accepted and not a dry run, commit: what the CLI does. Without an
    account only a dry run is possible."""
    inspection = inspect(store, data, file_name, unit=unit, period=period, limits=limits,
                         actor=actor, evidence_files=evidence_files, today=today)
    if not inspection.accepted or dry_run:
        return inspection, None
    if actor is None:
        raise NotAccepted(labels.ACCOUNT_MESSAGES["need_user"])
    return inspection, commit(store, actor, inspection)


def import_path(store: Store, path: Path, *, actor: Actor | None, unit: str | None = None,
                period: str | None = None, dry_run: bool = False,
                limits: Limits = DEFAULT_LIMITS,
                evidence_files: Mapping[str, bytes] | None = None,
                today: date | str | None = None,
                ) -> tuple[Inspection, RecordResult | None]:
    """import_file() for a file on disk, never reading more than the size limit.
    OSError if the path cannot be read."""
    try:
        data = safety.read_limited(path, limits=limits)
    except FileRefused as refused:
        return Inspection(path.name, "", path.stat().st_size, problems=(refused.problem,)), None
    return import_file(store, data, path.name, actor=actor, unit=unit, period=period,
                       dry_run=dry_run, limits=limits, evidence_files=evidence_files,
                       today=today)


def annotated(inspection: Inspection, data: bytes) -> bytes | None:
    """The uploaded workbook with an error column and the faulty cells marked, or None
    when the errors concern the whole file (nothing to point at)."""
    if (not inspection.annotatable or inspection.sheet is None
            or inspection.header_row is None):
        return None
    try:
        return annotate.annotate(data, inspection.sheet, inspection.header_row,
                                 inspection.problems + inspection.warnings)
    except Exception as exc:  # a workbook read-only mode reads but full mode cannot load
        LOG.info("no annotated copy of %r: %s: %s", inspection.file_name,
                 type(exc).__name__, exc)
        return None


def problem_table(problems: Sequence[Problem]) -> pd.DataFrame:
    """Problems as rows a person scans: severity, sheet, row, cell, message."""
    return pd.DataFrame(
        [{"severity": p.severity, "sheet": p.sheet, "row": p.row, "cell": p.cell,
          "message": p.message} for p in problems],
        columns=["severity", "sheet", "row", "cell", "message"])


# --- the template -------------------------------------------------------------------

def template_file_name(unit: str, period: str) -> str:
    return f"bieu-mau-{unit}-{period}.xlsx"


def template_items(store: Store, unit: str, period: str,
                   con: duckdb.DuckDBPyConnection | None = None
                   ) -> list[template_book.TemplateItem]:
    """The items a unit reports for a period, with what it reported last and, outside
    the baseline period, whether its baseline is still missing."""
    items = store.frame("excel/items", con, period=period)
    items = items[items["reporting_unit"] == unit]
    last = store.frame("excel/last_reported", con, unit=unit, period=period)
    notes = evidence_review.review_notes(store, unit, period, con)
    last_by_code = {text(r.item_code): (r.value, text(r.period_code))
                    for r in last.itertuples(index=False)}
    on_record: set[str] = set()
    if len(items) and not bool(items["baseline_only"].iloc[0]):
        on_record = {text(r["item_code"]) for r in store.rows(
            "excel/baselines_on_record", con, unit=unit, year=int(items["year"].iloc[0]))}
    found = []
    for r in items.itertuples(index=False):
        code = text(r.code)
        last_value, last_period = last_by_code.get(code, (None, None))
        found.append(template_book.TemplateItem(
            code=code, item_type=text(r.item_type), group_code=text(r.group_code),
            name=text(r.name), unit_of_measure=text(r.unit_of_measure),
            comparator=text(r.comparator),
            threshold_low=_number(r.threshold_low), threshold_high=_number(r.threshold_high),
            kind=text(r.kind), deadline_text=r.deadline_text if isinstance(r.deadline_text, str)
            else None,
            last_value=_number(last_value), last_period=last_period,
            kpi=r.kpi if isinstance(r.kpi, str) else None,
            baseline_missing=bool(r.needs_baseline) and not bool(r.baseline_only)
            and code not in on_record,
            review_note=notes.get(code),
        ))
    return found


def template(store: Store, unit: str, period: str) -> tuple[bytes, int]:
    """The template workbook for a unit and period, and how many items it lists."""
    with store.connect() as con:
        unit_code = catalogue.resolve_unit(store, unit, con)
        the_period = catalogue.resolve_period(store, period, con, for_reporting=True)
        names = catalogue.units(store, con)
        unit_name = names.loc[names["code"] == unit_code, "name"].iloc[0]
        reporting = store.rows("period", con, period=the_period.code)[0]
        items = template_items(store, unit_code, the_period.code, con)
        baseline_only = the_period.code in set(
            catalogue.reporting_periods(store, con).query("baseline_only")["code"])
        demo_values = demo.present(store, con) and any(
            item.last_value is not None for item in items)
    if not items:
        raise NothingToReport(labels.EXCEL_PAGE["no_items"].format(
            unit=unit_name, year=catalogue.items_year(store, the_period.code)))
    deadline = reporting["report_deadline"]
    return template_book.build(unit_code, unit_name, the_period, deadline, items,
                               baseline_period=baseline_only, demo=demo_values), len(items)
