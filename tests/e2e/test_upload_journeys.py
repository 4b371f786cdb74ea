"""Staff of a unit report in the browser: download the template, fill it, upload it,
read the preview, confirm, and see the value on the overview; a bad file is refused
with a message saying what is wrong and where."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nq57 import labels
from nq57.db import Store
from nq57.excel.read import read_workbook
from tests.e2e.browser import download, sign_in, status_cards, upload, visit
from tests.e2e.server import AppServer, start_app
from tests.excel.workbooks import fill, sheet

pytestmark = pytest.mark.e2e


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[AppServer]:
    """A server on a database of its own (these journeys write), without demo data,
    with its first administrator and a reporting officer of Sở Nội vụ."""
    server = start_app(tmp_path / "server", demo=False)
    server.add_account("quantri.tinh", "admin", ADMIN_PASSWORD)
    server.add_account("canbo.snv", "staff", STAFF_PASSWORD, "SNV", by="quantri.tinh")
    yield server
    server.stop()


ADMIN_PASSWORD = "mat khau quan tri"
STAFF_PASSWORD = "mat khau can bo SNV"


def test_a_unit_reports_through_the_template_and_sees_it_on_the_overview(
        page: Any, own_server: AppServer, tmp_path: Path):
    visit(page, own_server.link("nhap-so-lieu", unit="SNV", period="2026-Q3"))
    sign_in(page, "canbo.snv", STAFF_PASSWORD)  # the link asks for it, then opens the page
    page.get_by_text("4 chỉ tiêu, nhiệm vụ do Sở Nội vụ báo cáo").wait_for()
    template = download(page, "Tải biểu mẫu Excel", tmp_path)
    assert template.name == "bieu-mau-SNV-2026-Q3.xlsx"
    assert read_workbook(template.read_bytes(), template.name).meta["unit"] == "SNV"

    filled = tmp_path / "bao-cao-q3.xlsx"
    filled.write_bytes(fill(template.read_bytes(), {"1.2.2": 0.95}))
    upload(page, filled)
    page.get_by_text("1 mới · 0 thay đổi · 0 không đổi · 3 chưa báo cáo").wait_for()
    page.get_by_role("button", name="Xác nhận lưu").click()
    page.get_by_text("Đã lưu lần nhập số 1").wait_for()

    current = Store(own_server.db).frame("revisions/current_for_unit_period", unit="SNV",
                                         period="2026-Q3")
    assert current[["item_code", "value", "recorded_by"]].values.tolist() == [
        ["1.2.2", 95.0, "canbo.snv"]]
    visit(page, own_server.link("", period="2026-Q3", unit="SNV"))
    sign_in(page, "canbo.snv", STAFF_PASSWORD)  # a new address is a new session
    cards = status_cards(page)
    # 95% at the end of Q3 with no 2025 value: a single value is no basis for a
    # trajectory (it used to read "on track", measured from zero).
    assert cards[labels.status_label("no_basis")] == 1
    assert cards[labels.status_label("overdue_report")] == 2  # SNV's two other targets


def test_a_bad_file_is_refused_with_its_row_and_cell(page: Any, own_server: AppServer,
                                                     tmp_path: Path):
    bad = tmp_path / "sai.xlsx"
    bad.write_bytes(sheet([["1.2.2", "chín mươi"], ["9.9.9", "10"]]))
    visit(page, own_server.link("nhap-so-lieu", unit="SNV", period="2026-Q3"))
    sign_in(page, "canbo.snv", STAFF_PASSWORD)
    upload(page, bad)
    # The error list is a data grid: its cells are in the page, drawn on a canvas.
    page.get_by_text("Ô B2: «chín mươi» không phải là số").first.wait_for(state="attached")
    page.get_by_text("9.9.9").first.wait_for(state="attached")
    assert page.get_by_role("button", name="Xác nhận lưu").count() == 0
    assert Store(own_server.db).frame("revisions/uploads", unit=None, period=None).empty
