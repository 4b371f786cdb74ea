"""Theo nhóm chỉ tiêu: each group's targets as bullets (actual, annual threshold,
where the trajectory says they should be by now, status) and a sortable gap table."""

import streamlit as st

from nq57 import charts, labels, tables
from nq57.untrusted import markdown_text as md
from ui import data, widgets

view = st.session_state["filters"]
widgets.page_header("by_group", view)

gaps = data.gaps(view.period, view.units, view.group)
widgets.guard(gaps)

widgets.download_buttons(tables.gap_table(gaps), key="gaps_all", period=view.period)

counts = data.query("status_by_group", period=view.period, as_of=data.today(),
                    item_type="target", units=list(view.units) or None, group=view.group)
groups = data.groups()
groups = groups[groups["code"].isin(counts["group_code"])]
tabs = st.tabs([md(f"{code}. {name}") for code, name in
                zip(groups["code"], groups["short_name"], strict=True)])
for tab, code, name in zip(tabs, groups["code"], groups["name"], strict=True):
    with tab:
        in_group = counts[counts["group_code"] == code]
        st.markdown(f"**{md(code)}. {md(name)}** — " + " · ".join(
            f"{labels.status_label(s)}: {n}" for s, n in
            sorted(zip(in_group["status"], in_group["items"], strict=True),
                   key=lambda pair: labels.STATUSES.index(pair[0]))))
        rows = gaps[gaps["group_code"] == code]
        st.plotly_chart(charts.bullet_chart(rows), width="stretch", key=f"bullet_{code}")
        widgets.table(tables.gap_table(rows, view.to_params()), key=f"gaps_{code}",
                      period=view.period, downloads=False)
