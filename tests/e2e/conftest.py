"""Browser fixtures: one dashboard server (demo data, pinned date) for the session,
Debian's Chromium, a fresh browser context per test.

When a test fails, the report carries the tail of the server's log and a
screenshot of the page as it was (artifacts/failures/).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.browser import ARTIFACTS, WAIT_MS, screenshot
from tests.e2e.server import AppServer, ServerFailed, launch_chromium, start_app

VIEWPORT = {"width": 1400, "height": 1000}


@pytest.fixture(scope="session")
def playwright() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Any) -> Iterator[Any]:
    missing = None
    try:
        chromium = launch_chromium(playwright)
    except FileNotFoundError as exc:
        missing = str(exc)
    if missing:
        pytest.fail(missing, pytrace=False)
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """The dashboard on its own database with demo data. Tests must not change its data
    (signing in with a demo account, which only adds a session and audit entries, is
    fine); a test that writes starts its own server with `start_app`."""
    failed = None
    try:
        server = start_app(tmp_path_factory.mktemp("app"))
    except ServerFailed as exc:
        failed = str(exc)
    if failed:
        pytest.fail(failed, pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    ctx.set_default_timeout(WAIT_MS)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any) -> Any:
    return context.new_page()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if not report.failed:
        return
    funcargs = getattr(item, "funcargs", {})
    server = funcargs.get("app_server") or funcargs.get("own_server")
    if isinstance(server, AppServer):
        report.sections.append(("streamlit server log (tail)", server.log()))
    page = funcargs.get("page")
    if page is not None and report.when == "call":
        try:
            name = re.sub(r"[^\w.-]+", "_", item.nodeid)
            shot = screenshot(page, name, ARTIFACTS / "failures")
            report.sections.append(("screenshot", str(shot)))
        except Exception as exc:  # the page may be gone; the log is what matters
            report.sections.append(("screenshot", f"not taken: {exc}"))
