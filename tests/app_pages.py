"""The dashboard's pages, read from the st.Page(...) calls in app.py.

Browser journeys, AppTest checks and benchmarks iterate over this list, so a page
added to app.py is screenshotted, rendered and timed without touching them.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"


@dataclass(frozen=True)
class AppPage:
    script: str  # path relative to the project, as st.Page gets it
    title: str
    url_path: str
    default: bool = False

    @property
    def slug(self) -> str:
        return self.url_path or Path(self.script).stem

    @property
    def path(self) -> str:
        """Where the browser finds it: the default page lives at the root, whatever its
        url_path (Streamlit answers "Page not found" at /<url_path> of the default)."""
        return "" if self.default else self.url_path


def _is_st_page(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "Page" and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "st")


def app_pages(app: Path = APP) -> list[AppPage]:
    """Every page app.py declares, in the order written. Arguments must be literals."""
    calls = sorted((node for node in ast.walk(ast.parse(app.read_text(encoding="utf-8")))
                    if _is_st_page(node)), key=lambda n: (n.lineno, n.col_offset))
    pages = []
    for node in calls:
        assert isinstance(node, ast.Call)
        script = ast.literal_eval(node.args[0])
        options = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}
        pages.append(AppPage(
            script=script,
            title=options.get("title", Path(script).stem),
            url_path=options.get("url_path", Path(script).stem),
            default=bool(options.get("default", False)),
        ))
    return pages
