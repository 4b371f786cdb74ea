"""The plan's status rules at their boundaries, on the SQL macros every page uses."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

from nq57.db import Store
from nq57.status import classify


@pytest.fixture
def con(store: Store) -> Iterator[duckdb.DuckDBPyConnection]:
    with store.connect() as connection:
        yield connection


def status_of(con: duckdb.DuckDBPyConnection, **numbers: object) -> str:
    return str(classify(con, **numbers)["status"])


# A target of "≥ 100" from a baseline of 0 at the end of Q2: the trajectory says 50.
HALF_YEAR = {"comparator": ">=", "threshold": 100.0, "baseline": 0.0, "elapsed": 0.5}


def test_exactly_on_the_trajectory_is_on_track(con):
    assert status_of(con, actual=50.0, **HALF_YEAR) == "on_track"


def test_just_below_the_trajectory_is_behind(con):
    assert status_of(con, actual=49.9, **HALF_YEAR) == "behind"


def test_exactly_half_of_the_trajectory_is_behind_not_red(con):
    assert status_of(con, actual=25.0, **HALF_YEAR) == "behind"


def test_just_below_half_of_the_trajectory_is_red(con):
    assert status_of(con, actual=24.9, **HALF_YEAR) == "red"


def test_reaching_the_threshold_early_is_achieved(con):
    assert status_of(con, actual=100.0, **(HALF_YEAR | {"elapsed": 0.25})) == "achieved"


def test_beyond_the_threshold_is_achieved_with_completion_above_one(con):
    result = classify(con, actual=130.0, **HALF_YEAR)
    assert result["status"] == "achieved"
    assert result["completion"] == pytest.approx(1.3)


def test_baseline_moves_the_trajectory(con):
    # From 60 to 100: at half the year the line is at 80.
    numbers = HALF_YEAR | {"baseline": 60.0}
    assert status_of(con, actual=80.0, **numbers) == "on_track"
    assert status_of(con, actual=70.0, **numbers) == "behind"  # completion 0.25 = half
    assert status_of(con, actual=69.0, **numbers) == "red"


def test_missing_baseline_means_the_line_starts_at_zero(con):
    numbers = HALF_YEAR | {"baseline": None}
    assert classify(con, actual=50.0, **numbers)["completion"] == pytest.approx(0.5)
    assert status_of(con, actual=50.0, **numbers) == "on_track"


def test_zero_baseline_is_the_same_as_none_for_higher_is_better(con):
    assert status_of(con, actual=30.0, **HALF_YEAR | {"baseline": 0.0}) == status_of(
        con, actual=30.0, **HALF_YEAR | {"baseline": None})


def test_strict_comparator_is_not_achieved_at_the_threshold(con):
    numbers = {"comparator": ">", "threshold": 80.0, "baseline": 0.0, "elapsed": 0.5}
    assert status_of(con, actual=80.0, **numbers) == "on_track"
    assert status_of(con, actual=80.1, **numbers) == "achieved"


def test_a_range_is_achieved_at_its_lower_bound(con):
    numbers = {"comparator": "between", "threshold": 15.0, "baseline": 10.0, "elapsed": 0.75}
    assert status_of(con, actual=15.0, **numbers) == "achieved"
    assert status_of(con, actual=18.0, **numbers) == "achieved"  # above the range still met
    assert status_of(con, actual=13.75, **numbers) == "on_track"  # exactly on the line


def test_qualitative_target_is_tracked_by_completion_percent(con):
    numbers = {"comparator": "qualitative", "threshold": None, "baseline": 0.0, "elapsed": 0.5}
    assert status_of(con, actual=100.0, **numbers) == "achieved"
    assert status_of(con, actual=50.0, **numbers) == "on_track"
    assert status_of(con, actual=25.0, **numbers) == "behind"
    assert status_of(con, actual=10.0, **numbers) == "red"


def test_lower_is_better_measures_the_way_down(con):
    numbers = {"comparator": "<=", "threshold": 10.0, "baseline": 30.0, "elapsed": 0.5}
    assert status_of(con, actual=20.0, **numbers) == "on_track"   # half way down
    assert status_of(con, actual=25.0, **numbers) == "behind"     # a quarter: half of elapsed
    assert status_of(con, actual=29.0, **numbers) == "red"
    assert status_of(con, actual=10.0, **numbers) == "achieved"
    assert status_of(con, actual=35.0, **numbers) == "red"        # worse than the start


def test_lower_is_better_without_baseline_cannot_be_placed_on_a_trajectory(con):
    numbers = {"comparator": "<", "threshold": 10.0, "baseline": None, "elapsed": 0.5}
    result = classify(con, actual=12.0, **numbers)
    assert result["status"] == "behind"
    assert result["reason"] == "no_baseline"
    assert result["completion"] is None
    assert status_of(con, actual=9.0, **numbers) == "achieved"


def test_threshold_equal_to_baseline_is_all_or_nothing(con):
    numbers = {"comparator": ">", "threshold": 80.0, "baseline": 80.0, "elapsed": 0.5}
    assert classify(con, actual=80.0, **numbers)["completion"] == 0.0
    assert status_of(con, actual=80.0, **numbers) == "red"
    assert status_of(con, actual=81.0, **numbers) == "achieved"


def test_deadline_passed_unmet_is_red_even_when_close(con):
    numbers = {"comparator": ">=", "threshold": 100.0, "baseline": 0.0, "elapsed": 1.0}
    assert status_of(con, actual=99.0, **numbers) == "behind"
    assert status_of(con, actual=99.0, deadline_passed=True, **numbers) == "red"
    assert status_of(con, actual=100.0, deadline_passed=True, **numbers) == "achieved"


def test_no_value_is_no_data_until_the_reporting_deadline(con):
    numbers = {"comparator": ">=", "threshold": 100.0, "baseline": 0.0, "elapsed": 0.5}
    assert status_of(con, actual=None, **numbers) == "no_data"
    assert status_of(con, actual=None, report_overdue=True, **numbers) == "overdue_report"


def test_the_red_factor_is_a_setting_not_a_literal(con):
    numbers = HALF_YEAR | {"actual": 30.0}
    assert status_of(con, **numbers) == "behind"
    assert status_of(con, red_factor=0.7, **numbers) == "red"
