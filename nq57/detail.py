"""Everything said about one target: its catalogue entry, its year quarter by quarter,
a year-end projection, the 2030/2045 targets it leads to, and every revision."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import pandas as pd

from nq57 import catalogue, clock, revisions, status, summary
from nq57.cells import real, record, text, whole
from nq57.db import Store
from nq57.projection import Point, Projection, project


@dataclass(frozen=True)
class Path:
    """The straight line from the 2026 target (end of 2026) to a longer-term one."""

    code: str
    source_doc: str
    start: date
    start_value: float
    end: date
    end_value: float


@dataclass(frozen=True)
class TargetDetail:
    target: dict[str, Any]
    period: str
    current: dict[str, Any] | None
    series: pd.DataFrame
    projection: Projection
    horizons: pd.DataFrame
    paths: tuple[Path, ...]
    history: pd.DataFrame


class UnknownTarget(LookupError):
    """No target with that code."""


def comparator_rule(con: duckdb.DuckDBPyConnection, comparator: str,
           threshold: float | None) -> Callable[[float], bool]:
    """The status engine's comparator rule for one target, as a predicate."""
    def meets(value: float) -> bool:
        return bool(status.classify(con, comparator=comparator, threshold=threshold,
                                    actual=value, elapsed=1.0)["achieved"])
    return meets


def _paths(year: int, start_value: float | None, horizons: pd.DataFrame) -> tuple[Path, ...]:
    if start_value is None or pd.isna(start_value):
        return ()
    ends = horizons[(horizons["horizon_year"] == 2030) & horizons["reference"].notna()]
    return tuple(
        Path(text(row.code), text(row.source_doc), date(year, 12, 31), float(start_value),
             date(whole(row.horizon_year), 12, 31), real(row.reference))
        for row in ends.itertuples(index=False)
    )


def load(store: Store, code: str, period: str, *,
         as_of: date | str | None = None) -> TargetDetail:
    """The detail of target `code` as of `period` (quarters after it are left out)."""
    targets = catalogue.targets(store)
    found = targets[targets["code"] == code]
    if found.empty:
        raise UnknownTarget(code)
    target = record(found.iloc[0])
    with store.connect() as con:
        series = summary.item_series(store, code, period, as_of=clock.today(as_of), con=con)
        reported = series[series["actual"].notna()]
        baseline = None
        # Only a reported baseline is a point of its own: an estimated one is the
        # earliest value of the year, already among the points.
        if target["kind"] == "level" and len(series) and pd.notna(series["baseline"].iloc[0]) \
                and series["baseline_source"].iloc[0] == "reported":
            baseline = float(series["baseline"].iloc[0])
        projected = project(
            kind=target["kind"],
            comparator=target["comparator"],
            unit_of_measure=target["unit_of_measure"],
            points=[Point(float(t), float(v))
                    for t, v in zip(reported["elapsed"], reported["actual"], strict=True)],
            baseline=baseline,
            meets=comparator_rule(con, target["comparator"], target["threshold_low"]),
        )
    current = series[series["period"] == str(period)]
    horizons = catalogue.targets_2030(store, continuing=code)
    return TargetDetail(
        target=target,
        period=str(period),
        current=record(current.iloc[0]) if len(current) else None,
        series=series,
        projection=projected,
        horizons=horizons,
        paths=_paths(int(target["year"]),
                     series["reference"].iloc[0] if len(series) else None, horizons),
        history=revisions.history(store, code, unit=target["reporting_unit"]),
    )
