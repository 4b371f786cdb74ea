"""Fixtures: real DuckDB files in temporary directories, never the developer's own
database or clock."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nq57.bootstrap import prepare
from nq57.db import Store
from tests.helpers import add_test_accounts

TODAY = "2026-11-23"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own database path, a pinned 'today' and no demo data."""
    db_path = tmp_path / "nq57.duckdb"
    monkeypatch.setenv("NQ57_DB", str(db_path))
    monkeypatch.setenv("NQ57_TODAY", TODAY)
    monkeypatch.setenv("NQ57_DEMO", "0")
    return db_path


@pytest.fixture(scope="session")
def _prepared_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("templates")
    # apart: each database keeps its evidence files in the folder beside it
    (base / "empty").mkdir()
    (base / "demo").mkdir()
    empty, demo = base / "empty" / "nq57.duckdb", base / "demo" / "nq57.duckdb"
    prepare(Store(empty))
    prepare(Store(demo), demo_on_create=True)
    for made in (empty, demo):
        add_test_accounts(Store(made))
    return {"empty": empty, "demo": demo}


def _copy(source: Path, target: Path) -> Store:
    shutil.copy(source, target)
    evidence = source.parent / "evidence"  # the evidence files beside it (nq57.evidence.vault)
    if evidence.is_dir():
        shutil.copytree(evidence, target.parent / "evidence", dirs_exist_ok=True)
    return Store(target)


@pytest.fixture
def store(isolated_env: Path, _prepared_files: dict[str, Path]) -> Store:
    """A database with the catalogue, the test accounts and no actuals, at NQ57_DB."""
    return _copy(_prepared_files["empty"], isolated_env)


@pytest.fixture
def demo_store(isolated_env: Path, _prepared_files: dict[str, Path]) -> Store:
    """A database with the catalogue, the demo actuals and accounts, and the test
    accounts, at NQ57_DB."""
    return _copy(_prepared_files["demo"], isolated_env)
