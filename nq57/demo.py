"""Illustrative actuals so a new installation shows a living dashboard.

Demo values are generated, deterministically, from each item's own threshold and
trajectory, and are plausible by the status rules: most items report last year's
closing value (a few do not, so their baseline is estimated, and one starts only in
the last quarter); some targets were already met and are to be held (one slips);
completion and year-to-date counts never fall; ongoing ("Thường xuyên") tasks are
never complete; one unit reports monthly instead of quarterly; some units are silent
in the last quarter (their values carry forward) or all year. They are stored as
uploads of source 'demo', apart from real reports, and `python -m nq57 demo remove`
deletes exactly them. Every page, file and CLI output made from them says so.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta

import duckdb
import pandas as pd

from nq57 import accounts, audit, demo_followup, labels, policy, status
from nq57.db import Store
from nq57.evidence import demo as demo_evidence
from nq57.excel import values
from nq57.policy import Actor
from nq57.revisions import NewValue, UploadMeta, record_upload

DEMO_PERIODS = ("2026-Q1", "2026-Q2", "2026-Q3")
BASELINE_PERIOD = "2025-Q4"
# Units that report month by month (the Office's plan 1119/KH-VP asks for a monthly
# report); their baseline is December's value.
MONTHLY_UNITS = ("TTPVHCC",)
DEMO_MONTHS = tuple(f"2026-{month:02d}" for month in range(1, 10))
MONTHLY_BASELINE_PERIOD = "2025-12"
DEMO_PERIODS_START = "2026-01-01"
DEMO_AUTHOR = labels.DEMO_AUTHOR

# Completion reached per unit of elapsed time, by scenario.
PACE = {"achieved": 1.45, "on_track": 1.15, "behind": 0.75, "red": 0.3}
# Share of items in each scenario (the rest of the spread comes from late units).
SCENARIO_WEIGHTS = (("achieved", 22), ("on_track", 33), ("behind", 25), ("red", 20))
# Units that have not sent their latest quarter (their earlier values carry forward),
# units that have sent nothing this year, and units that sent late (days).
SILENT_IN_LAST_PERIOD = ("BCHQS", "SGDDT", "CAT")
SILENT_ALL_YEAR = ("SYT", "SNNMT")
LATE_SENDERS = {"SNV": 6, "SXD": 3, "STP": 11}
# Items whose previous-year value is unknown (their baseline is estimated from the
# earliest value of the year), and one first reported in the last quarter.
NO_BASELINE = ("1.5.25", "1.2.6")
FIRST_REPORTED_LAST = ("1.5.29",)
# Targets already met at their baseline, to be held: one holds, one slips below.
HELD = {"1.1.2": (1.08, 0.0), "1.5.20": (1.06, 0.12)}  # code: (start factor, slip per year)
ONGOING_CAP = 0.85  # an ongoing task never reaches its KPI


@dataclass(frozen=True)
class _Path:
    """How one item's value moves through the year."""

    start: float
    reference: float
    pace: float
    held: tuple[float, float] | None

    def value(self, elapsed: float, noise: float) -> float:
        if self.held:
            factor, slip = self.held
            return self.reference * (factor - slip * elapsed) * noise
        return self.start + min(self.pace * noise * elapsed, 10.0) * (self.reference - self.start)


def _bucket(code: str) -> str:
    """A stable scenario for an item, independent of the order items are loaded in."""
    total = sum(w for _, w in SCENARIO_WEIGHTS)
    point = int(hashlib.sha256(f"nq57-demo-{code}".encode()).hexdigest(), 16) % total
    for name, weight in SCENARIO_WEIGHTS:
        if point < weight:
            return name
        point -= weight
    raise AssertionError("unreachable")


def _measure(item: pd.Series) -> str:
    return values.measure_class(item.unit_of_measure, item.comparator, item.item_type,
                                item.kind)


def _round(value: float, item: pd.Series) -> float:
    measure = _measure(item)
    if measure == values.COUNT:
        return float(round(value))
    if item.unit_of_measure == "điểm":
        return round(value, 2)
    return round(value, 1)


def _clip(value: float, item: pd.Series) -> float:
    value = max(0.0, value)
    if _measure(item) in (values.PERCENT, values.COMPLETION):
        value = min(100.0, value)
    return value


def _items(store: Store, con: duckdb.DuckDBPyConnection, period: str) -> pd.DataFrame:
    """The items of a period with their reference and elapsed time (no parent rows)."""
    frame = pd.concat([
        status.gaps(store, period, as_of=DEMO_PERIODS_START, item_type=item_type, con=con)
        for item_type in ("target", "task")
    ])
    return frame[~frame["is_parent"].astype(bool)].set_index("code")


def _periods_of(unit: str) -> tuple[str, ...]:
    return DEMO_MONTHS if unit in MONTHLY_UNITS else DEMO_PERIODS


def _silent(unit: str, code: str, period: str) -> bool:
    if unit in SILENT_ALL_YEAR:
        return True
    if code in FIRST_REPORTED_LAST and period != _periods_of(unit)[-1]:
        return True
    last = period in (DEMO_PERIODS[-1], DEMO_MONTHS[-1])
    return last and unit in SILENT_IN_LAST_PERIOD


def _paths(items: pd.DataFrame, rng: random.Random) -> dict[str, _Path]:
    paths = {}
    for code, item in items.iterrows():
        reference = float(item.reference)
        start = 0.0
        if item.needs_baseline:
            start = reference * rng.uniform(0.55, 0.85)
        held = HELD.get(str(code))
        paths[str(code)] = _Path(start, reference, PACE[_bucket(str(code))], held)
    return paths


