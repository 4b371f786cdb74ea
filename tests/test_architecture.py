"""Boundaries a reviewer would otherwise have to check by eye."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "nq57"
FORBIDDEN_IN_CORE = ("streamlit", "ui")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_the_core_never_imports_streamlit_or_the_ui_layer():
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imports(path) & set(FORBIDDEN_IN_CORE))
        for path in CORE.rglob("*.py")
        if _imports(path) & set(FORBIDDEN_IN_CORE)
    }
    assert offenders == {}


SQL_KEYWORDS = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b\s+(\*|\w+\s+(FROM|INTO)|FROM|INTO)")


def test_pages_and_ui_hold_no_sql():
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("views", "ui")
        for path in (ROOT / folder).rglob("*.py")
        if SQL_KEYWORDS.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_core_public_functions_have_type_hints():
    missing = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                args = [a for a in node.args.args + node.args.kwonlyargs
                        if a.arg not in ("self", "cls")]
                if node.returns is None or any(a.annotation is None for a in args):
                    missing.append(f"{path.relative_to(ROOT)}:{node.name}")
    assert missing == []


def test_no_pages_folder_beside_the_app():
    # A pages/ folder makes Streamlit's first run after start use its legacy
    # multipage mode, which breaks shared links (ui/page_list.py says more).
    assert not (ROOT / "pages").exists()
