"""Benchmarks at scale: figures and ratios, printed. Nothing here asserts a timing.

    python bench/run.py            # full scale: 200 units × 20 quarters × 3 revisions
    python bench/run.py --quick    # small scale, for CI

Builds a synthetic history in a temporary database, then measures the status query
against a bare scan of the same table and against pandas, the pages through
AppTest (cold and warm), the import against a bare openpyxl read (when the import
benchmark exists) and the memory of a real `streamlit run` while a browser loads
every page. Results also go to bench/out/results-<scale>.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import psutil  # noqa: E402

from bench import pandas_status, synthetic  # noqa: E402
from nq57 import db, status  # noqa: E402
from nq57.db import Store  # noqa: E402
from tests.app_pages import AppPage, app_pages  # noqa: E402

PERIOD, BASELINE_PERIOD = "2026-Q3", "2025-Q4"
TODAY = "2026-11-23"
AS_OF = date.fromisoformat(TODAY)
OUT = ROOT / "bench" / "out"
MB = 1024 * 1024


# --- recording ------------------------------------------------------------------

@dataclass
class Figure:
    name: str
    value: float
    unit: str
    note: str = ""


@dataclass
class Results:
    scale: str
    machine: dict[str, Any]
    data: dict[str, int] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)
    goals: list[dict[str, Any]] = field(default_factory=list)

    def add(self, name: str, value: float, unit: str, note: str = "") -> float:
        self.figures.append(Figure(name, value, unit, note))
        shown = f"{value:,.1f}" if unit in ("ms", "MB", "×") else f"{value:,.3f}"
        print(f"  {name:<58} {shown:>12} {unit:<3} {note}", flush=True)
        return value

    def goal(self, name: str, measured: float, limit: float, unit: str,
             lower_is_better: bool = True) -> None:
        met = measured <= limit if lower_is_better else measured >= limit
        self.goals.append({"goal": name, "measured": measured, "limit": limit, "unit": unit,
                           "met": met})


def section(title: str) -> None:
    print(f"\n== {title}", flush=True)


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """Median and best wall time of `repeat` runs, in ms (after one warm-up)."""
    runs = interleaved({"fn": fn}, repeat)["fn"]
    return statistics.median(runs), min(runs)


def machine() -> dict[str, Any]:
    import streamlit

    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    os_name = platform.platform()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return {
        "cpu": cpu, "cores": os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 1024**3, 1),
        "os": os_name, "python": platform.python_version(), "duckdb": duckdb.__version__,
        "streamlit": streamlit.__version__, "pandas": pd.__version__,
        "load_average_at_start": [round(x, 1) for x in os.getloadavg()],
    }


# --- the status query -----------------------------------------------------------

def _agree(sql: pd.DataFrame, pandas: pd.DataFrame) -> list[str]:
    """Items on which the two computations differ (status, reason or numbers)."""
    # pandas re-does the engine's rules (020): compare with the status before review (030).
    sql = sql.assign(status=sql["reported_status"], status_reason=sql["reported_status_reason"])
    a = sql.set_index("code").sort_index()
    b = pandas.set_index("code").sort_index()
    problems = []
    if list(a.index) != list(b.index):
        return [f"different items: {len(a)} vs {len(b)}"]
    def text(column: pd.Series) -> pd.Series:
        return column.astype(object).where(column.notna(), "").astype(str)

    # (weakest_part is not compared: SQL names the part weakest by the official status,
    # which the review regime shapes and pandas does not model.)
    for column in ("status", "status_reason", "value_period", "baseline_source"):
        diff = a.index[text(a[column]) != text(b[column])]
        problems += [f"{code}: {column} {a.at[code, column]} vs {b.at[code, column]}"
                     for code in diff]
    for column in ("actual", "baseline", "completion", "elapsed", "expected", "gap"):
        left, right = a[column].astype(float), b[column].astype(float)
        same = np.isclose(left, right, equal_nan=True, rtol=1e-9, atol=1e-9)
        problems += [f"{code}: {column} {left[code]} vs {right[code]}"
                     for code in a.index[~same]]
    return problems


def interleaved(runs: dict[str, Callable[[], Any]], repeat: int) -> dict[str, list[float]]:
    """Wall times in ms of each function, taken in turn in every round (after one
    warm-up), so that all of them meet the same load on a shared machine."""
    for fn in runs.values():
        fn()
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, fn in runs.items():
            start = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - start) * 1000)
    return times


def ratio(times: dict[str, list[float]], top: str, bottom: str) -> float:
    """Median of the round-by-round ratios."""
    return statistics.median(a / b for a, b in zip(times[top], times[bottom], strict=True))


def bench_status(results: Results, store: Store, repeat: int) -> None:
    section(f"Status query for one period ({PERIOD}, as of {TODAY})")
    params = {"period": PERIOD, "as_of": AS_OF, "units": None, "group": None}
    as_of = pd.Timestamp(AS_OF)
    with store.connect() as con:
        start = time.perf_counter()
        tables = pandas_status.Tables(
            actuals=synthetic.frame(con, "pandas_actuals"),
            revoked=synthetic.frame(con, "pandas_revocations"),
            items=synthetic.frame(con, "pandas_items"),
            periods=synthetic.frame(con, "pandas_periods"),
            settings=synthetic.frame(con, "pandas_settings"),
            statuses=synthetic.frame(con, "pandas_statuses"),
        )
        loading = (time.perf_counter() - start) * 1000
        problems = []
        for item_type in ("target", "task"):
            problems += _agree(db.frame(con, "gaps", item_type=item_type, **params),
                               pandas_status.gaps(tables, PERIOD, as_of, item_type))
        if problems:
            print("  !! pandas and DuckDB disagree:", *problems[:10], sep="\n     ")
            raise SystemExit(1)
        print("  (pandas and DuckDB agree on every target, task and parent task)")
        times = interleaved({
            "query": lambda: db.frame(con, "gaps", item_type="target", **params),
            "tasks": lambda: db.frame(con, "gaps", item_type="task", **params),
            "counts": lambda: db.frame(con, "dashboard/status_change", item_type="target",
                                     previous="2026-Q2", **params),
            "scan": lambda: synthetic.run(con, "bare_scan"),
            "scan_period": lambda: synthetic.run(con, "bare_scan_period", period=PERIOD,
                                                 baseline_period=BASELINE_PERIOD),
            "pandas": lambda: pandas_status.gaps(tables, PERIOD, as_of, "target"),
            "door": lambda: status.gaps(store, PERIOD, as_of=AS_OF),
        }, repeat)

    def add(name: str, key: str, note: str = "") -> None:
        best = min(times[key])
        results.add(name, statistics.median(times[key]), "ms",
                    f"best {best:.1f}" + (f"; {note}" if note else ""))

    add("status query, 54 targets (gaps.sql → nq57_gaps_for)", "query")
    add("status query, 42 tasks", "tasks")
    add("status counts for the cards, this and last quarter (status_change.sql)", "counts")
    add("bare DuckDB scan of actuals, all rows", "scan")
    add("bare DuckDB scan, rows of the period + baseline only", "scan_period")
    add("same computation in pandas, targets", "pandas")
    results.add("pandas: loading the tables into memory (once)", loading, "ms",
                "not counted in the pandas figure")
    add("status.gaps() incl. opening the file", "door", "what a page pays uncached")
    to_scan = results.add("ratio status query / bare scan (all rows)",
                          ratio(times, "query", "scan"), "×", "goal ≤ 3")
    results.add("ratio status query / bare scan (period rows)",
                ratio(times, "query", "scan_period"), "×")
    to_pandas = results.add("ratio status query / pandas", ratio(times, "query", "pandas"), "×",
                            "goal < 1")
    results.goal("status query ≤ 3× a bare scan of actuals", to_scan, 3.0, "×")
    results.goal("status query faster than pandas", to_pandas, 1.0, "×")


# --- pages through AppTest --------------------------------------------------------

BENCH_ADMIN, BENCH_PASSWORD = "bench.admin", "mat khau cua bench"


def bench_accounts(store: Store) -> None:
    """An administrator to render every page as, and reading without signing in (the
    browser part visits each page's address, a new session each time)."""
    from nq57 import accounts, policy, settings

    if accounts.get(store, BENCH_ADMIN) is None:
        actor = None if accounts.first_admin_allowed(store) else policy.SYSTEM
        accounts.create(store, actor, BENCH_ADMIN, policy.ADMIN, password=BENCH_PASSWORD)
    settings.update(store, policy.SYSTEM, "allow_anonymous_read", "on")


def signed_in(at: Any, store: Store) -> Any:
    """The app session signed in as the bench's administrator (a real session)."""
    from nq57 import signin
    from ui import auth

    at.session_state[auth.TOKEN_KEY] = signin.sign_in(store, BENCH_ADMIN, BENCH_PASSWORD).token
    return at


def bench_pages(results: Results, store: Store, repeat: int) -> None:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    section("Pages through AppTest (server-side render of a full page run)")
    app = str(ROOT / "app.py")
    leads = sorted(set(status.gaps(store, PERIOD, as_of=AS_OF)["lead_unit"]))

    def clear() -> None:
        st.cache_data.clear()
        st.cache_resource.clear()

    def check(at: AppTest, page: AppPage) -> None:
        if at.exception:
            raise SystemExit(f"{page.slug}: {[e.value for e in at.exception]}")

    worst_warm = 0.0
    for page in app_pages():
        clear()
        at = signed_in(AppTest.from_file(app, default_timeout=600), store)
        if not page.default:
            at.run()  # register the pages, then start cold again
            at.switch_page(page.script)
            clear()
        start = time.perf_counter()
        at.run()
        cold = (time.perf_counter() - start) * 1000
        check(at, page)
        results.add(f"{page.slug}: cold (caches empty)", cold, "ms")
        warm, _ = timed(at.run, repeat)
        check(at, page)
        worst_warm = max(worst_warm, warm)
        results.add(f"{page.slug}: warm (same session, rerun, median)", warm, "ms")

        fresh = []
        for unit in leads[:repeat]:
            other = signed_in(AppTest.from_file(app, default_timeout=600), store)
            other.query_params["unit"] = unit
            if not page.default:
                other.run()
                other.switch_page(page.script)
            start = time.perf_counter()
            other.run()
            fresh.append((time.perf_counter() - start) * 1000)
            check(other, page)
        results.add(f"{page.slug}: new session, a unit not viewed yet (median)",
                    statistics.median(fresh), "ms")
    results.goal("pages under 1 s warm", worst_warm, 1000.0, "ms")


# --- import (slot) ----------------------------------------------------------------

def bench_import(results: Results, rows: int) -> None:
    """A workbook of `rows` valid rows (bench/import_bench.py builds a catalogue big
    enough) imported through the product, beside a bare openpyxl read of the same file."""
    from bench import import_bench

    section(f"Import of a {rows:,}-row workbook")
    figures = import_bench.measure(rows=rows)
    print(f"  ({figures['rows']:,} values stored from a {figures['file_bytes'] / 1e6:.1f} MB file)")
    imported = results.add("import through the product (best of 3)",
                           figures["import_s"] * 1000, "ms")
    bare = results.add("bare openpyxl read of the same file (best of 3)",
                       figures["bare_read_s"] * 1000, "ms")
    results.add("refusing a 200 MB zip bomb", figures["zip_bomb_s"] * 1000, "ms")
    results.add("refusing a sheet one row past the limit", figures["too_many_rows_s"] * 1000,
                "ms")
    results.add("ratio import / bare read", imported / bare, "×", "goal ≤ 2")
    results.goal("import ≤ 2× the bare read", imported / bare, 2.0, "×")


# --- the briefing report ------------------------------------------------------------

def bench_briefing(results: Results, store: Store, repeat: int) -> None:
    """The province's report beside the status query it is built on (same rounds)."""
    from bench import briefing_bench

    section(f"Briefing report, province, {PERIOD}")
    figures = briefing_bench.measure(store, repeat)
    for key, label in briefing_bench.LABELS.items():
        ratio = figures["ratio_to_status"].get(key)
        results.add(label, figures["median_ms"][key], "ms",
                    f"best {figures['best_ms'][key]:.1f}"
                    + (f"; {ratio:.1f}× the status query" if ratio else ""))
    results.add("ratio province PDF end to end / status query",
                figures["ratio_to_status"]["province_pdf"], "×")
    results.goal("province PDF within a few seconds (5 s)",
                 figures["median_ms"]["province_pdf"], 5000.0, "ms")


# --- a real server under a browser --------------------------------------------------

def bench_server(results: Results, store: Store, workdir: Path) -> None:
    from playwright.sync_api import sync_playwright

    from tests.e2e.browser import exceptions, visit
    from tests.e2e.server import launch_chromium, start_app

    section("Memory of `streamlit run` while a browser loads every page")
    server = start_app(workdir / "server", db=store.path, demo=False)
    process = psutil.Process(server.process.pid if server.process else 0)
    peak = [0]
    done = threading.Event()

    def rss() -> int:
        total = process.memory_info().rss
        for child in process.children(recursive=True):
            with contextlib.suppress(psutil.NoSuchProcess):
                total += child.memory_info().rss
        return total

    def sample() -> None:
        while not done.is_set():
            try:
                peak[0] = max(peak[0], rss())
            except psutil.NoSuchProcess:
                return
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    try:
        idle = rss()
        sampler.start()
        leads = sorted(set(status.gaps(store, PERIOD, as_of=AS_OF)["lead_unit"]))
        timings = []
        with sync_playwright() as driver:
            browser = launch_chromium(driver)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            links = [server.link(p.path) for p in app_pages()]
            links += [server.link(period=PERIOD, unit=unit) for unit in leads[:5]]
            links += [server.link(period=period) for period in ("2026-Q1", "2026-Q2")]
            for link in links:
                start = time.perf_counter()
                visit(page, link)
                timings.append((time.perf_counter() - start) * 1000)
                if exceptions(page):
                    raise SystemExit(f"{link}: {exceptions(page)}")
            browser.close()
        done.set()
        sampler.join()
        results.add("server RSS after start, before any page", idle / MB, "MB")
        results.add(f"server peak RSS over {len(links)} page loads", peak[0] / MB, "MB")
        results.add("browser page load to rendered (median)", statistics.median(timings),
                    "ms", "includes the browser's own rendering")
        results.goal("app process under 500 MB", peak[0] / MB, 500.0, "MB")
    finally:
        done.set()
        server.stop()


# --- main -------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small scale, for CI")
    parser.add_argument("--db", type=Path, help="reuse a database built by an earlier run")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--repeat", type=int, default=None, help="runs per timing")
    parser.add_argument("--skip-browser", action="store_true",
                        help="no `streamlit run` + browser memory measurement")
    parser.add_argument("--out", type=Path, default=OUT, help="where results-*.json go")
    args = parser.parse_args(argv)

    scale = synthetic.QUICK if args.quick else synthetic.FULL
    repeat = args.repeat or (3 if args.quick else 7)
    results = Results(scale="quick" if args.quick else "full", machine=machine())
    print("Machine:", ", ".join(f"{k}={v}" for k, v in results.machine.items()))
    workdir = Path(tempfile.mkdtemp(prefix="nq57-bench-"))
    os.environ.update({"NQ57_TODAY": TODAY, "NQ57_DEMO": "0"})
    try:
        if args.db and args.db.exists():
            store = Store(args.db)
            print(f"Reusing {args.db}")
        else:
            path = args.db or workdir / "bench.duckdb"
            section(f"Synthetic history: {scale}")
            start = time.perf_counter()
            results.data = synthetic.build(path, scale)
            store = Store(path)
            results.add("build (bulk insert + checkpoint)", time.perf_counter() - start, "s")
        with store.connect() as con:
            results.data = dict(zip(
                ("synthetic_units", "uploads", "revoked_uploads", "actuals", "periods"),
                synthetic.run(con, "sizes")[0], strict=True))
        print("Data:", ", ".join(f"{k}={v:,}" for k, v in results.data.items()))
        results.add("database file size", store.path.stat().st_size / MB, "MB")
        os.environ["NQ57_DB"] = str(store.path)
        bench_accounts(store)

        bench_status(results, store, repeat)
        bench_pages(results, store, repeat)
        bench_import(results, 500 if args.quick else 5000)
        bench_briefing(results, store, repeat)
        if not args.skip_browser:
            bench_server(results, store, workdir)

        results.machine["load_average_at_end"] = [round(x, 1) for x in os.getloadavg()]
        section("Goals" + (" (set for the full scale: at this size fixed costs dominate)"
                           if args.quick else ""))
        for goal in results.goals:
            mark = "met" if goal["met"] else "NOT met"
            print(f"  {goal['goal']:<45} {goal['measured']:>10,.2f} {goal['unit']:<3}"
                  f" (limit {goal['limit']:g}) {mark}")
        args.out.mkdir(parents=True, exist_ok=True)
        out = args.out / f"results-{results.scale}.json"
        out.write_text(json.dumps(asdict(results), ensure_ascii=False, indent=2,
                                  default=str), encoding="utf-8")
        print(f"\nWritten to {out}")
    finally:
        if args.keep:
            print(f"Kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
