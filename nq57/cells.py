"""Cells and rows of the data frames the named queries return, as the types the code
works with.

pandas types a cell as any scalar at all and a row's keys as any hashable; each column
of a query has one SQL type, and these functions say which Python type that is. A
cell of another type is a programming error and raises TypeError, as float() would.
"""

from __future__ import annotations

from datetime import date
from typing import Any, SupportsFloat, SupportsInt

import numpy as np
import pandas as pd


def missing(value: object) -> bool:
    """None, NaN, pandas' NA and NaT (a missing date) all mean 'no value'; text never
    does."""
    if value is None:
        return True
    if isinstance(value, (str, bytes)):
        return False
    # pd.isna takes any object; the stubs list only pandas' own scalar types.
    return bool(pd.isna(value))  # type: ignore[call-overload]


def real(value: object) -> float:
    """A cell of a numeric column (NaN stays NaN)."""
    # float and int first: the usual cells, and quicker to check than the protocol.
    if isinstance(value, (float, int, str, SupportsFloat)):
        return float(value)
    raise TypeError(f"expected a number, got {value!r}")


def whole(value: object) -> int:
    """A cell of an integer column."""
    if isinstance(value, (int, str, SupportsInt)):
        return int(value)
    raise TypeError(f"expected a whole number, got {value!r}")


def text(value: object) -> str:
    """A cell of a text column that is never NULL."""
    if isinstance(value, str):
        return value
    raise TypeError(f"expected text, got {value!r}")


def moment(value: object) -> pd.Timestamp:
    """A cell of a DATE or TIMESTAMP column (a date, a datetime or a Timestamp)."""
    if isinstance(value, (date, str, np.datetime64)):
        return pd.Timestamp(value)
    raise TypeError(f"expected a date, got {value!r}")


def record(row: pd.Series) -> dict[str, Any]:
    """One row as a dict keyed by column name, with Python scalars (as Series.to_dict)."""
    return {str(key): value for key, value in row.to_dict().items()}


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Every row as a dict keyed by column name, with Python scalars (as
    DataFrame.to_dict)."""
    return [{str(key): value for key, value in row.items()}
            for row in frame.to_dict(orient="records")]
