"""Nhập số liệu: download the template, upload the filled file, see what will be
stored, confirm, for the units the signed-in account reports for.

Everything is judged and written by nq57.imports, which checks the account again;
this page only shows it. The upload log, each value's history and revocation are on
the page "Lịch sử nhập số liệu".
"""

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from nq57 import fmt, imports, labels, locks, policy
from nq57.db import StoreProblem
from nq57.evidence.vault import VaultError
from nq57.periods import parse_period
from nq57.untrusted import markdown_text
from ui import auth, data, evidence, nav, widgets

T = labels.EXCEL_PAGE
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_STYLED_ROWS = 2000

view = st.session_state["filters"]
st.title(T["title"])
actor = auth.require(policy.REPORT)
st.caption(T["intro"])

# --- who reports what: the account's own units (an administrator: any) -------------
units = data.units()
units = units[units["kind"] != "collective"]
unit_names = dict(zip(units["code"], units["name"], strict=True))
unit_codes = [code for code in units["code"] if policy.allowed(actor, policy.REPORT, code)]
if not unit_codes:
    widgets.empty_state(T["no_units"])
    st.stop()
periods = data.query("reporting_periods").set_index("code")
period_codes = periods.index.tolist()


def period_label(code: str) -> str:
    label = parse_period(code).label
    if periods.at[code, "baseline_only"]:
        return T["baseline_period"].format(period=label, year=periods.at[code, "items_year"])
    return label


# Widget state is dropped while another page shows; the choices are kept apart so a
# person who looks at the overview and comes back finds the page as they left it.
kept = st.session_state.setdefault("entry_kept", {})
if st.session_state.get("entry_unit") not in unit_codes:
    chosen = [u for u in view.units if u in unit_codes]
    remembered = kept.get("unit") if kept.get("unit") in unit_codes else None
    st.session_state["entry_unit"] = remembered or (chosen[0] if chosen else unit_codes[0])
if "entry_period" not in st.session_state:
    st.session_state["entry_period"] = kept.get("period") or view.period

left, right = st.columns([2, 1])
unit = left.selectbox(T["unit"], unit_codes, key="entry_unit",
                      format_func=lambda code: f"{unit_names[code]} ({code})")
period = right.selectbox(T["period"], period_codes, key="entry_period",
                         format_func=period_label)
st.text(T["reporter_is_account"].format(who=actor.signature))  # a name people typed
kept.update(unit=unit, period=period)
deadline = periods.at[period, "report_deadline"]
items_year = periods.at[period, "items_year"]

# --- 1. template ---------------------------------------------------------------------
st.subheader(T["step_template"])
items = data.query("excel/items", period=period)
items = items[items["reporting_unit"] == unit]
if items.empty:
    widgets.empty_state(T["no_items"].format(unit=unit_names[unit], year=items_year))
else:
    st.caption(T["template_caption"].format(count=len(items), unit=unit_names[unit],
                                            period=period_label(period),
                                            deadline=fmt.day(deadline)))
    st.download_button(
        T["template_button"], data=lambda: imports.template(data.store(), unit, period)[0],
        file_name=imports.template_file_name(unit, period), mime=XLSX,
        icon=":material/download:", on_click="ignore")

# --- 2. upload -----------------------------------------------------------------------
st.subheader(T["step_upload"])
saved = st.session_state.pop("entry_saved", None)
if saved is not None:
    if saved.upload_id is None and not saved.evidence_added:
        st.info(T["saved_nothing"], icon=":material/info:")
    elif saved.upload_id is not None:
        st.success(T["saved"].format(upload=saved.upload_id, stored=saved.stored),
                   icon=":material/check_circle:")
    if saved.evidence_added:
        st.success(labels.EVIDENCE_PAGE["excel_saved"].format(count=saved.evidence_added),
                   icon=":material/attach_file:")

nonce = st.session_state.setdefault("entry_nonce", 0)
uploaded = st.file_uploader(T["uploader"], type=["xlsx", "xlsm", "xls"],
                            key=f"entry_file_{nonce}")
evidence_uploads = st.file_uploader(
    labels.EVIDENCE_PAGE["excel_files"], type=evidence.UPLOAD_TYPES,
    accept_multiple_files=True, key=f"entry_evidence_{nonce}",
    help=labels.EVIDENCE_PAGE["excel_files_help"]) or []
evidence_files = {f.name: f.getvalue() for f in evidence_uploads}
locked = locks.refusal(data.store(), actor, period)
if locked:
    st.warning(markdown_text(locked), icon=":material/lock:")


