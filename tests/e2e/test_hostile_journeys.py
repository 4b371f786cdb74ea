"""The pages in a real browser, fed what a hostile or careless person sends: a note that
is a formula and a Markdown link, evidence that is a tracking image, a huge number, a
mangled address. Screenshots of each go to artifacts/screenshots/hostile-*.png."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nq57 import accounts, labels, policy
from nq57.db import Store
from tests.e2e.browser import alerts, exceptions, screenshot, sign_in, upload, visit
from tests.e2e.server import AppServer, start_app
from tests.excel.workbooks import fill

pytestmark = pytest.mark.e2e

FORMULA = '=HYPERLINK("http://lua-dao.example/x","Bấm vào đây")'
PHISHING = "[Đăng nhập lại](http://lua-dao.example/login)"
PIXEL = "![](http://theo-doi.example/pixel.png)"


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[AppServer]:
    server = start_app(tmp_path / "server")
    yield server
    server.stop()


def hostile_links(page: Any) -> list[str]:
    """Links and images on the page that lead to the hostile hosts."""
    return page.evaluate("""() => [...document.querySelectorAll('a[href], img[src]')]
        .map(e => e.href || e.src)
        .filter(u => u.includes('lua-dao') || u.includes('theo-doi'))""")


HOSTILE_STAFF, PASSWORD = "canbo.lua", "mat-khau-thu-2026"


def hostile_account(server: AppServer) -> None:
    """A staff account of SKHCN whose shown name is a phishing link (an administrator
    typed it; it is data like any other name)."""
    accounts.create(Store(server.db), policy.SYSTEM, HOSTILE_STAFF, policy.STAFF,
                    units=["SKHCN"], display_name=PHISHING, password=PASSWORD)


def open_signed_in(page: Any, url: str) -> None:
    """Open `url`; sign in as the hostile staff account if the page asks."""
    visit(page, url)
    if page.get_by_test_id("stMain").get_by_role("textbox", name="Mật khẩu").count():
        sign_in(page, HOSTILE_STAFF, PASSWORD)


def test_hostile_text_numbers_and_addresses_in_the_browser(page: Any, own_server: AppServer,
                                                           tmp_path: Path):
    # A unit reports with a note that is a formula and a link, evidence that is an image.
    report = tmp_path / "bao-cao.xlsx"
    from nq57 import imports
    blank = imports.template(Store(own_server.db), "SKHCN", "2026-Q4")[0]
    report.write_bytes(fill(blank, {"1.1.1": 0.62}, notes={"1.1.1": f"{FORMULA} {PHISHING}"},
                            evidence={"1.1.1": PIXEL}))
    hostile_account(own_server)
    open_signed_in(page, own_server.link(labels.UPLOAD_PAGE_PATH, unit="SKHCN",
                                         period="2026-Q4"))
    upload(page, report)
    page.get_by_role("button", name=labels.EXCEL_PAGE["confirm"]).click()
    page.get_by_text("Đã lưu lần nhập số").wait_for()
    screenshot(page, "hostile-upload-saved")
    assert exceptions(page) == [] and hostile_links(page) == []

    # The detail page shows it as typed: no link, no image from the note or evidence.
    open_signed_in(page, own_server.link(labels.DETAIL_PAGE_PATH, period="2026-Q4",
                                         target="1.1.1"))
    note = page.get_by_text("Đăng nhập lại").last
    note.wait_for(state="attached")
    note.scroll_into_view_if_needed()  # the page scrolls inside its own container
    screenshot(page, "hostile-detail-notes")
    assert exceptions(page) == [] and hostile_links(page) == []
    assert "ước thực hiện" in page.get_by_test_id("stMain").inner_text()

    # A huge number is refused at its cell, with no traceback.
    huge = tmp_path / "so-lon.xlsx"
    huge.write_bytes(fill(blank, {"1.3.1": "9" * 400}))
    open_signed_in(page, own_server.link(labels.UPLOAD_PAGE_PATH, unit="SKHCN",
                                         period="2026-Q4"))
    upload(page, huge)
    refused = page.get_by_text(labels.EXCEL_PAGE["refused"].format(count=1))
    refused.wait_for()
    page.get_by_text("là một số quá lớn").first.wait_for(state="attached")
    refused.scroll_into_view_if_needed()
    screenshot(page, "hostile-huge-number")
    assert exceptions(page) == []

    # A mangled address: one notice, the link in it shown as text.
    junk = "&".join(f"x{n}={PHISHING}" for n in range(200))
    open_signed_in(page, own_server.link(period="2026-Q3\u200b", unit=[PHISHING, "２"])
                   + "&" + junk)
    notices = [a for a in alerts(page) if "tham số" in a]
    screenshot(page, "hostile-mangled-url")
    assert len(notices) == 1 and "[Đăng nhập lại]" in notices[0]
    assert "chữ số toàn chiều rộng" in notices[0]  # «２» named, not shown as a box
    assert exceptions(page) == [] and hostile_links(page) == []
