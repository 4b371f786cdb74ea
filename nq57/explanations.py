"""Explanations when behind (giải trình): a value that leaves its item behind or in
red is not stored without a short explanation, a cause and, optionally, the support
the unit asks of the province.

The rule is here, once, for every door: the Excel import (file columns), the page
that asks for what the file lacks, and `python -m nq57 explain`. Whether a value
would leave its item behind is decided by the status engine itself, on the would-be
state (the values stored in a transaction that is always rolled back). Explanations
are appended, never changed; each explains one reported revision and is in force
while that revision is the current value (queries/definitions/040_explanations.sql).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any

import duckdb
import pandas as pd

from nq57 import audit, clock, db, labels, locks, policy, status
from nq57.cells import records, text, whole
from nq57.db import Store
from nq57.policy import Actor
from nq57.text import compact, nfc

# Cause categories, in the order people choose from (labels.EXPLANATION_CAUSES).
CAUSES: tuple[str, ...] = (
    "funding", "staffing", "policy", "awaiting_guidance", "objective", "other",
)
MIN_LENGTH = 20
MAX_LENGTH = 2000
# Statuses a report cannot be saved in without an explanation.
NEEDS_EXPLANATION = frozenset({"behind", "red"})
# Message codes of this rule (labels.EXPLANATION_MESSAGES; located in files through
# labels.EXCEL_MESSAGES).
PROBLEM_CODES = frozenset({
    "explanation_missing", "explanation_too_short", "explanation_too_long",
    "explanation_text_missing", "cause_missing", "cause_unknown", "support_too_long",
})
AUDIT_ACTION = "explain"


class ExplanationRefused(ValueError):
    """An explanation that cannot be stored; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Given:
    """What a person wrote for one item, as typed: file cells or the page's fields."""

    explanation: str | None = None
    cause: str | None = None
    support: str | None = None

    @property
    def empty(self) -> bool:
        return not any(_clean(v) for v in (self.explanation, self.cause, self.support))


@dataclass(frozen=True)
class Explanation:
    """A checked explanation, as it is stored."""

    explanation: str
    cause: str                 # one of CAUSES
    support: str | None = None


@dataclass(frozen=True)
class Issue:
    """One thing wrong with what was given: the field it concerns, a message code of
    labels.EXPLANATION_MESSAGES and the values its message needs."""

    part: str                  # "explanation", "cause" or "support"
    code: str
    values: dict[str, Any] = field(default_factory=dict)

    def message(self) -> str:
        return labels.EXPLANATION_MESSAGES[self.code].format(**self.values)


@dataclass(frozen=True)
class Judged:
    """An item's status as the engine gives it on the would-be state, and why."""

    status: str
    reason: str                # in words (status.explain), where it needs explaining


def _clean(text: object) -> str | None:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return None
    cleaned = nfc(str(text)).strip()
    return cleaned or None


def cause_label(code: str) -> str:
    return labels.EXPLANATION_CAUSES[code]


def cause_labels() -> str:
    """The six causes as a list people read: «Thiếu kinh phí», «Thiếu nhân lực», …"""
    return ", ".join(f"«{labels.EXPLANATION_CAUSES[c]}»" for c in CAUSES)


def cause_code(text: object) -> str | None:
    """The cause code for a label or a code typed any way (case, accents and spacing
    do not matter); None if it names no cause."""
    typed = _clean(text)
    if typed is None:
        return None
    return _cause_names().get(compact(typed))


@cache
def _cause_names() -> dict[str, str]:
    """Every way of writing a cause, folded -> its code."""
    names = {compact(labels.EXPLANATION_CAUSES[code]): code for code in CAUSES}
    return names | {compact(code): code for code in CAUSES}


def needs_explanation(item_status: object) -> bool:
    """Would a value in this status need an explanation to be stored?"""
    return item_status in NEEDS_EXPLANATION


def check_given(given: Given) -> tuple[Explanation | None, list[Issue]]:
    """The rule for what was written, whatever the status: nothing at all, or an
    explanation of MIN_LENGTH..MAX_LENGTH characters with a known cause (support
    optional, at most MAX_LENGTH). Returns the explanation when it holds."""
    text, cause, support = (_clean(given.explanation), _clean(given.cause),
                            _clean(given.support))
    if text is None and cause is None and support is None:
        return None, []
    issues: list[Issue] = []
    if text is None:
        issues.append(Issue("explanation", "explanation_text_missing", {"min": MIN_LENGTH}))
    elif len(text) < MIN_LENGTH:
        issues.append(Issue("explanation", "explanation_too_short",
                            {"length": len(text), "min": MIN_LENGTH}))
    elif len(text) > MAX_LENGTH:
        issues.append(Issue("explanation", "explanation_too_long",
                            {"length": len(text), "limit": MAX_LENGTH}))
    code = cause_code(cause)
    if cause is None:
        issues.append(Issue("cause", "cause_missing", {"causes": cause_labels()}))
    elif code is None:
        issues.append(Issue("cause", "cause_unknown",
                            {"text": cause[:60], "causes": cause_labels()}))
    if support is not None and len(support) > MAX_LENGTH:
        issues.append(Issue("support", "support_too_long",
                            {"length": len(support), "limit": MAX_LENGTH}))
    if issues or text is None or code is None:
        return None, issues
    return Explanation(text, code, support), []


