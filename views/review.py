"""Thẩm định minh chứng: the secretariat's queue — values reported with evidence that
awaits review — the evidence opened in place, accept or send back with a reason; the
item's evidence history; locking the period after consolidation; reported against
verified by unit."""

import streamlit as st

from nq57 import fmt, labels, policy, tables
from nq57.evidence import review
from nq57.evidence.vault import VaultError
from nq57.untrusted import markdown_text
from ui import auth, data, evidence, widgets

T = labels.REVIEW_PAGE
view = st.session_state["filters"]
widgets.page_header("review", view)
actor = auth.require(policy.REVIEW_EVIDENCE)
st.caption(T["intro"])
widgets.guard(data.gaps(view.period, view.units, view.group))

decided = st.session_state.pop("review_decided", None)
if decided:
    st.success(decided, icon=":material/task_alt:")

states = st.pills(T["state_filter"], list(review.STATES), selection_mode="multi",
                  default=["pending"], format_func=labels.REVIEW_STATE_LABELS.get,
                  key="review_states") or ["pending"]
queue = data.review_queue(view.period, view.units, view.group, tuple(states))
st.subheader(T["queue"].format(count=len(queue)))
if queue.empty:
    widgets.empty_state(T["queue_empty"])
widgets.table(tables.review_queue_table(queue), key="review_queue", period=view.period)

reviewable = queue[queue["evidence_id"].notna()]
if not reviewable.empty:
    rows = {int(r["evidence_id"]): r for _, r in reviewable.iterrows()}
    chosen = st.selectbox(T["pick"], list(rows), key="review_pick",
                          format_func=lambda i: evidence.queue_label(rows[i]))
    row = rows[chosen]
    left, right = st.columns([3, 2])
    with left:
        st.markdown(f"**{T['evidence']}**")
        st.caption(T["reported"].format(
            unit=markdown_text(row["unit_short"] or row["reporting_unit"]),
            value=fmt.measure(row["actual"], str(row["unit_of_measure"])),
            status_reported=labels.status_label(row["reported_status"]),
            at=f"{row['evidence_added_at']:%d/%m/%Y %H:%M}"))
        evidence.show(chosen)
    with right:
        st.markdown(f"**{T['decision']}**")
        st.caption(f"{labels.COLUMN_LABELS['review_state']}: "
                   f"{labels.REVIEW_STATE_LABELS[row['review_state']]}")
        if st.button(T["accept"], type="primary", icon=":material/check:",
                     key=f"accept_{chosen}"):
            try:
                review.accept(data.store(), actor, chosen)
            except (ValueError, PermissionError, VaultError) as exc:
                widgets.refusal(exc)
            else:
                st.session_state["review_decided"] = T["accepted"].format(id=chosen)
                st.rerun()
        with st.form(f"send_back_{chosen}"):
            reason = st.text_area(T["reason"], max_chars=review.MAX_REASON)
            poor = st.checkbox(T["insufficient"], help=T["insufficient_help"])
            if st.form_submit_button(T["send_back"], icon=":material/undo:"):
                try:
                    review.send_back(data.store(), actor, chosen, reason,
                                     insufficient_quality=poor)
                except (ValueError, PermissionError, VaultError) as exc:
                    widgets.refusal(exc)
                else:
                    st.session_state["review_decided"] = T["sent_back"].format(id=chosen)
                    st.rerun()
    st.markdown(f"**{T['history']}**")
    evidence.item_history(str(row["code"]), str(row["reporting_unit"]), key="review_history")

evidence.lock_section(view.period)
evidence.compare_section(view.period, view.units, view.group)
