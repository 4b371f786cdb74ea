"""NQ57 Đồng Nai: the page list and the shared sidebar, nothing else."""

import streamlit as st

from nq57 import labels
from nq57.db import StoreBusy
from ui import data, filters, nav

st.set_page_config(page_title=labels.APP_TITLE, page_icon=":material/monitoring:",
                   layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="Tổng quan", icon=":material/dashboard:",
            url_path="tong-quan", default=True),
    st.Page("pages/by_group.py", title=labels.PAGE_TITLES["by_group"],
            icon=":material/category:", url_path="theo-nhom"),
    st.Page("pages/by_unit.py", title=labels.PAGE_TITLES["by_unit"],
            icon=":material/apartment:", url_path="theo-don-vi"),
    st.Page("pages/target_detail.py", title=labels.PAGE_TITLES["target_detail"],
            icon=":material/search:", url_path=labels.DETAIL_PAGE_PATH),
    st.Page("pages/tasks.py", title=labels.PAGE_TITLES["tasks"],
            icon=":material/checklist:", url_path="nhiem-vu"),
    st.Page("pages/data_entry.py", title="Nhập số liệu", icon=":material/upload_file:",
            url_path="nhap-so-lieu"),
]

page = nav.navigation(PAGES)
st.sidebar.title(labels.APP_TITLE)
st.sidebar.caption(labels.APP_SUBTITLE)
try:
    st.session_state["filters"] = filters.sidebar()
    if data.demo_present():
        st.warning(labels.MESSAGES["demo_banner"], icon=":material/science:")
    page.run()
except StoreBusy as busy:  # another process holds the file longer than we wait
    st.error(str(busy), icon=":material/hourglass_top:")