def missing_issue(item: str, judged: Judged) -> Issue:
    """The issue of a value that leaves its item behind or red with no explanation."""
    return Issue("explanation", "explanation_missing", {
        "code": item, "state": labels.EXPLANATION_STATES[judged.status],
        "reason": judged.reason[:1].lower() + judged.reason[1:], "min": MIN_LENGTH})


# --- the would-be state ----------------------------------------------------------------

@contextmanager
def _trial(store: Store) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection whose writes are always rolled back."""
    with db.write_lock(), store.connect() as con:
        con.begin()
        try:
            yield con
        finally:
            con.rollback()


def judge(store: Store, unit: str, period: str, values: Mapping[str, float], *,
          as_of: date | str | None = None) -> dict[str, Judged]:
    """Each item's status had `values` (item -> value) been stored for `unit` and
    `period`: the status engine's own answer, read after storing them in a
    transaction that is then rolled back. Items of a period that has no status (a
    baseline period) are left out."""
    if not values:
        return {}
    incoming = pd.DataFrame({
        "item_code": list(values), "value": [float(v) for v in values.values()],
        "note": [None] * len(values), "evidence": [None] * len(values),
    }).astype({"item_code": "string", "note": "string", "evidence": "string"})
    judged: dict[str, Judged] = {}
    with _trial(store) as con:
        at = datetime.now()
        upload_id = store.rows("explanations/would_be_upload", con, unit=unit,
                               period=period, uploaded_at=at)[0]["id"]
        con.register("incoming", incoming)
        try:
            store.execute("explanations/would_be_actuals", con, unit=unit, period=period,
                          upload_id=upload_id, recorded_at=at)
        finally:
            con.unregister("incoming")
        for item_type in ("target", "task"):
            rows = status.gaps(store, period, as_of=clock.today(as_of), item_type=item_type,
                               con=con)
            wanted = [code in values and owner == unit
                      for code, owner in zip(rows["code"], rows["reporting_unit"], strict=True)]
            mine = rows[pd.Series(wanted, index=rows.index, dtype=bool)]
            for code, item_status in zip(mine["code"], mine["status"], strict=True):
                judged[text(code)] = Judged(text(item_status), "")
            # The reason in words only where a message will say it.
            for row in records(mine[mine["status"].isin(sorted(NEEDS_EXPLANATION))]):
                judged[text(row["code"])] = Judged(text(row["status"]), status.explain(row))
    return judged


# --- storing -------------------------------------------------------------------------

def in_force(store: Store, unit: str, period: str,
             con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """The explanations in force for a unit's items in a period, with the revision
    (upload) each explains."""
    return store.frame("explanations/in_force_for_unit_period", con, unit=unit,
                       period=period)


def _same(row: Mapping[str, Any], upload_id: int | None, given: Explanation) -> bool:
    def plain(value: object) -> object:
        return None if value is None or (isinstance(value, float) and math.isnan(value)) \
            else value

    return (plain(row["upload_id"]) == upload_id and row["explanation"] == given.explanation
            and row["cause"] == given.cause and plain(row["support_requested"]) == given.support)


def record(store: Store, con: duckdb.DuckDBPyConnection, actor: Actor, unit: str,
           period: str, explained: Mapping[str, Explanation], *,
           statuses: Mapping[str, str | None] | None = None,
           at: datetime | None = None, note: str | None = None) -> int:
    """Store explanations of a unit's current values (item -> explanation) inside the
    caller's transaction, after the values themselves, signed by the account; returns
    how many were stored. An explanation identical to the one in force is not stored
    again."""
    if not explained:
        return 0
    policy.require(actor, policy.EXPLAIN, unit)
    at = at or datetime.now()
    current = store.frame("revisions/current_for_unit_period", con, unit=unit, period=period)
    revision = {text(r["item_code"]): whole(r["upload_id"]) for r in records(current)}
    existing = {text(r["item_code"]): r for r in records(in_force(store, unit, period, con))}
    stored = []
    for item, given in explained.items():
        upload_id = revision.get(item)
        if item in existing and _same(existing[item], upload_id, given):
            continue
        stored.append({"item_code": item, "upload_id": upload_id,
                       "status": (statuses or {}).get(item), "cause": given.cause,
                       "explanation": given.explanation, "support_requested": given.support})
    if not stored:
        return 0
    incoming = pd.DataFrame(stored, columns=list(stored[0])).astype({
        "item_code": "string", "upload_id": "Int64", "status": "string", "cause": "string",
        "explanation": "string", "support_requested": "string"})
    con.register("incoming_explanations", incoming)
    try:
        store.execute("explanations/insert_many", con, unit=unit, period=period,
                      recorded_at=at, recorded_by=actor.signature)
    finally:
        con.unregister("incoming_explanations")
    audit.record(store, con, actor, AUDIT_ACTION, object_type="explanations",
                 object_id=f"{unit}/{period}", note=note, at=at,
                 after={"count": len(stored), "items": [row["item_code"] for row in stored],
                        "causes": sorted({str(row["cause"]) for row in stored})})
    return len(stored)


def explain(store: Store, actor: Actor, item: str, unit: str, period: str, given: Given, *,
            as_of: date | str | None = None, at: datetime | None = None) -> Explanation:
    """Give or replace the explanation of one item's current value (or of its
    absence, for an item not reported in the period): the door of the page's form
    and `python -m nq57 explain`. ExplanationRefused says why it cannot be stored."""
    explanation, issues = check_given(given)
    if issues:
        raise ExplanationRefused(" ".join(i.message() for i in issues))
    if explanation is None:
        raise ExplanationRefused(labels.EXPLANATION_MESSAGES["explanation_text_missing"]
                                 .format(min=MIN_LENGTH))
    policy.require(actor, policy.EXPLAIN, unit)
    with store.transaction() as con:
        items = store.rows("explanations/reported_item", con, item=item, period=period)
        if not items:
            raise ExplanationRefused(labels.EXPLANATION_MESSAGES["not_an_item"].format(
                code=item, period=period))
        if items[0]["reporting_unit"] != unit:
            raise ExplanationRefused(labels.EXPLANATION_MESSAGES["not_reporting_unit"]
                                     .format(code=item, unit=unit,
                                             owner=items[0]["reporting_unit"]))
        locks.require_open(store, con, actor, period, change="explain",
                           detail={"unit": unit, "item": item})
        rows = status.gaps(store, period, as_of=clock.today(as_of),
                           item_type=items[0]["item_type"], con=con)
        found = rows[rows["code"] == item]
        item_status = str(found["status"].iloc[0]) if len(found) else None
        record(store, con, actor, unit, period, {item: explanation},
               statuses={item: item_status}, at=at)
    return explanation


# --- reading: the rows and their roll-ups -----------------------------------------------

def _scope(period: str, as_of: date | str | None, units: Sequence[str] | None,
           group: str | None) -> dict[str, Any]:
    return {"period": str(period), "as_of": clock.today(as_of),
            "units": list(units) if units else None, "group": group}


def _with_cause_labels(frame: pd.DataFrame, column: str = "cause",
                       target: str = "cause_label") -> pd.DataFrame:
    frame = frame.copy()
    frame[target] = pd.Series(
        [labels.EXPLANATION_CAUSES.get(c, "") if isinstance(c, str) else None
         for c in frame[column]], index=frame.index, dtype=object)
    return frame


def explanations(store: Store, period: str, *, units: Sequence[str] | None = None,
                 group: str | None = None, as_of: date | str | None = None,
                 con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """The explanations in force for a period, one row per explained item: unit_code,
    unit_name, item_type, code, name, status (now), cause, cause_label, explanation,
    support_requested, recorded_at, recorded_by. What the briefing quotes."""
    return _with_cause_labels(store.frame("explanations/rows", con,
                                          **_scope(period, as_of, units, group)))


def explanations_by_cause(store: Store, period: str, *, units: Sequence[str] | None = None,
                          group: str | None = None, as_of: date | str | None = None,
                          con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Explanations counted by cause: cause, cause_label, items, units, still_behind,
    red, support_requests; most frequent cause first."""
    return _with_cause_labels(store.frame("explanations/by_cause", con,
                                          **_scope(period, as_of, units, group)))


