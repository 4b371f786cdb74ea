"""What a cell means as a number: the rules for values the way people type them.

Every ambiguous form has one rule, stated in the instructions sheet
(labels.EXCEL_INSTRUCTIONS) and in the README, and tested case by case:

- blank (or only spaces) is "not reported";
- a comma is a decimal separator ("85,5" = 85.5); a lone dot is too ("85.5");
- for counts (people, enterprises…) dots, commas or spaces that separate groups of
  exactly three digits are thousands separators ("1.250" = "1,250" = "1 250" = 1250),
  and a count must be whole;
- for percentages, scores and rates a single dot or comma is always decimal
  ("12.500" = 12.5); with both, the later one is decimal ("1.250,5", "1,250.5");
- a trailing "%" ("85,5%", "85.5 %") gives the percentage as written; a cell with a
  percent number format gives the percentage it displays (0.855 shown as 85,5% is
  85.5); a plain number is taken as written (0.855 is 0.855%, with a warning);
- the item's own unit of measure may follow the number ("1.250 người");
- dates, booleans, Excel error values and any other text are not numbers;
- digits are ASCII digits 0–9 only: full-width, superscript or other-script digits
  and invisible characters are refused, each named in the message;
- every value is finite and at most its unit of measure's ceiling (data/measures.csv:
  100 for %, 1 for the DTI score, the province's population for people…).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from nq57 import fmt
from nq57.text import fold
from nq57.untrusted import odd_characters, visible

PERCENT, COUNT, DECIMAL, COMPLETION = "percent", "count", "decimal", "completion"
# Units of measure that are measured, not counted (besides rates "x/y" and "%").
DECIMAL_UNITS = frozenset({"diem", "lan", "ty dong", "trieu dong", "gio", "ngay"})
EXCEL_ERRORS = frozenset({
    "#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!",
    "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
})
_TOLERANCE = 1e-9
_SIGNS = {"+": 1, "-": -1, "−": -1, "–": -1}
# No reported value comes near this; anything larger is a typing slip or an attack
# (a 309-digit number is infinity to a float).
ABSOLUTE_MAX = 1e15


def measure_class(unit_of_measure: str, comparator: str, item_type: str,
                  kind: str = "level") -> str:
    """How an item's values are read and bounded: percent, count, decimal or completion.

    Qualitative targets and tasks whose KPI is a completion statement are reported as
    % complete; a task with a numeric KPI ("80% cán bộ…", "84 nền tảng") is read like a
    target in that unit. Year-to-date counts are whole even when their unit names two
    things ("sáng chế/giải pháp"); other units with a slash are rates ("người/vạn dân").
    """
    if comparator == "qualitative":
        return COMPLETION
    unit = fold(unit_of_measure or "")
    if unit.startswith("%"):
        return PERCENT
    if kind == "cumulative":
        return COUNT
    if "/" in unit or unit in DECIMAL_UNITS:
        return DECIMAL
    return COUNT


@dataclass(frozen=True)
class Reading:
    """A cell read as a number: a value (None = not reported), or an error code;
    possibly a warning. `fields` fill in the message of the code."""

    value: float | None = None
    error: str | None = None
    warning: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)


BLANK = Reading()


def is_percent_format(number_format: str | None) -> bool:
    """Does the number format multiply by 100 and show '%'? ('0.0%' yes; '0.0"%"' and
    LibreOffice's '0.0\\%', which only print a percent sign, no.)"""
    if not number_format or "%" not in number_format:
        return False
    code = re.sub(r'"[^"]*"', "", number_format)
    code = re.sub(r"\\.", "", code)
    code = re.sub(r"\[[^\]]*\]", "", code)
    return "%" in code


def shown(value: float) -> str:
    """A number as messages show it: 85,5 · 1.250 · 0,855."""
    return fmt.number(value, 6)


def read_value(raw: object, number_format: str | None, measure: str,
               unit_of_measure: str = "", ceiling: float | None = None,
               basis: str = "") -> Reading:
    """Interpret one cell of the value column under the rules above."""
    if raw is None:
        return BLANK
    if isinstance(raw, bool):
        return Reading(error="not_a_number", fields={"text": "TRUE" if raw else "FALSE"})
    if isinstance(raw, (datetime, date, time, timedelta)):
        return Reading(error="date_value", fields={"text": _date_text(raw)})
    if isinstance(raw, (int, float)):
        try:
            number = float(raw)  # an int of 400 digits overflows here
        except OverflowError:
            return Reading(error="too_large", fields={"text": _digits(raw)})
        if math.isnan(number):
            return Reading(error="not_a_number", fields={"text": "NaN"})
        if not math.isfinite(number):
            return Reading(error="too_large", fields={"text": _digits(raw)})
        percent = is_percent_format(number_format)
        if percent:
            number = round(number * 100, 10)
        return _bounded(number, percent, measure, unit_of_measure, shown(number), ceiling,
                        basis)
    return read_text(str(raw), measure, unit_of_measure, ceiling, basis)


def _digits(raw: object) -> str:
    """A huge number as a message quotes it: its first digits and how many there are."""
    text = str(raw)
    return text if len(text) <= 24 else f"{text[:12]}… ({len(text)} chữ số)"


def _spaces(text: str) -> str:
    """Every kind of space (no-break, thin, ideographic) as a plain space."""
    return "".join(" " if unicodedata.category(ch) == "Zs" else ch for ch in text)


def read_text(text: str, measure: str, unit_of_measure: str = "",
              ceiling: float | None = None, basis: str = "") -> Reading:
    """Interpret typed text: '85,5%', '1.250 người', '  ' (blank) …"""
    original = unicodedata.normalize("NFC", _spaces(text)).strip()
    if not original:
        return BLANK
    shown_text = visible(original)
    odd = odd_characters(original)
    if odd:
        return Reading(error="odd_characters", fields={"text": shown_text,
                                                       "chars": "; ".join(odd)})
    if original.upper() in EXCEL_ERRORS:
        return Reading(error="formula_error", fields={"text": original.upper()})
    body = fold(original)
    unit = fold(unit_of_measure or "")
    if unit and not unit.startswith("%") and body.endswith(unit):
        body = body[: -len(unit)].strip()
    percent = body.endswith("%")
    if percent:
        body = body[:-1].strip()
    sign = 1
    if body[:1] in _SIGNS:
        sign = _SIGNS[body[0]]
        body = body[1:].strip()
    number = _number(body, measure)
    if number is None:
        return Reading(error="not_a_number", fields={"text": shown_text})
    if not math.isfinite(number):
        return Reading(error="too_large", fields={"text": _digits(original)})
    return _bounded(sign * number, percent, measure, unit_of_measure, shown_text, ceiling,
                    basis)


_SPACED_THOUSANDS = re.compile(r"^\d{1,3}( \d{3})+([.,]\d+)?$")
_DIGITS_AND_SEPARATORS = re.compile(r"^[0-9.,]*[0-9][0-9.,]*$")


def _grouped(integer: str, separator: str) -> bool:
    """'1.250.000' with separator '.': groups of three after a first group of 1–3."""
    pattern = r"[1-9]\d{0,2}(" + re.escape(separator) + r"\d{3})+"
    return re.fullmatch(pattern, integer) is not None


def _number(body: str, measure: str) -> float | None:
    if _SPACED_THOUSANDS.match(body):
        body = body.replace(" ", "")
    if not _DIGITS_AND_SEPARATORS.match(body):
        return None
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal_sep = "." if body.rfind(".") > body.rfind(",") else ","
        thousands_sep = "," if decimal_sep == "." else "."
        integer, _, fraction = body.rpartition(decimal_sep)
        if decimal_sep in integer or not _grouped(integer, thousands_sep):
            return None
        return float(integer.replace(thousands_sep, "") + "." + (fraction or "0"))
    separator = "." if dots else "," if commas else None
    if separator is None:
        return float(body)
    if body.count(separator) > 1:
        return float(body.replace(separator, "")) if _grouped(body, separator) else None
    integer, _, fraction = body.partition(separator)
    if measure == COUNT and _grouped(body, separator):
        return float(integer + fraction)
    return float((integer or "0") + "." + (fraction or "0"))


def _bounded(value: float, percent: bool, measure: str, unit_of_measure: str,
             text: str, ceiling: float | None = None, basis: str = "") -> Reading:
    """The range rules of the item's measure, applied to a number that was read."""
    if not math.isfinite(value) or abs(value) > ABSOLUTE_MAX:
        return Reading(error="too_large", fields={"text": _digits(text)})
    fields: dict[str, Any] = {"text": text, "value": shown(value), "uom": unit_of_measure}
    if percent and measure in (COUNT, DECIMAL):
        return Reading(error="percent_not_allowed", fields=fields)
    if measure == COMPLETION and not -_TOLERANCE <= value <= 100 + _TOLERANCE:
        return Reading(error="completion_out_of_range", fields=fields)
    if value < 0:
        return Reading(error="negative", fields=fields)
    if measure == PERCENT and value > 100 + _TOLERANCE:
        return Reading(error="percent_over_100", fields=fields)
    if measure == COUNT and abs(value - round(value)) > _TOLERANCE:
        return Reading(error="not_whole", fields=fields)
    if ceiling is not None and measure in (COUNT, DECIMAL) and value > ceiling + _TOLERANCE:
        return Reading(error="over_ceiling", fields={**fields, "ceiling": shown(ceiling),
                                                     "basis": basis})
    if measure == COUNT:
        value = float(round(value))
    elif measure in (PERCENT, COMPLETION):
        value = min(value, 100.0)
    value = 0.0 if value == 0 else value  # no "-0"
    if measure in (PERCENT, COMPLETION) and not percent and 0 < value < 1:
        return Reading(value=value, warning="small_percent",
                       fields={**fields, "hundred": shown(value * 100)})
    return Reading(value=value, fields=fields)


def _date_text(raw: object) -> str:
    if isinstance(raw, datetime):
        return raw.strftime("%d/%m/%Y %H:%M") if raw.time() != time() else raw.strftime(
            "%d/%m/%Y")
    if isinstance(raw, date):
        return raw.strftime("%d/%m/%Y")
    return str(raw)
