"""Pieces every page uses: status cards, status tables, downloads, empty states."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from nq57 import fmt, labels


def status_cards(counts: Mapping[str, int], previous: Mapping[str, int] | None = None) -> None:
    """One card per status with its count (and the change since the previous period)."""
    columns = st.columns(len(labels.STATUSES))
    for column, status in zip(columns, labels.STATUSES, strict=True):
        value = int(counts.get(status, 0))
        delta = None
        if previous is not None:
            change = value - int(previous.get(status, 0))
            delta = f"{change:+d} so với kỳ trước" if change else "không đổi"
        good = status in ("achieved", "on_track")
        column.metric(labels.status_label(status), fmt.number(value, 0), delta=delta,
                      delta_color=("normal" if good else "inverse") if delta else "off",
                      border=True)


def empty_state(message: str) -> None:
    st.info(message, icon=":material/info:")


def status_column(frame: pd.DataFrame) -> pd.Series:
    """Status as words with its symbol, for tables (never colour alone)."""
    return frame["status"].map(labels.status_label)
