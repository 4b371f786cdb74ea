"""The Excel round trip for what the status rules added: a monthly period, tasks
reported by their own KPI, and the reminder to report last year's closing value."""

from __future__ import annotations

import io

import openpyxl

from nq57 import imports, labels, status
from nq57.db import Store
from nq57.excel import template as template_book
from tests.excel.workbooks import COLUMN, ENTRY, fill, rows_of, template
from tests.helpers import ADMIN, report


def upload(store: Store, data: bytes, **options: str) -> imports.Inspection:
    inspection = imports.inspect(store, data, "bao-cao.xlsx", **options)
    assert inspection.accepted, [p.message for p in inspection.problems]
    imports.commit(store, ADMIN, inspection)
    return inspection


def cell(data: bytes, code: str, column: str) -> object:
    ws = openpyxl.load_workbook(io.BytesIO(data))[ENTRY]
    return ws.cell(row=rows_of(data)[code], column=COLUMN[column]).value


def test_a_month_has_its_template_and_its_values_count_for_the_month(store: Store):
    data = template(store, "SKHCN", "2026-05")
    heading = " ".join(str(openpyxl.load_workbook(io.BytesIO(data))[ENTRY].cell(
        row=r, column=1).value) for r in range(1, 6))
    assert "Tháng 5/2026" in heading and "20/06/2026" in heading
    inspection = upload(store, fill(data, {"1.1.2": 0.55}))
    assert inspection.period == "2026-05"
    gap = status.gaps(store, "2026-05", as_of="2026-06-10").set_index("code").loc["1.1.2"]
    assert (gap["actual"], gap["value_period"]) == (55.0, "2026-05")


def test_a_month_typed_in_the_file_is_read(store: Store):
    data = fill(template(store, "SKHCN", "2026-05"), {"1.1.2": 0.55})
    inspection = imports.inspect(store, data, "bao-cao.xlsx", period="Tháng 5/2026")
    assert inspection.accepted and inspection.period == "2026-05"
    wrong = imports.inspect(store, data, "bao-cao.xlsx", period="Tháng 13/2026")
    assert [p.code for p in wrong.problems] == ["malformed_period"]
    assert "Tháng 5/2026" in wrong.problems[0].message


def test_a_task_with_a_numeric_kpi_is_reported_in_its_own_unit(store: Store):
    # IV.3 (Sở Nội vụ): "80% cán bộ, công chức, viên chức được bồi dưỡng".
    data = template(store, "SNV", "2026-Q2")
    assert cell(data, "IV.3", "threshold") == "≥ 80% · Năm 2026"
    assert cell(data, "IV.3", "how") == labels.EXCEL_HOW["level"]
    assert "KPI: 80% cán bộ" in str(cell(data, "IV.3", "name"))
    ws = openpyxl.load_workbook(io.BytesIO(data))[ENTRY]
    assert ws.cell(row=rows_of(data)["IV.3"], column=COLUMN["value"]).number_format == (
        template_book.VALUE_FORMATS["percent"])
    upload(store, fill(data, {"IV.3": 0.42}))
    gap = status.gaps(store, "2026-Q2", as_of="2026-07-01", item_type="task").set_index(
        "code").loc["IV.3"]
    assert (gap["actual"], gap["status"]) == (42.0, "on_track")


def test_a_count_kpi_must_be_whole(store: Store):
    # VI.3: "84 nền tảng" (led by a collective; the secretariat reports it).
    data = template(store, "SKHCN", "2026-Q1")
    assert cell(data, "VI.3", "threshold") == "≥ 84 nền tảng · Quý II/2026"
    refused = imports.inspect(store, fill(data, {"VI.3": "72,5"}), "bao-cao.xlsx")
    assert [p.code for p in refused.problems] == ["not_whole"]


def test_the_template_reminds_the_unit_of_a_missing_baseline(store: Store):
    report(store, "SKHCN", "2025-Q4", {"1.1.1": 40.0}, at="2026-01-10 08:00")
    data = template(store, "SKHCN", "2026-Q2")
    assert "Chưa có số liệu gốc" not in str(cell(data, "1.1.1", "how"))
    assert "Chưa có số liệu gốc (cuối năm 2025)" in str(cell(data, "1.1.2", "how"))
    assert "Chưa có số liệu gốc" not in str(cell(data, "1.3.1", "how"))  # a count: from 0
    note = openpyxl.load_workbook(io.BytesIO(data))[ENTRY].cell(
        row=template_book.NOTE_ROW, column=1).value
    assert note == labels.EXCEL_BASELINE_REMINDER.format(year=2025)


def test_the_baseline_template_takes_stock_kpis_of_tasks_too(store: Store):
    data = template(store, "SKHCN", "2025-Q4")
    codes = set(rows_of(data))
    assert "VI.3" in codes                       # a stock: platforms in use
    assert not {"1.3.1", "II.1", "II.3"} & codes  # counts from zero, completion
    note = openpyxl.load_workbook(io.BytesIO(data))[ENTRY].cell(
        row=template_book.NOTE_ROW, column=1).value
    assert note == labels.EXCEL_BASELINE_PERIOD.format(year=2025)
    refused = imports.inspect(store, fill(data, {"VI.3": 60}, edit=lambda book: book[
        ENTRY].cell(row=rows_of(data)["VI.3"] + 0, column=1, value="II.3")), "x.xlsx")
    assert "not_baseline_item" in [p.code for p in refused.problems]


def test_a_template_of_demo_values_says_so(demo_store: Store):
    data = template(demo_store, "SKHCN", "2026-Q4")
    note = openpyxl.load_workbook(io.BytesIO(data))[ENTRY].cell(
        row=template_book.NOTE_ROW, column=1).value
    assert labels.EXCEL_DEMO_NOTE in note
