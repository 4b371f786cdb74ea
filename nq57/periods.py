"""Reporting periods: one type, and every way people write one.

"2026-Q2", "Q2/2026", "Quý II/2026", "quy 2 2026" all mean the second quarter of
2026. Months ("2026-05", "Tháng 5/2026") have the same shape, so monthly reporting
can be added without changing the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from nq57.text import fold

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
ROMAN_OF = {v: k.upper() for k, v in ROMAN.items()}


class PeriodError(ValueError):
    """A period that cannot be read; the message says how to write one."""


@dataclass(frozen=True, order=True)
class Period:
    year: int
    granularity: str  # "quarter" or "month"
    number: int

    def __post_init__(self) -> None:
        limit = {"quarter": 4, "month": 12}.get(self.granularity)
        if limit is None or not 1 <= self.number <= limit:
            raise PeriodError(f"invalid period {self.granularity} {self.number}")

    @property
    def code(self) -> str:
        if self.granularity == "quarter":
            return f"{self.year}-Q{self.number}"
        return f"{self.year}-{self.number:02d}"

    @property
    def label(self) -> str:
        if self.granularity == "quarter":
            return f"Quý {ROMAN_OF[self.number]}/{self.year}"
        return f"Tháng {self.number}/{self.year}"

    @property
    def months(self) -> int:
        return 3 if self.granularity == "quarter" else 1

    @property
    def start(self) -> date:
        return date(self.year, (self.number - 1) * self.months + 1, 1)

    @property
    def end(self) -> date:
        last_month = self.number * self.months
        if last_month == 12:
            return date(self.year, 12, 31)
        return date(self.year, last_month + 1, 1) - timedelta(days=1)

    def previous(self) -> Period:
        if self.number > 1:
            return Period(self.year, self.granularity, self.number - 1)
        last = 4 if self.granularity == "quarter" else 12
        return Period(self.year - 1, self.granularity, last)

    def __str__(self) -> str:
        return self.code


_QUARTER_PATTERNS = [
    re.compile(r"^(?P<year>\d{4})\s*[-/ ]?\s*q\s*(?P<q>[1-4])$", re.ASCII),            # 2026-Q2
    re.compile(r"^q\s*(?P<q>[1-4])\s*[-/ ]\s*(?P<year>\d{4})$", re.ASCII),             # Q2/2026
    re.compile(r"^quy\s*(?P<q>[1-4]|iv|iii|ii|i)\s*[-/ ]?\s*(?:nam\s*)?(?P<year>\d{4})$", re.ASCII),
]
_MONTH_PATTERNS = [
    re.compile(r"^(?P<year>\d{4})-(?P<m>\d{1,2})$", re.ASCII),                        # 2026-05
    re.compile(r"^(?:thang|t)\s*(?P<m>\d{1,2})\s*[-/ ]\s*(?:nam\s*)?(?P<year>\d{4})$", re.ASCII),
]


def parse_period(text: object) -> Period:
    """Read a period the way people write it; raise PeriodError if it cannot be read.
    Digits are ASCII digits only (one rule with values, codes and settings)."""
    from nq57.labels import MESSAGES, ODD_CHARACTERS
    from nq57.untrusted import OddCharacters, odd_characters

    odd = odd_characters(str(text or ""))
    if odd:
        raise PeriodError(str(OddCharacters(str(text), odd, ODD_CHARACTERS["what_period"])))
    raw = fold(str(text or ""))
    for pattern in _QUARTER_PATTERNS:
        match = pattern.match(raw)
        if match:
            q = match.group("q")
            number = ROMAN[q] if q in ROMAN else int(q)
            return Period(int(match.group("year")), "quarter", number)
    for pattern in _MONTH_PATTERNS:
        match = pattern.match(raw)
        if match and 1 <= int(match.group("m")) <= 12:
            return Period(int(match.group("year")), "month", int(match.group("m")))
    raise PeriodError(MESSAGES["malformed_period"].format(text=str(text or "").strip()))


def quarters(year: int) -> list[Period]:
    return [Period(year, "quarter", n) for n in range(1, 5)]
