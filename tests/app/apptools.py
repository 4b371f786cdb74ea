"""Helpers for page tests: the pages, and ways to read what a page shows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "app.py"

PAGES = {
    "overview": "views/overview.py",
    "by_group": "views/by_group.py",
    "by_unit": "views/by_unit.py",
    "target_detail": "views/target_detail.py",
    "tasks": "views/tasks.py",
    "review": "views/review.py",
}

Opener = Callable[..., AppTest]


def tables_with(at: AppTest, column: str) -> list[pd.DataFrame]:
    """The data frames a page shows that have `column` (tables are told apart by the
    columns nq57.tables gives them: 'reason' for gaps, 'rank' for units, ...)."""
    return [d.value for d in at.dataframe if column in d.value.columns]


def texts(at: AppTest) -> str:
    """Everything written on the page, to search for words a reader would see."""
    parts = [e.value for kind in ("title", "subheader", "markdown", "caption", "info",
                                  "warning", "error", "success")
             for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)
