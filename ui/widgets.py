"""Pieces every page uses: status cards, tables with their downloads, the share link,
empty states that say what to do next."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from nq57 import exports, fmt, labels
from nq57.exports import Briefing
from nq57.periods import Period, parse_period
from nq57.tables import Column, Table, display_value
from nq57.viewstate import ViewFilters, describe
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
    columns = st.columns(len(labels.STATUSES))
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
                     briefing: Callable[[], Briefing] | None = None) -> None:
    """CSV and Excel of the table(s), and the PDF briefing when one is given. Files
    are built when clicked, not on every run."""
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
    if briefing:
        row.download_button(
            labels.DOWNLOAD_TEXTS["pdf"], lambda: exports.briefing_pdf(briefing()),
            file_name=f"{exports.file_stem(labels.PDF_TEXTS['title'], period, demo=demo)}.pdf",
            mime=exports.PDF_MIME, key=f"pdf_{key}", icon=":material/picture_as_pdf:",
            on_click="ignore")


def share_link() -> None:
    """The address of this exact view, with a copy button."""
    with st.expander(labels.SHARE_TEXTS["label"], icon=":material/link:"):
        st.caption(labels.SHARE_TEXTS["help"])
        st.code(nav.share_url(), language=None, wrap_lines=True)


def briefing(view: ViewFilters, gaps: pd.DataFrame, change: pd.DataFrame,
             extra: Sequence[Table] = ()) -> Callable[[], Briefing]:
    """The PDF briefing of the current view, built only when someone asks for it."""
    from ui import data

    def build() -> Briefing:
        units, groups = data.units(), data.groups()
        before = change["previous_period"].dropna()
        return exports.briefing(
            title=labels.PDF_TEXTS["title"],
            period_label=parse_period(view.period).label,
            filters=describe(view, dict(zip(units["code"], units["name"], strict=True)),
                             {c: f"{c}. {n}" for c, n in zip(groups["code"], groups["name"],
                                                             strict=True)}),
            as_of=data.today(),
            change=change,
            gaps=gaps,
            previous_label=parse_period(before.iloc[0]).label if len(before) else None,
            extra=extra,
            demo=data.demo_present(),
        )
    return build


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
