"""Red warnings (cảnh báo đỏ), the plan's three: an item overdue against its
deadline, an item below half of where its timeline says it should be, an item whose
evidence the secretariat judged of insufficient quality.

Statuses come from the status engine only (nq57_gaps_for, through
queries/alerts/items.sql); which of its reasons is which warning is decided here, in
one mapping, so the engine can change its reasons and only this mapping follows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import pandas as pd

from nq57 import clock, explanations, fmt, labels, status
from nq57.cells import records
from nq57.db import Store

OVERDUE, BELOW_HALF, EVIDENCE_REJECTED = "overdue", "below_half_timeline", "evidence_rejected"
# Most pressing first: warnings are listed in this order.
RULES: tuple[str, ...] = (EVIDENCE_REJECTED, OVERDUE, BELOW_HALF)

# The status engine's reasons (gaps rows' `status_reason`) that are red warnings.
REASON_RULES: dict[str, str] = {
    "deadline_passed": OVERDUE,
    "below_half_trajectory": BELOW_HALF,
}
# Reasons of an item with no value for the period: a red warning (overdue) once the
# item's own deadline has passed (the row's `deadline_passed`).
UNREPORTED_REASONS = frozenset({"report_overdue", "not_reported", "deadline_passed_unreported"})
# The evidence review's verdict, read from the gaps rows (queries/definitions/
# 030_review.sql): the official reason 'evidence_rejected', or evidence sent back
# (`review_state`) flagged `insufficient_quality`.
EVIDENCE_REJECTED_REASONS = frozenset({"evidence_rejected"})
EVIDENCE_SENT_BACK = "sent_back"

# What `python -m nq57 warnings` prints, in this order.
FIELDS = ("kind", "code", "unit", "rule", "message", "days_overdue", "last_update",
          "explanation", "name", "unit_name", "status", "deadline", "cause",
          "cause_label", "support_requested")


def _flag(value: object) -> bool:
    return value is not None and not (isinstance(value, float) and pd.isna(value)) \
        and bool(value)


def evidence_rejected(row: Mapping[str, Any]) -> bool:
    """The hook for the evidence review: is this gaps row's evidence judged of
    insufficient quality (its official reason, or its review state and flag)?"""
    return (row.get("status_reason") in EVIDENCE_REJECTED_REASONS
            or (row.get("review_state") == EVIDENCE_SENT_BACK
                and _flag(row.get("insufficient_quality"))))


def rule_of(row: Mapping[str, Any]) -> str | None:
    """The warning rule a gaps row fires, or None: the one place where the engine's
    reasons become the plan's warnings."""
    if evidence_rejected(row):
        return EVIDENCE_REJECTED
    reason = row.get("status_reason")
    if reason in REASON_RULES:
        return REASON_RULES[str(reason)]
    if reason in UNREPORTED_REASONS and _flag(row.get("deadline_passed")):
        return OVERDUE
    if row.get("status") == "red":  # a red reason this mapping does not name yet
        return OVERDUE if _flag(row.get("deadline_passed")) else BELOW_HALF
    return None


def days_overdue(row: Mapping[str, Any], as_of: date) -> int:
    """Days since the item's deadline (0 while it has not passed)."""
    deadline = row.get("deadline")
    if deadline is None or (not isinstance(deadline, date) and pd.isna(deadline)):
        return 0
    return max(0, (as_of - pd.Timestamp(deadline).date()).days)


def message(row: Mapping[str, Any], rule: str, days: int) -> str:
    """The warning in words, e.g. 'Quá thời hạn 31/03/2026 đã 237 ngày mà chưa có
    báo cáo'."""
    texts = labels.ALERT_MESSAGES
    if rule == EVIDENCE_REJECTED:
        return texts[EVIDENCE_REJECTED]
    if rule == OVERDUE:
        actual = row.get("actual")
        key = "overdue_unreported" if actual is None or pd.isna(actual) else "overdue"
        return texts[key].format(deadline=fmt.day(row.get("deadline")), days=days,
                                 completion=fmt.share(row.get("completion"), 0))
    if row.get("status_reason") == "below_half_trajectory":
        return status.explain(row)
    return texts[BELOW_HALF].format(completion=fmt.share(row.get("completion"), 0),
                                    elapsed=fmt.share(row.get("elapsed"), 0))


