"""Cảnh báo: every red warning of the period across targets and tasks, with the rule
that fired, days overdue, last update and the unit's explanation — what the Steering
Committee reads first; then the explanations rolled up by cause and unit, the
support units ask for, and the units to remind of their reports."""

import streamlit as st

from nq57 import alerts, explanations, fmt, labels, policy, tables
from nq57.explanations import ExplanationRefused, Given
from ui import data, widgets

T = labels.ALERT_PAGE
view = st.session_state["filters"]
widgets.page_header("alerts", view)
st.caption(T["intro"])

items = data.followup("alert_items", view.period, view.units, view.group)
if items["actual"].isna().all():
    widgets.empty_state(labels.EMPTY_STATES["no_data_period"], next_step=True)
found = alerts.from_rows(items, data.today())
counts = alerts.counts(found)
cards = st.columns(5)
cards[0].metric(T["total"], fmt.number(len(found), 0), border=True)
for card, rule in zip(cards[1:4], alerts.RULES, strict=True):
    card.metric(labels.ALERT_RULE_LABELS[rule], fmt.number(counts[rule], 0), border=True)
cards[4].metric(T["unexplained"], fmt.number(counts["unexplained"], 0), border=True)
if found.empty:
    st.success(T["none"], icon=":material/check_circle:")
widgets.table(tables.warning_table(found, view.to_params()), key="warnings",
              period=view.period)

# --- giving an explanation: staff for their own units, administrators for any ------------
actor = data.actor()
if policy.allowed_somewhere(actor, policy.EXPLAIN):
    with st.expander(T["explain"], icon=":material/edit_note:"):
        st.caption(T["explain_help"])
        open_items = alerts.explainable(items)
        open_items = open_items[[policy.allowed(actor, policy.EXPLAIN, unit)
                                 for unit in open_items["reporting_unit"]]]
        if open_items.empty:
            st.caption(T["explain_none"])
        else:
            choices = {
                f"{row['code']}|{row['reporting_unit']}": T["item_choice"].format(
                    code=row["code"], name=row["name"], unit=row["reporting_unit_short"],
                    status=labels.STATUS_LABELS[row["status"]])
                for row in open_items.to_dict(orient="records")}
            with st.form("explain_form", clear_on_submit=False):
                chosen = st.selectbox(T["explain_item"], list(choices),
                                      format_func=choices.get)
                cause = st.selectbox(T["explain_cause"], list(explanations.CAUSES),
                                     format_func=explanations.cause_label)
                text = st.text_area(T["explain_text"].format(min=explanations.MIN_LENGTH),
                                    max_chars=explanations.MAX_LENGTH)
                support = st.text_area(T["explain_support"],
                                       max_chars=explanations.MAX_LENGTH)
                if st.form_submit_button(T["explain_submit"], icon=":material/save:"):
                    code, unit = chosen.split("|", 1)
                    try:
                        explanations.explain(data.store(), actor, code, unit, view.period,
                                             Given(text, cause, support),
                                             as_of=data.today())
                    except (ExplanationRefused, PermissionError) as refused:
                        widgets.refusal(refused)
                    else:
                        st.session_state["alerts_explained"] = code
                        st.rerun()
        explained = st.session_state.pop("alerts_explained", None)
        if explained:
            st.success(T["explain_saved"].format(code=explained),
                       icon=":material/check_circle:")

# --- explanations rolled up ----------------------------------------------------------------
st.subheader(T["explanations"])
rows = data.followup("explanations", view.period, view.units, view.group)
if rows.empty:
    st.caption(T["no_explanations"])
else:
    by_cause, by_unit = st.columns(2)
    with by_cause:
        st.markdown(f"**{T['by_cause']}**")
        widgets.table(tables.explanations_by_cause_table(
            data.followup("explanations_by_cause", view.period, view.units, view.group)),
            key="by_cause", period=view.period)
    with by_unit:
        st.markdown(f"**{T['by_unit']}**")
        widgets.table(tables.explanations_by_unit_table(
            data.followup("explanations_by_unit", view.period, view.units, view.group)),
            key="by_unit", period=view.period)
    st.markdown(f"**{T['support']}**")
    support_rows = data.followup("support_requests", view.period, view.units, view.group)
    if support_rows.empty:
        st.caption(T["no_support"])
    else:
        widgets.table(tables.support_table(support_rows), key="support", period=view.period)
    with st.expander(T["all_explanations"].format(count=len(rows))):
        widgets.table(tables.explanation_table(rows), key="explanations", period=view.period)

# --- reminders ---------------------------------------------------------------------------
st.subheader(T["reminders"])
within = st.number_input(T["reminders_within"], min_value=0, max_value=90, value=7, step=1,
                         key="reminders_within")
st.caption(T["reminders_caption"].format(days=within))
due = data.reminders(within)
if due.empty:
    st.caption(T["no_reminders"])
else:
    widgets.table(tables.reminder_table(due), key="reminders", period=view.period)
