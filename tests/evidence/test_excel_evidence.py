"""Evidence in the Excel round trip. Case table for the evidence cell of a reported row:
  an http(s) link                        → link evidence, awaiting review
  a file name matching a file sent along → that file, checked and stored by its hash
    (names compared without case; the file's own name is kept as data)
  a disguised or hostile file            → the whole upload refused, nothing stored
  another scheme (javascript:, file:)    → an error at the cell, nothing stored
  other text (a document number)         → a warning; the value is stored and, if done,
                                           awaits evidence
  a file no row names                    → a warning; not stored
  two files with the same name           → refused
  the same values sent again with files  → the evidence is attached (no new upload)
And the unit's next template shows the reason its evidence was sent back.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import openpyxl

from nq57 import imports, labels, policy, status
from nq57.db import Store
from nq57.evidence import records, review, vault
from nq57.excel import template as template_book
from tests.evidence import files
from tests.excel.workbooks import ENTRY, fill, rows_of, template
from tests.helpers import STAFF_SKHCN

ROOT = Path(__file__).resolve().parents[2]
REVIEWER = policy.Actor("to-giup-viec", policy.REVIEWER)


def task(store: Store, code: str = "II.5", period: str = "2026-Q2") -> dict:
    return status.gaps(store, period, item_type="task").set_index("code").loc[code].to_dict()


def vault_files(store: Store) -> list[Path]:
    return sorted(p for p in vault.folder(store).rglob("*") if p.is_file())


def upload(store: Store, data: bytes, evidence_files: dict[str, bytes] | None = None):
    inspection = imports.inspect(store, data, "bao-cao.xlsx", evidence_files=evidence_files)
    result = imports.commit(store, STAFF_SKHCN, inspection) if inspection.accepted else None
    return inspection, result


def test_a_link_in_the_evidence_cell_is_link_evidence(store: Store):
    data = fill(template(store), {"II.5": "100%"},
                evidence={"II.5": "https://dongnai.gov.vn/qd-123"})
    inspection, result = upload(store, data)
    assert inspection.accepted and not inspection.warnings
    assert result.evidence_added == 1
    row = task(store)
    assert (row["status"], row["review_state"], row["evidence_kind"]) == (
        "achieved", "pending", "link")


def test_a_file_named_in_the_evidence_cell_is_stored_by_its_hash(store: Store):
    pdf = files.pdf()
    data = fill(template(store), {"II.5": "100%"}, evidence={"II.5": "QD-123.PDF"})
    inspection, result = upload(store, data, {"qd-123.pdf": pdf})
    assert inspection.accepted, inspection.problems
    assert result.evidence_added == 1
    row = task(store)
    assert (row["review_state"], row["evidence_file_type"]) == ("pending", "pdf")
    stored = vault_files(store)
    assert [p.name for p in stored] == [vault.sha256(pdf)]
    assert stored[0].read_bytes() == pdf
    assert not os.access(stored[0], os.X_OK)
    log = records.log(store, "II.5")
    assert log.iloc[0]["original_name"] == "qd-123.pdf"


def test_a_disguised_file_refuses_the_whole_upload(store: Store):
    data = fill(template(store), {"II.5": "100%", "1.1.1": 0.6},
                evidence={"II.5": "qd-123.pdf"})
    inspection, result = upload(store, data, {"qd-123.pdf": files.HTML})
    assert not inspection.accepted and result is None
    (problem,) = inspection.problems
    assert "ngụy trang" in problem.message and "qd-123.pdf" in problem.message
    assert task(store)["actual"] is None or str(task(store)["actual"]) == "nan"
    assert vault_files(store) == []


def test_a_link_of_another_scheme_is_an_error_at_its_cell(store: Store):
    data = fill(template(store), {"II.5": "100%"},
                evidence={"II.5": "javascript:alert(document.cookie)"})
    inspection, _ = upload(store, data)
    assert not inspection.accepted
    (problem,) = inspection.problems
    column = template_book.COLUMN_OF["evidence"]
    assert problem.cell == f"{column}{rows_of(data)['II.5']}"
    assert "http" in problem.message
    assert store.rows("evidence/newest", item="II.5", unit="SKHCN", period="2026-Q2") == []


def test_other_text_is_kept_with_a_warning_and_the_item_awaits_evidence(store: Store):
    data = fill(template(store), {"II.5": "100%"},
                evidence={"II.5": "Quyết định 123/QĐ-UBND"})
    inspection, result = upload(store, data)
    assert inspection.accepted
    assert [w.code for w in inspection.warnings] == ["evidence_unmatched"]
    assert "Chờ minh chứng" in inspection.warnings[0].message
    assert result.evidence_added == 0
    row = task(store)
    assert (row["evidence"], row["status"]) == ("Quyết định 123/QĐ-UBND", "awaiting_evidence")


def test_a_file_no_row_names_is_not_stored(store: Store):
    data = fill(template(store), {"II.5": "100%"})
    inspection, _ = upload(store, data, {"anh.png": files.png()})
    assert "evidence_unused" in {w.code for w in inspection.warnings}
    assert vault_files(store) == []


def test_two_files_with_the_same_name_are_refused(store: Store):
    data = fill(template(store), {"II.5": "100%"}, evidence={"II.5": "a.pdf"})
    inspection, _ = upload(store, data, {"a.pdf": files.pdf(), "A.PDF": files.tiny_pdf()})
    assert "evidence_duplicate_name" in {p.code for p in inspection.problems}


def test_evidence_sent_later_with_the_same_values_is_attached(store: Store):
    data = fill(template(store), {"II.5": "100%"}, evidence={"II.5": "bien-ban.pdf"})
    upload(store, data)
    assert task(store)["status"] == "awaiting_evidence"
    _, again = upload(store, data, {"bien-ban.pdf": files.pdf()})
    assert (again.upload_id, again.evidence_added) == (None, 1)
    assert task(store)["review_state"] == "pending"


def test_the_next_template_shows_why_evidence_was_sent_back(store: Store):
    data = fill(template(store), {"II.5": "100%"},
                evidence={"II.5": "https://dongnai.gov.vn/qd-123"})
    upload(store, data)
    evidence = int(task(store)["evidence_id"])
    review.send_back(store, REVIEWER, evidence, "=Thiếu chữ ký và dấu",
                     insufficient_quality=True)
    next_template = template(store, period="2026-Q3")
    ws = openpyxl.load_workbook(io.BytesIO(next_template))[ENTRY]
    column = template_book.COLUMN_OF["review"]
    assert ws[f"{column}{template_book.HEADER_ROW}"].value == labels.EXCEL_REVIEW_HEADER
    rows = rows_of(next_template)
    cell = ws[f"{column}{rows['II.5']}"]
    assert cell.data_type == "s"  # the reviewer's words are text, never a formula
    assert cell.value.startswith("Quý II/2026: minh chứng bị trả lại ngày")
    assert "(không đạt chất lượng) — =Thiếu chữ ký và dấu" in cell.value
    assert {ws[f"{column}{r}"].value for code, r in rows.items() if code != "II.5"} == {None}


def test_the_cli_imports_with_evidence_files(store: Store, tmp_path: Path):
    report_file = tmp_path / "bao-cao.xlsx"
    report_file.write_bytes(fill(template(store), {"II.5": "100%"},
                                 evidence={"II.5": "bien-ban.pdf"}))
    good, bad = tmp_path / "bien-ban.pdf", tmp_path / "khac" / "bien-ban.pdf"
    good.write_bytes(files.pdf())
    bad.parent.mkdir()
    bad.write_bytes(files.EXE)

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "nq57", "import", str(report_file), *args],
                              cwd=ROOT, env={**os.environ, "NQ57_USER": STAFF_SKHCN.name},
                              capture_output=True, text=True)

    refused = run("--evidence", str(bad))
    assert refused.returncode == 1
    assert "chương trình chạy được" in refused.stderr
    assert task(store)["review_state"] is None
    accepted = run("--evidence", str(good))
    assert accepted.returncode == 0, accepted.stderr
    assert task(store)["review_state"] == "pending"
