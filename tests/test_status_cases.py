"""Each case the plan's rules decide, on a real database: values stored the way an
upload stores them, status read through the SQL engine (nq57_gaps_for) and through
the CLI (`python -m nq57 gaps … --format json`).

The engine's status is `reported_status` (what the unit's numbers say); the official
`status` applies the evidence regime on top (030_review.sql): an item met by its
numbers but without evidence is "Chờ minh chứng" until evidence comes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from nq57 import labels, policy, status, summary
from nq57.db import Store
from nq57.evidence import records, review
from tests.helpers import report

ROOT = Path(__file__).resolve().parent.parent
BASELINE_SENT = "2026-01-10 08:00"
REVIEWER = policy.Actor("to-giup-viec", policy.REVIEWER)


def evidence_accepted(store: Store, item: str, unit: str, period: str) -> None:
    """The unit's evidence for the value it reported, accepted by the secretariat."""
    added = records.add(store, policy.Actor("can-bo", policy.STAFF, frozenset({unit})), item,
                        unit, period, records.link_evidence("https://dongnai.gov.vn/minh-chung"))
    review.accept(store, REVIEWER, added.evidence_id)


def row(store: Store, period: str, code: str, as_of: str = "2026-11-23",
        item_type: str = "target") -> dict[str, Any]:
    frame = status.gaps(store, period, as_of=as_of, item_type=item_type)
    return frame.set_index("code").loc[code].to_dict()


def cli_rows(period: str, items: str = "targets", as_of: str = "2026-11-23",
             *extra: str) -> dict[str, dict[str, Any]]:
    result = subprocess.run(
        [sys.executable, "-m", "nq57", "gaps", "--period", period, "--items", items,
         "--as-of", as_of, "--format", "json", *extra],
        cwd=ROOT, capture_output=True, text=True, env=dict(os.environ), timeout=120)
    assert result.returncode == 0, result.stderr
    return {r["code"]: r for r in json.loads(result.stdout)}


# --- a maintained target slipping ----------------------------------------------------

def test_a_target_met_at_its_baseline_that_slips_is_behind_not_on_track(store: Store):
    # 1.1.1 is "≥ 60%"; last year closed at 65%: the target is to be held at 60.
    report(store, "SKHCN", "2025-Q4", {"1.1.1": 65.0}, at=BASELINE_SENT)
    report(store, "SKHCN", "2026-Q3", {"1.1.1": 58.0})
    gap = row(store, "2026-Q3", "1.1.1")
    assert (gap["status"], gap["status_reason"]) == ("behind", "below_threshold")
    assert gap["maintained"]
    assert gap["expected"] == pytest.approx(60.0)
    assert gap["completion"] == pytest.approx(58 / 60)
    cli = cli_rows("2026-Q3")["1.1.1"]
    assert (cli["status"], cli["baseline"], cli["baseline_source"]) == (
        "behind", 65.0, "reported")
    assert cli["completion"] < 1


def test_a_maintained_target_below_half_its_threshold_is_red(store: Store):
    report(store, "SKHCN", "2025-Q4", {"1.1.1": 65.0}, at=BASELINE_SENT)
    report(store, "SKHCN", "2026-Q2", {"1.1.1": 29.0})
    gap = row(store, "2026-Q2", "1.1.1")
    assert (gap["status"], gap["status_reason"]) == ("red", "below_half_threshold")
    assert "chỉ bằng 48% ngưỡng" in status.explain(gap)


def test_a_maintained_target_still_above_its_threshold_is_achieved(store: Store):
    report(store, "SKHCN", "2025-Q4", {"1.1.1": 65.0}, at=BASELINE_SENT)
    report(store, "SKHCN", "2026-Q1", {"1.1.1": 61.0})
    gap = row(store, "2026-Q1", "1.1.1")
    assert (gap["reported_status"], gap["status"]) == ("achieved", "awaiting_evidence")
    evidence_accepted(store, "1.1.1", "SKHCN", "2026-Q1")
    assert row(store, "2026-Q1", "1.1.1")["status"] == "achieved"


