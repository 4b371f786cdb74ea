"""What a workbook hides or computes is never imported silently: hidden sheets and rows
are skipped with a warning, formulas are read from their cached result with a note
(or refused when there is none), merged cells over report cells are refused, and a
workbook that cannot be annotated still gets its list of errors.
"""

from __future__ import annotations

import io
import threading
import time
import zipfile
from datetime import datetime

import openpyxl
import pytest

from nq57 import db, imports
from nq57.db import Store
from tests.excel.workbooks import ENTRY, dump, fill, rezip, rows_of, sheet, template
from tests.helpers import STAFF_SKHCN

SENTINEL = 777_777


def part_holding(data: bytes, needle: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return next(name for name in archive.namelist()
                    if name.startswith("xl/worksheets/") and needle in archive.read(name))


def replace_in_sheet(data: bytes, old: bytes, new: bytes) -> bytes:
    """The workbook with one cell's XML rewritten, as another program would save it."""
    part = part_holding(data, old)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read(part)
    return rezip(data, replace={part: xml.replace(old, new, 1)})


def with_cached_formula(data: bytes, formula: str, cached: str) -> bytes:
    """The sentinel number replaced by a formula whose result Excel saved."""
    return replace_in_sheet(data, f"<v>{SENTINEL}</v>".encode(),
                            f"<f>{formula}</f><v>{cached}</v>".encode())


def _text_formula(data: bytes, formula: str, cached: str) -> bytes:
    part = part_holding(data, f"<v>{SENTINEL}</v>".encode())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read(part).decode()
    start = xml.index(f"<v>{SENTINEL}</v>")
    cell_start = xml.rindex("<c ", 0, start)
    head = xml[cell_start:xml.index(">", cell_start)].replace(' t="n"', "")
    cell_end = xml.index("</c>", start) + 4
    new = f'{head} t="str"><f>{formula}</f><v>{cached}</v></c>'
    return rezip(data, replace={part: (xml[:cell_start] + new + xml[cell_end:]).encode()})


# --- hidden sheets and rows ---------------------------------------------------------

def test_a_hidden_row_is_not_imported_and_the_preview_says_so(store: Store):
    blank = template(store, "SKHCN", "2026-Q3")
    row = rows_of(blank)["1.3.1"]

    def hide(book: openpyxl.Workbook) -> None:
        book[ENTRY].row_dimensions[row].hidden = True

    data = fill(blank, {"1.1.1": 0.65, "1.3.1": 12}, edit=hide)
    inspection = imports.inspect(store, data, "an-dong.xlsx")
    assert inspection.accepted
    assert [v.item_code for v in inspection.values] == ["1.1.1"]
    (warning,) = [w for w in inspection.warnings if w.code == "hidden_row"]
    assert warning.row == row and f"Dòng {row} đang bị ẩn" in warning.message


def test_a_hidden_sheet_is_not_read_even_with_a_header(store: Store):
    def hidden_copy(book: openpyxl.Workbook) -> None:
        ws = book.create_sheet("Bản cũ", 0)
        ws.append(["Mã chỉ tiêu", "Giá trị thực hiện"])
        ws.append(["1.1.1", 99])
        ws.sheet_state = "hidden"

    data = fill(template(store, "SKHCN", "2026-Q3"), {"1.1.1": 0.65}, edit=hidden_copy)
    inspection = imports.inspect(store, data, "trang-an.xlsx")
    assert inspection.accepted and inspection.sheet == ENTRY
    assert [v.value for v in inspection.values] == [65.0]
    assert any(w.code == "hidden_sheet" and "«Bản cũ»" in w.message
               for w in inspection.warnings)


# --- formulas ---------------------------------------------------------------------

def test_a_formula_with_a_cached_value_imports_the_value_with_a_note(store: Store):
    blank = template(store, "SKHCN", "2026-Q3")
    row = rows_of(blank)["1.3.1"]
    data = with_cached_formula(fill(blank, {"1.3.1": SENTINEL}), "10+2", "12")
    inspection = imports.inspect(store, data, "cong-thuc.xlsx")
    assert inspection.accepted, inspection.problems
    assert [(v.item_code, v.value) for v in inspection.values] == [("1.3.1", 12.0)]
    (note,) = [w for w in inspection.warnings if w.code == "from_formula"]
    assert note.cell == f"H{row}" and "công thức" in note.message


def test_a_note_from_a_formula_with_a_cached_value_is_kept_with_a_note(store: Store):
    blank = template(store, "SKHCN", "2026-Q3")
    row = rows_of(blank)["1.3.1"]
    data = _text_formula(fill(blank, {"1.3.1": 12}, notes={"1.3.1": SENTINEL}),
                         '"Theo "&amp;"báo cáo"', "Theo báo cáo")
    inspection = imports.inspect(store, data, "ghi-chu.xlsx")
    assert inspection.accepted, inspection.problems
    assert inspection.values[0].note == "Theo báo cáo"
    assert any(w.code == "from_formula" and w.cell == f"I{row}" for w in inspection.warnings)


def test_a_note_formula_without_a_cached_value_is_reported_not_dropped(store: Store):
    blank = template(store, "SKHCN", "2026-Q3")
    row = rows_of(blank)["1.3.1"]

    def formula_note(book: openpyxl.Workbook) -> None:
        book[ENTRY][f"I{row}"] = '="Theo "&A1'  # written by a program: never calculated

    data = fill(blank, {"1.3.1": 12}, edit=formula_note)
    before = dump(store)
    inspection = imports.inspect(store, data, "ghi-chu.xlsx")
    assert not inspection.accepted
    (found,) = inspection.problems
    assert (found.code, found.cell) == ("formula_no_value", f"I{row}")
    assert dump(store) == before


def test_a_row_whose_only_content_is_an_uncalculated_formula_is_reported(store: Store):
    blank = template(store, "SKHCN", "2026-Q3")
    row = rows_of(blank)["1.3.2"]

    def formula_evidence(book: openpyxl.Workbook) -> None:
        book[ENTRY][f"J{row}"] = "=HYPERLINK(\"http://x.example\")"

    inspection = imports.inspect(store, fill(blank, {"1.1.1": 0.6}, edit=formula_evidence),
                                 "minh-chung.xlsx")
    assert [(p.code, p.cell) for p in inspection.problems] == [("formula_no_value",
                                                                  f"J{row}")]


# --- merged cells -----------------------------------------------------------------

def test_a_heading_row_merged_across_the_sheet_is_passed_over(store: Store):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Mã chỉ tiêu", "Tên", "Giá trị thực hiện"])
    ws.append(["1.1 Hạ tầng"])
    ws.merge_cells("A2:C2")
    ws.append(["1.1.1", "Phủ sóng 5G", 65])
    out = io.BytesIO()
    book.save(out)
    inspection = imports.inspect(store, out.getvalue(), "tieu-de.xlsx", unit="SKHCN",
                                 period="2026-Q3")
    assert inspection.accepted, inspection.problems


def test_a_value_hidden_under_a_merge_from_another_column_is_refused(store: Store):
    data = sheet([["1.1.1", "ghi", 65]], header=("Mã chỉ tiêu", "Tên", "Giá trị thực hiện"))
    book = openpyxl.load_workbook(io.BytesIO(data))
    book.active.merge_cells("B2:C2")
    out = io.BytesIO()
    book.save(out)
    inspection = imports.inspect(store, out.getvalue(), "gop.xlsx", unit="SKHCN",
                                 period="2026-Q3")
    assert [(p.code, p.cell) for p in inspection.problems][:1] == [("merged_cells", "B2")]


# --- a workbook that reads but cannot be annotated ---------------------------------

@pytest.mark.parametrize("damage", ["hyperlink", "style"])
def test_a_workbook_that_cannot_be_annotated_gets_its_errors_without_a_copy(
        store: Store, damage: str):
    data = sheet([["1.1.1", "khoảng 50"], ["1.1.2", 70]])
    part = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read(part).decode()
    if damage == "hyperlink":  # a relation that points nowhere
        xml = xml.replace("<pageMargins", '<hyperlinks><hyperlink ref="A1" r:id="rId99" '
                          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                          'relationships"/></hyperlinks><pageMargins')
    else:  # a style index past the end of the style sheet
        xml = xml.replace('<c r="A1"', '<c r="A1" s="99"')
    broken = rezip(data, replace={part: xml.encode()})
    with pytest.raises((KeyError, IndexError)):
        openpyxl.load_workbook(io.BytesIO(broken))  # what made the annotation crash
    inspection = imports.inspect(store, broken, "hong.xlsx", unit="SKHCN", period="2026-Q3")
    assert [p.code for p in inspection.problems] == ["not_a_number"]
    assert inspection.annotatable
    assert imports.annotated(inspection, broken) is None


# --- the order uploads took effect ------------------------------------------------

def test_uploaded_at_is_the_moment_the_upload_is_committed(store: Store):
    blank = template(store, "SKHCN", "2026-Q3")
    inspection = imports.inspect(store, fill(blank, {"1.1.1": 0.65}), "cho.xlsx")
    released: list[datetime] = []

    def hold() -> None:
        with db.write_lock():
            time.sleep(1.5)  # another upload's long commit
            released.append(datetime.now())

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.2)
    result = imports.commit(store, STAFF_SKHCN, inspection)
    holder.join()
    (upload,) = store.rows("revisions/upload", upload_id=result.upload_id)
    assert upload["uploaded_at"] >= released[0]
