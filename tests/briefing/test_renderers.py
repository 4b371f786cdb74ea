"""Each format renders every part of a briefing made by hand, full and empty: the
explanations, support requested and evidence sent back (whose data other parts of
the product will provide) already print, typed text stays plain text, and the demo
notice is on every page."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from nq57 import briefing, labels
from nq57.briefing import outline, pdf, word, workbook
from tests.briefing.samples import (
    EXPLAINED,
    HOSTILE,
    REVIEW_NOTE,
    SUPPORT,
    docx_text,
    empty,
    flat,
    full,
    pdf_pages,
)
from tests.briefing.samples import workbook as read_workbook

PART_HEADINGS = [labels.BRIEFING_PARTS[k] for k in
                 ("results", "shortcomings", "causes", "next_steps", "proposals")]
T = labels.BRIEFING_TEXTS


def test_the_part_headings_are_the_administrative_ones() -> None:
    assert PART_HEADINGS == ["I. Kết quả đạt được", "II. Tồn tại, hạn chế", "III. Nguyên nhân",
                             "IV. Nhiệm vụ, giải pháp thời gian tới", "V. Kiến nghị, đề xuất"]


# --- the outline: one wording for every format ------------------------------------------

def test_explanations_are_grouped_by_cause_in_the_plans_order_then_the_others() -> None:
    document = outline.outline(full(), with_charts=False)
    causes = next(p for p in document.body if p.key == "causes")
    (counts,) = [b for b in causes.blocks
                 if isinstance(b, outline.Grid) and b.key == "cause_counts"]
    assert counts.rows == (("Thiếu kinh phí", 1), ("Vướng cơ chế chính sách", 1),
                           ("thiên tai", 1))
    (detail,) = [b for b in causes.blocks
                 if isinstance(b, outline.Grid) and b.key == "explanations"]
    assert [g[1] for g in detail.groups] == ["Thiếu kinh phí (1)", "Vướng cơ chế chính sách (1)",
                                             "thiên tai (1)"]
    assert detail.rows[1][3] == HOSTILE


def test_support_requests_are_listed_by_unit() -> None:
    document = outline.outline(full(), with_charts=False)
    proposals = next(p for p in document.body if p.key == "proposals")
    (grid,) = [b for b in proposals.blocks if isinstance(b, outline.Grid)]
    assert [g[1] for g in grid.groups] == ["Sở Khoa học và Công nghệ", "Sở Tài chính"]
    texts = [b.text for b in proposals.blocks if isinstance(b, outline.Paragraph)]
    assert "2 đề xuất hỗ trợ của 2 đơn vị." in texts
    assert any("đôn đốc 1 đơn vị quá hạn chưa báo cáo: Sở Y tế" in t for t in texts)


def test_the_change_since_last_period_is_said_in_words() -> None:
    document = outline.outline(full(), with_charts=False)
    texts = [b.text for b in document.body[0].blocks if isinstance(b, outline.Paragraph)]
    assert ("So với Quý II/2026: Đạt +7, Đúng tiến độ -9, Chậm tiến độ -1, "
            "Quá hạn báo cáo +3.") in texts
    first = replace(full(), previous_label=None)
    texts = [b.text for b in outline.outline(first, with_charts=False).body[0].blocks
             if isinstance(b, outline.Paragraph)]
    assert T["no_previous"] in texts


def test_the_date_line_follows_the_decree(tmp_path: Path) -> None:
    header = outline.outline(empty(), with_charts=False).header
    assert header.dateline == "Đồng Nai, ngày 05 tháng 02 năm 2026"
    assert header.number == "Số: …/BC-SYT"
    assert header.issuer == "SỞ Y TẾ"
    assert header.recipients == labels.BRIEFING_RECIPIENTS["unit"]


# --- PDF -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def full_pdf() -> bytes:
    return briefing.render(full(), "pdf")


def test_the_pdf_prints_every_part_of_a_full_briefing(full_pdf: bytes, tmp_path: Path) -> None:
    pages = pdf_pages(full_pdf, tmp_path)
    text = flat(" ".join(pages))
    for heading in PART_HEADINGS:
        assert heading in text
    for words in ("UBND TỈNH ĐỒNG NAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "Độc lập - Tự do - Hạnh phúc", "Đồng Nai, ngày 23 tháng 11 năm 2026",
                  "Số: …/BC-BCĐ", "BÁO CÁO", "Quý III/2026 — toàn tỉnh", "Nơi nhận:",
                  "TRƯỞNG BAN", EXPLAINED, SUPPORT, REVIEW_NOTE, "Chờ hoàn thiện",
                  "Chờ minh chứng", "Quá hạn so với mục tiêu", "Thiếu kinh phí",
                  "Nhiệm vụ đến hạn trong Quý IV/2026", "Mạng viễn thông vệ tinh",
                  "(1) Mã nhiệm vụ", "(7) Thời hạn hoàn thành", "(8) Kết quả thực hiện",
                  "Hình 1. Số chỉ tiêu theo tình trạng"):
        assert words in text, words
    assert flat(HOSTILE) in text  # plain text, as typed
    assert "61,8" in text and "82,5" in text  # Vietnamese decimals


def test_every_pdf_page_says_demo_and_is_numbered(full_pdf: bytes, tmp_path: Path) -> None:
    pages = pdf_pages(full_pdf, tmp_path)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert T["demo"] in page
        assert f"Trang {number}/{len(pages)}" in page


def test_the_pdf_embeds_its_fonts_and_is_a4(full_pdf: bytes, tmp_path: Path) -> None:
    import subprocess

    path = tmp_path / "r.pdf"
    path.write_bytes(full_pdf)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)  # embedded (emb column)
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "1", str(path)], capture_output=True,
                          text=True, check=True).stdout
    assert "595.28 x 841.89 pts (A4)" in info  # portrait


def test_an_empty_briefing_says_so_in_each_part(tmp_path: Path) -> None:
    pages = pdf_pages(briefing.render(empty(), "pdf"), tmp_path)
    text = flat(" ".join(pages))
    for heading in PART_HEADINGS:
        assert heading in text
    for key in ("no_targets", "no_red", "no_behind", "no_reporting", "no_evidence",
                "no_causes", "no_misses", "no_support", "no_appendix_tasks"):
        assert flat(T[key]) in text, key
    assert T["demo"] not in text
    assert "THỦ TRƯỞNG ĐƠN VỊ" in text


def test_decomposed_text_is_printed_composed(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Sở Nội vụ")
    report = replace(empty(), scope_label=decomposed)
    assert "Quý I/2026 — Sở Nội vụ" in flat(" ".join(
        pdf_pages(briefing.render(report, "pdf"), tmp_path)))


def test_the_pdf_font_has_vietnamese_letters_and_the_status_symbols() -> None:
    from nq57.briefing import fonts

    found = fonts.find()
    assert fonts.covers(found.regular, fonts.VIETNAMESE)
    assert found.symbols is not None
    assert fonts.covers(found.symbols, "".join(labels.STATUS_SYMBOLS.values()))


# --- Word ----------------------------------------------------------------------------

def test_the_word_file_has_real_headings_tables_and_every_part() -> None:
    found = docx_text(briefing.render(full(), "docx"))
    assert found["parts"][:5] == PART_HEADINGS
    assert found["tables"] >= 10
    text = flat(str(found["all"]))
    for words in (EXPLAINED, SUPPORT, REVIEW_NOTE, HOSTILE, "Tỷ lệ phủ sóng 5G trên địa bàn",
                  "Đồng Nai, ngày 23 tháng 11 năm 2026", "(6) Đơn vị phối hợp",
                  "Nhiệm vụ đến hạn trong Quý IV/2026"):
        assert words in text, words
    assert found["pictures"] == 2  # the two charts


def test_every_word_section_carries_the_demo_notice_and_the_appendix_is_landscape() -> None:
    found = docx_text(briefing.render(full(), "docx"))
    sections = found["sections"]
    assert len(sections) == 3  # the body, then each appendix on landscape pages
    assert all(T["demo"] in h for h in found["section_headers"])
    assert sections[0].page_width < sections[0].page_height
    assert all(s.page_width > s.page_height for s in sections[1:])
    assert "PAGE" in sections[0].footer._element.xml and "NUMPAGES" in (
        sections[0].footer._element.xml)


def test_an_empty_word_file_says_so() -> None:
    found = docx_text(briefing.render(empty(), "docx"))
    text = flat(str(found["all"]))
    for key in ("no_targets", "no_red", "no_causes", "no_support"):
        assert flat(T[key]) in text
    assert not any(T["demo"] in h for h in found["section_headers"])


# --- Excel ---------------------------------------------------------------------------

def test_the_workbook_has_a_sheet_per_part_with_print_setup() -> None:
    book = read_workbook(briefing.render(full(), "xlsx"))
    assert book.sheetnames == list(labels.BRIEFING_SHEETS.values())
    for sheet in book.worksheets:
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert T["demo"] in sheet.oddHeader.center.text
        assert "&P" in sheet.oddFooter.right.text and "&N" in sheet.oddFooter.right.text
        visible = [c.value for row in sheet.iter_rows(max_row=4) for c in row if c.value]
        assert labels.BRIEFING_TEXTS["demo_long"] in visible
    appendix = book[labels.BRIEFING_SHEETS["appendix_tasks"]]
    assert appendix.print_title_rows  # the table header repeats on every printed page
    header_row = int(appendix.print_title_rows.split(":")[0].lstrip("$"))
    assert appendix.cell(row=header_row, column=1).value == "(1) Mã nhiệm vụ"


def test_typed_text_is_never_a_formula_in_the_workbook() -> None:
    book = read_workbook(briefing.render(full(), "xlsx"))
    hostile = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row
               if c.value == HOSTILE]
    assert len(hostile) == 2  # the explanation and the support request
    assert all(c.data_type == "s" for c in hostile)


def test_the_targets_sheet_has_one_row_per_target_with_real_numbers() -> None:
    report = full()
    sheet = read_workbook(briefing.render(report, "xlsx"))[
        labels.BRIEFING_SHEETS["appendix_targets"]]
    codes = [t.code for t in report.targets]
    rows = [r for r in sheet.iter_rows(values_only=True) if r[0] in codes]
    assert [r[0] for r in rows] == codes
    header = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Mã")
    actual = rows[0][header.index("Thực hiện")]
    assert actual == pytest.approx(61.8)


def test_an_empty_workbook_still_has_every_sheet() -> None:
    book = read_workbook(briefing.render(empty(), "xlsx"))
    assert book.sheetnames == list(labels.BRIEFING_SHEETS.values())
    values = [c.value for s in book.worksheets for row in s.iter_rows() for c in row if c.value]
    assert T["no_support"] in values and T["no_causes"] in values
    assert labels.BRIEFING_TEXTS["demo_long"] not in values


def test_every_renderer_takes_the_same_outline() -> None:
    document = outline.outline(full(), with_charts=False)
    for renderer in (pdf, word, workbook):
        assert renderer.render(document)[:2] in (b"%P", b"PK")
