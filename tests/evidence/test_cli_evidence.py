"""The command line of the evidence regime: evidence add/get, review list/accept/
send-back, period lock/unlock/list, history with evidence. Exit 0 done, 1 refused with
a Vietnamese message, 2 usage."""

from __future__ import annotations

import json
from pathlib import Path

from nq57 import audit
from nq57.db import Store
from tests.evidence import files
from tests.excel.workbooks import fill, template
from tests.helpers import report
from tests.test_cli import nq57

PERIOD = "2026-Q2"


def reported(store: Store) -> None:
    report(store, "SKHCN", PERIOD, {"II.5": 100.0, "1.1.1": 50.0}, at="2026-07-10 09:00")


def add_file(tmp_path: Path, data: bytes, name: str, *extra: str):
    path = tmp_path / name
    path.write_bytes(data)
    return nq57("evidence", "add", "II.5", "--unit", "SKHCN", "--period", PERIOD,
                "--file", str(path), "--user", "canbo.kh", *extra)


def queue(*extra: str) -> list[dict]:
    result = nq57("review", "list", "--period", PERIOD, "--format", "json", *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_evidence_add_then_review_accept(store: Store, tmp_path: Path):
    reported(store)
    added = add_file(tmp_path, files.pdf(), "bien-ban.pdf")
    assert added.returncode == 0, added.stderr
    assert "Đã thêm minh chứng số 1 (Tệp) cho II.5, SKHCN, kỳ 2026-Q2" in added.stdout
    again = add_file(tmp_path, files.pdf(), "ban-sao.pdf")
    assert "đã có (số 1)" in again.stdout
    (row,) = queue()
    assert (row["evidence_id"], row["code"], row["review_state"], row["status"]) == (
        1, "II.5", "pending", "achieved")
    accepted = nq57("review", "accept", "1", "--user", "togiupviec.thu")
    assert accepted.returncode == 0, accepted.stderr
    assert "Đã chấp nhận minh chứng số 1" in accepted.stdout
    assert queue() == []
    assert queue("--state", "accepted")[0]["verified_status"] == "achieved"
    written = nq57("evidence", "get", "1", "-o", str(tmp_path / "lay-ve.pdf"))
    assert written.returncode == 0
    assert (tmp_path / "lay-ve.pdf").read_bytes() == files.pdf()


def test_send_back_with_insufficient_quality_says_the_item_is_red(store: Store,
                                                                  tmp_path: Path):
    reported(store)
    nq57("evidence", "add", "II.5", "--unit", "SKHCN", "--period", PERIOD, "--link",
         "https://dongnai.gov.vn/qd", "--user", "canbo.kh")
    result = nq57("review", "send-back", "1", "--reason", "Ảnh mờ, không đọc được",
                  "--insufficient-quality", "--user", "togiupviec.thu")
    assert result.returncode == 0, result.stderr
    assert "mục này chuyển sang «Cảnh báo đỏ»" in result.stdout
    history = nq57("history", "II.5")
    assert "Minh chứng và thẩm định" in history.stdout
    assert "Ảnh mờ, không đọc được" in history.stdout
    log = json.loads(nq57("history", "II.5", "--evidence", "--format", "json").stdout)
    assert [e["event"] for e in log] == ["sent_back", "added"]
    assert (log[0]["done_by"], log[0]["insufficient_quality"]) == (
        "Tổ giúp việc thử (togiupviec.thu)", True)


def test_refusals_exit_1_with_the_reason(store: Store, tmp_path: Path):
    reported(store)
    disguised = add_file(tmp_path, files.HTML, "minh-chung.pdf")
    assert disguised.returncode == 1 and "ngụy trang" in disguised.stderr
    script_link = nq57("evidence", "add", "II.5", "--unit", "SKHCN", "--period", PERIOD,
                       "--link", "javascript:alert(1)", "--user", "canbo.kh")
    assert script_link.returncode == 1 and "http" in script_link.stderr
    neither = nq57("evidence", "add", "II.5", "--unit", "SKHCN", "--period", PERIOD,
                   "--user", "canbo.kh")
    assert neither.returncode == 1 and "--file" in neither.stderr
    nobody = add_file(tmp_path, files.pdf(), "a.pdf", "--user", "")
    assert nobody.returncode == 1 and "--user" in nobody.stderr
    other_unit = add_file(tmp_path, files.pdf(), "b.pdf", "--user", "canbo.snv")
    assert other_unit.returncode == 1 and "không có quyền" in other_unit.stderr
    add_file(tmp_path, files.pdf(), "c.pdf")
    staff_review = nq57("review", "accept", "1", "--user", "canbo.kh")
    assert staff_review.returncode == 1 and "thẩm định minh chứng" in staff_review.stderr
    no_reason = nq57("review", "send-back", "1", "--reason", " ", "--user", "togiupviec.thu")
    assert no_reason.returncode == 1 and "lý do" in no_reason.stderr
    assert nq57("review", "accept", "x").returncode == 2


def test_period_lock_and_unlock(store: Store, tmp_path: Path):
    reported(store)
    staff = nq57("period", "lock", PERIOD, "--user", "canbo.kh")
    assert staff.returncode == 1 and "không có quyền khóa kỳ báo cáo" in staff.stderr
    locked = nq57("period", "lock", "Quý II/2026", "--user", "togiupviec.thu")
    assert locked.returncode == 0 and "Đã khóa kỳ 2026-Q2" in locked.stdout

    workbook = tmp_path / "q2.xlsx"
    workbook.write_bytes(fill(template(store), {"1.1.1": 0.61}))
    refused = nq57("import", str(workbook), "--user", "canbo.kh")
    assert refused.returncode == 1
    assert "đã được khóa sau khi tổng hợp" in refused.stderr
    admin = nq57("import", str(workbook), "--user", "quantri.thu")
    assert admin.returncode == 0, admin.stderr
    assert len(audit.entries(store, action="change_locked")) == 1

    reviewer = nq57("period", "unlock", PERIOD, "--user", "togiupviec.thu")
    assert reviewer.returncode == 1 and "sửa số liệu của kỳ đã khóa" in reviewer.stderr
    unlocked = nq57("period", "unlock", PERIOD, "--user", "quantri.thu",
                    "--reason", "Bổ sung số liệu")
    assert unlocked.returncode == 0 and "Đã mở khóa kỳ 2026-Q2" in unlocked.stdout
    history = json.loads(nq57("period", "list", "--format", "json").stdout)
    assert [(h["period_code"], h["locked"]) for h in history] == [(PERIOD, False),
                                                                   (PERIOD, True)]
