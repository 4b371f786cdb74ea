"""A copy of the whole database that can be checked, moved and restored.

A backup is a directory: one Parquet file per table (types, lists and NULLs kept
exactly) and manifest.json, written last, with the schema version, each table's
columns, row count and checksum, and where every id sequence stands. A restore
builds a new database file from it beside the live one, checks it, then swaps it in
while holding the live file, so the dashboard never sees half a restore and ids
handed out after it never collide with restored ones. The replaced file is kept.

Evidence files live beside the database, not in it: a backup copies every file the
evidence table refers to into its evidence/ folder, listed in the manifest with its
checksum, and a restore checks and puts them back before the swap.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from nq57 import audit, db, files, labels, policy
from nq57.db import Store
from nq57.evidence import vault
from nq57.policy import Actor

FORMAT = "nq57-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
EVIDENCE_FOLDER = "evidence"
_MESSAGES = labels.BACKUP_MESSAGES


class BackupError(ValueError):
    """A backup that cannot be written or restored; the message says why."""


@dataclass(frozen=True)
class TableCopy:
    name: str
    file: str
    rows: int
    sha256: str
    columns: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class EvidenceCopy:
    sha256: str
    size: int

    @property
    def file(self) -> str:
        return vault.path_in(Path(EVIDENCE_FOLDER), self.sha256).as_posix()


@dataclass(frozen=True)
class Manifest:
    schema_version: int
    created_at: str
    tables: tuple[TableCopy, ...]
    sequences: dict[str, int | None]
    evidence_files: tuple[EvidenceCopy, ...] = ()

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)

    def to_json(self) -> str:
        return json.dumps({
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema_version": self.schema_version,
            "created_at": self.created_at,
            "tables": [
                {"name": t.name, "file": t.file, "rows": t.rows, "sha256": t.sha256,
                 "columns": [list(c) for c in t.columns]}
                for t in self.tables
            ],
            "sequences": self.sequences,
            "evidence_files": [{"sha256": e.sha256, "size": e.size, "file": e.file}
                               for e in self.evidence_files],
        }, ensure_ascii=False, indent=2)


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    replaced: Path | None  # where the database that was there before is kept


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> tuple[tuple[str, str], ...]:
    return tuple((r["column_name"], r["data_type"])
                 for r in db.rows(con, "backup/columns", table=table))


def _sequences(con: duckdb.DuckDBPyConnection) -> dict[str, int | None]:
    return {r["sequence_name"]: r["last_value"] for r in db.rows(con, "backup/sequences")}


def _tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r["table_name"] for r in db.rows(con, "backup/tables")]


# --- backup ---------------------------------------------------------------------

def backup(store: Store, actor: Actor, target: Path | str) -> Manifest:
    """Write every table of the store to `target`, a new or empty directory.

    All tables are read in one transaction, so the copy is one consistent moment
    even while the dashboard keeps writing. An existing backup is never overwritten.
    The audit entry is written in that transaction, so the copy holds it too.
    """
    policy.require(actor, policy.BACKUP)
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupError(_MESSAGES["target_not_empty"].format(path=target))
    if not store.exists:
        raise BackupError(labels.MESSAGES["no_database"].format(path=store.path))
    created = _missing_folders(target)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _remove_folders(created)
        raise BackupError(_MESSAGES["cannot_write"].format(
            path=target, error=files.os_reason(exc))) from exc
    written: list[Path] = []
    try:
        with store.transaction() as con:
            audit.record(store, con, actor, "backup", object_type="backup",
                         object_id=str(target))
            copies = []
            for table in _tables(con):
                file = target / f"{table}.parquet"
                written.append(file)
                db.rows(con, "backup/export_table", table=table, file=str(file))
                rows = db.rows(con, "backup/row_count", table=table)[0]["row_count"]
                copies.append((table, file, int(rows), _columns(con, table)))
            sequences = _sequences(con)
            version = db.schema_version(con)
            digests = _evidence_digests(con)
        evidence = _copy_evidence(store, target, digests)
        manifest = Manifest(
            schema_version=version,
            created_at=datetime.now().isoformat(timespec="seconds"),
            tables=tuple(TableCopy(name, file.name, rows, _sha256(file), columns)
                         for name, file, rows, columns in copies),
            sequences=sequences,
            evidence_files=evidence,
        )
        partial = target / (MANIFEST + ".part")
        written.append(partial)
        partial.write_text(manifest.to_json(), encoding="utf-8")
        partial.replace(target / MANIFEST)  # the manifest appears last: a backup is whole
    except BaseException as exc:
        # Nothing half-written stays behind: not the files, not the folders made for it.
        for file in written:
            file.unlink(missing_ok=True)
        shutil.rmtree(target / EVIDENCE_FOLDER, ignore_errors=True)
        _remove_folders(created)
        if isinstance(exc, OSError):
            raise BackupError(_MESSAGES["cannot_write"].format(
                path=target, error=files.os_reason(exc))) from exc
        if isinstance(exc, db.DiskFull) or (isinstance(exc, duckdb.Error) and db.store_problem(
                exc, target) is not None):
            raise BackupError(_MESSAGES["cannot_write"].format(
                path=target, error=labels.OS_ERRORS[28])) from exc
        raise
    return manifest


def _missing_folders(target: Path) -> list[Path]:
    """The folders mkdir(parents=True) would create for `target`, deepest first."""
    missing = []
    for folder in (target, *target.parents):
        if folder.exists():
            break
        missing.append(folder)
    return missing


def _remove_folders(folders: list[Path]) -> None:
    for folder in folders:
        try:
            folder.rmdir()  # only if empty: never anything someone else put there
        except OSError:
            return


def _evidence_digests(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The evidence files the database refers to (none before the evidence schema)."""
    if not db.rows(con, "schema/table_exists", table="evidence"):
        return []
    return [r["sha256"] for r in db.rows(con, "evidence/file_digests")]


