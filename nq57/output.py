"""Rows for the terminal and for other programs: an aligned table, CSV or JSON.

JSON is a plain list of objects with ISO dates and null for missing numbers, so
that scripts can consume it without knowing pandas.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd

from nq57.untrusted import spreadsheet_text, visible

FORMATS = ("table", "csv", "json")
_TABLE_WIDTH = 48


def _plain(value: Any) -> Any:
    """A value JSON can hold: NaN/NA -> None, dates -> ISO text, numpy -> Python."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        return _plain(value.tolist())
    if isinstance(value, float):
        # Ten decimals hide binary noise (10.400000000000006) and keep every real digit.
        # Infinity is no number a person or a program can use: missing, like NaN.
        return round(value, 10) if math.isfinite(value) else None
    if value is pd.NaT or (not isinstance(value, (str, bytes, bool)) and pd.isna(value)):
        return None
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if hasattr(value, "item"):
        return _plain(value.item())
    return value


def records(frame: pd.DataFrame, columns: Sequence[str]) -> list[dict[str, Any]]:
    return [
        {col: _plain(row[col]) for col in columns}
        for row in frame[list(columns)].to_dict(orient="records")
    ]


def _text(value: Any) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def render(frame: pd.DataFrame, columns: Sequence[str], fmt: str) -> str:
    """The rows of `frame` (only `columns`) in the chosen format."""
    rows = records(frame, columns)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([spreadsheet_text(_text(row[c])) if isinstance(row[c], str)
                             else _text(row[c]) for c in columns])
        return buffer.getvalue().rstrip("\n")
    if fmt == "table":
        return _table(rows, columns)
    raise ValueError(f"unknown format {fmt!r}")


def _table(rows: list[dict[str, Any]], columns: Sequence[str]) -> str:
    def cell(value: Any) -> str:
        # No control character (an escape sequence in a note) reaches the terminal.
        text = visible(_text(value).replace("\n", " "), limit=10**6)
        return text if len(text) <= _TABLE_WIDTH else text[: _TABLE_WIDTH - 1] + "…"

    cells = [[cell(row[c]) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    lines.append(f"({len(rows)} dòng)")
    return "\n".join(lines)
