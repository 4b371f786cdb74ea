"""Chi tiết chỉ tiêu: one target's quarters against its trajectory, a year-end
projection with a plain verdict and how it was computed, the path to 2030, and every
revision of its values with notes and evidence."""

import pandas as pd
import streamlit as st

from nq57 import charts, fmt, labels, status, tables
from nq57.untrusted import markdown_text as md
from ui import data, evidence, explain_form, filters, widgets

view = st.session_state["filters"]
widgets.page_header("target_detail", view, share=False)
catalogue = data.targets()
names = dict(zip(catalogue["code"], catalogue["name"], strict=True))
code = view.target if view.target in names else catalogue["code"].iloc[0]


def _choose() -> None:
    st.session_state["f_target"] = st.session_state["detail_target"]


if st.session_state.get("detail_target") != code:
    st.session_state["detail_target"] = code
code = st.selectbox(labels.COLUMN_LABELS["name"], list(names), key="detail_target",
                    format_func=lambda c: f"{c} — {names[c]}", on_change=_choose)
st.session_state["f_target"] = code
filters.publish_target(code)
widgets.share_link()

found = data.target_detail(code, view.period)
target, current = found.target, found.current
threshold = fmt.threshold(target["comparator"], target["threshold_low"],
                          target["threshold_high"], target["unit_of_measure"])
uom = target["unit_of_measure"]

st.subheader(md(f"{code} — {target['name']}"))
lead = labels.DETAIL_TEXTS["lead"].format(unit=md(target["lead_unit_name"]))
if target["lead_assumed"]:
    lead += labels.DETAIL_TEXTS["lead_assumed"]
facts = [f"{labels.COLUMN_LABELS['threshold']}: **{md(threshold)}**", lead,
         labels.DETAIL_TEXTS["kind"].format(kind=labels.KIND_LABELS[target["kind"]])]
if len(target["coord_units"]):
    units = data.units()
    unit_names = dict(zip(units["code"], units["name"], strict=True))
    facts.append(labels.DETAIL_TEXTS["coord"].format(
        units=md(", ".join(unit_names.get(u, u) for u in target["coord_units"]))))
if isinstance(target.get("data_unit"), str):
    facts.append(labels.DETAIL_TEXTS["data_unit"].format(unit=md(target["data_unit_name"])))
if current is not None and pd.notna(current["baseline"]):
    facts.append(labels.DETAIL_TEXTS["baseline"].format(
        value=fmt.measure(current["baseline"], uom),
        source=labels.BASELINE_SOURCE_LABELS[current["baseline_source"]]))
elif current is not None and current["baseline_source"] == "none":
    facts.append(labels.DETAIL_TEXTS["no_baseline"])
facts.append(labels.DETAIL_TEXTS["source"].format(doc=md(target["source_doc"]),
                                                  text=md(target["source_text"])))
st.markdown("  \n".join(facts))

if current is not None:
    said = f"**{labels.status_label(current['status'])}** — {status.explain(current)}"
    tone = labels.STATUS_TONES[current["status"]]
    {"alarm": st.error, "watch": st.warning, "missing": st.warning}.get(
        tone, st.success if current["status"] == "achieved" else st.info)(said)
    # Reported before the period ended (a value carried from an earlier period says
    # so in the explanation above instead).
    if current.get("estimate") and not current.get("value_carried"):
        st.caption(labels.DETAIL_TEXTS["estimate"].format(
            recorded=fmt.day(current["recorded_at"]), end=fmt.day(current["period_end"])))
    cards = st.columns(4)
    cards[0].metric(labels.COLUMN_LABELS["actual"], fmt.measure(current["actual"], uom),
                    border=True)
    cards[1].metric(labels.COLUMN_LABELS["expected"], fmt.measure(current["expected"], uom),
                    border=True)
    cards[2].metric(*fmt.gap(current["gap"], uom), border=True)
    cards[3].metric(labels.COLUMN_LABELS["completion"], fmt.share(current["completion"], 0),
                    border=True)

if found.series["actual"].notna().any():
    st.plotly_chart(charts.target_trajectory(
        found.series, name=labels.DETAIL_TEXTS["trajectory"].format(year=target["year"]),
        unit_of_measure=uom, threshold_text=threshold,
        threshold_high=target["threshold_high"], projection=found.projection.value),
        width="stretch", key="trajectory")
else:
    widgets.empty_state(labels.EMPTY_STATES["no_series"], next_step=True)

st.subheader(labels.DETAIL_TEXTS["projection"])
verdict = f"**{found.projection.verdict}**"
if found.projection.value is not None:
    verdict += f": {fmt.measure(found.projection.value, uom)} ({threshold})"
{True: st.success, False: st.error}.get(found.projection.achieved, st.info)(verdict)
st.caption(found.projection.method)

st.subheader(labels.DETAIL_TEXTS["path_2030"])
if found.horizons.empty:
    st.caption(labels.EMPTY_STATES["no_horizon"])
else:
    if found.paths:
        reported = found.series[found.series["actual"].notna()]
        latest = None if reported.empty else (
            pd.Timestamp(reported["period_end"].iloc[-1]).date(),
            float(reported["actual"].iloc[-1]))
        st.plotly_chart(charts.horizon_path(found.paths, unit_of_measure=uom, latest=latest),
                        width="stretch", key="path")
    for row in found.horizons.to_dict(orient="records"):
        goal = fmt.threshold(row["comparator"], row["threshold_low"], row["threshold_high"],
                             row["unit_of_measure"])
        goal = md(goal)
        if row["threshold_assumed"]:
            goal += labels.DETAIL_TEXTS["threshold_assumed"]
        st.markdown(f"- **{row['horizon_year']}** · {md(row['name'])}: **{goal}** "
                    f"({md(row['source_doc'])})"
                    + (f"  \n  _{md(row['note'])}_" if row["note"] else ""))

st.subheader(labels.TABLE_TITLES["history"])
if found.history.empty:
    widgets.empty_state(labels.EMPTY_STATES["no_history"], next_step=True)
else:
    widgets.table(tables.history_table(found.history), key="history",
                  period=f"{code}-{view.period}")
    notes = found.series[found.series["note"].notna() | found.series["evidence"].notna()]
    for row in notes.to_dict(orient="records"):
        # Typed by the reporting unit: shown as typed; a link only when it is http(s).
        parts = [f"**{md(row['period'])}**"]
        if isinstance(row["note"], str) and row["note"]:  # a missing note is NaN, not text
            parts.append(f"{labels.COLUMN_LABELS['note']}: {md(row['note'])}")
        if isinstance(row["evidence"], str) and row["evidence"]:
            parts.append(f"{labels.COLUMN_LABELS['evidence']}: "
                         + widgets.evidence_markdown(row["evidence"]))
        st.markdown(" · ".join(parts))

st.subheader(labels.TABLE_TITLES["evidence_log"])
evidence.item_history(code, target["reporting_unit"], key="evidence_log")
explain_form.history(code, target["reporting_unit"])
