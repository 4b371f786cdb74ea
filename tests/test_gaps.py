"""Gaps and status per period, computed from values stored the way uploads store them."""

from __future__ import annotations

import pytest

from nq57 import catalogue, revisions, status
from nq57.db import Store
from tests.helpers import ADMIN, report


def row(store: Store, period: str, code: str, as_of: str = "2026-11-23",
        item_type: str = "target") -> dict:
    frame = status.gaps(store, period, as_of=as_of, item_type=item_type)
    return frame.set_index("code").loc[code].to_dict()


def test_every_target_has_exactly_one_status(store: Store):
    frame = status.gaps(store, "2026-Q2", as_of="2026-05-01")
    assert len(frame) == 54
    assert set(frame["status"]) == {"no_data"}


def test_no_data_turns_overdue_after_the_20th_of_the_next_month(store: Store):
    assert row(store, "2026-Q2", "1.1.1", as_of="2026-07-20")["status"] == "no_data"
    assert row(store, "2026-Q2", "1.1.1", as_of="2026-07-21")["status"] == "overdue_report"


def test_the_reporting_deadline_day_is_a_setting(store: Store):
    with store.transaction() as con:
        store.execute("settings/set", con, key="report_deadline_day", value="25")
    assert row(store, "2026-Q2", "1.1.1", as_of="2026-07-21")["status"] == "no_data"
    assert row(store, "2026-Q2", "1.1.1", as_of="2026-07-26")["status"] == "overdue_report"


def test_baseline_is_the_last_quarter_of_the_previous_year(store: Store):
    report(store, "SKHCN", "2025-Q4", {"1.1.1": 40.0}, at="2026-01-10 08:00")
    report(store, "SKHCN", "2026-Q2", {"1.1.1": 50.0})
    gap = row(store, "2026-Q2", "1.1.1")
    assert gap["baseline"] == 40.0
    assert gap["expected"] == pytest.approx(50.0)   # half way from 40 to 60
    assert gap["completion"] == pytest.approx(0.5)
    assert gap["elapsed"] == pytest.approx(0.5)
    assert gap["gap"] == pytest.approx(10.0)
    assert gap["gap_share"] == pytest.approx(10 / 60)
    assert gap["status"] == "on_track"


def test_cumulative_counts_restart_each_year_from_zero(store: Store):
    report(store, "SKHCN", "2025-Q4", {"1.3.1": 9.0}, at="2026-01-10 08:00")
    report(store, "SKHCN", "2026-Q1", {"1.3.1": 2.0})
    gap = row(store, "2026-Q1", "1.3.1")
    assert gap["baseline"] == 0.0
    assert gap["completion"] == pytest.approx(0.2)  # 2 of 10, at a quarter of the year
    assert gap["status"] == "behind"


def test_a_range_target_is_achieved_at_its_lower_bound(store: Store):
    report(store, "SKHCN", "2026-Q3", {"1.5.23": 15.0})
    # The engine's verdict; officially it awaits evidence (tests/test_review.py).
    assert row(store, "2026-Q3", "1.5.23")["reported_status"] == "achieved"


def test_the_year_end_deadline_turns_an_unmet_target_red(store: Store):
    report(store, "SKHCN", "2025-Q4", {"1.1.1": 40.0}, at="2026-01-10 08:00")
    report(store, "SKHCN", "2026-Q4", {"1.1.1": 58.0}, at="2026-12-20 08:00")
    assert row(store, "2026-Q4", "1.1.1", as_of="2026-12-31")["status"] == "behind"
    assert row(store, "2026-Q4", "1.1.1", as_of="2027-01-01")["status"] == "red"
    assert row(store, "2026-Q4", "1.1.1", as_of="2027-01-01")["status_reason"] == \
        "deadline_passed"


def test_a_task_past_its_own_deadline_unfinished_is_red(store: Store):
    # II.1 is due in Quý I/2026; at the end of Q1 its whole time has elapsed.
    report(store, "SKHCN", "2026-Q1", {"II.1": 90.0})
    before = row(store, "2026-Q1", "II.1", as_of="2026-03-31", item_type="task")
    after = row(store, "2026-Q1", "II.1", as_of="2026-04-01", item_type="task")
    assert before["elapsed"] == 1.0
    assert before["status"] == "behind"
    assert after["status"] == "red"


def test_items_led_by_a_collective_are_reported_by_the_secretariat(store: Store):
    # V.6 is led by "các sở, ban, ngành": Sở KH&CN (the secretariat) reports it.
    report(store, "SKHCN", "2026-Q1", {"V.6": 100.0})
    gap = row(store, "2026-Q1", "V.6", item_type="task")
    assert gap["reporting_unit"] == "SKHCN"
    assert gap["reported_status"] == "achieved"


def test_only_the_reporting_units_value_counts(store: Store):
    report(store, "CAT", "2026-Q2", {"1.1.1": 99.0})  # not the lead unit of 1.1.1
    assert row(store, "2026-Q2", "1.1.1", as_of="2026-07-01")["status"] == "no_data"


def test_the_newest_revision_counts_and_revoking_falls_back(store: Store):
    first = report(store, "SKHCN", "2026-Q2", {"1.1.1": 30.0}, at="2026-07-01 08:00")
    second = report(store, "SKHCN", "2026-Q2", {"1.1.1": 45.0}, at="2026-07-05 08:00")
    assert first and second and second > first
    assert row(store, "2026-Q2", "1.1.1")["actual"] == 45.0
    revisions.revoke_upload(store, ADMIN, second, "Nhập nhầm kỳ")
    assert row(store, "2026-Q2", "1.1.1")["actual"] == 30.0
    history = revisions.history(store, "1.1.1")
    assert history["value"].tolist() == [45.0, 30.0]     # nothing was deleted
    assert history["revoked"].tolist() == [True, False]
    assert history["is_current"].tolist() == [False, True]


def test_an_identical_upload_changes_nothing(store: Store):
    values = {"1.1.1": 30.0, "1.1.2": 50.0}
    assert report(store, "SKHCN", "2026-Q2", values) is not None
    assert report(store, "SKHCN", "2026-Q2", values, at="2026-07-02 10:00") is None
    assert len(revisions.uploads(store, unit="SKHCN")) == 1


def test_reassigning_the_lead_unit_moves_the_target(store: Store):
    catalogue.assign_lead(store, ADMIN, "1.5.15", "stc", "Theo phân công của UBND tỉnh")
    frame = status.gaps(store, "2026-Q1", as_of="2026-04-01", units=["STC"])
    assert "1.5.15" in set(frame["code"])
    assert not frame.set_index("code").loc["1.5.15", "lead_assumed"]


def test_filters_by_unit_and_group(store: Store):
    by_unit = status.gaps(store, "2026-Q1", units=["TTPVHCC"])
    assert set(by_unit["lead_unit"]) == {"TTPVHCC"}
    by_group = status.gaps(store, "2026-Q1", group="1.1")
    assert by_group["code"].tolist() == ["1.1.1", "1.1.2"]


def test_explain_gives_the_reason_in_words(store: Store):
    report(store, "SKHCN", "2025-Q4", {"1.1.1": 40.0}, at="2026-01-10 08:00")
    report(store, "SKHCN", "2026-Q3", {"1.1.1": 44.0})
    gap = row(store, "2026-Q3", "1.1.1")
    assert gap["status"] == "red"
    assert status.explain(gap) == "Hoàn thành 20%, chưa bằng một nửa lộ trình 75%"
