"""Đơn vị: the units' names, and units the documents do not list (communes, new
offices), kept across catalogue reloads. Administrators only; nq57.corrections checks
and audits every change."""

import streamlit as st

from nq57 import corrections, labels, policy
from nq57.catalogue import UnknownCode
from ui import auth, data, widgets

T = labels.ADMIN_UNITS

st.title(T["title"])
actor = auth.require(policy.EDIT_UNITS)
st.caption(T["intro"])

done = st.session_state.pop("units_done", None)
if done:
    st.success(done, icon=":material/check_circle:")

store = data.store()
FAILURES = (corrections.CorrectionError, UnknownCode, policy.PermissionDenied)
units = data.units()
unit_names = dict(zip(units["code"], units["name"], strict=True))


def _finish(message: str) -> None:
    st.session_state["units_done"] = message
    st.rerun()


st.dataframe(units[["code", "name", "short_name", "kind", "parent_code"]].assign(
    kind=units["kind"].map(labels.UNIT_KIND_LABELS)).rename(columns=labels.UNIT_COLUMNS),
    hide_index=True, width="stretch", height=320)

st.subheader(T["rename"])
with st.form("rename_unit"):
    left, middle, right = st.columns([3, 2, 3])
    code = left.selectbox(T["unit"], list(unit_names),
                          format_func=lambda c: f"{unit_names[c]} ({c})")
    field = middle.selectbox(T["field"], corrections.FIELDS["unit"], format_func=T.__getitem__)
    value = right.text_input(T["value"])
    reason = st.text_input(T["reason"], key="rename_reason")
    if st.form_submit_button(T["save"], icon=":material/save:"):
        try:
            made = corrections.correct(store, actor, "unit", code, field, value, reason)
        except FAILURES as refused:
            widgets.refusal(refused)
        else:
            _finish(T["renamed"].format(code=code))

st.subheader(T["add"])
kinds = [k for k in labels.UNIT_KIND_LABELS if k != "collective"]
with st.form("add_unit"):
    left, right = st.columns(2)
    new_code = left.text_input(T["code"], help=T["code_help"])
    kind = right.selectbox(T["kind"], kinds, index=kinds.index("commune"),
                           format_func=labels.UNIT_KIND_LABELS.__getitem__)
    name = left.text_input(T["name"])
    short_name = right.text_input(T["short_name"])
    parent = left.selectbox(T["parent"], ["", *unit_names],
                            format_func=lambda c: T["no_parent"] if not c else
                            f"{unit_names[c]} ({c})")
    reason = st.text_input(T["reason"], key="add_reason")
    if st.form_submit_button(T["add_button"], type="primary", icon=":material/add:"):
        try:
            made = corrections.add_unit(store, actor, new_code, name, short_name or None, kind,
                                        reason, parent or None)
        except FAILURES as refused:
            widgets.refusal(refused)
        else:
            _finish(T["added"].format(code=made.code))
