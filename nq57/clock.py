"""The date status is judged at. Status depends on "today", so every entry point
accepts an explicit as-of date and NQ57_TODAY pins it for reproducible runs."""

from __future__ import annotations

import os
from datetime import date

from nq57.labels import MESSAGES


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError as exc:
        raise ValueError(MESSAGES["bad_date"].format(text=text)) from exc


def today(as_of: date | str | None = None) -> date:
    """as_of if given, else NQ57_TODAY if set, else the system date."""
    if isinstance(as_of, date):
        return as_of
    if as_of:
        return parse_date(as_of)
    pinned = os.environ.get("NQ57_TODAY")
    return parse_date(pinned) if pinned else date.today()
