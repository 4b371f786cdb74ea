"""Nhiệm vụ: the plan's appendix tasks by section and unit, each judged by its own KPI
(a number, or % complete), with coordinating units, deadline, reported value, progress
and status; a task's parts under it; and a timeline of the deadlines."""

import streamlit as st

from nq57 import charts, labels, tables
from ui import data, widgets

view = st.session_state["filters"]
widgets.page_header("tasks", view)
if view.group:
    st.caption(labels.EMPTY_STATES["group_ignored_on_tasks"])

tasks = data.task_progress(view.period, view.units)
widgets.guard(tasks, no_rows=labels.EMPTY_STATES["no_tasks"])
widgets.status_cards(data.status_change(view.period, view.units, item_type="task"))
st.caption(labels.TASK_TEXTS["rules"])

st.subheader(labels.TASK_TEXTS["timeline"])
dated = tasks[tasks["deadline"].notna() & ~tasks["is_parent"].astype(bool)]
if len(dated):
    st.plotly_chart(charts.task_timeline(dated, today=data.today()), width="stretch",
                    key="timeline")
st.markdown(f"**{labels.TASK_TEXTS['ongoing']}**")
ongoing = tasks[tasks["deadline"].isna()]
if ongoing.empty:
    st.caption(labels.EMPTY_STATES["no_ongoing"])
else:
    widgets.table(tables.task_table(ongoing), key="ongoing", downloads=False)

st.subheader(labels.TASK_TEXTS["table"])
widgets.table(tables.task_table(tasks), key="tasks", period=view.period)
