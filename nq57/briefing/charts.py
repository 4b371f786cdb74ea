"""The briefing's charts as PNG images, drawn without a browser (matplotlib's Agg
canvas, no pyplot state, so pages may draw at the same time). The dashboard's status
palette, symbols and fill patterns, so a printed chart reads like the screen and
without colour too."""

from __future__ import annotations

import io
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from nq57 import fmt, labels
from nq57.briefing.model import GroupCount, StatusCount
from nq57.charts import STATUS_PATTERNS

# The dashboard's fill patterns as matplotlib hatches (doubled: denser, as on screen).
HATCHES = {status: pattern * 2 for status, pattern in STATUS_PATTERNS.items()}
INK = "#1F2933"
DPI = 200
# DejaVu Sans ships with matplotlib and has the Vietnamese letters and the symbols.
FONT = "DejaVu Sans"


def _png(figure: Figure) -> bytes:
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight",
                   metadata={"Software": None})
    return buffer.getvalue()


def _figure(width: float, height: float) -> Figure:
    figure = Figure(figsize=(width, height))
    figure.set_layout_engine("constrained")
    return figure


def status_counts(counts: Sequence[StatusCount]) -> bytes:
    """One horizontal bar per status (best at the top) with its count written."""
    shown = [c for c in counts if c.targets or c.targets_before]
    figure = _figure(6.3, 0.45 * max(len(shown), 1) + 0.6)
    axes = figure.add_subplot()
    names = [labels.status_label(c.status) for c in shown]
    values = [c.targets for c in shown]
    bars = axes.barh(names, values, color=[labels.STATUS_COLORS[c.status] for c in shown],
                     hatch=[HATCHES.get(c.status, "") for c in shown], edgecolor="white")
    axes.bar_label(bars, labels=[fmt.number(v, 0) for v in values], padding=3,
                   color=INK, fontfamily=FONT, fontsize=9)
    axes.invert_yaxis()
    axes.set_xlabel(labels.CHART_TEXTS["items"], fontfamily=FONT, fontsize=9, color=INK)
    axes.set_xlim(0, max([*values, 1]) * 1.15)
    _tidy(axes)
    return _png(figure)


def status_by_group(groups: Sequence[GroupCount]) -> bytes:
    """One stacked bar per target group, a segment per status, counts written."""
    names = list(dict.fromkeys(g.group for g in groups))
    figure = _figure(6.3, 0.5 * max(len(names), 1) + 1.0)
    axes = figure.add_subplot()
    left = [0] * len(names)
    for code in labels.STATUSES:
        values = [sum(g.items for g in groups if g.group == name and g.status == code)
                  for name in names]
        if not any(values):
            continue
        bars = axes.barh(names, values, left=left, label=labels.status_label(code),
                         color=labels.STATUS_COLORS[code], hatch=HATCHES.get(code, ""),
                         edgecolor="white")
        axes.bar_label(bars, labels=[fmt.number(v, 0) if v else "" for v in values],
                       label_type="center", color=INK, fontfamily=FONT, fontsize=8)
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.invert_yaxis()
    axes.set_xlabel(labels.CHART_TEXTS["items"], fontfamily=FONT, fontsize=9, color=INK)
    figure.legend(loc="outside lower center", ncol=3, frameon=False,
                  prop={"family": FONT, "size": 8})
    _tidy(axes)
    return _png(figure)


def _tidy(axes: Axes) -> None:
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for tick in axes.get_yticklabels() + axes.get_xticklabels():
        tick.set_fontfamily(FONT)
        tick.set_fontsize(9)
        tick.set_color(INK)
