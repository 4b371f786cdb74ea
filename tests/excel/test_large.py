"""Large files: a 5,000-row report (the size bench/import_bench.py times) goes through
whole, and a sheet past the row limit is refused while it is being read."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from bench import import_bench
from nq57 import imports
from nq57.excel import safety
from nq57.excel.safety import Limits
from tests.helpers import ADMIN

pytestmark = pytest.mark.slow


def test_a_5000_row_report_is_imported_whole(tmp_path: Path):
    store = import_bench.bench_store(tmp_path / "bench.duckdb", 5000)
    data = import_bench.large_workbook(store, 5000)
    inspection, result = imports.import_file(store, data, "lon.xlsx", actor=ADMIN)
    assert inspection.accepted, [p.message for p in inspection.problems[:3]]
    assert result is not None and result.stored == len(inspection.entries) >= 5000
    current = store.frame("revisions/current_for_unit_period", unit=import_bench.UNIT,
                          period=import_bench.PERIOD)
    assert len(current) == result.stored


def test_a_sheet_longer_than_the_row_limit_is_refused(store):
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("Số liệu")
    ws.append(["Mã chỉ tiêu", "Giá trị thực hiện"])
    for _ in range(safety.MAX_ROWS + 1):
        ws.append(["1.1.1", 60])
    out = io.BytesIO()
    book.save(out)
    inspection = imports.inspect(store, out.getvalue(), "dai.xlsx", unit="SKHCN",
                                 period="2026-Q2")
    assert [p.code for p in inspection.problems] == ["too_many_rows"]


def test_a_lower_row_limit_applies_to_blank_rows_too(store):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Mã chỉ tiêu", "Giá trị thực hiện"])
    ws.cell(row=60, column=1, value="1.1.1")
    out = io.BytesIO()
    book.save(out)
    inspection = imports.inspect(store, out.getvalue(), "x.xlsx", unit="SKHCN",
                                 period="2026-Q2", limits=Limits(max_rows=50))
    assert [p.code for p in inspection.problems] == ["too_many_rows"]
