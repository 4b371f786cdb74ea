"""Helpers for page tests: the pages, and ways to read what a page shows."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from nq57 import signin
from nq57.db import Store, env_path
from tests.helpers import PASSWORD
from ui import auth

APP = Path(__file__).resolve().parents[2] / "app.py"

PAGES = {
    "overview": "views/overview.py",
    "by_group": "views/by_group.py",
    "by_unit": "views/by_unit.py",
    "target_detail": "views/target_detail.py",
    "tasks": "views/tasks.py",
}

# Pages of accounts: reporting, history, the audit log, administration, signing in.
ACCOUNT_PAGES = {
    "reporting": "views/reporting.py",
    "review": "views/review.py",
    "upload_history": "views/upload_history.py",
    "audit_log": "views/audit_log.py",
    "admin_accounts": "views/admin_accounts.py",
    "admin_catalogue": "views/admin_catalogue.py",
    "admin_units": "views/admin_units.py",
    "sign_in": "views/sign_in.py",
}

# The test accounts (tests/helpers.py) by role, as pages are opened for them.
USERS = {"viewer": "lanhdao.thu", "staff": "canbo.kh", "staff_snv": "canbo.snv",
         "reviewer": "togiupviec.thu", "admin": "quantri.thu"}


def sign_in(at: AppTest, user: str, password: str = PASSWORD) -> AppTest:
    """Open a real session for `user` (nq57.signin) and hand its token to the app's
    session, as the sign-in form does; the next run is signed in."""
    session = signin.sign_in(Store(env_path()), user, password)
    at.session_state[auth.TOKEN_KEY] = session.token
    return at

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
