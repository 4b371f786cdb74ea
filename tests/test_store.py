"""The store: migrations, named queries, sharing the file between processes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from nq57 import db
from nq57.bootstrap import prepare
from nq57.db import DatabaseDamaged, Store, StoreBusy

ROOT = Path(__file__).resolve().parent.parent


def test_migrations_are_recorded_and_applied_once(store: Store):
    with store.connect() as con:
        assert db.schema_version(con) == len(db.migration_files())
        assert db.migrate(con) == []  # nothing left to do
        assert db.migrate(con) == []


def test_a_new_database_gets_schema_catalogue_and_optionally_demo(tmp_path: Path):
    fresh = Store(tmp_path / "fresh.duckdb")
    result = prepare(fresh, demo_on_create=True)
    assert result.created and result.catalogue_reloaded and result.demo_loaded
    assert "001_schema.sql" in result.applied
    again = prepare(fresh, demo_on_create=True)
    assert not (again.created or again.catalogue_reloaded or again.demo_loaded)
    assert again.applied == ()


def test_changed_definitions_are_reapplied(store: Store, monkeypatch, tmp_path: Path):
    definitions = tmp_path / "definitions"
    definitions.mkdir()
    for path in db.DEFINITIONS_DIR.glob("*.sql"):
        (definitions / path.name).write_text(path.read_text(encoding="utf-8"))
    (definitions / "999_extra.sql").write_text(
        "CREATE OR REPLACE VIEW v_probe AS SELECT 42 AS answer;")
    monkeypatch.setattr(db, "DEFINITIONS_DIR", definitions)
    with store.connect() as con:
        assert "999_extra.sql" in db.migrate(con)
        assert con.execute("SELECT answer FROM v_probe").fetchone() == (42,)


def test_migration_files_must_be_numbered_without_gaps(monkeypatch, tmp_path: Path):
    (tmp_path / "001_a.sql").write_text("SELECT 1;")
    (tmp_path / "003_c.sql").write_text("SELECT 1;")
    monkeypatch.setattr(db, "MIGRATIONS_DIR", tmp_path)
    with pytest.raises(ValueError, match="without gaps"):
        db.migration_files()


def test_a_named_query_refuses_missing_parameters(store: Store):
    with pytest.raises(TypeError, match="needs parameters"):
        store.frame("gaps", period="2026-Q1")


def test_dates_come_back_as_dates(store: Store):
    periods = store.frame("periods")
    assert periods["end_date"].iloc[0] == date(2026, 1, 31)  # January, then Feb, Mar, Q1


def test_a_failed_transaction_leaves_nothing(store: Store):
    before = store.rows("settings/all")
    with pytest.raises(RuntimeError), store.transaction() as con:
        store.execute("settings/set", con, key="red_factor", value="0.9")
        raise RuntimeError("interrupted")
    assert store.rows("settings/all") == before


def test_data_version_changes_on_write_not_on_read(store: Store):
    stamp = store.data_version()
    store.frame("units")
    assert store.data_version() == stamp
    time.sleep(0.01)
    with store.transaction() as con:
        store.execute("settings/set", con, key="red_factor", value="0.6")
    assert store.data_version() != stamp


HOLD_LOCK = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    con.close()
    """
)


