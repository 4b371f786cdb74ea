"""Page pieces of the evidence regime: an evidence file or link shown in place, a
unit's sent-back items and the form to add evidence, an item's evidence history, the
reported/official/verified comparison, period locks.

Whatever people wrote (file names, links, reasons) is shown with st.text, st.code or
inside tables, never as Markdown; a link is a button clearly labelled external.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from nq57 import charts, fmt, labels, locks, policy, tables
from nq57.evidence import preview, records, sniff
from nq57.evidence.vault import VaultError
from nq57.periods import parse_period
from nq57.untrusted import markdown_text
from ui import data, widgets

T = labels.REVIEW_PAGE
E_T = labels.EVIDENCE_PAGE
UPLOAD_TYPES = ["pdf", "png", "jpg", "jpeg", "docx", "xlsx", "pptx"]


# --- one piece of evidence -------------------------------------------------------------

@st.cache_data(show_spinner=False, max_entries=16)
def _pdf_pages(sha256: str, content: bytes) -> list[bytes]:
    return preview.pdf_pages(content)


def show(evidence_id: int) -> None:
    """The evidence opened in place (images; PDF pages as images; a link as an external
    link button) and offered for download, with its facts."""
    try:
        found = records.open_evidence(data.store(), evidence_id)
    except (VaultError, LookupError) as exc:
        widgets.refusal(exc)
        return
    row = found.row
    if found.data is None:
        st.caption(T["link_facts"])
        st.code(str(row["url"]), language=None, wrap_lines=True)
        st.link_button(T["open_link"], str(row["url"]), icon=":material/open_in_new:")
        return
    kind = str(row["file_type"])
    size = int(row["size_bytes"] or len(found.data))
    st.caption(T["file_facts"].format(type=labels.EVIDENCE_TYPE_LABELS[kind],
                                      size=f"{fmt.number(size / 1024, 0)} KB"))
    st.text(str(row["original_name"] or ""))
    st.download_button(T["download"], found.data,
                       file_name=f"minh-chung-{evidence_id}{sniff.EXTENSIONS[kind]}",
                       mime=sniff.MEDIA_TYPES[kind], icon=":material/download:",
                       key=f"evidence_download_{evidence_id}", on_click="ignore")
    if kind in ("png", "jpeg"):
        st.image(found.data)
    elif kind == "pdf":
        pages = _pdf_pages(str(row["sha256"]), found.data)
        if pages:
            st.caption(T["pdf_pages"].format(first=1, last=len(pages)))
            for page in pages:
                st.image(page)
        else:
            st.caption(T["pdf_no_preview"])
    else:
        st.caption(T["office_no_preview"])


def item_history(item: str, unit: str | None = None, *, key: str) -> None:
    """Every piece of evidence sent for an item and every decision on it."""
    log = data.evidence_log(item, unit)
    if log.empty:
        st.caption(labels.REVIEW_CLI["no_evidence"])
        return
    widgets.table(tables.evidence_log_table(log), key=key, downloads=False)


# --- the unit's side -----------------------------------------------------------------

def unit_section(unit: str, period: str) -> None:
    """On the reporting page: the unit's evidence sent back with the reasons, and the
    form to add evidence to a value already reported."""
    st.subheader(E_T["section"])
    back = data.sent_back(unit, period)
    if back.empty:
        st.caption(E_T["sent_back_none"])
    else:
        st.warning(E_T["sent_back_heading"].format(count=len(back)),
                   icon=":material/assignment_return:")
        for row in back.to_dict(orient="records"):
            box = st.container(border=True)
            box.markdown(f"**{labels.status_label(row['status'])} · {row['code']} — "
                         f"{row['name']}**")
            box.caption(E_T["sent_back_by"].format(
                day=fmt.day(row["reviewed_at"]),
                quality=labels.EXCEL_REVIEW_QUALITY if row["insufficient_quality"] else ""))
            box.text(str(row["review_reason"]))  # the reviewer's words, as written
    _add_form(unit, period)


def _add_form(unit: str, period: str) -> None:
    actor = data.actor()
    reported = data.query("revisions/current_for_unit_period", unit=unit, period=period)
    st.markdown(f"**{E_T['add_heading']}**")
    done = st.session_state.pop("evidence_added", None)
    if done is not None:
        st.success(E_T["added" if done[1] else "same"].format(id=done[0]),
                   icon=":material/check_circle:")
    if reported.empty:
        st.caption(E_T["nothing_reported"])
        return
    blocked = locks.refusal(data.store(), actor, period)
    if blocked:
        st.warning(markdown_text(blocked), icon=":material/lock:")
        return
    names = data.query("excel/items", period=period).set_index("code")["name"].to_dict()
    codes = reported["item_code"].tolist()
    nonce = st.session_state.setdefault("evidence_nonce", 0)
    with st.form(f"evidence_add_{nonce}"):
        item = st.selectbox(E_T["add_item"], codes, key="evidence_item",
                            format_func=lambda c: f"{c} — {names.get(c, '')}")
        kind = st.radio(E_T["add_kind"], ["file", "link"], horizontal=True,
                        format_func=labels.EVIDENCE_KIND_LABELS.get, key="evidence_kind")
        upload = st.file_uploader(E_T["add_file"], type=UPLOAD_TYPES, key="evidence_file")
        link = st.text_input(E_T["add_link"], key="evidence_link")
        if not st.form_submit_button(E_T["add_button"], icon=":material/attach_file:"):
            return
    try:
        if kind == "file":
            if upload is None:
                raise ValueError(labels.REVIEW_CLI["need_file_or_link"].split(":")[0])
            evidence: records.Evidence = records.file_evidence(upload.getvalue(), upload.name)
        else:
            evidence = records.link_evidence(link)
        added = records.add(data.store(), actor, item, unit, period, evidence)
    except (ValueError, LookupError, PermissionError, VaultError) as exc:
        widgets.refusal(exc)
        return
    st.session_state["evidence_added"] = (added.evidence_id, added.new)
    st.session_state["evidence_nonce"] = nonce + 1
    st.rerun()


# --- reported, official, verified -------------------------------------------------------

def status_views_section(period: str, units: tuple[str, ...], group: str | None) -> None:
    """How many items stand in each status as the units report them, officially and as
    verified (a table: the cards above are the official count)."""
    views = data.status_views(period, units, group)
    with st.expander(labels.TABLE_TITLES["status_views"], icon=":material/fact_check:"):
        st.caption(" · ".join(f"{labels.COLUMN_LABELS[k]}: {v}"
                              for k, v in (("reported", labels.STATUS_VIEW_LABELS["reported"]),
                                           ("official", labels.STATUS_VIEW_LABELS["official"]),
                                           ("verified_view",
                                            labels.STATUS_VIEW_LABELS["verified"]))))
        widgets.table(tables.status_views_table(views), key="status_views", period=period)


def compare_section(period: str, units: tuple[str, ...], group: str | None) -> None:
    """Per unit: items reported achieved against items verified achieved."""
    st.subheader(T["compare"])
    st.caption(T["compare_note"])
    compared = data.reported_vs_verified(period, units, group)
    if compared.empty:
        st.caption(T["no_claims"])
        return
    st.plotly_chart(charts.reported_vs_verified(compared), width="stretch",
                    key="reported_vs_verified")
    widgets.table(tables.reported_vs_verified_table(compared), key="reported_vs_verified",
                  period=period)


# --- period locks -----------------------------------------------------------------------

def lock_section(period: str) -> None:
    """Whether the period is locked; lock it (reviewer, admin), unlock it (admin)."""
    actor = data.actor()
    label = parse_period(period).label
    st.subheader(T["locks"])
    st.caption(T["locks_help"])
    done = st.session_state.pop("lock_done", None)
    if done:
        st.success(done, icon=":material/lock:")
    found = data.lock_state(period)
    if isinstance(found, locks.LockState) and found.locked:
        st.info(T["lock_state_locked"].format(
            period=label, by=markdown_text(found.changed_by),
            at=f"{fmt.day(found.changed_at)} {found.changed_at:%H:%M}"), icon=":material/lock:")
        if not policy.allowed(actor, policy.CHANGE_LOCKED):
            return
        with st.form("unlock_period"):
            reason = st.text_input(T["unlock_reason"])
            if st.form_submit_button(T["unlock"].format(period=label),
                                     icon=":material/lock_open:"):
                _lock_action(locks.unlock, actor, period, reason, "unlock_done")
        return
    st.caption(T["lock_state_open"].format(period=label))
    if policy.allowed(actor, policy.LOCK_PERIOD) and st.button(
            T["lock"].format(period=label), icon=":material/lock:", key="lock_period"):
        _lock_action(locks.lock, actor, period, None, "lock_done")


def _lock_action(action, actor: policy.Actor, period: str, reason: str | None,
                 said: str) -> None:
    try:
        action(data.store(), actor, period, reason)
    except (ValueError, PermissionError, LookupError) as exc:
        widgets.refusal(exc)
        return
    st.session_state["lock_done"] = labels.LOCK_MESSAGES[said].format(period=period)
    st.rerun()


def queue_label(row: pd.Series) -> str:
    """'#12 · 1.1.1 — Tỷ lệ … (Sở KH&CN)' for the picker."""
    return (f"#{int(row['evidence_id'])} · {row['code']} — {str(row['name'])[:70]} "
            f"({row['unit_short'] or row['reporting_unit']})")
