"""The audit trail: every write, sign-in and refusal that matters, appended inside the
same transaction as the change it describes, so the log and the data never disagree.

An entry keeps who, when, what, on which object, and the state before and after as
JSON. Secrets never enter it: a field named like a password, hash, secret or token is
a programming error, refused before anything is written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import duckdb
import pandas as pd

from nq57 import policy
from nq57.db import Store
from nq57.policy import Actor

_SECRET_KEY = re.compile(r"pass(word)?|hash|secret|token|pin", re.IGNORECASE)


class SecretInAudit(ValueError):
    """Something that looks like a credential was about to be written to the log."""


def _check_no_secrets(value: Any, path: str = "") -> None:
    if isinstance(value, Mapping):
        for key, inner in value.items():
            if _SECRET_KEY.search(str(key)):
                raise SecretInAudit(f"audit field {path}{key!s} looks like a secret")
            _check_no_secrets(inner, f"{path}{key!s}.")
    elif isinstance(value, (list, tuple)):
        for inner in value:
            _check_no_secrets(inner, path)


def _json(value: Any) -> str | None:
    if value is None:
        return None
    _check_no_secrets(value)

    def plain(item: Any) -> Any:
        if isinstance(item, (datetime, date)):
            return item.isoformat()
        if isinstance(item, (set, frozenset)):
            return sorted(item)
        return str(item)

    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=plain)


def record(store: Store, con: duckdb.DuckDBPyConnection, actor: Actor | str, action: str,
           *, object_type: str | None = None, object_id: str | None = None,
           before: Any = None, after: Any = None, note: str | None = None,
           at: datetime | None = None) -> int:
    """Append one entry inside the caller's transaction; returns its id.

    `actor` is the acting account, or a bare name for an attempt by no known account
    (a failed sign-in with an unknown name)."""
    name, role = (actor.name, actor.role) if isinstance(actor, Actor) else (str(actor), None)
    rows = store.rows(
        "audit/insert", con, happened_at=at or datetime.now(), actor=name, role=role, action=action,
        object_type=object_type, object_id=None if object_id is None else str(object_id),
        before=_json(before), after=_json(after), note=note,
    )
    return int(rows[0]["id"])


def entries(store: Store, *, since: datetime | None = None, actor: str | None = None,
            action: str | None = None) -> pd.DataFrame:
    """The log, newest first, optionally filtered."""
    return store.frame("audit/entries", since=since, actor=actor, action=action)


def read(store: Store, reader: Actor, *, since: datetime | None = None,
         actor: str | None = None, action: str | None = None) -> pd.DataFrame:
    """entries(), for a reader who may read the log (reviewers, administrators)."""
    policy.require(reader, policy.READ_AUDIT)
    return entries(store, since=since, actor=actor, action=action)
