"""Theo đơn vị: responsible units ranked by how their targets stand, a unit × status
heatmap, and one unit's targets and tasks with their gaps — what leadership opens
before a briefing."""

import streamlit as st

from nq57 import charts, fmt, labels, league, tables
from ui import data, evidence, widgets

view = st.session_state["filters"]
widgets.page_header("by_unit", view)

gaps = data.gaps(view.period, view.units, view.group)
widgets.guard(gaps)
ranked = data.units_ranked(view.period, view.units, view.group)

st.subheader(labels.UNIT_TEXTS["ranking"])
st.caption(labels.UNIT_TEXTS["ranking_note"])
st.plotly_chart(charts.unit_ranking_bar(ranked), width="stretch", key="ranking")
unit_table = tables.unit_table(ranked)
widgets.table(unit_table, key="units", period=view.period, downloads=False)
widgets.download_buttons(unit_table, key="units", period=view.period,
                         report=widgets.view_scope(view))

st.subheader(labels.UNIT_TEXTS["heatmap"])
st.plotly_chart(charts.status_heatmap(ranked), width="stretch", key="heatmap")

st.subheader(labels.UNIT_TEXTS["drill"])
names = dict(zip(ranked["unit"], ranked["unit_name"], strict=True))
choices = [u for u in view.units if u in names] or list(names)
unit = st.selectbox(labels.UNIT_TEXTS["drill_pick"], choices, format_func=names.get,
                    key="drill_" + "-".join(view.units))
row = ranked[ranked["unit"] == unit].iloc[0]
shown = [s for s in labels.STATUSES if labels.STATUS_TONES[s] != "missing"]
cards = st.columns(len(shown) + 1)
for card, status in zip(cards, shown, strict=False):
    card.metric(labels.status_label(status), int(row[status]), border=True)
unreported = f"{labels.STATUS_SYMBOLS['no_data']} {labels.COLUMN_LABELS['unreported_share']}"
cards[-1].metric(unreported, int(row["unreported"]), border=True)

st.markdown(f"**{labels.UNIT_TEXTS['targets']}**")
unit_gaps = gaps[gaps["lead_unit"] == unit]
widgets.table(tables.gap_table(unit_gaps, view.to_params()), key="unit_gaps",
              period=f"{unit}-{view.period}")

st.markdown(f"**{labels.UNIT_TEXTS['tasks']}**")
unit_tasks = data.task_progress(view.period, (unit,))
if unit_tasks.empty:
    st.caption(labels.UNIT_TEXTS["no_tasks"])
else:
    widgets.table(tables.task_table(unit_tasks), key="unit_tasks",
                  period=f"{unit}-{view.period}")

evidence.compare_section(view.period, view.units, view.group)

st.subheader(labels.LEAGUE_TEXTS["title"])
st.caption(labels.LEAGUE_TEXTS["note"].format(
    commend=fmt.share(league.COMMEND_AT, 0), criticise=fmt.share(league.CRITICISE_BELOW, 0),
    red=fmt.share(league.CRITICISE_RED_AT, 0)))
league_items = data.followup("league_items", view.period, view.units, view.group)
widgets.table(tables.league_table(league.table(league_items)), key="league",
              period=view.period)
st.markdown(f"**{labels.LEAGUE_TEXTS['drivers']}**")
st.caption(labels.LEAGUE_TEXTS["drivers_note"])
widgets.table(tables.league_drivers_table(league.drivers(league_items)),
              key="league_drivers", period=view.period)
