"""The upload journey in a real browser against a real server: pick the file, see
the preview, confirm, see it stored."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from nq57.bootstrap import prepare
from nq57.db import Store
from nq57.excel.read import read_workbook
from tests.excel.workbooks import fill, template

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(isolated_env: Path, tmp_path: Path) -> Iterator[str]:
    prepare(Store(isolated_env))
    port = _free_port()
    log = (tmp_path / "streamlit.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.headless", "true"],
        cwd=ROOT, env={**os.environ}, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail((tmp_path / "streamlit.log").read_text())
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")
def test_a_unit_uploads_its_report_in_the_browser(server: str, tmp_path: Path):
    from playwright.sync_api import sync_playwright

    store = Store(os.environ["NQ57_DB"])
    report = tmp_path / "bao-cao-q3.xlsx"
    report.write_bytes(fill(template(store, "SNV", "2026-Q3"), {"1.2.2": 0.95}))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        # A cold server knows its pages only after a first run of the app.
        page.goto(server)
        page.get_by_text("Tổng quan").first.wait_for(timeout=60_000)
        page.goto(f"{server}/nhap-so-lieu?unit=SNV&period=2026-Q3")
        page.get_by_text("4 chỉ tiêu, nhiệm vụ do Sở Nội vụ báo cáo").wait_for(timeout=60_000)
        with page.expect_download(timeout=60_000) as download:
            page.get_by_role("button", name="Tải biểu mẫu Excel").click()
        downloaded = tmp_path / download.value.suggested_filename
        download.value.save_as(downloaded)
        assert downloaded.name == "bieu-mau-SNV-2026-Q3.xlsx"
        assert read_workbook(downloaded.read_bytes(), downloaded.name).meta["unit"] == "SNV"
        page.get_by_role("textbox", name="Người báo cáo").fill("Phạm Thị D")
        page.get_by_role("textbox", name="Người báo cáo").press("Enter")
        page.locator("input[type=file]").set_input_files(str(report))
        page.get_by_text("1 mới · 0 thay đổi · 0 không đổi · 3 chưa báo cáo").wait_for(
            timeout=60_000)
        page.get_by_role("button", name="Xác nhận lưu").click()
        page.get_by_text("Đã lưu lần nhập số 1").wait_for(timeout=60_000)
        browser.close()
    current = store.frame("revisions/current_for_unit_period", unit="SNV", period="2026-Q3")
    assert current[["item_code", "value", "recorded_by"]].values.tolist() == [
        ["1.2.2", 95.0, "Phạm Thị D"]]