def _copy_evidence(store: Store, target: Path, digests: list[str]) -> tuple[EvidenceCopy, ...]:
    """Copy each evidence file, checked against its address, into the backup."""
    copies = []
    for digest in digests:
        try:
            data = vault.read(store, digest)
        except vault.VaultError as exc:
            raise BackupError(_MESSAGES["evidence_missing"].format(
                sha=digest, path=vault.folder(store))) from exc
        vault.put(target / EVIDENCE_FOLDER, data)
        copies.append(EvidenceCopy(digest, len(data)))
    return tuple(copies)


# --- reading a backup -----------------------------------------------------------

def read_manifest(source: Path | str) -> Manifest:
    """The manifest of a backup, after checking every file it lists is whole."""
    source = Path(source)
    path = source / MANIFEST
    if not path.is_file():
        raise BackupError(_MESSAGES["not_a_backup"].format(path=source))
    try:
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            raise KeyError("format")
        if raw.get("format_version") != FORMAT_VERSION:
            raise BackupError(_MESSAGES["unknown_format"].format(
                path=source, version=raw.get("format_version")))
        manifest = Manifest(
            schema_version=int(raw["schema_version"]),
            created_at=str(raw["created_at"]),
            tables=tuple(
                TableCopy(str(t["name"]), str(t["file"]), int(t["rows"]), str(t["sha256"]),
                          tuple((str(c[0]), str(c[1])) for c in t["columns"]))
                for t in raw["tables"]),
            sequences={str(k): _position(v) for k, v in raw["sequences"].items()},
            evidence_files=tuple(EvidenceCopy(str(e["sha256"]), int(e["size"]))
                                 for e in raw.get("evidence_files", [])),
        )
        if manifest.schema_version < 1 or any(t.rows < 0 for t in manifest.tables):
            raise ValueError("negative schema version or row count")
    except (KeyError, TypeError, ValueError, OverflowError, AttributeError) as exc:
        if isinstance(exc, BackupError):
            raise
        raise BackupError(_MESSAGES["not_a_backup"].format(path=source)) from exc
    for table in manifest.tables:
        file = source / table.file
        if file.parent != source or not file.is_file() or _sha256(file) != table.sha256:
            raise BackupError(_MESSAGES["damaged"].format(path=source, file=table.file))
    for evidence in manifest.evidence_files:
        try:
            whole = vault.present(source / EVIDENCE_FOLDER, evidence.sha256)
        except ValueError:
            whole = False
        if not whole:
            raise BackupError(_MESSAGES["damaged"].format(path=source, file=evidence.file))
    return manifest


def _position(value: object) -> int | None:
    """A sequence position from the manifest: None (never used) or a whole number in
    the range of an id; anything else makes the backup unreadable."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**63:
        raise ValueError(f"bad sequence position {value!r}")
    return value


# --- restore --------------------------------------------------------------------

def _build(path: Path, source: Path, manifest: Manifest) -> None:
    """A complete, upgraded database at `path` holding exactly the backup's rows."""
    with Store(path).connect() as con:
        db.migrate(con, up_to=manifest.schema_version)
        expected = [t.name for t in manifest.tables]
        if sorted(_tables(con)) != sorted(expected):
            raise BackupError(_MESSAGES["schema_mismatch"].format(path=source))
        with db.atomic(con):
            for table in manifest.tables:
                if _columns(con, table.name) != table.columns:
                    raise BackupError(_MESSAGES["schema_mismatch"].format(path=source))
                db.run_on_table(con, "backup/empty_table", table.name)
                db.run_on_table(con, "backup/load_table", table.name,
                                file=str(source / table.file))
                rows = db.rows(con, "backup/row_count", table=table.name)[0]["row_count"]
                if rows != table.rows:
                    raise BackupError(_MESSAGES["damaged"].format(path=source,
                                                                  file=table.file))
            known = set(_sequences(con))
            if set(manifest.sequences) != known:
                raise BackupError(_MESSAGES["schema_mismatch"].format(path=source))
            for sequence, position in manifest.sequences.items():
                if position is not None:
                    try:
                        db.rows(con, "backup/set_sequence", sequence=sequence,
                                position=position)
                    except duckdb.Error as exc:  # out of the sequence's range
                        raise BackupError(_MESSAGES["damaged"].format(
                            path=source, file=MANIFEST)) from exc
            if not _ids_below_sequences(con):
                raise BackupError(_MESSAGES["damaged"].format(path=source, file=MANIFEST))
        db.migrate(con)
        listed = {e.sha256 for e in manifest.evidence_files}
        for digest in _evidence_digests(con):
            if digest not in listed:
                raise BackupError(_MESSAGES["damaged"].format(
                    path=source, file=vault.path_in(Path(EVIDENCE_FOLDER), digest).as_posix()))
        db.rows(con, "backup/checkpoint")


