"""Chưa được cấp quyền: single sign-on said who this is, but no account here has
that e-mail. Nothing of the dashboard is shown."""

import streamlit as st

from nq57 import labels
from ui import auth

T = labels.AUTH_PAGE

st.title(T["no_access_title"])
st.warning(T["no_access_text"], icon=":material/block:")
st.text(auth.no_access_message() or "")
if st.button(T["no_access_sign_out"], icon=":material/logout:"):
    st.logout()
