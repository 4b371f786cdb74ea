"""Commend and criticise: units ranked by the share of their items done on time (and
then evidence accepted), with the items that drive each place (2026-Q3, judged at the
pinned date 2026-11-23).

On a database without reports: Sở Tư pháp completes its one task (V.4) with evidence
the secretariat accepts, Ban Tổ chức Tỉnh ủy's task (V.1.4) is on track, Sở Công
Thương's (VI.1, due 30/09/2026) is in red, Sở Xây dựng's (II.9) behind; every other
unit has reported nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from nq57 import league, policy
from nq57.db import Store
from nq57.evidence import records, review
from tests.helpers import report

ROOT = Path(__file__).resolve().parent.parent
PERIOD = "2026-Q3"


def four_units_report(store: Store, *, accept: bool = True) -> None:
    report(store, "STP", PERIOD, {"V.4": 100.0})
    added = records.add(store, policy.SYSTEM, "V.4", "STP", PERIOD,
                        records.link_evidence("https://example.invalid/ket-qua.pdf"))
    if accept:
        review.accept(store, policy.SYSTEM, added.evidence_id)
    report(store, "BTCTU", PERIOD, {"V.1.4": 80.0})
    report(store, "SCT", PERIOD, {"VI.1": 40.0})
    report(store, "SXD", PERIOD, {"II.9": 50.0})


def test_units_done_on_time_come_first_and_a_unit_in_red_last(store: Store):
    four_units_report(store)
    ranked = league.league(store, PERIOD)
    assert ranked[["rank", "unit", "on_time", "items", "evidence_accepted_share",
                   "proposal"]].head(2).values.tolist() == [
        [1, "STP", 1, 1, 1.0, "commend"],     # done, and the evidence accepted
        [2, "BTCTU", 1, 1, 0.0, "commend"]]   # on track, nothing to prove yet
    assert ranked.iloc[2]["unit"] == "SXD"  # nothing done, but nothing missing or red
    last = ranked.iloc[-1]
    assert (last["unit"], last["red"], last["proposal"]) == ("SCT", 1, "criticise")
    assert ranked["rank"].is_monotonic_increasing
    assert ranked["on_time_share"].is_monotonic_decreasing


def test_evidence_awaiting_review_is_not_accepted_and_evidence_sent_back_is_not_done(
        store: Store):
    four_units_report(store, accept=False)
    ranked = league.league(store, PERIOD).set_index("unit")
    assert (ranked.at["STP", "on_time"], ranked.at["STP", "evidence_accepted_share"]) == (1, 0.0)
    assert ranked.at["STP", "rank"] == ranked.at["BTCTU", "rank"] == 1
    (evidence_id,) = store.frame("evidence/newest", item="V.4", unit="STP", period=PERIOD)["id"]
    review.send_back(store, policy.SYSTEM, int(evidence_id), "Thiếu chữ ký")
    ranked = league.league(store, PERIOD).set_index("unit")
    assert ranked.at["STP", "on_time"] == 0  # "Chờ hoàn thiện" scores nothing
    assert ranked.at["STP", "rank"] > ranked.at["BTCTU", "rank"]


def test_ties_share_their_rank_and_rows_without_review_leave_the_evidence_column_empty(
        store: Store):
    report(store, "STP", PERIOD, {"V.4": 80.0})
    report(store, "BTCTU", PERIOD, {"V.1.4": 80.0})
    items = league.items(store, PERIOD).drop(columns=["review_state"])
    ranked = league.table(items)
    assert ranked[["rank", "unit"]].head(2).values.tolist() == [[1, "BTCTU"], [1, "STP"]]
    assert ranked["evidence_accepted_share"].isna().all()


def test_the_items_that_drive_a_units_place(store: Store):
    report(store, "SKHCN", "2025-Q4", {"1.4.1": 4.0})  # a stock: judged from its baseline
    report(store, "SKHCN", PERIOD, {"1.3.1": 8.0, "1.4.1": 16.0, "1.3.3": 1.0, "1.3.5": 2.0})
    drivers = league.league_drivers(store, PERIOD, units=["SKHCN"])
    best = drivers[drivers["side"] == "best"]
    worst = drivers[drivers["side"] == "worst"]
    assert set(best["code"]) == {"1.3.1", "1.4.1"}
    assert set(best["status"]) == {"on_track"}
    # Red, the furthest behind first: tasks past their deadline and never reported
    # (0% done) come before the targets reported far behind.
    assert list(worst["code"]) == ["II.1", "II.2"]
    assert set(worst["status"]) == {"red"}


def test_the_league_command_prints_the_table(store: Store):
    four_units_report(store)
    done = subprocess.run([sys.executable, "-m", "nq57", "league", "--period", PERIOD,
                           "--format", "json"], cwd=ROOT, env=os.environ.copy(),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [r["unit"] for r in rows[:2]] == ["STP", "BTCTU"]
    assert rows[-1]["unit"] == "SCT" and rows[-1]["proposal"] == "criticise"
