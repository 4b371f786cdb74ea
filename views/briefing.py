"""Báo cáo: the administrative report of the period and the sidebar's filters (or the
whole province), to download as PDF, Word or Excel, with its parts previewed."""

import pandas as pd
import streamlit as st

from nq57 import briefing, labels
from nq57.briefing.outline import Chart, Grid, Paragraph, cell_text
from ui import data, widgets

TEXTS = labels.BRIEFING_PAGE

view = st.session_state["filters"]
widgets.page_header("briefing", view)
st.caption(TEXTS["intro"])

filtered = widgets.view_scope(view)
province = briefing.Scope(view.period)
choices = {"province": TEXTS["scope_province"]}
if not filtered.province:
    document = data.briefing_report(filtered)
    choices["filters"] = TEXTS["scope_filters"].format(scope=document.scope_label)
if len(choices) > 1:
    choice = st.radio(TEXTS["scope"], list(choices), format_func=choices.get, horizontal=True,
                      index=len(choices) - 1, key="briefing_scope_" + "-".join(choices))
else:  # nothing filtered: the province, no choice to make
    choice = "province"
    widgets.plain_lines([f"{TEXTS['scope']}: {TEXTS['scope_province']}"], bold=True)
scope = filtered if choice == "filters" else province

with st.spinner(TEXTS["building"]):
    outline = data.briefing_outline(scope)
    report = data.briefing_report(scope)
if all(item.actual is None for item in report.targets + report.due_next):
    widgets.empty_state(labels.EMPTY_STATES["no_data_period"], next_step=True)
row = st.container(horizontal=True)
for fmt in briefing.FORMATS:
    widgets.report_button(row, scope, fmt, key="page")

st.subheader(TEXTS["preview"])
header = outline.header
widgets.plain_lines([header.title, header.subject, header.subject_scope], bold=True)
widgets.plain_lines([header.intro], italic=True)
for part in outline.parts:
    with st.expander(part.heading, expanded=part.key == "results"):
        for block in part.blocks:
            if isinstance(block, Paragraph):
                widgets.plain_lines([block.text], bold=block.style == "subheading",
                                    italic=block.style == "note")
            elif isinstance(block, Chart):
                st.image(block.png, caption=None, width=640)
                widgets.plain_lines([block.caption], italic=True)
            elif isinstance(block, Grid):
                frame = pd.DataFrame(
                    [[cell_text(f, v) for f, v in zip(block.fields, values, strict=True)]
                     for values in block.rows],
                    columns=[f.header for f in block.fields])
                if block.groups:  # heading rows become a first column
                    starts = dict(block.groups)
                    current = ""
                    column = []
                    for index in range(len(frame)):
                        current = starts.get(index, current)
                        column.append(current)
                    frame.insert(0, labels.BRIEFING_COLUMNS["group"], column)
                st.dataframe(frame, hide_index=True, key=f"preview_{part.key}_{block.key}")
