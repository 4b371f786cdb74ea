"""Where a target will stand at the year's end if it keeps going as it has.

Pure arithmetic on the quarters reported so far: no SQL, no Streamlit. A count that
accumulates over the year (or a qualitative target tracked by % complete) starts the
year at zero, so its pace is a straight line through the origin; a level (a rate, an
index) follows the straight line that fits the previous year's baseline and the
quarters best. Whether the projected value meets the target is the status engine's
rule, handed in as `meets`, so that rule stays written once, in SQL.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from nq57 import fmt, labels


@dataclass(frozen=True)
class Point:
    """A reported value at a moment of the target's timeline.

    `elapsed` is the share of the time to the deadline passed (0 at the year's start,
    1 at the deadline), the same measure the status engine uses for the trajectory.
    """

    elapsed: float
    value: float


@dataclass(frozen=True)
class Projection:
    value: float | None
    achieved: bool | None
    method: str
    points: int

    @property
    def verdict(self) -> str:
        """'Dự báo đạt', 'Dự báo không đạt' or 'Chưa đủ số liệu để dự báo'."""
        if self.achieved is None:
            return labels.PROJECTION_VERDICTS["unknown"]
        return labels.PROJECTION_VERDICTS["achieved" if self.achieved else "not_achieved"]


def _through_origin(points: Sequence[Point]) -> float:
    """Slope of the least-squares line through (0, 0)."""
    return sum(p.elapsed * p.value for p in points) / sum(p.elapsed ** 2 for p in points)


def _line(points: Sequence[Point]) -> tuple[float, float]:
    """Intercept and slope of the least-squares line through the points."""
    n = len(points)
    mean_t = sum(p.elapsed for p in points) / n
    mean_v = sum(p.value for p in points) / n
    spread = sum((p.elapsed - mean_t) ** 2 for p in points)
    if spread == 0:
        return mean_v, 0.0
    slope = sum((p.elapsed - mean_t) * (p.value - mean_v) for p in points) / spread
    return mean_v - slope * mean_t, slope


def _bounds(unit_of_measure: str) -> tuple[float, float | None]:
    """Values cannot go below zero; a percentage cannot exceed 100."""
    return 0.0, (100.0 if unit_of_measure.strip().startswith("%") else None)


def project(
    *,
    kind: str,
    comparator: str,
    unit_of_measure: str,
    points: Sequence[Point],
    baseline: float | None,
    meets: Callable[[float], bool],
) -> Projection:
    """The value expected at the deadline, whether it meets the target, and how.

    `points` are the quarters reported so far; `baseline` the previous year's value
    of a level target (None when unknown); `meets(value)` the comparator rule.
    """
    reported = sorted((p for p in points if p.elapsed > 0), key=lambda p: p.elapsed)
    measure = lambda v: fmt.measure(v, unit_of_measure)  # noqa: E731
    if not reported:
        return Projection(None, None, labels.PROJECTION_METHODS["no_points"], 0)

    if reported[-1].elapsed >= 1:
        value = reported[-1].value
        text = labels.PROJECTION_METHODS["complete"].format(value=measure(value))
        return Projection(value, meets(value), text, len(reported))

    quarters = labels.PROJECTION_POINTS["quarters"].format(n=len(reported))
    if kind == "cumulative" or comparator == "qualitative":
        slope = _through_origin(reported)
        template = "progress" if comparator == "qualitative" else "pace"
        raw, used = slope, len(reported)
        words = {"points": quarters, "rate": measure(slope / 4)}
    else:
        fitted, described = list(reported), quarters
        if baseline is not None:
            fitted.insert(0, Point(0.0, float(baseline)))
            described = labels.PROJECTION_POINTS["baseline_and_quarters"].format(
                n=len(reported))
        if len(fitted) < 2:
            text = labels.PROJECTION_METHODS["too_few"].format(points=described)
            return Projection(None, None, text, len(fitted))
        intercept, slope = _line(fitted)
        raw, used, template = intercept + slope, len(fitted), "trend"
        words = {"points": described}

    low, high = _bounds(unit_of_measure)
    value = max(low, raw if high is None else min(high, raw))
    text = labels.PROJECTION_METHODS[template].format(value=measure(value), **words)
    if raw < low:
        text += labels.PROJECTION_METHODS["clipped_low"].format(low=measure(low))
    elif high is not None and raw > high:
        text += labels.PROJECTION_METHODS["clipped_high"].format(high=measure(high))
    return Projection(value, meets(value), text, used)
