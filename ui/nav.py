"""The pages that exist, links between them, and the address of the current view.

Links go through here so that a page that is not installed (the data-entry page is
optional) turns into plain words instead of an error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlencode, urlsplit

import streamlit as st
from streamlit.navigation.page import StreamlitPage

_PAGES = "_nav_pages"
_CURRENT = "_nav_current"


def navigation(pages: Sequence[StreamlitPage]) -> StreamlitPage:
    """st.navigation, remembering the pages so other pages can link to them. The menu
    is always shown whole: an administrator's pages must not hide behind "View more"."""
    page = st.navigation(list(pages), expanded=True)
    st.session_state[_PAGES] = {p.url_path: p for p in pages}
    st.session_state[_CURRENT] = page.url_path
    return page


def has_page(url_path: str) -> bool:
    return url_path in st.session_state.get(_PAGES, {})


def link(url_path: str, label: str | None = None, *, icon: str | None = None,
         query_params: Mapping[str, str | list[str]] | None = None) -> bool:
    """A link to the page at `url_path`; False (and nothing shown) if there is none."""
    page = st.session_state.get(_PAGES, {}).get(url_path)
    if page is None:
        return False
    st.page_link(page, label=label or page.title, icon=icon,
                 query_params=dict(query_params) if query_params else None)
    return True


def query_string() -> str:
    """The current query parameters, encoded, repeated keys kept."""
    pairs = [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]
    return urlencode(pairs)


def share_url() -> str:
    """The full address of the current page with its filters, to copy and send.

    st.context.url is the browser's address without its query; before the browser
    has told us (or in tests) the page's own path stands in."""
    base = st.context.url or "/" + st.session_state.get(_CURRENT, "")
    query = query_string()
    return f"{base}?{query}" if query else base


def requested_path() -> str | None:
    """The page the browser's address asks for (its last path segment), once the
    browser has told us; None for the root or before that."""
    url = st.context.url
    if not isinstance(url, str):
        return None
    path = urlsplit(url).path.rstrip("/")
    return path.rsplit("/", 1)[-1] or None
