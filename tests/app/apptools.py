"""Helpers for page tests: the pages, and ways to read what a page shows."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "app.py"

PAGES = {
    "overview": "views/overview.py",
    "alerts": "views/alerts.py",
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


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def shown(markdown: object) -> str:
    """Markdown as a reader sees its words: backslash escapes (which the pages put
    before every punctuation mark of catalogue and typed text) and the invisible word
    joiners that stop autolinks removed."""
    return _ESCAPED.sub(r"\1", str(markdown)).replace("\u2060", "")


def texts(at: AppTest) -> str:
    """Everything written on the page, to search for words a reader would see."""
    parts = [e.value for kind in ("title", "subheader", "markdown", "caption", "info",
                                  "warning", "error", "success")
             for e in getattr(at, kind)]
    return "\n".join(shown(p) for p in parts)


# What GFM (Streamlit's renderer: remark-gfm) turns into a link in plain text, after
# escapes are resolved: https://…, www.…, an e-mail address.
AUTOLINKABLE = re.compile(r"https?://|www\.|[\w.+-]+@[\w-]+\.\w", re.IGNORECASE)


def live_links(html: str) -> list[str]:
    """Links and images in rendered Markdown, and text GFM would still autolink."""
    found = re.findall(r'<a href="([^"]+)"', html) + re.findall(r"<img [^>]*>", html)
    plain = re.sub(r"<[^>]+>", " ", html)
    return found + [f"autolink:{m}" for m in AUTOLINKABLE.findall(plain)]
