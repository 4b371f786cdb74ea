"""Small helpers tests share: storing values the way an upload does."""

from __future__ import annotations

import hashlib
from datetime import datetime

from nq57 import revisions
from nq57.db import Store
from nq57.revisions import NewValue, UploadMeta


def report(store: Store, unit: str, period: str, values: dict[str, float],
           at: str = "2026-04-10 09:00", by: str = "Cán bộ thử nghiệm") -> int | None:
    """Store values as one upload of `unit` for `period`; return the upload id."""
    meta = UploadMeta(
        unit=unit, period=period, file_name=f"{unit}-{period}.xlsx",
        sha256=hashlib.sha256(repr((unit, period, values, at)).encode()).hexdigest(),
        uploaded_by=by, rows_read=len(values), at=datetime.fromisoformat(at),
    )
    with store.transaction() as con:
        result = revisions.record_upload(
            store, con, meta, [NewValue(code, value) for code, value in values.items()])
    return result.upload_id
