"""The dashboard's figures, checked on their data: one status palette with a label and
a pattern for every status, Vietnamese separators, and the numbers each mark stands for."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from nq57 import charts, detail, fmt, labels, status, summary
from nq57.db import Store

AS_OF = date(2026, 11, 23)


@pytest.fixture
def gaps(demo_store: Store) -> pd.DataFrame:
    return status.gaps(demo_store, "2026-Q3", as_of=AS_OF)


def status_traces(figure) -> dict[str, object]:
    by_label = {labels.status_label(s): s for s in labels.STATUSES}
    return {by_label[t.name]: t for t in figure.data if t.name in by_label}


def assert_status_styled(figure) -> None:
    found = status_traces(figure)
    assert found, "a status chart shows at least one status"
    for code, trace in found.items():
        assert trace.marker.color == labels.STATUS_COLORS[code]
        assert trace.marker.pattern.shape == charts.STATUS_PATTERNS[code]
    assert figure.layout.separators == ",."


def test_the_bullet_chart_puts_actual_threshold_and_trajectory_on_one_scale(gaps) -> None:
    rows = gaps[gaps["group_code"] == "1.1"]
    figure = charts.bullet_chart(rows)
    assert_status_styled(figure)
    first = rows.iloc[0]
    bar = status_traces(figure)[first["status"]]
    assert bar.x[0] == pytest.approx(first["actual"] / first["reference"])
    words = next(t for t in figure.data if t.name == labels.CHART_TEXTS["values"])
    assert words.text[0] == f"61,5% · {labels.status_label(first['status'])}"
    threshold = next(t for t in figure.data if t.name == labels.CHART_TEXTS["threshold"])
    assert list(threshold.x) == [1.0, 1.0]
    expected = next(t for t in figure.data if t.name == labels.CHART_TEXTS["expected"])
    assert expected.x[0] == pytest.approx(first["expected"] / first["reference"])


def test_a_target_without_a_value_says_so_on_its_bullet(store: Store) -> None:
    figure = charts.bullet_chart(status.gaps(store, "2026-Q3", as_of=AS_OF))
    (only,) = status_traces(figure).values()
    assert set(only.x) == {0.0}
    words = next(t for t in figure.data if t.name == labels.CHART_TEXTS["values"])
    assert set(words.text) == {f"{labels.CHART_TEXTS['no_value']} · "
                               f"{labels.status_label('overdue_report')}"}


def test_the_unit_ranking_bars_add_up_to_each_units_items(demo_store: Store) -> None:
    ranked = summary.units_ranked(demo_store, "2026-Q3", as_of=AS_OF)
    figure = charts.unit_ranking_bar(ranked)
    assert_status_styled(figure)
    traces = status_traces(figure).values()
    totals = [sum(t.x[i] for t in traces) for i in range(len(ranked))]
    assert totals == pytest.approx([1.0] * len(ranked))
    assert figure.data[0].y[0].startswith("1. ")


def test_the_heatmap_writes_each_count_in_its_cell(demo_store: Store) -> None:
    ranked = summary.units_ranked(demo_store, "2026-Q3", as_of=AS_OF)
    figure = charts.status_heatmap(ranked)
    assert [t.x[0] for t in figure.data] == [labels.status_label(s) for s in labels.STATUSES]
    red = figure.data[labels.STATUSES.index("red")]
    assert list(red.y) == ranked["unit_short"].tolist()
    assert list(red.text) == [fmt.number(v, 0) for v in ranked["red"]]
    top = ranked[list(labels.STATUSES)].to_numpy().max()
    busiest = ranked["red"].idxmax()
    assert red.marker.color[busiest] == charts._shade(
        labels.STATUS_COLORS["red"], 0.2 + 0.8 * ranked["red"].max() / top)
    assert red.marker.color[ranked["red"].idxmin()] in ("#F2F5F9", charts._shade(
        labels.STATUS_COLORS["red"], 0.2 + 0.8 * ranked["red"].min() / top))


def test_the_task_timeline_draws_dated_tasks_and_leaves_ongoing_ones_out(
        demo_store: Store) -> None:
    tasks = summary.task_progress(demo_store, "2026-Q3", as_of=AS_OF)
    figure = charts.task_timeline(tasks, today=AS_OF)
    assert_status_styled(figure)
    drawn = sum(len(t.y) for t in status_traces(figure).values())
    assert drawn == tasks["deadline"].notna().sum() < len(tasks)
    assert all(base.startswith("2026-01-01") for t in status_traces(figure).values()
               for base in t.base)
    assert figure.layout.shapes[0].x0 == pd.Timestamp(AS_OF).timestamp() * 1000


def test_the_trajectory_runs_from_baseline_to_threshold_and_ends_at_the_projection(
        demo_store: Store) -> None:
    found = detail.load(demo_store, "1.1.1", "2026-Q3", as_of=AS_OF)
    figure = charts.target_trajectory(found.series, name="1.1.1", unit_of_measure="%",
                                      threshold_text="≥ 60%",
                                      projection=found.projection.value)
    line = next(t for t in figure.data if t.name == labels.CHART_TEXTS["trajectory"])
    assert list(line.y) == [found.series["baseline"].iloc[0], 60.0]
    projected = next(t for t in figure.data if t.name == labels.CHART_TEXTS["projection"])
    assert projected.y[-1] == pytest.approx(found.projection.value)
    assert projected.x[-1] == date(2026, 12, 31)
    marked = [t for t in figure.data if t.name and t.name.startswith(
        labels.CHART_TEXTS["actual"] + " — ")]
    assert sum(len(t.x) for t in marked) == 3
    assert figure.layout.separators == ",."


def test_the_2030_path_joins_the_two_targets(demo_store: Store) -> None:
    found = detail.load(demo_store, "1.1.1", "2026-Q3", as_of=AS_OF)
    figure = charts.horizon_path(found.paths, unit_of_measure="%",
                                 latest=(date(2026, 9, 30), 61.8))
    path = figure.data[0]
    assert list(path.y) == [60.0, 100.0]
    assert "Chỉ tiêu 2030: 100%" in path.text[1]
    assert list(figure.layout.xaxis.ticktext) == [f"Cuối {y}" for y in range(2026, 2031)]
