"""The plan's adjustable numbers (the red-warning factor, the reporting deadline day,
the secretariat unit): stored in the database, checked before they change."""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from nq57 import catalogue, labels
from nq57.db import Store
from nq57.untrusted import OddCharacters, odd_characters


class SettingError(ValueError):
    """A setting that does not exist or a value it cannot take."""


RED_FACTOR_RANGE = (0.1, 0.9)
_DECIMAL = re.compile(r"[0-9]{1,3}([.,][0-9]{1,6})?")
_WHOLE = re.compile(r"[0-9]{1,2}")


def _fraction(text: str) -> str:
    """0,5 or 0.5, within RED_FACTOR_RANGE: below it red never fires, above it every
    slight delay is red."""
    if not _DECIMAL.fullmatch(text):
        raise ValueError(text)
    value = float(text.replace(",", "."))
    low, high = RED_FACTOR_RANGE
    if not low - 1e-12 <= value <= high + 1e-12:
        raise ValueError(text)
    return repr(value)


def _day(text: str) -> str:
    if not _WHOLE.fullmatch(text) or not 1 <= int(text) <= 28:
        raise ValueError(text)
    return str(int(text))


RULES: dict[str, tuple[Callable[[str], str], str]] = {
    "red_factor": (_fraction, "một số từ 0,1 đến 0,9, ví dụ 0,5"),
    "report_deadline_day": (_day, "một ngày từ 1 đến 28"),
}


def all_settings(store: Store) -> pd.DataFrame:
    return store.frame("settings/all")


def update(store: Store, key: str, value: str) -> str:
    """Change one setting; returns the value as stored."""
    value = value.strip()
    found = odd_characters(value)
    if found:
        raise SettingError(str(OddCharacters(value, found, labels.ODD_CHARACTERS[
            "what_setting"])))
    with store.transaction() as con:
        if key == "secretariat_unit":
            stored = catalogue.resolve_unit(store, value, con)
            units = catalogue.units(store, con).set_index("code")
            if units.at[stored, "kind"] == "collective":
                raise SettingError(labels.SETTING_TEXTS["secretariat_collective"].format(
                    unit=units.at[stored, "name"]))
        elif key in RULES:
            check, expected = RULES[key]
            try:
                stored = check(value.strip())
            except ValueError as exc:
                raise SettingError(
                    f"Giá trị «{value}» không hợp lệ cho {key}: cần {expected}.") from exc
        else:
            known = ", ".join([*RULES, "secretariat_unit"])
            raise SettingError(f"Không có thiết lập «{key}». Các thiết lập: {known}.")
        store.execute("settings/set", con, key=key, value=stored)
    return stored
