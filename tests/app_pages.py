"""The dashboard's pages (ui.page_list), for the tests and benchmarks that visit each."""

from __future__ import annotations

from ui.page_list import PAGES, PageSpec

AppPage = PageSpec


def app_pages() -> list[PageSpec]:
    """Every page the app serves, in menu order."""
    return list(PAGES)
