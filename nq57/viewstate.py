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
from nq57.untrusted import odd_characters, visible

NOTICES = {
    "period": "Kỳ báo cáo «{value}» không hợp lệ; đang hiển thị {default}.",
    "unit": "Không có đơn vị «{value}»; đã bỏ qua.",
    "group": "Không có nhóm chỉ tiêu «{value}»; đang hiển thị tất cả các nhóm.",
    "target": "Không có chỉ tiêu «{value}»; đang hiển thị {default}.",
    "unknown": "Đường dẫn có tham số «{value}» không dùng đến; đã bỏ qua.",
    "many": ("Đường dẫn có {count} tham số không đọc được (đã bỏ qua hoặc dùng giá trị "
             "mặc định). {first}"),
}
# A notice names at most this many parameters, each cut to a readable length.
NOTICE_EXAMPLES = 3
VALUE_LIMIT = 40

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
    # Parameters the view does not use come last: the reader wants to know first
    # which of the filters they asked for could not be read.
    unused = [
        NOTICES["unknown"].format(value=_shown(name)) for name in params
        if name not in PARAMETERS and name not in STREAMLIT_PARAMETERS
    ]
    notices: list[str] = []

    resolver = Resolver.of(choices.units, choices.periods)
    period = choices.default_period
    for raw in params.get("period", [])[:1]:
        candidate = resolver.find_period(raw)
        if candidate is not None:
            period = candidate
        else:
            notices.append(NOTICES["period"].format(value=_shown(raw),
                                                    default=choices.default_period))

    units: list[str] = []
    for raw in params.get("unit", []):
        for piece in str(raw).split(","):
            code = resolver.find_unit(piece)
            if code is None:
                if piece.strip():
                    notices.append(NOTICES["unit"].format(value=_shown(piece.strip())))
            elif code not in units:
                units.append(code)

    group = None
    for raw in params.get("group", [])[:1]:
        if raw in choices.groups:
            group = raw
        elif raw:
            notices.append(NOTICES["group"].format(value=_shown(raw)))

    target = choices.default_target
    for raw in params.get("target", [])[:1]:
        if raw in choices.targets:
            target = raw
        elif raw:
            notices.append(NOTICES["target"].format(value=_shown(raw),
                                                    default=choices.default_target))

    return ViewFilters(period, tuple(units), group, target), notices + unused


def _shown(value: object) -> str:
    """A parameter as a notice quotes it: invisible characters shown by their code,
    look-alike ones named after it, long ones cut."""
    odd = odd_characters(str(value))
    return visible(str(value), VALUE_LIMIT) + (f" ({'; '.join(odd)})" if odd else "")


def one_notice(notices: Sequence[str]) -> str | None:
    """The notices of one address as a single notice: however mangled a link is, the
    reader sees one line, not hundreds."""
    unique = list(dict.fromkeys(notices))
    if len(unique) <= 1:
        return unique[0] if unique else None
    examples = " ".join(unique[:NOTICE_EXAMPLES]) + (" …" if len(unique) > NOTICE_EXAMPLES
                                                      else "")
    return NOTICES["many"].format(count=len(unique), first=examples)


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
