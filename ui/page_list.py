"""The dashboard's pages as data: app.py builds its navigation from this list, and the
browser journeys, AppTest checks and benchmarks iterate over it, so a page added here
is served, screenshotted, rendered and timed everywhere.

The page scripts live in views/, not pages/: when a pages/ folder sits beside the
app, Streamlit's first run after a start takes it for its legacy multipage app, so a
shared link (/theo-don-vi?unit=SNV) opened on a freshly started server ends in
"Page not found" instead of the page. tests/test_architecture.py keeps the folder
away and a browser journey opens a deep link on a fresh server."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nq57 import labels


@dataclass(frozen=True)
class PageSpec:
    script: str  # relative to the project root, as st.Page takes it
    title: str
    icon: str
    url_path: str
    default: bool = False

    @property
    def slug(self) -> str:
        return self.url_path or Path(self.script).stem

    @property
    def path(self) -> str:
        """Where the browser finds it: the default page lives at the root."""
        return "" if self.default else self.url_path


PAGES: tuple[PageSpec, ...] = (
    PageSpec("views/overview.py", labels.PAGE_TITLES["overview"], ":material/dashboard:",
             "tong-quan", default=True),
    PageSpec("views/by_group.py", labels.PAGE_TITLES["by_group"], ":material/category:",
             "theo-nhom"),
    PageSpec("views/by_unit.py", labels.PAGE_TITLES["by_unit"], ":material/apartment:",
             "theo-don-vi"),
    PageSpec("views/target_detail.py", labels.PAGE_TITLES["target_detail"],
             ":material/search:", labels.DETAIL_PAGE_PATH),
    PageSpec("views/tasks.py", labels.PAGE_TITLES["tasks"], ":material/checklist:",
             "nhiem-vu"),
    PageSpec("views/data_entry.py", labels.UPLOAD_PAGE_TITLE, ":material/upload_file:",
             labels.UPLOAD_PAGE_PATH),
    PageSpec("views/review.py", labels.PAGE_TITLES["review"], ":material/fact_check:",
             labels.REVIEW_PAGE_PATH),
    PageSpec("views/briefing.py", labels.PAGE_TITLES["briefing"], ":material/summarize:",
             labels.BRIEFING_PAGE_PATH),
)
