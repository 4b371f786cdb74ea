"""Text that people typed (notes, names, evidence, file names, URL parameters, cells)
is data: it must never become a spreadsheet formula, a Markdown link or image, or a
number it only looks like.

Every file the product writes and every page that echoes such text goes through these
functions, so each rule is stated and tested once:

- spreadsheet_text / write_text: a CSV or openpyxl cell that no spreadsheet will run;
- markdown_text: text shown inside Markdown (Streamlit notices) exactly as typed;
- odd_characters / visible / plain: digits are ASCII digits only; invisible and
  look-alike characters are refused by name, never printed invisibly;
- safe_link: an evidence link is a link only when it is http(s).
"""

from __future__ import annotations

import re
import string
import unicodedata
from typing import Any
from urllib.parse import quote, urlsplit

from nq57 import labels

# A cell starting with one of these may be run as a formula by Excel or LibreOffice
# (OWASP: CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet take this text for a formula?"""
    return text.startswith(FORMULA_TRIGGERS)


def spreadsheet_text(text: str) -> str:
    """Text as a CSV cell that no spreadsheet will run: a leading apostrophe, the mark
    spreadsheets themselves use for 'this is text', before anything formula-like."""
    return "'" + text if is_formula_like(text) else text


def write_text(cell: Any, text: str) -> None:
    """Put text into an openpyxl cell as a string, never a formula: openpyxl turns any
    str starting with '=' into a formula unless the cell's type is forced."""
    cell.value = text
    cell.data_type = "s"


def write_value(cell: Any, value: object) -> None:
    """Put a value into an openpyxl cell: text through write_text, the rest as is."""
    if isinstance(value, str):
        write_text(cell, value)
    else:
        cell.value = value


# --- Markdown --------------------------------------------------------------------

# CommonMark lets a backslash escape any ASCII punctuation, which stops links, images,
# emphasis, headings, HTML and Streamlit's own ":red[…]" and "$…$" syntax. GFM's
# autolinks ("https://…", "www.…", "a@b.vn") are found later, in the text that remains
# after escapes are resolved, so a word joiner (U+2060, invisible, no width) is put
# where each would start: "http:⁠//", "www⁠.", "@⁠".
_MARKDOWN_ESCAPES = str.maketrans({c: "\\" + c for c in string.punctuation})
_AUTOLINK_STARTS = re.compile(r"(?<=:)(?=//)|(?i:(?<=www)(?=\.))|(?<=@)")
WORD_JOINER = "\u2060"


def markdown_text(text: object) -> str:
    """Text that renders exactly as typed inside Markdown: no link, image, emphasis,
    heading, HTML or formula can come out of it (GFM autolinks included)."""
    return _AUTOLINK_STARTS.sub(WORD_JOINER, str(text)).translate(_MARKDOWN_ESCAPES)


def safe_link(text: object) -> str | None:
    """The address of an evidence link if it is an http(s) URL with a host, encoded so
    that it cannot break out of a Markdown link; None for anything else."""
    raw = str(text or "").strip()
    if not raw or any(ch.isspace() for ch in raw) or odd_characters(raw):
        return None
    try:
        parts = urlsplit(raw)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return quote(raw, safe="/:?#[]@!$&'*+,;=%-._~").replace("(", "%28").replace(")", "%29")


def link_host(url: str) -> str:
    """The host a link leads to, as its label says ('vanban.dongnai.gov.vn')."""
    return urlsplit(url).hostname or url


# --- characters that are not what they seem -------------------------------------

ASCII_DIGITS = frozenset("0123456789")


def _describe(ch: str) -> str | None:
    """Why a character is odd, in words, or None if it is an ordinary one."""
    code = f"U+{ord(ch):04X}"
    names = labels.ODD_CHARACTERS
    category = unicodedata.category(ch)
    if ch in ASCII_DIGITS or (ch.isascii() and category != "Cc"):
        return None
    name = unicodedata.name(ch, "")
    if category in ("Cf", "Zl", "Zp") or ch in "\u115f\u1160\u3164\uffa0":
        return names["invisible"].format(code=code)
    if category == "Cc":
        return names["control"].format(code=code)
    if category == "Co" or category == "Cn" or category == "Cs":
        return names["unknown"].format(code=code)
    if 0xFF01 <= ord(ch) <= 0xFF5E:
        if unicodedata.digit(ch, None) is not None:
            return names["fullwidth_digit"].format(ch=ch, code=code)
        return names["fullwidth"].format(ch=ch, code=code)
    if unicodedata.numeric(ch, None) is not None:
        if "SUPERSCRIPT" in name:
            return names["superscript"].format(ch=ch, code=code)
        if "SUBSCRIPT" in name:
            return names["subscript"].format(ch=ch, code=code)
        if unicodedata.digit(ch, None) is not None:
            return names["other_digit"].format(ch=ch, code=code)
        return names["number_sign"].format(ch=ch, code=code)
    if name.startswith(("CYRILLIC", "GREEK")) or "MATHEMATICAL" in name:
        return names["lookalike"].format(ch=ch, code=code)
    return None


def odd_characters(text: str) -> list[str]:
    """Each character of `text` that is not what it looks like, described once: digits
    that are not ASCII digits (full-width, superscript, other scripts), invisible and
    control characters, look-alike letters. Spaces of any width are ordinary."""
    found: dict[str, str] = {}
    for ch in str(text):
        if ch in found or (ch.isspace() and unicodedata.category(ch) == "Zs"):
            continue
        described = _describe(ch)
        if described is not None:
            found[ch] = described
    return list(found.values())


def visible(text: str, limit: int = 60) -> str:
    """The text for a message: each invisible or control character shown as ⟨U+200B⟩,
    cut at `limit` characters."""
    shown = "".join(
        f"⟨U+{ord(ch):04X}⟩" if unicodedata.category(ch) in ("Cf", "Cc", "Zl", "Zp", "Cn",
                                                                "Co", "Cs")
        else ch for ch in str(text))
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


class OddCharacters(ValueError):
    """Text with characters that are not what they seem; the message names them."""

    def __init__(self, text: str, found: list[str], what: str = "") -> None:
        self.text, self.found = text, found
        super().__init__(labels.ODD_CHARACTERS["message"].format(
            what=what or labels.ODD_CHARACTERS["what_text"], text=visible(text),
            chars="; ".join(found)))


def plain(text: str, what: str = "") -> str:
    """The text itself if every character is what it seems, else OddCharacters. The one
    rule for values, codes, periods and settings: only ASCII digits are digits."""
    found = odd_characters(text)
    if found:
        raise OddCharacters(text, found, what)
    return text
