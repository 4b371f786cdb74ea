"""The briefing report: a Vietnamese administrative report (Nghị định 30/2020/NĐ-CP
layout) generated from the data, as PDF, Word or Excel.

    model.build(store, scope, actor=…)   the facts, built once (inputs.py reads them)
    outline.outline(briefing)            the same facts in words: parts of blocks
    pdf / word / workbook .render(doc)   one renderer per format

`render(briefing, "pdf")` does the last two steps.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from nq57 import labels
from nq57.briefing import model, outline, pdf, word, workbook
from nq57.briefing.inputs import Scope
from nq57.briefing.model import Briefing, build
from nq57.text import fold

# File extension -> the renderer that writes it.
RENDERERS: dict[str, ModuleType] = {"pdf": pdf, "docx": word, "xlsx": workbook}
FORMATS: tuple[str, ...] = tuple(RENDERERS)


def mime(fmt: str) -> str:
    return str(RENDERERS[fmt].MIME)


def render(briefing: Briefing, fmt: str) -> bytes:
    """The briefing as a file: 'pdf', 'docx' or 'xlsx'."""
    renderer: Callable[[outline.Document], bytes] = RENDERERS[fmt].render
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
