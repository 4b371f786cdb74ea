"""Whatever people put in a cell, the import never fails: each value is either read
as a number within its bounds or refused with a clear, located message."""

from __future__ import annotations

import math
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nq57 import explanations, fmt, imports
from nq57.db import Store
from nq57.excel import values
from nq57.labels import EXCEL_MESSAGES
from tests.excel.workbooks import fill, sheet, template

MEASURES = {values.PERCENT: "%", values.COUNT: "người", values.DECIMAL: "điểm",
            values.COMPLETION: "% hoàn thành"}
NUMBERISH = st.text(alphabet="0123456789.,% -+−\u00a0", max_size=14)
# Control characters cannot be stored in a worksheet at all.
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs")), max_size=40)
CELLS = st.one_of(
    st.none(), NUMBERISH, ANY_TEXT, st.booleans(),
    st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)),
)


def within_bounds(value: float, measure: str) -> bool:
    if not math.isfinite(value) or value < 0:
        return False
    if measure in (values.PERCENT, values.COMPLETION):
        return value <= 100 + 1e-9
    if measure == values.COUNT:
        return value == round(value)
    return True


@settings(max_examples=400, deadline=None)
@given(raw=CELLS, measure=st.sampled_from(sorted(MEASURES)),
       number_format=st.sampled_from(["General", "0.0%", "#,##0", "@", '0.0"%"']))
def test_any_cell_is_a_bounded_value_or_a_known_error(raw, measure, number_format):
    reading = values.read_value(raw, number_format, measure, MEASURES[measure])
    if reading.error is not None:
        assert reading.value is None
        assert reading.error in EXCEL_MESSAGES
        EXCEL_MESSAGES[reading.error].format(cell="H9", row=9, sheet="x", code="1.1.1",
                                             **{"text": "", "value": "", "uom": "",
                                                **reading.fields})
    elif reading.value is not None:
        assert within_bounds(reading.value, measure)
        if reading.warning:
            assert reading.warning in EXCEL_MESSAGES


@settings(max_examples=200, deadline=None)
@given(count=st.integers(min_value=0, max_value=10**9))
def test_a_count_written_the_vietnamese_way_reads_back(count):
    for written in (fmt.number(count, 0), f"{count:,}", f"{count:,}".replace(",", " "),
                    str(count)):
        assert values.read_text(written, values.COUNT, "người").value == count


@settings(max_examples=200, deadline=None)
@given(hundredths=st.integers(min_value=0, max_value=10_000))
def test_a_percentage_written_the_vietnamese_way_reads_back(hundredths):
    share = hundredths / 100
    for written in (fmt.number(share, 2), fmt.number(share, 2) + "%",
                    f"{share:.2f}", f"{share:.2f} %"):
        reading = values.read_text(written, values.PERCENT, "%")
        assert reading.value == pytest.approx(share), written


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(cells=st.lists(CELLS, min_size=1, max_size=6))
def test_a_workbook_of_arbitrary_cells_never_breaks_the_import(store: Store, cells):
    codes = ["1.1.1", "1.3.1", "1.5.1", "II.1", "1.2.7", "1.3.4"]
    data = sheet([[code, cell] for code, cell in zip(codes, cells, strict=False)])
    inspection = imports.inspect(store, data, "fuzz.xlsx", unit="SKHCN", period="2026-Q2")
    # A readable value may still want an explanation (its status, not its cell).
    refused_rows = {p.row for p in inspection.problems
                    if p.code not in explanations.PROBLEM_CODES}
    for problem in inspection.problems:
        assert problem.code in EXCEL_MESSAGES and problem.message
    for entry in inspection.entries:
        assert entry.row not in refused_rows
    located = [p for p in inspection.problems if p.row is not None]
    assert all(p.sheet == "Báo cáo" and p.column in ("A", "B") for p in located)
    if inspection.accepted:
        assert inspection.values  # an accepted file reports something


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(note=ANY_TEXT, evidence=ANY_TEXT)
def test_any_note_and_evidence_text_is_kept_as_written(store: Store, note, evidence):
    data = fill(template(store), {"1.1.1": 0.5}, notes={"1.1.1": note},
                evidence={"1.1.1": evidence})
    inspection = imports.inspect(store, data, "notes.xlsx")
    if inspection.accepted:
        entry = inspection.entries[0]
        assert entry.note == (note.strip() or None)
        assert entry.evidence == (evidence.strip() or None)
