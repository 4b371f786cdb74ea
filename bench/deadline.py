"""Deadline day: the 20th after a quarter, every unit uploads while the committee watches.

`python bench/deadline.py [--quick]` builds the synthetic history of bench/run.py
(~1.2 M actuals at full scale), starts a real `streamlit run` on it, and drives one
Chromium (Playwright, async) with SESSIONS browser sessions moving through the
dashboard's pages while UPLOADS uploads for different units are committed at once
through the page "Nhập số liệu". It prints (and writes to bench/out/deadline-*.json):
page time p50/p95, upload time p50/p95/max, and every error a session saw; then checks
that each upload is stored exactly once.

Each upload signs in, in its own tab, as the staff account of its unit (created in
the bench's database), as a person at that unit would.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import synthetic  # noqa: E402
from bench.import_bench import fill, typical_value  # noqa: E402
from nq57 import imports, labels  # noqa: E402
from nq57.db import Store  # noqa: E402
from tests.app_pages import app_pages  # noqa: E402
from tests.e2e.browser import IDLE  # noqa: E402
from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, start_app  # noqa: E402

PERIOD, TODAY = "2026-Q3", "2026-11-23"
OUT = ROOT / "bench" / "out"
WAIT_MS = 600_000
UPLOAD_WAIT_S = 240
INCIDENT = "mã sự cố"
BUSY = labels.MESSAGES["store_busy"].split("{path}")[1][:40]


@dataclass
class Run:
    scale: str
    sessions: int
    uploads: int
    actuals: int = 0
    page_ms: list[float] = field(default_factory=list)
    upload_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    driver_failures: list[str] = field(default_factory=list)
    busy_notices: int = 0
    stored_once: bool = False
    stored: dict[str, int] = field(default_factory=dict)
    wall_s: float = 0.0
    load_average: list[float] = field(default_factory=list)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else 0.0


async def settle(page: Any) -> None:
    """Until the script run has finished and its output is drawn."""
    await page.wait_for_selector(IDLE, timeout=WAIT_MS)
    await page.wait_for_selector('[data-testid="stSkeleton"]', state="detached",
                                 timeout=WAIT_MS)


async def problems(page: Any) -> list[str]:
    """What a person would call an error: a traceback box, an incident notice."""
    found = await page.get_by_test_id("stException").all_inner_texts()
    alerts = await page.get_by_test_id("stAlert").all_inner_texts()
    return found + [a for a in alerts if INCIDENT in a]


async def browse(context: Any, base: str, number: int, rounds: int, run: Run) -> None:
    """One member of the committee moving through the pages, a unit filter on half."""
    page = await context.new_page()
    paths = [p.path for p in app_pages() if p.url_path != labels.UPLOAD_PAGE_PATH]
    unit = ("SKHCN", "SNV", "STC", "CAT", None)[number % 5]
    query = f"?period={PERIOD}" + (f"&unit={unit}" if unit else "")
    for _ in range(rounds):
        for path in paths:
            started = time.perf_counter()
            await page.goto(f"{base}/{path}{query}", wait_until="commit", timeout=WAIT_MS)
            await settle(page)
            run.page_ms.append((time.perf_counter() - started) * 1000)
            run.errors += [f"session {number} /{path}: {p[:200]}" for p in await problems(page)]
    await page.close()


async def upload(context: Any, base: str, unit: str, period: str, file: Path,
                 run: Run) -> None:
    """One unit's upload through the page, from signing in as the unit's staff to the
    saved notice."""
    page = await context.new_page()
    await page.goto(f"{base}/{labels.UPLOAD_PAGE_PATH}?unit={unit}&period={period}",
                    wait_until="commit", timeout=WAIT_MS)
    await settle(page)
    main = page.get_by_test_id("stMain")
    await main.get_by_role("textbox", name=labels.AUTH_PAGE["name"]).fill(
        staff_name(unit))
    await main.get_by_role("textbox", name=labels.AUTH_PAGE["password"]).fill(PASSWORD)
    await main.get_by_role("button", name=labels.AUTH_PAGE["submit"]).click()
    await page.get_by_test_id("stSidebar").get_by_role(
        "button", name=labels.AUTH_PAGE["sign_out"]).wait_for(timeout=WAIT_MS)
    await settle(page)
    started = time.perf_counter()
    uploader = page.get_by_test_id("stFileUploader").filter(
        has_text=labels.EXCEL_PAGE["uploader"])  # not the evidence uploaders below it
    await uploader.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(file))
    confirm = page.get_by_role("button", name=labels.EXCEL_PAGE["confirm"])
    await confirm.wait_for(timeout=WAIT_MS)
    await settle(page)
    await confirm.click()
    saved = page.get_by_text("Đã lưu lần nhập số")
    busy = page.get_by_text(BUSY)
    give_up = time.perf_counter() + UPLOAD_WAIT_S
    while True:
        if await saved.count():
            break
        if await busy.count():  # a writer that waited too long is told so, in Vietnamese
            run.busy_notices += 1
            break
        problems_seen = await problems(page)
        if problems_seen:
            run.errors += [f"upload {unit}: {p[:200]}" for p in problems_seen]
            break
        if time.perf_counter() > give_up:  # never a silent hang: say what the page showed
            shown = await page.get_by_test_id("stAlert").all_inner_texts()
            run.errors.append(f"upload {unit}: no saved notice after {UPLOAD_WAIT_S} s; "
                              f"the page showed {[text[:200] for text in shown]}")
            break
        await asyncio.sleep(0.2)
    run.upload_ms.append((time.perf_counter() - started) * 1000)
    await page.close()


PASSWORD = "Mat khau bench 2026"


def staff_name(unit: str) -> str:
    return f"bench.{unit.lower()}"


def bench_accounts(store: Store, units: set[str]) -> None:
    """A staff account for each unit that uploads, and reading without signing in for
    the committee's sessions."""
    from nq57 import accounts, policy, settings

    admin = "bench.admin"
    if accounts.get(store, admin) is None:
        accounts.create(store, None if accounts.first_admin_allowed(store) else policy.SYSTEM,
                        admin, policy.ADMIN, password=PASSWORD)
    for unit in sorted(units):
        if accounts.get(store, staff_name(unit)) is None:
            accounts.create(store, policy.SYSTEM, staff_name(unit), policy.STAFF,
                            units=[unit], password=PASSWORD)
    settings.update(store, policy.SYSTEM, "allow_anonymous_read", "on")


