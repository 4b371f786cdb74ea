"""Status of targets and tasks for a period: the plan's rules, computed in DuckDB.

The rules themselves are SQL macros (queries/definitions/020_status.sql) so that a
page, an export and the CLI can never disagree; this module is the Python door, and
explain() turns a row's reason into the words every page, file and CLI shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import duckdb
import pandas as pd

from nq57 import clock, db, fmt, labels
from nq57.cells import missing
from nq57.db import Store
from nq57.periods import parse_period

# What --items and the pages may ask for: one kind of item, or both (targets first).
ITEM_TYPES = ("target", "task")


def gaps(
    store: Store,
    period: str,
    *,
    as_of: date | str | None = None,
    units: Sequence[str] | None = None,
    group: str | None = None,
    item_type: str = "target",
    con: duckdb.DuckDBPyConnection | None = None,
) -> pd.DataFrame:
    """One row per target (or task, with a row per parent task rolled up from its
    parts; "all": targets then tasks) of the period's year, with actual, baseline,
    expected, completion, gap, status and its reason as of the given date."""
    if item_type == "all":
        return pd.concat([gaps(store, period, as_of=as_of, units=units, group=group,
                               item_type=kind, con=con) for kind in ITEM_TYPES],
                         ignore_index=True)
    return store.frame(
        "gaps",
        con,
        period=str(period),
        as_of=clock.today(as_of),
        item_type=item_type,
        units=list(units) if units else None,
        group=group,
    )


def classify(
    con: duckdb.DuckDBPyConnection,
    *,
    comparator: str,
    threshold: float | None,
    actual: float | None,
    baseline: float | None = None,
    elapsed: float,
    red_factor: float = 0.5,
    deadline_passed: bool = False,
    report_overdue: bool = False,
) -> dict[str, object]:
    """Apply the status rules to one set of numbers (the same macros as gaps())."""
    return db.rows(
        con,
        "classify",
        comparator=comparator,
        threshold=threshold,
        actual=actual,
        baseline=baseline,
        elapsed=elapsed,
        red_factor=red_factor,
        deadline_passed=deadline_passed,
        report_overdue=report_overdue,
    )[0]


def _flag(value: object) -> bool:
    return not missing(value) and bool(value)


def _period_label(code: object) -> str:
    return "" if missing(code) else parse_period(str(code)).label


def explain(row: Mapping[str, Any]) -> str:
    """The reason for an item's status, in words, e.g. 'Hoàn thành 20% so với lộ
    trình 75%' — what a red warning says next to the target — followed by where its
    value comes from when it is not the period's own report ('số liệu Quý II/2026'),
    that the period's report is overdue, and that the baseline is an estimate."""
    reason = str(row["status_reason"])
    year = row.get("year")
    weakest = row.get("weakest_status")
    text = labels.STATUS_REASONS[reason].format(
        completion=fmt.share(row.get("completion"), 0),
        elapsed=fmt.share(row.get("elapsed"), 0),
        deadline=fmt.day(row.get("deadline")),
        report_deadline=fmt.day(row.get("report_deadline")),
        red_factor=fmt.share(row.get("red_factor"), 0),
        baseline_year="" if missing(year) else int(str(year)) - 1,
        parts=0 if missing(row.get("parts")) else int(row["parts"]),
        parts_achieved=0 if missing(row.get("parts_achieved")) else int(row["parts_achieved"]),
        weakest_part=row.get("weakest_part") or "",
        weakest_status="" if missing(weakest) else labels.STATUS_LABELS[str(weakest)],
    )
    notes = labels.STATUS_REASON_NOTES
    said = [text]
    if row.get("baseline_source") == "estimated" and reason != "no_baseline" \
            and not missing(row.get("baseline_from")):
        said.append(notes["estimated"].format(baseline_from=_period_label(row["baseline_from"])))
    if _flag(row.get("value_carried")):
        said.append(notes["carried"].format(value_period=_period_label(row["value_period"])))
    if _flag(row.get("report_missing")) and not missing(row.get("actual")):
        said.append(notes["report_missing"].format(
            report_deadline=fmt.day(row.get("report_deadline"))))
    return " · ".join(said)
