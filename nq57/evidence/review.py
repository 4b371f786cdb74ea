"""The secretariat's review of evidence: accept it, or send it back with a reason (and,
when the evidence does not prove the result, the insufficient-quality flag that raises
the plan's third red warning).

Review states of a reported value (queries/definitions/030_review.sql decides them):
  missing    nothing attached     — an item reported achieved is "Chờ minh chứng"
  pending    awaiting review      — still counts as achieved, flagged; "Chờ thẩm định"
                                    as verified
  accepted   the reviewer accepted it for this value
  sent_back  the reviewer sent it back — "Chờ hoàn thiện", scores nothing (or red,
             when flagged as insufficient quality)
A decision holds for the value it was made on: a new value, or new evidence, goes back
to the queue. Decisions are appended, never changed; each is audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import pandas as pd

from nq57 import audit, clock, fmt, labels, locks, policy
from nq57.db import Store
from nq57.periods import parse_period
from nq57.policy import Actor

STATES: tuple[str, ...] = ("missing", "pending", "accepted", "sent_back")
DECISIONS: tuple[str, ...] = ("accepted", "sent_back")
MAX_REASON = 2000
_MESSAGES = labels.EVIDENCE_MESSAGES


class ReviewError(ValueError):
    """A decision that cannot be taken: no such evidence, superseded, no reason."""


@dataclass(frozen=True)
class Decision:
    review_id: int
    evidence_id: int
    item: str
    unit: str
    period: str
    decision: str
    insufficient_quality: bool


def accept(store: Store, actor: Actor, evidence_id: int, *,
           at: datetime | None = None) -> Decision:
    """Accept the evidence for the value it supports now."""
    return _decide(store, actor, evidence_id, "accepted", None, False, at)


def send_back(store: Store, actor: Actor, evidence_id: int, reason: str, *,
              insufficient_quality: bool = False, at: datetime | None = None) -> Decision:
    """Send the evidence back to the unit with a reason it will see; flagged as of
    insufficient quality, the item turns red instead of "Chờ hoàn thiện"."""
    text = (reason or "").strip()
    if not text:
        raise ReviewError(_MESSAGES["need_reason"])
    if len(text) > MAX_REASON:
        raise ReviewError(_MESSAGES["reason_too_long"].format(length=len(text),
                                                              limit=MAX_REASON))
    return _decide(store, actor, evidence_id, "sent_back", text, insufficient_quality, at)


def _decide(store: Store, actor: Actor, evidence_id: int, decision: str, reason: str | None,
            insufficient: bool, at: datetime | None) -> Decision:
    policy.require(actor, policy.REVIEW_EVIDENCE)
    with store.transaction() as con:
        return decide(store, con, actor, evidence_id, decision, reason, insufficient, at)


def decide(store: Store, con: duckdb.DuckDBPyConnection, actor: Actor, evidence_id: int,
           decision: str, reason: str | None, insufficient: bool, at: datetime | None, *,
           audited: bool = True) -> Decision:
    """Record a decision inside the caller's transaction (accept() and send_back() check
    the reason and the account first; the demo records its own without an audit entry)."""
    policy.require(actor, policy.REVIEW_EVIDENCE)
    found = store.rows("evidence/get", con, evidence_id=int(evidence_id))
    if not found:
        raise ReviewError(_MESSAGES["unknown_evidence"].format(id=evidence_id))
    row = found[0]
    item, unit, period = row["item_code"], row["unit_code"], row["period_code"]
    if row["newest_id"] != row["id"]:
        raise ReviewError(_MESSAGES["stale"].format(
            id=evidence_id, item=item, unit=unit, period=period, newest=row["newest_id"]))
    current = store.rows("evidence/current_actual", con, item=item, unit=unit, period=period)
    if not current:
        raise ReviewError(_MESSAGES["nothing_to_review"].format(id=evidence_id))
    if audited:
        locks.require_open(store, con, actor, period, change=f"review_{decision}",
                           detail={"evidence": int(evidence_id), "item": item, "unit": unit})
    moment = at or datetime.now()
    review_id = int(store.rows(
        "evidence/insert_review", con, evidence_id=int(evidence_id),
        actual_id=current[0]["actual_id"], value=current[0]["value"], decision=decision,
        reason=reason, insufficient_quality=insufficient, decided_by=actor.signature,
        decided_role=actor.role, decided_at=moment)[0]["id"])
    if audited:
        audit.record(store, con, actor, f"review_{decision}", object_type="evidence",
                     object_id=str(evidence_id), at=moment, note=reason,
                     after={"item": item, "unit": unit, "period": period,
                            "decision": decision, "insufficient_quality": insufficient,
                            "value": current[0]["value"]})
    return Decision(review_id, int(evidence_id), item, unit, period, decision, insufficient)


# --- what reviewers and units read ------------------------------------------------------

def queue(store: Store, period: str, *, as_of: date | str | None = None,
          units: Sequence[str] | None = None, group: str | None = None,
          states: Sequence[str] = ("pending",)) -> pd.DataFrame:
    """Reported values of a period in the given review states (the review queue:
    pending), items reported achieved first, then the oldest evidence first."""
    unknown = set(states) - set(STATES)
    if unknown:
        raise ValueError(f"unknown review states {sorted(unknown)}")
    return store.frame("evidence/queue", period=str(period), as_of=clock.today(as_of),
                       units=list(units) if units else None, group=group,
                       states=list(states))


def sent_back_for(store: Store, period: str, *, unit: str,
                  as_of: date | str | None = None) -> pd.DataFrame:
    """A unit's values of a period whose evidence was sent back, with the reasons."""
    return store.frame("evidence/sent_back", unit=unit, period=str(period),
                       as_of=clock.today(as_of))


def review_notes(store: Store, unit: str, period: str,
                 con: duckdb.DuckDBPyConnection | None = None) -> dict[str, str]:
    """Per item, the sent-back reason the unit's template for `period` shows."""
    notes = {}
    for row in store.rows("evidence/review_notes", con, unit=unit, period=str(period)):
        notes[row["item_code"]] = labels.EXCEL_REVIEW_NOTE.format(
            period=parse_period(row["period_code"]).label, day=fmt.day(row["reviewed_at"]),
            quality=labels.EXCEL_REVIEW_QUALITY if row["insufficient_quality"] else "",
            reason=row["review_reason"])
    return notes


def reported_vs_verified(store: Store, period: str, *, as_of: date | str | None = None,
                         units: Sequence[str] | None = None,
                         group: str | None = None) -> pd.DataFrame:
    """Per lead unit: items reported achieved and what review made of them."""
    return store.frame("evidence/reported_vs_verified", period=str(period),
                       as_of=clock.today(as_of), units=list(units) if units else None,
                       group=group)


def status_views(store: Store, period: str, *, as_of: date | str | None = None,
                 units: Sequence[str] | None = None, group: str | None = None,
                 item_type: str = "target") -> pd.DataFrame:
    """Items per status as reported, official and verified, for one view."""
    return store.frame("evidence/status_views", period=str(period), as_of=clock.today(as_of),
                       units=list(units) if units else None, group=group,
                       item_type=item_type, statuses=list(labels.VERIFIED_STATUSES))
