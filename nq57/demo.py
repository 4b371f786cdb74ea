"""Illustrative actuals so a new installation shows a living dashboard.

Demo values are generated, deterministically, from each item's own threshold and
trajectory: some items are met, some on track, some behind, some in red, and a few
units have not reported the latest quarter. They are stored as uploads of source
'demo', apart from real reports, and `python -m nq57 demo remove` deletes exactly
them.
"""

from __future__ import annotations

import hashlib
import random
from datetime import datetime, time, timedelta

import duckdb
import pandas as pd

from nq57 import accounts, audit, demo_followup, policy, status
from nq57.cells import missing, real, text
from nq57.db import Store
from nq57.evidence import demo as demo_evidence
from nq57.policy import Actor
from nq57.revisions import NewValue, UploadMeta, record_upload

DEMO_PERIODS = ("2026-Q1", "2026-Q2", "2026-Q3")
BASELINE_PERIOD = "2025-Q4"
DEMO_PERIODS_START = "2026-01-01"
DEMO_AUTHOR = "Số liệu minh họa"

# Completion reached per unit of elapsed time, by scenario.
PACE = {"achieved": 1.45, "on_track": 1.15, "behind": 0.75, "red": 0.3}
# Share of items in each scenario (the rest of the spread comes from late units).
SCENARIO_WEIGHTS = (("achieved", 22), ("on_track", 33), ("behind", 25), ("red", 20))
# Units that have not sent their latest quarter, and units that sent it late.
SILENT_IN_LAST_PERIOD = ("NHNN", "SYT", "BCHQS")
LATE_SENDERS = {"SNV": 6, "CAT": 3, "STP": 11}
# Items whose previous-year value is unknown (their trajectory starts at zero).
NO_BASELINE = ("1.5.25", "1.2.6")


def _bucket(code: str) -> str:
    """A stable scenario for an item, independent of the order items are loaded in."""
    total = sum(w for _, w in SCENARIO_WEIGHTS)
    point = int(hashlib.sha256(f"nq57-demo-{code}".encode()).hexdigest(), 16) % total
    for name, weight in SCENARIO_WEIGHTS:
        if point < weight:
            return name
        point -= weight
    raise AssertionError("unreachable")


def _round(value: float, unit_of_measure: str, kind: str) -> float:
    if kind == "cumulative" or unit_of_measure in {"người", "doanh nghiệp"}:
        return float(round(value))
    if unit_of_measure == "điểm":
        return round(value, 2)
    return round(value, 1)


def _clip(value: float, unit_of_measure: str) -> float:
    value = max(0.0, value)
    return min(100.0, value) if unit_of_measure.startswith("%") else value


def _baseline_values(items: pd.DataFrame, rng: random.Random) -> dict[str, list[NewValue]]:
    by_unit: dict[str, list[NewValue]] = {}
    for item in items.itertuples(index=False):
        code, unit_of_measure, kind = text(item.code), text(item.unit_of_measure), text(item.kind)
        if kind != "level" or item.comparator == "qualitative" or code in NO_BASELINE:
            continue
        start = real(item.reference) * rng.uniform(0.55, 0.85)
        value = _round(_clip(start, unit_of_measure), unit_of_measure, kind)
        by_unit.setdefault(text(item.reporting_unit), []).append(NewValue(code, value))
    return by_unit


def _period_values(rows: pd.DataFrame, rng: random.Random,
                   last: bool) -> dict[str, list[NewValue]]:
    by_unit: dict[str, list[NewValue]] = {}
    for item in rows.itertuples(index=False):
        unit = text(item.reporting_unit)
        if last and unit in SILENT_IN_LAST_PERIOD:
            continue
        code, unit_of_measure, kind = text(item.code), text(item.unit_of_measure), text(item.kind)
        base = 0.0 if missing(item.baseline) else real(item.baseline)
        pace = PACE[_bucket(code)] * rng.uniform(0.95, 1.05)
        completion = pace * real(item.elapsed)
        if item.item_type == "task" or item.comparator == "qualitative":
            completion = min(completion, 1.0)
        raw = base + completion * (real(item.reference) - base)
        value = _round(_clip(raw, unit_of_measure), unit_of_measure, kind)
        evidence = f"minh-chung-{code}-{item.period}.pdf" if completion >= 1 else None
        by_unit.setdefault(unit, []).append(
            NewValue(code, value, note=None, evidence=evidence)
        )
    return by_unit


def _store(store: Store, con: duckdb.DuckDBPyConnection, period: str,
           by_unit: dict[str, list[NewValue]], deadline: datetime,
           rng: random.Random) -> None:
    for unit, values in sorted(by_unit.items()):
        late = LATE_SENDERS.get(unit)
        sent = deadline + timedelta(days=late) if late else deadline - timedelta(
            days=rng.randint(1, 15))
        digest = hashlib.sha256(f"demo|{unit}|{period}".encode()).hexdigest()
        meta = UploadMeta(
            unit=unit, period=period, file_name="so-lieu-minh-hoa", sha256=digest,
            uploaded_by=DEMO_AUTHOR, rows_read=len(values), source="demo",
            at=sent.replace(hour=9) + timedelta(minutes=rng.randint(0, 480)),
        )
        record_upload(store, con, meta, values)


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
    targets = status.gaps(store, DEMO_PERIODS[0], as_of=DEMO_PERIODS_START, con=con)
    _store(store, con, BASELINE_PERIOD, _baseline_values(targets, rng),
           _report_deadline(store, con, BASELINE_PERIOD), rng)
    for period in DEMO_PERIODS:
        rows = pd.concat([
            status.gaps(store, period, as_of=DEMO_PERIODS_START, item_type=item_type, con=con)
            for item_type in ("target", "task")
        ])
        last = period == DEMO_PERIODS[-1]
        _store(store, con, period, _period_values(rows, rng, last),
               _report_deadline(store, con, period), rng)
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
