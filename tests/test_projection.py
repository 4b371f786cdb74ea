"""Year-end projections: rising, flat and falling series; cumulative counts and levels;
ranges and qualitative targets. The verdict uses the status engine's own rule."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from nq57.db import Store
from nq57.detail import comparator_rule
from nq57.projection import Point, project

Rule = Callable[[str, float | None], Callable[[float], bool]]
QUARTERS = (0.25, 0.5, 0.75)


@pytest.fixture
def rule(store: Store) -> Iterator[Rule]:
    with store.connect() as con:
        yield lambda comparator, threshold: comparator_rule(con, comparator, threshold)


def points(*values: float) -> list[Point]:
    return [Point(t, v) for t, v in zip(QUARTERS, values, strict=False)]


def level(rule: Rule, values: list[Point], *, baseline: float | None, comparator: str = ">=",
          threshold: float | None = 60.0, unit: str = "%"):
    return project(kind="level", comparator=comparator, unit_of_measure=unit, points=values,
                   baseline=baseline, meets=rule(comparator, threshold))


def cumulative(rule: Rule, values: list[Point], *, threshold: float = 10.0):
    return project(kind="cumulative", comparator=">=", unit_of_measure="doanh nghiệp",
                   points=values, baseline=None, meets=rule(">=", threshold))


def test_a_rising_level_follows_its_line_to_the_year_end(rule: Rule) -> None:
    result = level(rule, points(45, 50, 55), baseline=40)
    assert result.value == pytest.approx(60)
    assert result.achieved is True
    assert result.verdict == "Dự báo đạt"
    assert "giá trị nền cuối năm trước và 3 quý đã báo cáo" in result.method
    assert "60%" in result.method


def test_a_flat_level_stays_where_it_is_and_misses_a_higher_target(rule: Rule) -> None:
    result = level(rule, points(50, 50, 50), baseline=50)
    assert result.value == pytest.approx(50)
    assert result.verdict == "Dự báo không đạt"


def test_a_falling_level_is_projected_lower_still(rule: Rule) -> None:
    result = level(rule, points(65, 60), baseline=70)
    assert result.value == pytest.approx(50)
    assert result.achieved is False


def test_a_level_target_that_must_go_down_is_met_by_a_falling_trend(rule: Rule) -> None:
    result = level(rule, points(10, 8, 6), baseline=None, comparator="<=", threshold=5,
                   unit="ngày")
    assert result.value == pytest.approx(4)
    assert result.achieved is True


def test_a_cumulative_count_keeps_its_pace_through_the_origin(rule: Rule) -> None:
    result = cumulative(rule, points(3, 6, 9))
    assert result.value == pytest.approx(12)
    assert result.achieved is True
    assert "3 doanh nghiệp mỗi quý" in result.method
    assert "lũy kế" in result.method.lower()


def test_a_stalled_cumulative_count_is_projected_short(rule: Rule) -> None:
    flat = cumulative(rule, points(5, 5, 5))
    rising = cumulative(rule, points(3, 6, 9))
    assert flat.value == pytest.approx(7.5 / 0.875)
    assert flat.verdict == "Dự báo không đạt"
    assert flat.value < rising.value


def test_a_falling_cumulative_series_projects_below_a_rising_one(rule: Rule) -> None:
    falling = cumulative(rule, points(9, 6, 3))
    assert falling.value == pytest.approx(7.5 / 0.875)
    assert falling.achieved is False


def test_one_quarter_of_a_cumulative_count_is_enough_for_its_pace(rule: Rule) -> None:
    result = cumulative(rule, points(4))
    assert result.value == pytest.approx(16)
    assert result.points == 1


def test_a_level_needs_two_points_and_says_so(rule: Rule) -> None:
    result = level(rule, points(55), baseline=None)
    assert result.value is None
    assert result.achieved is None
    assert result.verdict == "Chưa đủ số liệu để dự báo"
    assert "ít nhất hai điểm" in result.method


def test_the_baseline_and_one_quarter_make_two_points(rule: Rule) -> None:
    result = level(rule, points(45), baseline=40)
    assert result.value == pytest.approx(60)
    assert result.points == 2


def test_nothing_reported_means_no_projection(rule: Rule) -> None:
    result = level(rule, [], baseline=40)
    assert result.value is None
    assert "Chưa có quý nào" in result.method


def test_a_range_is_met_at_its_lower_bound(rule: Rule) -> None:
    def ranged(*values: float):
        return level(rule, points(*values), baseline=12, comparator="between", threshold=15)
    assert ranged(13, 14, 15).achieved is True   # heads for 16
    assert ranged(12.3, 12.6, 12.9).achieved is False  # heads for 14


def test_a_qualitative_target_is_tracked_from_zero_and_capped_at_100(rule: Rule) -> None:
    result = project(kind="level", comparator="qualitative", unit_of_measure="% hoàn thành",
                     points=points(30, 55), baseline=0.0, meets=rule("qualitative", None))
    assert result.value == pytest.approx(100)
    assert result.achieved is True
    assert "định tính" in result.method
    assert "giới hạn ở 100%" in result.method


def test_a_percentage_never_projects_beyond_100(rule: Rule) -> None:
    result = level(rule, points(90, 95, 99), baseline=85, threshold=100)
    assert result.value == pytest.approx(100)
    assert "giới hạn ở 100%" in result.method


def test_a_count_never_projects_below_zero(rule: Rule) -> None:
    result = level(rule, points(20, 10, 2), baseline=30, unit="người", threshold=10)
    assert result.value == 0
    assert "lấy bằng 0 người" in result.method


def test_a_year_already_reported_in_full_is_its_own_projection(rule: Rule) -> None:
    result = cumulative(rule, [*points(3, 6, 9), Point(1.0, 11)])
    assert result.value == 11
    assert result.achieved is True
    assert "hết thời hạn" in result.method
