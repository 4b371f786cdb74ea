"""The store: one DuckDB file, short-lived connections, named SQL, migrations.

DuckDB lets one process hold a file for writing. The dashboard and the CLI are two
processes, so neither keeps the file open: every operation opens a connection, does
its work and closes it, and a lock held by the other process is waited out for a
while before it is reported as a clear, Vietnamese message.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from nq57 import labels

ROOT = Path(__file__).resolve().parent.parent
QUERIES_DIR = ROOT / "queries"
MIGRATIONS_DIR = QUERIES_DIR / "migrations"
DEFINITIONS_DIR = QUERIES_DIR / "definitions"

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_LOCK_MARKERS = ("Could not set lock", "Conflicting lock")

# Writers inside one process (Streamlit serves each session on its own thread) take
# turns; DuckDB's own file lock does the same between processes.
_WRITE_LOCK = threading.RLock()

# Connections of one process share one open database (DuckDB caches it by path) and
# the file is released when the last of them closes. A connect racing with that last
# close finds the file neither shared nor free ("Unique file handle conflict"), so
# opening and closing take turns; queries themselves run in parallel.
_OPEN_LOCK = threading.Lock()


def write_lock() -> threading.RLock:
    """The lock writers of this process share."""
    return _WRITE_LOCK


class StoreProblem(RuntimeError):
    """The store cannot do what was asked, for a reason a person can act on; the
    message says why and what to do, in Vietnamese."""


class StoreBusy(StoreProblem):
    """Another process holds the database file for longer than we are willing to wait."""


class DatabaseDamaged(StoreProblem):
    """The database file is truncated or is not a database: nothing is written to it."""


class DiskFull(StoreProblem):
    """A write failed for want of space; the transaction was rolled back."""


# What DuckDB and the OS say when a file is damaged or a disk is full.
_DAMAGE_MARKERS = ("not a valid DuckDB database file", "Could not read enough bytes",
                   "Corrupt database file", "database file is corrupt",
                   "Failed to read block", "checksum mismatch", "Checksum mismatch")
_FULL_MARKERS = ("No space left on device", "File too large", "Disk quota exceeded")
_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})

# DuckDB's file begins with a main header ("DUCK" at byte 8) and two database headers,
# at 4 KiB and 8 KiB; storage blocks follow.
_HEADER_SIZE = 3 * 4096


def damage(path: Path) -> bool:
    """Is the file at `path` (if any) visibly not a DuckDB database: empty, cut inside
    its headers, or not starting like one? (Cut later on: see verify.)"""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(12)
    except FileNotFoundError:
        return False
    return size < _HEADER_SIZE or head[8:12] != b"DUCK"


def verify(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """DatabaseDamaged if a table's data lie in blocks past the end of the file (a file
    cut short opens, and fails only when those rows are read). Reads metadata only."""
    block_size = int(_run(con, "schema/block_size")[0][0])
    last = max((int(_run(con, "schema/last_block", table=table)[0][0])
                for (table,) in _run(con, "schema/tables")), default=-1)
    if path.stat().st_size < _HEADER_SIZE + (last + 1) * block_size:
        raise DatabaseDamaged(labels.MESSAGES["database_damaged"].format(path=path))


def store_problem(exc: BaseException, path: Path) -> StoreProblem | None:
    """The StoreProblem an error from DuckDB or the OS means, or None if it means
    none a person can act on (a bug: it goes to the incident log)."""
    text = str(exc)
    code = getattr(exc, "errno", None)
    if code in _FULL_ERRNOS or any(marker in text for marker in _FULL_MARKERS):
        return DiskFull(labels.MESSAGES["disk_full"].format(path=path))
    if any(marker in text for marker in _DAMAGE_MARKERS):
        return DatabaseDamaged(labels.MESSAGES["database_damaged"].format(path=path))
    return None


@dataclass(frozen=True)
class Query:
    name: str
    sql: str
    params: tuple[str, ...]


@cache
def load_query(name: str) -> Query:
    """A named query from queries/<name>.sql, with the $parameters it expects."""
    path = QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no query named {name!r} in {QUERIES_DIR}")
    sql = path.read_text(encoding="utf-8")
    params = tuple(dict.fromkeys(_PARAM.findall(_strip_comments(sql))))
    return Query(name, sql, params)


def query_names() -> list[str]:
    """Every named query (not migrations or definitions), for the test that runs them all."""
    skip = {MIGRATIONS_DIR, DEFINITIONS_DIR}
    return sorted(
        p.relative_to(QUERIES_DIR).with_suffix("").as_posix()
        for p in QUERIES_DIR.rglob("*.sql")
        if p.parent not in skip
    )


def _strip_comments(sql: str) -> str:
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


def _bind(query: Query, params: dict[str, Any]) -> dict[str, Any]:
    missing = [p for p in query.params if p not in params]
    if missing:
        raise TypeError(f"query {query.name!r} needs parameters {missing}")
    return {p: params[p] for p in query.params}


def _is_lock_error(exc: Exception) -> bool:
    return any(marker in str(exc) for marker in _LOCK_MARKERS)


def _raise_as_problem(exc: BaseException, path: Path) -> None:
    """Raise the StoreProblem `exc` means, if it means one."""
    problem = store_problem(exc, path)
    if problem is not None:
        raise problem from exc


class Store:
    """A DuckDB file and the ways to read and write it."""

    def __init__(self, path: Path | str, *, busy_timeout: float = 15.0) -> None:
        self.path = Path(path)
        self.busy_timeout = busy_timeout

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    @property
    def exists(self) -> bool:
        return self.path.exists()

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one unit of work; closed (and the file released) after it.

        A damaged file is refused before DuckDB opens it (so nothing is written to it);
        a full disk or a damaged block met on the way becomes a StoreProblem."""
        if damage(self.path):
            raise DatabaseDamaged(labels.MESSAGES["database_damaged"].format(path=self.path))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _raise_as_problem(exc, self.path)
            raise
        deadline = time.monotonic() + self.busy_timeout
        pause = 0.05
        while True:
            try:
                with _OPEN_LOCK:
                    con = duckdb.connect(str(self.path))
                break
            except duckdb.Error as exc:
                if not _is_lock_error(exc):
                    _raise_as_problem(exc, self.path)
                    raise
                if time.monotonic() >= deadline:
                    raise StoreBusy(labels.MESSAGES["store_busy"].format(path=self.path)) from exc
                time.sleep(pause)
                pause = min(pause * 2, 0.5)
        try:
            yield con
        except duckdb.Error as exc:
            _raise_as_problem(exc, self.path)
            raise
        finally:
            # A checkpoint that fails on close (disk full) loses nothing: the WAL keeps
            # every commit and is replayed on the next open.
            with _OPEN_LOCK, suppress(duckdb.Error):
                con.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One atomic write: everything inside commits together or not at all."""
        with _WRITE_LOCK, self.connect() as con, atomic(con):
            yield con

    def frame(self, name: str, con: duckdb.DuckDBPyConnection | None = None,
              **params: Any) -> pd.DataFrame:
        """Run a named query and return its rows as a data frame."""
        if con is not None:
            return frame(con, name, **params)
        with self.connect() as own:
            return frame(own, name, **params)

    def rows(self, name: str, con: duckdb.DuckDBPyConnection | None = None,
             **params: Any) -> list[dict[str, Any]]:
        """Run a named query and return its rows as dicts."""
        if con is not None:
            return rows(con, name, **params)
        with self.connect() as own:
            return rows(own, name, **params)

    def execute(self, name: str, con: duckdb.DuckDBPyConnection, **params: Any) -> None:
        """Run a named statement inside a caller's transaction."""
        _run(con, name, **params)

    def data_version(self) -> tuple[int, ...]:
        """Changes whenever any process writes; cheap enough to call on every page run."""
        stamp: list[int] = []
        for candidate in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                st = candidate.stat()
                stamp += [st.st_mtime_ns, st.st_size]
            except FileNotFoundError:
                stamp += [0, 0]
        return tuple(stamp)