def upload_files(store: Store, folder: Path, count: int) -> list[tuple[str, str, Path]]:
    """A filled template for each unit that reports (and, past those, a unit's
    baseline report), with values that differ from the synthetic history."""
    reporting = sorted({row["reporting_unit"] for row in
                        store.rows("excel/items", period=PERIOD)})
    plan = [(unit, PERIOD) for unit in reporting]
    plan += [(unit, "2025-Q4") for unit in reporting]
    files = []
    for unit, period in plan:
        if len(files) == count:
            break
        try:
            data, _ = imports.template(store, unit, period)
        except imports.NothingToReport:
            continue
        path = folder / f"{unit}-{period}.xlsx"
        path.write_bytes(fill(data, typical_value))
        files.append((unit, period, path))
    return files


async def guarded(step: Any, name: str, run: Run) -> None:
    """A session whose driver gave up (a timeout of the bench itself, not a message of
    the product) is counted apart."""
    try:
        await step
    except Exception as exc:
        run.driver_failures.append(f"{name}: {type(exc).__name__}: {str(exc)[:200]}")


async def deadline_day(base: str, files: list[tuple[str, str, Path]], sessions: int,
                       rounds: int, run: Run) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=str(CHROMIUM),
                                               args=CHROMIUM_ARGS, headless=True)
        context = await browser.new_context(viewport={"width": 1280, "height": 900},
                                            locale="vi-VN")
        context.set_default_timeout(WAIT_MS)  # a loaded machine is slow, not broken
        started = time.perf_counter()
        readers = [guarded(browse(context, base, n, rounds, run), f"session {n}", run)
                   for n in range(sessions)]
        writers = [guarded(upload(context, base, unit, period, path, run), f"upload {unit}",
                           run) for unit, period, path in files]
        await asyncio.gather(*readers, *writers)
        run.wall_s = time.perf_counter() - started
        await browser.close()


def stored_counts(store: Store, files: list[tuple[str, str, Path]]) -> dict[str, int]:
    """How many times each upload's file is in the upload log (1 is right)."""
    uploads = store.frame("revisions/uploads", unit=None, period=None)
    counts = uploads.groupby("sha256").size().to_dict()
    return {f"{unit} {period}": int(counts.get(imports.sha256(path.read_bytes()), 0))
            for unit, period, path in files}


