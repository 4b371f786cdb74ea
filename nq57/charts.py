"""Plotly figures built from data frames. Plain functions, so they are tested
without a browser; every chart uses the one status palette and labels."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go

from nq57 import fmt, labels

if TYPE_CHECKING:
    from nq57 import detail

# A fill pattern per status, so the bars read without colour too (labels.STATUS_LIST).
STATUS_PATTERNS = {s.code: s.pattern for s in labels.STATUS_LIST}

FONT = "Noto Sans, DejaVu Sans, Arial, sans-serif"
INK = "#1F2933"
GUIDE = "#52606D"


def _layout(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        font={"family": FONT},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        separators=",.",  # decimal comma, thousands dot
    )
    return fig


def _status_bar(status: str, categories: list[str], x: Sequence[float], text: list[str],
                counts: list[int]) -> go.Bar:
    """One status's segments of horizontal stacked bars: colour, pattern and words."""
    return go.Bar(
        name=labels.status_label(status),
        y=categories,
        x=x,
        orientation="h",
        marker={"color": labels.STATUS_COLORS[status],
                "pattern": {"shape": STATUS_PATTERNS[status]}},
        text=text,
        textposition="inside",
        insidetextfont={"color": INK},
        customdata=counts,
        hovertemplate="%{y}<br>" + labels.STATUS_LABELS[status]
        + ": %{customdata}<extra></extra>",
    )


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
        if any(values):
            fig.add_trace(_status_bar(status, [category_labels[c] for c in order], values,
                                      [fmt.number(v, 0) if v else "" for v in values], values))
    fig.update_layout(barmode="stack", yaxis={"autorange": "reversed"},
                      xaxis={"title": labels.CHART_TEXTS["items"], "dtick": 5})
    return _layout(fig, height)


def unit_ranking_bar(ranked: pd.DataFrame, *, height: int | None = None) -> go.Figure:
    """Each unit's items as shares by status, in ranking order (best at the top).

    `ranked` is summary.units_ranked(): one row per unit with a count per status.
    """
    names = [f"{r}. {n}" for r, n in zip(ranked["rank"], ranked["unit_short"], strict=True)]
    fig = go.Figure()
    for status in labels.STATUSES:
        values = ranked[status].astype(int).tolist()
        if any(values):
            shares = (ranked[status] / ranked["items"]).tolist()
            fig.add_trace(_status_bar(status, names, shares,
                                      [fmt.share(v, 0) if v else "" for v in shares], values))
    fig.update_layout(barmode="stack", yaxis={"autorange": "reversed"},
                      xaxis={"title": labels.CHART_TEXTS["share_of_items"],
                             "tickformat": ".0%", "range": [0, 1]})
    return _layout(fig, height or 90 + 28 * len(ranked))


