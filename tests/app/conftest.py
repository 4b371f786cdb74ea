"""Pages run by Streamlit's AppTest against the test's own database file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import streamlit as st
from apptools import ACCOUNT_PAGES, APP, PAGES, USERS, Opener, sign_in
from streamlit.testing.v1 import AppTest


@pytest.fixture
def open_page() -> Iterator[Opener]:
    """open_page("by_unit", unit="SNV"): a new session on that page, its URL carrying
    the parameters, signed in as a viewer (as_="admin", "staff", …, or None for nobody),
    run once. Caches are emptied so the session sees this test's file."""
    st.cache_data.clear()
    st.cache_resource.clear()

    def open_(page: str = "overview", as_: str | None = "viewer",
              **params: str | list[str]) -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=30)
        if as_ is not None:
            sign_in(at, USERS.get(as_, as_))
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        if page != "overview":
            at.switch_page({**PAGES, **ACCOUNT_PAGES}[page]).run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    yield open_
    st.cache_data.clear()
    st.cache_resource.clear()
