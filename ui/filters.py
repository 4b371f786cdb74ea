"""The shared sidebar: period, unit(s) and group, kept in the URL.

A new session reads the URL once (nq57.viewstate decides what is valid); from then
on the widgets hold the state and every run writes it back to the URL, so the
address bar can always be copied to share the exact view.
"""

from __future__ import annotations

import streamlit as st

from nq57.periods import parse_period
from nq57.untrusted import markdown_text
from nq57.viewstate import Choices, ViewFilters, one_notice, read_filters
from ui import data

ALL_GROUPS = "__all__"
_READ = "_filters_read_from_url"


def _choices() -> Choices:
    return Choices(
        periods=data.periods()["code"].tolist(),
        default_period=data.default_period(),
        units=data.units()["code"].tolist(),
        groups=data.groups()["code"].tolist(),
        targets=data.targets()["code"].tolist(),
        default_target=data.targets()["code"].iloc[0],
    )


def _read_url_once() -> None:
    if st.session_state.get(_READ):
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    filters, notices = read_filters(params, _choices())
    st.session_state["f_period"] = filters.period
    st.session_state["f_units"] = list(filters.units)
    st.session_state["f_group"] = filters.group or ALL_GROUPS
    st.session_state["f_target"] = filters.target
    st.session_state["_filter_notices"] = notices
    st.session_state[_READ] = True


_PUBLISHED_TARGET = "_published_target"


def _adopt_target() -> None:
    """A link inside the app (to the detail page, with ?target=…) chooses the target
    even though the rest of the URL was read when the session began. The target this
    session published itself is not news (the reader may just have chosen another)."""
    wanted = st.query_params.get("target")
    if (wanted and wanted != st.session_state.get(_PUBLISHED_TARGET)
            and wanted in set(data.targets()["code"])):
        st.session_state["f_target"] = wanted


def sidebar() -> ViewFilters:
    """Render the shared filters and return them; call once per run, before the page."""
    _read_url_once()
    _adopt_target()
    units = data.units()
    unit_names = dict(zip(units["code"], units["short_name"], strict=True))
    groups = data.groups()
    group_names = {ALL_GROUPS: "Tất cả các nhóm"} | {
        code: f"{code}. {name}" for code, name in zip(groups["code"], groups["short_name"],
                                                       strict=True)
    }
    with st.sidebar:
        st.selectbox("Kỳ báo cáo", data.periods()["code"].tolist(), key="f_period",
                     format_func=lambda code: parse_period(code).label)
        st.multiselect("Đơn vị chủ trì", units["code"].tolist(), key="f_units",
                       format_func=lambda code: unit_names.get(code, code),
                       placeholder="Tất cả các đơn vị")
        st.selectbox("Nhóm chỉ tiêu", list(group_names), key="f_group",
                     format_func=group_names.get)
    notice = one_notice(st.session_state.pop("_filter_notices", []))
    if notice:  # quotes the address: shown as typed, never as Markdown
        st.warning(markdown_text(notice), icon=":material/warning:")
    group = st.session_state["f_group"]
    filters = ViewFilters(
        period=st.session_state["f_period"],
        units=tuple(st.session_state["f_units"]),
        group=None if group == ALL_GROUPS else group,
        target=st.session_state.get("f_target"),
    )
    st.query_params.from_dict(
        {k: v for k, v in filters.to_params().items() if k != "target"})
    return filters


def publish_target(code: str) -> None:
    """The detail page's own parameter, added to the shared ones."""
    st.session_state[_PUBLISHED_TARGET] = code
    st.query_params["target"] = code
