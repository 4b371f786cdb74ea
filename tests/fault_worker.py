"""Processes the fault tests start, kill and race against: an importer and a
dashboard-like neighbour. Run as `python -m tests.fault_worker KIND DB ...`.

They use the core exactly as the product does (record_upload inside
store.transaction(), short-lived connections) and report progress on stdout, one
line per step, so the test knows when to strike.
"""

from __future__ import annotations

import hashlib
import select
import sys
import time
from datetime import datetime, timedelta

from nq57 import revisions, status
from nq57.db import Store
from nq57.revisions import NewValue, UploadMeta

FAULT_UNIT, FAULT_PERIOD = "SKHCN", "2026-Q4"


def fault_values(round_no: int, rows: int) -> list[NewValue]:
    """`rows` values of synthetic items, all different from the previous round's."""
    return [NewValue(f"F.{i:05d}", float(round_no * 100_000 + i),
                     note=f"lần {round_no}", evidence=None)
            for i in range(rows)]


def fault_meta(round_no: int, rows: int, unit: str = FAULT_UNIT,
               period: str = FAULT_PERIOD) -> UploadMeta:
    return UploadMeta(
        unit=unit, period=period, file_name=f"lan-{round_no}.xlsx",
        sha256=hashlib.sha256(f"{unit}|{period}|{round_no}".encode()).hexdigest(),
        uploaded_by="Kiểm thử sự cố", rows_read=rows,
        at=datetime(2026, 11, 1, 8) + timedelta(minutes=round_no),
    )


def say(*words: object) -> None:
    sys.stdout.write(" ".join(str(w) for w in words) + "\n")
    sys.stdout.flush()


def importer(path: str, first_round: int, rows: int) -> None:
    """Upload after upload, until killed. For each round prints 'begin', 'commit'
    (values written, commit next) and 'done' (committed, file closed), with the
    round number and seconds since the round began."""
    store = Store(path)
    round_no = first_round
    while True:
        values = fault_values(round_no, rows)
        meta = fault_meta(round_no, rows)
        start = time.perf_counter()
        say("begin", round_no, 0.0)
        with store.transaction() as con:
            revisions.record_upload(store, con, meta, values)
            say("commit", round_no, time.perf_counter() - start)
        say("done", round_no, time.perf_counter() - start)
        round_no += 1


def dashboard(path: str, seconds: float, unit: str) -> None:
    """Read status like page runs do, and write an upload every few runs, for
    `seconds`; prints 'wrote <upload id>' for every committed write."""
    store = Store(path)
    deadline = time.monotonic() + seconds
    run = 0
    say("ready")
    while time.monotonic() < deadline:
        run += 1
        status.gaps(store, "2026-Q3", as_of="2026-11-23")
        if run % 3 == 0:
            meta = fault_meta(run, 50, unit=unit, period="2026-Q4")
            with store.transaction() as con:
                result = revisions.record_upload(store, con, meta, fault_values(run, 50))
            say("wrote", result.upload_id)
        time.sleep(0.05)  # a person reading the page before the next click
    say("finished", run)


def holder(path: str, seconds: float) -> None:
    """Keep a write transaction open on the file (a long import) until the test closes
    this worker's stdin, or at most `seconds`: the test, not the machine's speed,
    decides how long the others wait."""
    store = Store(path)
    with store.transaction():
        say("holding")
        select.select([sys.stdin], [], [], seconds)
    say("released")


if __name__ == "__main__":
    kind, db_path, *rest = sys.argv[1:]
    if kind == "import":
        importer(db_path, int(rest[0]), int(rest[1]))
    elif kind == "dashboard":
        dashboard(db_path, float(rest[0]), rest[1])
    elif kind == "hold":
        holder(db_path, float(rest[0]))
    else:
        raise SystemExit(f"unknown worker {kind!r}")
