"""The only way values enter the store: as new revisions of an upload.

Nothing here updates or deletes a reported value. A later upload adds revisions; a
revocation marks an upload void, so its values fall back to the revisions before it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import duckdb
import pandas as pd

from nq57 import audit, labels, policy
from nq57.cells import real
from nq57.db import Store
from nq57.policy import Actor


@dataclass(frozen=True)
class NewValue:
    """One reported value, as it will be stored."""

    item_code: str
    value: float
    note: str | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class UploadMeta:
    """Where a batch of values came from and who sent it."""

    unit: str
    period: str
    file_name: str
    sha256: str
    uploaded_by: str
    rows_read: int
    source: str = "excel"
    # None: the moment the values are recorded, inside the transaction, so the order
    # of uploads in the history is the order in which they took effect.
    at: datetime | None = None


@dataclass(frozen=True)
class RecordResult:
    upload_id: int | None
    stored: int
    unchanged: int
    duplicate_of: int | None = None
    evidence_added: int = 0  # evidence files and links attached with the upload

    @property
    def changed_anything(self) -> bool:
        return self.upload_id is not None


class RevokeError(ValueError):
    """An upload that cannot be revoked (unknown, or revoked already)."""


def _same(old: object, new: object) -> bool:
    if old is None or (isinstance(old, float) and math.isnan(old)):
        return new in (None, "")
    return old == new


def pending_changes(current: pd.DataFrame, values: Sequence[NewValue]) -> list[NewValue]:
    """The values that differ from what is on record (new items, or a new value, note
    or evidence). Unchanged rows are not stored again."""
    on_record = {row.item_code: row for row in current.itertuples(index=False)}
    changed = []
    for new in values:
        old = on_record.get(new.item_code)
        if (
            old is None
            or not math.isclose(real(old.value), new.value, rel_tol=0, abs_tol=1e-12)
            or not _same(old.note, new.note)
            or not _same(old.evidence, new.evidence)
        ):
            changed.append(new)
    return changed


def current_values(store: Store, con: duckdb.DuckDBPyConnection, unit: str,
                   period: str) -> pd.DataFrame:
    return store.frame("revisions/current_for_unit_period", con, unit=unit, period=period)


def record_upload(store: Store, con: duckdb.DuckDBPyConnection, meta: UploadMeta,
                  values: Sequence[NewValue]) -> RecordResult:
    """Store the changed values of one upload, inside the caller's transaction.

    An upload that changes nothing (e.g. the same file sent twice) stores nothing.
    A value that is not a finite number is a programming error: refused before
    anything is written (every door checks values long before this).
    """
    bad = [v.item_code for v in values if not math.isfinite(float(v.value))]
    if bad:
        raise ValueError(f"non-finite values for {bad}")
    at = meta.at or datetime.now()
    duplicate = store.rows(
        "revisions/find_upload_by_hash", con, sha256=meta.sha256, unit=meta.unit,
        period=meta.period,
    )
    changed = pending_changes(current_values(store, con, meta.unit, meta.period), values)
    duplicate_of = duplicate[0]["id"] if duplicate else None
    if not changed:
        return RecordResult(None, 0, len(values), duplicate_of)
    upload_id = store.rows(
        "revisions/insert_upload", con, unit=meta.unit, period=meta.period,
        file_name=meta.file_name, sha256=meta.sha256, source=meta.source,
        rows_read=meta.rows_read, rows_stored=len(changed), uploaded_by=meta.uploaded_by,
        uploaded_at=at,
    )[0]["id"]
    incoming = pd.DataFrame(
        {
            "item_code": [v.item_code for v in changed],
            "value": [float(v.value) for v in changed],
            "note": [v.note or None for v in changed],
            "evidence": [v.evidence or None for v in changed],
        }
    ).astype({"item_code": "string", "note": "string", "evidence": "string"})
    con.register("incoming", incoming)
    try:
        store.execute(
            "revisions/insert_actuals", con, unit=meta.unit, period=meta.period,
            upload_id=upload_id, recorded_at=at, recorded_by=meta.uploaded_by,
        )
    finally:
        con.unregister("incoming")
    return RecordResult(upload_id, len(changed), len(values) - len(changed), duplicate_of)


def revoke_upload(store: Store, actor: Actor, upload_id: int, reason: str,
                  at: datetime | None = None) -> None:
    """Void an upload: its values fall back to the previous revisions. Nothing is deleted.
    Only an administrator may, and only with a reason."""
    policy.require(actor, policy.REVOKE_UPLOAD)
    reason = (reason or "").strip()
    if not reason:
        raise RevokeError(labels.REVOKE_MESSAGES["need_reason"])
    at = at or datetime.now()
    with store.transaction() as con:
        found = store.rows("revisions/upload", con, upload_id=upload_id)
        if not found:
            raise RevokeError(labels.REVOKE_MESSAGES["unknown"].format(upload=upload_id))
        if found[0]["revoked"]:
            raise RevokeError(labels.REVOKE_MESSAGES["already"].format(upload=upload_id))
        store.execute(
            "revisions/revoke_upload", con, upload_id=upload_id, revoked_by=actor.signature,
            revoked_at=at, reason=reason,
        )
        audit.record(store, con, actor, "revoke_upload", object_type="upload",
                     object_id=str(upload_id), before=_upload_summary(found[0], False),
                     after=_upload_summary(found[0], True) | {"reason": reason}, at=at)


def _upload_summary(row: dict[str, object], revoked: bool) -> dict[str, object]:
    return {"unit": row["unit_code"], "period": row["period_code"],
            "file_name": row["file_name"], "uploaded_by": row["uploaded_by"],
            "rows_stored": row["rows_stored"], "revoked": revoked}


def history(store: Store, item_code: str, unit: str | None = None) -> pd.DataFrame:
    """Every revision of an item (by one unit, or all), newest first, revoked included."""
    return store.frame("revisions/history", item=item_code, unit=unit)


def uploads(store: Store, unit: str | None = None, period: str | None = None) -> pd.DataFrame:
    return store.frame("revisions/uploads", unit=unit, period=period)