def _shade(hex_colour: str, strength: float) -> str:
    """The colour mixed with white: strength 0 is white, 1 the colour itself."""
    rgb = [int(hex_colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02X}" for c in rgb)


def status_heatmap(ranked: pd.DataFrame, *, height: int | None = None) -> go.Figure:
    """Units × statuses as tiles with the count written in each. Each status column
    shades from white to its own palette colour and carries its label, so no cell
    depends on colour alone. `ranked` is summary.units_ranked()."""
    units = ranked["unit_short"].tolist()
    top = max(1, int(ranked[list(labels.STATUSES)].to_numpy().max())) if len(ranked) else 1
    fig = go.Figure()
    for status in labels.STATUSES:
        values = ranked[status].astype(int).tolist()
        fig.add_scatter(
            name=labels.status_label(status),
            x=[labels.status_label(status)] * len(units),
            y=units,
            mode="markers+text",
            marker={"symbol": "square", "size": 30, "line": {"width": 0},
                    "color": [_shade(labels.STATUS_COLORS[status], 0.2 + 0.8 * v / top)
                              if v else "#F2F5F9" for v in values]},
            text=[fmt.number(v, 0) for v in values],
            textfont={"color": INK},
            customdata=values,
            hovertemplate="%{y}<br>" + labels.STATUS_LABELS[status]
            + ": %{customdata}<extra></extra>",
            showlegend=False,
        )
    fig.update_layout(yaxis={"autorange": "reversed", "showgrid": False},
                      xaxis={"side": "top", "showgrid": False, "categoryorder": "array",
                             "categoryarray": [labels.status_label(s)
                                               for s in labels.STATUSES]},
                      plot_bgcolor="#FFFFFF")
    return _layout(fig, height or 110 + 34 * len(units))


# A marker shape per status, for charts of points (labels.STATUS_LIST).
STATUS_MARKERS = {s.code: s.marker for s in labels.STATUS_LIST}


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bullet_chart(gaps: pd.DataFrame, *, height: int | None = None) -> go.Figure:
    """Every target of `gaps` (rows of status.gaps) as a bullet: the actual as a bar,
    the annual threshold as a tick, where the trajectory says it should be by now as a
    diamond. The common scale is the share of the annual threshold, so targets in %
    and in counts sit side by side; a column on the right gives each actual in its own
    unit with its status in words."""
    rows = gaps.reset_index(drop=True)
    names = [f"{c} {_short(n, 48)}" for c, n in zip(rows["code"], rows["name"], strict=True)]
    reference = rows["reference"].where(rows["reference"].abs() > 1e-12)
    actual_share = (rows["actual"] / reference).fillna(0.0)
    expected_share = rows["expected"] / reference
    units = rows["unit_of_measure"]
    actual_text = [fmt.measure(v, u) for v, u in zip(rows["actual"], units, strict=True)]
    expected_text = [fmt.measure(v, u) for v, u in zip(rows["expected"], units, strict=True)]
    thresholds = [fmt.threshold(c, lo, hi, u) for c, lo, hi, u in zip(
        rows["comparator"], rows["threshold_low"], rows["threshold_high"], units,
        strict=True)]

    fig = go.Figure()
    for status in labels.STATUSES:
        idx = rows.index[rows["status"] == status]
        if not len(idx):
            continue
        fig.add_bar(
            name=labels.status_label(status),
            y=[names[i] for i in idx],
            x=actual_share[idx].tolist(),
            orientation="h",
            width=0.5,
            marker={"color": labels.STATUS_COLORS[status],
                    "pattern": {"shape": STATUS_PATTERNS[status]}},
            customdata=[[actual_text[i], thresholds[i], expected_text[i]] for i in idx],
            hovertemplate="%{y}<br>" + labels.CHART_TEXTS["actual"] + ": %{customdata[0]}<br>"
            + labels.CHART_TEXTS["threshold"] + ": %{customdata[1]}<br>"
            + labels.CHART_TEXTS["expected"] + ": %{customdata[2]}<br>"
            + labels.status_label(status) + "<extra></extra>",
        )
    fig.add_scatter(
        name=labels.CHART_TEXTS["threshold"], y=names, x=[1.0] * len(names), mode="markers",
        marker={"symbol": "line-ns-open", "size": 22, "line": {"width": 3, "color": INK},
                "color": INK},
        customdata=thresholds,
        hovertemplate="%{y}<br>" + labels.CHART_TEXTS["threshold"]
        + ": %{customdata}<extra></extra>",
    )
    fig.add_scatter(
        name=labels.CHART_TEXTS["expected"], y=names, x=expected_share.tolist(),
        mode="markers", marker={"symbol": "diamond", "size": 10, "color": GUIDE,
                                "line": {"width": 1, "color": "#FFFFFF"}},
        customdata=expected_text,
        hovertemplate="%{y}<br>" + labels.CHART_TEXTS["expected"]
        + ": %{customdata}<extra></extra>",
    )
    fig.add_scatter(
        name=labels.CHART_TEXTS["values"], y=names, x=[0.0] * len(names), xaxis="x2",
        mode="text", textposition="middle right", showlegend=False, hoverinfo="skip",
        text=[(actual_text[i] if pd.notna(rows["actual"][i])
               else labels.CHART_TEXTS["no_value"]) + " · " + labels.status_label(s)
              for i, s in enumerate(rows["status"])],
        textfont={"color": INK},
    )
    top = max(1.2, float(pd.concat([actual_share, expected_share]).max(skipna=True) or 0) + 0.1)
    fig.update_layout(
        barmode="overlay",
        yaxis={"autorange": "reversed", "categoryorder": "array", "categoryarray": names},
        xaxis={"title": labels.CHART_TEXTS["share_of_threshold"], "tickformat": ".0%",
               "range": [0, top], "domain": [0, 0.68]},
        xaxis2={"domain": [0.7, 1], "range": [0, 1], "visible": False, "anchor": "y"},
    )
    return _layout(fig, height or 110 + 34 * len(rows))


def _dates(values: pd.Series) -> list:
    return [pd.Timestamp(v).date() for v in values]


def target_trajectory(series: pd.DataFrame, *, name: str, unit_of_measure: str,
                      threshold_text: str, threshold_high: float | None = None,
                      projection: float | None = None, height: int = 380) -> go.Figure:
    """One target's year: the straight trajectory from the baseline (year's start) to
    the threshold (deadline), the reported quarters marked by status, the threshold,
    and the projected year-end value."""
    fig = go.Figure()
    if series.empty:
        return _layout(fig, height)
    first = series.iloc[0]
    start, end = pd.Timestamp(first["year_start"]).date(), pd.Timestamp(
        first["horizon_end"]).date()
    reference = float(first["reference"])
    base = first["baseline"]
    origin = 0.0 if pd.isna(base) else float(base)
    measure = lambda v: fmt.measure(v, unit_of_measure)  # noqa: E731
    # A target met at its baseline is to be held: its trajectory is the threshold
    # itself. With no baseline at all there is no trajectory to draw.
    held = bool(first.get("maintained")) if "maintained" in series else False
    if pd.notna(base):
        fig.add_scatter(
            name=labels.CHART_TEXTS["trajectory"], x=[start, end],
            y=[reference, reference] if held else [origin, reference],
            mode="lines", line={"dash": "dash", "color": GUIDE, "width": 2},
            hovertemplate="%{x|%d/%m/%Y}: %{y}<extra>" + labels.CHART_TEXTS["trajectory"]
            + "</extra>",
        )
    fig.add_hline(y=reference, line={"dash": "dot", "color": INK, "width": 1},
                  annotation_text=f"{labels.CHART_TEXTS['threshold']}: {threshold_text}",
                  annotation_position="top left")
    if threshold_high is not None and pd.notna(threshold_high):
        fig.add_hline(y=float(threshold_high), line={"dash": "dot", "color": INK, "width": 1},
                      annotation_text=labels.CHART_TEXTS["threshold_high"],
                      annotation_position="top right")
    if pd.notna(base):
        estimated = "baseline_source" in series and first["baseline_source"] == "estimated"
        fig.add_scatter(
            name=labels.CHART_TEXTS["baseline_estimated" if estimated else "baseline"],
            x=[start], y=[origin], mode="markers",
            marker={"symbol": "circle-open", "size": 10, "color": GUIDE},
            hovertemplate=labels.CHART_TEXTS["baseline"] + ": " + measure(origin)
            + "<extra></extra>",
        )
    reported = series[series["actual"].notna()]
    fig.add_scatter(
        name=labels.CHART_TEXTS["actual"], x=_dates(reported["period_end"]),
        y=reported["actual"].tolist(), mode="lines", line={"color": INK, "width": 2},
        hoverinfo="skip", showlegend=False,
    )
    for status in labels.STATUSES:
        part = reported[reported["status"] == status]
        if part.empty:
            continue
        fig.add_scatter(
            name=f"{labels.CHART_TEXTS['actual']} — {labels.status_label(status)}",
            x=_dates(part["period_end"]), y=part["actual"].tolist(),
            mode="markers+text",
            marker={"symbol": STATUS_MARKERS[status], "size": 13,
                    "color": labels.STATUS_COLORS[status], "line": {"width": 1, "color": INK}},
            text=[measure(v) for v in part["actual"]], textposition="top center",
            customdata=[labels.status_label(status)] * len(part),
            hovertemplate="%{x|%d/%m/%Y}: %{text}<br>%{customdata}<extra></extra>",
        )
    if projection is not None and len(reported):
        last = reported.iloc[-1]
        fig.add_scatter(
            name=labels.CHART_TEXTS["projection"],
            x=[pd.Timestamp(last["period_end"]).date(), end],
            y=[float(last["actual"]), projection], mode="lines+markers+text",
            line={"dash": "dot", "color": labels.STATUS_COLORS["on_track"], "width": 2},
            marker={"symbol": ["circle", "star"], "size": [1, 14],
                    "color": labels.STATUS_COLORS["on_track"]},
            text=["", measure(projection)], textposition="top center",
            hovertemplate="%{x|%d/%m/%Y}: %{y}<extra>" + labels.CHART_TEXTS["projection"]
            + "</extra>",
        )
    fig.update_layout(title={"text": _short(name, 90), "font": {"size": 14}},
                      xaxis={"tickformat": "%m/%Y",
                             "range": [start - timedelta(days=10), end + timedelta(days=25)]},
                      yaxis={"title": unit_of_measure})
    fig = _layout(fig, height)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 70, "b": 10})
    return fig


