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
    mine = status.gaps(store, "2026-Q2", as_of="2026-11-23")["actual"].tolist()
    theirs = status.gaps(other, "2026-Q2", as_of="2026-11-23")["actual"].tolist()
    assert mine == theirs


def test_removing_demo_data_keeps_real_reports(demo_store: Store):
    report(demo_store, "SKHCN", "2026-Q4", {"1.1.1": 61.0}, at="2026-11-20 08:00")
    assert demo.present(demo_store)
    demo.remove(demo_store, ADMIN)
    assert not demo.present(demo_store)
    q4 = status.gaps(demo_store, "2026-Q4", as_of="2026-11-23").set_index("code")
    assert q4.loc["1.1.1", "actual"] == 61.0
    q3 = status.gaps(demo_store, "2026-Q3", as_of="2026-11-23")
    assert q3["actual"].isna().all()
