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

from nq57 import labels, policy


@dataclass(frozen=True)
class PageSpec:
    script: str  # relative to the project root, as st.Page takes it
    title: str
    icon: str
    url_path: str
    default: bool = False
    # What an account must be allowed to do (somewhere) to see the page in the menu;
    # the page checks again, and the core checks every write.
    action: str = policy.READ

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
    PageSpec("views/briefing.py", labels.PAGE_TITLES["briefing"], ":material/summarize:",
             labels.BRIEFING_PAGE_PATH, action=policy.DOWNLOAD),
    PageSpec("views/reporting.py", labels.UPLOAD_PAGE_TITLE, ":material/upload_file:",
             labels.UPLOAD_PAGE_PATH, action=policy.REPORT),
    PageSpec("views/upload_history.py", labels.PAGE_TITLES["upload_history"],
             ":material/history:", "lich-su-nhap"),
    PageSpec("views/review.py", labels.PAGE_TITLES["review"], ":material/fact_check:",
             labels.REVIEW_PAGE_PATH, action=policy.REVIEW_EVIDENCE),
    PageSpec("views/audit_log.py", labels.PAGE_TITLES["audit_log"], ":material/policy:",
             "nhat-ky", action=policy.READ_AUDIT),
    PageSpec("views/admin_accounts.py", labels.PAGE_TITLES["admin_accounts"],
             ":material/manage_accounts:", "tai-khoan", action=policy.MANAGE_ACCOUNTS),
    PageSpec("views/admin_catalogue.py", labels.PAGE_TITLES["admin_catalogue"],
             ":material/tune:", "sua-danh-muc", action=policy.EDIT_CATALOGUE),
    PageSpec("views/admin_units.py", labels.PAGE_TITLES["admin_units"],
             ":material/account_tree:", "don-vi", action=policy.EDIT_UNITS),
)

# Shown instead of the menu when nobody is signed in (and reading without signing in
# is off), or when single sign-on names an e-mail that has no account here.
SIGN_IN_PAGE = PageSpec("views/sign_in.py", labels.PAGE_TITLES["sign_in"], ":material/login:",
                        "dang-nhap")
NO_ACCESS_PAGE = PageSpec("views/no_access.py", labels.PAGE_TITLES["no_access"],
                          ":material/block:", "khong-co-quyen")


def pages_for(actor: policy.Actor) -> list[PageSpec]:
    """The pages an account may use, in menu order."""
    return [spec for spec in PAGES if policy.allowed_somewhere(actor, spec.action)]
