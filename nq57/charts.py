"""Plotly figures built from data frames. Plain functions, so they are tested
without a browser; every chart uses the one status palette and labels."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from nq57 import labels

# A fill pattern per status, so the bars read without colour too.
STATUS_PATTERNS = {
    "achieved": "",
    "on_track": "/",
    "behind": "x",
    "red": "\\",
    "overdue_report": ".",
    "no_data": "-",
}

FONT = "Noto Sans, DejaVu Sans, Arial, sans-serif"


def _layout(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        font={"family": FONT},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        separators=",.",  # decimal comma, thousands dot
    )
    return fig


def status_stacked_bar(counts: pd.DataFrame, category: str,
                       category_labels: Mapping[str, str], *, height: int = 320) -> go.Figure:
    """Horizontal stacked bars: one bar per category, one segment per status.

    `counts` has columns [category, 'status', 'items'].
    """
    order = list(category_labels)
    fig = go.Figure()
    for status in labels.STATUSES:
        part = counts[counts["status"] == status].set_index(category)["items"]
        values = [int(part.get(c, 0)) for c in order]
        if not any(values):
            continue
        fig.add_bar(
            name=labels.status_label(status),
            y=[category_labels[c] for c in order],
            x=values,
            orientation="h",
            marker={"color": labels.STATUS_COLORS[status],
                    "pattern": {"shape": STATUS_PATTERNS[status]}},
            text=values,
            textposition="inside",
            hovertemplate="%{y}<br>" + labels.STATUS_LABELS[status] + ": %{x}<extra></extra>",
        )
    fig.update_layout(barmode="stack", yaxis={"autorange": "reversed"},
                      xaxis={"title": "Số chỉ tiêu", "dtick": 5})
    return _layout(fig, height)
