"""An administrator's corrections of the catalogue without editing the transcribed CSV:
thresholds, comparators, deadlines, lead units, units' names and new units.

Each correction is a row (what, which field, the new value, who, when, why) applied
over the catalogue tables right away and again after every reload of data/*.csv, so
every view, page and export sees the corrected catalogue. Lead units keep their own
table (lead_assignments, read by v_items, which also clears the 'assumed' mark);
catalogue.assign_lead writes it and this module routes lead corrections there, so a
person has one door for every correction. Each one is audited with before and after.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb
import pandas as pd

from nq57 import audit, catalogue, labels, policy
from nq57.db import Store
from nq57.policy import Actor

T = labels.CORRECTION_MESSAGES

COMPARATORS = ("<", "<=", "=", ">", ">=", "between", "qualitative")
# object type -> correctable fields, with the action that may correct them.
FIELDS: dict[str, tuple[str, ...]] = {
    "target": ("comparator", "threshold_low", "threshold_high", "lead_unit"),
    "task": ("deadline", "lead_unit"),
    "unit": ("name", "short_name"),
}
_ROW_QUERIES = {"target": "corrections/target", "task": "corrections/task",
                "unit": "corrections/unit"}
# A field whose correction settles an assumption -> the flag that marked it (a deadline
# the scan lost); the audit entry records the flag before and after.
SETTLES: dict[tuple[str, str], str] = {("task", "deadline"): "deadline_assumed"}
UNIT_CODE = re.compile(r"^[A-Z0-9_]{2,20}$")
MAX_REASON, MAX_NAME = 500, 200
# Deadlines an admin may set: within the plan's horizon.
FIRST_DEADLINE, LAST_DEADLINE = date(2025, 1, 1), date(2030, 12, 31)


class CorrectionError(ValueError):
    """A correction that cannot be made; the message says why."""


@dataclass(frozen=True)
class Correction:
    object_type: str
    code: str
    field: str
    before: Any
    after: Any


def apply(store: Store, con: duckdb.DuckDBPyConnection) -> None:
    """Lay every correction over the catalogue tables (inside the caller's transaction)."""
    store.execute("corrections/apply", con)


def history(store: Store) -> pd.DataFrame:
    """Every correction and lead assignment, newest first."""
    return store.frame("corrections/history")


def _reason(reason: str | None) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise CorrectionError(T["need_reason"])
    if len(text) > MAX_REASON:
        raise CorrectionError(T["reason_long"].format(maximum=MAX_REASON))
    return text


def _number(text: object) -> float | None:
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    try:
        value = float(str(text).strip().replace(",", "."))
    except ValueError as exc:
        raise CorrectionError(T["not_a_number"].format(value=str(text)[:40])) from exc
    if not math.isfinite(value) or abs(value) > 1e12:
        raise CorrectionError(T["not_a_number"].format(value=str(text)[:40]))
    return value


def _current(store: Store, con: duckdb.DuckDBPyConnection, object_type: str,
             code: str) -> dict[str, Any]:
    found = store.rows(_ROW_QUERIES[object_type], con, code=code)
    if not found:
        key = "unknown_unit" if object_type == "unit" else "unknown_item"
        raise CorrectionError(labels.MESSAGES[key].format(code=code, known=""))
    return found[0]


def _value(field: str, row: dict[str, Any], value: object) -> str | None:
    """The new value as stored (text), checked for its field."""
    if field == "comparator":
        text = str(value).strip()
        if text not in COMPARATORS:
            raise CorrectionError(T["bad_comparator"].format(
                value=text[:20], known=", ".join(COMPARATORS)))
        return text
    if field in ("threshold_low", "threshold_high"):
        number = _number(value)
        if number is not None and number < 0:
            raise CorrectionError(T["negative"])
        if number is not None and str(row["unit_of_measure"]).startswith("%") and number > 100:
            raise CorrectionError(T["over_100"])
        return None if number is None else repr(number)
    if field == "deadline":
        try:
            day = value if isinstance(value, date) else date.fromisoformat(str(value).strip())
        except ValueError as exc:
            raise CorrectionError(labels.MESSAGES["bad_date"].format(text=value)) from exc
        if not FIRST_DEADLINE <= day <= LAST_DEADLINE:
            raise CorrectionError(T["deadline_range"].format(
                first=FIRST_DEADLINE.year, last=LAST_DEADLINE.year))
        return day.isoformat()
    return _name(value)


def _name(value: object) -> str:
    text = " ".join(str(value or "").split())
    if not text or len(text) > MAX_NAME:
        raise CorrectionError(T["bad_name"].format(maximum=MAX_NAME))
    return text


def correct(store: Store, actor: Actor, object_type: str, code: str, field: str,
            value: object, reason: str, at: datetime | None = None) -> Correction:
    """Correct one field of a target, task or unit; refused (nothing changes) if the
    catalogue would contradict itself (e.g. a range whose upper bound is below its
    lower bound)."""
    if object_type not in FIELDS or field not in FIELDS[object_type]:
        known = "; ".join(f"{kind}: {', '.join(fields)}" for kind, fields in FIELDS.items())
        raise CorrectionError(T["bad_field"].format(field=field, known=known))
    policy.require(actor, policy.EDIT_UNITS if object_type == "unit" else policy.EDIT_CATALOGUE)
    reason = _reason(reason)
    if field == "lead_unit":
        before, after = catalogue.assign_lead(store, actor, code, str(value), reason, at)
        return Correction(object_type, code, field, before, after)
    at = at or datetime.now()
    with store.transaction() as con:
        row = _current(store, con, object_type, code)
        stored = _value(field, row, value)
        before = _plain(row[field])
        shown = (field, *[flag for key, flag in SETTLES.items() if key == (object_type, field)])
        store.execute("corrections/insert", con, object_type=object_type, code=code,
                      field=field, value=stored, corrected_by=actor.signature,
                      corrected_at=at, reason=reason)
        apply(store, con)
        _refuse_contradictions(store, con)
        now = _current(store, con, object_type, code)
        after = _plain(now[field])
        audit.record(store, con, actor, "correct_catalogue", object_type=object_type,
                     object_id=code, before={f: _plain(row[f]) for f in shown},
                     after={f: _plain(now[f]) for f in shown}, note=reason, at=at)
    return Correction(object_type, code, field, before, after)


def add_unit(store: Store, actor: Actor, code: str, name: str, short_name: str | None,
             kind: str, reason: str, parent_code: str | None = None,
             at: datetime | None = None) -> Correction:
    """A unit the documents do not list (a commune, a new office), kept across reloads."""
    policy.require(actor, policy.EDIT_UNITS)
    reason = _reason(reason)
    clean = str(code).strip().upper()
    if not UNIT_CODE.match(clean):
        raise CorrectionError(T["bad_unit_code"].format(code=str(code)[:30]))
    if kind not in labels.UNIT_KIND_LABELS or kind == "collective":
        known = ", ".join(k for k in labels.UNIT_KIND_LABELS if k != "collective")
        raise CorrectionError(T["bad_kind"].format(kind=kind, known=known))
    full, short = _name(name), _name(short_name or name)
    at = at or datetime.now()
    with store.transaction() as con:
        if store.rows("corrections/unit", con, code=clean):
            raise CorrectionError(T["unit_exists"].format(code=clean))
        parent = catalogue.resolve_unit(store, parent_code, con) if parent_code else None
        added = {"name": full, "short_name": short, "kind": kind, "parent_code": parent,
                 "note": None}
        store.execute("corrections/insert", con, object_type="unit", code=clean,
                      field="added", value=json.dumps(added, ensure_ascii=False),
                      corrected_by=actor.signature, corrected_at=at, reason=reason)
        apply(store, con)
        _refuse_contradictions(store, con)
        audit.record(store, con, actor, "correct_catalogue", object_type="unit",
                     object_id=clean, before=None, after=added, note=reason, at=at)
    return Correction("unit", clean, "added", None, added)


def _refuse_contradictions(store: Store, con: duckdb.DuckDBPyConnection) -> None:
    problems = store.rows("catalogue/problems", con)
    if problems:
        listed = "; ".join(f"{p['code']}: {p['problem']}" for p in problems[:5])
        raise CorrectionError(T["contradiction"].format(problems=listed))


def _plain(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value
