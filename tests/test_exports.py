"""Files people take away: CSV that Excel opens in Vietnamese and real Excel workbooks
(the briefing report's files are tested in tests/briefing)."""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pytest

from nq57 import exports, labels, status, summary, tables
from nq57.db import Store

AS_OF = date(2026, 11, 23)


@pytest.fixture
def gaps(demo_store: Store):
    return status.gaps(demo_store, "2026-Q3", as_of=AS_OF)


def test_csv_has_a_byte_order_mark_and_vietnamese_headers(gaps) -> None:
    data = exports.to_csv(tables.gap_table(gaps, {"period": "2026-Q3"}))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == len(gaps)
    first = rows[0]
    assert first["Mã"] == "1.1.1"
    assert first["Chỉ tiêu"] == "Tỷ lệ phủ sóng 5G trên địa bàn"
    assert first["Chỉ tiêu năm"] == "≥ 60%"
    assert first["Tình trạng"] == "Đạt"
    assert first["Mức hoàn thành (%)"] == "105.7"
    assert first["Nguồn giá trị nền"] == "số liệu gốc"
    assert first["Số liệu kỳ"] == "Quý III/2026"
    assert "Chi tiết" not in first  # links lead nowhere outside the dashboard
    assert {r["Tình trạng"] for r in rows} <= set(labels.STATUS_LABELS.values())


def test_excel_has_real_numbers_formats_a_frozen_header_and_widths(demo_store: Store,
                                                                    gaps) -> None:
    ranking = tables.unit_table(summary.units_ranked(demo_store, "2026-Q3", as_of=AS_OF))
    data = exports.to_xlsx([tables.gap_table(gaps), ranking])
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Khoảng cách so với chỉ tiêu", "Xếp hạng đơn vị chủ trì"]
    sheet = book["Khoảng cách so với chỉ tiêu"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Mã", "Chỉ tiêu", "Đơn vị chủ trì", "Chỉ tiêu năm"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width
    actual = sheet.cell(row=2, column=header.index("Thực hiện") + 1)
    assert actual.value == pytest.approx(61.5)
    assert actual.number_format == "#,##0.00"
    completion = sheet.cell(row=2, column=header.index("Mức hoàn thành") + 1)
    assert isinstance(completion.value, float) and completion.number_format == "0%"
    state = sheet.cell(row=2, column=header.index("Tình trạng") + 1)
    assert state.value == "Đạt"
    assert state.fill.fgColor.rgb.endswith(exports._tint(labels.STATUS_COLORS["achieved"]))
    assert sheet.max_row == len(gaps) + 1


def test_excel_writes_dates_as_dates(demo_store: Store) -> None:
    reporting = summary.completeness(demo_store, "2026-Q3", as_of=AS_OF)
    sheet = openpyxl.load_workbook(io.BytesIO(
        exports.to_xlsx(tables.completeness_table(reporting)))).active
    header = [c.value for c in sheet[1]]
    deadline = sheet.cell(row=2, column=header.index("Hạn báo cáo") + 1)
    assert deadline.value.date() == date(2026, 10, 20)
    assert deadline.number_format == "dd/mm/yyyy"
    assert sheet.cell(row=2, column=header.index("Tình trạng báo cáo") + 1).value == (
        "Chưa báo cáo, quá hạn")


def test_file_names_are_plain_ascii() -> None:
    assert exports.file_stem("Khoảng cách so với chỉ tiêu", "2026-Q3") == (
        "khoang-cach-so-voi-chi-tieu-2026-Q3")


def test_files_made_from_demo_data_say_so(gaps) -> None:
    table = tables.gap_table(gaps)
    assert exports.file_stem(table.title, "2026-Q3", demo=True).endswith("-so-lieu-minh-hoa")
    rows = list(csv.reader(io.StringIO(exports.to_csv(table, demo=True).decode("utf-8-sig"))))
    assert len(rows) == len(gaps) + 2 and rows[-1][0] == labels.MESSAGES["demo_file"]
    sheet = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(table, demo=True))).active
    assert sheet.cell(row=sheet.max_row, column=1).value == labels.MESSAGES["demo_file"]
    assert sheet.auto_filter.ref.endswith(str(len(gaps) + 1))  # the note is not data


@pytest.mark.parametrize(("kind", "value", "shown"), [
    ("number", 1250.5, "1.250,5"),
    ("integer", 1250, "1.250"),
    ("share", 0.855, "85,5%"),
    ("progress", 0.855, "86%"),
    ("date", date(2026, 10, 20), "20/10/2026"),
    ("status", "red", "Cảnh báo đỏ"),
    ("reporting", "late", "Báo cáo muộn"),
    ("flag", True, "Có"),
    ("number", float("nan"), "–"),
])
def test_cells_read_the_vietnamese_way(kind: str, value: object, shown: str) -> None:
    assert tables.display_value(tables.Column("value", kind), value) == shown
