"""Files and disks that fail: a damaged database file, a disk that fills up during a
commit or a backup, what a killed restore leaves behind, a backup whose manifest lies.

Each case is run as a person meets it (the command line in its own process, the page
through AppTest) and ends the same way: a Vietnamese message, no traceback, and the
stored data exactly as they were.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from nq57 import backup, db
from nq57.db import Store
from tests.excel.workbooks import fill, rows_of, template
from tests.helpers import ADMIN, STAFF_SKHCN, report
from tests.test_cli import ROOT
from tests.test_cli import nq57_admin as nq57

APP = str(ROOT / "app.py")
DAMAGED = "bị hỏng"


def fingerprint(path: Path) -> dict[str, str]:
    """The bytes of the database and its WAL, to show nothing wrote to them."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in (path, path.with_name(path.name + ".wal")) if p.exists()}


def damaged_copies(source: Path, folder: Path) -> dict[str, Path]:
    """The ways a database file arrives damaged: empty, garbage, cut inside its
    header, cut in the middle (it still opens), cut near its end."""
    data = source.read_bytes()
    kinds = {
        "empty": b"",
        "garbage": os.urandom(64 * 1024),
        "text": "không phải cơ sở dữ liệu\n".encode() * 500,
        "header_cut": data[:100],
        "half": data[: len(data) // 2],
        "tail_cut": data[: len(data) - 300_000],
    }
    paths = {}
    folder.mkdir(parents=True, exist_ok=True)
    for kind, content in kinds.items():
        path = folder / f"{kind}.duckdb"
        path.write_bytes(content)
        paths[kind] = path
    return paths


@pytest.fixture
def damaged(demo_store: Store, tmp_path: Path) -> dict[str, Path]:
    return damaged_copies(demo_store.path, tmp_path / "damaged")


def test_every_command_refuses_a_damaged_file_in_vietnamese_and_writes_nothing(
        damaged: dict[str, Path], tmp_path: Path):
    for kind, path in damaged.items():
        before = fingerprint(path)
        for args in (("init",), ("init", "--demo"), ("gaps", "--period", "2026-Q3"),
                     ("targets",), ("settings", "--set", "red_factor=0.6"),
                     ("demo", "remove"), ("backup", str(tmp_path / f"bk-{kind}"))):
            result = nq57("--db", str(path), *args)
            assert result.returncode == 1, (kind, args, result.stdout)
            assert DAMAGED in result.stderr and "restore" in result.stderr, (kind, args)
            assert "Traceback" not in result.stderr and "Error" not in result.stderr
        assert fingerprint(path) == before, kind  # nothing was written to it
        assert not (tmp_path / f"bk-{kind}").exists()


def test_every_page_says_the_file_is_damaged_and_how_to_restore(
        damaged: dict[str, Path], monkeypatch: pytest.MonkeyPatch):
    for kind in ("garbage", "half"):
        path = damaged[kind]
        before = fingerprint(path)
        monkeypatch.setenv("NQ57_DB", str(path))
        for page in ("views/overview.py", "views/reporting.py"):
            import streamlit as st
            st.cache_data.clear()
            st.cache_resource.clear()
            app = AppTest.from_file(APP, default_timeout=60)
            app.run()
            if page != "views/overview.py":
                app.switch_page(page).run()
            assert not app.exception, (kind, page, [e.value for e in app.exception])
            shown = " ".join(e.value for e in app.error)
            assert DAMAGED in shown and "restore" in shown, (kind, page)
        assert fingerprint(path) == before, kind


def test_a_damaged_database_is_restored_from_a_backup_and_kept_aside(
        demo_store: Store, tmp_path: Path):
    report(demo_store, "SKHCN", "2026-Q4", {"1.1.1": 61.0}, at="2026-11-02 08:00")
    assert nq57("backup", str(tmp_path / "bk")).returncode == 0
    damaged = damaged_copies(demo_store.path, tmp_path / "damaged")["half"]
    kept_bytes = damaged.read_bytes()
    result = nq57("--db", str(damaged), "restore", str(tmp_path / "bk"))
    assert result.returncode == 0, result.stderr
    kept = [p for p in damaged.parent.iterdir() if "before-restore" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == kept_bytes
    values = json.loads(nq57("--db", str(damaged), "history", "1.1.1", "--format",
                             "json").stdout)
    assert [v["value"] for v in values if v["period_code"] == "2026-Q4"] == [61.0]


# --- a disk that fills up ---------------------------------------------------------

def limited(max_bytes: int):
    """For subprocess: no file written may grow past `max_bytes` (what a full disk
    does to a write), and the signal that would kill the process is ignored so the
    write fails with EFBIG as it would with ENOSPC."""
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))
    return apply


def run_limited(max_bytes: int, *args: str, user: str = ADMIN.name
                ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "nq57", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "NQ57_USER": user},
                          preexec_fn=limited(max_bytes))


def stored(path: Path) -> tuple[int, int, float]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT (SELECT count(*) FROM uploads), count(*), sum(value) "
                           "FROM actuals").fetchone()


