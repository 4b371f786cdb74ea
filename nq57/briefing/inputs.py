"""What the briefing reads, one narrow function per need, each a named query or a core
function. The model (model.py) is built from these alone, so a new source of data is
plugged in here without touching the model or the renderers.

The units' explanations (with their cause and the support they ask for) do not exist
in the store yet: their functions already return frames with the columns the model
reads, empty, and their docstrings state the query that will fill them. The evidence
review is read from queries/briefing/evidence_returned.sql.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from nq57 import catalogue, demo, status, summary
from nq57.db import Store


@dataclass(frozen=True)
class Scope:
    """What a briefing covers: a period, and optionally some lead units and a group."""

    period: str
    units: tuple[str, ...] = ()
    group: str | None = None

    @property
    def province(self) -> bool:
        return not self.units and self.group is None

    @property
    def includes_tasks(self) -> bool:
        """Tasks belong to no target group, so a report on a group has none."""
        return self.group is None

    def unit_list(self) -> list[str] | None:
        return list(self.units) or None


# --- what exists ------------------------------------------------------------------

def targets(store: Store, scope: Scope, as_of: date, con: duckdb.DuckDBPyConnection
            ) -> pd.DataFrame:
    """The targets in scope with actual, trajectory and status (status.gaps)."""
    return status.gaps(store, scope.period, as_of=as_of, units=scope.unit_list(),
                       group=scope.group, con=con)


def tasks(store: Store, scope: Scope, as_of: date, con: duckdb.DuckDBPyConnection
          ) -> pd.DataFrame:
    """The tasks in scope in the plan's seven columns, with their status
    (queries/briefing/tasks.sql); none when the scope is a target group."""
    frame = store.frame("briefing/tasks", con, period=scope.period, as_of=as_of,
                        units=scope.unit_list())
    return frame if scope.includes_tasks else frame.iloc[0:0]


def status_counts(store: Store, scope: Scope, as_of: date, item_type: str) -> pd.DataFrame:
    """Items per status now and in the previous period (summary.status_change)."""
    return summary.status_change(store, scope.period, as_of=as_of, units=scope.unit_list(),
                                 group=scope.group, item_type=item_type)


def group_counts(store: Store, scope: Scope, as_of: date, con: duckdb.DuckDBPyConnection
                 ) -> pd.DataFrame:
    """Targets per group and status (queries/status_by_group.sql)."""
    return store.frame("status_by_group", con, period=scope.period, as_of=as_of,
                       item_type="target", units=scope.unit_list(), group=scope.group)


def reporting(store: Store, scope: Scope, as_of: date) -> pd.DataFrame:
    """Who has reported for the period, and how late (summary.completeness)."""
    return summary.completeness(store, scope.period, as_of=as_of, units=scope.unit_list(),
                                group=scope.group)


def earlier_targets(store: Store, scope: Scope, as_of: date, periods: Sequence[str],
                    con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The targets in scope as judged in each of `periods` (for the year-end
    projection): one status.gaps per period, stacked, with a `period` column."""
    frames = [status.gaps(store, period, as_of=as_of, units=scope.unit_list(),
                          group=scope.group, con=con) for period in periods]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["period", "code", "elapsed", "actual"])


def units(store: Store, con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every unit with its name, kind and parent (catalogue.units)."""
    return catalogue.units(store, con)


def groups(store: Store, con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The target groups with their names (catalogue.groups)."""
    return catalogue.groups(store, con)


def periods(store: Store, con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The tracked periods with their dates (catalogue.periods)."""
    return catalogue.periods(store, con)


def demo_present(store: Store, con: duckdb.DuckDBPyConnection) -> bool:
    """Are demo values in the store? Then every page of the report says so."""
    return demo.present(store, con)


# --- what other parts of the product will provide ----------------------------------

EXPLANATION_COLUMNS = ("item_type", "code", "name", "unit", "unit_name", "cause", "text",
                       "support", "submitted_at")
EVIDENCE_COLUMNS = ("item_type", "code", "name", "unit", "unit_name", "state",
                    "review_note", "reviewed_at")


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype="object") for column in columns})


def explanations(store: Store, scope: Scope, as_of: date,
                 con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The units' explanations for items behind or in red in the period (giải trình).

    One row per explanation in force for an item in scope (the latest a unit gave for
    the item and period), columns EXPLANATION_COLUMNS:
    item_type ('target'|'task'), code, name (the item's), unit, unit_name (who
    explained), cause (a key of labels.BRIEFING_CAUSES: funding, staffing, policy,
    guidance, objective, other), text (the explanation as typed), support (the support
    asked of the province as typed, or NULL), submitted_at (timestamp).
    Expected query: queries/briefing/explanations.sql with $period, $as_of, $units,
    $group, filtering items as nq57_gaps_for does. None are stored yet: empty.
    """
    return _empty(EXPLANATION_COLUMNS)


def support_requests(store: Store, scope: Scope, as_of: date,
                     con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The support units ask of the province (kiến nghị), by unit.

    The rows of explanations() whose `support` is not empty (same columns); kept a
    function of its own so support asked outside an explanation can be added here.
    """
    frame = explanations(store, scope, as_of, con)
    return frame[frame["support"].notna() & (frame["support"].astype(str).str.strip() != "")]


def evidence_returned(store: Store, scope: Scope, as_of: date,
                      con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Items of the period whose evidence keeps them from counting.

    One row per item in scope, columns EVIDENCE_COLUMNS: item_type, code, name, unit,
    unit_name (the reporting unit), state ('returned': sent back by the reviewers,
    "Chờ hoàn thiện"; 'missing': reported complete without evidence, "Chờ minh
    chứng"), review_note (the reviewer's words, or NULL), reviewed_at (timestamp or
    NULL). Evidence rejected for insufficient quality is a red warning and appears
    among the red items instead (status_reason 'evidence_rejected').
    """
    frame = store.frame("briefing/evidence_returned", con, period=scope.period, as_of=as_of,
                        units=scope.unit_list(), group=scope.group)
    return frame[list(EVIDENCE_COLUMNS)]
