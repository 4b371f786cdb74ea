"""Evidence a reviewer reads in place: the first pages of a PDF drawn as PNG images by
poppler's pdftoppm (a separate program, given the file, never a shell). Nothing here
renders HTML; Office documents are downloaded."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

PAGES = 3
DPI = 70
TIMEOUT = 30.0


def pdf_pages(data: bytes, *, pages: int = PAGES, dpi: int = DPI,
              timeout: float = TIMEOUT) -> list[bytes]:
    """The first `pages` pages as PNG images; [] when pdftoppm is absent or the PDF
    cannot be drawn (the reviewer then downloads it)."""
    program = shutil.which("pdftoppm")
    if program is None:
        return []
    with tempfile.TemporaryDirectory(prefix="nq57-pdf-") as folder:
        source = Path(folder) / "evidence.pdf"
        source.write_bytes(data)
        try:
            subprocess.run([program, "-png", "-r", str(dpi), "-f", "1", "-l", str(pages),
                            str(source), str(Path(folder) / "page")],
                           capture_output=True, timeout=timeout, check=True)
        except (subprocess.SubprocessError, OSError):
            return []
        return [path.read_bytes() for path in sorted(Path(folder).glob("page*.png"))]
