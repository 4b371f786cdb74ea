"""An item whose evidence is missing or was sent back is never counted as done: not in
the overview's counts, the unit ranking, the group counts, the tasks, the CSV/Excel
exports, the briefing report or the CLI. Accepted evidence counts everywhere."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from nq57 import briefing, exports, labels, policy, status, summary, tables
from nq57.db import Store
from nq57.evidence import records, review
from tests.helpers import report

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 11, 23)
PERIOD = "2026-Q3"
STAFF = policy.Actor("can-bo", policy.STAFF, frozenset({"SKHCN"}))
REVIEWER = policy.Actor("to-giup-viec", policy.REVIEWER)
VIEWER = policy.Actor("lanh-dao", policy.VIEWER)
TARGET, TASK = "1.5.23", "III.1"  # both led and reported by SKHCN


def _prepare(store: Store, fate: str) -> None:
    report(store, "SKHCN", PERIOD, {TARGET: 16.0, TASK: 100.0}, at="2026-10-10 09:00")
    if fate == "missing":
        return
    for code in (TARGET, TASK):
        added = records.add(store, STAFF, code, "SKHCN", PERIOD,
                            records.link_evidence(f"https://dongnai.gov.vn/{code}"))
        if fate == "sent_back":
            review.send_back(store, REVIEWER, added.evidence_id, "Thiếu chữ ký")
        elif fate == "insufficient":
            review.send_back(store, REVIEWER, added.evidence_id, "Không chứng minh được",
                             insufficient_quality=True)
        else:
            review.accept(store, REVIEWER, added.evidence_id)


EXPECTED = {"missing": "awaiting_evidence", "sent_back": "awaiting_completion",
            "insufficient": "red", "accepted": "achieved"}


def _counted(frame, column: str = "status") -> dict[str, int]:
    return frame.set_index(column)["items"].to_dict()


@pytest.mark.parametrize("fate", sorted(EXPECTED))
def test_overview_counts_units_groups_and_tasks(store: Store, fate: str):
    _prepare(store, fate)
    done = fate == "accepted"
    wanted = EXPECTED[fate]
    for item_type in ("target", "task"):
        counts = _counted(summary.status_change(store, PERIOD, as_of=AS_OF,
                                                item_type=item_type))
        assert counts["achieved"] == int(done), (item_type, counts)
        assert counts[wanted] >= 1
    ranked = summary.units_ranked(store, PERIOD, as_of=AS_OF).set_index("unit")
    assert ranked.at["SKHCN", "achieved"] == int(done)
    assert ranked.at["SKHCN", wanted] >= 1
    by_group = store.frame("status_by_group", period=PERIOD, as_of=AS_OF, item_type="target",
                           units=None, group="1.5")
    assert ("achieved" in set(by_group["status"])) is done
    tasks = summary.task_progress(store, PERIOD, as_of=AS_OF).set_index("code")
    assert tasks.at[TASK, "status"] == wanted


@pytest.mark.parametrize("fate", sorted(EXPECTED))
def test_csv_excel_and_the_briefing(store: Store, fate: str):
    _prepare(store, fate)
    gaps = status.gaps(store, PERIOD, as_of=AS_OF)
    word = labels.STATUS_LABELS[EXPECTED[fate]]
    rows = list(csv.DictReader(io.StringIO(
        exports.to_csv(tables.gap_table(gaps)).decode("utf-8-sig"))))
    shown = {r[labels.COLUMN_LABELS["code"]]: r[labels.COLUMN_LABELS["status"]] for r in rows}
    assert shown[TARGET] == word
    assert sum(v == labels.STATUS_LABELS["achieved"] for v in shown.values()) == int(
        fate == "accepted")
    report = briefing.build(store, briefing.Scope(PERIOD), actor=VIEWER, as_of=AS_OF)
    assert [i.code for i in report.achieved] == ([TARGET] if fate == "accepted" else [])
    assert [i.code for i in report.tasks_done] == ([TASK] if fate == "accepted" else [])
    assert (TARGET in {i.code for i in report.red}) is (fate == "insufficient")
    kept = {(e.code, e.state) for e in report.evidence}
    state = {"missing": "missing", "sent_back": "returned"}.get(fate)
    assert kept == ({(TARGET, state), (TASK, state)} if state else set())


@pytest.mark.parametrize("fate", ["missing", "sent_back", "accepted"])
def test_the_command_line(store: Store, fate: str):
    _prepare(store, fate)
    result = subprocess.run(
        [sys.executable, "-m", "nq57", "gaps", "--period", PERIOD, "--as-of", "2026-11-23",
         "--format", "json"], cwd=ROOT, env=os.environ.copy(), capture_output=True, text=True,
        check=True)
    row = next(r for r in json.loads(result.stdout) if r["code"] == TARGET)
    assert (row["status"], row["reported_status"]) == (EXPECTED[fate], "achieved")
    assert row["verified_status"] == EXPECTED[fate]
