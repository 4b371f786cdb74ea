"""The catalogue carries the documents' numbers, with proper Vietnamese."""

from __future__ import annotations

import math
import unicodedata

import pytest

from nq57 import catalogue
from nq57.db import Store

# (code, comparator, threshold_low, threshold_high, unit of measure) as Plan 03-KH/BCĐ
# section I.1 states them.
DOCUMENT_THRESHOLDS = [
    ("1.1.1", ">=", 60, None, "%"),
    ("1.1.2", ">=", 70, None, "%"),
    ("1.2.1", ">", 2, None, "%"),
    ("1.2.2", ">=", 100, None, "%"),
    ("1.2.6", ">", 90, None, "%"),
    ("1.2.7", ">", 12, None, "người/vạn dân"),
    ("1.3.1", ">=", 10, None, "doanh nghiệp"),
    ("1.3.2", ">=", 1, None, "tổ chức"),
    ("1.3.3", ">=", 8, None, "nhiệm vụ"),
    ("1.3.4", ">=", 500, None, "người"),
    ("1.3.5", ">=", 20, None, "nhiệm vụ"),
    ("1.3.6", ">=", 55, None, "bài báo"),
    ("1.3.7", "qualitative", None, None, "% hoàn thành"),
    ("1.4.1", ">=", 20, None, "doanh nghiệp"),
    ("1.4.2", ">=", 1, None, "đơn vị"),
    ("1.4.3", ">=", 10, None, "%"),
    ("1.4.4", ">=", 60, None, "sản phẩm"),
    ("1.4.5", ">=", 30, None, "dự án"),
    ("1.4.6", ">=", 20, None, "sáng chế/giải pháp"),  # "20 sáng chế, giải pháp hữu ích"
    ("1.4.7", ">=", 300, None, "bài báo"),
    ("1.4.8", ">=", 70, None, "sáng kiến"),
    ("1.5.1", ">", 0.8, None, "điểm"),
    ("1.5.2", ">=", 90, None, "%"),
    ("1.5.3", ">=", 100, None, "%"),
    ("1.5.7", ">=", 95, None, "%"),
    ("1.5.8", ">", 80, None, "%"),
    ("1.5.9", ">", 90, None, "%"),
    ("1.5.15", ">", 80, None, "%"),
    ("1.5.17", ">", 60, None, "%"),
    ("1.5.18", ">", 85, None, "%"),
    ("1.5.19", ">", 60, None, "%"),
    ("1.5.20", ">", 80, None, "%"),
    ("1.5.21", ">", 50, None, "%"),
    ("1.5.22", ">", 90, None, "%"),
    ("1.5.23", "between", 15, 17, "%"),
    ("1.5.25", ">=", 80, None, "%"),
    ("1.5.26", ">", 95, None, "%"),
    ("1.5.27", ">", 95, None, "%"),
    ("1.5.30", ">=", 100, None, "%"),
]


@pytest.fixture
def targets(store: Store):
    return catalogue.targets(store).set_index("code")


def test_there_are_54_targets_in_five_groups_of_2_7_7_8_and_30(targets):
    assert len(targets) == 54
    assert targets.groupby("group").size().to_dict() == {
        "1.1": 2, "1.2": 7, "1.3": 7, "1.4": 8, "1.5": 30}


@pytest.mark.parametrize(("code", "comparator", "low", "high", "unit"), DOCUMENT_THRESHOLDS)
def test_thresholds_match_the_plan(targets, code, comparator, low, high, unit):
    row = targets.loc[code]
    assert row["comparator"] == comparator
    assert row["unit_of_measure"] == unit
    assert (low is None and math.isnan(row["threshold_low"])) or row["threshold_low"] == low
    assert (high is None and math.isnan(row["threshold_high"])) or row["threshold_high"] == high


def test_counts_accumulate_and_rates_are_levels(targets):
    assert targets.loc["1.3.1", "kind"] == "cumulative"   # new S&T enterprises this year
    assert targets.loc["1.4.4", "kind"] == "cumulative"   # products commercialised
    assert targets.loc["1.5.8", "kind"] == "level"        # a rate
    assert targets.loc["1.3.4", "kind"] == "level"        # researchers in the province: a stock


def test_public_service_leads_from_the_offices_own_plan_are_assumptions(targets):
    # Changed: these were taken as named by the plan. 1119/KH-VP is the Office's internal
    # plan and lists the centre as "phối hợp thực hiện"; Plan 03 names no lead for them.
    for code in ("1.5.2", "1.5.5", "1.5.6", "1.5.8", "1.5.9", "1.5.10", "1.5.11"):
        assert targets.loc[code, "lead_unit"] == "TTPVHCC"
        assert targets.loc[code, "lead_assumed"]
        assert "phối hợp" in targets.loc[code, "lead_basis"]
    assert targets.loc["1.1.1", "lead_assumed"]  # assigned by remit


def test_payment_targets_are_led_by_a_provincial_body_with_the_bank_as_data_source(targets):
    for code in ("1.5.15", "1.5.26"):
        assert targets.loc[code, "lead_unit"] == "STC"
        assert targets.loc[code, "data_unit"] == "NHNN"
        assert targets.loc[code, "lead_assumed"]


