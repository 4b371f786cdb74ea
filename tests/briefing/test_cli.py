"""python -m nq57 briefing as a person runs it: a real process, a real database file,
the format taken from the file name, Vietnamese messages and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from nq57 import labels
from nq57.db import Store
from tests.briefing.samples import docx_text, flat, pdf_pages, workbook
from tests.test_cli import nq57

TEXTS = labels.BRIEFING_CLI


def test_a_pdf_for_two_units_with_a_user(demo_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.pdf"
    result = nq57("briefing", "--period", "Quý III/2026", "--unit", "snv", "--unit", "CAT",
                  "--as-of", "2026-11-23", "--user", "lanhdao.thu", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == TEXTS["written"].format(
        path=out, scope="Sở Nội vụ, Công an tỉnh", period="Quý III/2026")
    text = flat(" ".join(pdf_pages(out.read_bytes(), tmp_path)))
    assert "Quý III/2026 — Sở Nội vụ, Công an tỉnh" in text
    assert "Đồng Nai, ngày 23 tháng 11 năm 2026" in text


def test_a_user_named_must_be_an_account(demo_store: Store, tmp_path: Path) -> None:
    result = nq57("briefing", "--period", "2026-Q3", "--user", "Nguyễn Văn A", "-o",
                  str(tmp_path / "r.pdf"))
    assert result.returncode == 1
    assert "Không có tài khoản «Nguyễn Văn A»" in result.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_word_and_excel_by_their_extension(demo_store: Store, tmp_path: Path) -> None:
    for name in ("r.DOCX", "r.xlsx"):
        result = nq57("briefing", "--period", "2026-Q3", "--group", "1.5", "-o",
                      str(tmp_path / name))
        assert result.returncode == 0, result.stderr
    assert docx_text((tmp_path / "r.DOCX").read_bytes())["parts"][0] == "I. Kết quả đạt được"
    book = workbook((tmp_path / "r.xlsx").read_bytes())
    sheet = book[labels.BRIEFING_SHEETS["appendix_targets"]]
    assert sum(1 for r in sheet.iter_rows(values_only=True)
               if str(r[0]).startswith("1.5.")) == 30


@pytest.mark.parametrize(("target", "message"), [
    ("bao-cao.txt", "bad_extension"),
    ("khong-co/bao-cao.pdf", "no_folder"),
    (".", "is_folder"),
])
def test_an_output_that_cannot_be_written_is_a_usage_error(store: Store, tmp_path: Path,
                                                           target: str, message: str) -> None:
    path = tmp_path / target
    result = nq57("briefing", "--period", "2026-Q3", "-o", str(path))
    assert result.returncode == 2
    first_words = TEXTS[message].split("{")[0] or TEXTS[message].split("}")[1][:12]
    assert first_words.strip() in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".duckdb"
                  and not p.name.startswith("nq57")) == []


def test_unknown_codes_are_refused(store: Store, tmp_path: Path) -> None:
    unknown_unit = nq57("briefing", "--period", "2026-Q3", "--unit", "XYZ", "-o",
                        str(tmp_path / "a.pdf"))
    assert unknown_unit.returncode == 1 and "Không có đơn vị mã «XYZ»" in unknown_unit.stderr
    unknown_period = nq57("briefing", "--period", "2031-Q1", "-o", str(tmp_path / "a.pdf"))
    assert unknown_period.returncode == 1 and "Không có kỳ báo cáo" in unknown_period.stderr
    assert not (tmp_path / "a.pdf").exists()
