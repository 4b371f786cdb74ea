"""The plan's adjustable numbers (the red-warning factor, the reporting deadline day,
the secretariat unit): stored in the database, checked before they change."""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from nq57 import audit, catalogue, labels, policy
from nq57.db import Store, get_setting
from nq57.policy import Actor
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


def _whole(low: int, high: int) -> Callable[[str], str]:
    def check(text: str) -> str:
        if not _WHOLE.fullmatch(text) or not low <= int(text) <= high:
            raise ValueError(text)
        return str(int(text))
    return check


def _auto_on_off(text: str) -> str:
    value = text.strip().lower()
    if value not in ANONYMOUS_READ_VALUES:
        raise ValueError
    return value


ANONYMOUS_READ_VALUES = ("auto", "on", "off")

RULES: dict[str, tuple[Callable[[str], str], str]] = {
    "red_factor": (_fraction, "một số từ 0,1 đến 0,9, ví dụ 0,5"),
    "report_deadline_day": (_day, "một ngày từ 1 đến 28"),
    "session_idle_minutes": (_whole(5, 480), "số phút từ 5 đến 480"),
    "session_max_hours": (_whole(1, 72), "số giờ từ 1 đến 72"),
    "sign_in_max_failures": (_whole(3, 20), "một số từ 3 đến 20"),
    "sign_in_client_max_failures": (_whole(5, 500), "một số từ 5 đến 500"),
    "sign_in_lock_minutes": (_whole(1, 1440), "số phút từ 1 đến 1440"),
    "allow_anonymous_read": (_auto_on_off, "auto, on hoặc off"),
}


def all_settings(store: Store) -> pd.DataFrame:
    return store.frame("settings/all")


def update(store: Store, actor: Actor, key: str, value: str) -> str:
    """Change one setting (administrators only); returns the value as stored."""
    policy.require(actor, policy.CHANGE_SETTINGS)
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
        before = get_setting(con, key)
        store.execute("settings/set", con, key=key, value=stored)
        if before != stored:
            audit.record(store, con, actor, "change_settings", object_type="setting",
                         object_id=key, before={"value": before}, after={"value": stored})
    return stored


def anonymous_read(store: Store) -> bool:
    """May the dashboard be read without signing in? 'auto': while demo data are there."""
    from nq57 import demo

    with store.connect() as con:
        value = get_setting(con, "allow_anonymous_read") or "auto"
        if value == "auto":
            return demo.present(store, con)
    return value == "on"
