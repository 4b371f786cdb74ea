"""Hostile input through the core, the command line and the files the product writes:
numbers that are not numbers, digits that are not digits, settings out of range,
periods not begun, formulas and Markdown in typed text.

Each case first reproduced the fault as a person met it (an `inf` stored and printed,
an OverflowError traceback, a live =HYPERLINK in a downloaded workbook, a phishing
link on a page), then pins the fix.
"""

from __future__ import annotations

import csv
import io
import json
import math
import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from markdown_it import MarkdownIt

from nq57 import exports, imports, output, settings, status, tables, untrusted, viewstate
from nq57.db import Store
from nq57.excel.problems import Problem
from nq57.settings import SettingError
from tests.app.apptools import live_links
from tests.excel.workbooks import dump, fill, rezip, sheet, template
from tests.helpers import ADMIN, STAFF_SKHCN, report
from tests.test_cli import nq57, nq57_admin

FORMULAS = ['=HYPERLINK("http://lua-dao.example/x","Bấm vào đây")', "=1+1", "+84 912", "-2+3",
            "@SUM(A1:A9)", "\t=1", "\r=1"]
MARKDOWN = ["[Bấm vào đây](http://lua-dao.example)", "![](http://theo-doi.example/pixel.png)",
            "<img src=x onerror=alert(1)>", "https://lua-dao.example/dang-nhap",
            "www.lua-dao.example", "**đậm** _nghiêng_ :red[đỏ] $x^2$", "# Tiêu đề"]
GFM = MarkdownIt("gfm-like")


def links_and_images(markdown: str) -> list[str]:
    """Links and images a Markdown renderer (CommonMark + GFM autolinks) would make,
    including text GFM finds in what remains after escapes are resolved."""
    return live_links(GFM.render(markdown))


# --- numbers ------------------------------------------------------------------------

@pytest.mark.parametrize(("code", "typed", "error"), [
    ("1.3.1", "9" * 400, "too_large"),          # a count: an OverflowError traceback once
    ("1.5.1", "9" * 400, "too_large"),          # a score: stored as infinity once
    ("1.5.1", 85, "over_ceiling"),              # DTI is on a 0–1 scale
    ("1.3.4", 50_000_000, "over_ceiling"),      # more researchers than people
    ("1.2.7", 20_000, "over_ceiling"),          # per 10,000 people
    ("1.1.1", "８５", "odd_characters"),
    ("1.3.1", "1\u200b2", "odd_characters"),
])
def test_a_value_that_is_not_a_plausible_number_is_refused_where_it_is(
        store: Store, code: str, typed: object, error: str):
    data = fill(template(store, "SKHCN", "2026-Q3"), {code: typed})
    before = dump(store)
    inspection = imports.inspect(store, data, "so-lieu.xlsx")
    assert not inspection.accepted
    (found,) = inspection.problems
    assert (found.code, found.column) == (error, "H") and found.row is not None
    assert f"Ô H{found.row}" in found.message
    assert "inf" not in found.message.lower()
    assert dump(store) == before


def test_a_cell_holding_a_400_digit_number_is_refused_not_overflowed(store: Store):
    data = fill(template(store, "SKHCN", "2026-Q3"), {"1.3.1": 123456789})
    part = next(name for name in zipfile.ZipFile(io.BytesIO(data)).namelist()
                if name.startswith("xl/worksheets/") and b"<v>123456789</v>" in
                zipfile.ZipFile(io.BytesIO(data)).read(name))
    xml = zipfile.ZipFile(io.BytesIO(data)).read(part)
    huge = rezip(data, replace={part: xml.replace(b"<v>123456789</v>",
                                                   b"<v>1" + b"0" * 400 + b"</v>")})
    inspection = imports.inspect(store, huge, "so-lon.xlsx")
    assert [p.code for p in inspection.problems] == ["too_large"]


def test_the_command_line_refuses_a_huge_count_with_the_located_message(
        store: Store, tmp_path: Path):
    path = tmp_path / "lon.xlsx"
    path.write_bytes(fill(template(store, "SKHCN", "2026-Q3"), {"1.3.1": "9" * 400}))
    result = nq57("import", str(path), "--format", "json",
                  env={"NQ57_USER": STAFF_SKHCN.name})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (error,) = json.loads(result.stdout)["errors"]
    assert error["code"] == "too_large" and error["cell"].startswith("H")


def test_every_measure_of_the_catalogue_has_a_ceiling(store: Store):
    items = store.frame("excel/items", period="2026-Q3")
    assert items["max_value"].notna().all()
    ceilings = dict(zip(items["unit_of_measure"], items["max_value"], strict=False))
    assert ceilings["%"] == 100 and ceilings["điểm"] == 1
    assert ceilings["% hoàn thành"] == 100


def test_nothing_non_finite_can_be_stored_even_from_inside(store: Store):
    with pytest.raises(ValueError):
        report(store, "SKHCN", "2026-Q3", {"1.5.1": math.inf})
    assert store.rows("revisions/uploads", unit=None, period=None) == []


# --- digits that are not digits, everywhere ------------------------------------------

