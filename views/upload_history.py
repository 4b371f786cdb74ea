"""Lịch sử nhập số liệu: every upload of a unit for a period, every revision of an
item, and, for administrators, revoking an upload (with a reason).

Revocation is decided by nq57.revisions, which checks the account again: hiding the
form from others is a courtesy.
"""

import pandas as pd
import streamlit as st

from nq57 import fmt, labels, policy, revisions
from nq57.db import StoreBusy
from nq57.periods import parse_period
from ui import auth, data, widgets

T = labels.EXCEL_PAGE
H = labels.HISTORY_PAGE

view = st.session_state["filters"]
st.title(H["title"])
actor = auth.require(policy.READ)
st.caption(H["intro"])

units = data.units()
units = units[units["kind"] != "collective"]
unit_names = dict(zip(units["code"], units["name"], strict=True))
unit_codes = units["code"].tolist()
periods = data.query("reporting_periods").set_index("code")
period_codes = periods.index.tolist()

# The reporting page's choice, else the sidebar's, is where the history starts.
kept = st.session_state.get("entry_kept", {})
if st.session_state.get("history_unit") not in unit_codes:
    chosen = [u for u in view.units if u in unit_codes]
    st.session_state["history_unit"] = (kept.get("unit") if kept.get("unit") in unit_codes
                                        else chosen[0] if chosen else unit_codes[0])
if st.session_state.get("history_period") not in period_codes:
    st.session_state["history_period"] = (kept.get("period") if kept.get("period")
                                          in period_codes else view.period)

left, right = st.columns([2, 1])
unit = left.selectbox(T["unit"], unit_codes, key="history_unit",
                      format_func=lambda code: f"{unit_names[code]} ({code})")
period = right.selectbox(T["period"], period_codes, key="history_period",
                         format_func=lambda code: parse_period(code).label)

revoked = st.session_state.pop("history_revoked", None)
if revoked is not None:
    st.success(T["revoked"].format(upload=revoked), icon=":material/undo:")

st.subheader(T["uploads"].format(unit=unit_names[unit], period=parse_period(period).label))
log = data.query("revisions/uploads", unit=unit, period=period)
if log.empty:
    widgets.empty_state(T["no_uploads"])
else:
    shown_log = log[list(labels.UPLOAD_COLUMNS)].fillna({"revoke_reason": ""}).rename(
        columns=labels.UPLOAD_COLUMNS)
    st.dataframe(shown_log, hide_index=True, width="stretch")

items = data.query("excel/items", period=period)
items = items[items["reporting_unit"] == unit]
if not items.empty:
    st.subheader(T["history_item"])
    item_names = dict(zip(items["code"], items["name"], strict=True))
    item = st.selectbox(T["history_item"], list(item_names), key="history_item",
                        format_func=lambda code: f"{code} — {item_names[code]}",
                        label_visibility="collapsed")
    history = data.query("revisions/history", item=item, unit=unit)
    history = history[history["unit_code"] == unit]
    if history.empty:
        widgets.empty_state(T["no_history"])
    else:
        measure = items.set_index("code").loc[item, "unit_of_measure"]
        shown = [("" if pd.isna(v) else fmt.measure(v, measure, 4)) for v in history["value"]]
        table = history[list(labels.HISTORY_COLUMNS)].fillna(
            {"note": "", "evidence": ""}).assign(value=shown)
        st.dataframe(table.rename(columns=labels.HISTORY_COLUMNS), hide_index=True,
                     width="stretch")

# --- revocation: administrators only (the core checks again) ---------------------------
if policy.allowed(actor, policy.REVOKE_UPLOAD):
    st.subheader(T["revoke"])
    st.caption(T["revoke_help"])
    active = log[~log["revoked"]]["id"].tolist() if not log.empty else []
    if not active:
        widgets.empty_state(T["no_uploads"])
    else:
        with st.form("history_revoke"):
            upload = st.selectbox(T["revoke_upload"], active)
            reason = st.text_input(T["revoke_reason"])
            if st.form_submit_button(T["revoke_button"], icon=":material/undo:"):
                try:
                    revisions.revoke_upload(data.store(), actor, int(upload), reason)
                except (revisions.RevokeError, policy.PermissionDenied) as refused:
                    st.error(str(refused), icon=":material/error:")
                except StoreBusy as busy:
                    st.error(str(busy), icon=":material/hourglass_top:")
                else:
                    st.session_state["history_revoked"] = upload
                    st.rerun()