# --- a range with its baseline inside -------------------------------------------------

def test_a_range_whose_baseline_is_inside_it_is_held_at_its_lower_bound(store: Store):
    # 1.5.23: the digital economy at 15–17% of GRDP; 2025 closed at 16%.
    report(store, "SKHCN", "2025-Q4", {"1.5.23": 16.0}, at=BASELINE_SENT)
    report(store, "SKHCN", "2026-Q2", {"1.5.23": 14.0})
    gap = row(store, "2026-Q2", "1.5.23")
    assert (gap["status"], gap["expected"]) == ("behind", 15.0)
    assert gap["completion"] == pytest.approx(14 / 15)
    assert cli_rows("2026-Q2")["1.5.23"]["status"] == "behind"


# --- a missing baseline: one value, several values -------------------------------------

def test_a_single_value_without_baseline_has_no_basis_for_a_trajectory(store: Store):
    # 1.2.6 is "> 90%"; no 2025 value. 80% at Q3 used to read "on track" (from zero).
    report(store, "SKHCN", "2026-Q3", {"1.2.6": 80.0})
    gap = row(store, "2026-Q3", "1.2.6")
    assert (gap["status"], gap["status_reason"]) == ("no_basis", "no_baseline")
    assert gap["baseline_source"] == "estimated"
    assert gap["completion"] is None or gap["completion"] != gap["completion"]  # NULL
    assert "Chưa có số liệu gốc" in status.explain(gap)
    cli = cli_rows("2026-Q3")["1.2.6"]
    assert (cli["status"], cli["status_reason"], cli["baseline_source"]) == (
        "no_basis", "no_baseline", "estimated")
    assert "chưa có số liệu gốc" in cli["reason"].lower()
    assert labels.STATUS_LABELS["no_basis"] == "Chưa đủ căn cứ"


def test_several_values_without_baseline_measure_from_the_earliest_as_an_estimate(
        store: Store):
    report(store, "SKHCN", "2026-Q1", {"1.2.6": 60.0})
    report(store, "SKHCN", "2026-Q3", {"1.2.6": 80.0}, at="2026-10-10 09:00")
    gap = row(store, "2026-Q3", "1.2.6")
    assert (gap["baseline"], gap["baseline_source"], gap["baseline_from"]) == (
        60.0, "estimated", "2026-Q1")
    assert gap["expected"] == pytest.approx(60 + 30 * 0.75)
    assert gap["completion"] == pytest.approx(20 / 30)
    assert gap["status"] == "behind"
    assert "giá trị nền ước tính từ số liệu Quý I/2026" in status.explain(gap)
    cli = cli_rows("2026-Q3")["1.2.6"]
    assert (cli["status"], cli["baseline"], cli["baseline_source"], cli["baseline_from"]) == (
        "behind", 60.0, "estimated", "2026-Q1")
    assert "ước tính" in cli["reason"]


def test_a_reported_baseline_wins_over_the_estimate(store: Store):
    report(store, "SKHCN", "2025-Q4", {"1.2.6": 50.0}, at=BASELINE_SENT)
    report(store, "SKHCN", "2026-Q1", {"1.2.6": 60.0})
    gap = row(store, "2026-Q1", "1.2.6")
    assert (gap["baseline"], gap["baseline_source"]) == (50.0, "reported")


def test_a_count_starts_from_zero_and_needs_no_baseline(store: Store):
    report(store, "SKHCN", "2026-Q1", {"1.3.1": 3.0})
    gap = row(store, "2026-Q1", "1.3.1")
    assert (gap["baseline"], gap["baseline_source"]) == (0.0, "zero")
    assert gap["status"] == "on_track"


# --- a task completed, then silent ------------------------------------------------------

