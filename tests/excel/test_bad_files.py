"""A corpus of bad files, generated here: each is refused with the right message and
leaves the database exactly as it was."""

from __future__ import annotations

import io
import os
import struct
import tracemalloc
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import openpyxl
import pytest

from nq57 import imports
from nq57.db import Store
from nq57.excel import safety
from nq57.excel.safety import Limits
from nq57.labels import EXCEL_MESSAGES
from tests.excel.workbooks import ENTRY, dump, fill, rezip, sheet, template
from tests.helpers import ADMIN, STAFF_SNV

SHEET_XML = "xl/worksheets/sheet1.xml"
FULL_HEADER = ("Mã chỉ tiêu", "Giá trị thực hiện", "Kỳ báo cáo", "Đơn vị báo cáo")


@dataclass
class Case:
    data: bytes
    says: str                      # a fragment of the Vietnamese message
    cell: str | None = None        # where the problem is, when it is in a cell
    options: dict[str, Any] = field(default_factory=dict)


CASES: dict[str, Callable[[Store], Case]] = {}
CODES: dict[str, str] = {}


def case(code: str) -> Callable[[Callable[[Store], Case]], Callable[[Store], Case]]:
    """Register a bad file and the error code it must be refused with."""
    def register(function: Callable[[Store], Case]) -> Callable[[Store], Case]:
        CASES[function.__name__] = function
        CODES[function.__name__] = code
        return function
    return register


def full(rows: list[list[object]]) -> bytes:
    """A self-made sheet with every column the import reads."""
    return sheet(rows, header=FULL_HEADER)


def filled(store: Store, values: dict[str, object], **kwargs: Any) -> bytes:
    return fill(template(store), values, **kwargs)


def good(store: Store) -> bytes:
    return filled(store, {"1.1.1": 0.65, "1.3.1": 12})


# --- not a genuine .xlsx ------------------------------------------------------------

@case("file_empty")
def empty_file(store):
    return Case(b"", "rỗng")


@case("file_too_large")
def over_ten_megabytes(store):
    return Case(safety.ZIP_MAGIC + os.urandom(safety.MAX_BYTES), "10 MB")


@case("not_xlsx")
def csv_renamed(store):
    return Case("Mã chỉ tiêu,Giá trị thực hiện\n1.1.1,65\n".encode(), "không phải tệp Excel .xlsx")


@case("not_xlsx")
def pdf_renamed(store):
    return Case(b"%PDF-1.7\n" + b"0" * 500, "không phải tệp Excel .xlsx")


@case("old_xls")
def old_xls(store):
    ole = safety.OLE_MAGIC + b"\0" * 4096 + "Workbook".encode("utf-16-le")
    return Case(ole, "định dạng Excel cũ (.xls)")


@case("encrypted")
def password_protected(store):
    body = b"\0" * 2048 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64 + (
        "EncryptedPackage".encode("utf-16-le"))
    return Case(safety.OLE_MAGIC + body, "đặt mật khẩu")


@case("macro")
def macro_project(store):
    return Case(rezip(good(store), add={"xl/vbaProject.bin": b"\0" * 100}), "macro")


@case("macro")
def macro_content_type(store):
    data = good(store)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml").decode()
    types = types.replace("spreadsheetml.sheet.main+xml",
                          "spreadsheetml.sheet.main+xml\" x=\"").replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
    return Case(rezip(data, replace={"[Content_Types].xml": types.encode()}), "macro")


@case("binary_workbook")
def binary_workbook(store):
    return Case(rezip(good(store), add={"xl/workbook.bin": b"\0" * 10}), ".xlsb")


@case("corrupt")
def truncated_zip(store):
    data = good(store)
    return Case(data[: len(data) // 2], "bị hỏng")


@case("corrupt")
def zip_header_then_garbage(store):
    return Case(safety.ZIP_MAGIC + os.urandom(4000), "bị hỏng")


@case("archive_limits")
def zip_bomb(store):
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good(store))) as source, zipfile.ZipFile(
            out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        with target.open("xl/media/image1.png", "w") as bomb:
            block = b"\0" * (1024 * 1024)
            for _ in range(200):
                bomb.write(block)
    return Case(out.getvalue(), "tỷ lệ nén")


def lie_about_size(data: bytes, name: str, size: int) -> bytes:
    """The archive with the uncompressed size of one part understated in its headers."""
    patched = bytearray(data)
    encoded = name.encode()
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := patched.find(signature, start)) != -1:
            if patched[start + name_at: start + name_at + len(encoded)] == encoded:
                patched[start + size_at: start + size_at + 4] = struct.pack("<I", size)
            start += 4
    return bytes(patched)


