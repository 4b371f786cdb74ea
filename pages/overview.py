"""Tổng quan: how many targets are met, on track, behind or in red, by group,
with the red warnings first."""

import streamlit as st

from nq57 import charts, labels, status
from nq57.periods import parse_period
from ui import data, widgets

view = st.session_state["filters"]
period = parse_period(view.period)
st.title(f"Tổng quan — {period.label}")

frame = data.gaps(view.period, view.units, view.group)
if frame.empty:
    widgets.empty_state("Không có chỉ tiêu nào khớp bộ lọc đang chọn.")
    st.stop()

filters = {"period": view.period, "as_of": data.today(), "item_type": "target",
           "units": list(view.units) or None, "group": view.group}
counts = data.query("status_counts", **filters).set_index("status")["items"].to_dict()
widgets.status_cards(counts)

if frame["actual"].isna().all():
    widgets.empty_state(
        "Chưa có số liệu kỳ này — tải biểu mẫu ở trang Nhập số liệu để các đơn vị báo cáo.")

st.subheader("Tình trạng theo nhóm chỉ tiêu")
by_group = data.query("status_by_group", **filters)
groups = data.groups()
group_labels = {code: f"{code}. {name}" for code, name in
                zip(groups["code"], groups["short_name"], strict=True)
                if code in set(by_group["group_code"])}
st.plotly_chart(charts.status_stacked_bar(by_group, "group_code", group_labels),
                width="stretch")

st.subheader("Cảnh báo đỏ")
red = frame[frame["status"] == "red"]
if red.empty:
    st.success("Không có chỉ tiêu nào bị cảnh báo đỏ trong kỳ này.")
else:
    for row in red.to_dict(orient="records"):
        st.markdown(
            f"**{labels.STATUS_SYMBOLS['red']} {row['code']} — {row['name']}**  \n"
            f"{status.explain(row)} · Đơn vị chủ trì: {row['lead_unit_name']}")