@pytest.mark.parametrize("args", [
    ("gaps", "--period", "２０２６-Q3"),
    ("gaps", "--period", "2026-Q3\u200b"),
    ("gaps", "--period", "2026-Q3", "--unit", "SKHCN\u200b"),
    ("settings", "--set", "red_factor=０.5"),
    ("settings", "--set", "report_deadline_day=2²"),
    ("uploads", "--unit", "ＳＫＨＣＮ"),
])
def test_odd_digits_and_invisible_characters_are_refused_by_name_on_the_command_line(
        store: Store, args: tuple[str, ...]):
    result = nq57_admin(*args)  # settings need an administrator; reading needs nobody
    assert result.returncode == 1, result.stdout
    assert "ký tự không hợp lệ" in result.stderr
    assert any(words in result.stderr for words in (
        "chữ số toàn chiều rộng", "ký tự vô hình U+200B", "chữ số mũ", "ký tự toàn chiều rộng"))
    assert "\u200b" not in result.stderr  # named, never printed invisibly


def test_a_code_with_an_invisible_character_is_named_in_the_message(store: Store):
    data = sheet([["1.1.1\u200b", 65], ["1.1.2", 70]])
    inspection = imports.inspect(store, data, "tu-lap.xlsx", unit="SKHCN", period="2026-Q3")
    (found,) = inspection.problems
    assert found.code == "odd_code" and found.cell == "A2"
    assert "ký tự vô hình U+200B" in found.message and "1.1.1⟨U+200B⟩" in found.message


def test_a_url_period_in_full_width_digits_falls_back_with_a_notice():
    choices = viewstate.Choices(periods=["2026-Q3"], default_period="2026-Q3", units=["SNV"],
                                groups=["1.1"])
    filters, notices = viewstate.read_filters({"period": ["２０２６-Q3"]}, choices)
    assert filters.period == "2026-Q3" and len(notices) == 1


# --- settings ------------------------------------------------------------------------

@pytest.mark.parametrize(("key", "value"), [
    ("red_factor", "0"), ("red_factor", "0.05"), ("red_factor", "0,95"), ("red_factor", "1"),
    ("red_factor", "nan"), ("red_factor", "inf"), ("red_factor", "1e-1"),
    ("report_deadline_day", "2_0"), ("report_deadline_day", "29"),
    ("secretariat_unit", "CQDVDP"),  # "các cơ quan, đơn vị": a collective cannot report
])
def test_a_setting_out_of_its_range_is_refused_and_nothing_changes(store: Store, key: str,
                                                                  value: str):
    before = settings.all_settings(store)
    with pytest.raises(SettingError):
        settings.update(store, ADMIN, key, value)
    assert settings.all_settings(store).equals(before)


def test_the_command_line_refuses_settings_out_of_range_with_the_range(store: Store):
    for assignment, words in (("red_factor=0.95", "từ 0,1 đến 0,9"),
                              ("secretariat_unit=CQDVDP", "nhóm đơn vị")):
        result = nq57_admin("settings", "--set", assignment)
        assert result.returncode == 1 and words in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_settings_within_range_are_stored(store: Store):
    assert settings.update(store, ADMIN, "red_factor", "0,1") == "0.1"
    assert settings.update(store, ADMIN, "red_factor", "0.9") == "0.9"
    assert settings.update(store, ADMIN, "secretariat_unit", "stc") == "STC"


# --- periods not begun, periods still running -----------------------------------------

