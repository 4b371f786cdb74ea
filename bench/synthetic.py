"""A synthetic reporting history at scale, written straight into a new database.

Every target and task × N reporting units × Q quarters × R revisions, in the order
uploads would have arrived, with some last revisions revoked. The rows are inserted
in bulk by SQL (bench/sql/) rather than through revisions.record_upload, which
would take hours for a million values; the shape of the tables is the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from nq57 import db
from nq57.bootstrap import prepare
from nq57.db import Store

SQL_DIR = Path(__file__).resolve().parent / "sql"


@dataclass(frozen=True)
class Scale:
    units: int
    first_period: str
    last_period: str
    revisions: int

    @property
    def quarters(self) -> int:
        first_year, first_q = int(self.first_period[:4]), int(self.first_period[-1])
        last_year, last_q = int(self.last_period[:4]), int(self.last_period[-1])
        return (last_year - first_year) * 4 + last_q - first_q + 1


FULL = Scale(units=200, first_period="2022-Q1", last_period="2026-Q4", revisions=3)
QUICK = Scale(units=20, first_period="2025-Q1", last_period="2026-Q4", revisions=3)


@cache
def sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def run(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> list[tuple]:
    """A bench statement from bench/sql/, with bound parameters."""
    result = con.execute(sql(name), params or None)
    return result.fetchall() if result.description else []


def frame(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> Any:
    return con.execute(sql(name), params or None).df()


def build(path: Path, scale: Scale) -> dict[str, int]:
    """Create the database at `path` (catalogue, no demo data) and fill it."""
    store = Store(path)
    prepare(store, demo_on_create=False)
    with store.connect() as con, db.atomic(con):
        run(con, "add_units", units=scale.units)
        run(con, "add_uploads", revisions=scale.revisions, first_period=scale.first_period,
            last_period=scale.last_period)
        run(con, "add_actuals")
        run(con, "revoke_some", revisions=str(scale.revisions))
        uploads, actuals = run(con, "highest_ids")[0]
        db.rows(con, "backup/set_sequence", sequence="upload_id", position=uploads)
        db.rows(con, "backup/set_sequence", sequence="actual_id", position=actuals)
    with store.connect() as con:
        db.rows(con, "backup/checkpoint")
        names = ("synthetic_units", "uploads", "revoked_uploads", "actuals", "periods")
        return dict(zip(names, run(con, "sizes")[0], strict=True))
