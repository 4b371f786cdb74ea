"""Commend and criticise: units ranked by the share of their items done on time (and,
once the evidence review says so, with evidence accepted), with the items that drive
each unit's place. The plan asks the secretariat to propose both.

The statuses are the status engine's (queries/league/items.sql reads
nq57_items_explained); this module only counts and orders them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from nq57 import clock, labels
from nq57.db import Store

# Statuses that count as done on time, until evidence review says otherwise.
ON_TIME = frozenset({"achieved", "on_track"})
# The gaps rows' `review_state` values that mean evidence accepted (evidence review).
EVIDENCE_ACCEPTED_STATES = frozenset({"accepted"})
REVIEW_COLUMN = "review_state"
# Proposals: commend a unit with at least this share on time and no item in red;
# criticise one with less than this share on time or at least this share in red.
COMMEND_AT = 0.8
CRITICISE_BELOW = 0.5
CRITICISE_RED_AT = 0.25
# Items shown on each side (best, worst) of each unit.
DRIVERS = 2

UNIT_COLUMNS = ("rank", "unit", "unit_name", "unit_short", "items", "on_time",
                "on_time_share", "evidence_accepted", "evidence_accepted_share", "red",
                "red_share", "behind", "unreported", "proposal")
DRIVER_COLUMNS = ("unit", "unit_name", "side", "item_type", "code", "name", "status",
                  "completion", "expected", "pace")


def items(store: Store, period: str, *, as_of: date | str | None = None,
          units: Sequence[str] | None = None, group: str | None = None) -> pd.DataFrame:
    """Every target and task of the period with its status, lead unit and pace: what
    table() and drivers() count and order (read once, used by both)."""
    return store.frame("league/items", period=str(period), as_of=clock.today(as_of),
                       units=list(units) if units else None, group=group)


def proposal(on_time_share: float, red_share: float) -> str | None:
    """'commend', 'criticise' or None, by the shares stated above."""
    if on_time_share >= COMMEND_AT - 1e-9 and red_share <= 1e-9:
        return "commend"
    if on_time_share < CRITICISE_BELOW - 1e-9 or red_share >= CRITICISE_RED_AT - 1e-9:
        return "criticise"
    return None


def table(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per lead unit, best first: items, done on time (count and share),
    evidence accepted (NA while the rows carry no review state), red, behind,
    unreported, rank (ties share a rank) and the proposal."""
    if rows.empty:
        return pd.DataFrame(columns=list(UNIT_COLUMNS))
    reviewed = REVIEW_COLUMN in rows.columns
    frame = rows.assign(
        on_time=rows["status"].isin(ON_TIME),
        red=rows["status"] == "red",
        behind=rows["status"] == "behind",
        unreported=rows["status"].isin(["overdue_report", "no_data"]),
        evidence_accepted=(rows[REVIEW_COLUMN].isin(EVIDENCE_ACCEPTED_STATES)
                           if reviewed else False),
    )
    grouped = frame.groupby("lead_unit", sort=False)
    result = pd.DataFrame({
        "unit": list(grouped.groups),
        "unit_name": grouped["lead_unit_name"].first().to_numpy(),
        "unit_short": grouped["lead_unit_short"].first().to_numpy(),
        "items": grouped.size().to_numpy(),
        "on_time": grouped["on_time"].sum().to_numpy(),
        "red": grouped["red"].sum().to_numpy(),
        "behind": grouped["behind"].sum().to_numpy(),
        "unreported": grouped["unreported"].sum().to_numpy(),
        "evidence_accepted": grouped["evidence_accepted"].sum().to_numpy(),
    })
    result["on_time_share"] = result["on_time"] / result["items"]
    result["red_share"] = result["red"] / result["items"]
    if reviewed:
        result["evidence_accepted_share"] = result["evidence_accepted"] / result["items"]
    else:
        result["evidence_accepted"] = pd.NA
        result["evidence_accepted_share"] = float("nan")
    order = ["on_time_share", "evidence_accepted_share", "red_share", "unreported"]
    result = result.sort_values([*order, "unit"], ascending=[False, False, True, True, True],
                                na_position="last", kind="stable").reset_index(drop=True)
    # Sorted, so equal keys are neighbours: a tie shares the rank of its first row.
    keys = result[order].fillna(-1).apply(tuple, axis=1)
    first = ~keys.duplicated()
    result["rank"] = pd.Series(range(1, len(result) + 1)).where(first).ffill().astype(int)
    result["proposal"] = [proposal(o, r) for o, r in zip(result["on_time_share"],
                                                         result["red_share"], strict=True)]
    return result[list(UNIT_COLUMNS)]


def drivers(rows: pd.DataFrame, per_side: int = DRIVERS) -> pd.DataFrame:
    """The items that drive each unit's place: its best items done on time (furthest
    ahead first) and its worst items not (red and unreported first, then the
    furthest behind)."""
    if rows.empty:
        return pd.DataFrame(columns=list(DRIVER_COLUMNS))
    rank = {status: i for i, status in enumerate(labels.STATUS_URGENCY)}
    frame = rows.assign(urgency=rows["status"].map(rank),
                        pace_key=rows["pace"].astype(float).fillna(0.0))
    parts = []
    for _unit, unit_rows in frame.groupby("lead_unit", sort=False):
        good = unit_rows[unit_rows["status"].isin(ON_TIME)].sort_values(
            ["urgency", "pace_key", "sort_key"], ascending=[False, False, True],
            kind="stable").head(per_side)
        bad = unit_rows[~unit_rows["status"].isin(ON_TIME)].sort_values(
            ["urgency", "pace_key", "sort_key"], ascending=[True, True, True],
            kind="stable").head(per_side)
        parts += [good.assign(side="best"), bad.assign(side="worst")]
    found = pd.concat(parts, ignore_index=True) if parts else frame.head(0).assign(side=None)
    return found.rename(columns={"lead_unit": "unit", "lead_unit_name": "unit_name"})[
        list(DRIVER_COLUMNS)]


def league(store: Store, period: str, *, as_of: date | str | None = None,
           units: Sequence[str] | None = None, group: str | None = None) -> pd.DataFrame:
    """Lead units ranked by the share of their targets and tasks done on time."""
    return table(items(store, period, as_of=as_of, units=units, group=group))


def league_drivers(store: Store, period: str, *, as_of: date | str | None = None,
                   units: Sequence[str] | None = None, group: str | None = None,
                   per_side: int = DRIVERS) -> pd.DataFrame:
    """Each unit's best and worst items (see drivers())."""
    return drivers(items(store, period, as_of=as_of, units=units, group=group), per_side)
