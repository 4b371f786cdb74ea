"""Briefings made by hand: one with content in every part (including the parts whose
data comes from explanations and evidence review), one with nothing at all, and the
readers that take text back out of each format."""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
from datetime import date, datetime
from pathlib import Path

import openpyxl
from docx import Document

from nq57.briefing.inputs import Scope
from nq57.briefing.model import (
    AppendixTask,
    Briefing,
    CauseGroup,
    Evidence,
    Explanation,
    GroupCount,
    Issuer,
    Item,
    Reporting,
    StatusCount,
    SupportRequest,
)

# Typed by people: must come out as the same words, never a formula or markup.
HOSTILE = '=HYPERLINK("http://x.example","bấm vào đây")'
EXPLAINED = "Chưa được cấp kinh phí năm 2026 cho hạ tầng **5G**"
SUPPORT = "Đề nghị tỉnh bổ sung 2 tỷ đồng cho trạm phát sóng"
REVIEW_NOTE = "Minh chứng là ảnh chụp, chưa có chữ ký"

ISSUER = Issuer("UBND TỈNH ĐỒNG NAI", "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC", "BCĐ",
                "TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN")


def _item(code: str, name: str, status: str, **more: object) -> Item:
    defaults: dict[str, object] = dict(
        item_type="target", lead="Sở Khoa học và Công nghệ", unit_of_measure="%",
        threshold="≥ 60%", actual=61.8, expected=45.0, completion=1.03, reason="Đã đạt")
    return Item(code=code, name=name, status=status, **(defaults | more))  # type: ignore[arg-type]


def full() -> Briefing:
    """A briefing with something in every part."""
    achieved = _item("1.1.1", "Tỷ lệ phủ sóng 5G trên địa bàn", "achieved")
    on_track = _item("1.2.3", "Tỷ lệ cán bộ cấp tỉnh được bồi dưỡng", "on_track", actual=98.3,
                     expected=96.1, completion=0.89)
    red = _item("1.3.2", "Số tổ chức khoa học và công nghệ", "red", actual=0.0,
                rule="Quá hạn so với mục tiêu", reason="Đã quá thời hạn 30/06/2026 mà chưa đạt")
    behind = _item("1.4.4", "Doanh nghiệp khởi nghiệp sáng tạo", "behind", actual=34.0,
                   expected=44.6, completion=0.57, reason="Hoàn thành 57%, thấp hơn lộ trình")
    task_done = _item("II.5", "Xây dựng Nghị quyết hỗ trợ dự án khởi nghiệp", "achieved",
                      item_type="task", threshold="", deadline_text="Quý II/2026")
    due = _item("II.8", "Xây dựng Đề án Trung tâm đổi mới sáng tạo", "on_track",
                item_type="task", threshold="", deadline=date(2026, 12, 31),
                deadline_text="Quý IV/2026", completion=0.88)
    miss = _item("1.5.3", "Tỷ lệ dịch vụ công trực tuyến toàn trình", "behind", actual=70.0,
                 projection=82.5, threshold="≥ 90%")
    explanations = (
        Explanation("1.3.2", red.name, "Sở Khoa học và Công nghệ", "funding", EXPLAINED,
                    SUPPORT),
        Explanation("1.4.4", behind.name, "Sở Tài chính", "policy", HOSTILE),
        Explanation("1.5.3", miss.name, "Sở Nội vụ", "thiên tai", "Bão số 3 làm gián đoạn"),
    )
    return Briefing(
        scope=Scope("2026-Q3"), scope_label="toàn tỉnh", period_label="Quý III/2026",
        previous_label="Quý II/2026", next_label="Quý IV/2026", year=2026,
        as_of=date(2026, 11, 23), generated_at=datetime(2026, 11, 23, 9, 30), issuer=ISSUER,
        demo=True, includes_tasks=True,
        counts=(StatusCount("achieved", 9, 2, 14, 5), StatusCount("on_track", 18, 27, 12, 21),
                StatusCount("behind", 12, 13, 4, 4), StatusCount("red", 12, 12, 11, 12),
                StatusCount("overdue_report", 3, 0, 1, 0), StatusCount("no_data", 0, 0, 0, 0)),
        by_group=(GroupCount("1.1. Hạ tầng", "achieved", 2),
                  GroupCount("1.5. Chuyển đổi số", "red", 6),
                  GroupCount("1.5. Chuyển đổi số", "on_track", 11)),
        achieved=(achieved,), on_track=(on_track,), tasks_done=(task_done,),
        red=(red,), behind=(behind, miss),
        reporting=(Reporting("Sở Y tế", "missing", 34, 1), Reporting("Sở Tư pháp", "late", 11, 0)),
        evidence=(Evidence("1.2.4", "Tỷ lệ cán bộ làm chủ kỹ năng số", "Sở Nội vụ", "returned",
                           REVIEW_NOTE),
                  Evidence("1.4.7", "Bài báo khoa học", "Sở Khoa học và Công nghệ", "missing")),
        causes=(CauseGroup("funding", explanations[:1]), CauseGroup("policy", explanations[1:2]),
                CauseGroup("thiên tai", explanations[2:])),
        unexplained=("1.2.2",),
        due_next=(due,), misses=(miss,),
        support=(SupportRequest("Sở Khoa học và Công nghệ", "1.3.2", red.name, SUPPORT),
                 SupportRequest("Sở Tài chính", "1.4.4", behind.name, HOSTILE)),
        targets=(achieved, on_track, red, behind, miss),
        tasks=(AppendixTask("II", "Thể chế, chính sách", "II.5", task_done.name,
                            "Nghị quyết được ban hành", "Dự thảo được thông qua",
                            "Sở Khoa học và Công nghệ", "Sở Tài chính", "Quý II/2026",
                            "achieved", 1.0),
               AppendixTask("II", "Thể chế, chính sách", "II.8", due.name, "Đề án được ban hành",
                            "Trung tâm được thành lập", "Sở Khoa học và Công nghệ",
                            "Các cơ quan, đơn vị, địa phương", "Quý IV/2026", "on_track", 0.88),
               AppendixTask("III", "Hạ tầng số", "III.1", "Mạng viễn thông vệ tinh",
                            "Mạng được triển khai", "100% xã có sóng", "Sở Khoa học và Công nghệ",
                            "", "Quý IV/2026", "red", None)),
    )


