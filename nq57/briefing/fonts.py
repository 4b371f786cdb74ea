"""Fonts for the PDF: a serif face with Vietnamese letters for the text (Liberation
Serif has the metrics of Times New Roman, which administrative documents use), and
DejaVu Sans for the status symbols (✔ ➜ ▼ ⚠ ○ ◷) the serif faces lack."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nq57 import labels

FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")

# Regular, bold, italic, bold italic: the first family found complete is used.
FAMILIES: tuple[tuple[str, str, str, str], ...] = (
    ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
     "LiberationSerif-BoldItalic.ttf"),
    ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
     "DejaVuSerif-BoldItalic.ttf"),
    ("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
     "NotoSerif-BoldItalic.ttf"),
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
     "DejaVuSans-BoldOblique.ttf"),
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
     "NotoSans-BoldItalic.ttf"),
)
SYMBOLS = "DejaVuSans.ttf"


class FontMissing(RuntimeError):
    """No font with Vietnamese letters was found for the PDF."""


@dataclass(frozen=True)
class Fonts:
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path
    symbols: Path | None  # None: status symbols are left out, words stay


# Letters a font must have to print Vietnamese (older releases of some families lack
# the precomposed ones; the PDF would then mix in another face letter by letter).
VIETNAMESE = "ẢảẮắẶặẦầẪẫỀềỂểỄễỆệỈỉỊịỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹĐđƠơƯư"


def covers(path: Path, text: str) -> bool:
    """Does the font file have a glyph for every character of `text`?"""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    try:
        with TTFont(str(path), lazy=True) as font:
            cmap = font.getBestCmap() or {}
    except Exception:  # an unreadable font file is simply not a candidate
        return False
    return all(ord(c) in cmap for c in text)


def _find(name: str, needed: str = VIETNAMESE) -> Path | None:
    for folder in FOLDERS:
        if folder.is_dir():
            for found in sorted(folder.rglob(name)):
                if covers(found, needed):
                    return found
    return None


_FOUND: list[Fonts] = []


def find() -> Fonts:
    """The first complete family of FAMILIES and the symbol font (found once)."""
    if _FOUND:
        return _FOUND[0]
    for family in FAMILIES:
        paths = [_find(name) for name in family]
        if all(paths):
            regular, bold, italic, bold_italic = (p for p in paths if p is not None)
            fonts = Fonts(regular, bold, italic, bold_italic,
                          _find(SYMBOLS, "".join(labels.STATUS_SYMBOLS.values())))
            _FOUND.append(fonts)
            return fonts
    raise FontMissing(labels.BRIEFING_TEXTS["font_missing"])
