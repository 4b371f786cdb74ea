"""Where evidence files live, how a PDF is drawn for review, what the demo holds, and
that exported review tables keep typed text as text."""

from __future__ import annotations

import csv
import io
import os
import stat

import openpyxl
import pandas as pd
from PIL import Image

from nq57 import demo, exports, locks, status, tables
from nq57.db import Store
from nq57.evidence import preview, review, vault
from nq57.evidence.sniff import PNG_MAGIC
from tests.evidence import files
from tests.helpers import ADMIN


def test_a_file_is_stored_once_by_its_hash_without_execute_permission(store: Store):
    data = files.pdf()
    first = vault.store_file(store, data)
    again = vault.store_file(store, data)
    path = vault.path_of(store, first)
    assert first == again == vault.sha256(data)
    assert path.parent.name == first[:2] and path.parent.parent == store.path.parent / "evidence"
    assert path.read_bytes() == data
    assert not os.stat(path).st_mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    assert [p.name for p in path.parent.iterdir()] == [first]   # no temporary file left


def test_an_altered_file_is_not_read_back(store: Store):
    digest = vault.store_file(store, files.png())
    vault.path_of(store, digest).write_bytes(b"\x89PNG altered")
    try:
        vault.read(store, digest)
    except vault.VaultError as exc:
        assert "altered" in str(exc)
    else:
        raise AssertionError("an altered file was read back")


def test_a_pdf_is_drawn_as_png_pages_for_review():
    pages = preview.pdf_pages(files.pdf())
    assert len(pages) == 1 and pages[0].startswith(PNG_MAGIC)
    width, height = Image.open(io.BytesIO(pages[0])).size
    assert 500 < height < 900 and width < height          # an A4 page at 70 dpi
    assert preview.pdf_pages(b"%PDF-1.4 not really\n%%EOF") == []


def test_the_demo_holds_every_review_state_and_a_locked_period(demo_store: Store):
    rows = pd.concat([status.gaps(demo_store, "2026-Q3", as_of="2026-11-23", item_type=kind)
                      for kind in ("target", "task")])
    assert set(rows["review_state"].dropna()) == {"missing", "pending", "accepted",
                                                  "sent_back"}
    assert {"awaiting_evidence", "awaiting_completion", "achieved"} <= set(rows["status"])
    assert (rows["status_reason"] == "evidence_rejected").any()
    assert (rows["verified_status"] == "awaiting_review").any()
    assert locks.is_locked(demo_store, "2026-Q1")
    assert not locks.is_locked(demo_store, "2026-Q3")


def test_removing_the_demo_removes_its_evidence_and_lock(demo_store: Store):
    demo.remove(demo_store, ADMIN)
    assert demo_store.rows("evidence/file_digests") == []
    assert review.queue(demo_store, "2026-Q3", states=list(review.STATES)).empty
    assert not locks.is_locked(demo_store, "2026-Q1")


def test_exported_review_tables_keep_typed_text_as_text(store: Store):
    columns = review.queue(store, "2026-Q3").columns  # empty: for its columns
    row = dict.fromkeys(columns) | {
        "evidence_id": 1, "code": "1.1.1", "name": "Tỷ lệ", "reporting_unit": "SKHCN",
        "unit_short": "Sở KH&CN", "review_state": "sent_back", "evidence_kind": "link",
        "reported_status": "achieved", "status": "awaiting_completion",
        "verified_status": "awaiting_completion", "insufficient_quality": False,
        "review_reason": '=HYPERLINK("https://evil.example","Bấm vào")'}
    table = tables.review_queue_table(pd.DataFrame([row], columns=columns))
    sheet = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(table))).active
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("Lý do trả lại") + 1)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    rows = list(csv.reader(io.StringIO(exports.to_csv(table).decode("utf-8-sig"))))
    assert rows[1][rows[0].index("Lý do trả lại")].startswith("'=HYPERLINK")