def from_rows(rows: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """The red warnings among gaps rows (with their explanation columns), most pressing
    first: evidence rejected, then overdue (longest first), then below half; targets
    before tasks, each in catalogue order."""
    found = []
    for row in records(rows):
        rule = rule_of(row)
        if rule is None:
            continue
        days = days_overdue(row, as_of) if rule == OVERDUE else 0
        cause = row.get("cause")
        found.append({
            "kind": row["item_type"],
            "code": row["code"],
            "unit": row["lead_unit"],
            "rule": rule,
            "message": message(row, rule, days),
            "days_overdue": days,
            "last_update": row.get("last_update"),
            "explanation": row.get("explanation"),
            "name": row["name"],
            "unit_name": row.get("lead_unit_name"),
            "unit_short": row.get("lead_unit_short"),
            "reporting_unit": row.get("reporting_unit"),
            "group": row.get("group_code"),
            "status": row.get("status"),
            "status_reason": row.get("status_reason"),
            "deadline": row.get("deadline"),
            "cause": cause if isinstance(cause, str) else None,
            "cause_label": labels.EXPLANATION_CAUSES.get(cause) if isinstance(cause, str)
            else None,
            "support_requested": row.get("support_requested"),
            "rule_order": RULES.index(rule),
            "sort_key": row.get("sort_key"),
        })
    columns = [*FIELDS, "unit_short", "reporting_unit", "group", "status_reason",
               "rule_order", "sort_key"]
    frame = pd.DataFrame(found, columns=list(dict.fromkeys(columns)))
    frame = frame.sort_values(["rule_order", "days_overdue", "kind", "sort_key"],
                              ascending=[True, False, True, True], kind="stable")
    return frame.drop(columns=["rule_order"]).reset_index(drop=True)


def items(store: Store, period: str, *, as_of: date | str | None = None,
          units: Sequence[str] | None = None, group: str | None = None) -> pd.DataFrame:
    """Every target and task of a period as the engine judges it, with the
    explanation in force and the last update: what the warnings are picked from.
    Filtered by lead unit(s) and target group (a chosen group leaves tasks out)."""
    return store.frame("alerts/items", period=str(period), as_of=clock.today(as_of),
                       units=list(units) if units else None, group=group)


def warnings(store: Store, period: str, *, as_of: date | str | None = None,
             units: Sequence[str] | None = None, group: str | None = None) -> pd.DataFrame:
    """Every red warning of a period across targets and tasks, filtered by lead
    unit(s) and target group (a chosen group leaves tasks out), with the rule that
    fired, days overdue, last update and the unit's explanation."""
    day = clock.today(as_of)
    return from_rows(items(store, period, as_of=day, units=units, group=group), day)


def counts(found: pd.DataFrame) -> dict[str, int]:
    """Warnings per rule, and how many carry no explanation ('unexplained')."""
    by_rule = found["rule"].value_counts().to_dict() if len(found) else {}
    result = {rule: int(by_rule.get(rule, 0)) for rule in RULES}
    result["unexplained"] = int(found["explanation"].isna().sum()) if len(found) else 0
    return result


def explainable(rows: pd.DataFrame) -> pd.DataFrame:
    """Of items() rows, those a unit is expected to explain: behind, in red, or with a
    red warning (a task past its deadline and never reported)."""
    wanted = [explanations.needs_explanation(row["status"]) or rule_of(row) is not None
              for row in records(rows)]
    return rows[pd.Series(wanted, index=rows.index, dtype=bool)].reset_index(drop=True)


def to_explain(store: Store, period: str, *, as_of: date | str | None = None,
               units: Sequence[str] | None = None, group: str | None = None) -> pd.DataFrame:
    """The items a unit is expected to explain, with the explanation in force."""
    return explainable(items(store, period, as_of=as_of, units=units, group=group))
