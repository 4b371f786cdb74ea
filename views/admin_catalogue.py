"""Sửa danh mục: thresholds and comparators of targets, deadlines of tasks, lead units
(assumed ones marked), and the adjustable settings, without touching the transcribed
CSV files. Administrators only; nq57.corrections and nq57.settings check and audit."""

from datetime import date

import pandas as pd
import streamlit as st

from nq57 import corrections, labels, policy, settings
from nq57.catalogue import UnknownCode
from ui import auth, data, widgets

T = labels.ADMIN_CATALOGUE

st.title(T["title"])
actor = auth.require(policy.EDIT_CATALOGUE)
st.caption(T["intro"])

done = st.session_state.pop("catalogue_done", None)
if done:
    st.success(done, icon=":material/check_circle:")

store = data.store()
FAILURES = (corrections.CorrectionError, UnknownCode, policy.PermissionDenied, ValueError)


def _finish(message: str) -> None:
    st.session_state["catalogue_done"] = message
    st.rerun()


targets = data.targets()
tasks = data.tasks()
units = data.units()
unit_names = dict(zip(units["code"], units["name"], strict=True))

# --- targets: comparator and thresholds --------------------------------------------------
st.subheader(T["targets"])
shown = pd.DataFrame({
    T["col_code"]: targets["code"],
    T["col_name"]: targets["name"],
    T["col_comparator"]: targets["comparator"].map(labels.COMPARATOR_LABELS).fillna(
        targets["comparator"]),
    T["col_low"]: targets["threshold_low"],
    T["col_high"]: targets["threshold_high"],
    T["col_lead"]: targets["lead_unit"],
    T["col_assumed"]: targets["lead_assumed"].map(labels.FLAG_LABELS),
})
st.dataframe(shown, hide_index=True, width="stretch", height=280)
target_names = dict(zip(targets["code"], targets["name"], strict=True))
with st.form("correct_target"):
    left, middle, right = st.columns([3, 2, 2])
    code = left.selectbox(T["target"], list(target_names),
                          format_func=lambda c: f"{c} — {target_names[c]}")
    field = middle.selectbox(T["field"], corrections.FIELDS["target"][:3],
                             format_func=T.__getitem__)
    value = right.text_input(T["value"], help=T["value_help"])
    reason = st.text_input(T["reason"], key="target_reason")
    if st.form_submit_button(T["save"], icon=":material/save:"):
        try:
            made = corrections.correct(store, actor, "target", code, field, value, reason)
        except FAILURES as refused:
            widgets.refusal(refused)
        else:
            _finish(T["corrected"].format(code=code, field=T[field], before=made.before,
                                          after=made.after))

# --- tasks: deadlines ------------------------------------------------------------------
st.subheader(T["tasks"])
task_names = dict(zip(tasks["code"], tasks["title"], strict=True))
# A deadline the scan lost is marked; correcting it settles it (deadline_assumed clears).
task_deadlines = {
    row.code: str(row.deadline_text or "")
    + (T["deadline_assumed_mark"] if row.deadline_assumed else "")
    for row in tasks.itertuples(index=False)}
with st.form("correct_task"):
    left, right = st.columns([3, 2])
    task = left.selectbox(T["task"], list(task_names),
                          format_func=lambda c: f"{c} — {str(task_names[c])[:80]} "
                                                f"({task_deadlines[c]})")
    deadline = right.date_input(T["deadline"], value=date(2026, 12, 31), format="DD/MM/YYYY",
                                min_value=corrections.FIRST_DEADLINE,
                                max_value=corrections.LAST_DEADLINE)
    reason = st.text_input(T["reason"], key="task_reason")
    if st.form_submit_button(T["save"], icon=":material/save:"):
        try:
            made = corrections.correct(store, actor, "task", task, "deadline", deadline, reason)
        except FAILURES as refused:
            widgets.refusal(refused)
        else:
            _finish(T["corrected"].format(code=task, field=T["deadline"], before=made.before,
                                          after=made.after))

# --- lead units ---------------------------------------------------------------------------
st.subheader(T["leads"])
st.caption(T["leads_help"])
items = data.query("item_leads")
item_labels = {
    row.code: f"{row.code} — {str(row.name)[:80]} ({row.lead_unit}"
              + (T["assumed_mark"] if row.lead_assumed else "") + ")"
    for row in items.itertuples(index=False)}
item_types = dict(zip(items["code"], items["item_type"], strict=True))
with st.form("assign_lead"):
    left, right = st.columns([3, 2])
    item = left.selectbox(T["item"], list(item_labels), format_func=item_labels.__getitem__)
    lead = right.selectbox(T["lead"], list(unit_names),
                           format_func=lambda c: f"{unit_names[c]} ({c})")
    reason = st.text_input(T["reason"], key="lead_reason")
    if st.form_submit_button(T["save"], icon=":material/save:"):
        try:
            made = corrections.correct(store, actor, item_types[item], item, "lead_unit", lead,
                                       reason)
        except FAILURES as refused:
            widgets.refusal(refused)
        else:
            _finish(T["corrected"].format(code=item, field=T["lead"], before=made.before,
                                          after=made.after))

# --- settings -----------------------------------------------------------------------------
if policy.allowed(actor, policy.CHANGE_SETTINGS):
    st.subheader(T["settings"])
    current = settings.all_settings(store)
    st.dataframe(current.rename(columns=labels.SETTINGS_COLUMNS), hide_index=True,
                 width="stretch")
    with st.form("change_setting"):
        left, right = st.columns([2, 2])
        key = left.selectbox(T["setting"], current["key"].tolist())
        new_value = right.text_input(T["value"])
        if st.form_submit_button(T["save"], icon=":material/save:"):
            try:
                stored = settings.update(store, actor, key, new_value)
            except (settings.SettingError, *FAILURES) as refused:
                widgets.refusal(refused)
            else:
                _finish(T["setting_done"].format(key=key, value=stored))

# --- what was corrected ----------------------------------------------------------------------
st.subheader(T["history"])
history = corrections.history(store)
if history.empty:
    widgets.empty_state(T["no_history"])
else:
    st.dataframe(history.rename(columns=labels.CORRECTION_COLUMNS), hide_index=True,
                 width="stretch")
