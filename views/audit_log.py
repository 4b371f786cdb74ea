"""Nhật ký hệ thống: who did what and when (sign-ins, failures, lockouts, uploads,
revocations, corrections, accounts, settings), filtered, with its downloads.
Reviewers and administrators only."""

from datetime import date, datetime, time, timedelta

import streamlit as st

from nq57 import audit, labels, policy, tables
from ui import auth, data, widgets

T = labels.AUDIT_PAGE

st.title(T["title"])
reader = auth.require(policy.READ_AUDIT)
st.caption(T["intro"])

ALL = "__all__"
everything = audit.read(data.store(), reader)
left, middle, right = st.columns(3)
since = left.date_input(T["since"], value=date.fromordinal(
    max(1, date.today().toordinal() - 30)), format="DD/MM/YYYY", key="audit_since")
accounts_seen = [ALL, *sorted(set(everything["actor"]))]
who = middle.selectbox(T["account"], accounts_seen, key="audit_account",
                       format_func=lambda a: T["all"] if a == ALL else a)
actions_seen = [ALL, *sorted(set(everything["action"]), key=labels.audit_action_label)]
what = right.selectbox(T["action"], actions_seen, key="audit_action",
                       format_func=lambda a: T["all"] if a == ALL else
                       labels.audit_action_label(a))

entries = audit.read(
    data.store(), reader,
    since=datetime.combine(since, time()) if isinstance(since, date) else None,
    actor=None if who == ALL else who, action=None if what == ALL else what)
st.caption(T["count"].format(count=len(entries)))
if entries.empty:
    widgets.empty_state(T["empty"])
else:
    widgets.table(tables.audit_table(entries), key="audit",
                  period=(since or date.today() - timedelta(days=30)).isoformat())