def main(argv: list[str] | None = None) -> int:
    global WAIT_MS, UPLOAD_WAIT_S
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small history, fewer sessions")
    parser.add_argument("--sessions", type=int, default=None)
    parser.add_argument("--uploads", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=1, help="passes through the pages")
    parser.add_argument("--out", type=Path, default=OUT, help="where deadline-*.json goes")
    parser.add_argument("--patience", type=int, default=WAIT_MS // 1000,
                        help="seconds a page or an upload may take before it counts as lost")
    args = parser.parse_args(argv)
    WAIT_MS, UPLOAD_WAIT_S = args.patience * 1000, min(UPLOAD_WAIT_S, args.patience)
    out: Path = args.out
    scale = synthetic.QUICK if args.quick else synthetic.FULL
    run = Run("quick" if args.quick else "full", args.sessions or (10 if args.quick else 50),
              args.uploads or (5 if args.quick else 20))
    os.environ.update({"NQ57_TODAY": TODAY, "NQ57_DEMO": "0"})
    workdir = Path(tempfile.mkdtemp(prefix="nq57-deadline-"))
    server = None
    try:
        path = workdir / "bench.duckdb"
        print(f"Building the synthetic history ({scale}) …", flush=True)
        sizes = synthetic.build(path, scale)
        run.actuals = int(sizes.get("actuals", 0)) if isinstance(sizes, dict) else 0
        store = Store(path)
        files = upload_files(store, workdir, run.uploads)
        run.uploads = len(files)
        bench_accounts(store, {unit for unit, _, _ in files})
        server = start_app(workdir / "server", db=path, demo=False, today=TODAY)
        print(f"{run.sessions} sessions through the pages while {run.uploads} uploads "
              "commit …", flush=True)
        asyncio.run(deadline_day(server.url, files, run.sessions, args.rounds, run))
        run.stored = stored_counts(store, files)
        run.stored_once = all(n == 1 for n in run.stored.values())
        run.load_average = [round(x, 1) for x in os.getloadavg()]
    finally:
        if server is not None:
            server.stop()
            out.mkdir(parents=True, exist_ok=True)
            shutil.copy(server.log_path, out / f"deadline-server-{run.scale}.log")
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"  actuals in the history            {run.actuals:>10,}")
    print(f"  page loads                         {len(run.page_ms):>10,}")
    print(f"  page time p50 / p95                {percentile(run.page_ms, .5):>10,.0f} / "
          f"{percentile(run.page_ms, .95):,.0f} ms")
    print(f"  upload time p50 / p95 / max        {percentile(run.upload_ms, .5):>10,.0f} / "
          f"{percentile(run.upload_ms, .95):,.0f} / {max(run.upload_ms, default=0):,.0f} ms")
    print(f"  uploads told 'busy, try again'     {run.busy_notices:>10}")
    print(f"  errors seen by any session         {len(run.errors):>10}")
    print(f"  sessions the browser driver lost   {len(run.driver_failures):>10}")
    print(f"  every upload stored exactly once   {run.stored_once!s:>10}")
    print(f"  stored once / twice or more / not  "
          f"{sum(n == 1 for n in run.stored.values()):>6} / "
          f"{sum(n > 1 for n in run.stored.values())} / "
          f"{[k for k, n in run.stored.items() if n == 0]}")
    print(f"  wall time                          {run.wall_s:>10,.1f} s; load {run.load_average}")
    for error in run.errors[:10] + run.driver_failures[:10]:
        print("   ", error)
    out.mkdir(parents=True, exist_ok=True)
    summary = asdict(run) | {
        "page_p50_ms": percentile(run.page_ms, .5), "page_p95_ms": percentile(run.page_ms, .95),
        "upload_p50_ms": percentile(run.upload_ms, .5),
        "upload_p95_ms": percentile(run.upload_ms, .95),
        "page_median_ms": statistics.median(run.page_ms) if run.page_ms else 0}
    (out / f"deadline-{run.scale}.json").write_text(json.dumps(summary, indent=2),
                                                    encoding="utf-8")
    return 0 if run.stored_once and not run.errors else 1


if __name__ == "__main__":
    raise SystemExit(main())