def horizon_path(paths: Sequence[detail.Path], *, unit_of_measure: str,
                 latest: tuple[date, float] | None = None, height: int = 320) -> go.Figure:
    """From the 2026 target to each 2030 target it leads to, as a straight line, with
    the latest reported value for scale."""
    fig = go.Figure()
    for path in paths:
        fig.add_scatter(
            name=labels.CHART_TEXTS["path_2030"].format(code=path.code),
            x=[path.start, path.end], y=[path.start_value, path.end_value],
            mode="lines+markers+text",
            line={"dash": "dash", "width": 2},
            marker={"symbol": ["diamond", "star"], "size": 12},
            text=[f"{labels.CHART_TEXTS['target_2026']}: "
                  f"{fmt.measure(path.start_value, unit_of_measure)}",
                  f"{labels.CHART_TEXTS['target_2030']}: "
                  f"{fmt.measure(path.end_value, unit_of_measure)}"],
            textposition=["bottom right", "top left"],
            hovertemplate="%{x|%Y}: %{y}<extra></extra>",
        )
    if latest is not None:
        at, value = latest
        fig.add_scatter(
            name=labels.CHART_TEXTS["latest"], x=[at], y=[value], mode="markers",
            marker={"symbol": "circle", "size": 11, "color": INK},
            hovertemplate="%{x|%m/%Y}: " + fmt.measure(value, unit_of_measure)
            + "<extra></extra>",
        )
    years = sorted({p.start.year for p in paths} | {p.end.year for p in paths})
    ends = [date(y, 12, 31) for y in range(years[0], years[-1] + 1)] if years else []
    fig.update_layout(xaxis={"tickvals": ends,
                             "ticktext": [labels.CHART_TEXTS["year_end"].format(year=d.year)
                                          for d in ends]},
                      yaxis={"title": unit_of_measure, "rangemode": "tozero"})
    return _layout(fig, height)


