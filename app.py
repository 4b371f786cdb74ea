"""NQ57 Đồng Nai: the page list and the shared sidebar, nothing else.

Every page runs inside one error boundary: a store that cannot answer (busy, damaged,
disk full) says so in Vietnamese; anything unexpected shows a short incident id and
leaves its traceback in the server log. Streamlit's own control flow (st.stop,
st.rerun, st.switch_page) raises BaseException, not Exception, and passes through.
"""

import streamlit as st

from nq57 import labels
from nq57.db import StoreProblem
from ui import data, filters, nav, widgets
from ui.page_list import PAGES

st.set_page_config(page_title=labels.APP_TITLE, page_icon=":material/monitoring:",
                   layout="wide")

page = nav.navigation([
    st.Page(spec.script, title=spec.title, icon=spec.icon, url_path=spec.url_path,
            default=spec.default)
    for spec in PAGES
])
widgets.vietnamese_builtins()
st.sidebar.title(labels.APP_TITLE)
st.sidebar.caption(labels.APP_SUBTITLE)
try:
    st.session_state["filters"] = filters.sidebar()
    if data.demo_present():
        st.warning(labels.MESSAGES["demo_banner"], icon=":material/science:")
    page.run()
except StoreProblem as problem:  # busy for too long, damaged file, disk full
    widgets.store_problem(problem)
except Exception as exc:  # a bug: a Vietnamese notice here, the traceback in the log
    widgets.incident(exc, page.url_path)