def _hold(path: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def test_a_lock_held_by_another_process_is_waited_out(store: Store):
    holder = _hold(store.path, 1.0)
    started = time.monotonic()
    assert len(store.frame("units")) > 0
    assert time.monotonic() - started >= 0.5
    holder.wait(timeout=10)


def test_a_lock_held_too_long_becomes_a_clear_message(store: Store):
    holder = _hold(store.path, 5.0)
    impatient = Store(store.path, busy_timeout=0.5)
    with pytest.raises(StoreBusy, match="đang được một tiến trình khác ghi"):
        impatient.frame("units")
    holder.wait(timeout=10)


def test_the_cli_waits_for_a_busy_database_instead_of_failing(store: Store):
    holder = _hold(store.path, 1.5)
    result = subprocess.run([sys.executable, "-m", "nq57", "units", "--format", "csv"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    holder.wait(timeout=10)
    assert result.returncode == 0, result.stderr
    assert "SKHCN" in result.stdout


def test_other_io_errors_are_not_mistaken_for_a_lock(tmp_path: Path):
    not_a_db = tmp_path / "garbage.duckdb"
    not_a_db.write_bytes(b"this is not a database" * 1000)
    started = time.monotonic()
    with pytest.raises(DatabaseDamaged, match="bị hỏng"), Store(not_a_db).connect():
        pass
    assert time.monotonic() - started < 5  # said at once, not after waiting for a lock


SAMPLE_PARAMS = {
    "period": "2026-Q3", "as_of": date(2026, 11, 23), "item_type": "target", "units": None,
    "group": None, "year": 2026, "target": "1.5.23", "unit": "SKHCN", "item": "1.1.1",
    "key": "red_factor", "value": "0.5", "sha256": "0" * 64, "upload_id": 1,
    "file_name": "probe.xlsx", "source": "excel", "rows_read": 1, "rows_stored": 1,
    "uploaded_by": "probe", "uploaded_at": datetime(2026, 11, 1), "recorded_at":
    datetime(2026, 11, 1), "recorded_by": "probe", "revoked_by": "probe",
    "revoked_at": datetime(2026, 11, 2), "reason": "probe", "assigned_by": "probe",
    "assigned_at": datetime(2026, 11, 1), "comparator": ">=", "threshold": 10.0,
    "actual": 5.0, "baseline": 0.0, "elapsed": 0.5, "red_factor": 0.5,
    "deadline_passed": False, "report_overdue": False, "checksum": "probe",
    "version": 999, "path": "unused", "previous": "2026-Q2", "code": "1.5.23",
    "since": datetime(2026, 1, 1), "actor": "probe", "action": "probe",
    "happened_at": datetime(2026, 11, 1), "role": "admin", "object_type": "target",
    "object_id": "probe", "before": None, "after": None, "note": None,
    # explanations, contacts, reminders
    "within": 7, "status": "behind", "cause": "funding", "explanation": "probe",
    "support": None, "contact_name": "probe",
    "phone": "0251 000 0000", "updated_by": "probe", "updated_at": datetime(2026, 11, 1),
    "contact_source": "admin", "demo_author": "probe",
    "account": "probe", "display_name": "Probe", "unit_codes": ["SNV"], "email": "p@example.vn",
    "password_hash": None, "demo": False, "changed_by": "probe",
    "changed_at": datetime(2026, 11, 1), "disabled": False, "token_sha256": "0" * 64,
    "account_name": "probe", "method": "password", "client": "local",
    "created_at": datetime(2026, 11, 1), "session_id": 1, "ended_at": datetime(2026, 11, 2),
    "end_reason": "sign_out", "last_seen_at": datetime(2026, 11, 2), "name_sha256": "0" * 64,
    "at": datetime(2026, 11, 1), "succeeded": False, "field": "threshold_low",
    "corrected_by": "probe", "corrected_at": datetime(2026, 11, 1),
    # evidence, review and period locks
    "evidence_id": 1, "actual_id": 1, "kind": "file", "file_type": "pdf", "size_bytes": 10,
    "original_name": "probe.pdf", "url": None, "added_by": "probe",
    "added_at": datetime(2026, 11, 1), "decision": "accepted", "insufficient_quality": False,
    "decided_by": "probe", "decided_role": "reviewer", "decided_at": datetime(2026, 11, 2),
    "states": ["pending"], "statuses": ["achieved"], "locked": True,
}
# Run by every database creation (bootstrap), so every test's fixture executes them;
# backup/ statements take table names and files, and tests/test_backup.py runs them all.
EXERCISED_BY_PREPARE = ("catalogue/", "schema/", "backup/")


@pytest.mark.parametrize(
    "name", [n for n in db.query_names() if not n.startswith(EXERCISED_BY_PREPARE)])
def test_every_named_query_runs_on_a_real_database(demo_store: Store, name: str):

    query = db.load_query(name)
    params = {p: SAMPLE_PARAMS[p] for p in query.params}
    with demo_store.connect() as con:
        con.begin()
        con.register("incoming", pd.DataFrame(
            {"item_code": ["1.1.1"], "value": [1.0], "note": [None], "evidence": [None]}))
        con.register("incoming_explanations", pd.DataFrame(
            {"item_code": ["1.1.1"], "upload_id": [1], "status": ["behind"],
             "cause": ["funding"], "explanation": ["probe"], "support_requested": [None]}))
        con.execute(query.sql, params)
        con.rollback()


def test_every_named_query_is_used_by_the_code():
    code = "\n".join(p.read_text(encoding="utf-8") for folder in ("nq57", "ui", "views")
                     for p in (ROOT / folder).rglob("*.py"))
    code += (ROOT / "app.py").read_text(encoding="utf-8")
    catalogue_files = (ROOT / "nq57" / "catalogue.py").read_text(encoding="utf-8")
    unused = [name for name in db.query_names()
              if f'"{name}"' not in code and f'"{name}"' not in catalogue_files]
    assert unused == []
