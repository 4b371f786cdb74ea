"""Generated hostile cell text (formulas, Markdown links and images, HTML, huge digit
strings, odd Unicode) through the whole product: import → every export (CSV, Excel,
PDF, the CLI's csv/json) → every page.

Whatever is typed: no traceback, no formula cell in any workbook written, no Markdown
link or image made from typed text, no number that is not finite stored or printed.
"""

from __future__ import annotations

import csv
import io
import json
import math
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
import streamlit as st
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from nq57 import briefing, exports, imports, output, policy, status, tables, untrusted
from nq57.db import Store
from nq57.untrusted import is_formula_like
from tests.app.apptools import ACCOUNT_PAGES, PAGES, live_links, sign_in
from tests.excel.workbooks import fill, rows_of, template
from tests.helpers import STAFF_SKHCN
from tests.test_cli import ROOT, nq57

GFM = MarkdownIt("gfm-like")
SEEDS = [
    '=HYPERLINK("http://lua-dao.example","Bấm")', "=1+1", "+84 912 345 678", "-2+3", "@SUM(A1)",
    "=cmd|' /C calc'!A0", "[Đăng nhập](http://lua-dao.example)",
    "![](http://theo-doi.example/p.png)", "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>", "https://lua-dao.example", "www.lua-dao.example",
    ":red[đỏ] $x^2$ **đậm**", "# Tiêu đề", "9" * 400, "1e309", "-1e309", "NaN", "inf",
    "١٢٣", "１２３", "12²", "1\u200b2", "\u202eabc", "\ufeff85", "85%", "1.250",
    "https://vanban.dongnai.gov.vn/qd.pdf", "javascript:alert(1)",
]
# Text a worksheet can hold (XML 1.0 has no control characters but tab and newlines).
TYPED = hs.text(alphabet=hs.characters(exclude_categories=("Cs", "Cc")), max_size=50)
HOSTILE = hs.one_of(
    hs.sampled_from(SEEDS),
    TYPED,
    hs.builds(lambda head, tail: head + tail,
              hs.sampled_from(["=", "+", "-", "@", "[x](http://", "![](http://", "http://"]),
              TYPED),
    hs.from_regex(r"[0-9]{16,400}", fullmatch=True),
)
ITEMS = ("1.1.1", "1.3.1", "1.5.1", "1.3.4", "II.1")
TEXT_COLUMNS = ("Ghi chú", "Minh chứng", "Người báo cáo", "Tệp")


def formula_cells(workbook: bytes) -> list[str]:
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    found = [f"{ws.title}!{c.coordinate}" for ws in book.worksheets
             for row in ws.iter_rows() for c in row if c.data_type == "f"]
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        found += [name for name in archive.namelist()
                  if name.startswith("xl/worksheets/") and b"<f>" in archive.read(name)]
    return found


def assert_files_safe(store: Store) -> None:
    history = tables.history_table(store.frame("revisions/history", item="1.1.1", unit=None))
    gaps = tables.gap_table(status.gaps(store, "2026-Q3"))
    assert formula_cells(exports.to_xlsx([history, gaps])) == []
    rows = list(csv.DictReader(io.StringIO(exports.to_csv(history).decode("utf-8-sig"))))
    for row in rows:
        for column in TEXT_COLUMNS:
            assert not is_formula_like(row[column]), (column, row[column])
        assert "inf" not in row["Giá trị"].lower() and "nan" not in row["Giá trị"].lower()
    report = briefing.build(store, briefing.Scope("2026-Q3"), actor=policy.SYSTEM,
                            as_of="2026-11-23")
    assert briefing.render(report, "pdf")[:4] == b"%PDF"
    assert formula_cells(briefing.render(report, "xlsx")) == []
    frame = store.frame("revisions/history", item="1.1.1", unit=None)
    fields = ["value", "note", "evidence", "recorded_by", "file_name"]
    for line in csv.DictReader(io.StringIO(output.render(frame, fields, "csv"))):
        assert not any(is_formula_like(line[f]) for f in fields[1:])
    for record in json.loads(output.render(frame, fields, "json")):
        assert record["value"] is None or math.isfinite(record["value"])


def assert_numbers_finite(store: Store) -> None:
    with store.connect() as con:
        bad = con.execute("SELECT count(*) FROM actuals WHERE NOT isfinite(value) "
                          "OR value > 1e15 OR value < 0").fetchone()[0]
    assert bad == 0


