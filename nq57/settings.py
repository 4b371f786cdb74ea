"""The plan's adjustable numbers (the red-warning factor, the reporting deadline day,
the secretariat unit): stored in the database, checked before they change."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from nq57 import audit, catalogue, policy
from nq57.db import Store, get_setting
from nq57.policy import Actor


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


def _whole(low: int, high: int) -> Callable[[str], str]:
    def check(text: str) -> str:
        value = int(text)
        if not low <= value <= high:
            raise ValueError
        return str(value)
    return check


def _auto_on_off(text: str) -> str:
    value = text.strip().lower()
    if value not in ANONYMOUS_READ_VALUES:
        raise ValueError
    return value


ANONYMOUS_READ_VALUES = ("auto", "on", "off")

RULES: dict[str, tuple[Callable[[str], str], str]] = {
    "red_factor": (_fraction, "một số lớn hơn 0 và không quá 1, ví dụ 0,5"),
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
