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


def judged(con: duckdb.DuckDBPyConnection, **numbers: object) -> tuple[str, str, float]:
    result = classify(con, **numbers)
    return str(result["status"]), str(result["reason"]), result["completion"]


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


def test_an_unknown_baseline_is_never_measured_from_zero(con):
    # Changed: a missing baseline used to start the line at zero, so 80% against
    # "> 90%" read as on track at Q3. The trajectory is unknown: "Chưa đủ căn cứ".
    numbers = {"comparator": ">", "threshold": 90.0, "baseline": None, "elapsed": 0.75}
    assert judged(con, actual=80.0, **numbers) == ("no_basis", "no_baseline", None)
    assert status_of(con, actual=91.0, **numbers) == "achieved"
    assert status_of(con, actual=80.0, deadline_passed=True, **numbers) == "red"


def test_strict_comparator_is_not_achieved_at_the_threshold(con):
    numbers = {"comparator": ">", "threshold": 80.0, "baseline": 0.0, "elapsed": 0.5}
    result = classify(con, actual=80.0, **numbers)
    assert (result["status"], result["achieved"]) == ("on_track", False)
    assert result["completion"] < 1.0  # completion and status agree: not 100%
    assert status_of(con, actual=80.1, **numbers) == "achieved"


def test_strict_comparator_at_the_threshold_at_the_year_end_is_behind(con):
    numbers = {"comparator": ">", "threshold": 80.0, "baseline": 60.0, "elapsed": 1.0}
    status, reason, completion = judged(con, actual=80.0, **numbers)
    assert (status, reason) == ("behind", "below_trajectory")
    assert completion == pytest.approx(0.99)
    assert status_of(con, actual=80.0, deadline_passed=True, **numbers) == "red"


def test_unmet_completion_is_capped_below_one_hundred_percent(con):
    numbers = {"comparator": ">=", "threshold": 100.0, "baseline": 0.0, "elapsed": 0.5}
    assert classify(con, actual=99.9, **numbers)["completion"] == pytest.approx(0.99)
    assert classify(con, actual=100.0, **numbers)["completion"] == pytest.approx(1.0)


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
    # Changed: this was "behind"; without a baseline the honest status is "no basis".
    numbers = {"comparator": "<", "threshold": 10.0, "baseline": None, "elapsed": 0.5}
    result = classify(con, actual=12.0, **numbers)
    assert result["status"] == "no_basis"
    assert result["reason"] == "no_baseline"
    assert result["completion"] is None
    assert status_of(con, actual=9.0, **numbers) == "achieved"


def test_deadline_passed_unmet_is_red_even_when_close(con):
    numbers = {"comparator": ">=", "threshold": 100.0, "baseline": 0.0, "elapsed": 1.0}
    assert status_of(con, actual=99.0, **numbers) == "behind"
    assert status_of(con, actual=99.0, deadline_passed=True, **numbers) == "red"
    assert status_of(con, actual=100.0, deadline_passed=True, **numbers) == "achieved"


def test_no_value_is_no_data_until_the_reporting_deadline(con):
    numbers = {"comparator": ">=", "threshold": 100.0, "baseline": 0.0, "elapsed": 0.5}
    assert status_of(con, actual=None, **numbers) == "no_data"
    assert status_of(con, actual=None, report_overdue=True, **numbers) == "overdue_report"


def test_nothing_reported_by_a_passed_deadline_is_a_red_warning(con):
    # The plan: an item overdue against its deadline is red, reported or not.
    numbers = {"comparator": ">=", "threshold": 100.0, "baseline": 0.0, "elapsed": 1.0}
    assert judged(con, actual=None, deadline_passed=True, report_overdue=True, **numbers)[:2] \
        == ("red", "deadline_passed_unreported")


def test_the_red_factor_is_a_setting_not_a_literal(con):
    numbers = HALF_YEAR | {"actual": 30.0}
    assert status_of(con, **numbers) == "behind"
    assert status_of(con, red_factor=0.7, **numbers) == "red"