def test_a_period_not_begun_is_refused_and_a_running_one_is_an_estimate(
        store: Store, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NQ57_TODAY", "2026-05-10")
    future = imports.inspect(store, fill(template(store, "SKHCN", "2026-Q3"),
                                         {"1.1.1": 0.5}), "q3.xlsx")
    assert [p.code for p in future.problems] == ["period_not_started"]
    assert "01/07/2026" in future.problems[0].message

    running = imports.inspect(store, fill(template(store, "SKHCN", "2026-Q2"),
                                          {"1.1.1": 0.5}), "q2.xlsx")
    assert running.accepted
    assert [w.code for w in running.warnings] == ["estimate_period"]
    imports.commit(store, STAFF_SKHCN, running, at=datetime(2026, 5, 10, 9))
    row = status.gaps(store, "2026-Q2").set_index("code").loc["1.1.1"]
    assert bool(row["estimate"])
    gap_table = tables.gap_table(status.gaps(store, "2026-Q2"))
    text = exports.to_csv(gap_table).decode("utf-8-sig")
    assert "Ước thực hiện" in text.splitlines()[0]
    by_code = {r["Mã"]: r for r in csv.DictReader(io.StringIO(text))}
    assert by_code["1.1.1"]["Ước thực hiện"] == "Có"
    assert by_code["1.1.2"]["Ước thực hiện"] == ""  # no value, no estimate

    monkeypatch.setenv("NQ57_TODAY", "2026-08-01")  # the quarter ends; a final report
    final = imports.inspect(store, fill(template(store, "SKHCN", "2026-Q2"),
                                        {"1.1.1": 0.55}), "q2-cuoi.xlsx")
    assert final.accepted and final.warnings == ()
    imports.commit(store, STAFF_SKHCN, final, at=datetime(2026, 8, 1, 9))
    assert not bool(status.gaps(store, "2026-Q2").set_index("code").loc["1.1.1", "estimate"])


# --- formulas in the files the product writes -----------------------------------------

def history_with(store: Store, notes: list[str]) -> tables.Table:
    for n, note in enumerate(notes):
        data = fill(template(store, "SKHCN", "2026-Q3"), {"1.1.1": 0.5 + n / 100},
                    notes={"1.1.1": note}, evidence={"1.1.1": note})
        inspection = imports.inspect(store, data, f"{note[:10]}.xlsx")
        assert inspection.accepted, inspection.problems
        imports.commit(store, replace(STAFF_SKHCN, display_name=note), inspection)
    return tables.history_table(store.frame("revisions/history", item="1.1.1", unit=None))


def test_no_typed_text_becomes_a_formula_in_a_downloaded_workbook(store: Store):
    history = history_with(store, FORMULAS)
    book = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(history)))
    cells = [c for row in book.active.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert {f.strip() for f in FORMULAS} <= texts  # kept exactly as typed, as text
    with zipfile.ZipFile(io.BytesIO(exports.to_xlsx(history))) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()


def test_no_typed_text_starts_a_formula_in_a_downloaded_csv(store: Store):
    history = history_with(store, FORMULAS)
    rows = list(csv.reader(io.StringIO(exports.to_csv(history).decode("utf-8-sig"))))
    typed = [cell for row in rows[1:] for cell in row if "=" in cell or "SUM" in cell
             or "84" in cell]
    assert typed and all(cell.startswith("'") for cell in typed)
    values = [row[1] for row in rows[1:]]
    assert all(not v.startswith("'") for v in values)  # numbers stay numbers


def test_the_command_line_csv_writes_typed_text_as_text(store: Store):
    history_with(store, FORMULAS[:3])
    result = nq57("history", "1.1.1", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["note"] for r in rows} == {"'" + f for f in FORMULAS[:3]}
    # Who recorded it: the name the account shows, then the account; never a formula.
    assert {r["recorded_by"] for r in rows} == {f"'{f} ({STAFF_SKHCN.name})"
                                                for f in FORMULAS[:3]}
    as_json = json.loads(nq57("history", "1.1.1", "--format", "json").stdout)
    assert {r["note"] for r in as_json} == set(FORMULAS[:3])  # JSON is data, as typed


def test_infinity_is_never_printed_in_any_export():
    frame = pd.DataFrame({"period": ["2026-Q3", "2026-Q4"], "value": [math.inf, -math.inf],
                          "upload": [1, 2]})
    table = tables.Table("history", "Lịch sử", frame, (
        tables.Column("period"), tables.Column("value", "number", 2),
        tables.Column("upload", "integer")))
    assert "inf" not in exports.to_csv(table).decode("utf-8-sig").lower()
    book = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(table)))
    assert book.active["B2"].value is None and book.active["B3"].value is None
    assert [r["value"] for r in json.loads(output.render(frame, ["period", "value"],
                                                        "json"))] == [None, None]
    assert "inf" not in output.render(frame, ["value"], "csv").lower()
    assert "inf" not in output.render(frame, ["value"], "table").lower()


# --- Markdown ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", MARKDOWN + FORMULAS)
def test_escaped_text_renders_as_typed_with_no_link_or_image(text: str):
    escaped = untrusted.markdown_text(text)
    assert links_and_images(escaped) == []
    assert links_and_images(f"**Ghi chú**: {escaped}") == []


@pytest.mark.parametrize(("evidence", "link"), [
    ("https://vanban.dongnai.gov.vn/qd-12.pdf", True),
    ("http://vanban.dongnai.gov.vn/a b", False),
    ("javascript:alert(1)", False),
    ("data:text/html,<b>x</b>", False),
    ("//lua-dao.example", False),
    ("Quyết định số 12/QĐ-UBND", False),
    ("https://x.example/a)](https://lua-dao.example", True),
])
def test_evidence_is_a_link_only_when_it_is_http(evidence: str, link: bool):
    url = untrusted.safe_link(evidence)
    assert (url is not None) == link
    if url:
        assert "(" not in url and ")" not in url and " " not in url


def test_many_unreadable_url_parameters_make_one_notice():
    choices = viewstate.Choices(periods=["2026-Q3"], default_period="2026-Q3", units=["SNV"],
                                groups=["1.1"])
    params = {f"p{n}": ["x"] for n in range(300)} | {"unit": [f"U{n}" for n in range(300)]}
    _, notices = viewstate.read_filters(params, choices)
    assert len(notices) == 600
    notice = viewstate.one_notice(notices)
    assert notice is not None and "600 tham số" in notice and len(notice) < 600


def test_problem_messages_quote_a_file_name_that_is_markdown_as_text(store: Store):
    inspection = imports.inspect(store, b"PK\x03\x04 not really", "[bấm](http://x.example).xlsx")
    (found,) = inspection.problems
    assert isinstance(found, Problem) and "[bấm](http://x.example)" in found.message
    assert links_and_images(untrusted.markdown_text(found.message)) == []
