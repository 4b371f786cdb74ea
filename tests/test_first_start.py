"""The run experience: the first start creates the database, with demo data unless
NQ57_DEMO=0, and says plainly when the figures are illustrative."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from nq57 import labels

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def run_app() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_first_start_creates_the_database_with_demo_data_and_a_banner(
        isolated_env: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NQ57_DEMO", "1")
    assert not isolated_env.exists()
    app = run_app()
    assert isolated_env.exists()
    assert labels.MESSAGES["demo_banner"] in [w.value for w in app.warning]
    cards = {m.label: m.value for m in app.metric}
    assert int(cards[labels.status_label("red")]) > 0


def test_nq57_demo_0_starts_empty_and_asks_for_the_first_administrator(isolated_env: Path):
    app = run_app()
    assert isolated_env.exists()
    assert labels.MESSAGES["demo_banner"] not in [w.value for w in app.warning]
    # Without demo data nobody reads anonymously: the sign-in page, which says how the
    # first administrator is created.
    assert app.title[0].value == labels.AUTH_PAGE["title"]
    assert labels.AUTH_PAGE["first_admin"] in [i.value for i in app.info]
    assert "user add quantri.tinh --role admin" in app.code[0].value
    assert not app.metric


def test_once_signed_in_an_empty_database_shows_every_report_overdue(isolated_env: Path):
    from nq57 import accounts
    from nq57.db import Store
    from tests.app.apptools import sign_in

    app = run_app()
    accounts.create(Store(isolated_env), None, "quantri.tinh", "admin",
                    password="mot mat khau dai")
    sign_in(app, "quantri.tinh", "mot mat khau dai")
    app.run()
    cards = {m.label: m.value for m in app.metric}
    # The latest ended quarter (III/2026) has passed its reporting deadline empty.
    assert app.title[0].value.endswith("Quý III/2026")
    assert cards[labels.status_label("overdue_report")] == "54"
    assert any("Chưa có số liệu kỳ này" in i.value for i in app.info)