# --- maintained targets: the baseline already meets the threshold --------------------
# "≥ 80%" with a baseline of 88% at Q3 (elapsed 0.75): the target is to be held; the
# expected value is 80 at every period and completion is the actual against 80.
HELD = {"comparator": ">=", "threshold": 80.0, "baseline": 88.0, "elapsed": 0.75}


@pytest.mark.parametrize(("actual", "status", "reason", "completion"), [
    (90.0, "achieved", "achieved", 90 / 80),            # above the baseline, still met
    (85.0, "achieved", "achieved", 85 / 80),            # slipped but above the threshold
    (80.0, "achieved", "achieved", 1.0),                # exactly at "≥ 80"
    (78.0, "behind", "below_threshold", 78 / 80),       # slipped a little below
    (40.0, "behind", "below_threshold", 0.5),           # exactly half the threshold
    (39.0, "red", "below_half_threshold", 39 / 80),     # slipped below half
])
def test_a_maintained_target_is_measured_against_its_threshold(con, actual, status, reason,
                                                               completion):
    result = classify(con, actual=actual, **HELD)
    assert (result["status"], result["reason"]) == (status, reason)
    assert result["completion"] == pytest.approx(completion)
    assert result["expected"] == pytest.approx(80.0)
    assert result["maintained"]


def test_a_maintained_target_below_its_threshold_is_never_on_track(con):
    # Early in the year the time share is small, but the target had to be held.
    early = HELD | {"elapsed": 0.25}
    result = classify(con, actual=78.0, **early)
    assert result["status"] == "behind"
    assert result["completion"] < 1.0


def test_a_maintained_target_after_its_deadline_unmet_is_red(con):
    assert judged(con, actual=78.0, deadline_passed=True, **HELD | {"elapsed": 1.0})[:2] == (
        "red", "deadline_passed")


def test_strict_comparator_maintained_at_exactly_the_threshold_is_not_met(con):
    numbers = {"comparator": ">", "threshold": 80.0, "baseline": 88.0, "elapsed": 0.75}
    status, reason, completion = judged(con, actual=80.0, **numbers)
    assert (status, reason) == ("behind", "below_threshold")
    assert completion == pytest.approx(0.99)


def test_a_baseline_exactly_at_a_strict_threshold_is_held_not_all_or_nothing(con):
    # Changed: with the baseline at exactly "> 80" the line used to be flat, so 80
    # read as 0% and red. The target is measured against its threshold: behind.
    numbers = {"comparator": ">", "threshold": 80.0, "baseline": 80.0, "elapsed": 0.5}
    status, reason, completion = judged(con, actual=80.0, **numbers)
    assert (status, reason) == ("behind", "below_threshold")
    assert completion == pytest.approx(0.99)
    assert status_of(con, actual=81.0, **numbers) == "achieved"
    assert status_of(con, actual=39.0, **numbers) == "red"


@pytest.mark.parametrize(("actual", "status"), [
    (15.5, "achieved"), (18.0, "achieved"), (14.0, "behind"), (7.5, "behind"), (7.0, "red"),
])
def test_a_range_whose_baseline_is_inside_it_is_held(con, actual, status):
    numbers = {"comparator": "between", "threshold": 15.0, "baseline": 16.0, "elapsed": 0.5}
    result = classify(con, actual=actual, **numbers)
    assert result["status"] == status
    assert result["maintained"]
    assert result["expected"] == pytest.approx(15.0)


@pytest.mark.parametrize(("actual", "status", "completion"), [
    (9.0, "achieved", 10 / 9), (10.0, "achieved", 1.0), (12.0, "behind", 10 / 12),
    (20.0, "behind", 0.5), (25.0, "red", 0.4),
])
def test_a_maintained_lower_is_better_target(con, actual, status, completion):
    numbers = {"comparator": "<=", "threshold": 10.0, "baseline": 8.0, "elapsed": 0.5}
    result = classify(con, actual=actual, **numbers)
    assert result["status"] == status
    assert result["completion"] == pytest.approx(completion)
