"""The dashboard pages in a real browser: a leader opens a filtered link, the view
matches it, and the PDF briefing and the Excel table download."""

from __future__ import annotations

import io
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from nq57 import labels
from tests.e2e.browser import download, exceptions, sign_in, title, visit, words_seen
from tests.e2e.server import AppServer, start_app

pytestmark = pytest.mark.e2e


def test_a_deep_link_works_on_a_freshly_started_server(page: Any, tmp_path: Path):
    server = start_app(tmp_path / "fresh")
    try:
        visit(page, server.link("theo-don-vi", period="2026-Q3", unit="SNV"))
        assert exceptions(page) == []  # no "Page not found" dialog over the page
        assert title(page).startswith("Theo đơn vị — Quý III/2026")
        assert "unit=SNV" in page.url
    finally:
        server.stop()


def test_a_unit_link_opens_that_units_briefing(page: Any, app_server: AppServer,
                                                tmp_path: Path):
    visit(page, app_server.link("theo-don-vi", period="2026-Q3", unit="SNV"))
    assert title(page).startswith("Theo đơn vị — Quý III/2026")
    pdf = download(page, "Tải báo cáo PDF", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = " ".join(unicodedata.normalize("NFC", subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
        check=True).stdout).split())
    assert "Quý III/2026 — Sở Nội vụ" in text and "SỞ NỘI VỤ" in text
    assert "Tỷ lệ cán bộ, công chức cấp xã, phường" in text


def test_the_report_page_gives_the_word_and_excel_files(page: Any, app_server: AppServer,
                                                        tmp_path: Path):
    visit(page, app_server.link(labels.BRIEFING_PAGE_PATH, period="2026-Q3", unit="SNV"))
    assert exceptions(page) == []
    assert title(page).startswith("Báo cáo — Quý III/2026")
    word = download(page, labels.BRIEFING_FORMATS["docx"], tmp_path)
    assert word.name == "bao-cao-2026-Q3-SNV.docx"
    document = docx.Document(io.BytesIO(word.read_bytes()))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == labels.BRIEFING_PARTS["results"]
    workbook = download(page, labels.BRIEFING_FORMATS["xlsx"], tmp_path)
    book = openpyxl.load_workbook(io.BytesIO(workbook.read_bytes()))
    assert book.sheetnames == list(labels.BRIEFING_SHEETS.values())


def test_the_gap_table_downloads_as_excel(page: Any, app_server: AppServer, tmp_path: Path):
    visit(page, app_server.link("theo-nhom", period="2026-Q3", group="1.1"))
    workbook = download(page, "Tải Excel", tmp_path)
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.read_bytes())).active
    assert [c.value for c in sheet[1]][:2] == ["Mã", "Chỉ tiêu"]
    assert [sheet.cell(row=r, column=1).value for r in (2, 3)] == ["1.1.1", "1.1.2"]


def test_the_detail_page_gives_a_verdict(page: Any, app_server: AppServer):
    visit(page, app_server.link("chi-tiet", period="2026-Q3", target="1.1.1"))
    assert page.get_by_text("Dự báo đạt").first.is_visible()
    assert "target=1.1.1" in page.url


def test_streamlits_own_words_read_in_vietnamese(page: Any, app_server: AppServer):
    visit(page, app_server.link(labels.UPLOAD_PAGE_PATH))
    sign_in(page, "canbo.skhcn", "canbo-skhcn-minhhoa")  # a demo account
    dropzone = page.get_by_test_id("stFileUploaderDropzone").first
    assert words_seen(dropzone.get_by_role("button").locator("p")) == "Chọn tệp"
    hint = page.get_by_test_id("stFileUploaderDropzoneInstructions").locator("span").first
    assert words_seen(hint) == "hoặc kéo thả tệp vào đây"

    visit(page, app_server.link())
    page.get_by_test_id("stSidebar").get_by_role("combobox", name="Đơn vị chủ trì").click()
    select_all = page.get_by_role("option").first
    assert words_seen(select_all.locator("[data-item-hl]")) == "Chọn tất cả"
