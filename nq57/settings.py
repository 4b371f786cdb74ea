"""The plan's adjustable numbers (the red-warning factor, the reporting deadline day,
the secretariat unit): stored in the database, checked before they change."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from nq57 import catalogue
from nq57.db import Store


class SettingError(ValueError):
    """A setting that does not exist or a value it cannot take."""


def _fraction(text: str) -> str:
    value = float(text.replace(",", "."))
    if not 0 < value <= 1:
        raise ValueError
    return repr(value)


def _day(text: str) -> str:
    value = int(text)
    if not 1 <= value <= 28:
        raise ValueError
    return str(value)


RULES: dict[str, tuple[Callable[[str], str], str]] = {
    "red_factor": (_fraction, "một số lớn hơn 0 và không quá 1, ví dụ 0,5"),
    "report_deadline_day": (_day, "một ngày từ 1 đến 28"),
}


def all_settings(store: Store) -> pd.DataFrame:
    return store.frame("settings/all")


def update(store: Store, key: str, value: str) -> str:
    """Change one setting; returns the value as stored."""
    with store.transaction() as con:
        if key == "secretariat_unit":
            stored = catalogue.resolve_unit(store, value, con)
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