def _execute(con: duckdb.DuckDBPyConnection, name: str,
             params: dict[str, Any]) -> duckdb.DuckDBPyConnection:
    query = load_query(name)
    return con.execute(query.sql, _bind(query, params))


def frame(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> pd.DataFrame:
    """Rows of a named query on an open connection, as a data frame.

    DATE columns come back as datetime.date (not midnight timestamps), so a deadline
    prints as 2026-03-31.
    """
    result = _execute(con, name, params)
    dates = [d[0] for d in result.description if str(d[1]) == "DATE"]
    table = result.df()
    for column in dates:
        values = table[column]
        table[column] = values.dt.date.astype(object).where(values.notna(), None)
    return table


def rows(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of a named query on an open connection, as dicts."""
    result = _execute(con, name, params)
    columns = [d[0] for d in result.description]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]


# --- migrations -------------------------------------------------------------------

_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def migration_files() -> list[tuple[int, Path]]:
    """Numbered schema changes, in order; a gap or a duplicate number is a bug."""
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if not match:
            raise ValueError(f"migration file name must look like 001_name.sql: {path.name}")
        found.append((int(match.group(1)), path))
    numbers = [n for n, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise ValueError(f"migrations must be numbered 1..n without gaps: {numbers}")
    return found


def definitions_checksum() -> str:
    digest = hashlib.sha256()
    for path in sorted(DEFINITIONS_DIR.glob("*.sql")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _run(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> list[tuple]:
    result = _execute(con, name, params)
    return result.fetchall() if result.description else []


def migrate(con: duckdb.DuckDBPyConnection, up_to: int | None = None) -> list[str]:
    """Apply pending migrations, then (re)create views and macros if they changed.

    Safe to run any number of times; returns the files it applied. With `up_to`, stop
    after that schema version and leave views and macros alone: a restore loads a
    backup into the schema it was taken from, then upgrades it like any database.
    """
    applied: list[str] = []
    _run(con, "schema/bookkeeping")
    done = {row[0] for row in _run(con, "schema/applied_migrations")}
    for number, path in migration_files():
        if number in done or (up_to is not None and number > up_to):
            continue
        with atomic(con):
            con.execute(path.read_text(encoding="utf-8"))
            _run(con, "schema/record_migration", version=number, file_name=path.name)
        applied.append(path.name)
    if up_to is not None:
        return applied

    checksum = definitions_checksum()
    current = _run(con, "schema/definitions_checksum")
    if not current or current[0][0] != checksum:
        with atomic(con):
            for path in sorted(DEFINITIONS_DIR.glob("*.sql")):
                con.execute(path.read_text(encoding="utf-8"))
                applied.append(path.name)
            _run(con, "schema/record_definitions")
            _run(con, "schema/set_definitions_checksum", checksum=checksum)
    return applied


@contextmanager
def atomic(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.begin()
    try:
        yield
    except BaseException:
        con.rollback()
        raise
    con.commit()


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def run_on_table(con: duckdb.DuckDBPyConnection, name: str, table: str,
                 **params: Any) -> list[tuple]:
    """Run a named statement whose table is the placeholder {table}.

    Identifiers cannot be bound parameters, so the name must be a plain identifier and
    a table of this database; it is then quoted into the statement.
    """
    if not _IDENTIFIER.match(table) or not _run(con, "schema/table_exists", table=table):
        raise KeyError(f"no table named {table!r} in this database")
    query = load_query(name)
    statement = query.sql.replace("{table}", f'"{table}"')
    result = con.execute(statement, _bind(query, params))
    return result.fetchall() if result.description else []


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    versions = [row[0] for row in _run(con, "schema/applied_migrations")]
    return max(versions, default=0)


def get_setting(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    rows = _run(con, "settings/get", key=key)
    return rows[0][0] if rows else None


def set_setting(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    _run(con, "settings/set", key=key, value=value)


def env_path() -> Path:
    """The database file: NQ57_DB, or data/nq57.duckdb beside the code."""
    return Path(os.environ.get("NQ57_DB") or ROOT / "data" / "nq57.duckdb")
