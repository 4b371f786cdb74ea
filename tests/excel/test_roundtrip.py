"""The round trip a unit makes each quarter: template out, filled, uploaded, the gaps
showing the numbers; then corrections, revisions and revocation."""

from __future__ import annotations

import io
from datetime import datetime

import openpyxl
import pytest

from nq57 import imports, labels, revisions, status
from nq57.db import Store
from nq57.excel import template as template_book
from nq57.policy import Actor
from tests.excel.workbooks import (
    ENTRY,
    dump,
    fill,
    resave_with_libreoffice,
    rows_of,
    soffice,
    template,
)
from tests.helpers import ADMIN, STAFF_SKHCN

# What a unit types: fractions in percent cells (Excel shows 65%), counts, a score,
# a completion chosen from the list.
TYPED = {"1.1.1": 0.65, "1.1.2": "72,5%", "1.3.1": 12, "1.3.4": "1.250", "1.5.1": 0.85,
         "II.1": "100%"}
STORED = {"1.1.1": 65.0, "1.1.2": 72.5, "1.3.1": 12.0, "1.3.4": 1250.0, "1.5.1": 0.85,
          "II.1": 100.0}


def gaps_actuals(store: Store, period: str = "2026-Q2", item_type: str = "target"
                 ) -> dict[str, float]:
    frame = status.gaps(store, period, units=["SKHCN"], item_type=item_type)
    return {code: value for code, value in zip(frame["code"], frame["actual"], strict=True)
            if value == value}


def upload(store: Store, data: bytes, name: str = "bao-cao.xlsx", by: Actor = STAFF_SKHCN,
           **options) -> revisions.RecordResult:
    inspection = imports.inspect(store, data, name, **options)
    assert inspection.accepted, [p.message for p in inspection.problems]
    return imports.commit(store, by, inspection)


# --- the template ---------------------------------------------------------------------

def test_the_template_lists_the_units_items_with_a_clear_heading(store: Store):
    data = template(store, "SKHCN", "2026-Q2")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == [ENTRY, labels.EXCEL_SHEET_HELP, "_nq57"]
    assert book["_nq57"].sheet_state == "veryHidden"
    ws = book[ENTRY]
    heading = " ".join(str(ws.cell(row=r, column=1).value) for r in range(1, 6))
    assert "Sở Khoa học và Công nghệ" in heading
    assert "Quý II/2026" in heading and "20/07/2026" in heading
    header = [c.value for c in ws[template_book.HEADER_ROW]]
    assert header[:3] == ["Mã chỉ tiêu", "Nhóm", "Tên chỉ tiêu, nhiệm vụ"]
    assert "Giá trị thực hiện" in header and "Minh chứng" in header
    codes = list(rows_of(data))
    assert len(codes) == 44
    assert codes[:2] == ["1.1.1", "1.1.2"]
    # the secretariat also reports items led by a collective of units
    assert {"V.6", "VI.3"} <= set(codes)
    row = rows_of(data)["1.3.1"]
    assert ws.cell(row=row, column=5).value == "≥ 10 doanh nghiệp"
    assert ws.cell(row=row, column=6).value == labels.EXCEL_HOW["cumulative"]


def test_only_entry_cells_are_unlocked_and_validated(store: Store):
    data = template(store)
    ws = openpyxl.load_workbook(io.BytesIO(data))[ENTRY]
    rows = rows_of(data)
    assert ws.protection.sheet
    value, note, code = (ws[f"H{rows['1.1.1']}"], ws[f"I{rows['1.1.1']}"],
                         ws[f"A{rows['1.1.1']}"])
    assert not value.protection.locked and not note.protection.locked
    assert code.protection.locked
    assert value.number_format == "0.0#%"                       # shown as a percentage
    assert ws[f"H{rows['1.3.1']}"].number_format == "#,##0"
    assert ws[f"H{rows['II.1']}"].number_format == "@"
    rules = {(dv.type, dv.operator, dv.formula1, dv.formula2): str(dv.sqref)
             for dv in ws.data_validations.dataValidation}
    assert f"H{rows['1.1.1']}" in rules[("decimal", "between", "0", "1")]
    assert f"H{rows['1.3.1']}" in rules[("whole", "greaterThanOrEqual", "0", None)]
    assert f"H{rows['II.1']}" in rules[("list", None, '"0%,25%,50%,75%,100%"', None)]
    assert ws.column_dimensions["C"].width > 40
    assert ws[f"C{rows['1.1.1']}"].alignment.wrap_text
    assert ws.print_title_rows == f"${template_book.HEADER_ROW}:${template_book.HEADER_ROW}"
    assert ws.page_setup.orientation == "landscape"


def test_the_instructions_state_the_value_rules(store: Store):
    ws = openpyxl.load_workbook(io.BytesIO(template(store)))[labels.EXCEL_SHEET_HELP]
    text = "\n".join(str(c.value) for c in ws["A"] if c.value)
    for rule in ("85,5", "1.250", "12.500 là 12,5", "0,855", "Để trống", "10 MB",
                 "10.000 dòng", "«Mã chỉ tiêu»"):
        assert rule in text


