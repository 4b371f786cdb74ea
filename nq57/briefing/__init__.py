"""The briefing report: a Vietnamese administrative report (Nghị định 30/2020/NĐ-CP
layout) generated from the data, as PDF, Word or Excel.

    model.build(store, scope, actor=…)   the facts, built once (inputs.py reads them)
    outline.outline(briefing)            the same facts in words: parts of blocks
    pdf / word / workbook .render(doc)   one renderer per format

`render(briefing, "pdf")` does the last two steps.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from nq57 import labels
from nq57.briefing import model, outline
from nq57.briefing.inputs import Scope
from nq57.briefing.model import Briefing, build
from nq57.text import fold

# File extension -> the module that writes it (imported when first used: matplotlib,
# fpdf2 and python-docx stay out of every other command and page).
RENDERERS: dict[str, str] = {"pdf": "nq57.briefing.pdf", "docx": "nq57.briefing.word",
                             "xlsx": "nq57.briefing.workbook"}
FORMATS: tuple[str, ...] = tuple(RENDERERS)
MIMES: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def mime(fmt: str) -> str:
    return MIMES[fmt]


def render(briefing: Briefing, fmt: str) -> bytes:
    """The briefing as a file: 'pdf', 'docx' or 'xlsx'."""
    renderer: Callable[[outline.Document], bytes] = importlib.import_module(
        RENDERERS[fmt]).render
    return renderer(outline.outline(briefing))


def file_name(scope: Scope, fmt: str) -> str:
    """'bao-cao-2026-Q3-toan-tinh.pdf', 'bao-cao-2026-Q3-SNV-nhom-1.5.docx': the scope's
    codes, so ASCII file names that survive every mail client."""
    parts = [fold(labels.BRIEFING_SCOPE["province"]).replace(" ", "-")] if scope.province else []
    parts += [u for u in scope.units if u.replace("_", "").isalnum()][:5]
    if scope.group:
        parts.append(f"nhom-{scope.group}")
    return f"bao-cao-{scope.period}-{'-'.join(parts)}.{fmt}"


__all__ = ["FORMATS", "Briefing", "Scope", "build", "file_name", "mime", "model", "render"]
