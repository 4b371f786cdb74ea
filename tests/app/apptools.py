"""Helpers for page tests: the pages, and ways to read what a page shows."""

from __future__ import annotations

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


def texts(at: AppTest) -> str:
    """Everything written on the page, to search for words a reader would see."""
    parts = [e.value for kind in ("title", "subheader", "markdown", "caption", "info",
                                  "warning", "error", "success")
             for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)
