"""NQ57 Đồng Nai: the page list and the shared sidebar, nothing else."""

import streamlit as st

from nq57 import labels
from nq57.db import StoreBusy
from ui import data, filters

st.set_page_config(page_title=labels.APP_TITLE, page_icon="📊", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="Tổng quan", icon="🏠", url_path="tong-quan",
            default=True),
]

page = st.navigation(PAGES)
st.sidebar.title(labels.APP_TITLE)
st.sidebar.caption(labels.APP_SUBTITLE)
try:
    st.session_state["filters"] = filters.sidebar()
    if data.demo_present():
        st.warning(labels.MESSAGES["demo_banner"], icon="🧪")
    page.run()
except StoreBusy as busy:  # another process holds the file longer than we wait
    st.error(str(busy), icon="⏳")