@case("corrupt")
def sizes_that_lie(store):
    data = good(store)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read(SHEET_XML)
    padded = sheet_xml.replace(b"<sheetData>", b"<sheetData>" + b" " * (60 * 1024 * 1024))
    bomb = lie_about_size(rezip(data, replace={SHEET_XML: padded}), SHEET_XML,
                          len(sheet_xml))
    return Case(bomb, "bị hỏng")


@case("archive_limits")
def unpacks_beyond_the_limit(store):
    return Case(good(store), "giải nén ra",
                options={"limits": Limits(max_unpacked=20_000)})


@case("archive_limits")
def one_part_beyond_the_limit(store):
    return Case(good(store), "giải nén ra", options={"limits": Limits(max_part=2_000)})


@case("archive_limits")
def too_many_parts(store):
    extra = {f"customXml/item{n}.xml": b"<a/>" for n in range(safety.MAX_ENTRIES + 1)}
    return Case(rezip(good(store), add=extra), "thành phần")


@case("unsafe_entry")
def path_traversal(store):
    return Case(rezip(good(store), add={"../../etc/cron.d/evil": b"x"}), "../../etc/cron.d/evil")


@case("unsafe_entry")
def absolute_part_name(store):
    return Case(rezip(good(store), add={"/tmp/evil.xml": b"<a/>"}), "tên không hợp lệ")


@case("unsafe_entry")
def duplicate_part_name(store):
    data = good(store)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read(SHEET_XML)
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a") as archive, pytest.warns(UserWarning):
        archive.writestr(SHEET_XML, sheet_xml)
    return Case(out.getvalue(), "sheet1.xml")


@case("missing_parts")
def no_content_types(store):
    return Case(rezip(good(store), drop=["[Content_Types].xml"]), "[Content_Types].xml")


@case("missing_parts")
def no_workbook_part(store):
    return Case(rezip(good(store), drop=["xl/workbook.xml"]), "xl/workbook.xml")


@case("corrupt")
def entity_expansion(store):
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row>'
        '</sheetData></worksheet>')
    return Case(rezip(good(store), replace={SHEET_XML: laughs.encode()}), "bị hỏng")


@case("too_many_rows")
def rows_beyond_the_limit(store):
    book = openpyxl.load_workbook(io.BytesIO(good(store)))
    book[ENTRY].cell(row=1_048_576, column=1, value="1.1.1")
    out = io.BytesIO()
    book.save(out)
    return Case(out.getvalue(), "10.000 dòng")


@case("no_header")
def no_header(store):
    return Case(sheet([["Báo cáo quý"], ["1.1.1", 65]], header=("STT", "Nội dung")),
                "Mã chỉ tiêu")


# --- readable, but wrong ------------------------------------------------------------

@case("unknown_item")
def unknown_target_code(store):
    data = filled(store, {"1.1.1": 0.6}, edit=lambda b: b[ENTRY].__setitem__("A8", "9.9.9"))
    return Case(data, "«9.9.9» không có trong danh mục", cell="A8")


@case("not_baseline_item")
def a_count_reported_as_a_baseline(store):
    # 2025-Q4 holds the baselines of 2026; a yearly count starts from zero instead.
    return Case(full([["1.1.1", 40, "2025-Q4", "SKHCN"], ["1.3.1", 9, "2025-Q4", "SKHCN"]]),
                "1.3.1 không cần giá trị nền", cell="A3")


@case("not_reporting_unit")
def target_of_another_unit(store):
    return Case(full([["1.5.4", 90, "2026-Q2", "SKHCN"]]),
                "Trung tâm Phục vụ hành chính công tỉnh", cell="A2")


