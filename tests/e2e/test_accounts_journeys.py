"""Accounts in a real browser: staff of a unit and a leader sign in and see what each
may do; a reload asks for the sign-in again; repeated wrong passwords lock the name;
signing out ends the session on the server."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nq57 import labels
from nq57.db import Store
from tests.e2e.browser import go_to, menu, screenshot, sign_in, title, visit, wait_idle
from tests.e2e.server import AppServer, start_app

pytestmark = pytest.mark.e2e

DASHBOARD = [labels.PAGE_TITLES[p] for p in ("overview", "by_group", "by_unit",
                                              "target_detail", "tasks", "briefing")]


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """A server on demo data of its own (signing in writes sessions and audit entries)."""
    server = start_app(tmp_path_factory.mktemp("accounts"))
    yield server
    server.stop()


def test_staff_sign_in_and_may_report_for_their_unit_only(page: Any, demo_server: AppServer):
    visit(page, demo_server.link("dang-nhap"))
    # The demo's accounts are on the sign-in page, with their passwords.
    assert page.get_by_text("canbo-skhcn-minhhoa").count() + page.get_by_test_id(
        "stDataFrame").count() > 0
    sign_in(page, "canbo.skhcn", "canbo-skhcn-minhhoa")
    sidebar = page.get_by_test_id("stSidebar").inner_text()
    assert "Cán bộ Sở KH&CN (minh họa) (canbo.skhcn)" in sidebar
    assert "Cán bộ báo cáo của đơn vị" in sidebar and "Đơn vị: SKHCN" in sidebar
    assert menu(page) == [*DASHBOARD, labels.UPLOAD_PAGE_TITLE,
                          labels.PAGE_TITLES["upload_history"]]
    go_to(page, labels.UPLOAD_PAGE_TITLE)
    assert title(page) == labels.UPLOAD_PAGE_TITLE
    unit_box = page.get_by_test_id("stMain").get_by_role("combobox", name="Đơn vị báo cáo")
    unit_box.click()
    options = [o.inner_text() for o in page.get_by_role("option").all()]
    page.keyboard.press("Escape")
    assert options == ["Sở Khoa học và Công nghệ (SKHCN)"]
    assert page.get_by_text("Số liệu được ghi nhận là do Cán bộ Sở KH&CN (minh họa) "
                            "(canbo.skhcn) báo cáo.").is_visible()
    screenshot(page, "dang-nhap-can-bo")

    # A reload is a new session on the server: the page asks for the sign-in again.
    page.reload(wait_until="commit")
    wait_idle(page)
    assert page.get_by_test_id("stMain").get_by_role("textbox", name="Mật khẩu").is_visible()
    assert page.get_by_test_id("stFileUploader").count() == 0


def test_a_leader_reads_and_downloads_but_is_offered_no_upload(page: Any,
                                                              demo_server: AppServer):
    visit(page, demo_server.link("dang-nhap"))
    sign_in(page, "lanhdao", "lanhdao-minhhoa")
    assert menu(page) == [*DASHBOARD, labels.PAGE_TITLES["upload_history"]]
    assert title(page).startswith(labels.PAGE_TITLES["overview"])
    assert page.get_by_test_id("stDownloadButton").count() > 0   # reads and downloads
    go_to(page, labels.PAGE_TITLES["upload_history"])
    assert page.get_by_text(labels.EXCEL_PAGE["revoke"]).count() == 0  # no revocation
    # The reporting page's own address still opens, and says no.
    visit(page, demo_server.link(labels.UPLOAD_PAGE_PATH))
    sign_in(page, "lanhdao", "lanhdao-minhhoa")
    main = page.get_by_test_id("stMain").inner_text()
    assert "không có quyền báo cáo số liệu" in main
    assert page.get_by_test_id("stFileUploader").count() == 0
    screenshot(page, "dang-nhap-lanh-dao")


def _wait_for_failures(server: AppServer, name: str, count: int) -> None:
    """Until the server has recorded `count` failed sign-ins of `name` (a click while a
    run is under way is taken, but its effect comes later)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        log = Store(server.db).frame("audit/entries", since=None, actor=name,
                                     action="sign_in_failed")
        if len(log) >= count:
            return
        time.sleep(0.3)
    raise AssertionError(f"{count} failed sign-ins of {name} not recorded")


def test_wrong_passwords_lock_the_name_and_signing_out_ends_the_session(
        page: Any, demo_server: AppServer):
    visit(page, demo_server.link("dang-nhap"))
    main = page.get_by_test_id("stMain")
    for attempt in range(1, 6):
        main.get_by_role("textbox", name="Tên tài khoản").fill("togiupviec")
        main.get_by_role("textbox", name="Mật khẩu").fill("sai-mat-khau")
        main.get_by_role("button", name="Đăng nhập").click()
        _wait_for_failures(demo_server, "togiupviec", attempt)
        wait_idle(page)
    main.get_by_text("Đăng nhập tạm thời bị khóa").wait_for()
    log = demo_server.cli("audit", "--user", "togiupviec", "--format", "json")
    assert '"sign_in_locked"' in log.stdout

    sign_in(page, "quantri", "quantri-minhhoa")
    offered = menu(page)
    assert labels.PAGE_TITLES["admin_accounts"] in offered, offered
    page.get_by_test_id("stSidebar").get_by_role("button", name="Đăng xuất").click()
    wait_idle(page)
    page.get_by_test_id("stSidebar").get_by_text(labels.SIGN_IN_TEXTS["ended_sign_out"]
                                                 ).wait_for()
    open_sessions = Store(demo_server.db).rows("sessions/open")
    assert [s for s in open_sessions if s["account_name"] == "quantri"] == []


def test_the_demo_accounts_go_with_the_demo_data(page: Any, tmp_path: Path):
    server = start_app(tmp_path / "server")
    try:
        server.add_account("quantri.tinh", "admin", "mat khau quan tri")
        removed = server.cli("demo", "remove", "--user", "quantri.tinh")
        assert removed.returncode == 0, removed.stderr
        visit(page, server.link())
        # No demo data: no reading without an account, no demo accounts on show.
        assert page.get_by_test_id("stMain").get_by_role("textbox",
                                                         name="Mật khẩu").is_visible()
        assert page.get_by_text("quantri-minhhoa").count() == 0
        main = page.get_by_test_id("stMain")
        main.get_by_role("textbox", name="Tên tài khoản").fill("quantri")
        main.get_by_role("textbox", name="Mật khẩu").fill("quantri-minhhoa")
        main.get_by_role("button", name="Đăng nhập").click()
        main.get_by_text(labels.SIGN_IN_TEXTS["wrong"]).wait_for()
    finally:
        server.stop()
