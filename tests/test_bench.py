"""bench/run.py --quick runs end to end (CI keeps it from rotting). It checks, as a
bonus, that an independent pandas implementation of the status rules agrees with
the SQL engine on every target and task of a synthetic history; timings are only
printed, never asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nq57 import labels
from tests.app_pages import app_pages

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_quick_benchmark_runs_and_reports_every_figure(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "bench/run.py", "--quick", "--skip-browser", "--repeat", "2",
         "--out", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "pandas and DuckDB agree on every target, task and parent task" in result.stdout
    figures = json.loads((tmp_path / "results-quick.json").read_text())
    names = {f["name"] for f in figures["figures"]}
    assert "ratio status query / bare scan (all rows)" in names
    assert any(name.endswith("warm (same session, rerun, median)") for name in names)
    assert figures["data"]["actuals"] > 40_000


@pytest.mark.slow
@pytest.mark.e2e
@pytest.mark.timeout(600)
def test_the_deadline_day_bench_runs_and_stores_every_upload_once(tmp_path: Path):
    # The bench gives up on a page or an upload after --patience seconds and says so,
    # so a slow machine shows what it saw instead of hanging past the test's timeout.
    result = subprocess.run(
        [sys.executable, "bench/deadline.py", "--quick", "--sessions", "2", "--uploads", "2",
         "--patience", "120", "--out", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=560)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    summary = json.loads((tmp_path / "deadline-quick.json").read_text())
    assert summary["stored_once"] and summary["errors"] == []
    pages = [p for p in app_pages() if p.url_path != labels.UPLOAD_PAGE_PATH]
    assert len(summary["upload_ms"]) == 2 and len(summary["page_ms"]) == 2 * len(pages)