def task_timeline(tasks: pd.DataFrame, *, today: date, height: int | None = None
                  ) -> go.Figure:
    """Tasks with a deadline as bars from the year's start to their deadline, one
    colour, pattern and label per status, and a line at today. Ongoing tasks (no
    deadline) are not drawn: they are listed apart."""
    rows = tasks[tasks["deadline"].notna()].reset_index(drop=True)
    names = [f"{c} {_short(t, 40)}" for c, t in zip(rows["code"], rows["title"], strict=True)]
    fig = go.Figure()
    for status in labels.STATUSES:
        mask = rows["status"] == status
        if not mask.any():
            continue
        part = rows[mask]
        starts = [pd.Timestamp(v) for v in part["year_start"]]
        ends = [pd.Timestamp(v) + pd.Timedelta(days=1) for v in part["deadline"]]
        fig.add_bar(
            name=labels.status_label(status),
            y=[names[i] for i in part.index],
            base=[s.isoformat() for s in starts],
            x=[(e - s).total_seconds() * 1000 for s, e in zip(starts, ends, strict=True)],
            orientation="h",
            marker={"color": labels.STATUS_COLORS[status],
                    "pattern": {"shape": STATUS_PATTERNS[status]}},
            text=[fmt.share(c, 0) for c in part["completion"]],
            textposition="inside",
            insidetextanchor="start",
            insidetextfont={"color": INK},
            customdata=[[fmt.day(pd.Timestamp(d).date()), t, labels.status_label(status)]
                        for d, t in zip(part["deadline"], part["deadline_text"], strict=True)],
            hovertemplate="%{y}<br>" + labels.CHART_TEXTS["deadline"]
            + ": %{customdata[0]} (%{customdata[1]})<br>%{text} · %{customdata[2]}"
            "<extra></extra>",
        )
    fig.add_vline(x=pd.Timestamp(today).timestamp() * 1000, line={"color": INK, "dash": "dot"},
                  annotation_text=labels.CHART_TEXTS["today"], annotation_position="top")
    fig.update_layout(barmode="overlay", xaxis={"type": "date", "tickformat": "%m/%Y"},
                      yaxis={"autorange": "reversed", "categoryorder": "array",
                             "categoryarray": names})
    return _layout(fig, height or 110 + 24 * len(rows))


