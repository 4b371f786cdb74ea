"""The dashboard's filters as URL parameters, so a copied link reproduces a view.

Reading is forgiving: an unknown or malformed parameter falls back to its default
and produces a notice for the reader, never an exception.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from nq57 import labels
from nq57.periods import parse_period
from nq57.resolve import Resolver

NOTICES = {
    "period": "Kỳ báo cáo «{value}» không hợp lệ; đang hiển thị {default}.",
    "unit": "Không có đơn vị «{value}»; đã bỏ qua.",
    "group": "Không có nhóm chỉ tiêu «{value}»; đang hiển thị tất cả các nhóm.",
    "target": "Không có chỉ tiêu «{value}»; đang hiển thị {default}.",
    "unknown": "Đường dẫn có tham số «{value}» không dùng đến; đã bỏ qua.",
}

# The parameters a view is made of, and those Streamlit itself reads.
PARAMETERS = ("period", "unit", "group", "target")
STREAMLIT_PARAMETERS = ("embed", "embed_options")


@dataclass(frozen=True)
class ViewFilters:
    period: str
    units: tuple[str, ...] = ()
    group: str | None = None
    target: str | None = None

    def to_params(self) -> dict[str, str | list[str]]:
        """The filters as query parameters (defaults left out keep links short)."""
        params: dict[str, str | list[str]] = {"period": self.period}
        if self.units:
            params["unit"] = list(self.units)
        if self.group:
            params["group"] = self.group
        if self.target:
            params["target"] = self.target
        return params


@dataclass(frozen=True)
class Choices:
    """What may be chosen, and the defaults."""

    periods: Sequence[str]
    default_period: str
    units: Sequence[str]
    groups: Sequence[str]
    targets: Sequence[str] = field(default_factory=tuple)
    default_target: str | None = None


def read_filters(params: Mapping[str, Sequence[str]],
                 choices: Choices) -> tuple[ViewFilters, list[str]]:
    """Filters from query parameters (each a list of values) plus notices for the
    parameters that had to be ignored."""
    notices: list[str] = [
        NOTICES["unknown"].format(value=name) for name in params
        if name not in PARAMETERS and name not in STREAMLIT_PARAMETERS
    ]

    resolver = Resolver.of(choices.units, choices.periods)
    period = choices.default_period
    for raw in params.get("period", [])[:1]:
        candidate = resolver.find_period(raw)
        if candidate is not None:
            period = candidate
        else:
            notices.append(NOTICES["period"].format(value=raw, default=choices.default_period))

    units: list[str] = []
    for raw in params.get("unit", []):
        for piece in str(raw).split(","):
            code = resolver.find_unit(piece)
            if code is None:
                if piece.strip():
                    notices.append(NOTICES["unit"].format(value=piece.strip()))
            elif code not in units:
                units.append(code)

    group = None
    for raw in params.get("group", [])[:1]:
        if raw in choices.groups:
            group = raw
        elif raw:
            notices.append(NOTICES["group"].format(value=raw))

    target = choices.default_target
    for raw in params.get("target", [])[:1]:
        if raw in choices.targets:
            target = raw
        elif raw:
            notices.append(NOTICES["target"].format(value=raw, default=choices.default_target))

    return ViewFilters(period, tuple(units), group, target), notices


def describe(filters: ViewFilters, unit_names: Mapping[str, str],
             group_names: Mapping[str, str]) -> tuple[str, ...]:
    """The view in words, for a printed briefing: period, units, group."""
    units = ", ".join(unit_names.get(u, u) for u in filters.units)
    group = group_names.get(filters.group, filters.group) if filters.group else None
    return (
        labels.FILTER_TEXTS["period"].format(value=parse_period(filters.period).label),
        labels.FILTER_TEXTS["units"].format(value=units or labels.FILTER_TEXTS["all_units"]),
        labels.FILTER_TEXTS["group"].format(value=group or labels.FILTER_TEXTS["all_groups"]),
    )
