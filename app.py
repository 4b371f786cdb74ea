"""NQ57 Đồng Nai: the page list and the shared sidebar, nothing else."""

import streamlit as st

from nq57 import labels
from nq57.db import StoreBusy
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
except StoreBusy as busy:  # another process holds the file longer than we wait
    st.error(str(busy), icon=":material/hourglass_top:")