def _ids_below_sequences(con: duckdb.DuckDBPyConnection) -> bool:
    """Does every sequence stand at or past the highest id of its table? (Else new
    rows would collide with restored ones.)"""
    positions = _sequences(con)
    for row in db.rows(con, "backup/id_sequences"):
        if row["column_name"] != "id":
            continue
        highest = db.run_on_table(con, "backup/max_id", row["table_name"])[0][0]
        position = positions.get(row["sequence_name"])
        if highest is not None and (position is None or position < highest):
            return False
    return True


def _kept_name(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}-before-restore-{stamp}{path.suffix}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-before-restore-{stamp}-{n}{path.suffix}")
    return candidate


def _remove(path: Path) -> None:
    for file in (path, path.with_name(path.name + ".wal")):
        file.unlink(missing_ok=True)


def restore(store: Store, actor: Actor, source: Path | str, *,
            force: bool = False) -> RestoreResult:
    """Replace the store's database with the backup in `source`.

    Refused when the database holds values reported by people (demo values do not
    count) unless `force`; the replaced file is kept beside it either way. The restored
    database records who restored it, from where, and where the replaced file went.
    """
    policy.require(actor, policy.RESTORE)
    source = Path(source)
    manifest = read_manifest(source)
    latest = db.migration_files()[-1][0]
    if manifest.schema_version > latest:
        raise BackupError(_MESSAGES["newer_schema"].format(
            path=source, version=manifest.schema_version, latest=latest))
    staging = staging_path(store.path)
    _remove(staging)
    try:
        _build(staging, source, manifest)
        for evidence in manifest.evidence_files:  # content-addressed: never overwritten
            vault.put(vault.folder(store), vault.path_in(
                source / EVIDENCE_FOLDER, evidence.sha256).read_bytes())
        replaced = _swap(store, staging, force=force)
    except BaseException:
        _remove(staging)
        raise
    with store.transaction() as con:
        audit.record(store, con, actor, "restore", object_type="backup",
                     object_id=str(source), after={
                         "backup_created_at": manifest.created_at, "rows": manifest.rows,
                         "replaced_file": None if replaced is None else str(replaced)})
    return RestoreResult(manifest, replaced)


STALE_AFTER = 120.0  # seconds without a write: a staging file no restore is building


def staging_path(path: Path) -> Path:
    """Where a restore builds the new database before swapping it in."""
    return path.with_name(path.name + ".restoring")


def _locked(path: Path) -> bool:
    """Does a process hold DuckDB's lock on `path` (a restore still building it)?"""
    try:
        handle = os.open(path, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.lockf(handle, fcntl.LOCK_UN)
        return False
    finally:
        os.close(handle)


def remove_stale_staging(path: Path, *, stale_after: float = STALE_AFTER) -> bool:
    """Remove what a killed restore left beside the database (`*.restoring` and its
    WAL), unless a restore is building it right now; True if something was removed."""
    staging = staging_path(path)
    found = [p for p in (staging, staging.with_name(staging.name + ".wal")) if p.exists()]
    if not found:
        return False
    newest = max(p.stat().st_mtime for p in found)
    if time.time() - newest < stale_after or _locked(staging):
        return False
    for leftover in found:
        leftover.unlink(missing_ok=True)
    return True


def _swap(store: Store, staging: Path, *, force: bool) -> Path | None:
    """Put the restored file in place of the live one while holding the live one, so
    no other writer can slip in between; keep the live one under another name. A
    damaged live file holds nothing that could be read: it is kept aside as it is."""
    with db.write_lock():
        if not store.exists:
            os.replace(staging, store.path)
            return None
        try:
            return _swap_live(store, staging, force=force)
        except db.DatabaseDamaged:
            kept = _kept_name(store.path)
            os.replace(store.path, kept)
            wal = store.path.with_name(store.path.name + ".wal")
            if wal.exists():
                os.replace(wal, kept.with_name(kept.name + ".wal"))
            os.replace(staging, store.path)
            return kept


def _swap_live(store: Store, staging: Path, *, force: bool) -> Path:
    with store.connect() as con:
        db.verify(con, store.path)  # a file cut short is not checkpointed into
        reported = db.rows(con, "backup/reported_values")[0]["reported"]
        if reported and not force:
            raise BackupError(_MESSAGES["would_replace"].format(
                path=store.path, count=reported))
        db.rows(con, "backup/checkpoint")
        kept = _kept_name(store.path)
        try:
            os.link(store.path, kept)
        except OSError:
            shutil.copy2(store.path, kept)
        os.replace(staging, store.path)
    return kept
