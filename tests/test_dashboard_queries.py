"""The dashboard's aggregations (queries/dashboard/*.sql through nq57.summary) on a
real database: counts against the previous quarter, units ranked, who reported and
how late, one target through its year, the tasks."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from nq57 import detail, labels, revisions, status, summary
from nq57.db import Store
from nq57.revisions import NewValue, UploadMeta
from tests.helpers import ADMIN

AS_OF = date(2026, 11, 23)
Q3_DEADLINE = date(2026, 10, 20)


def counts(store: Store, period: str, **filters: object) -> dict[str, int]:
    frame = status.gaps(store, period, as_of=AS_OF, **filters)
    return frame["status"].value_counts().to_dict()


def test_status_change_counts_now_and_last_quarter_as_gaps_does(demo_store: Store) -> None:
    change = summary.status_change(demo_store, "2026-Q3", as_of=AS_OF).set_index("status")
    now, before = counts(demo_store, "2026-Q3"), counts(demo_store, "2026-Q2")
    for code in change.index:
        assert change.at[code, "items"] == now.get(code, 0)
        assert change.at[code, "previous_items"] == before.get(code, 0)
    assert set(change["previous_period"]) == {"2026-Q2"}


def test_the_first_quarter_has_nothing_to_compare_with(demo_store: Store) -> None:
    change = summary.status_change(demo_store, "2026-Q1", as_of=AS_OF)
    assert change["previous_items"].isna().all()
    assert change["items"].sum() == 54
    assert summary.previous_period("2026-Q1") is None
    assert summary.previous_period("2026-Q3") == "2026-Q2"


def test_status_change_follows_the_unit_filter(demo_store: Store) -> None:
    change = summary.status_change(demo_store, "2026-Q3", as_of=AS_OF, units=["SNV"])
    assert change["items"].sum() == len(status.gaps(demo_store, "2026-Q3", as_of=AS_OF,
                                                    units=["SNV"]))


def test_units_are_ranked_by_their_share_achieved_or_on_track(demo_store: Store) -> None:
    ranked = summary.units_ranked(demo_store, "2026-Q3", as_of=AS_OF)
    gaps = status.gaps(demo_store, "2026-Q3", as_of=AS_OF)
    assert ranked["items"].sum() == len(gaps)
    assert ranked["good_share"].is_monotonic_decreasing
    assert ranked["rank"].is_monotonic_increasing
    skhcn = ranked.set_index("unit").loc["SKHCN"]
    mine = gaps[gaps["lead_unit"] == "SKHCN"]
    assert skhcn["items"] == len(mine)
    assert skhcn["red"] == (mine["status"] == "red").sum()
    assert skhcn["unreported"] == skhcn["no_data"] + skhcn["overdue_report"]
    # Units that sent nothing all year (the demo's SYT and SNNMT) share a rank below
    # every unit with anything good. (Changed: NHNN no longer leads a target.)
    silent = ranked[ranked["unit"].isin(["SYT", "SNNMT"])]
    assert silent["rank"].nunique() == 1 and (silent["unreported_share"] == 1).all()
    above = ranked[ranked["rank"] < silent["rank"].iloc[0]]
    assert (above["unreported_share"] < 1).all() and len(above) == len(ranked) - 3
    assert [c for c in labels.STATUSES if c not in ranked] == []  # a column per status


def test_units_ranked_with_a_filter_lists_only_those_units(demo_store: Store) -> None:
    ranked = summary.units_ranked(demo_store, "2026-Q3", as_of=AS_OF, units=["SNV", "CAT"])
    assert sorted(ranked["unit"]) == ["CAT", "SNV"]


def test_completeness_says_who_is_late_and_by_how_many_days(demo_store: Store) -> None:
    reporting = summary.completeness(demo_store, "2026-Q3", as_of=AS_OF).set_index("unit")
    missing = reporting[reporting["reporting_status"] == "missing"]
    # Silent in Q3 (their Q2 values carry forward, but the report is missing) or all year.
    assert set(missing.index) == {"BCHQS", "CAT", "SGDDT", "SNNMT", "SYT"}
    assert set(missing["days_late"]) == {(AS_OF - Q3_DEADLINE).days}
    late = reporting[reporting["reporting_status"] == "late"]["days_late"].to_dict()
    assert late == {"SNV": 6, "SXD": 3, "STP": 11}
    on_time = reporting[reporting["reporting_status"] == "on_time"]
    assert (on_time["days_late"] == 0).all()
    assert (on_time["reported_items"] > 0).all()
    # Missing units first, then late ones, most days first.
    assert list(reporting["reporting_status"].iloc[:8]) == ["missing"] * 5 + ["late"] * 3


def test_a_monthly_reporter_has_reported_for_the_quarter(demo_store: Store) -> None:
    # The demo's TTPVHCC reports month by month: September's values count for Q3.
    reporting = summary.completeness(demo_store, "2026-Q3", as_of=AS_OF).set_index("unit")
    assert reporting.loc["TTPVHCC", "reporting_status"] == "on_time"
    assert reporting.loc["TTPVHCC", "reported_items"] == reporting.loc["TTPVHCC", "items"]
    august = summary.completeness(demo_store, "2026-08", as_of=AS_OF).set_index("unit")
    assert august.loc["TTPVHCC", "reporting_status"] == "on_time"
    assert august.loc["SKHCN", "reporting_status"] == "missing"  # quarterly only


def test_a_period_whose_deadline_has_not_come_is_not_late(demo_store: Store) -> None:
    reporting = summary.completeness(demo_store, "2026-Q4", as_of=AS_OF)
    assert set(reporting["reporting_status"]) == {"not_due"}
    assert (reporting["days_late"] == 0).all()


def upload(store: Store, unit: str, period: str, at: datetime,
           values: list[NewValue]) -> int:
    meta = UploadMeta(unit=unit, period=period, file_name="bao-cao.xlsx",
                      sha256=f"{unit}{period}{at}", uploaded_by="Cán bộ thử", rows_read=1,
                      at=at)
    with store.transaction() as con:
        return revisions.record_upload(store, con, meta, values).upload_id


def test_a_late_first_report_counts_days_from_the_deadline(demo_store: Store) -> None:
    upload(demo_store, "SYT", "2026-Q3", datetime(2026, 10, 25, 10), [NewValue("1.5.27", 60)])
    row = summary.completeness(demo_store, "2026-Q3", as_of=AS_OF).set_index("unit").loc["SYT"]
    assert row["reporting_status"] == "late"
    assert row["days_late"] == 5
    assert row["reported_items"] == 1


def test_a_revoked_upload_no_longer_counts_as_reported(demo_store: Store) -> None:
    upload_id = upload(demo_store, "SYT", "2026-Q3", datetime(2026, 10, 1, 10),
                       [NewValue("1.5.27", 60)])
    revisions.revoke_upload(demo_store, ADMIN, upload_id, "Gửi nhầm tệp")
    row = summary.completeness(demo_store, "2026-Q3", as_of=AS_OF).set_index("unit").loc["SYT"]
    assert row["reporting_status"] == "missing"


def test_completeness_with_a_group_counts_only_that_groups_targets(demo_store: Store) -> None:
    reporting = summary.completeness(demo_store, "2026-Q3", as_of=AS_OF, group="1.1")
    assert list(reporting["unit"]) == ["SKHCN"]
    assert reporting["items"].iloc[0] == 2  # the two infrastructure targets, no tasks


def test_an_empty_database_has_every_unit_missing(store: Store) -> None:
    reporting = summary.completeness(store, "2026-Q3", as_of=AS_OF)
    assert set(reporting["reporting_status"]) == {"missing"}
    assert (reporting["reported_items"] == 0).all()


def test_a_target_series_runs_through_the_quarters_up_to_the_period(demo_store: Store) -> None:
    series = summary.item_series(demo_store, "1.1.1", "2026-Q2", as_of=AS_OF)
    assert list(series["period"]) == ["2026-Q1", "2026-Q2"]
    q2 = status.gaps(demo_store, "2026-Q2", as_of=AS_OF).set_index("code").loc["1.1.1"]
    assert series["actual"].iloc[-1] == q2["actual"]
    assert series["expected"].iloc[-1] == pytest.approx(q2["expected"])
    assert series["status"].iloc[-1] == q2["status"]


def test_a_month_series_runs_through_the_months(demo_store: Store) -> None:
    series = summary.item_series(demo_store, "1.5.8", "2026-05", as_of=AS_OF)
    assert list(series["period"]) == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]
    assert series["actual"].notna().all()  # the demo's TTPVHCC reports monthly


def test_task_progress_lists_the_appendix_with_sections(demo_store: Store) -> None:
    tasks = summary.task_progress(demo_store, "2026-Q3", as_of=AS_OF)
    assert len(tasks) == len(status.gaps(demo_store, "2026-Q3", as_of=AS_OF, item_type="task"))
    assert len(tasks) == 46  # 42 appendix rows and 4 parents rolled up from their parts
    v1 = tasks.set_index("code").loc["V.1"]
    assert v1["is_parent"] and v1["coord_names"] == "Các cơ quan, đơn vị, địa phương"
    assert tasks.set_index("code").loc["IV.3", "kpi"].startswith("80% cán bộ")
    assert tasks["section_name"].notna().all()
    ongoing = tasks[tasks["deadline"].isna()]
    assert set(ongoing["deadline_text"]) <= {"Thường xuyên", "Nhiệm vụ thường xuyên"}
    mine = summary.task_progress(demo_store, "2026-Q3", as_of=AS_OF, units=["CAT"])
    assert set(mine["lead_unit"]) == {"CAT"}


def test_a_target_with_a_2030_continuation_has_its_path(demo_store: Store) -> None:
    found = detail.load(demo_store, "1.1.1", "2026-Q3", as_of=AS_OF)
    assert [p.code for p in found.paths] == ["433-2030-16"]
    path = found.paths[0]
    assert (path.start, path.start_value) == (date(2026, 12, 31), 60.0)
    assert (path.end, path.end_value) == (date(2030, 12, 31), 100.0)
    assert found.current["status"] == "achieved"
    assert found.projection.verdict == "Dự báo đạt"
    assert set(found.history["period_code"]) == {"2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"}


def test_a_target_without_continuation_lists_2045_only_when_present(demo_store: Store) -> None:
    found = detail.load(demo_store, "1.5.23", "2026-Q3", as_of=AS_OF)
    assert sorted(found.horizons["horizon_year"]) == [2030, 2045]
    assert [p.end_value for p in found.paths] == [35.0]
    none = detail.load(demo_store, "1.3.1", "2026-Q3", as_of=AS_OF)
    assert none.horizons.empty and none.paths == ()


def test_an_unknown_target_is_refused(demo_store: Store) -> None:
    with pytest.raises(detail.UnknownTarget):
        detail.load(demo_store, "9.9.9", "2026-Q3", as_of=AS_OF)
