"""Commend and criticise: units ranked by the share of their items done on time, with
the items that drive each place (2026-Q3, judged at the pinned date 2026-11-23).

On a database without reports: Sở Tư pháp completes its one task (V.4), Ban Tổ chức
Tỉnh ủy's task (V.1.4) is on track, Sở Công Thương's (VI.1, due 30/09/2026) is in red,
Sở Xây dựng's (II.9) behind; every other unit has reported nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

from nq57 import league
from nq57.db import Store
from tests.helpers import report

ROOT = Path(__file__).resolve().parent.parent
PERIOD = "2026-Q3"


def four_units_report(store: Store) -> None:
    report(store, "STP", PERIOD, {"V.4": 100.0})
    report(store, "BTCTU", PERIOD, {"V.1.4": 80.0})
    report(store, "SCT", PERIOD, {"VI.1": 40.0})
    report(store, "SXD", PERIOD, {"II.9": 50.0})


def test_units_done_on_time_come_first_and_a_unit_in_red_last(store: Store):
    four_units_report(store)
    ranked = league.league(store, PERIOD)
    assert ranked[["rank", "unit", "on_time", "items", "proposal"]].head(2).values.tolist() == [
        [1, "BTCTU", 1, 1, "commend"], [1, "STP", 1, 1, "commend"]]  # a tie shares its rank
    assert ranked.iloc[2]["unit"] == "SXD"  # nothing done, but nothing missing or red
    assert ranked.iloc[2]["rank"] == 3
    last = ranked.iloc[-1]
    assert (last["unit"], last["red"], last["proposal"]) == ("SCT", 1, "criticise")
    assert ranked["rank"].is_monotonic_increasing
    assert ranked["on_time_share"].is_monotonic_decreasing


def test_the_evidence_column_waits_for_the_evidence_review(store: Store):
    four_units_report(store)
    ranked = league.league(store, PERIOD)
    assert ranked["evidence_accepted_share"].isna().all()


def test_evidence_accepted_breaks_ties_once_the_rows_carry_a_review_state(store: Store):
    four_units_report(store)
    items = store.frame("league/items", period=PERIOD, as_of=pd.Timestamp("2026-11-23").date(),
                        units=None, group=None)
    reviewed = items.assign(review_state=["accepted" if code == "V.4" else None
                                          for code in items["code"]])
    ranked = league.table(reviewed)
    assert ranked[["rank", "unit", "evidence_accepted_share"]].head(2).values.tolist() == [
        [1, "STP", 1.0], [2, "BTCTU", 0.0]]


def test_the_items_that_drive_a_units_place(store: Store):
    report(store, "SKHCN", PERIOD, {"1.1.1": 65.0, "1.3.1": 2.0, "1.3.4": 1300.0,
                                    "II.1": 100.0})
    drivers = league.league_drivers(store, PERIOD, units=["SKHCN"])
    best = drivers[drivers["side"] == "best"]
    worst = drivers[drivers["side"] == "worst"]
    assert len(best) == len(worst) == league.DRIVERS
    assert set(best["status"]) <= {"achieved", "on_track"}
    assert worst.iloc[0]["code"] == "1.3.1" and worst.iloc[0]["status"] == "red"


def test_the_league_command_prints_the_table(store: Store):
    four_units_report(store)
    done = subprocess.run([sys.executable, "-m", "nq57", "league", "--period", PERIOD,
                           "--format", "json"], cwd=ROOT, env=os.environ.copy(),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [r["unit"] for r in rows[:2]] == ["BTCTU", "STP"]
    assert rows[-1]["unit"] == "SCT" and rows[-1]["proposal"] == "criticise"
