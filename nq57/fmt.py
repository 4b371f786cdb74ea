"""Numbers the Vietnamese way: 1.250 people, 85,5%."""

from __future__ import annotations

import math
from datetime import date, datetime


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value: float | None, decimals: int = 1) -> str:
    """1250 -> '1.250'; 85.5 -> '85,5'; trailing zero decimals are dropped."""
    if _missing(value):
        return "–"
    text = f"{float(value):,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def share(value: float | None, decimals: int = 1) -> str:
    """A share of one as a percentage: 0.855 -> '85,5%'."""
    return "–" if _missing(value) else number(float(value) * 100, decimals) + "%"


def measure(value: float | None, unit_of_measure: str, decimals: int = 2) -> str:
    """A value in its target's unit: 85.5 '%' -> '85,5%'; 1250 'người' -> '1.250 người'."""
    if _missing(value):
        return "–"
    if unit_of_measure.startswith("%"):
        return number(value, decimals) + "%"
    return f"{number(value, decimals)} {unit_of_measure}"


def day(value: date | datetime | None) -> str:
    """'20/10/2026'."""
    if value is None:
        return "–"
    return value.strftime("%d/%m/%Y")
