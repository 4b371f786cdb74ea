"""Sheets people made themselves are read as well as the template: the header found
by its names wherever it is, unit and period written any usual way."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest

from nq57 import imports
from nq57.db import Store
from nq57.excel.read import META_SHEET, header_columns, read_workbook
from tests.excel.workbooks import fill, rezip, sheet, template
from tests.helpers import STAFF_SKHCN

HEADER = ("Mã chỉ tiêu", "Kỳ báo cáo", "Đơn vị báo cáo", "Giá trị thực hiện", "Ghi chú",
          "Minh chứng")


def values_of(inspection: imports.Inspection) -> dict[str, float]:
    return {v.item_code: v.value for v in inspection.values}


def test_header_names_ignore_case_diacritics_spacing_and_order():
    cells = ["STT", "  MINH  CHUNG ", "gia tri thuc hien (luy ke)", "ma chi tieu", None,
             "Đơn vị  báo cáo", "KỲ BÁO CÁO", "ghi-chú"]
    assert header_columns(cells) == {"evidence": 2, "value": 3, "code": 4, "unit": 6,
                                     "period": 7, "note": 8}


def test_an_exact_header_wins_over_a_longer_one():
    assert header_columns(["Giá trị thực hiện kỳ trước", "Giá trị thực hiện",
                           "Mã chỉ tiêu"])["value"] == 2


def test_a_self_made_sheet_below_titles_after_other_sheets_is_read(store: Store):
    data = sheet(
        [["Tỷ lệ phủ sóng 5G", "1.1.1", "85,5%", "Quý II/2026", "Sở Khoa học và Công nghệ",
          "đo kiểm tháng 6", "https://example.org/bb.pdf"],
         [None, None, None, None, None, None, None],
         ["Doanh nghiệp KH&CN", "1.3.1", "1.250", "Q2/2026", "skhcn", None, None],
         ["", "1.3.7 ", "50%", "2026-Q2", "Sở KH&CN", None, None]],
        header=("Tên", "MÃ CHỈ TIÊU", "Giá trị  thực hiện (lũy kế)", "Kỳ báo cáo",
                "Đơn vị báo cáo", "Ghi chú", "Minh chứng"),
        title_rows=["ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", "BÁO CÁO QUÝ II/2026", ""],
        merge_title=True, sheets_before=2, title="Số liệu")
    inspection = imports.inspect(store, data, "tu-lap.xlsx")
    # 1.3.7 is reported by another unit: everything else was understood
    assert [p.code for p in inspection.problems] == ["not_reporting_unit"]
    assert inspection.problems[0].sheet == "Số liệu"
    assert inspection.problems[0].cell == "B8"
    assert (inspection.unit, inspection.period) == ("SKHCN", "2026-Q2")
    assert values_of(inspection) == {"1.1.1": 85.5, "1.3.1": 1250.0}
    first = inspection.entries[0]
    assert (first.row, first.note, first.evidence) == (5, "đo kiểm tháng 6",
                                                       "https://example.org/bb.pdf")


@pytest.mark.parametrize("written", ["2026-Q2", "Q2/2026", "Quý II/2026", "quy 2/2026"])
def test_the_period_may_be_written_in_any_usual_form(store: Store, written):
    data = sheet([["1.1.1", 60, written]],
                 header=("Mã chỉ tiêu", "Giá trị thực hiện", "Kỳ báo cáo"))
    inspection = imports.inspect(store, data, "p.xlsx", unit="SKHCN")
    assert inspection.accepted, [p.message for p in inspection.problems]
    assert inspection.period == "2026-Q2"


@pytest.mark.parametrize("written", ["SKHCN", "skhcn", "Sở Khoa học và Công nghệ",
                                     "SO KHOA HOC VA CONG NGHE", "Sở KH&CN"])
def test_the_unit_may_be_written_as_code_or_name(store: Store, written):
    data = sheet([["1.1.1", 60, written]],
                 header=("Mã chỉ tiêu", "Giá trị thực hiện", "Đơn vị báo cáo"))
    inspection = imports.inspect(store, data, "u.xlsx", period="Q2/2026")
    assert inspection.accepted, [p.message for p in inspection.problems]
    assert inspection.unit == "SKHCN"


def test_unit_and_period_may_come_from_the_command_line(store: Store):
    inspection = imports.inspect(store, sheet([["1.1.1", 60]]), "bare.xlsx", unit="skhcn",
                                 period="Quý II/2026")
    assert inspection.accepted
    assert (inspection.unit, inspection.period) == ("SKHCN", "2026-Q2")


def test_the_template_says_what_it_is_in_hidden_metadata(store: Store):
    data = template(store, "SNV", "2026-Q3")
    found = read_workbook(fill(data, {"1.2.2": 0.8}), "t.xlsx")
    assert found.meta["unit"] == "SNV"
    assert found.meta["period"] == "2026-Q3"
    assert found.meta["template_version"] == "1"
    inspection = imports.inspect(store, fill(data, {"1.2.2": 0.8}), "t.xlsx")
    assert (inspection.unit, inspection.period) == ("SNV", "2026-Q3")
    assert values_of(inspection) == {"1.2.2": 80.0}


def test_a_template_from_an_unknown_version_is_refused(store: Store):
    def future(book: openpyxl.Workbook) -> None:
        meta = book[META_SHEET]
        for row in meta.iter_rows():
            if row[0].value == "template_version":
                row[1].value = "99"

    inspection = imports.inspect(store, fill(template(store), {"1.1.1": 0.6}, edit=future),
                                 "future.xlsx")
    assert [p.code for p in inspection.problems] == ["template_version"]
    assert "phiên bản 99" in inspection.problems[0].message


def test_blank_means_not_reported_and_keeps_what_is_on_record(store: Store):
    first = imports.inspect(store, fill(template(store), {"1.1.1": 0.6, "1.1.2": 0.7}), "a")
    imports.commit(store, STAFF_SKHCN, first)
    second = imports.inspect(store, fill(template(store), {"1.1.1": 0.65}), "b")
    changes = dict(zip(second.preview["item_code"], second.preview["change"], strict=True))
    assert changes["1.1.1"] == "changed"
    assert changes["1.1.2"] == "not_reported"
    imports.commit(store, STAFF_SKHCN, second)
    current = store.frame("revisions/current_for_unit_period", unit="SKHCN", period="2026-Q2")
    assert dict(zip(current["item_code"], current["value"], strict=True)) == {
        "1.1.1": 65.0, "1.1.2": 70.0}


def test_task_codes_are_matched_whatever_their_case(store: Store):
    inspection = imports.inspect(store, sheet([["ii.1", "100%"]]), "t.xlsx", unit="SKHCN",
                                 period="2026-Q2")
    assert inspection.accepted
    assert values_of(inspection) == {"II.1": 100.0}


def test_warnings_do_not_refuse_the_file(store: Store):
    data = fill(template(store), {"1.1.1": "0,6", "II.1": "100%"},
                notes={"1.1.2": "chưa có số liệu đo kiểm"})
    inspection = imports.inspect(store, data, "w.xlsx")
    assert inspection.accepted
    codes = {p.code: p for p in inspection.warnings}
    assert set(codes) == {"small_percent", "complete_without_evidence", "ignored_text"}
    assert "Nếu ý là 60%, hãy nhập 60" in codes["small_percent"].message
    assert codes["small_percent"].cell == "H8"


def test_formulas_with_a_cached_result_are_taken(store: Store):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Mã chỉ tiêu", "Giá trị thực hiện"])
    ws.append(["1.3.1", "=5+7"])
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    # openpyxl writes no cached value: refused, pointing at the cell
    refused = imports.inspect(store, data, "f.xlsx", unit="SKHCN", period="2026-Q2")
    assert [(p.code, p.cell) for p in refused.problems] == [("formula_no_value", "B2")]


def test_rows_far_below_the_header_keep_their_sheet_row_numbers(store: Store):
    book = openpyxl.Workbook()
    ws = book.active
    ws["C4"] = "Mã chỉ tiêu"
    ws["E4"] = "Giá trị thực hiện"
    ws["C40"] = "1.1.1"
    ws["E40"] = "abc"
    out = io.BytesIO()
    book.save(out)
    inspection = imports.inspect(store, out.getvalue(), "s.xlsx", unit="SKHCN",
                                 period="2026-Q2")
    assert [(p.code, p.cell) for p in inspection.problems] == [("not_a_number", "E40")]


def test_headings_and_other_units_rows_left_empty_are_passed_over(store: Store):
    data = sheet([["1.1", "Về phát triển hạ tầng", None],
                  ["1.1.1", "Tỷ lệ phủ sóng 5G", 61],
                  ["1.5", "Chuyển đổi số", None],
                  ["1.5.4", "Dịch vụ công (Trung tâm Phục vụ HCC)", None],
                  ["I", "Nâng cao nhận thức", ""],
                  ["II.1", "Chương trình đột phá", "50%"]],
                 header=("Mã chỉ tiêu", "Nội dung", "Giá trị thực hiện"))
    inspection = imports.inspect(store, data, "tong-hop.xlsx", unit="SKHCN",
                                 period="2026-Q2")
    assert inspection.accepted, [p.message for p in inspection.problems]
    assert values_of(inspection) == {"1.1.1": 61.0, "II.1": 50.0}


def test_rows_beyond_a_wrong_declared_dimension_are_still_read(store: Store):
    data = sheet([["1.1.1", 61], ["1.1.2", 72], ["1.3.1", 9]])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    stale = re.sub(r'<dimension ref="[^"]*" ?/>', '<dimension ref="A1:B2"/>', xml)
    assert stale != xml
    inspection = imports.inspect(store, rezip(data, replace={
        "xl/worksheets/sheet1.xml": stale.encode()}), "cu.xlsx", unit="SKHCN",
        period="2026-Q2")
    assert values_of(inspection) == {"1.1.1": 61.0, "1.1.2": 72.0, "1.3.1": 9.0}

