"""Small helpers tests share: storing values the way an upload does."""

from __future__ import annotations

import hashlib
from datetime import datetime

from nq57 import accounts, policy, revisions
from nq57.db import Store
from nq57.policy import Actor
from nq57.revisions import NewValue, UploadMeta

# The accounts every test database holds (tests/conftest.py creates them), one per
# role, and the password they share. The demo database also has the demo's own.
PASSWORD = "Mat khau thu 2026"
ADMIN = Actor("quantri.thu", policy.ADMIN, display_name="Quản trị thử")
REVIEWER = Actor("togiupviec.thu", policy.REVIEWER, display_name="Tổ giúp việc thử")
STAFF_SNV = Actor("canbo.snv", policy.STAFF, frozenset({"SNV"}), "Nguyễn Văn A")
STAFF_SKHCN = Actor("canbo.kh", policy.STAFF, frozenset({"SKHCN"}), "Trần Thị B")
VIEWER = Actor("lanhdao.thu", policy.VIEWER, display_name="Lãnh đạo thử")
TEST_ACTORS = (ADMIN, REVIEWER, STAFF_SNV, STAFF_SKHCN, VIEWER)


def add_test_accounts(store: Store) -> None:
    """Create the test accounts (the first admin as the database's first account)."""
    accounts.create(store, None, ADMIN.name, ADMIN.role, display_name=ADMIN.display_name,
                    password=PASSWORD)
    for actor in TEST_ACTORS[1:]:
        accounts.create(store, ADMIN, actor.name, actor.role, units=sorted(actor.units),
                        display_name=actor.display_name, password=PASSWORD)


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
