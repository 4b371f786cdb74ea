"""Tổng quan: how many targets are met, on track, behind or in red and how that
changed since last quarter; the red warnings with their reasons; status by group;
which units have reported."""

import streamlit as st

from nq57 import charts, fmt, labels, status, tables
from nq57.untrusted import markdown_text as md
from ui import data, evidence, nav, widgets

view = st.session_state["filters"]
widgets.page_header("overview", view)

gaps = data.gaps(view.period, view.units, view.group)
widgets.guard(gaps)
change = data.status_change(view.period, view.units, view.group)
widgets.status_cards(change)
evidence.status_views_section(view.period, view.units, view.group)

st.subheader(labels.OVERVIEW_TEXTS["red"])
red = gaps[gaps["status"] == "red"]
if red.empty:
    st.success(labels.EMPTY_STATES["no_red"], icon=":material/check_circle:")
warnings = st.container(height=420 if len(red) > 4 else "content", border=False)
for row in red.to_dict(orient="records"):
    text, go = warnings.container(border=True).columns([6, 1], vertical_alignment="center")
    text.markdown(f"**{labels.status_label('red')} · {md(row['code'])} — {md(row['name'])}**"
                  f"  \n{status.explain(row)} · "
                  + labels.OVERVIEW_TEXTS["lead_unit"].format(unit=md(row["lead_unit_name"])))
    with go:
        nav.link(labels.DETAIL_PAGE_PATH, labels.OVERVIEW_TEXTS["open_detail"],
                 icon=":material/search:", query_params=view.to_params() | {"target": row["code"]})

st.subheader(labels.OVERVIEW_TEXTS["by_group"])
by_group = data.query("status_by_group", period=view.period, as_of=data.today(),
                      item_type="target", units=list(view.units) or None, group=view.group)
groups = data.groups()
group_labels = {code: f"{code}. {name}" for code, name in
                zip(groups["code"], groups["short_name"], strict=True)
                if code in set(by_group["group_code"])}
st.plotly_chart(charts.status_stacked_bar(by_group, "group_code", group_labels),
                width="stretch")

st.subheader(labels.OVERVIEW_TEXTS["completeness"])
reporting = data.completeness(view.period, view.units, view.group)
states = reporting["reporting_status"]
st.markdown(labels.OVERVIEW_TEXTS["completeness_summary"].format(
    reported=int(states.isin(["on_time", "late"]).sum()), expected=len(reporting),
    late=int((states == "late").sum()), missing=int((states == "missing").sum()),
    deadline=fmt.day(reporting["report_deadline"].iloc[0]) if len(reporting) else "–"))
widgets.table(tables.completeness_table(reporting), key="completeness", period=view.period)

st.subheader(labels.OVERVIEW_TEXTS["gaps"])
gap_table = tables.gap_table(gaps, view.to_params())
widgets.table(gap_table, key="gaps", period=view.period, downloads=False)
widgets.download_buttons(gap_table, key="gaps", period=view.period,
                         report=widgets.view_scope(view))
