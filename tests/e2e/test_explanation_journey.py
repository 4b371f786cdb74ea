"""A unit's staff, signed in, report a value that leaves their target in red: the
reporting page asks why, they answer, the value and the explanation are stored
together, signed by their account, and a leader of the Steering Committee, signed in,
reads the explanation beside the warning on the page Cảnh báo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nq57 import explanations, labels
from nq57.db import Store
from tests.e2e.browser import (
    download,
    exceptions,
    screenshot,
    sign_in,
    title,
    upload,
    visit,
    wait_idle,
)
from tests.e2e.server import AppServer, start_app
from tests.excel.workbooks import fill
from tests.helpers import report

pytestmark = pytest.mark.e2e

WHY = "Cán bộ cấp xã mới kiện toàn sau sáp nhập, lớp bồi dưỡng dời sang tháng 11."
ADMIN_PASSWORD = "mat khau quan tri"
STAFF_PASSWORD = "mat khau can bo SNV"
LEADER_PASSWORD = "mat khau lanh dao"


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[AppServer]:
    """A server on a database of its own (this journey writes), without demo data, with
    its first administrator, a reporting officer of Sở Nội vụ and a leader who reads."""
    server = start_app(tmp_path / "server", demo=False)
    server.add_account("quantri.tinh", "admin", ADMIN_PASSWORD)
    server.add_account("canbo.snv", "staff", STAFF_PASSWORD, "SNV", by="quantri.tinh")
    server.add_account("lanhdao.tinh", "viewer", LEADER_PASSWORD, by="quantri.tinh")
    # Last year's rate, reported earlier: a rate is judged from its baseline.
    report(Store(server.db), "SNV", "2025-Q4", {"1.2.2": 20.0})
    yield server
    server.stop()


def test_a_value_in_red_is_explained_on_upload_and_read_on_the_warning_page(
        page: Any, own_server: AppServer, tmp_path: Path):
    visit(page, own_server.link("nhap-so-lieu", unit="SNV", period="2026-Q3"))
    sign_in(page, "canbo.snv", STAFF_PASSWORD)  # the link asks for it, then opens the page
    template = download(page, "Tải biểu mẫu Excel", tmp_path)
    filled = tmp_path / "bao-cao-q3.xlsx"
    filled.write_bytes(fill(template.read_bytes(), {"1.2.2": 0.3}))  # 30%: red at Q3 from 20%
    upload(page, filled)

    # Asked why, with the item's status and the reason in words.
    page.get_by_text(labels.EXPLANATION_FORM["title"]).wait_for()
    assert page.get_by_role("button", name="Xác nhận lưu").count() == 0
    page.get_by_label("Giải trình — 1.2.2").fill(WHY)
    page.get_by_label("Nguyên nhân — 1.2.2").click()
    page.get_by_role("option", name="Thiếu nhân lực").click()
    page.get_by_label("Đề xuất hỗ trợ — 1.2.2").fill("Đề nghị mở thêm lớp bồi dưỡng")
    page.get_by_role("button", name=labels.EXPLANATION_FORM["apply"]).click()
    wait_idle(page)
    page.get_by_role("button", name="Xác nhận lưu").click()
    page.get_by_text("Đã lưu lần nhập số 2").wait_for()  # after the baseline's
    page.get_by_text(labels.EXPLANATION_FORM["saved"].format(count=1)).wait_for()

    (kept,) = explanations.explanations(Store(own_server.db), "2026-Q3").to_dict(
        orient="records")
    assert (kept["code"], kept["cause"], kept["explanation"], kept["recorded_by"]) == (
        "1.2.2", "staffing", WHY, "canbo.snv")

    visit(page, own_server.link("canh-bao", period="2026-Q3", unit="SNV"))
    sign_in(page, "lanhdao.tinh", LEADER_PASSWORD)  # a new address is a new session
    assert exceptions(page) == []
    assert title(page).startswith("Cảnh báo — Quý III/2026")
    # The warning table is a data grid: its cells are in the page, drawn on a canvas.
    page.get_by_text(WHY).first.wait_for(state="attached")
    page.get_by_text(labels.ALERT_RULE_LABELS["below_half_timeline"]).first.wait_for(
        state="attached")
    warned = own_server.cli("warnings", "--period", "2026-Q3", "--unit", "SNV",
                            "--format", "json")
    assert '"explanation": "' + WHY + '"' in warned.stdout
    screenshot(page, "canh-bao-giai-trinh")