def _inspect(content: bytes, name: str) -> tuple[imports.Inspection, bytes | None]:
    """The inspection of this file for this unit and period (and the annotated workbook
    if it has errors), kept while nothing changes."""
    key = (imports.sha256(content), name, unit, period, actor, data.version(),
           tuple(sorted((n, imports.sha256(b)) for n, b in evidence_files.items())))
    cached = st.session_state.get("entry_inspection")
    if cached and cached[0] == key:
        return cached[1], cached[2]
    bar = st.progress(0.0, text=T["reading"])
    try:
        inspection = imports.inspect(
            data.store(), content, name, unit=unit, period=period, actor=actor,
            progress=lambda done: bar.progress(done, text=T["reading"]),
            evidence_files=evidence_files)
    except StoreProblem as problem:
        widgets.store_problem(problem)
        st.stop()
    bar.empty()
    marked = None if inspection.accepted else imports.annotated(inspection, content)
    st.session_state["entry_inspection"] = (key, inspection, marked)
    return inspection, marked


def _shown(value: object, unit_of_measure: str) -> str:
    return "" if value is None or pd.isna(value) else fmt.measure(value, unit_of_measure, 4)


def _preview_table(preview: pd.DataFrame) -> Styler | pd.DataFrame:
    table = pd.DataFrame({
        "row": preview["row"],
        "item_code": preview["item_code"],
        "name": preview["name"],
        "on_record": [_shown(v, u) for v, u in zip(preview["on_record"],
                                                    preview["unit_of_measure"], strict=True)],
        "new_value": [_shown(v, u) for v, u in zip(preview["new_value"],
                                                    preview["unit_of_measure"], strict=True)],
        "change": preview["change"].map(labels.CHANGE_LABELS),
        "note": preview["note"].fillna(""),
        "evidence": preview["evidence"].fillna(""),
    })
    table = table.rename(columns=labels.PREVIEW_COLUMNS)
    if len(table) > MAX_STYLED_ROWS:  # colouring every cell of a huge preview is slow
        return table
    colours = preview["change"].map(labels.CHANGE_COLORS).tolist()
    return table.style.apply(
        lambda row: [f"background-color: {colours[row.name]}"] * len(row), axis=1)


def _problems(problems: tuple) -> None:
    table = imports.problem_table(problems)
    table["severity"] = table["severity"].map(labels.SEVERITY_LABELS)
    st.dataframe(table.rename(columns=labels.PROBLEM_COLUMNS), hide_index=True,
                 width="stretch")


if uploaded is not None:
    content = uploaded.getvalue()
    inspection, marked = _inspect(content, uploaded.name)
    if not inspection.accepted:
        st.error(T["refused"].format(count=len(inspection.problems)), icon=":material/error:")
        in_cells = tuple(p for p in inspection.problems if p.row is not None)
        for whole in (p for p in inspection.problems if p.row is None):
            st.error(markdown_text(whole.message))  # quotes the file's own text
        if in_cells:
            _problems(in_cells)
        if marked is None and inspection.annotatable:
            st.info(T["annotate_failed"], icon=":material/info:")
        if marked is not None:
            st.download_button(T["annotated_button"], data=marked,
                               file_name=f"loi-{uploaded.name.rsplit('.', 1)[0]}.xlsx",
                               mime=XLSX, icon=":material/download:", on_click="ignore")
            st.caption(T["annotated_caption"])
    if inspection.warnings:
        with st.expander(T["warnings"].format(count=len(inspection.warnings)),
                         expanded=inspection.accepted):
            _problems(inspection.warnings)
    if len(inspection.preview):
        st.subheader(T["step_preview"])
        counts = inspection.counts()
        st.markdown(T["summary"].format(new=counts["new"], changed=counts["changed"],
                                        unchanged=counts["unchanged"],
                                        blank=counts["not_reported"]))
        st.dataframe(_preview_table(inspection.preview), hide_index=True, width="stretch")
    if inspection.accepted:
        duplicate = inspection.duplicate_of
        changes = (inspection.counts()["new"] + inspection.counts()["changed"]
                   + len(inspection.evidence))
        if duplicate:
            st.info(T["duplicate"].format(upload=duplicate["id"],
                                          by=markdown_text(duplicate["uploaded_by"]),
                                          when=fmt.day(duplicate["uploaded_at"])),
                    icon=":material/content_copy:")
        elif not changes:
            st.info(T["nothing_changes"], icon=":material/info:")
        if st.button(T["confirm"], type="primary", icon=":material/save:",
                     disabled=not changes or bool(locked)):
            try:
                with st.spinner(T["saving"]):
                    st.session_state["entry_saved"] = imports.commit(data.store(), actor,
                                                                     inspection)
            except StoreProblem as problem:  # busy too long, disk full, damaged file
                widgets.store_problem(problem)
                st.stop()
            except (PermissionError, LookupError, ValueError, VaultError) as refused:
                widgets.refusal(refused)
                st.stop()
            st.session_state.pop("entry_inspection", None)
            st.session_state["entry_nonce"] = nonce + 1
            st.rerun()

# --- evidence: what was sent back, and evidence for values already reported ----------
evidence.unit_section(unit, period)

nav.link("lich-su-nhap", T["to_history"], icon=":material/history:")