def test_a_task_done_stays_done_and_the_silent_period_is_still_overdue(store: Store):
    # II.8 (due Quý IV) reported complete in Q1, with evidence accepted, and not again.
    report(store, "SKHCN", "2026-Q1", {"II.8": 100.0})
    evidence_accepted(store, "II.8", "SKHCN", "2026-Q1")
    gap = row(store, "2026-Q3", "II.8", item_type="task")
    # the evidence goes with the Q1 report the value comes from
    assert (gap["reported_status"], gap["status"]) == ("achieved", "achieved")
    assert (gap["value_period"], gap["value_carried"], gap["report_missing"]) == (
        "2026-Q1", True, True)
    said = status.explain(gap)
    assert "số liệu Quý I/2026" in said and "quá hạn 20/10/2026" in said
    cli = cli_rows("2026-Q3", "tasks")["II.8"]
    assert (cli["status"], cli["value_period"], cli["item_type"]) == (
        "achieved", "2026-Q1", "task")


def test_a_level_value_not_re_reported_is_carried_with_its_period(store: Store):
    report(store, "SKHCN", "2025-Q4", {"1.1.2": 40.0}, at=BASELINE_SENT)
    report(store, "SKHCN", "2026-Q2", {"1.1.2": 55.0})
    gap = row(store, "2026-Q3", "1.1.2", as_of="2026-10-01")
    assert (gap["actual"], gap["value_period"], gap["report_missing"]) == (
        55.0, "2026-Q2", False)
    assert status.explain(gap).endswith("· số liệu Quý II/2026")


def test_a_value_of_a_later_period_never_counts_for_an_earlier_one(store: Store):
    report(store, "SKHCN", "2026-Q3", {"1.1.2": 55.0})
    assert row(store, "2026-Q2", "1.1.2")["actual"] != 55.0


# --- overdue and never reported -----------------------------------------------------------

def test_a_task_past_its_deadline_with_nothing_reported_is_red(store: Store):
    # II.10 is due in Quý I/2026; Công an tỉnh has reported nothing.
    gap = row(store, "2026-Q1", "II.10", as_of="2026-04-01", item_type="task")
    assert (gap["status"], gap["status_reason"]) == ("red", "deadline_passed_unreported")
    assert cli_rows("2026-Q1", "tasks", "2026-04-01")["II.10"]["status"] == "red"
    before = row(store, "2026-Q1", "II.10", as_of="2026-03-31", item_type="task")
    assert before["status"] == "no_data"


def test_a_target_past_the_year_end_with_nothing_reported_is_red(store: Store):
    gap = row(store, "2026-Q4", "1.3.1", as_of="2027-01-21")
    assert (gap["status"], gap["status_reason"]) == ("red", "deadline_passed_unreported")


# --- a task judged by its numeric KPI ----------------------------------------------------

@pytest.mark.parametrize(("trained", "expected_status"), [
    (40.0, "on_track"),   # 40 of 80% at half the year
    (30.0, "behind"),
    (15.0, "red"),        # below half of where the trajectory is
    (80.0, "achieved"),
])
def test_a_task_with_a_numeric_kpi_is_judged_on_its_trajectory(store: Store, trained,
                                                               expected_status):
    # IV.3: "80% cán bộ, công chức, viên chức được bồi dưỡng" in 2026, from zero.
    report(store, "SNV", "2026-Q2", {"IV.3": trained})
    gap = row(store, "2026-Q2", "IV.3", as_of="2026-07-01", item_type="task")
    assert gap["reported_status"] == expected_status
    assert (gap["measure"], gap["threshold_low"], gap["unit_of_measure"]) == ("level", 80.0, "%")
    cli = cli_rows("2026-Q2", "tasks", "2026-07-01")["IV.3"]
    assert (cli["threshold_low"], cli["kpi"]) == (
        80.0, "80% cán bộ, công chức, viên chức được bồi dưỡng")
    assert cli["reported_status"] == expected_status


def test_a_stock_kpi_needs_its_baseline(store: Store):
    # VI.3: "84 nền tảng số dùng chung quốc gia được sử dụng", due Quý II/2026.
    report(store, "SKHCN", "2025-Q4", {"VI.3": 60.0}, at=BASELINE_SENT)
    report(store, "SKHCN", "2026-Q1", {"VI.3": 72.0})
    gap = row(store, "2026-Q1", "VI.3", as_of="2026-04-01", item_type="task")
    assert (gap["baseline"], gap["baseline_source"]) == (60.0, "reported")
    assert gap["elapsed"] == pytest.approx(0.5)   # three of the six months to Quý II
    assert gap["completion"] == pytest.approx(0.5)
    assert gap["status"] == "on_track"