def test_assumed_and_unreadable_catalogue_entries_are_flagged(store: Store):
    tasks = catalogue.tasks(store).set_index("code")
    # "Quy /2026" in the scan: the quarter is lost, Quý I is an assumption.
    assert {c for c in tasks.index if tasks.loc[c, "deadline_assumed"]} == {
        "II.11", "V.6", "V.7.1"}
    horizons = catalogue.targets_2030(store).set_index("code")
    assert horizons.loc["1119-2030-06", "threshold_assumed"]
    assert not horizons.loc["1119-2030-01", "threshold_assumed"]
    assert horizons.loc["433-2030-08", "name"] == "Chỉ số phát triển con người (HDI)"


def test_tasks_carry_the_kpi_they_are_judged_by(store: Store):
    tasks = catalogue.tasks(store).set_index("code")
    assert tuple(tasks.loc["IV.3", ["kpi_kind", "kpi_comparator", "kpi_threshold",
                                    "kpi_unit", "kpi_baseline"]]) == (
        "level", ">=", 80, "%", False)      # trained this year: from zero
    assert tuple(tasks.loc["VI.3", ["kpi_kind", "kpi_threshold", "kpi_unit",
                                    "kpi_baseline"]]) == ("level", 84, "nền tảng", True)
    assert tuple(tasks.loc["III.2.2", ["kpi_kind", "kpi_threshold"]]) == ("cumulative", 1)
    assert tasks.loc["VII.1", "kpi_comparator"] == ">"          # as the text says
    assert tasks.loc["II.4", "kpi_kind"] == "completion"          # a completion statement
    numeric = tasks[tasks["kpi_kind"] != "completion"]
    assert len(numeric) == 17 and numeric["kpi_threshold"].notna().all()


def test_every_target_has_a_lead_unit_with_a_name(targets):
    assert targets["lead_unit_name"].notna().all()


def test_names_carry_vietnamese_diacritics_in_composed_form(store: Store, targets):
    tasks = catalogue.tasks(store)
    units = catalogue.units(store)
    texts = [*targets["name"], *tasks["title"], *tasks["kpi"], *units["name"]]
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)
    assert targets.loc["1.1.1", "name"] == "Tỷ lệ phủ sóng 5G trên địa bàn"
    assert units.set_index("code").loc["SKHCN", "name"] == "Sở Khoa học và Công nghệ"
    # OCR leftovers such as "Ty 18" or "dén" must not survive.
    assert not any(" Ty " in f" {t} " or "dén" in t for t in texts)


def test_tasks_list_every_appendix_row_with_sub_tasks_as_their_own_rows(store: Store):
    tasks = catalogue.tasks(store).set_index("code")
    assert len(tasks) == 42
    assert {"I", "II", "III", "IV", "V", "VI", "VII"} == set(tasks["section"])
    for code in ("III.2.1", "III.2.2", "V.1.3", "V.2.2", "V.7.2"):
        assert code in tasks.index
    assert tasks.loc["III.2.2", "lead_unit"] == "STC"
    assert tasks.loc["III.4", "lead_unit"] == "CAT"
    assert tasks.loc["V.1.1", "lead_unit"] == "BNCTU"


def test_task_deadlines_are_kept_as_written_and_as_dates(store: Store):
    tasks = catalogue.tasks(store).set_index("code")
    assert tasks.loc["II.1", "deadline_text"] == "Quý I/2026"
    assert str(tasks.loc["II.1", "deadline"]) == "2026-03-31"
    # Changed: the scan reads "Quý 1 006" (Quý I/2026); the old note misread it as II.
    assert tasks.loc["II.4", "deadline_text"] == "Quý I/2026"
    assert str(tasks.loc["II.4", "deadline"]) == "2026-03-31"
    assert str(tasks.loc["III.3", "deadline"]) == "2026-09-30"
    assert tasks.loc["I.1", "deadline_text"] == "Thường xuyên"
    assert tasks.loc["I.1", "deadline"] is None


def test_2030_targets_continue_their_2026_targets(store: Store):
    digital_economy = catalogue.targets_2030(store, continuing="1.5.23").set_index("code")
    assert digital_economy.loc["433-2030-03", "threshold_low"] == 35
    assert digital_economy.loc["433-2030-03", "threshold_high"] == 37
    assert digital_economy.loc["433-2045-01", "threshold_low"] == 50
    online_services = catalogue.targets_2030(store, continuing="1.5.6")
    assert online_services["threshold_low"].tolist() == [90]


def test_unknown_codes_are_refused_with_the_list_of_known_ones(store: Store):
    with pytest.raises(catalogue.UnknownCode, match="SKHCN"):
        catalogue.resolve_unit(store, "NOPE")
    with pytest.raises(catalogue.UnknownCode, match="2026-Q1, 2026-Q2"):
        catalogue.resolve_period(store, "2027-Q1")
    assert catalogue.resolve_unit(store, "skhcn") == "SKHCN"
    assert catalogue.resolve_period(store, "Quý II/2026").code == "2026-Q2"


def test_an_inconsistent_catalogue_is_refused(store: Store, monkeypatch, tmp_path):
    broken = tmp_path / "data"
    broken.mkdir()
    for name, _ in catalogue.FILES:
        text = (catalogue.DATA_DIR / name).read_text(encoding="utf-8")
        if name == "targets_2026.csv":
            text = text.replace(",SKHCN,", ",NO_SUCH_UNIT,", 1)
        (broken / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(catalogue, "DATA_DIR", broken)
    with (pytest.raises(catalogue.CatalogueError, match="unknown unit NO_SUCH_UNIT"),
          store.transaction() as con):
        catalogue.load(store, con)
    # The refused reload left the catalogue as it was.
    assert len(catalogue.targets(store)) == 54
