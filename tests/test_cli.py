"""python -m nq57 as a user runs it: a real process, a real database file."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nq57.db import Store
from tests.helpers import ADMIN, report

ROOT = Path(__file__).resolve().parent.parent


def nq57(*args: str, env: dict[str, str] | None = None,
         timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nq57", *args], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, **(env or {})}, timeout=timeout,
    )


def nq57_admin(*args: str, env: dict[str, str] | None = None,
               timeout: float = 120) -> subprocess.CompletedProcess:
    """python -m nq57 acting for the test administrator (NQ57_USER) unless told otherwise."""
    return nq57(*args, env={"NQ57_USER": ADMIN.name, **(env or {})}, timeout=timeout)


def test_targets_as_csv_lists_the_54_targets_with_their_thresholds(store: Store):
    result = nq57("targets", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 54
    assert list(rows[0]) == [
        "code", "group", "name", "unit_of_measure", "comparator", "threshold_low",
        "threshold_high", "kind", "lead_unit", "lead_unit_name", "coord_units",
        "lead_assumed", "data_unit"]
    by_code = {r["code"]: r for r in rows}
    assert by_code["1.1.1"]["threshold_low"] == "60"
    assert by_code["1.5.23"]["comparator"] == "between"
    assert (by_code["1.5.23"]["threshold_low"], by_code["1.5.23"]["threshold_high"]) == (
        "15", "17")
    assert by_code["1.5.8"]["lead_unit_name"] == "Trung tâm Phục vụ hành chính công tỉnh"


def test_tasks_lists_the_appendix_with_lead_units_and_deadlines(store: Store):
    result = nq57("tasks", "--format", "json")
    assert result.returncode == 0, result.stderr
    tasks = {t["code"]: t for t in json.loads(result.stdout)}
    assert len(tasks) == 42
    assert (tasks["IV.3"]["kpi_kind"], tasks["IV.3"]["kpi_threshold"]) == ("level", 80)
    assert tasks["V.6"]["deadline_assumed"] and not tasks["II.10"]["deadline_assumed"]
    assert tasks["II.10"]["lead_unit"] == "CAT"
    assert tasks["II.10"]["deadline_text"] == "Quý I/2026"
    assert tasks["II.10"]["deadline"] == "2026-03-31"
    assert tasks["III.3"]["coord_units"] == ["STC", "SXD"]


def test_units_table_is_readable(store: Store):
    result = nq57("units")
    assert result.returncode == 0
    assert "Sở Khoa học và Công nghệ" in result.stdout


def test_gaps_json_is_a_plain_list_with_every_field(demo_store: Store):
    result = nq57("gaps", "--period", "2026-Q3", "--as-of", "2026-11-23", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)  # still parseable: the demo notice is on stderr
    assert isinstance(rows, list) and len(rows) == 54
    # The fields it always had, and those that say why (reason, baseline, carried value).
    assert {
        "code", "group", "name", "lead_unit", "comparator", "threshold_low", "threshold_high",
        "baseline", "actual", "expected", "completion", "elapsed", "gap", "status",
        "reported_status", "verified_status", "review_state"} < set(rows[0])
    assert {"item_type", "status_reason", "reason", "baseline_source", "value_period",
            "kpi", "coord_units", "measure"} < set(rows[0])
    statuses = {r["status"] for r in rows}
    assert {"achieved", "on_track", "behind", "red", "overdue_report", "no_basis"} <= statuses
    assert "số liệu minh họa" in result.stderr


def test_a_table_made_from_demo_data_says_so_first(demo_store: Store):
    result = nq57("gaps", "--period", "2026-Q3")
    assert result.stdout.startswith("Lưu ý: cơ sở dữ liệu đang có số liệu minh họa")
    assert "số liệu minh họa" not in nq57("gaps", "--period", "2026-Q3").stderr


def test_gaps_depend_on_the_as_of_date(demo_store: Store):
    def statuses(as_of: str) -> set[str]:
        out = nq57("gaps", "--period", "2026-Q3", "--as-of", as_of, "--format", "json")
        return {r["status"] for r in json.loads(out.stdout) if r["actual"] is None}

    assert statuses("2026-10-20") == {"no_data"}
    assert statuses("2026-10-21") == {"overdue_report"}


def test_nq57_today_pins_the_date(demo_store: Store):
    early = nq57("gaps", "--period", "2026-Q3", "--format", "json",
                 env={"NQ57_TODAY": "2026-10-01"})
    assert "overdue_report" not in early.stdout


def test_gaps_filters_by_unit_and_group(demo_store: Store):
    result = nq57("gaps", "--period", "Q2/2026", "--unit", "ttpvhcc", "--group", "1.5",
                  "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {r["lead_unit"] for r in rows} == {"TTPVHCC"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("gaps", "--period", "2027-Q1"), "Các kỳ hiện có: 2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4"),
        (("gaps", "--period", "2026-Q2", "--unit", "XYZ"), "Các mã hiện có: BCHQS"),
        (("gaps", "--period", "2026-Q2", "--group", "9.9"), "Các nhóm hiện có: 1.1"),
        (("gaps", "--period", "quý năm"), "Hãy viết theo dạng 2026-Q2"),
        (("assign-lead", "9.9.9", "STC", "--user", "quantri.thu", "--reason", "B"), "9.9.9"),
    ],
)
def test_refusals_exit_1_with_a_message_listing_what_exists(store: Store, args, message):
    result = nq57(*args)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [(), ("gaps",), ("targets", "--format", "xml"), ("gaps", "--period", "2026-Q1",
                                                    "--as-of", "31/12/2026"), ("frobnicate",)],
)
def test_usage_errors_exit_2(store: Store, args):
    result = nq57(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_init_creates_the_database_and_demo_loads_once(isolated_env: Path):
    first = nq57("init", "--demo")
    assert first.returncode == 0, first.stderr
    assert isolated_env.exists()
    assert "Đã nạp số liệu minh họa" in first.stdout
    again = nq57("init", "--demo")
    assert "Số liệu minh họa đã có sẵn" in again.stdout


def test_demo_remove_keeps_real_reports(demo_store: Store):
    report(demo_store, "SKHCN", "2026-Q4", {"1.1.1": 61.0}, at="2026-11-20 08:00")
    result = nq57("demo", "remove", "--user", "quantri.thu")
    assert result.returncode == 0, result.stderr
    rows = demo_store.rows("revisions/uploads", unit=None, period=None)
    assert [(r["unit_code"], r["period_code"], r["source"]) for r in rows] == [
        ("SKHCN", "2026-Q4", "excel")]


def test_demo_load_brings_the_demo_back_once(demo_store: Store):
    assert "Đã xóa số liệu minh họa" in nq57("demo", "remove", "--user", "quantri.thu").stdout
    loaded = nq57("demo", "load", "--user", "quantri.thu")
    assert loaded.returncode == 0, loaded.stderr
    assert "Đã nạp số liệu minh họa (2025-Q4 đến 2026-Q3)." in loaded.stdout
    uploads = len(demo_store.rows("revisions/uploads", unit=None, period=None))
    again = nq57("demo", "load", "--user", "quantri.thu")
    assert "Số liệu minh họa đã có sẵn." in again.stdout
    assert len(demo_store.rows("revisions/uploads", unit=None, period=None)) == uploads > 0


def test_assign_lead_changes_who_leads(store: Store):
    result = nq57("assign-lead", "1.5.15", "STC", "--user", "quantri.thu",
                  "--reason", "Văn bản phân công")
    assert result.returncode == 0, result.stderr
    targets = json.loads(nq57("targets", "--format", "json").stdout)
    moved = next(t for t in targets if t["code"] == "1.5.15")
    assert (moved["lead_unit"], moved["lead_assumed"]) == ("STC", False)


def test_settings_are_listed_and_changed_with_checks(store: Store):
    changed = nq57("settings", "--set", "red_factor=0,6", "--format", "json",
                   env={"NQ57_USER": "quantri.thu"})
    assert changed.returncode == 0, changed.stderr
    rows = {r["key"]: r["value"] for r in json.loads(changed.stdout.split("\n", 1)[1])}
    assert rows["red_factor"] == "0.6"
    refused = nq57("settings", "--set", "report_deadline_day=45", "--user", "quantri.thu")
    assert refused.returncode == 1
    assert "một ngày từ 1 đến 28" in refused.stderr
    unknown = nq57("settings", "--set", "colour=red", "--user", "quantri.thu")
    assert unknown.returncode == 1 and "Không có thiết lập «colour»" in unknown.stderr
