"""One way to read a unit or a period a person typed, wherever it is typed: the CLI,
the import's chosen scope, the file's own columns and the dashboard's URL."""

from __future__ import annotations

import pytest

from nq57 import catalogue, imports
from nq57.db import Store
from nq57.periods import PeriodError
from nq57.resolve import Resolver, UnknownCode, listed_periods
from nq57.viewstate import Choices, read_filters
from tests.excel.workbooks import sheet

PERIODS = ["2026-01", "2026-02", "2026-03", "2026-Q1", "2026-04", "2026-05", "2026-06",
           "2026-Q2"]


@pytest.fixture
def resolver(store: Store) -> Resolver:
    return catalogue.resolver(store)


@pytest.mark.parametrize("typed", ["SKHCN", "skhcn", " Skhcn ", "Sở Khoa học và Công nghệ",
                                   "so khoa hoc va cong nghe", "Sở KH&CN"])
def test_a_unit_is_read_by_its_code_or_its_name(resolver: Resolver, typed: str):
    assert resolver.unit(typed) == "SKHCN"


def test_an_unknown_unit_lists_the_codes(resolver: Resolver):
    with pytest.raises(UnknownCode, match=r"Các mã hiện có: BCHQS, .*SKHCN"):
        resolver.unit("Sở Không Có")
    assert resolver.find_unit("Sở Không Có") is None


@pytest.mark.parametrize(("typed", "code"), [
    ("2026-05", "2026-05"), ("Tháng 5/2026", "2026-05"), ("thang 5 2026", "2026-05"),
    ("T5/2026", "2026-05"), ("Quý II/2026", "2026-Q2"), ("Q2/2026", "2026-Q2"),
])
def test_months_and_quarters_are_read_every_way(resolver: Resolver, typed: str, code: str):
    assert resolver.period(typed).code == code


def test_a_period_not_tracked_is_refused_with_those_that_are(resolver: Resolver):
    with pytest.raises(UnknownCode) as refused:
        resolver.period("2027-03")
    assert "2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4; các tháng 2026-01 … 2026-12" in str(
        refused.value)
    with pytest.raises(PeriodError, match="Tháng 5/2026"):
        resolver.period("tháng mười ba")


def test_reporting_periods_include_both_baseline_periods(store: Store):
    reporting = catalogue.resolver(store, for_reporting=True)
    assert reporting.period("Tháng 12/2025").code == "2025-12"
    assert reporting.period("Quý IV/2025").code == "2025-Q4"
    assert catalogue.resolver(store).find_period("2025-Q4") is None


def test_listed_periods_keeps_quarters_whole_and_months_short():
    assert listed_periods(PERIODS) == "2026-Q1, 2026-Q2; các tháng 2026-01 … 2026-06"
    assert listed_periods(["2026-Q1"]) == "2026-Q1"


def test_the_url_reads_units_and_periods_the_same_way():
    choices = Choices(periods=PERIODS, default_period="2026-Q2", units=["SKHCN", "SNV"],
                      groups=["1.1"])
    filters, notices = read_filters({"period": ["Tháng 5/2026"], "unit": ["snv,skhcn"]},
                                    choices)
    assert (filters.period, filters.units, notices) == ("2026-05", ("SNV", "SKHCN"), [])
    _, notices = read_filters({"period": ["2026-07"]}, choices)
    assert notices == ["Kỳ báo cáo «2026-07» không hợp lệ; đang hiển thị 2026-Q2."]


def test_the_import_reads_a_unit_and_a_period_typed_in_the_file(store: Store):
    data = sheet([["1.1.1", 61, "Tháng 5/2026", "Sở Khoa học và Công nghệ"]],
                 header=("Mã chỉ tiêu", "Giá trị thực hiện", "Kỳ báo cáo", "Đơn vị báo cáo"))
    inspection = imports.inspect(store, data, "tu-lap.xlsx")
    assert inspection.accepted, [p.message for p in inspection.problems]
    assert (inspection.unit, inspection.period) == ("SKHCN", "2026-05")
    refused = imports.inspect(store, data, "tu-lap.xlsx", unit="Sở Không Có")
    assert [p.code for p in refused.problems] == ["unknown_unit"]
