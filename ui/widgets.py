"""Pieces every page uses: status cards, tables with their downloads, the share link,
empty states that say what to do next."""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from nq57 import briefing, exports, fmt, incidents, labels
from nq57.briefing import Scope
from nq57.periods import Period, parse_period
from nq57.tables import Column, Table, display_value
from nq57.untrusted import link_host, markdown_text, safe_link
from nq57.viewstate import ViewFilters
from ui import nav


def page_header(page: str, view: ViewFilters, *, share: bool = True) -> Period:
    """The page's title with its period, and the link to share this exact view (a
    page that adds its own parameters shows the link itself, once they are set)."""
    period = parse_period(view.period)
    st.title(f"{labels.PAGE_TITLES[page]} — {period.label}")
    if share:
        share_link()
    return period


def status_cards(change: pd.DataFrame) -> None:
    """One card per status with its count and the change since the previous period.

    `change` is summary.status_change(): status, items, previous_items, previous_period.
    """
    known = change["previous_items"].notna().any()
    by_status = change.set_index("status")
    per_row = 4
    columns = [column for start in range(0, len(labels.STATUSES), per_row)
               for column in st.columns(per_row)][:len(labels.STATUSES)]
    for column, status in zip(columns, labels.STATUSES, strict=True):
        value = int(by_status.at[status, "items"])
        difference = value - int(by_status.at[status, "previous_items"]) if known else None
        good = labels.STATUS_TONES[status] == "good"
        column.metric(
            labels.status_label(status), fmt.number(value, 0),
            delta=None if difference is None else (
                f"{difference:+d}" if difference else labels.OVERVIEW_TEXTS["change_none"]),
            delta_color=("normal" if good else "inverse") if difference else "off",
            delta_arrow="auto" if difference else "off",
            border=True)
    if known:
        before = parse_period(change["previous_period"].dropna().iloc[0]).label
        st.caption(labels.OVERVIEW_TEXTS["change_caption"].format(period=before))


def empty_state(message: str, *, next_step: bool = False) -> None:
    """A message saying what to do; with `next_step`, a link to the data-entry page
    when that page is installed."""
    st.info(message, icon=":material/info:")
    if next_step:
        nav.link(labels.UPLOAD_PAGE_PATH, labels.UPLOAD_PAGE_TITLE, icon=":material/upload_file:")


def guard(items: pd.DataFrame, *, no_rows: str = labels.EMPTY_STATES["no_match"]) -> None:
    """Stop the page, saying what to do, when the filters leave no items; when none
    of them has been reported yet, say how to report and carry on."""
    if items.empty:
        empty_state(no_rows)
        st.stop()
    if items["actual"].isna().all():
        empty_state(labels.EMPTY_STATES["no_data_period"], next_step=True)


def status_column(frame: pd.DataFrame) -> pd.Series:
    """Status as words with its symbol, for tables (never colour alone)."""
    return frame["status"].map(labels.status_label)


# --- tables -------------------------------------------------------------------------

def _width(column: Column) -> str:
    return "large" if column.width >= 40 else "medium" if column.width >= 16 else "small"


def _config(column: Column) -> object:
    cc = st.column_config
    header, width = column.header, _width(column)
    if column.kind == "progress":
        return cc.ProgressColumn(header, min_value=0, max_value=100, format="%.0f%%",
                                 width="small")
    if column.kind in ("number", "integer", "share"):
        return cc.NumberColumn(header, width=width)
    if column.kind == "date":
        return cc.DateColumn(header, format="DD/MM/YYYY", width="small")
    if column.kind == "datetime":
        return cc.DatetimeColumn(header, format="DD/MM/YYYY HH:mm", width="medium")
    if column.kind == "flag":
        return cc.CheckboxColumn(header, width="small")
    if column.kind == "link":
        return cc.LinkColumn(header, display_text="Xem", width="small")
    return cc.TextColumn(header, width=width)


def _shown(table: Table) -> pd.DataFrame:
    """The values a page shows: status words with symbols, progress in percent."""
    frame = table.frame.copy()
    for column in table.columns:
        if column.kind == "progress":
            frame[column.key] = frame[column.key] * 100
        elif column.kind == "status":
            frame[column.key] = frame[column.key].map(labels.status_label)
        elif column.kind == "reporting":
            frame[column.key] = frame[column.key].map(
                lambda code: f"{labels.REPORTING_STATUS_SYMBOLS[code]} "
                             f"{labels.REPORTING_STATUS_LABELS[code]}")
    return frame


def table(data: Table, *, key: str, period: str = "", height: int | str = "auto",
          downloads: bool = True) -> None:
    """A table with Vietnamese headers and numbers, sortable, then its downloads."""
    shown = _shown(data)
    numeric = {c.key: (lambda v, c=c: display_value(c, v))
               for c in data.columns if c.kind in ("number", "integer", "share")}
    st.dataframe(
        shown.style.format(numeric) if numeric else shown,
        column_config={c.key: _config(c) for c in data.columns},
        hide_index=True,
        height=height,
        key=f"table_{key}",
    )
    if downloads:
        download_buttons(data, key=key, period=period)