def empty() -> Briefing:
    """A briefing with nothing in any part (a scope without items)."""
    return Briefing(
        scope=Scope("2026-Q1", ("SYT",)), scope_label="Sở Y tế", period_label="Quý I/2026",
        previous_label=None, next_label="Quý II/2026", year=2026, as_of=date(2026, 2, 5),
        generated_at=datetime(2026, 2, 5, 8, 0),
        issuer=Issuer("UBND TỈNH ĐỒNG NAI", "SỞ Y TẾ", "SYT", "", "THỦ TRƯỞNG ĐƠN VỊ", True),
        demo=False, includes_tasks=True,
        counts=tuple(StatusCount(s, 0, None, 0, None) for s in
                     ("achieved", "on_track", "behind", "red", "overdue_report", "no_data")),
        by_group=(), achieved=(), on_track=(), tasks_done=(), red=(), behind=(), reporting=(),
        evidence=(), causes=(), unexplained=(), due_next=(), misses=(), support=(), targets=(),
        tasks=(),
    )


# --- reading the files back ----------------------------------------------------------

def pdf_pages(data: bytes, tmp_path: Path) -> list[str]:
    """The text of each page in the order it was written (pdftotext -raw: a table cell's
    wrapped lines stay together), composed Unicode."""
    assert shutil.which("pdftotext"), "poppler-utils is needed to read PDFs back"
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    result = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                            check=True, text=True)
    pages = unicodedata.normalize("NFC", result.stdout).split("\f")
    return [p for p in pages if p.strip()]


def flat(text: str) -> str:
    """Whitespace collapsed: table cells wrap long names over several lines."""
    return " ".join(text.split())


def docx_text(data: bytes) -> dict[str, object]:
    """Headings, paragraphs, table cells and each section's header of a .docx."""
    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return {
        "headings": [p.text for p in document.paragraphs if p.style is not None
                     and p.style.name.startswith("Heading")],
        "parts": [p.text for p in document.paragraphs if p.style is not None
                  and p.style.name == "Heading 1"],
        "paragraphs": "\n".join(p.text for p in document.paragraphs),
        "cells": cells,
        "all": "\n".join([p.text for p in document.paragraphs] + cells),
        "section_headers": ["\n".join(p.text for p in s.header.paragraphs)
                            for s in document.sections],
        "tables": len(document.tables),
        "sections": document.sections,
        "pictures": len(document.inline_shapes),
    }


def workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))