def test_a_disk_full_during_a_commit_says_so_and_the_database_is_intact(
        demo_store: Store, tmp_path: Path):
    before = stored(demo_store.path)
    blank = template(demo_store, "SKHCN", "2026-Q4")
    codes = list(rows_of(blank))[:16]
    path = tmp_path / "bao-cao.xlsx"
    path.write_bytes(fill(blank, dict.fromkeys(codes, 1),
                          notes={code: f"Ghi chú {code} " * 120 for code in codes}))
    result = run_limited(8 * 1024, "import", str(path), user=STAFF_SKHCN.name)
    assert result.returncode == 1, result.stdout
    assert "ổ đĩa đã đầy" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "File too large" not in result.stderr
    assert stored(demo_store.path) == before
    again = nq57("import", str(path),  # space again: it goes through
                 env={"NQ57_USER": STAFF_SKHCN.name})
    assert again.returncode == 0, again.stderr
    assert stored(demo_store.path)[0] == before[0] + 1


def test_a_disk_full_during_a_backup_leaves_no_folder_behind(demo_store: Store,
                                                              tmp_path: Path):
    report(demo_store, "SKHCN", "2026-Q4", {"1.1.1": 61.0}, at="2026-11-02 08:00")
    target = tmp_path / "sao-luu" / "2026-11-23"
    result = run_limited(4 * 1024, "backup", str(target))
    assert result.returncode == 1, result.stdout
    assert "Không ghi được bản sao lưu" in result.stderr and "ổ đĩa đã đầy" in result.stderr
    assert "Traceback" not in result.stderr and "Errno" not in result.stderr
    assert not (tmp_path / "sao-luu").exists()  # neither the folder nor its parent
    empty = tmp_path / "trong"
    empty.mkdir()
    assert run_limited(4 * 1024, "backup", str(empty)).returncode == 1
    assert empty.is_dir() and not any(empty.iterdir())  # a folder given empty stays


# --- restores: leftovers and lies ---------------------------------------------------

def test_what_a_killed_restore_left_is_cleaned_at_the_next_start(store: Store):
    staging = backup.staging_path(store.path)
    staging.write_bytes(b"half a database")
    staging.with_name(staging.name + ".wal").write_bytes(b"half a log")
    fresh = time.time()
    os.utime(staging, (fresh, fresh))
    assert nq57("targets").returncode == 0
    assert staging.exists()  # just written: a restore may still be working on it
    old = time.time() - 3600
    for leftover in (staging, staging.with_name(staging.name + ".wal")):
        os.utime(leftover, (old, old))
    assert nq57("targets").returncode == 0
    assert not staging.exists()
    assert not staging.with_name(staging.name + ".wal").exists()


def test_a_staging_file_a_restore_is_building_is_left_alone(store: Store):
    staging = backup.staging_path(store.path)
    # A restore at work (another process) holds DuckDB's lock on its staging file.
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('holding', flush=True); time.sleep(60)", str(staging)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        old = time.time() - 3600
        os.utime(staging, (old, old))
        assert not backup.remove_stale_staging(store.path)
        assert staging.exists()
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert backup.remove_stale_staging(store.path)


@pytest.mark.parametrize("sequences", [
    {"upload_id": -5},
    {"upload_id": 10**30},
    {"upload_id": "mười"},
    {"upload_id": 1.5},
    {"upload_id": True},
    {"upload_id": 0},                  # below the ids the backup holds
    {"khong_co_sequence": 3},          # a sequence the schema does not have
])
def test_a_backup_with_bogus_sequence_positions_is_refused_with_a_message(
        demo_store: Store, tmp_path: Path, sequences: dict[str, object]):
    report(demo_store, "SKHCN", "2026-Q4", {"1.1.1": 61.0}, at="2026-11-02 08:00")
    assert nq57("backup", str(tmp_path / "bk")).returncode == 0
    manifest_path = tmp_path / "bk" / backup.MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["sequences"] = {**manifest["sequences"], **sequences}
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    target = tmp_path / "restored.duckdb"
    result = nq57("--db", str(target), "restore", str(tmp_path / "bk"))
    assert result.returncode == 1, result.stdout
    assert "Không khôi phục gì" in result.stderr or "không phải là một bản sao lưu" in (
        result.stderr), result.stderr
    assert "Traceback" not in result.stderr and "Exception" not in result.stderr
    assert not target.exists()
    assert not backup.staging_path(target).exists()


def test_damage_is_told_from_a_whole_file(demo_store: Store, tmp_path: Path):
    assert not db.damage(demo_store.path)
    assert not db.damage(tmp_path / "chua-co.duckdb")  # absent: will be created
    copies = damaged_copies(demo_store.path, tmp_path)
    assert all(db.damage(copies[k]) for k in ("empty", "garbage", "text", "header_cut"))
    shutil.copy(demo_store.path, tmp_path / "whole.duckdb")
    with Store(tmp_path / "whole.duckdb").connect() as con:
        db.verify(con, tmp_path / "whole.duckdb")
