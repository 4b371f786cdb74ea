"""The status of every item for one period, computed with pandas from the raw
tables: the comparison the status query in DuckDB has to beat.

It follows queries/definitions/020_status.sql rule for rule (current revision per
item/unit/period ignoring revoked uploads; the value in force, carried from the
latest earlier period of the year; the baseline, reported or estimated from the
earliest value; maintained targets; reference, elapsed time, achieved, completion
capped below 100% unless met, reason, status; parent tasks rolled up from their
parts), and the bench checks that both agree on every row before timing either.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

EPS = 1e-9
UNMET_CAP = 0.99

# nq57_status(reason), as in 020_status.sql.
STATUS_OF_REASON = {
    "deadline_passed_unreported": "red", "report_overdue": "overdue_report",
    "not_reported": "no_data", "achieved": "achieved", "deadline_passed": "red",
    "below_threshold": "behind", "below_half_threshold": "red", "no_baseline": "no_basis",
    "on_trajectory": "on_track", "below_trajectory": "behind",
    "below_half_trajectory": "red", "all_parts_achieved": "achieved",
}


@dataclass(frozen=True)
class Tables:
    """Everything the computation reads, loaded once (loading is timed apart)."""

    actuals: pd.DataFrame
    revoked: pd.DataFrame
    items: pd.DataFrame
    periods: pd.DataFrame
    settings: pd.DataFrame
    statuses: pd.DataFrame


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


def _current(t: Tables, p: pd.Series) -> pd.DataFrame:
    """The current value of each (item, unit, period) that can stand for period p: the
    year's periods ending by its end, and those closing the previous year."""
    ends = t.periods.set_index("code")["end_date"]
    years = t.periods.set_index("code")["year"]
    wanted = t.periods[((t.periods["year"] == p["year"]) & (t.periods["end_date"] <= p["end_date"]))
                       | (t.periods["end_date"] == p["baseline_end"])]["code"]
    rows = t.actuals[t.actuals["period_code"].isin(wanted)]
    rows = rows[~rows["upload_id"].isin(t.revoked["upload_id"])]
    rows = (rows.sort_values("id")
            .drop_duplicates(["item_code", "unit_code", "period_code"], keep="last"))
    return rows.assign(end_date=rows["period_code"].map(ends),
                       for_baseline=rows["period_code"].map(years) < p["year"])


def _per_item(current: pd.DataFrame, items: pd.DataFrame) -> pd.DataFrame:
    """Per item, from its reporting unit's values: the value in force, the earliest
    value of the year, how many period ends were reported, the baseline value."""
    own = current.merge(items[["code", "reporting_unit"]], left_on=["item_code", "unit_code"],
                        right_on=["code", "reporting_unit"])
    year = own[~own["for_baseline"]]
    latest = (year.sort_values(["end_date", "id"])
              .drop_duplicates("item_code", keep="last").set_index("item_code"))
    earliest = (year.assign(neg_id=-year["id"]).sort_values(["end_date", "neg_id"])
                .drop_duplicates("item_code", keep="first").set_index("item_code"))
    base = (own[own["for_baseline"]].sort_values("id")
            .drop_duplicates("item_code", keep="last").set_index("item_code"))
    return pd.DataFrame({
        "actual": latest["value"], "value_period": latest["period_code"],
        "value_end": latest["end_date"], "note": latest["note"],
        "evidence": latest["evidence"], "upload_id": latest["upload_id"],
        "recorded_at": latest["recorded_at"], "recorded_by": latest["recorded_by"],
        "first_value": earliest["value"], "first_period": earliest["period_code"],
        "value_dates": year.groupby("item_code")["end_date"].nunique(),
        "base_value": base["value"], "base_period": base["period_code"],
    })