def test_the_template_shows_what_was_reported_last(store: Store):
    upload(store, fill(template(store, period="2026-Q1"), {"1.1.1": 0.6}))
    ws = openpyxl.load_workbook(io.BytesIO(template(store, period="2026-Q2")))[ENTRY]
    rows = rows_of(template(store, period="2026-Q2"))
    assert ws[f"G{rows['1.1.1']}"].value == "60% (Quý I/2026)"
    assert ws[f"G{rows['1.1.2']}"].value == labels.EXCEL_LAST_NONE
    assert ws[f"H{rows['1.1.1']}"].value is None                 # the actual stays empty


# --- the round trip ---------------------------------------------------------------------

def test_template_filled_and_imported_shows_in_the_gaps(store: Store):
    assert gaps_actuals(store) == {}
    result = upload(store, fill(template(store), TYPED, evidence={"II.1": "qd-123.pdf"}))
    assert result.stored == len(TYPED)
    targets = gaps_actuals(store)
    tasks = gaps_actuals(store, item_type="task")
    assert {**targets, **tasks} == STORED
    frame = status.gaps(store, "2026-Q2", units=["SKHCN"], item_type="task")
    task = frame[frame["code"] == "II.1"].iloc[0]
    assert (task["evidence"], task["recorded_by"], task["reported_status"]) == (
        "qd-123.pdf", "Trần Thị B (canbo.kh)", "achieved")
    # A file name with no file sent alongside is not evidence: the task awaits it.
    assert task["status"] == "awaiting_evidence"


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_the_same_round_trip_through_libreoffice(store: Store, tmp_path):
    resaved = resave_with_libreoffice(fill(template(store), TYPED), tmp_path)
    assert resaved[:2] == b"PK"
    upload(store, resaved, "luu-lai.xlsx")
    assert {**gaps_actuals(store), **gaps_actuals(store, item_type="task")} == STORED


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_computes_formulas_that_a_program_left_uncalculated(store: Store,
                                                                         tmp_path):
    data = fill(template(store), {"1.3.1": "=5+7", "1.1.1": 0.6})
    refused = imports.inspect(store, data, "f.xlsx")
    assert [p.code for p in refused.problems] == ["formula_no_value"]
    upload(store, resave_with_libreoffice(data, tmp_path))
    assert gaps_actuals(store)["1.3.1"] == 12.0


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_a_real_old_xls_file_is_refused(store: Store, tmp_path):
    xls = resave_with_libreoffice(fill(template(store), TYPED), tmp_path, target="xls")
    inspection = imports.inspect(store, xls, "cu.xls")
    assert [p.code for p in inspection.problems] == ["old_xls"]


# --- revisions --------------------------------------------------------------------------

def test_an_identical_file_sent_again_changes_nothing(store: Store):
    data = fill(template(store), TYPED)
    first = upload(store, data)
    before = dump(store)
    again = imports.inspect(store, data, "bao-cao (1).xlsx")
    assert again.duplicate_of["id"] == first.upload_id
    assert again.counts() == {"new": 0, "changed": 0, "unchanged": len(TYPED),
                              "not_reported": 44 - len(TYPED)}
    second = imports.commit(store, STAFF_SKHCN, again)
    assert (second.upload_id, second.stored, second.duplicate_of) == (
        None, 0, first.upload_id)
    assert dump(store) == before


def test_a_later_upload_adds_revisions_and_history_keeps_both(store: Store):
    first = upload(store, fill(template(store), {"1.1.1": 0.6, "1.1.2": 0.7}),
                   by=ADMIN)
    second = upload(store, fill(template(store), {"1.1.1": 0.64, "1.1.2": 0.7}),
                    by=STAFF_SKHCN)
    assert (second.stored, second.unchanged) == (1, 1)
    history = revisions.history(store, "1.1.1")
    assert history["value"].tolist() == [64.0, 60.0]
    assert history["upload_id"].tolist() == [second.upload_id, first.upload_id]
    assert history["is_current"].tolist() == [True, False]
    assert history["recorded_by"].tolist() == ["Trần Thị B (canbo.kh)",
                                               "Quản trị thử (quantri.thu)"]
    assert gaps_actuals(store)["1.1.1"] == 64.0


def test_revoking_an_upload_falls_back_to_the_previous_revision(store: Store):
    upload(store, fill(template(store), {"1.1.1": 0.6}))
    later = upload(store, fill(template(store), {"1.1.1": 0.9, "1.3.1": 5}))
    rows_before = len(dump(store)["actuals"])
    revisions.revoke_upload(store, ADMIN, later.upload_id, "Nhập nhầm kỳ")
    assert gaps_actuals(store) == {"1.1.1": 60.0}                # 1.3.1 had nothing before
    assert len(dump(store)["actuals"]) == rows_before            # nothing deleted
    log = revisions.uploads(store, "SKHCN", "2026-Q2")
    assert log.set_index("id").loc[later.upload_id, "revoke_reason"] == "Nhập nhầm kỳ"


