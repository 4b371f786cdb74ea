"""Render time of every dashboard page on the demo database, measured with AppTest.

Per page: a cold run (caches emptied, as right after an upload: every query goes to
DuckDB) and a warm run (the same view again: cached results, only the page's own
work and Streamlit's). Prints the median of several runs, in milliseconds.

    python bench/pages.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = ("views/overview.py", "views/alerts.py", "views/by_group.py", "views/by_unit.py",
         "views/target_detail.py", "views/tasks.py")


def measure(runs: int) -> list[tuple[str, float, float]]:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    results = []
    for page in PAGES:
        cold, warm = [], []
        for _ in range(runs):
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
            at.run()
            at.switch_page(page).run()
            st.cache_data.clear()
            started = time.perf_counter()
            at.run()
            cold.append(time.perf_counter() - started)
            started = time.perf_counter()
            at.run()
            warm.append(time.perf_counter() - started)
            assert not at.exception, [e.message for e in at.exception]
        results.append((page, statistics.median(cold), statistics.median(warm)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["NQ57_DB"] = str(Path(folder) / "bench.duckdb")
        os.environ.setdefault("NQ57_TODAY", "2026-11-23")
        os.environ["NQ57_DEMO"] = "1"
        from nq57.bootstrap import prepare
        from nq57.db import Store, env_path

        prepare(Store(env_path()), demo_on_create=True)
        rows = measure(args.runs)
    print(f"{'page':28} {'cold ms':>8} {'warm ms':>8}")
    for page, cold, warm in rows:
        print(f"{page:28} {cold * 1000:8.0f} {warm * 1000:8.0f}")


if __name__ == "__main__":
    main()