def _leaves(t: Tables, p: pd.Series, as_of: pd.Timestamp, item_type: str) -> pd.DataFrame:
    red_factor = float(t.settings["red_factor"].iloc[0])
    items = t.items[(t.items["year"] == p["year"]) & (t.items["item_type"] == item_type)]
    g = items.merge(_per_item(_current(t, p), items), how="left", left_on="code",
                    right_index=True)

    needs = g["needs_baseline"].astype(bool)
    period_end = pd.Timestamp(p["end_date"])
    value_end = pd.to_datetime(g["value_end"])
    g["value_carried"] = (value_end < period_end).fillna(False)
    g["reported_now"] = (value_end == period_end).fillna(False)
    g["baseline_reported"] = g["base_value"]
    g["baseline"] = g["base_value"].fillna(g["first_value"]).where(needs, 0.0)
    g["baseline_source"] = np.select(
        [~needs, g["base_value"].notna(), g["first_value"].notna()],
        ["zero", "reported", "estimated"], default="none")
    g["baseline_from"] = g["base_period"].fillna(g["first_period"]).where(needs)
    unknown = needs & g["base_value"].isna() & (g["value_dates"].fillna(0) < 2)

    qualitative = g["comparator"] == "qualitative"
    g["reference"] = g["threshold_low"].where(~qualitative, g["threshold_low"].fillna(100.0))
    year_start = pd.to_datetime(g["year_start"])
    after_end = pd.Series(period_end + pd.Timedelta(days=1), index=g.index)
    after_horizon = pd.to_datetime(g["horizon_end"]) + pd.Timedelta(days=1)
    months = _months_between(year_start, after_end)
    horizon = _months_between(year_start, after_horizon).clip(lower=1)
    g["elapsed"] = (months / horizon).clip(0.0, 1.0)
    deadline = pd.to_datetime(g["deadline"])
    g["deadline_passed"] = ((as_of > deadline) & (period_end >= deadline)).fillna(False)
    g["report_overdue"] = as_of > pd.Timestamp(p["report_deadline"])

    comparator, actual, reference = g["comparator"], g["actual"], g["reference"]
    lower_better = comparator.isin(["<", "<="])
    g["achieved"] = _achieved(comparator, reference, actual)
    start = g["baseline"].where(~unknown)  # an estimate from the only value: unknown
    at_baseline = _achieved(comparator, reference, start)
    flat = (reference - start).abs() <= EPS
    maintained = (~qualitative & (at_baseline.fillna(False).astype(bool) | flat)).fillna(False)
    g["maintained"] = maintained.astype(bool)
    raw = (actual - start) / (reference - start)
    raw = raw.where(~maintained, (actual / reference.where(reference != 0)))
    low_held = maintained & lower_better
    raw = raw.where(~low_held, (reference / actual).where(actual > EPS, 1.0))
    raw = raw.where(actual.notna() & reference.notna())
    raw = raw.where(start.notna() | maintained)
    met = g["achieved"].fillna(False).astype(bool)
    g["completion"] = raw.where(met | ~(raw > UNMET_CAP), UNMET_CAP)
    g["expected"] = (start + (reference - start) * g["elapsed"]).where(~maintained, reference)
    g["expected_completion"] = g["elapsed"].where(~maintained, 1.0)
    g["gap"] = (actual - reference).where(lower_better, reference - actual)
    g["report_missing"] = g["report_overdue"] & ~g["reported_now"]
    g["gap_share"] = g["gap"] / reference.abs().where(reference.abs() > 0)

    c, e = g["completion"], g["expected_completion"]
    reasons = [
        (actual.isna() & g["deadline_passed"], "deadline_passed_unreported"),
        (actual.isna() & g["report_overdue"], "report_overdue"),
        (actual.isna(), "not_reported"),
        (g["achieved"] == True, "achieved"),  # noqa: E712 (NULL is not True)
        (g["deadline_passed"], "deadline_passed"),
        (maintained & (c >= red_factor - EPS), "below_threshold"),
        (maintained, "below_half_threshold"),
        (c.isna(), "no_baseline"),
        (c >= e - EPS, "on_trajectory"),
        (c >= red_factor * e - EPS, "below_trajectory"),
    ]
    g["status_reason"] = np.select([cond.fillna(False).astype(bool) for cond, _ in reasons],
                                   [name for _, name in reasons],
                                   default="below_half_trajectory")
    g["status"] = g["status_reason"].map(STATUS_OF_REASON)
    g["is_parent"] = False
    g["plan_item"] = g["parent_code"].isna()
    g["weakest_part"] = None
    return g


def _parents(leaves: pd.DataFrame, urgency: pd.Series) -> pd.DataFrame:
    """One row per parent task: met when every part is, else its most urgent part's
    status (ties: the first part in the appendix), as nq57_gaps_for rolls them up."""
    parts = leaves[leaves["parent_code"].notna()].assign(
        urgency=lambda f: f["status"].map(urgency))
    if parts.empty:
        return parts
    weakest = (parts.sort_values(["urgency", "sort_key"])
               .drop_duplicates("parent_code").set_index("parent_code"))
    grouped = parts.groupby("parent_code")
    done = grouped["status"].apply(lambda s: (s == "achieved").sum())
    size = grouped.size()
    some = grouped["completion"].count() > 0
    mean = grouped["completion"].apply(lambda s: s.fillna(0.0).mean())
    rolled = pd.DataFrame({
        "code": size.index, "item_type": "task", "parts": size.values,
        "parts_achieved": done.values, "weakest_part": weakest["code"].reindex(size.index).values,
        "completion": mean.where(some).values,
    })
    rolled["status"] = np.where(rolled["parts_achieved"] == rolled["parts"], "achieved",
                                weakest["status"].reindex(size.index).values)
    rolled["status_reason"] = np.where(rolled["parts_achieved"] == rolled["parts"],
                                       "all_parts_achieved", "weakest_part")
    rolled["is_parent"] = True
    rolled["plan_item"] = True
    return rolled


def gaps(t: Tables, period: str, as_of: pd.Timestamp, item_type: str = "target"
         ) -> pd.DataFrame:
    """One row per item of the period's year with actual, baseline, completion and
    status, and one per parent task, as nq57_gaps_for(period, as_of, type, NULL, NULL)
    gives them."""
    p = t.periods.loc[t.periods["code"] == period].iloc[0]
    leaves = _leaves(t, p, as_of, item_type)
    urgency = t.statuses.set_index("code")["urgency"]
    rows = pd.concat([leaves, _parents(leaves, urgency)], ignore_index=True)
    return rows.reset_index(drop=True)
