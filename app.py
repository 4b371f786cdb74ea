"""NQ57 Đồng Nai: who is signed in, the pages they may use, the shared sidebar.

Every page runs inside one error boundary: a store that cannot answer (busy, damaged,
disk full) says so in Vietnamese; anything unexpected shows a short incident id and
leaves its traceback in the server log. Streamlit's own control flow (st.stop,
st.rerun, st.switch_page) raises BaseException, not Exception, and passes through.
"""

import streamlit as st

from nq57 import labels, policy
from nq57.db import StoreProblem
from ui import auth, data, filters, nav, widgets
from ui.page_list import NO_ACCESS_PAGE, PAGES, SIGN_IN_PAGE, PageSpec, pages_for

st.set_page_config(page_title=labels.APP_TITLE, page_icon=":material/monitoring:",
                   layout="wide")


def _page(spec: PageSpec, *, default: bool | None = None) -> st.Page:
    return st.Page(spec.script, title=spec.title, icon=spec.icon, url_path=spec.url_path,
                   default=spec.default if default is None else default)


try:
    signed_in = auth.current_actor()
    reader = signed_in or (policy.ANONYMOUS if data.anonymous_read() else None)
    st.session_state[auth.ACTOR] = reader
    # A link to a page this reader may not use still opens that page: it asks for a
    # sign-in (or says no) in place, so the link works once signed in.
    asked = [spec for spec in PAGES if spec.url_path == nav.requested_path()]
    if auth.no_access_message() is not None:
        pages = [_page(NO_ACCESS_PAGE, default=True)]
    elif reader is None:
        pages = [_page(SIGN_IN_PAGE, default=True)] + [_page(s) for s in asked
                                                        if not s.default]
    else:
        specs = pages_for(reader)
        specs += [s for s in asked if s not in specs]
        specs += [SIGN_IN_PAGE] if signed_in is None else []
        pages = [_page(spec) for spec in specs]
    page = nav.navigation(pages)
    widgets.vietnamese_builtins()
    st.sidebar.title(labels.APP_TITLE)
    st.sidebar.caption(labels.APP_SUBTITLE)
    auth.sidebar(signed_in)
    if reader is not None:
        st.session_state["filters"] = filters.sidebar()
        if data.demo_present():
            st.warning(labels.MESSAGES["demo_banner"], icon=":material/science:")
    if reader is None and page.title != SIGN_IN_PAGE.title:
        auth.sign_in_required()  # nothing of the page runs before a sign-in
    else:
        page.run()
except StoreProblem as problem:  # busy for too long, damaged file, disk full
    widgets.store_problem(problem)
except Exception as exc:  # a bug: a Vietnamese notice here, the traceback in the log
    widgets.incident(exc, nav.requested_path() or "")
