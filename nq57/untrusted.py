"""Text that people typed (notes, names, evidence, file names, URL parameters) is data:
it must never become a spreadsheet formula or a link it was not meant to be.

Every file the product writes and every page that echoes such text goes through these
functions, so the rule is stated and tested once.
"""

from __future__ import annotations

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
