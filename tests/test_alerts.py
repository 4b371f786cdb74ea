"""Red warnings: each of the plan's three rules on a real database, read the way a mail
job or a script reads them (`python -m nq57 warnings --format json`), and the one
mapping from the status engine's reasons to the rules.

Judged at the pinned date, 2026-11-23, for 2026-Q3.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from nq57 import alerts, explanations, policy
from nq57.db import Store
from nq57.explanations import Given
from tests.helpers import report

ROOT = Path(__file__).resolve().parent.parent
PERIOD = "2026-Q3"
KEYS = ("kind", "code", "unit", "rule", "message", "days_overdue", "last_update",
        "explanation")


def warnings_cli(*args: str, fmt: str = "json") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nq57", "warnings", "--period", PERIOD, *args, "--format", fmt],
        cwd=ROOT, env=os.environ.copy(), capture_output=True, text=True, timeout=120)


def warnings_json(*args: str) -> list[dict]:
    done = warnings_cli(*args)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert isinstance(found, list)
    return found


def by_code(found: list[dict]) -> dict[str, dict]:
    return {w["code"]: w for w in found}


def test_a_task_past_its_deadline_never_reported_is_overdue(store: Store):
    found = by_code(warnings_json())
    overdue = found["II.10"]  # Công an tỉnh, due Quý I/2026
    assert set(KEYS) <= set(overdue)
    assert {k: overdue[k] for k in ("kind", "unit", "rule", "days_overdue", "last_update",
                                    "explanation")} == {
        "kind": "task", "unit": "CAT", "rule": "overdue",
        "days_overdue": (date(2026, 11, 23) - date(2026, 3, 31)).days,
        "last_update": None, "explanation": None}
    assert overdue["message"] == "Quá thời hạn 31/03/2026 đã 237 ngày mà chưa có báo cáo"
    # A task whose deadline has not passed, never reported, is not a red warning.
    assert "V.4" not in found  # Sở Tư pháp, due at the year's end


def test_a_target_below_half_its_timeline_is_red_with_its_last_update(store: Store):
    report(store, "SKHCN", "2026-Q2", {"1.3.1": 1.0}, at="2026-07-05 08:00")
    report(store, "SKHCN", PERIOD, {"1.3.1": 2.0}, at="2026-10-10 09:30")
    found = by_code(warnings_json())
    below = found["1.3.1"]
    assert (below["kind"], below["unit"], below["rule"], below["days_overdue"]) == (
        "target", "SKHCN", "below_half_timeline", 0)
    assert below["message"] == "Hoàn thành 20%, chưa bằng một nửa lộ trình 75%"
    assert below["last_update"] == "2026-10-10T09:30:00"


def test_the_last_update_is_the_latest_report_even_from_an_earlier_quarter(store: Store):
    report(store, "STP", "2026-Q2", {"V.4": 60.0}, at="2026-07-02 10:00")
    # Not reported in Q3: Q2's 60% stands (behind the 75% the timeline asks, not below
    # half of it), the task is not yet due, so no warning.
    assert "V.4" not in by_code(warnings_json())
    rows = store.frame("alerts/items", period=PERIOD, as_of=date(2026, 11, 23), units=None,
                       group=None)
    assert str(rows.set_index("code").at["V.4", "last_update"]) == "2026-07-02 10:00:00"


def test_values_behind_but_not_below_half_raise_no_warning(store: Store):
    report(store, "SKHCN", PERIOD, {"1.3.1": 5.0, "1.1.1": 61.0})
    found = by_code(warnings_json())
    assert "1.3.1" not in found and "1.1.1" not in found


def test_a_target_past_its_year_end_unmet_is_overdue(store: Store):
    report(store, "SKHCN", "2026-Q4", {"1.3.1": 6.0})
    done = subprocess.run(
        [sys.executable, "-m", "nq57", "warnings", "--period", "2026-Q4", "--as-of",
         "2027-01-10", "--unit", "SKHCN", "--format", "json"],
        cwd=ROOT, env=os.environ.copy(), capture_output=True, text=True, timeout=120)
    row = by_code(json.loads(done.stdout))["1.3.1"]
    assert (row["rule"], row["days_overdue"]) == ("overdue", 10)
    assert row["message"] == "Quá thời hạn 31/12/2026 đã 10 ngày mà chưa đạt (mới hoàn thành 60%)"


def test_a_warning_carries_the_units_explanation(store: Store):
    waiting = "Dự thảo quy chế đang chờ ý kiến góp ý của Bộ Công an."
    explanations.explain(store, policy.SYSTEM, "II.10", "CAT", PERIOD,
                         Given(waiting, "Chờ hướng dẫn của cấp trên", "Đề nghị đôn đốc"))
    row = by_code(warnings_json())["II.10"]
    assert (row["explanation"], row["cause"], row["cause_label"], row["support_requested"]) == (
        waiting, "awaiting_guidance", "Chờ hướng dẫn của cấp trên", "Đề nghị đôn đốc")


def test_warnings_filter_by_unit_and_group(store: Store):
    report(store, "SKHCN", PERIOD, {"1.3.1": 2.0})
    only_cat = warnings_json("--unit", "CAT")
    assert only_cat and {w["unit"] for w in only_cat} == {"CAT"}
    group = warnings_json("--group", "1.3")
    assert [w["code"] for w in group] == ["1.3.1"]  # tasks belong to no target group


def test_warnings_come_as_csv_and_as_a_table(store: Store):
    done = warnings_cli(fmt="csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert tuple(rows[0])[:len(KEYS)] == KEYS
    assert len(rows) == len(warnings_json())
    table = warnings_cli(fmt="table")
    assert table.returncode == 0 and "overdue" in table.stdout


def test_an_unknown_unit_is_refused_in_vietnamese(store: Store):
    done = warnings_cli("--unit", "XYZ")
    assert done.returncode == 1 and "Không có đơn vị mã «XYZ»" in done.stderr


def test_the_demo_shows_every_rule(demo_store: Store):
    found = alerts.warnings(demo_store, PERIOD)
    assert set(found["rule"]) == {"evidence_rejected", "overdue", "below_half_timeline"}
    assert list(found["rule"]) == sorted(found["rule"], key=alerts.RULES.index)
    overdue = found[found["rule"] == "overdue"]
    assert list(overdue["days_overdue"]) == sorted(overdue["days_overdue"], reverse=True)
    assert found["explanation"].notna().all()  # the demo explains its values in red


# --- the one mapping from the engine's reasons to the rules ------------------------------

@pytest.mark.parametrize(("row", "rule"), [
    ({"status": "red", "status_reason": "deadline_passed"}, "overdue"),
    ({"status": "red", "status_reason": "below_half_trajectory"}, "below_half_timeline"),
    ({"status": "overdue_report", "status_reason": "report_overdue", "deadline_passed": True},
     "overdue"),
    ({"status": "no_data", "status_reason": "not_reported", "deadline_passed": True},
     "overdue"),
    ({"status": "overdue_report", "status_reason": "report_overdue", "deadline_passed": False},
     None),
    ({"status": "behind", "status_reason": "below_trajectory"}, None),
    ({"status": "achieved", "status_reason": "achieved"}, None),
    # a red reason the mapping does not name yet still warns
    ({"status": "red", "status_reason": "kpi_below_half", "deadline_passed": False},
     "below_half_timeline"),
    ({"status": "red", "status_reason": "kpi_missed", "deadline_passed": True}, "overdue"),
    # the evidence review's verdict, whatever the status
    ({"status": "red", "status_reason": "evidence_rejected", "review_state": "sent_back",
      "insufficient_quality": True}, "evidence_rejected"),
    ({"status": "achieved", "status_reason": "achieved", "review_state": "sent_back",
      "insufficient_quality": True}, "evidence_rejected"),
    ({"status": "awaiting_completion", "status_reason": "evidence_sent_back",
      "review_state": "sent_back", "insufficient_quality": False}, None),
    ({"status": "achieved", "status_reason": "achieved", "review_state": "accepted",
      "insufficient_quality": False}, None),
])
def test_each_reason_maps_to_one_rule(row, rule):
    assert alerts.rule_of(row) == rule


def test_evidence_rejected_for_insufficient_quality_is_a_red_warning(store: Store):
    """The plan's third rule, end to end: a task reported complete with its evidence,
    sent back by the secretariat as of insufficient quality."""
    from nq57.evidence import records, review

    report(store, "SKHCN", PERIOD, {"II.1": 100.0}, at="2026-10-05 10:00")
    assert "II.1" not in by_code(warnings_json())  # complete, evidence not judged yet
    added = records.add(store, policy.SYSTEM, "II.1", "SKHCN", PERIOD,
                        records.link_evidence("https://example.invalid/quyet-dinh.pdf"))
    review.send_back(store, policy.SYSTEM, added.evidence_id, "Bản chụp mờ, không đọc được",
                     insufficient_quality=True)
    found = warnings_json()
    first = found[0]  # the most pressing rule comes first
    assert (first["code"], first["kind"], first["rule"], first["days_overdue"]) == (
        "II.1", "task", "evidence_rejected", 0)
    assert "Minh chứng bị Tổ giúp việc đánh giá không đạt yêu cầu" in first["message"]
    assert first["last_update"] == "2026-10-05T10:00:00"
    # sent back without the flag: "Chờ hoàn thiện", scoring nothing, but no red warning
    review.send_back(store, policy.SYSTEM, added.evidence_id, "Thiếu chữ ký")
    assert "II.1" not in by_code(warnings_json()) or by_code(warnings_json())["II.1"][
        "rule"] == "overdue"


def test_the_hook_reads_a_stub_row_too(store: Store):
    report(store, "SKHCN", PERIOD, {"II.1": 100.0}, at="2026-10-05 10:00")
    rows = store.frame("alerts/items", period=PERIOD, as_of=date(2026, 11, 23), units=None,
                       group=None)
    stub = rows.assign(review_state=["sent_back" if c == "II.1" else None for c in rows["code"]],
                       insufficient_quality=[c == "II.1" for c in rows["code"]])
    first = alerts.from_rows(stub, date(2026, 11, 23)).iloc[0]
    assert (first["code"], first["rule"]) == ("II.1", "evidence_rejected")
    assert pd.Timestamp(first["last_update"]) == pd.Timestamp("2026-10-05 10:00")
