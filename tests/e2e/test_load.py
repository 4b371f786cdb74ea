"""Many people at once, and an administrator at the command line while they read:
every page renders, none errors, and the administrator's change shows."""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest

from nq57 import labels, status
from nq57.db import Store
from tests.e2e.browser import alerts, exceptions, sign_in, status_cards, visit, wait_idle
from tests.e2e.server import ROOT, AppServer, start_app

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

SESSIONS = 20
ADMIN_PASSWORD = "mat khau quan tri"


def expected_cards(db: Path, period: str, unit: str | None) -> dict[str, int]:
    frame = status.gaps(Store(db), period, units=[unit] if unit else None)
    counts = Counter(frame["status"])
    return {labels.status_label(s): counts.get(s, 0) for s in labels.STATUSES}


@pytest.mark.timeout(900)  # a browser rendering 20 pages is slow on a small machine
def test_twenty_sessions_open_the_overview_at_once(context: Any, app_server: AppServer):
    """Twenty tabs, twenty Streamlit sessions (one per websocket), all loading at once.
    They share one browser context only to spare the browser's own CPU."""
    # Half see everything, half filter by a unit that leads targets: cached and fresh
    # work for the server.
    leads = sorted(set(status.gaps(Store(app_server.db), "2026-Q3")["lead_unit"]))
    wanted = [None if i % 2 == 0 else leads[i // 2 % len(leads)] for i in range(SESSIONS)]
    pages = [context.new_page() for _ in range(SESSIONS)]
    server = psutil.Process(app_server.process.pid if app_server.process else 0)
    cpu_before = sum(server.cpu_times()[:2])
    started = time.monotonic()
    for page, unit in zip(pages, wanted, strict=True):
        link = app_server.link(period="2026-Q3", **({"unit": unit} if unit else {}))
        page.goto(link, wait_until="commit")
    for page in pages:
        wait_idle(page)
    elapsed = time.monotonic() - started
    server_cpu = sum(server.cpu_times()[:2]) - cpu_before
    for page, unit in zip(pages, wanted, strict=True):
        assert exceptions(page) == [], unit
        assert status_cards(page) == expected_cards(app_server.db, "2026-Q3", unit), unit
    print(f"{SESSIONS} sessions rendered in {elapsed:.1f} s; server CPU {server_cpu:.1f} s")


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[AppServer]:
    server = start_app(tmp_path / "app")
    server.add_account("quantri.tinh", "admin", ADMIN_PASSWORD)
    server.env["NQ57_USER"] = "quantri.tinh"  # the administrator's commands act for it
    yield server
    server.stop()


def test_the_cli_changes_data_while_people_read_the_dashboard(context: Any,
                                                              own_server: AppServer):
    pages = [context.new_page() for _ in range(3)]
    for page in pages:
        visit(page, own_server.link())
    assert labels.MESSAGES["demo_banner"] in alerts(pages[0])

    commands = [("demo", "remove"), ("settings", "--set", "report_deadline_day=25"),
                ("gaps", "--period", "2026-Q3")]
    for command in commands:
        running = subprocess.Popen([sys.executable, "-m", "nq57", *command], cwd=ROOT,
                                   env=own_server.env, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        reloads = 0
        while running.poll() is None or reloads < len(pages):
            page = pages[reloads % len(pages)]
            page.reload(wait_until="commit")
            wait_idle(page)
            assert exceptions(page) == []
            reloads += 1
        _, err = running.communicate()
        assert running.returncode == 0, err
        assert "Traceback" not in err

    # The administrator's writes are what everyone now sees (without demo data, once
    # signed in).
    fresh = context.new_page()
    visit(fresh, own_server.link(period="2026-Q3"))
    sign_in(fresh, "quantri.tinh", ADMIN_PASSWORD)
    assert labels.MESSAGES["demo_banner"] not in alerts(fresh)
    cards = status_cards(fresh)
    assert cards[labels.status_label("overdue_report")] == 54
    settings = own_server.cli("settings", "--format", "csv").stdout
    assert "report_deadline_day,25," in settings


def test_a_database_held_elsewhere_gives_a_notice_not_a_traceback(context: Any,
                                                                   own_server: AppServer):
    page = context.new_page()
    visit(page, own_server.link())
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.fault_worker", "hold", str(own_server.db), "240"],
        cwd=ROOT, env=own_server.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        # A view nobody has opened yet needs the database, which is held until the page
        # has answered: longer than the dashboard waits.
        visit(page, own_server.link(period="2026-Q2", unit="STC"))
        shown = alerts(page)
        assert exceptions(page) == []
        assert any("đang được một tiến trình khác ghi" in a for a in shown), shown
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)
    visit(page, own_server.link(period="2026-Q2", unit="STC"))
    assert exceptions(page) == []
    assert status_cards(page) == expected_cards(own_server.db, "2026-Q2", "STC")