# The parts of an item reported achieved, by what review made of it, and the status
# whose colour and pattern each part takes.
REVIEW_PARTS: tuple[tuple[str, str], ...] = (
    ("verified", "achieved"),
    ("awaiting_review", "awaiting_review"),
    ("awaiting_evidence", "awaiting_evidence"),
    ("sent_back", "awaiting_completion"),
)


def reported_vs_verified(compared: pd.DataFrame, *, height: int | None = None) -> go.Figure:
    """Per unit, the items it reports achieved as one bar, split by what review made of
    them (verified, awaiting review, awaiting evidence, sent back), most optimistic unit
    at the top, with the number not (yet) confirmed written at the bar's end.

    `compared` is review.reported_vs_verified(): unit_short, claimed, verified,
    awaiting_review, awaiting_evidence, sent_back, optimism."""
    rows = compared.reset_index(drop=True)
    names = [str(n) for n in rows["unit_short"]]
    fig = go.Figure()
    for column, status in REVIEW_PARTS:
        values = [int(v) for v in rows[column]]
        if not any(values):
            continue
        fig.add_bar(
            name=labels.REVIEW_CHART[column], y=names, x=values, orientation="h",
            marker={"color": labels.STATUS_COLORS[status],
                    "pattern": {"shape": STATUS_PATTERNS[status]}},
            text=[fmt.number(v, 0) if v else "" for v in values], textposition="inside",
            insidetextfont={"color": INK},
            hovertemplate="%{y}<br>" + labels.REVIEW_CHART[column] + ": %{x}<extra></extra>",
        )
    fig.add_scatter(
        name=labels.COLUMN_LABELS["optimism"], y=names,
        x=[int(c) for c in rows["claimed"]], mode="text", textposition="middle right",
        text=[labels.REVIEW_CHART["optimism"].format(n=int(o)) if o else ""
              for o in rows["optimism"]],
        textfont={"color": INK}, showlegend=False, hoverinfo="skip",
    )
    top = int(rows["claimed"].max()) if len(rows) else 1
    fig.update_layout(barmode="stack",
                      yaxis={"autorange": "reversed", "categoryorder": "array",
                             "categoryarray": names},
                      xaxis={"title": labels.REVIEW_CHART["axis"], "range": [0, top * 1.6 + 1],
                             "dtick": 1 if top <= 10 else None})
    return _layout(fig, height or 110 + 34 * max(len(rows), 1))
