"""Demo data: plausible, varied, and removable without touching real reports."""

from __future__ import annotations

from nq57 import demo, status
from nq57.db import Store
from tests.helpers import ADMIN, report


def test_the_latest_demo_quarter_shows_every_kind_of_status(demo_store: Store):
    frame = status.gaps(demo_store, "2026-Q3", as_of="2026-11-23")
    counts = frame["status"].value_counts()
    for wanted in ("achieved", "on_track", "behind", "red", "overdue_report"):
        assert counts.get(wanted, 0) >= 2, (wanted, counts.to_dict())
    assert counts.get("no_basis", 0) >= 1  # 1.5.29: first reported in Q3, no baseline


def test_demo_task_completion_never_falls_and_ongoing_tasks_are_never_done(
        demo_store: Store):
    by_period = {p: status.gaps(demo_store, p, as_of="2026-11-23", item_type="task")
                 .set_index("code") for p in ("2026-Q1", "2026-Q2", "2026-Q3")}
    leaves = by_period["2026-Q3"][~by_period["2026-Q3"]["is_parent"].astype(bool)]
    for code, item in leaves.iterrows():
        series = [by_period[p].loc[code, "actual"] for p in by_period]
        known = [v for v in series if v == v]
        if item["measure"] in ("completion", "cumulative"):
            assert known == sorted(known), (code, series)
        if item["deadline_text"] in ("Thường xuyên", "Nhiệm vụ thường xuyên"):
            assert item["status"] != "achieved", code


def test_demo_shows_each_rule_at_work(demo_store: Store):
    q3 = status.gaps(demo_store, "2026-Q3", as_of="2026-11-23").set_index("code")
    # a maintained target slipping below its threshold
    assert (q3.loc["1.5.20", "maintained"], q3.loc["1.5.20", "status"]) == (True, "behind")
    # an estimated baseline; a unit silent in Q3 whose Q2 value carries forward
    assert q3.loc["1.2.6", "baseline_source"] == "estimated"
    assert (q3.loc["1.2.5", "value_period"], q3.loc["1.2.5", "report_missing"]) == (
        "2026-Q2", True)
    # a unit that reports monthly: September's value is Q3's
    assert q3.loc["1.5.8", "value_period"] == "2026-09"
    assert status.gaps(demo_store, "2026-05", as_of="2026-11-23").set_index(
        "code").loc["1.5.8", "value_period"] == "2026-05"


def test_demo_values_stay_within_their_units(demo_store: Store):
    frame = status.gaps(demo_store, "2026-Q3", as_of="2026-11-23")
    percents = frame[frame["unit_of_measure"].str.startswith("%")]
    assert percents["actual"].dropna().between(0, 100).all()
    assert (frame["actual"].dropna() >= 0).all()


def test_demo_data_are_generated_the_same_way_every_time(store: Store, tmp_path):
    other = Store(tmp_path / "other.duckdb")
    from nq57.bootstrap import prepare

    prepare(other, demo_on_create=True)
    with store.transaction() as con:
        demo.load(store, con)
    for period in ("2026-Q2", "2026-05"):
        mine = status.gaps(store, period, as_of="2026-11-23", item_type="all")
        theirs = status.gaps(other, period, as_of="2026-11-23", item_type="all")
        assert mine["actual"].equals(theirs["actual"])
        assert mine["status"].equals(theirs["status"])


def test_removing_demo_data_keeps_real_reports(demo_store: Store):
    report(demo_store, "SKHCN", "2026-Q4", {"1.1.1": 61.0}, at="2026-11-20 08:00")
    assert demo.present(demo_store)
    demo.remove(demo_store, ADMIN)
    assert not demo.present(demo_store)
    q4 = status.gaps(demo_store, "2026-Q4", as_of="2026-11-23").set_index("code")
    assert q4.loc["1.1.1", "actual"] == 61.0
    q3 = status.gaps(demo_store, "2026-Q3", as_of="2026-11-23")
    assert q3["actual"].isna().all()