@pytest.mark.slow
def test_hostile_text_through_import_every_export_and_every_page(store: Store,
                                                                 tmp_path: Path):
    blank = template(store, "SKHCN", "2026-Q3")
    where = rows_of(blank)
    accepted: list[int] = []

    @settings(max_examples=60, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(value=HOSTILE, plain=hs.booleans(),
           notes=hs.lists(HOSTILE, min_size=len(ITEMS), max_size=len(ITEMS)),
           evidence=hs.lists(HOSTILE, min_size=len(ITEMS), max_size=len(ITEMS)),
           who=HOSTILE, name=HOSTILE)
    def one_upload(value, plain, notes, evidence, who, name):
        # One hostile value (or, half the time, none) among plausible ones, so that
        # most reports are stored and their typed text reaches every export and page.
        typed = {"1.1.1": 0.5 + len(accepted) / 1000, "1.3.1": 3 if plain else value,
                 "1.5.1": 0.6, "1.3.4": 450, "II.1": "50%"}
        data = fill(blank, typed,
                    notes=dict(zip(ITEMS, notes, strict=True)),
                    evidence=dict(zip(ITEMS, evidence, strict=True)))
        inspection = imports.inspect(store, data, f"{name}.xlsx")
        for found in inspection.problems + inspection.warnings:
            assert found.message and "Traceback" not in found.message
            assert found.code  # a known rule (Excel or evidence), with its message
            assert found.row is None or found.row in where.values()
        marked = imports.annotated(inspection, data) if not inspection.accepted else None
        if marked is not None:
            assert formula_cells(marked) == formula_cells(data)  # only the person's own
        if inspection.accepted and who.strip():
            imports.commit(store, replace(STAFF_SKHCN, display_name=who), inspection)
            accepted.append(1)
        assert_numbers_finite(store)

    one_upload()
    assert len(accepted) >= 10  # most generated reports are accepted and stored
    assert_files_safe(store)
    for args in (("history", "1.1.1", "--format", "csv"), ("history", "1.1.1", "--format",
                                                          "json"),
                 ("uploads", "--format", "csv"), ("gaps", "--period", "2026-Q3", "--format",
                                                  "json")):
        result = nq57(*args)
        assert result.returncode == 0 and "Traceback" not in result.stderr, args
        rows = (json.loads(result.stdout) if "json" in args
                else list(csv.DictReader(io.StringIO(result.stdout))))
        for row in rows:  # JSON numbers are numbers; CSV numbers print as numbers
            for key in ("value", "actual", "expected", "completion", "gap"):
                if row.get(key) not in (None, ""):
                    assert math.isfinite(float(row[key])), (args, key, row[key])
            for key in ("note", "evidence", "recorded_by", "uploaded_by", "file_name"):
                if "csv" in args and row.get(key):
                    assert not is_formula_like(row[key]), (args, key, row[key])
    assert_pages_safe(store)


def allowed_links(store: Store) -> set[str]:
    evidence = {row["evidence"] for row in store.rows("revisions/history", item="1.1.1",
                                                        unit=None) if row["evidence"]}
    return {url for url in map(untrusted.safe_link, evidence) if url}


def assert_pages_safe(store: Store) -> None:
    links = allowed_links(store)
    pages = [*PAGES.values(), ACCOUNT_PAGES["reporting"], ACCOUNT_PAGES["upload_history"]]
    for page in pages:
        st.cache_data.clear()
        st.cache_resource.clear()
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        sign_in(app, STAFF_SKHCN.name)  # the unit's staff, who sees its own reports too
        app.query_params["period"] = "2026-Q3"
        app.query_params["unit"] = "SKHCN"
        app.query_params["target"] = "1.1.1"
        app.run()
        if page != PAGES["overview"]:
            app.switch_page(page).run()
        assert not app.exception, (page, [e.value for e in app.exception])
        bodies = [str(e.value) for kind in ("title", "subheader", "markdown", "caption",
                                            "info", "warning", "error", "success")
                  for e in getattr(app, kind)]
        assert not [b for b in bodies if "mã sự cố" in b], page
        html = "".join(GFM.render(body) for body in bodies)
        assert "<img" not in html, page
        assert set(live_links(html)) <= links, page
