"""What the dashboard aggregates: status counts against the previous period, units
ranked, who has reported, tasks, one item through its year.

Each is a named query (queries/dashboard/) reading nq57_gaps_for(), so a filter —
period, units, group — means the same on every page, in the CLI and in the exports.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd

from nq57 import clock, labels
from nq57.db import Store
from nq57.periods import parse_period


def previous_period(period: str) -> str | None:
    """The period before, within the same year; None for the year's first period
    (a new year has a new list of targets, so there is nothing to compare)."""
    current = parse_period(period)
    before = current.previous()
    return before.code if before.year == current.year else None


def _scope(period: str, as_of: date | str | None, units: Sequence[str] | None,
           group: str | None) -> dict[str, Any]:
    return {
        "period": str(period),
        "as_of": clock.today(as_of),
        "units": list(units) if units else None,
        "group": group,
    }


def status_change(store: Store, period: str, *, as_of: date | str | None = None,
                  units: Sequence[str] | None = None, group: str | None = None,
                  item_type: str = "target") -> pd.DataFrame:
    """Items per status now and in the previous period of the year (NULL for the first)."""
    return store.frame("dashboard/status_change", previous=previous_period(period),
                       item_type=item_type, **_scope(period, as_of, units, group))


def units_ranked(store: Store, period: str, *, as_of: date | str | None = None,
                 units: Sequence[str] | None = None, group: str | None = None,
                 item_type: str = "target") -> pd.DataFrame:
    """One row per lead unit: items per status (a column per status of the list, and
    `{status}_share`), the shares the ranking uses, and the unit's rank."""
    ranked = store.frame("dashboard/status_by_unit", item_type=item_type,
                         **_scope(period, as_of, units, group))
    counts = [dict(c) for c in ranked["counts"]]  # DuckDB's MAP arrives as a dict
    for code in labels.STATUSES:
        ranked[code] = [int(c.get(code, 0)) for c in counts]
        ranked[f"{code}_share"] = ranked[code] / ranked["items"]
    return ranked.drop(columns=["counts"])


def completeness(store: Store, period: str, *, as_of: date | str | None = None,
                 units: Sequence[str] | None = None, group: str | None = None
                 ) -> pd.DataFrame:
    """One row per unit expected to report: reported or not, on time or how late."""
    return store.frame("dashboard/reporting_completeness",
                       **_scope(period, as_of, units, group))


def task_progress(store: Store, period: str, *, as_of: date | str | None = None,
                  units: Sequence[str] | None = None) -> pd.DataFrame:
    """The appendix tasks with output, KPI, deadline, reported progress and status."""
    return store.frame("dashboard/task_progress", **_scope(period, as_of, units, None))


def item_series(store: Store, code: str, period: str, *, as_of: date | str | None = None,
                con: Any = None) -> pd.DataFrame:
    """One item through the quarters of its year up to `period`, each judged as
    gaps() judges it (actual, trajectory, status)."""
    return store.frame("dashboard/target_series", con, code=code, period=str(period),
                       as_of=clock.today(as_of))