@case("unknown_unit")
def unknown_unit(store):
    return Case(full([["1.1.1", 65, "2026-Q2", "Sở Không Tồn Tại"]]), "Sở Không Tồn Tại", cell="D2")


@case("malformed_period")
def malformed_period(store):
    return Case(full([["1.1.1", 65, "quý hai", "SKHCN"]]), "quý hai", cell="C2")


@case("unknown_period")
def period_not_tracked(store):
    return Case(full([["1.1.1", 65, "Q2/2019", "SKHCN"]]), "2019-Q2", cell="C2")


@case("period_mismatch")
def period_mismatch(store):
    return Case(full([["1.1.1", 65, "Quý III/2026", "SKHCN"]]),
                "2026-Q3", cell="C2", options={"period": "2026-Q2"})


@case("unit_mismatch")
def unit_mismatch(store):
    return Case(full([["1.1.1", 65, "2026-Q2", "STC"]]),
                "Sở Tài chính", cell="D2", options={"unit": "SKHCN"})


@case("template_unit_mismatch")
def template_of_another_unit(store):
    data = fill(template(store, "SNV"), {"1.2.2": 0.9})
    return Case(data, "Sở Nội vụ", options={"unit": "SKHCN"})


@case("template_period_mismatch")
def template_of_another_period(store):
    return Case(good(store), "2026-Q2",
                options={"period": "2026-Q3"})


@case("unit_conflict")
def units_in_conflict(store):
    return Case(full([["1.1.1", 65, "2026-Q2", "SKHCN"], ["1.2.1", 2, "2026-Q2", "STC"]]),
                "SKHCN, STC")


@case("period_conflict")
def periods_in_conflict(store):
    data = sheet([["1.1.1", 65, "2026-Q2"], ["1.1.2", 70, "Q3/2026"]],
                 header=("Mã chỉ tiêu", "Giá trị thực hiện", "Kỳ báo cáo"))
    return Case(data, "2026-Q2, 2026-Q3", options={"unit": "SKHCN"})


@case("unit_missing")
def unit_nowhere(store):
    return Case(sheet([["1.1.1", 65]]), "Chưa rõ tệp báo cáo cho đơn vị nào",
                options={"period": "2026-Q2"})


@case("period_missing")
def period_nowhere(store):
    return Case(sheet([["1.1.1", 65]]), "Chưa rõ tệp báo cáo cho kỳ nào",
                options={"unit": "SKHCN"})


@case("not_a_number")
def non_numeric_value(store):
    return Case(filled(store, {"1.1.1": "khoảng 60"}), "«khoảng 60»",
                cell="H8")


@case("negative")
def negative_value(store):
    return Case(filled(store, {"1.3.1": -3}), "số âm", cell="H12")


@case("percent_over_100")
def percentage_over_100(store):
    return Case(filled(store, {"1.1.1": "120%"}), "120%", cell="H8")


@case("percent_over_100")
def percent_formatted_over_100(store):
    return Case(filled(store, {"1.1.2": 1.5}), "150%", cell="H9")


@case("completion_out_of_range")
def completion_over_100(store):
    return Case(filled(store, {"II.1": "110%"}), "0–100%")


@case("not_whole")
def count_with_decimals(store):
    return Case(filled(store, {"1.3.1": "2,5"}), "số nguyên", cell="H12")


@case("percent_not_allowed")
def percent_sign_on_a_count(store):
    return Case(filled(store, {"1.3.1": "50%"}), "doanh nghiệp",
                cell="H12")


@case("duplicate_item")
def two_rows_for_one_target(store):
    data = sheet([["1.1.1", 60], ["1.1.2", 70], ["1.1.1", 65]])
    return Case(data, "đã có ở dòng 2", cell="A4",
                options={"unit": "SKHCN", "period": "2026-Q2"})


@case("formula_no_value")
def formula_without_cached_value(store):
    return Case(filled(store, {"1.3.1": "=10+2"}), "công thức", cell="H12")


@case("formula_error")
def formula_error_value(store):
    return Case(filled(store, {"1.3.1": "#DIV/0!"}), "#DIV/0!", cell="H12")


@case("date_value")
def date_instead_of_number(store):
    return Case(filled(store, {"1.5.1": date(2026, 5, 1)}), "01/05/2026")


