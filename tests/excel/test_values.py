"""The rules for values as people type them, one case each (the same rules the
instructions sheet and the README state)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from nq57.excel.values import (
    COMPLETION,
    COUNT,
    DECIMAL,
    PERCENT,
    is_percent_format,
    measure_class,
    read_text,
    read_value,
)

# (typed text, measure, unit of measure, value or error code)
TEXT_RULES = [
    # blank is "not reported"
    ("", PERCENT, "%", None),
    ("   ", COUNT, "người", None),
    # comma is decimal; a lone dot is decimal
    ("85,5", PERCENT, "%", 85.5),
    ("85.5", PERCENT, "%", 85.5),
    ("0,8", DECIMAL, "điểm", 0.8),
    # trailing percent sign, with or without a space, either separator
    ("85,5%", PERCENT, "%", 85.5),
    ("85.5 %", PERCENT, "%", 85.5),
    ("100%", PERCENT, "%", 100.0),
    ("75%", COMPLETION, "% hoàn thành", 75.0),
    # counts: groups of three digits are thousands, whatever the separator
    ("1.250", COUNT, "người", 1250.0),
    ("1,250", COUNT, "người", 1250.0),
    ("1 250", COUNT, "người", 1250.0),
    ("1\u00a0250", COUNT, "người", 1250.0),
    ("1.250.000", COUNT, "người", 1250000.0),
    ("1.250 người", COUNT, "người", 1250.0),
    ("12 doanh nghiệp", COUNT, "doanh nghiệp", 12.0),
    # for percentages, scores and rates one separator is always decimal
    ("12.500", PERCENT, "%", 12.5),
    ("12,500", PERCENT, "%", 12.5),
    ("1.250", DECIMAL, "người/vạn dân", 1.25),
    # both separators: the later one is decimal
    ("1.250,5", DECIMAL, "điểm", 1250.5),
    ("1,250.5", DECIMAL, "điểm", 1250.5),
    ("1.2,5", DECIMAL, "điểm", "not_a_number"),
    # a count must be whole; a leading zero group is not a thousands group
    ("2,5", COUNT, "người", "not_whole"),
    ("0.250", COUNT, "người", "not_whole"),
    # a plus sign is fine, a minus sign is a negative value
    ("+12", COUNT, "người", 12.0),
    ("-5", COUNT, "người", "negative"),
    ("−5", PERCENT, "%", "negative"),
    # bounds of percentages and completion
    ("100,5", PERCENT, "%", "percent_over_100"),
    ("120%", PERCENT, "%", "percent_over_100"),
    ("101", COMPLETION, "% hoàn thành", "completion_out_of_range"),
    ("-1", COMPLETION, "% hoàn thành", "completion_out_of_range"),
    # a percent sign on something that is not a percentage
    ("50%", COUNT, "doanh nghiệp", "percent_not_allowed"),
    ("0,8%", DECIMAL, "điểm", "percent_not_allowed"),
    # words, ranges, scientific notation and Excel's error values are not numbers
    ("khoảng 50", PERCENT, "%", "not_a_number"),
    ("trên 80%", PERCENT, "%", "not_a_number"),
    ("15-17", PERCENT, "%", "not_a_number"),
    ("1e3", COUNT, "người", "not_a_number"),
    ("1..5", DECIMAL, "điểm", "not_a_number"),
    ("#DIV/0!", PERCENT, "%", "formula_error"),
    ("#N/A", COUNT, "người", "formula_error"),
    # Only ASCII digits are digits (one rule with codes, periods and settings): digits
    # typed with an Asian input method, superscripts and other scripts are refused by
    # name, invisible characters too; spaces of any width still group thousands.
    ("８５", PERCENT, "%", "odd_characters"),
    ("85²", PERCENT, "%", "odd_characters"),
    ("٨٥", PERCENT, "%", "odd_characters"),
    ("85\u200b", PERCENT, "%", "odd_characters"),
    ("\u200f85", COUNT, "người", "odd_characters"),
    ("1\u00a0250", COUNT, "người", 1250.0),
    ("1\u202f250", COUNT, "người", 1250.0),
    # a number no float can hold is refused, never read as infinity
    ("9" * 400, COUNT, "người", "too_large"),
    ("9" * 400, DECIMAL, "điểm", "too_large"),
    ("9" * 400, PERCENT, "%", "too_large"),
    ("1" + "0" * 16, COUNT, "người", "too_large"),
]


@pytest.mark.parametrize(("text", "measure", "uom", "expected"), TEXT_RULES)
def test_typed_text_is_read_by_the_stated_rule(text, measure, uom, expected):
    reading = read_text(text, measure, uom)
    if expected is None:
        assert (reading.value, reading.error) == (None, None)
    elif isinstance(expected, str):
        assert reading.error == expected and reading.value is None
    else:
        assert reading.error is None
        assert reading.value == pytest.approx(expected)


def test_an_odd_character_is_named_in_the_message_not_printed_invisibly():
    reading = read_text("85\u200b", PERCENT, "%")
    assert "ký tự vô hình U+200B" in reading.fields["chars"]
    assert reading.fields["text"] == "85⟨U+200B⟩"
    assert "«８» chữ số toàn chiều rộng, U+FF18" in read_text("８", COUNT, "người").fields[
        "chars"]


@pytest.mark.parametrize("raw", [10**400, 10**20, float("inf"), -float("inf"), 1e300])
def test_a_huge_number_in_a_cell_is_refused_not_overflowed(raw):
    for measure, uom in ((COUNT, "người"), (DECIMAL, "điểm"), (PERCENT, "%"),
                         (COMPLETION, "% hoàn thành")):
        reading = read_value(raw, "General", measure, uom)
        assert reading.error == "too_large" and reading.value is None, (raw, measure)


@pytest.mark.parametrize(("raw", "measure", "uom", "ceiling", "expected"), [
    (0.85, DECIMAL, "điểm", 1, 0.85),
    (1, DECIMAL, "điểm", 1, 1.0),
    (85, DECIMAL, "điểm", 1, "over_ceiling"),        # DTI typed as a percentage
    (4_500_000, COUNT, "người", 10_000_000, 4_500_000.0),
    (45_000_000, COUNT, "người", 10_000_000, "over_ceiling"),
    ("12.000", DECIMAL, "người/vạn dân", 10_000, 12.0),
    (20_000, DECIMAL, "người/vạn dân", 10_000, "over_ceiling"),
])
def test_a_value_above_its_measures_ceiling_is_refused(raw, measure, uom, ceiling, expected):
    reading = read_value(raw, "General", measure, uom, ceiling, "giới hạn thử")
    if isinstance(expected, str):
        assert reading.error == expected and reading.value is None
        assert reading.fields["basis"] == "giới hạn thử"
    else:
        assert reading.error is None and reading.value == pytest.approx(expected)


def test_a_percent_formatted_cell_means_the_percentage_it_displays():
    assert read_value(0.855, "0.0%", PERCENT, "%").value == pytest.approx(85.5)
    assert read_value(1, "0%", PERCENT, "%").value == pytest.approx(100)
    assert read_value(0.75, "0%", COMPLETION, "% hoàn thành").value == pytest.approx(75)
    assert read_value(1.2, "0%", PERCENT, "%").error == "percent_over_100"
    assert read_value(0.12, "0%", COUNT, "người").error == "percent_not_allowed"


def test_a_plain_number_is_taken_as_written_with_a_warning_when_it_looks_like_a_fraction():
    reading = read_value(0.855, "General", PERCENT, "%")
    assert reading.value == pytest.approx(0.855)
    assert reading.warning == "small_percent"
    assert reading.fields["hundred"] == "85,5"
    assert read_value(85.5, "General", PERCENT, "%").warning is None
    assert read_value(0.855, "0.0%", PERCENT, "%").warning is None  # displayed as 85,5%


def test_numbers_in_cells_and_their_bounds():
    assert read_value(1250, "#,##0", COUNT, "người").value == 1250
    assert read_value(12.0, "General", COUNT, "người").value == 12
    assert read_value(12.5, "General", COUNT, "người").error == "not_whole"
    assert read_value(-1, "General", DECIMAL, "điểm").error == "negative"
    assert read_value(0, "General", PERCENT, "%").value == 0
    assert read_value(float("nan"), "General", PERCENT, "%").error == "not_a_number"


def test_dates_and_booleans_are_not_numbers():
    assert read_value(datetime(2026, 5, 1), "d/m/yyyy", DECIMAL, "điểm").error == "date_value"
    reading = read_value(date(2026, 5, 1), "d/m/yyyy", COUNT, "người")
    assert reading.error == "date_value" and reading.fields["text"] == "01/05/2026"
    assert read_value(True, "General", COUNT, "người").error == "not_a_number"


@pytest.mark.parametrize(("number_format", "percent"), [
    ("0%", True), ("0.0%", True), ("0.0#%", True), ("[Red]0.00%", True),
    ('0.0"%"', False), ("0.0\\%", False), ("General", False), ("#,##0", False), (None, False),
])
def test_only_a_real_percent_format_multiplies_by_100(number_format, percent):
    assert is_percent_format(number_format) is percent


@pytest.mark.parametrize(("uom", "comparator", "item_type", "measure"), [
    ("%", ">=", "target", PERCENT),
    ("doanh nghiệp", ">=", "target", COUNT),
    ("người", ">=", "target", COUNT),
    ("người/vạn dân", ">", "target", DECIMAL),
    ("điểm", ">", "target", DECIMAL),
    ("% hoàn thành", "qualitative", "target", COMPLETION),
    ("% hoàn thành", "qualitative", "task", COMPLETION),
])
def test_each_unit_of_measure_has_a_measure(uom, comparator, item_type, measure):
    assert measure_class(uom, comparator, item_type) == measure
