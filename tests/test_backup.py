"""python -m nq57 backup DIR / restore DIR: every table comes back exactly, ids
handed out afterwards never collide, and nothing reported is ever overwritten
without being asked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from nq57 import backup, catalogue, db, revisions, settings
from nq57.db import Store
from tests.helpers import ADMIN, report
from tests.test_cli import nq57_admin as nq57

DERIVED = {"schema_definitions"}  # views/macros bookkeeping, re-created on upgrade


def all_tables(path: Path) -> dict[str, pd.DataFrame]:
    """Every base table of a database file, rows in a stable order."""
    with duckdb.connect(str(path), read_only=True) as con:
        names = [r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()]
        return {name: con.execute(f'SELECT * FROM "{name}" ORDER BY ALL').df()
                for name in names}


def sequences(path: Path) -> dict[str, int | None]:
    with duckdb.connect(str(path), read_only=True) as con:
        return dict(con.execute(
            "SELECT sequence_name, last_value FROM duckdb_sequences()").fetchall())


@pytest.fixture
def lived_in(demo_store: Store) -> Store:
    """A database that has seen real use: reports, a revision, a revocation, a
    reassigned lead unit and a changed setting, on top of the demo data."""
    report(demo_store, "SKHCN", "2026-Q4", {"1.1.1": 61.0, "1.1.2": 3.5},
           at="2026-11-02 08:00")
    report(demo_store, "SKHCN", "2026-Q4", {"1.1.1": 62.5}, at="2026-11-05 08:00")
    wrong = report(demo_store, "SKHCN", "2026-Q4", {"1.1.2": 99.0}, at="2026-11-06 08:00")
    assert wrong is not None
    revisions.revoke_upload(demo_store, ADMIN, wrong, "Nhập nhầm cột")
    catalogue.assign_lead(demo_store, ADMIN, "1.5.15", "STC", "Văn bản phân công")
    settings.update(demo_store, ADMIN, "red_factor", "0.6")
    return demo_store


def test_backup_and_restore_round_trip_every_table(lived_in: Store, tmp_path: Path):
    saved = nq57("backup", str(tmp_path / "copy"))
    assert saved.returncode == 0, saved.stderr
    assert "Đã sao lưu" in saved.stdout

    restored_path = tmp_path / "restored.duckdb"
    result = nq57("--db", str(restored_path), "restore", str(tmp_path / "copy"))
    assert result.returncode == 0, result.stderr
    assert "Đã khôi phục" in result.stdout

    before, after = all_tables(lived_in.path), all_tables(restored_path)
    assert set(before) == set(after)
    compared = set(before) - DERIVED
    assert {"actuals", "uploads", "upload_revocations", "lead_assignments", "settings",
            "schema_migrations", "units", "targets", "tasks", "periods", "accounts",
            "audit_log"} <= compared
    # The restored database adds one entry to its audit log: who restored it, from where.
    log = after["audit_log"]
    restoring = log[log["action"] == "restore"]
    assert restoring["actor"].tolist() == ["system"]
    assert restoring["object_id"].tolist() == [str(tmp_path / "copy")]
    after["audit_log"] = log[log["action"] != "restore"].reset_index(drop=True)
    for name in sorted(compared):
        pd.testing.assert_frame_equal(before[name], after[name], obj=name)
    expected = sequences(lived_in.path)
    expected["audit_id"] += 1
    assert sequences(restored_path) == expected


def test_after_a_restore_new_uploads_get_new_ids(lived_in: Store, tmp_path: Path):
    backup.backup(lived_in, ADMIN, tmp_path / "copy")
    restored = Store(tmp_path / "restored.duckdb")
    backup.restore(restored, ADMIN, tmp_path / "copy")
    highest = int(restored.frame("revisions/uploads", unit=None, period=None)["id"].max())
    new_id = report(restored, "STC", "2026-Q4", {"1.2.1": 1.0}, at="2026-11-20 10:00")
    assert new_id == highest + 1
    history = revisions.history(restored, "1.2.1")
    assert history["id"].is_unique


def test_the_restored_database_shows_the_same_status(lived_in: Store, tmp_path: Path):
    backup.backup(lived_in, ADMIN, tmp_path / "copy")
    restored = Store(tmp_path / "restored.duckdb")
    backup.restore(restored, ADMIN, tmp_path / "copy")
    for period in ("2026-Q3", "2026-Q4"):
        mine = nq57("--db", str(lived_in.path), "gaps", "--period", period, "--format", "json")
        theirs = nq57("--db", str(restored.path), "gaps", "--period", period,
                      "--format", "json")
        assert json.loads(mine.stdout) == json.loads(theirs.stdout)


def test_a_backup_never_overwrites_files(demo_store: Store, tmp_path: Path):
    target = tmp_path / "old-backup"
    target.mkdir()
    (target / "notes.txt").write_text("giữ nguyên")
    result = nq57("backup", str(target))
    assert result.returncode == 1
    assert "đã có tệp" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_restore_refuses_to_replace_reported_values_without_force(lived_in: Store,
                                                                  tmp_path: Path):
    backup.backup(lived_in, ADMIN, tmp_path / "copy")
    # Later, someone reports again; restoring the older copy would drop it.
    report(lived_in, "STC", "2026-Q4", {"1.2.1": 7.0}, at="2026-11-21 10:00")
    before = all_tables(lived_in.path)

    refused = nq57("restore", str(tmp_path / "copy"))
    assert refused.returncode == 1
    assert "--force" in refused.stderr and "Traceback" not in refused.stderr
    after = all_tables(lived_in.path)
    for name in before:
        pd.testing.assert_frame_equal(before[name], after[name], obj=name)

    forced = nq57("restore", str(tmp_path / "copy"), "--force")
    assert forced.returncode == 0, forced.stderr
    kept = Path(forced.stdout.strip().splitlines()[-1].rsplit(" ", 1)[-1].rstrip("."))
    assert kept.name.startswith("nq57-before-restore-") and kept.exists()
    assert 7.0 not in revisions.history(lived_in, "1.2.1")["value"].tolist()
    assert 7.0 in revisions.history(Store(kept), "1.2.1")["value"].tolist()
    assert not list(tmp_path.glob("*.restoring*"))


def test_demo_data_alone_are_replaced_without_force(demo_store: Store, lived_in_copy: Path):
    result = nq57("restore", str(lived_in_copy))
    assert result.returncode == 0, result.stderr
    assert 62.5 in revisions.history(demo_store, "1.1.1")["value"].tolist()


@pytest.fixture
def lived_in_copy(tmp_path: Path, _prepared_files: dict[str, Path]) -> Path:
    source = Store(tmp_path / "elsewhere.duckdb")
    shutil.copy(_prepared_files["demo"], source.path)
    shutil.copytree(_prepared_files["demo"].parent / "evidence", tmp_path / "evidence",
                    dirs_exist_ok=True)  # the demo's evidence files, beside the database
    report(source, "SKHCN", "2026-Q4", {"1.1.1": 62.5}, at="2026-11-05 08:00")
    backup.backup(source, ADMIN, tmp_path / "copy")
    return tmp_path / "copy"


def test_a_damaged_backup_restores_nothing(demo_store: Store, lived_in_copy: Path):
    before = all_tables(demo_store.path)
    data = bytearray((lived_in_copy / "actuals.parquet").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (lived_in_copy / "actuals.parquet").write_bytes(bytes(data))
    result = nq57("restore", str(lived_in_copy), "--force")
    assert result.returncode == 1
    assert "bị hỏng" in result.stderr and "actuals.parquet" in result.stderr
    after = all_tables(demo_store.path)
    for name in before:
        pd.testing.assert_frame_equal(before[name], after[name], obj=name)


def test_a_directory_that_is_not_a_backup_is_named_as_such(store: Store, tmp_path: Path):
    result = nq57("restore", str(tmp_path))
    assert result.returncode == 1
    assert "không phải là một bản sao lưu" in result.stderr


def test_a_backup_from_a_newer_version_is_refused(store: Store, lived_in_copy: Path):
    manifest = json.loads((lived_in_copy / "manifest.json").read_text())
    manifest["schema_version"] = 999
    (lived_in_copy / "manifest.json").write_text(json.dumps(manifest))
    result = nq57("restore", str(lived_in_copy))
    assert result.returncode == 1
    assert "phiên bản mới hơn" in result.stderr


def test_an_older_backup_is_upgraded_on_restore(lived_in: Store, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch):
    backup.backup(lived_in, ADMIN, tmp_path / "copy")
    newer = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS_DIR, newer)
    number = len(db.migration_files()) + 1
    (newer / f"{number:03d}_probe.sql").write_text(
        "ALTER TABLE uploads ADD COLUMN checked_by VARCHAR;\n"
        "UPDATE uploads SET checked_by = 'chưa kiểm tra';\n")
    monkeypatch.setattr(db, "MIGRATIONS_DIR", newer)

    restored = Store(tmp_path / "restored.duckdb")
    backup.restore(restored, ADMIN, tmp_path / "copy")
    with restored.connect() as con:
        assert db.schema_version(con) == number
    uploads = restored.frame("revisions/uploads", unit=None, period=None)
    assert len(uploads) == len(lived_in.frame("revisions/uploads", unit=None, period=None))
    assert set(uploads["checked_by"]) == {"chưa kiểm tra"}
