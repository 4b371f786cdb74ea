"""Typed text never becomes a formula in a file the product writes."""

import pytest

from nq57.untrusted import is_formula_like, spreadsheet_text


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)",
                                  "\tx", "\rx"])
def test_formula_like_text_is_neutralised(text: str):
    assert is_formula_like(text)
    assert spreadsheet_text(text) == "'" + text


@pytest.mark.parametrize("text", ["Báo cáo số 12", "85,5", "", "a=b"])
def test_ordinary_text_is_left_alone(text: str):
    assert spreadsheet_text(text) == text