def explanations_by_unit(store: Store, period: str, *, units: Sequence[str] | None = None,
                         group: str | None = None, as_of: date | str | None = None,
                         con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Per unit: items behind or red, explained, unexplained, explanations,
    support_requests, main_cause (+ main_cause_label); units with most unexplained
    items first."""
    return _with_cause_labels(store.frame("explanations/by_unit", con,
                                          **_scope(period, as_of, units, group)),
                              "main_cause", "main_cause_label")


def support_requests(store: Store, period: str, *, units: Sequence[str] | None = None,
                     group: str | None = None, as_of: date | str | None = None,
                     con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """What units ask of the province: unit_code, unit_name, item_type, code, name,
    status, cause, cause_label, support_requested, explanation, recorded_at,
    recorded_by."""
    return _with_cause_labels(store.frame("explanations/support", con,
                                          **_scope(period, as_of, units, group)))


def history(store: Store, item: str, unit: str | None = None) -> pd.DataFrame:
    """Every explanation of an item (by one unit, or all), newest first, with the
    one in force marked."""
    return _with_cause_labels(store.frame("explanations/history", item=item, unit=unit))


def remove_demo(store: Store, con: duckdb.DuckDBPyConnection) -> None:
    """Delete the explanations of demo values, inside the demo removal's transaction."""
    store.execute("explanations/remove_demo", con, demo_author=labels.DEMO_AUTHOR)
