"""What a person types as a unit or a period, read one way wherever it is typed: the
CLI's --unit/--period, the import's chosen scope, the template's metadata and the
«Đơn vị báo cáo»/«Kỳ báo cáo» columns of a file, and the dashboard's URL.

A unit may be written as its code in any case or its full or short name however
accented or spaced ("skhcn", "Sở Khoa học và Công nghệ", "so khoa hoc va cong nghe");
a period as "2026-Q2", "Q2/2026", "Quý II/2026", "2026-05", "Tháng 5/2026"
(nq57.periods reads the forms). Only units and periods that exist are accepted; the
message for one that does not lists those that do. Invisible or look-alike characters
(a zero-width space, full-width letters or digits) are refused, each named
(nq57.untrusted), never folded away.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from nq57.labels import MESSAGES, ODD_CHARACTERS
from nq57.periods import Period, PeriodError, parse_period
from nq57.text import compact
from nq57.untrusted import OddCharacters, odd_characters


class UnknownCode(LookupError):
    """A unit, period or group code that the catalogue does not have; the message
    lists the codes that exist."""


def spellings(units: pd.DataFrame) -> dict[str, str]:
    """Every way a unit may be written (its code in any case, its full or short name,
    folded) -> its code. Codes win over names."""
    names: dict[str, str] = {}
    for column in ("short_name", "name", "code"):
        if column in units:
            names |= {compact(text): code for text, code in
                      zip(units[column], units["code"], strict=True) if compact(text)}
    return names


def listed_periods(codes: Iterable[str]) -> str:
    """Period codes for a message: quarters one by one, months as a span
    ('2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4; tháng 2026-01 … 2026-12')."""
    codes = list(codes)
    quarters = [c for c in codes if "Q" in c]
    months = [c for c in codes if "Q" not in c]
    text = ", ".join(quarters)
    if months:
        span = ", ".join(months) if len(months) <= 3 else f"{months[0]} … {months[-1]}"
        text = f"{text}; {MESSAGES['months']} {span}" if text else span
    return text


@dataclass(frozen=True)
class Resolver:
    """The units and periods that may be chosen, and how each may be written."""

    units: Mapping[str, str]                   # folded spelling -> unit code
    unit_codes: tuple[str, ...]                # in catalogue order, for messages
    periods: tuple[str, ...]                   # period codes that may be chosen

    @classmethod
    def of(cls, units: pd.DataFrame | Sequence[str], periods: Sequence[str]) -> Resolver:
        """From the units table (or bare codes) and the period codes on offer."""
        frame = (units if isinstance(units, pd.DataFrame)
                 else pd.DataFrame({"code": list(units)}))
        return cls(spellings(frame), tuple(frame["code"]), tuple(periods))

    # --- units ------------------------------------------------------------------------

    def find_unit(self, text: object) -> str | None:
        """The unit's code, or None if no unit is written that way (or the text holds
        invisible or look-alike characters)."""
        written = str(text or "")
        if odd_characters(written):
            return None
        return self.units.get(compact(written)) or None

    def unit(self, text: object) -> str:
        """The unit's code; OddCharacters (naming them) for invisible or look-alike
        characters, UnknownCode (listing the codes) if there is no such unit."""
        odd = odd_characters(str(text or ""))
        if odd:
            raise OddCharacters(str(text), odd, ODD_CHARACTERS["what_unit"])
        found = self.find_unit(text)
        if found is None:
            raise UnknownCode(MESSAGES["unknown_unit"].format(
                code=str(text or "").strip(), known=", ".join(self.unit_codes)))
        return found

    # --- periods ------------------------------------------------------------------------

    def period(self, text: object) -> Period:
        """The period; PeriodError if it cannot be read, UnknownCode (listing the
        periods on offer) if it is not one of them."""
        period = parse_period(text)
        if period.code not in self.periods:
            raise UnknownCode(MESSAGES["unknown_period"].format(
                code=str(text or "").strip(), known=listed_periods(self.periods)))
        return period

    def find_period(self, text: object) -> str | None:
        """The period's code, or None if it cannot be read or is not on offer."""
        try:
            return self.period(text).code
        except (PeriodError, UnknownCode):
            return None

    @staticmethod
    def read_period(text: object) -> str | None:
        """The code of a period however written, whether on offer or not (None if it
        cannot be read): for checking a file's period against the chosen one."""
        try:
            return parse_period(text).code
        except PeriodError:
            return None
