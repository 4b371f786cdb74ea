"""Tài khoản: create accounts, change their role, units, name and e-mail, disable or
enable them, reset a password; who is signed in now. Administrators only; every
change is made (and checked, and audited) by nq57.accounts."""

import pandas as pd
import streamlit as st

from nq57 import accounts, labels, policy, signin
from nq57.catalogue import UnknownCode
from ui import auth, data, widgets

T = labels.ADMIN_ACCOUNTS

st.title(T["title"])
actor = auth.require(policy.MANAGE_ACCOUNTS)
st.caption(T["intro"])

done = st.session_state.pop("accounts_done", None)
if done:
    st.success(done, icon=":material/check_circle:")

store = data.store()
units = data.units()
units = units[units["kind"] != "collective"]
unit_names = dict(zip(units["code"], units["name"], strict=True))
FAILURES = (accounts.AccountError, UnknownCode, policy.PermissionDenied)


def _finish(message: str) -> None:
    st.session_state["accounts_done"] = message
    st.rerun()


listing = accounts.all_accounts(store)
shown = pd.DataFrame({
    T["col_name"]: listing["name"],
    T["col_display"]: listing["display_name"].fillna(""),
    T["col_role"]: listing["role"].map(labels.ROLE_LABELS),
    T["col_units"]: [", ".join(u) for u in listing["units"]],
    T["col_email"]: listing["email"].fillna(""),
    T["col_password"]: listing["has_password"].map(labels.FLAG_LABELS),
    T["col_state"]: [T["disabled"] if d else T["enabled"] for d in listing["disabled"]],
    T["col_demo"]: listing["demo"].map(labels.FLAG_LABELS),
})
st.dataframe(shown, hide_index=True, width="stretch")

# --- a new account -----------------------------------------------------------------
st.subheader(T["create"])
with st.form("account_create", clear_on_submit=False):
    left, right = st.columns(2)
    name = left.text_input(T["name"], help=T["name_help"], key="new_account_name")
    display_name = right.text_input(T["display_name"], key="new_account_display")
    role = left.selectbox(T["role"], policy.ROLES, index=policy.ROLES.index(policy.STAFF),
                          format_func=labels.ROLE_LABELS.__getitem__, key="new_account_role")
    chosen_units = right.multiselect(T["units"], list(unit_names),
                                     format_func=lambda c: f"{unit_names[c]} ({c})",
                                     help=T["units_help"], key="new_account_units",
                                     placeholder=T["units_placeholder"])
    email = left.text_input(T["email"], help=T["email_help"], key="new_account_email")
    password = right.text_input(T["password"], type="password", help=T["password_help"],
                               key="new_account_password")
    again = right.text_input(T["password_again"], type="password", key="new_account_again")
    if st.form_submit_button(T["create_button"], type="primary", icon=":material/person_add:"):
        if password != again:
            widgets.refusal(labels.ACCOUNT_MESSAGES["passwords_differ"])
        else:
            try:
                made = accounts.create(store, actor, name, role, units=chosen_units,
                                       display_name=display_name, email=email or None,
                                       password=password or None)
            except FAILURES as refused:
                widgets.refusal(refused)
            else:
                _finish(T["created"].format(name=made.name))

# --- an existing account -------------------------------------------------------------
st.subheader(T["change"])
names = listing["name"].tolist()
chosen = st.selectbox(T["account"], names, key="account_chosen")
current = accounts.get(store, chosen) if chosen else None
if current is not None:
    with st.form("account_update"):
        left, right = st.columns(2)
        new_role = left.selectbox(T["role"], policy.ROLES,
                                  index=policy.ROLES.index(current.role),
                                  format_func=labels.ROLE_LABELS.__getitem__)
        new_units = right.multiselect(T["units"], list(unit_names),
                                      default=[u for u in current.units if u in unit_names],
                                      format_func=lambda c: f"{unit_names[c]} ({c})",
                                      placeholder=T["units_placeholder"])
        new_display = left.text_input(T["display_name"], value=current.display_name or "")
        new_email = right.text_input(T["email"], value=current.email or "")
        if st.form_submit_button(T["update_button"], icon=":material/save:"):
            try:
                accounts.update(store, actor, current.name, role=new_role, units=new_units,
                                display_name=new_display, email=new_email or None)
            except FAILURES as refused:
                widgets.refusal(refused)
            else:
                _finish(T["updated"].format(name=current.name))

    left, right = st.columns(2)
    with left:
        if current.disabled:
            if st.button(T["enable_button"], icon=":material/lock_open:"):
                try:
                    accounts.set_disabled(store, actor, current.name, False)
                except FAILURES as refused:
                    widgets.refusal(refused)
                else:
                    _finish(T["enabled_done"].format(name=current.name))
        elif st.button(T["disable_button"], icon=":material/block:"):
            try:
                accounts.set_disabled(store, actor, current.name, True)
            except FAILURES as refused:
                widgets.refusal(refused)
            else:
                _finish(T["disabled_done"].format(name=current.name))
    with right, st.form("account_password"):
        new_password = st.text_input(T["new_password"], type="password")
        new_again = st.text_input(T["password_again"], type="password")
        if st.form_submit_button(T["reset_button"], icon=":material/password:"):
            if new_password != new_again:
                widgets.refusal(labels.ACCOUNT_MESSAGES["passwords_differ"])
            else:
                try:
                    accounts.reset_password(store, actor, current.name, new_password)
                except FAILURES as refused:
                    widgets.refusal(refused)
                else:
                    _finish(T["reset_done"].format(name=current.name))

# --- who is signed in ------------------------------------------------------------------
st.subheader(T["sessions"])
open_sessions = pd.DataFrame(signin.open_sessions(store))
if open_sessions.empty:
    widgets.empty_state(T["no_sessions"])
else:
    st.dataframe(open_sessions.rename(columns=labels.SESSION_COLUMNS), hide_index=True,
                 width="stretch")
