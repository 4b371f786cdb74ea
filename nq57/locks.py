"""Period locks: after consolidation a reviewer or an admin closes a period, so the
figures the Steering Committee was given stay the figures on record.

A locked period refuses changes (values, evidence, review decisions) from everyone
but an admin, and each change an admin makes there leaves its own audit entry. Only
an admin unlocks. Locks are rows appended to `period_locks`; the latest row for a
period says whether it is locked, so their history is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb
import pandas as pd

from nq57 import audit, catalogue, fmt, labels, policy
from nq57.db import Store
from nq57.periods import parse_period
from nq57.policy import Actor


class PeriodLocked(PermissionError):
    """A change to a locked period by someone who is not an admin."""


class LockError(ValueError):
    """Locking a locked period, unlocking an open one, an unknown period."""


@dataclass(frozen=True)
class LockState:
    period: str
    locked: bool
    changed_by: str
    changed_at: datetime
    reason: str | None


def _label(period: str) -> str:
    return parse_period(period).label


def state(store: Store, period: str,
          con: duckdb.DuckDBPyConnection | None = None) -> LockState | None:
    """The period's latest lock or unlock (None: never locked)."""
    rows = store.rows("locks/current", con, period=period)
    if not rows:
        return None
    row = rows[0]
    return LockState(row["period_code"], bool(row["locked"]), row["changed_by"],
                     row["changed_at"], row["reason"])


def is_locked(store: Store, period: str, con: duckdb.DuckDBPyConnection | None = None) -> bool:
    found = state(store, period, con)
    return found is not None and found.locked


def _locked_message(found: LockState) -> str:
    return labels.LOCK_MESSAGES["locked"].format(
        period=_label(found.period), by=found.changed_by,
        at=f"{fmt.day(found.changed_at)} {found.changed_at:%H:%M}")


def require_open(store: Store, con: duckdb.DuckDBPyConnection, actor: Actor, period: str,
                 *, change: str, detail: dict[str, Any] | None = None) -> None:
    """Inside a write's transaction: refuse a change to a locked period unless the actor
    may change locked periods (an admin), in which case the change is audited as such."""
    found = state(store, period, con)
    if found is None or not found.locked:
        return
    if not policy.allowed(actor, policy.CHANGE_LOCKED):
        raise PeriodLocked(_locked_message(found))
    audit.record(store, con, actor, policy.CHANGE_LOCKED, object_type="period",
                 object_id=period, after={"change": change, **(detail or {})},
                 note=labels.ACTION_LABELS[policy.CHANGE_LOCKED])


def refusal(store: Store, actor: Actor, period: str) -> str | None:
    """What a page says before offering a change: the refusal this actor would get for
    this period, or None when the change is allowed."""
    found = state(store, period)
    if found is None or not found.locked or policy.allowed(actor, policy.CHANGE_LOCKED):
        return None
    return _locked_message(found)


def _known(store: Store, con: duckdb.DuckDBPyConnection, period: str) -> str:
    return catalogue.resolve_period(store, period, con, for_reporting=True).code


def lock(store: Store, actor: Actor, period: str, reason: str | None = None,
         at: datetime | None = None) -> LockState:
    """Close a period after consolidation (reviewer or admin)."""
    policy.require(actor, policy.LOCK_PERIOD)
    with store.transaction() as con:
        code = _known(store, con, period)
        found = state(store, code, con)
        if found is not None and found.locked:
            raise LockError(labels.LOCK_MESSAGES["already_locked"].format(
                period=_label(code), by=found.changed_by,
                at=f"{fmt.day(found.changed_at)} {found.changed_at:%H:%M}"))
        return _write(store, con, actor, code, True, reason, at)


def unlock(store: Store, actor: Actor, period: str, reason: str | None = None,
           at: datetime | None = None) -> LockState:
    """Open a locked period again (admin only)."""
    policy.require(actor, policy.CHANGE_LOCKED)
    with store.transaction() as con:
        code = _known(store, con, period)
        if not is_locked(store, code, con):
            raise LockError(labels.LOCK_MESSAGES["not_locked"].format(period=_label(code)))
        return _write(store, con, actor, code, False, reason, at)


def _write(store: Store, con: duckdb.DuckDBPyConnection, actor: Actor, period: str,
           locked: bool, reason: str | None, at: datetime | None, *,
           demo: bool = False) -> LockState:
    moment = at or datetime.now()
    reason = (reason or "").strip() or None
    store.rows("locks/insert", con, period=period, locked=locked, changed_by=actor.signature,
               changed_at=moment, reason=reason, demo=demo)
    if not demo:
        audit.record(store, con, actor, policy.LOCK_PERIOD if locked else "unlock_period",
                     object_type="period", object_id=period, before={"locked": not locked},
                     after={"locked": locked}, note=reason, at=moment)
    return LockState(period, locked, actor.signature, moment, reason)


def lock_for_demo(store: Store, con: duckdb.DuckDBPyConnection, period: str,
                  by: str, at: datetime) -> None:
    """A demo lock, inside the demo's own transaction (removed with the demo data)."""
    _write(store, con, Actor(by, policy.REVIEWER), period, True, None, at, demo=True)


def history(store: Store) -> pd.DataFrame:
    """Every lock and unlock, by period, newest first."""
    return store.frame("locks/all")
