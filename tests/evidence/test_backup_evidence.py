"""Evidence files survive backup and restore. Case table:
  files referenced by the evidence table      → copied into the backup, listed with their
                                                checksums, put back by restore (even into
                                                another folder), identical
  a listed file missing from the backup       → damaged backup, nothing restored
  a listed file altered in the backup         → damaged backup, nothing restored
  a referenced file the manifest does not list → damaged backup, nothing restored
  a referenced file missing from the live store → no backup written, the reason given
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from nq57 import backup, policy, status
from nq57.db import Store
from nq57.evidence import records, vault
from tests.evidence import files
from tests.helpers import ADMIN, report
from tests.test_cli import nq57_admin as nq57

STAFF = policy.Actor("can-bo", policy.STAFF, frozenset({"SKHCN"}))


@pytest.fixture
def with_files(demo_store: Store) -> Store:
    report(demo_store, "SKHCN", "2026-Q4", {"1.1.1": 61.0}, at="2026-11-02 08:00")
    records.add(demo_store, STAFF, "1.1.1", "SKHCN", "2026-Q4",
                records.file_evidence(files.jpeg(), "anh-do-kiem.jpg"))
    return demo_store


def digests(store: Store) -> set[str]:
    return {r["sha256"] for r in store.rows("evidence/file_digests")}


def test_evidence_files_come_back_with_the_database(with_files: Store, tmp_path: Path):
    saved = nq57("backup", str(tmp_path / "copy"))
    assert saved.returncode == 0, saved.stderr
    manifest = json.loads((tmp_path / "copy" / "manifest.json").read_text())
    listed = {e["sha256"] for e in manifest["evidence_files"]}
    assert listed == digests(with_files) and len(listed) == 3  # demo PDF, PNG; the JPEG
    for entry in manifest["evidence_files"]:
        assert (tmp_path / "copy" / entry["file"]).is_file()

    elsewhere = tmp_path / "elsewhere" / "restored.duckdb"
    restored = nq57("--db", str(elsewhere), "restore", str(tmp_path / "copy"))
    assert restored.returncode == 0, restored.stderr
    again = Store(elsewhere)
    for digest in listed:
        assert vault.present(vault.folder(again), digest)
        assert vault.read(again, digest) == vault.read(with_files, digest)
    columns = ["code", "status", "review_state", "verified_status"]
    for period in ("2026-Q3", "2026-Q4"):
        assert status.gaps(again, period)[columns].equals(status.gaps(with_files, period)[columns])


def _damaged(store: Store, source: Path, target: Path) -> str:
    with pytest.raises(backup.BackupError) as caught:
        backup.restore(Store(target), ADMIN, source)
    assert not target.exists()
    return str(caught.value)


def _one_file(copy: Path) -> Path:
    manifest = json.loads((copy / "manifest.json").read_text())
    return copy / manifest["evidence_files"][0]["file"]


def test_a_missing_evidence_file_makes_the_backup_damaged(with_files: Store, tmp_path: Path):
    backup.backup(with_files, ADMIN, tmp_path / "copy")
    _one_file(tmp_path / "copy").unlink()
    message = _damaged(with_files, tmp_path / "copy", tmp_path / "new" / "nq57.duckdb")
    assert "bị hỏng hoặc thiếu" in message and "evidence/" in message


def test_an_altered_evidence_file_makes_the_backup_damaged(with_files: Store, tmp_path: Path):
    backup.backup(with_files, ADMIN, tmp_path / "copy")
    victim = _one_file(tmp_path / "copy")
    victim.write_bytes(victim.read_bytes() + b"\x00")
    assert "bị hỏng hoặc thiếu" in _damaged(with_files, tmp_path / "copy",
                                             tmp_path / "new" / "nq57.duckdb")


def test_an_evidence_file_left_out_of_the_manifest_is_caught(with_files: Store,
                                                             tmp_path: Path):
    backup.backup(with_files, ADMIN, tmp_path / "copy")
    path = tmp_path / "copy" / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["evidence_files"] = manifest["evidence_files"][1:]
    path.write_text(json.dumps(manifest))
    assert "bị hỏng hoặc thiếu" in _damaged(with_files, tmp_path / "copy",
                                             tmp_path / "new" / "nq57.duckdb")


def test_no_backup_is_written_when_a_live_evidence_file_is_gone(with_files: Store,
                                                                tmp_path: Path):
    shutil.rmtree(vault.folder(with_files))
    with pytest.raises(backup.BackupError, match="không còn trong kho minh chứng"):
        backup.backup(with_files, ADMIN, tmp_path / "copy")
    assert not (tmp_path / "copy" / "manifest.json").exists()
    assert not (tmp_path / "copy" / "evidence").exists()