def download_buttons(tables: Table | Sequence[Table], *, key: str, period: str = "",
                     report: Scope | None = None) -> None:
    """CSV and Excel of the table(s), and the PDF report of `report` (a scope) when one
    is given. Files are built when clicked, not on every run."""
    from ui import data

    tables = [tables] if isinstance(tables, Table) else list(tables)
    demo = data.demo_present()
    stem = exports.file_stem(tables[0].title, period, demo=demo)
    row = st.container(horizontal=True)
    row.download_button(
        labels.DOWNLOAD_TEXTS["csv"], lambda: exports.to_csv(tables[0], demo=demo),
        file_name=f"{stem}.csv", mime=exports.CSV_MIME, key=f"csv_{key}",
        icon=":material/description:", on_click="ignore")
    row.download_button(
        labels.DOWNLOAD_TEXTS["xlsx"], lambda: exports.to_xlsx(tables, demo=demo),
        file_name=f"{stem}.xlsx", mime=exports.XLSX_MIME, key=f"xlsx_{key}",
        icon=":material/table_view:", on_click="ignore")
    if report is not None:
        report_button(row, report, "pdf", key=key)


_FORMAT_ICONS = {"pdf": ":material/picture_as_pdf:", "docx": ":material/article:",
                 "xlsx": ":material/table_view:"}


def report_button(place: DeltaGenerator, scope: Scope, fmt: str, *, key: str) -> None:
    """A button giving the briefing report of `scope` as a file (built when clicked)."""
    from ui import data

    place.download_button(
        labels.BRIEFING_FORMATS[fmt], lambda: briefing.render(data.briefing_report(scope), fmt),
        file_name=briefing.file_name(scope, fmt), mime=briefing.mime(fmt),
        key=f"report_{fmt}_{key}", icon=_FORMAT_ICONS[fmt], on_click="ignore")


def plain_lines(lines: Sequence[str], *, bold: bool = False, italic: bool = False) -> None:
    """Lines that may hold typed text (names, explanations), shown as plain words:
    HTML-escaped, never read as Markdown or HTML."""
    style = ("font-weight:600;" if bold else "") + ("font-style:italic;" if italic else "")
    body = "".join(f'<p style="margin:0 0 .4rem 0;{style}">{html.escape(line)}</p>'
                   for line in lines)
    st.html(f"<div>{body}</div>")


def view_scope(view: ViewFilters) -> Scope:
    """The briefing report's scope for the filters of the sidebar."""
    return Scope(view.period, tuple(view.units), view.group)


def evidence_markdown(evidence: str) -> str:
    """Evidence as Markdown: an http(s) address becomes a link labelled as leaving the
    dashboard (with its host); anything else is shown exactly as typed."""
    url = safe_link(evidence)
    if url is None:
        return markdown_text(evidence)
    label = labels.LINK_TEXTS["external"].format(host=link_host(url))
    return f"[{markdown_text(label)}]({url})"


def store_problem(problem: Exception) -> None:
    """A store that cannot answer (busy, damaged, disk full): its Vietnamese message in
    place of the page."""
    st.error(markdown_text(str(problem)), icon=":material/hourglass_top:")


def incident(exc: Exception, where: str) -> None:
    """An unexpected error: its traceback to the server log under a short id, and the
    reader a Vietnamese notice with that id (no code, path or library message)."""
    incident_id = incidents.record(exc, f"trang /{where}")
    st.error(labels.INCIDENT_TEXTS["page"].format(incident=incident_id),
             icon=":material/report:")


def share_link() -> None:
    """The address of this exact view, with a copy button."""
    with st.expander(labels.SHARE_TEXTS["label"], icon=":material/link:"):
        st.caption(labels.SHARE_TEXTS["help"])
        st.code(nav.share_url(), language=None, wrap_lines=True)


# Where Streamlit writes each of labels.BUILTIN_TEXTS (found by its own test ids).
_BUILTIN_PLACES = {
    "upload_button": '[data-testid="stFileUploaderDropzone"] button '
                     '[data-testid="stMarkdownContainer"] p',
    "upload_hint": '[data-testid="stFileUploaderDropzoneInstructions"] span',
    "select_all": '[role="option"][data-key="__select_all__"] [data-item-hl]',
}


def vietnamese_builtins() -> None:
    """Streamlit's uploader and multiselect carry English words of their own that no
    parameter changes; a style sheet (which takes no room on the page) hides them and
    shows the Vietnamese words of labels.BUILTIN_TEXTS in their place."""
    rules = []
    for key, place in _BUILTIN_PLACES.items():
        words = labels.BUILTIN_TEXTS[key].replace("\\", "\\\\").replace('"', '\\"')
        rules.append(f"{place} {{ font-size: 0 !important; }}\n"
                     f'{place}::after {{ content: "{words}"; font-size: 0.875rem; '
                     "line-height: 1.6; }")
    st.html("<style>\n" + "\n".join(rules) + "\n</style>")


def refusal(message: object) -> None:
    """A refusal from the core, whose message may quote what a person typed."""
    st.error(markdown_text(message), icon=":material/error:")