def test_a_dry_run_validates_fully_and_stores_nothing(store: Store):
    before = dump(store)
    inspection, result = imports.import_file(store, fill(template(store), TYPED), "d.xlsx",
                                             actor=None, dry_run=True)
    assert inspection.accepted and result is None
    assert inspection.counts()["new"] == len(TYPED)
    assert dump(store) == before


def test_a_commit_is_all_or_nothing(store: Store, monkeypatch):
    inspection = imports.inspect(store, fill(template(store), TYPED), "a.xlsx")
    real_execute = Store.execute

    def failing(self, name, con, **params):
        if name == "revisions/insert_actuals":
            raise RuntimeError("disk full")
        return real_execute(self, name, con, **params)

    monkeypatch.setattr(Store, "execute", failing)
    before = dump(store)
    with pytest.raises(RuntimeError):
        imports.commit(store, STAFF_SKHCN, inspection)
    assert dump(store) == before


def test_a_commit_changes_the_data_version_that_keys_every_cache(store: Store):
    version = store.data_version()
    upload(store, fill(template(store), {"1.1.1": 0.6}))
    assert store.data_version() != version


def test_a_refused_inspection_cannot_be_committed(store: Store):
    inspection = imports.inspect(store, template(store), "trong.xlsx")
    with pytest.raises(imports.NotAccepted):
        imports.commit(store, ADMIN, inspection)


def test_upload_record_says_who_when_what(store: Store):
    data = fill(template(store), TYPED)
    inspection = imports.inspect(store, data, "bao-cao-q2.xlsx")
    result = imports.commit(store, STAFF_SKHCN, inspection, at=datetime(2026, 7, 10, 9))
    row = revisions.uploads(store, "SKHCN", "2026-Q2").iloc[0]
    assert row["id"] == result.upload_id
    assert (row["file_name"], row["sha256"], row["uploaded_by"]) == (
        "bao-cao-q2.xlsx", imports.sha256(data), "Trần Thị B (canbo.kh)")
    assert (row["rows_read"], row["rows_stored"]) == (44, len(TYPED))
    assert row["uploaded_at"] == datetime(2026, 7, 10, 9)


# --- errors written back into the workbook ----------------------------------------------

def test_the_annotated_workbook_marks_errors_and_can_be_fixed_and_sent_again(store: Store):
    data = fill(template(store), {"1.1.1": "nhiều", "1.3.1": -2, "1.1.2": 0.5})
    inspection = imports.inspect(store, data, "loi.xlsx")
    assert not inspection.accepted
    marked = imports.annotated(inspection, data)
    book = openpyxl.load_workbook(io.BytesIO(marked))
    ws = book[ENTRY]
    rows = rows_of(data)
    header = [c.value for c in ws[template_book.HEADER_ROW]]
    column = header.index(labels.EXCEL_HEADERS["errors"]) + 1
    assert "«nhiều» không phải là số" in ws.cell(row=rows["1.1.1"], column=column).value
    assert "số âm" in ws.cell(row=rows["1.3.1"], column=column).value
    assert ws.cell(row=rows["1.1.2"], column=column).value is None
    assert ws[f"H{rows['1.1.1']}"].fill.fgColor.rgb.endswith("F4B6B6")
    assert book["_nq57"].sheet_state == "veryHidden"            # still knows what it is
    ws[f"H{rows['1.1.1']}"] = 0.61
    ws[f"H{rows['1.3.1']}"] = 2
    fixed = io.BytesIO()
    book.save(fixed)
    upload(store, fixed.getvalue(), "loi-da-sua.xlsx")
    assert gaps_actuals(store) == {"1.1.1": 61.0, "1.1.2": 50.0, "1.3.1": 2.0}
    # annotating the annotated file again reuses its error column
    again = imports.inspect(store, marked, "loi.xlsx")
    twice = openpyxl.load_workbook(io.BytesIO(imports.annotated(again, marked)))[ENTRY]
    names = [c.value for c in twice[template_book.HEADER_ROW]]
    assert names.count(labels.EXCEL_HEADERS["errors"]) == 1


def test_whole_file_refusals_have_no_annotated_workbook(store: Store):
    inspection = imports.inspect(store, b"not a workbook", "x.xlsx")
    assert imports.annotated(inspection, b"not a workbook") is None



def test_baselines_are_reported_for_the_quarter_before_the_year(store: Store):
    """The 2025-Q4 template lists only the targets measured from a baseline; once
    imported, the 2026 trajectory starts from those values."""
    data = template(store, "SKHCN", "2025-Q4")
    codes = [item.code for item in imports.template_items(store, "SKHCN", "2025-Q4")]
    assert "1.1.1" in codes and "1.3.1" not in codes and "II.1" not in codes
    inspection, result = imports.import_file(store, fill(data, {"1.1.1": 0.40}),
                                             "nen-2025.xlsx", actor=STAFF_SKHCN)
    assert inspection.accepted and result is not None and result.stored == 1
    gap = status.gaps(store, "2026-Q1").set_index("code").loc["1.1.1"]
    assert gap["baseline"] == 40.0
