"""The status of every item for one period, computed with pandas from the raw
tables: the comparison the status query in DuckDB has to beat.

It follows queries/definitions/020_status.sql rule for rule (current revision per
item/unit/period ignoring revoked uploads, baseline, reference, elapsed time,
achieved, completion, reason, status) and the bench checks that both agree on every
item before timing either.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

EPS = 1e-9


@dataclass(frozen=True)
class Tables:
    """Everything the computation reads, loaded once (loading is timed apart)."""

    actuals: pd.DataFrame
    revoked: pd.DataFrame
    items: pd.DataFrame
    periods: pd.DataFrame
    settings: pd.DataFrame


def _months_between(start: pd.Series, end: pd.Series) -> pd.Series:
    """date_diff('month', start, end): month boundaries crossed."""
    return (end.dt.year - start.dt.year) * 12 + (end.dt.month - start.dt.month)


def _achieved(comparator: pd.Series, reference: pd.Series, actual: pd.Series) -> pd.Series:
    conditions = [
        comparator.isin([">=", "between", "qualitative"]),
        comparator == ">",
        comparator == "<=",
        comparator == "<",
        comparator == "=",
    ]
    choices = [
        actual >= reference - EPS,
        actual > reference + EPS,
        actual <= reference + EPS,
        actual < reference - EPS,
        (actual - reference).abs() <= EPS,
    ]
    result = pd.Series(np.select(conditions, choices, default=False), index=actual.index)
    return result.where(actual.notna() & reference.notna())  # NULL in, NULL out


def gaps(t: Tables, period: str, as_of: pd.Timestamp, item_type: str = "target"
         ) -> pd.DataFrame:
    """One row per item of the period's year with actual, baseline, completion and
    status, as nq57_gaps(period, as_of) gives them."""
    p = t.periods.loc[t.periods["code"] == period].iloc[0]
    red_factor = float(t.settings["red_factor"].iloc[0])

    # Current value: the newest revision not revoked, for the period and its baseline.
    wanted = t.actuals[t.actuals["period_code"].isin([p["code"], p["baseline_period"]])]
    wanted = wanted[~wanted["upload_id"].isin(t.revoked["upload_id"])]
    current = (wanted.sort_values("id")
               .drop_duplicates(["item_code", "unit_code", "period_code"], keep="last"))
    cur = current[current["period_code"] == p["code"]]
    base = current[current["period_code"] == p["baseline_period"]][
        ["item_code", "unit_code", "value"]].rename(columns={"value": "baseline_reported"})

    items = t.items[(t.items["year"] == p["year"]) & (t.items["item_type"] == item_type)]
    g = items.merge(cur[["item_code", "unit_code", "value", "note", "evidence", "upload_id",
                         "recorded_at", "recorded_by"]],
                    how="left", left_on=["code", "reporting_unit"],
                    right_on=["item_code", "unit_code"]).drop(columns=["item_code", "unit_code"])
    g = g.rename(columns={"value": "actual"})
    g = g.merge(base, how="left", left_on=["code", "reporting_unit"],
                right_on=["item_code", "unit_code"]).drop(columns=["item_code", "unit_code"])

    qualitative = g["comparator"] == "qualitative"
    g["baseline"] = g["baseline_reported"].where(
        ~((g["kind"] == "cumulative") | qualitative), 0.0)
    g["reference"] = g["threshold_low"].where(~qualitative, g["threshold_low"].fillna(100.0))

    year_start = pd.to_datetime(g["year_start"])
    period_end = pd.Timestamp(p["end_date"])
    after_end = pd.Series(period_end + pd.Timedelta(days=1), index=g.index)
    after_horizon = pd.to_datetime(g["horizon_end"]) + pd.Timedelta(days=1)
    months = _months_between(year_start, after_end)
    horizon = _months_between(year_start, after_horizon).clip(lower=1)
    g["elapsed"] = (months / horizon).clip(0.0, 1.0)

    deadline = pd.to_datetime(g["deadline"])
    g["deadline_passed"] = ((as_of > deadline) & (period_end >= deadline)).fillna(False)
    g["report_overdue"] = as_of > pd.Timestamp(p["report_deadline"])

    lower_better = g["comparator"].isin(["<", "<="])
    actual, reference, baseline = g["actual"], g["reference"], g["baseline"]
    g["achieved"] = _achieved(g["comparator"], reference, actual)
    start = baseline.fillna(0.0)
    flat = (reference - start).abs() <= EPS
    completion = (actual - start) / (reference - start).where(~flat)
    completion = completion.where(~flat, g["achieved"].astype(float))
    unknown = actual.isna() | reference.isna() | (baseline.isna() & lower_better)
    g["completion"] = completion.where(~unknown)
    g["expected"] = (start + (reference - start) * g["elapsed"]).where(
        ~(baseline.isna() & lower_better))
    g["gap"] = (actual - reference).where(lower_better, reference - actual)

    c, e = g["completion"], g["elapsed"]
    reasons = [
        (actual.isna() & g["report_overdue"], "report_overdue"),
        (actual.isna(), "not_reported"),
        (g["achieved"] == True, "achieved"),  # noqa: E712 (NULL is not True)
        (g["deadline_passed"], "deadline_passed"),
        (c.isna(), "no_baseline"),
        (c >= e - EPS, "on_trajectory"),
        (c >= red_factor * e - EPS, "below_trajectory"),
    ]
    g["status_reason"] = np.select([cond.fillna(False).astype(bool) for cond, _ in reasons],
                                   [name for _, name in reasons],
                                   default="below_half_trajectory")
    g["status"] = g["status_reason"].map({
        "report_overdue": "overdue_report", "not_reported": "no_data",
        "achieved": "achieved", "on_trajectory": "on_track", "no_baseline": "behind",
        "below_trajectory": "behind", "deadline_passed": "red",
        "below_half_trajectory": "red"})
    return g.sort_values("sort_key").reset_index(drop=True)
