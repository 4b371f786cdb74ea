"""Status of targets and tasks for a period: the plan's rules, computed in DuckDB.

The rules themselves are SQL macros (queries/definitions/020_status.sql) so that a
page, an export and the CLI can never disagree; this module is the Python door.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import duckdb
import pandas as pd

from nq57 import clock, db, fmt, labels
from nq57.db import Store


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
    """One row per target (or task) of the period's year, with actual, baseline,
    expected, completion, gap and status as of the given date."""
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


def explain(row: Mapping[str, Any]) -> str:
    """The reason for an item's status, in words, e.g. 'Hoàn thành 20% so với lộ
    trình 75%' — what a red warning says next to the target."""
    template = labels.STATUS_REASONS[str(row["status_reason"])]
    return template.format(
        completion=fmt.share(row.get("completion"), 0),
        elapsed=fmt.share(row.get("elapsed"), 0),
        deadline=fmt.day(row.get("deadline")),
        report_deadline=fmt.day(row.get("report_deadline")),
    )
