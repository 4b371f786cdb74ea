"""Đăng nhập: a name and a password (or the organisation's single sign-on), and, on a
database holding demo data, the demo accounts of each role."""

import pandas as pd
import streamlit as st

from nq57 import accounts, labels, policy
from ui import auth, data

T = labels.AUTH_PAGE

st.title(T["title"])
st.caption(T["intro"])
said = auth.notice()
if said:
    st.info(said, icon=":material/info:")

who = auth.actor()
if who is not None and who is not policy.ANONYMOUS:
    st.text(T["who_line"].format(label=who.label, name=who.name))
    st.stop()

auth.sign_in_form()

if accounts.first_admin_allowed(data.store()):
    st.info(T["first_admin"], icon=":material/admin_panel_settings:")
    st.code(T["first_admin_command"], language="bash", wrap_lines=True)

demo = accounts.demo_accounts_present(data.store())
if demo:
    st.subheader(T["demo_title"])
    st.caption(T["demo_caption"])
    st.dataframe(pd.DataFrame({
        T["demo_columns_name"]: [name for name, _, _ in demo],
        T["demo_columns_role"]: [labels.ROLE_LABELS[role] for _, role, _ in demo],
        T["demo_columns_password"]: [password for _, _, password in demo],
    }), hide_index=True)
