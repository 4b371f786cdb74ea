"""The Excel commands as a user runs them: a real process, a real database, real files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from nq57.db import Store
from tests.excel.workbooks import dump, fill, template
from tests.helpers import STAFF_SKHCN
from tests.test_cli import nq57_admin as nq57


def filled_file(store: Store, tmp_path: Path, values: dict[str, object],
                name: str = "bao-cao.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(fill(template(store), values))
    return path


def test_template_command_writes_the_units_template(store: Store, tmp_path: Path):
    target = tmp_path / "bm.xlsx"
    result = nq57("template", "--unit", "snv", "--period", "Quý III/2026", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "4 chỉ tiêu, nhiệm vụ" in result.stdout
    assert target.read_bytes()[:2] == b"PK"
    refused = nq57("template", "--unit", "NOPE", "--period", "2026-Q2", "-o", str(target))
    assert refused.returncode == 1
    assert "Không có đơn vị mã «NOPE»" in refused.stderr
    nothing = nq57("template", "--unit", "BQLKCN", "--period", "2026-Q2", "-o", str(target))
    assert nothing.returncode == 1
    assert "không chủ trì báo cáo chỉ tiêu, nhiệm vụ nào trong năm 2026" in nothing.stderr


def test_import_json_accepts_stores_and_reports_every_row(store: Store, tmp_path: Path):
    path = filled_file(store, tmp_path, {"1.1.1": 0.65, "1.3.1": 12})
    result = nq57("import", str(path), "--format", "json", "--user", STAFF_SKHCN.name)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {"accepted", "upload_id", "rows", "errors"} <= set(report)
    assert report["accepted"] is True and isinstance(report["upload_id"], int)
    assert (report["unit"], report["period"], report["stored"]) == ("SKHCN", "2026-Q2", 2)
    assert report["errors"] == []
    rows = {r["item"]: r for r in report["rows"]}
    assert rows["1.1.1"] == {"row": 8, "item": "1.1.1", "value": 65.0, "on_record": None,
                             "change": "new", "note": None, "evidence": None}
    assert rows["1.1.2"]["change"] == "not_reported"
    gaps = json.loads(nq57("gaps", "--period", "2026-Q2", "--unit", "SKHCN", "--format",
                           "json").stdout)
    assert {g["code"]: g["actual"] for g in gaps}["1.1.1"] == 65.0
    history = json.loads(nq57("history", "1.1.1", "--format", "json").stdout)
    assert history[0]["recorded_by"] == "Trần Thị B (canbo.kh)"


def test_import_refuses_with_located_errors_and_exit_1(store: Store, tmp_path: Path):
    path = filled_file(store, tmp_path, {"1.1.1": "120%", "1.3.1": "abc"})
    before = dump(store)
    result = nq57("import", str(path), "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["accepted"] is False and report["upload_id"] is None
    assert [(e["sheet"], e["row"], e["column"], e["code"]) for e in report["errors"]] == [
        ("Nhập số liệu", 8, "H", "percent_over_100"), ("Nhập số liệu", 12, "H", "not_a_number")]
    assert all(set(e) >= {"sheet", "row", "column", "code", "message"}
               for e in report["errors"])
    assert report["errors"][0]["message"] == "Ô H8: tỷ lệ 120% vượt quá 100%."
    assert dump(store) == before


def test_import_text_output_speaks_vietnamese(store: Store, tmp_path: Path):
    good = filled_file(store, tmp_path, {"1.1.1": 0.65})
    result = nq57("import", str(good))
    assert result.returncode == 0
    assert "Đã lưu lần nhập số 1: 1 giá trị mới hoặc thay đổi" in result.stdout
    again = nq57("import", str(good))
    assert again.returncode == 0
    assert "Không có giá trị nào thay đổi" in again.stdout
    assert "giống hệt lần nhập số 1" in again.stdout
    bad = filled_file(store, tmp_path, {"1.1.1": -1}, "sai.xlsx")
    refused = nq57("import", str(bad))
    assert refused.returncode == 1
    assert "bị từ chối: 1 lỗi" in refused.stderr and "Ô H8" in refused.stderr


def test_dry_run_exits_0_and_stores_nothing(store: Store, tmp_path: Path):
    path = filled_file(store, tmp_path, {"1.1.1": 0.65})
    before = dump(store)
    result = nq57("import", str(path), "--dry-run", "--format", "json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["accepted"] is True and report["dry_run"] is True
    assert report["upload_id"] is None
    assert dump(store) == before
    refused = nq57("import", str(filled_file(store, tmp_path, {"1.1.1": "x"}, "x.xlsx")),
                   "--dry-run")
    assert refused.returncode == 1


def test_unit_and_period_from_the_command_line(store: Store, tmp_path: Path):
    from tests.excel.workbooks import sheet

    path = tmp_path / "tu-lap.xlsx"
    path.write_bytes(sheet([["1.2.2", "95%"]]))
    result = nq57("import", str(path), "--unit", "Sở Nội vụ", "--period", "Q3/2026",
                  "--format", "json")
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["unit"] == "SNV"
    mismatch = nq57("import", str(filled_file(store, tmp_path, {"1.1.1": 0.6})), "--period",
                    "2026-Q3", "--format", "json")
    assert mismatch.returncode == 1
    assert json.loads(mismatch.stdout)["errors"][0]["code"] == "template_period_mismatch"


def test_unreadable_paths_and_usage_errors_exit_2(store: Store, tmp_path: Path):
    missing = nq57("import", str(tmp_path / "khong-co.xlsx"))
    assert missing.returncode == 2
    assert "Không có tệp" in missing.stderr
    assert nq57("import", str(tmp_path)).returncode == 2          # a directory
    assert nq57("import").returncode == 2                          # no file given
    assert nq57("import", "x.xlsx", "--format", "xml").returncode == 2


def test_a_fifo_or_a_device_is_refused_not_waited_on(store: Store, tmp_path: Path):
    fifo = tmp_path / "ong-dan.xlsx"
    os.mkfifo(fifo)  # nobody writes to it: opening it would hang for ever
    for path, words in ((fifo, "không phải là một tệp thông thường"),
                        (Path("/dev/zero"), "không phải là một tệp thông thường"),
                        (tmp_path, "là một thư mục")):
        result = nq57("import", str(path), "--dry-run", timeout=30)
        assert result.returncode == 2, result.stderr
        assert words in result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize("target, words", [
    ("{tmp}", "là một thư mục"),
    ("{tmp}/khong-co/bieu-mau.xlsx", "Không có thư mục"),
    ("/dev/full", "ổ đĩa đã đầy"),
])
def test_a_template_that_cannot_be_written_says_why_with_exit_2(store: Store, tmp_path: Path,
                                                                target: str, words: str):
    result = nq57("template", "--unit", "SKHCN", "--period", "2026-Q2", "-o",
                  target.format(tmp=tmp_path))
    assert result.returncode == 2, result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr and "Errno" not in result.stderr
    assert not (tmp_path / "khong-co").exists()


def test_an_oversized_file_is_refused_without_being_read(store: Store, tmp_path: Path):
    big = tmp_path / "lon.xlsx"
    with big.open("wb") as handle:
        handle.seek(11 * 1024 * 1024)
        handle.write(b"\0")
    result = nq57("import", str(big), "--format", "json")
    assert result.returncode == 1
    assert json.loads(result.stdout)["errors"][0]["code"] == "file_too_large"


def test_the_upload_is_signed_by_the_account_of_nq57_user(store: Store, tmp_path: Path):
    nq57("import", str(filled_file(store, tmp_path, {"1.1.1": 0.6})),
         env={"NQ57_USER": STAFF_SKHCN.name})
    uploads = json.loads(nq57("uploads", "--format", "json").stdout)
    assert uploads[0]["uploaded_by"] == "Trần Thị B (canbo.kh)"


def test_revoke_history_and_uploads(store: Store, tmp_path: Path):
    nq57("import", str(filled_file(store, tmp_path, {"1.1.1": 0.6}, "a.xlsx")))
    nq57("import", str(filled_file(store, tmp_path, {"1.1.1": 0.7}, "b.xlsx")))
    log = json.loads(nq57("uploads", "--unit", "skhcn", "--period", "Quý II/2026",
                          "--format", "json").stdout)
    assert [(u["id"], u["file_name"], u["revoked"]) for u in log] == [
        (2, "b.xlsx", False), (1, "a.xlsx", False)]
    revoked = nq57("revoke", "2", "--reason", "Sai số liệu")
    assert revoked.returncode == 0 and "Đã thu hồi lần nhập số 2" in revoked.stdout
    history = json.loads(nq57("history", "1.1.1", "--format", "json").stdout)
    assert [(h["value"], h["revoked"], h["is_current"]) for h in history] == [
        (70.0, True, False), (60.0, False, True)]
    again = nq57("revoke", "2", "--reason", "x")
    assert again.returncode == 1 and "đã bị thu hồi" in again.stderr
    assert nq57("revoke", "99", "--reason", "x").returncode == 1
    unknown = nq57("history", "9.9.9")
    assert unknown.returncode == 1 and "9.9.9" in unknown.stderr
    assert nq57("uploads", "--unit", "NOPE").returncode == 1
