"""Evidence files on disk: content-addressed, outside the database, written atomically.

A file lives at <folder of the database>/evidence/<first two hex digits>/<sha256>, with
no extension and no execute permission: its name says nothing about it and nothing
runs or renders it; the database row says what it is. The same content is stored
once, whoever sends it and under whatever name.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from nq57.db import Store

FOLDER = "evidence"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_MODE = 0o640


class VaultError(OSError):
    """An evidence file could not be stored or is not as recorded."""


def folder(store: Store) -> Path:
    """Where a store keeps its evidence files: beside the database file."""
    return store.path.parent / FOLDER


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def path_in(root: Path, digest: str) -> Path:
    """The place of a file with this SHA-256 under an evidence folder."""
    if not _SHA256.match(digest):
        raise ValueError(f"not a SHA-256 digest: {digest!r}")
    return root / digest[:2] / digest


def path_of(store: Store, digest: str) -> Path:
    return path_in(folder(store), digest)


def put(root: Path, data: bytes) -> str:
    """Store `data` under `root` (once), atomically; returns its SHA-256."""
    digest = sha256(data)
    target = path_in(root, digest)
    if target.is_file() and file_digest(target) == digest:
        return digest
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _MODE)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return digest


def store_file(store: Store, data: bytes) -> str:
    """put() into the store's own evidence folder."""
    return put(folder(store), data)


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read(store: Store, digest: str) -> bytes:
    """The stored bytes, checked against their address; VaultError if missing or altered."""
    path = path_of(store, digest)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise VaultError(f"missing: {path}") from exc
    if sha256(data) != digest:
        raise VaultError(f"altered: {path}")
    return data


def present(root: Path, digest: str) -> bool:
    """Is the file there with exactly the recorded content?"""
    path = path_in(root, digest)
    return path.is_file() and file_digest(path) == digest
