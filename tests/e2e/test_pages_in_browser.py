"""The dashboard pages in a real browser against a real server: a leader opens a
filtered link, the view matches it, and the PDF briefing and Excel file download."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import unicodedata
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run app.py` on a free port with a new demo database."""
    folder = tmp_path_factory.mktemp("server")
    port = _free_port()
    env = os.environ | {"NQ57_DB": str(folder / "nq57.duckdb"), "NQ57_DEMO": "1",
                        "NQ57_TODAY": "2026-11-23"}
    log = (folder / "streamlit.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.read() == b"ok":
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((folder / "streamlit.log").read_text())
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path="/usr/bin/chromium",
                                          args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _open(browser, url: str, last_words: str):
    """The page at `url`, once `last_words` (near its end) are shown and the script
    has stopped running."""
    page = browser.new_page(viewport={"width": 1400, "height": 1800}, accept_downloads=True)
    page.goto(url)
    page.get_by_text(last_words).first.wait_for(timeout=90_000)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']",
                           timeout=60_000)
    # The first visit to a sub-page after the server starts opens a spurious "Page not
    # found" dialog over the right page (streamlit/streamlit#9992); a reader closes it.
    dialog = page.get_by_role("dialog")
    if dialog.count():
        page.keyboard.press("Escape")
        dialog.wait_for(state="detached", timeout=10_000)
    return page


def test_a_unit_link_opens_that_units_briefing(server: str, browser, tmp_path: Path) -> None:
    page = _open(browser, f"{server}/theo-don-vi?period=2026-Q3&unit=SNV",
                 "Nhiệm vụ do đơn vị chủ trì")
    title = page.locator("[data-testid='stMain'] h1").first.inner_text()
    assert title.startswith("Theo đơn vị — Quý III/2026")
    assert "unit=SNV" in page.url
    with page.expect_download() as pdf:
        page.get_by_role("button", name="Tải báo cáo PDF").click()
    path = tmp_path / "briefing.pdf"
    pdf.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    text = unicodedata.normalize("NFC", subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
        check=True).stdout)
    assert "Đơn vị chủ trì: Sở Nội vụ" in text
    assert "Tỷ lệ cán bộ, công chức cấp xã, phường" in text
    page.close()


def test_the_gap_table_downloads_as_excel(server: str, browser) -> None:
    page = _open(browser, f"{server}/theo-nhom?period=2026-Q3&group=1.1", "1.1. Hạ tầng")
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải Excel").first.click()
    book = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    sheet = book.active
    assert [c.value for c in sheet[1]][:2] == ["Mã", "Chỉ tiêu"]
    assert [sheet.cell(row=r, column=1).value for r in (2, 3)] == ["1.1.1", "1.1.2"]
    page.close()


def test_the_detail_page_gives_a_verdict(server: str, browser) -> None:
    page = _open(browser, f"{server}/chi-tiet?period=2026-Q3&target=1.1.1",
                 "Lịch sử báo cáo")
    assert page.get_by_text("Dự báo đạt").first.is_visible()
    assert "target=1.1.1" in page.url
    page.close()