def test_a_task_with_a_completion_statement_stays_on_completion(store: Store):
    report(store, "SKHCN", "2026-Q2", {"II.8": 50.0})
    gap = row(store, "2026-Q2", "II.8", as_of="2026-07-01", item_type="task")
    assert (gap["measure"], gap["unit_of_measure"], gap["status"]) == (
        "completion", "% hoàn thành", "on_track")


# --- parents rolled up from their parts ----------------------------------------------------

def test_a_parent_task_takes_its_weakest_part_and_names_it(store: Store):
    # V.7 has two parts led by Công an tỉnh: V.7.1 (Quý I) and V.7.2 (Quý II).
    report(store, "CAT", "2026-Q1", {"V.7.1": 100.0})
    evidence_accepted(store, "V.7.1", "CAT", "2026-Q1")
    report(store, "CAT", "2026-Q2", {"V.7.2": 60.0})
    tasks = status.gaps(store, "2026-Q2", as_of="2026-06-15", item_type="task").set_index(
        "code")
    parent = tasks.loc["V.7"]
    assert parent["is_parent"] and parent["plan_item"]
    assert not tasks.loc["V.7.1", "plan_item"]
    assert (parent["status"], parent["weakest_part"]) == (tasks.loc["V.7.2", "status"], "V.7.2")
    assert parent["status"] == "behind"
    assert (parent["parts"], parent["parts_achieved"]) == (2, 1)
    said = status.explain(parent.to_dict())
    assert "1/2 phần đã đạt" in said and "V.7.2" in said
    order = list(tasks.index)
    assert order.index("V.7") + 1 == order.index("V.7.1")  # parts under their parent
    assert cli_rows("2026-Q2", "tasks", "2026-06-15")["V.7"]["status"] == "behind"


def test_a_parent_is_met_only_when_every_part_is(store: Store):
    report(store, "CAT", "2026-Q1", {"V.7.1": 100.0})
    report(store, "CAT", "2026-Q2", {"V.7.2": 100.0})
    evidence_accepted(store, "V.7.1", "CAT", "2026-Q1")
    parent = row(store, "2026-Q2", "V.7", as_of="2026-06-15", item_type="task")
    # met by the numbers; officially waiting for V.7.2's evidence, which it names
    assert (parent["reported_status"], parent["status"]) == ("achieved", "awaiting_evidence")
    assert parent["weakest_part"] == "V.7.2"
    evidence_accepted(store, "V.7.2", "CAT", "2026-Q2")
    parent = row(store, "2026-Q2", "V.7", as_of="2026-06-15", item_type="task")
    assert (parent["status"], parent["status_reason"]) == ("achieved", "all_parts_achieved")


def test_counts_count_each_numbered_task_once(store: Store):
    change = summary.status_change(store, "2026-Q2", as_of="2026-06-15", item_type="task")
    assert int(change["items"].sum()) == 34   # 42 rows; V.1, V.2, III.2, V.7 once each
    targets = summary.status_change(store, "2026-Q2", as_of="2026-06-15")
    assert int(targets["items"].sum()) == 54


def test_a_unit_filter_rolls_up_only_that_units_parts(store: Store):
    report(store, "BNCTU", "2026-Q2", {"V.1.1": 100.0})
    evidence_accepted(store, "V.1.1", "BNCTU", "2026-Q2")
    mine = status.gaps(store, "2026-Q2", as_of="2026-07-01", item_type="task",
                       units=["BNCTU"]).set_index("code")
    assert list(mine.index) == ["V.1", "V.1.1"]
    assert (mine.loc["V.1", "status"], mine.loc["V.1", "parts"]) == ("achieved", 1)


# --- a monthly period ----------------------------------------------------------------------

