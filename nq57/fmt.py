"""Numbers the Vietnamese way: 1.250 people, 85,5%."""

from __future__ import annotations

import math
from datetime import date, datetime

from nq57 import labels
from nq57.cells import missing as _missing


def number(value: float | None, decimals: int = 1) -> str:
    """1250 -> '1.250'; 85.5 -> '85,5'; trailing zero decimals are dropped."""
    if value is None or _missing(value) or not math.isfinite(float(value)):
        return "–"
    text = f"{float(value):,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def share(value: float | None, decimals: int = 1) -> str:
    """A share of one as a percentage: 0.855 -> '85,5%'."""
    return "–" if value is None or _missing(value) else number(float(value) * 100, decimals) + "%"


def measure(value: float | None, unit_of_measure: str, decimals: int = 2) -> str:
    """A value in its target's unit: 85.5 '%' -> '85,5%'; 1250 'người' -> '1.250 người'."""
    if _missing(value):
        return "–"
    if unit_of_measure.startswith("%"):
        return number(value, decimals) + "%"
    return f"{number(value, decimals)} {unit_of_measure}"


def gap(value: float | None, unit_of_measure: str) -> tuple[str, str]:
    """The gap to the threshold as a heading and a figure: a shortfall reads
    'Còn thiếu 3,2%', a target passed reads 'Vượt chỉ tiêu 1,8%' (never a negative
    shortfall)."""
    if value is not None and not _missing(value) and float(value) < 0:
        return labels.COLUMN_LABELS["exceeded"], measure(-float(value), unit_of_measure)
    return labels.COLUMN_LABELS["gap"], measure(value, unit_of_measure)


def day(value: date | datetime | None) -> str:
    """'20/10/2026'."""
    if value is None or _missing(value):
        return "–"
    return value.strftime("%d/%m/%Y")


def date_parts(value: date) -> dict[str, str]:
    """Day, month and year as an administrative document writes them (Nghị định
    30/2020/NĐ-CP): a day below 10 and the months 1 and 2 take a leading zero, so
    'ngày 05 tháng 02 năm 2026' cannot be altered by adding a digit."""
    return {"day": f"{value.day:02d}", "year": str(value.year),
            "month": f"{value.month:02d}" if value.month < 3 else str(value.month)}


def threshold(comparator: str, low: float | None, high: float | None,
              unit_of_measure: str) -> str:
    """A target as people read it: '≥ 60%', '15–17%', '> 2%', 'hoàn thành 100%'."""
    if comparator == "qualitative":
        return "hoàn thành " + measure(100.0 if _missing(low) else low, "%")
    if comparator == "between":
        return f"{number(low, 2)}–{measure(high, unit_of_measure)}"
    return f"{labels.COMPARATOR_LABELS.get(comparator, comparator)} {measure(low, unit_of_measure)}"