def _baselines(items: pd.DataFrame, paths: dict[str, _Path]
               ) -> dict[tuple[str, str], list[NewValue]]:
    by_upload: dict[tuple[str, str], list[NewValue]] = {}
    for code, item in items.iterrows():
        code = str(code)
        unit = str(item.reporting_unit)
        if not item.needs_baseline or code in NO_BASELINE + FIRST_REPORTED_LAST \
                or unit in SILENT_ALL_YEAR:
            continue
        path = paths[code]
        start = path.value(0.0, 1.0) if path.held else path.start
        period = MONTHLY_BASELINE_PERIOD if unit in MONTHLY_UNITS else BASELINE_PERIOD
        by_upload.setdefault((unit, period), []).append(
            NewValue(code, _round(_clip(start, item), item)))
    return by_upload


def _year_values(store: Store, con: duckdb.DuckDBPyConnection, paths: dict[str, _Path],
                 rng: random.Random) -> dict[tuple[str, str], list[NewValue]]:
    """Every period's values, by (unit, period), in the order of the periods."""
    by_upload: dict[tuple[str, str], list[NewValue]] = {}
    previous: dict[str, float] = {}
    for period in sorted(DEMO_MONTHS + DEMO_PERIODS, key=_period_end):
        items = _items(store, con, period)
        for code, item in items.iterrows():
            code, unit = str(code), str(item.reporting_unit)
            if period not in _periods_of(unit) or _silent(unit, code, period):
                continue
            raw = paths[code].value(float(item.elapsed), rng.uniform(0.95, 1.05))
            measure = _measure(item)
            ongoing = pd.isna(item.deadline)
            if ongoing:  # never complete: an ongoing task goes on
                path = paths[code]
                raw = min(raw, path.start + ONGOING_CAP * (path.reference - path.start))
            value = _round(_clip(raw, item), item)
            if measure == values.COMPLETION or item.kind == "cumulative":
                value = max(value, previous.get(code, 0.0))  # done stays done
            previous[code] = value
            evidence = (f"minh-chung-{code}-{period}.pdf"
                        if measure == values.COMPLETION and value >= 100 else None)
            by_upload.setdefault((unit, period), []).append(
                NewValue(code, value, note=None, evidence=evidence))
    return by_upload


def _period_end(period: str) -> tuple[str, int]:
    """Sort key: months before the quarter that ends with them."""
    year, part = period.split("-")
    month = 3 * int(part[1:]) if part.startswith("Q") else int(part)
    return f"{year}-{month:02d}", 1 if part.startswith("Q") else 0


def _store(store: Store, con: duckdb.DuckDBPyConnection,
           by_upload: dict[tuple[str, str], list[NewValue]], rng: random.Random) -> None:
    for (unit, period), new_values in sorted(by_upload.items(),
                                            key=lambda pair: (_period_end(pair[0][1]),
                                                              pair[0][0])):
        deadline = _report_deadline(store, con, period)
        late = LATE_SENDERS.get(unit)
        sent = deadline + timedelta(days=late) if late else deadline - timedelta(
            days=rng.randint(1, 15))
        digest = hashlib.sha256(f"demo|{unit}|{period}".encode()).hexdigest()
        meta = UploadMeta(
            unit=unit, period=period, file_name="so-lieu-minh-hoa", sha256=digest,
            uploaded_by=DEMO_AUTHOR, rows_read=len(new_values), source="demo",
            at=sent.replace(hour=9) + timedelta(minutes=rng.randint(0, 480)),
        )
        record_upload(store, con, meta, new_values)


def _report_deadline(store: Store, con: duckdb.DuckDBPyConnection, period: str) -> datetime:
    return datetime.combine(store.rows("period", con, period=period)[0]["report_deadline"], time())


def load(store: Store, con: duckdb.DuckDBPyConnection, actor: Actor = policy.SYSTEM) -> None:
    """Generate and store the demo actuals, and the demo's accounts (one per role),
    inside the caller's transaction."""
    policy.require(actor, policy.MANAGE_DEMO)
    _load_values(store, con)
    accounts.create_demo_accounts(store, con)
    audit.record(store, con, actor, "load_demo", object_type="demo")


def _load_values(store: Store, con: duckdb.DuckDBPyConnection) -> None:
    rng = random.Random(57)
    items = _items(store, con, DEMO_PERIODS[0])
    paths = _paths(items, rng)
    _store(store, con, _baselines(items, paths), rng)
    _store(store, con, _year_values(store, con, paths, rng), rng)
    demo_evidence.load(store, con, DEMO_PERIODS, DEMO_PERIODS_START)
    demo_followup.load(store, con, DEMO_PERIODS, at=datetime(2026, 1, 5, 8))


def present(store: Store, con: duckdb.DuckDBPyConnection | None = None) -> bool:
    return bool(store.rows("revisions/demo_present", con)[0]["present"])


def load_unless_present(store: Store, actor: Actor) -> bool:
    """Load the demo actuals if they are not there yet; True if loaded now. The check
    and the load share one transaction, so two callers never load them twice."""
    policy.require(actor, policy.MANAGE_DEMO)
    with store.transaction() as con:
        if present(store, con):
            return False
        load(store, con, actor)
        return True


def remove(store: Store, actor: Actor) -> None:
    """Delete the demo uploads and their values, and the demo accounts (their sessions
    end); real reports and real accounts are untouched."""
    policy.require(actor, policy.MANAGE_DEMO)
    with store.transaction() as con:
        demo_followup.remove(store, con)
        demo_evidence.remove(store, con)
        store.execute("revisions/remove_demo", con)
        accounts.remove_demo_accounts(store, con, actor)
        audit.record(store, con, actor, "remove_demo", object_type="demo")