@case("missing_code")
def value_without_code(store):
    data = sheet([["1.1.1", 60], [None, 70]])
    return Case(data, "thiếu mã chỉ tiêu", cell="A3",
                options={"unit": "SKHCN", "period": "2026-Q2"})


@case("text_too_long")
def note_too_long(store):
    return Case(filled(store, {"1.1.1": 0.6}, notes={"1.1.1": "x" * 2001}), "2001 ký tự", cell="I8")


@case("no_values")
def nothing_filled_in(store):
    return Case(template(store), "chưa có giá trị nào")


@case("unknown_unit")
def unknown_unit_chosen(store):
    return Case(good(store), "NOPE", options={"unit": "NOPE"})


@case("malformed_period")
def unreadable_period_chosen(store):
    return Case(good(store), "quý hai", options={"period": "quý hai"})


@case("not_your_unit")
def another_units_report(store):
    return Case(good(store), "không báo cáo cho đơn vị SKHCN", cell="H8",
                options={"actor": STAFF_SNV})


@case("too_large")
def a_count_of_four_hundred_digits(store):
    return Case(filled(store, {"1.3.1": "9" * 400}), "quá lớn", cell="H12")


@case("over_ceiling")
def dti_typed_as_a_percentage(store):
    return Case(filled(store, {"1.5.1": 85}), "tối đa hợp lý", cell="H26")


@case("odd_characters")
def full_width_digits(store):
    return Case(filled(store, {"1.3.1": "１２"}), "chữ số toàn chiều rộng", cell="H12")


@case("odd_code")
def code_with_a_zero_width_space(store):
    return Case(sheet([["1.1.1\u200b", 65]]), "ký tự vô hình U+200B", cell="A2",
                options={"unit": "SKHCN", "period": "2026-Q2"})


@case("period_not_started")
def a_period_that_has_not_begun(store):
    return Case(good(store), "chưa bắt đầu", options={"period": "2026-Q2", "today": "2026-03-01"})


@case("hidden_header")
def report_on_a_hidden_sheet_only(store):
    def hide(book):
        book.create_sheet("Trống", 0)["A1"] = "Trang trống"
        book["Nhập số liệu"].sheet_state = "hidden"
    return Case(filled(store, {"1.1.1": 0.65}, edit=hide), "trang ẩn «Nhập số liệu»")


@case("merged_cells")
def values_merged_over_two_rows(store):
    def merge(book):
        book["Nhập số liệu"].merge_cells("H8:H9")
    return Case(filled(store, {"1.1.1": 0.65}, edit=merge), "H8:H9", cell="H8")


def test_the_corpus_covers_every_rule_at_least_once():
    warnings_only = {"small_percent", "complete_without_evidence", "ignored_text",
                     "hidden_sheet", "hidden_row", "from_formula", "estimate_period"}
    elsewhere = {"template_version"}  # needs a template from the future: see test_read
    assert len(CASES) >= 30
    assert set(EXCEL_MESSAGES) - warnings_only - elsewhere == set(CODES.values())


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_bad_file_is_refused_with_its_message_and_stores_nothing(demo_store: Store, name):
    bad = CASES[name](demo_store)
    before = dump(demo_store)
    inspection, result = imports.import_file(demo_store, bad.data, f"{name}.xlsx",
                                             **{"actor": ADMIN, **bad.options})
    assert not inspection.accepted
    assert result is None
    codes = [p.code for p in inspection.problems]
    assert CODES[name] in codes, [p.message for p in inspection.problems]
    found = next(p for p in inspection.problems if p.code == CODES[name])
    assert bad.says in found.message
    if bad.cell:
        assert found.cell == bad.cell
        assert bad.cell in found.message or found.code == "missing_code"
    assert dump(demo_store) == before


@pytest.mark.parametrize("name", ["zip_bomb", "sizes_that_lie", "too_many_parts"])
def test_hostile_archives_are_refused_in_bounded_memory(store: Store, name):
    bad = CASES[name](store)
    tracemalloc.start()
    try:
        inspection = imports.inspect(store, bad.data, "bomb.xlsx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not inspection.accepted
    assert peak < 16 * 1024 * 1024        # the bombs unpack to 60-200 MB

