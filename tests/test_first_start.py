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


def test_nq57_demo_0_starts_empty_without_banner(isolated_env: Path):
    app = run_app()
    assert isolated_env.exists()
    assert labels.MESSAGES["demo_banner"] not in [w.value for w in app.warning]
    cards = {m.label: m.value for m in app.metric}
    # The latest ended quarter (III/2026) has passed its reporting deadline empty.
    assert app.title[0].value.endswith("Quý III/2026")
    assert cards[labels.status_label("overdue_report")] == "54"
    assert any("Chưa có số liệu kỳ này" in i.value for i in app.info)