def test_a_month_is_a_period_with_its_own_elapsed_time(store: Store):
    report(store, "SKHCN", "2025-Q4", {"1.1.2": 40.0}, at=BASELINE_SENT)
    report(store, "SKHCN", "2026-05", {"1.1.2": 52.5}, at="2026-06-05 09:00")
    gap = row(store, "2026-05", "1.1.2", as_of="2026-06-10")
    assert gap["elapsed"] == pytest.approx(5 / 12)
    assert gap["baseline"] == 40.0   # a month's baseline is its year's
    assert gap["expected"] == pytest.approx(40 + 30 * 5 / 12)
    assert (gap["status"], gap["value_period"]) == ("on_track", "2026-05")
    assert str(gap["report_deadline"])[:10] == "2026-06-20"
    cli = cli_rows("2026-05", "targets", "2026-06-10")["1.1.2"]
    assert (cli["status"], cli["value_period"]) == ("on_track", "2026-05")


def test_monthly_reports_count_for_their_quarter(store: Store):
    report(store, "SKHCN", "2026-04", {"1.1.2": 45.0}, at="2026-05-05 09:00")
    report(store, "SKHCN", "2026-06", {"1.1.2": 50.0}, at="2026-07-05 09:00")
    gap = row(store, "2026-Q2", "1.1.2", as_of="2026-07-10")
    assert (gap["actual"], gap["value_period"], gap["value_carried"]) == (50.0, "2026-06", False)
    # A quarterly report for the same day, sent later, is the newer statement.
    report(store, "SKHCN", "2026-Q2", {"1.1.2": 51.0}, at="2026-07-08 09:00")
    assert row(store, "2026-Q2", "1.1.2", as_of="2026-07-10")["actual"] == 51.0


def test_a_month_baseline_may_be_reported_monthly(store: Store):
    report(store, "SKHCN", "2025-12", {"1.1.2": 42.0}, at=BASELINE_SENT)
    report(store, "SKHCN", "2026-Q1", {"1.1.2": 50.0})
    gap = row(store, "2026-Q1", "1.1.2")
    assert (gap["baseline"], gap["baseline_from"]) == (42.0, "2025-12")


# --- "> x" at exactly x --------------------------------------------------------------------

def test_strictly_more_than_at_exactly_the_threshold_is_not_met_nor_100_percent(
        store: Store):
    # 1.5.17 is "> 60%" from 40% last year.
    report(store, "SKHCN", "2025-Q4", {"1.5.17": 40.0}, at=BASELINE_SENT)
    report(store, "SKHCN", "2026-Q3", {"1.5.17": 60.0})
    gap = row(store, "2026-Q3", "1.5.17")
    assert not gap["achieved"] and gap["status"] == "on_track"
    assert gap["completion"] == pytest.approx(0.99)
    cli = cli_rows("2026-Q3")["1.5.17"]
    assert cli["status"] != "achieved" and cli["completion"] < 1
    report(store, "SKHCN", "2026-Q4", {"1.5.17": 60.0}, at="2026-12-20 09:00")
    assert row(store, "2026-Q4", "1.5.17", as_of="2027-01-01")["status"] == "red"


# --- the CLI's --items -----------------------------------------------------------------------

def test_gaps_items_all_lists_targets_then_tasks_with_their_type(store: Store):
    rows = cli_rows("2026-Q1", "all")
    types = [r["item_type"] for r in rows.values()]
    assert types.count("target") == 54 and types.count("task") == 46
    assert types == sorted(types, key=["target", "task"].index)
    assert {"item_type", "status", "status_reason", "reason", "baseline", "baseline_source",
            "value_period", "kpi", "coord_units", "parent_code", "is_parent"} <= set(
        rows["1.1.1"])


def test_a_single_value_exactly_at_a_strict_threshold_has_no_basis_either(store: Store):
    # 1.2.6 is "> 90%": 90 is not met, and one value says nothing of the way there.
    report(store, "SKHCN", "2026-Q2", {"1.2.6": 90.0})
    gap = row(store, "2026-Q2", "1.2.6")
    assert (gap["status"], gap["maintained"]) == ("no_basis", False)
