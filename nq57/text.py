"""Comparing what people type: case, diacritics and spacing should not matter."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """'  Mã  CHỈ tiêu ' -> 'ma chi tieu': lower case, no diacritics, single spaces."""
    decomposed = unicodedata.normalize("NFD", str(text))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return _SPACES.sub(" ", stripped).strip().lower()


def compact(text: str) -> str:
    """fold() without any spaces or punctuation: 'Mã chỉ-tiêu' -> 'machitieu'."""
    return re.sub(r"[^0-9a-z]", "", fold(text))


def nfc(text: str) -> str:
    """Composed Unicode, the form fonts and comparisons expect."""
    return unicodedata.normalize("NFC", text)
