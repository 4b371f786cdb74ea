"""The reporting page's questions when a file leaves items behind or in red without a
valid explanation: one small form per item (explanation, cause, support), judged by
the same rule as the file's own columns (nq57.imports.explain), and each item's
history of explanations (shown on the history page)."""

from __future__ import annotations

import streamlit as st

from nq57 import explanations, imports, labels, tables
from nq57.explanations import Given
from nq57.imports import Inspection
from nq57.untrusted import markdown_text as md
from ui import data, widgets

T = labels.EXPLANATION_FORM
_GIVEN = "entry_explanations"


def _key(inspection: Inspection) -> tuple[object, ...]:
    return (inspection.sha256, inspection.file_name, inspection.unit, inspection.period,
            data.version())


def amend(inspection: Inspection) -> Inspection:
    """The inspection with the explanations given on this page for this very file."""
    kept = st.session_state.get(_GIVEN)
    if not kept or kept[0] != _key(inspection):
        return inspection
    return imports.explain(inspection, kept[1])


def forget() -> None:
    """Drop the explanations given for a file (after it is stored)."""
    st.session_state.pop(_GIVEN, None)


def ask(inspection: Inspection) -> None:
    """Ask for the explanations the file lacks; on submit, judge them and run again."""
    rows = inspection.explanation_rows()
    if rows.empty:
        return
    st.subheader(T["title"])
    st.caption(T["intro"].format(min=explanations.MIN_LENGTH))
    causes = list(explanations.CAUSES)
    with st.form("entry_explain"):
        for row in rows.to_dict(orient="records"):
            code = row["item_code"]
            with st.container(border=True):
                heading = f"**{md(code)} — {md(row['name'])}**"
                if row["status"]:
                    heading += f" · {labels.status_label(row['status'])}"
                st.markdown(heading)
                if row["reason"]:
                    st.caption(md(row["reason"]))
                known = explanations.cause_code(row["cause"])
                st.text_area(f"{labels.EXCEL_HEADERS['explanation']} — {code}",
                             value=row["explanation"], max_chars=explanations.MAX_LENGTH,
                             key=f"explain_text_{code}")
                st.selectbox(f"{labels.EXCEL_HEADERS['cause']} — {code}", causes,
                             index=causes.index(known) if known else None,
                             format_func=explanations.cause_label,
                             placeholder=labels.EXCEL_CAUSE_PROMPT,
                             key=f"explain_cause_{code}")
                st.text_input(f"{labels.EXCEL_HEADERS['support']} — {code}",
                              value=row["support"], max_chars=explanations.MAX_LENGTH,
                              key=f"explain_support_{code}")
        if st.form_submit_button(T["apply"], icon=":material/rate_review:"):
            given = {
                code: Given(st.session_state.get(f"explain_text_{code}"),
                            st.session_state.get(f"explain_cause_{code}"),
                            st.session_state.get(f"explain_support_{code}"))
                for code in rows["item_code"]}
            kept = st.session_state.get(_GIVEN)
            earlier = kept[1] if kept and kept[0] == _key(inspection) else {}
            st.session_state[_GIVEN] = (_key(inspection), {**earlier, **given})
            st.rerun()


def history(item: str, unit: str | None) -> None:
    """Every explanation of an item, with the one in force marked."""
    found = data.explanation_history(item, unit)
    st.markdown(f"**{T['history']}**")
    if found.empty:
        st.caption(T["no_history"])
    else:
        widgets.table(tables.explanation_history_table(found), key=f"explanations_{item}",
                      period=item)
