"""Every page, opened the way a reader opens it: by a URL, on the demo data and on a
database without reports. Assertions are about what the page says and lists."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from apptools import PAGES, Opener, shown, tables_with, texts

from nq57 import fmt, labels, revisions, status
from nq57.db import Store
from nq57.revisions import NewValue, UploadMeta
from nq57.untrusted import markdown_text

ROOT = Path(__file__).resolve().parents[2]
NO_DATA = labels.EMPTY_STATES["no_data_period"]


def cli_gaps(*args: str) -> list[dict]:
    """`python -m nq57 gaps … --format json` on the same file and date, in its own process."""
    result = subprocess.run(
        [sys.executable, "-m", "nq57", "gaps", "--period", "2026-Q3", *args, "--format", "json"],
        cwd=ROOT, env=os.environ.copy(), capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def metrics(at) -> dict[str, int]:
    return {m.label: int(m.value.replace(".", "")) for m in at.metric}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_on_the_demo_data(demo_store: Store, open_page: Opener,
                                           page: str) -> None:
    at = open_page(page)
    assert at.title[0].value == f"{labels.PAGE_TITLES[page]} — Quý III/2026"
    assert "period=2026-Q3" in at.code[0].value  # the link to share this view
    assert NO_DATA not in texts(at)
    assert at.dataframe, "every page shows at least one table"
    assert {"Tải CSV", "Tải Excel"} <= {b.label for b in at.download_button}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_on_an_empty_database_and_says_what_to_do(
        store: Store, open_page: Opener, page: str) -> None:
    at = open_page(page, as_="staff")
    assert at.title[0].value.startswith(labels.PAGE_TITLES[page])
    written = texts(at)
    if page == "target_detail":
        assert labels.EMPTY_STATES["no_history"] in written
        assert labels.PROJECTION_VERDICTS["unknown"] in written
    else:
        assert NO_DATA in written
    assert "tải biểu mẫu ở trang Nhập số liệu" in written
    # ...and links straight to it.
    assert labels.UPLOAD_PAGE_TITLE in [link.label for link in at.page_link]


def test_the_overview_counts_are_those_of_the_command_line(demo_store: Store,
                                                           open_page: Opener) -> None:
    at = open_page("overview")
    cli = cli_gaps()
    shown = metrics(at)
    for code in labels.STATUSES:
        assert shown[labels.status_label(code)] == sum(r["status"] == code for r in cli)
    assert sum(shown.values()) == len(cli) == 54


def test_the_overview_shows_the_change_since_last_quarter(demo_store: Store,
                                                          open_page: Opener) -> None:
    at = open_page("overview")
    before = status.gaps(demo_store, "2026-Q2")["status"].value_counts()
    now = status.gaps(demo_store, "2026-Q3")["status"].value_counts()
    card = next(m for m in at.metric if m.label == labels.status_label("overdue_report"))
    assert card.delta == f"{now.get('overdue_report', 0) - before.get('overdue_report', 0):+d}"
    assert "so với Quý II/2026" in texts(at)


def test_the_overview_lists_red_warnings_with_their_reasons(demo_store: Store,
                                                            open_page: Opener) -> None:
    at = open_page("overview")
    red = [r for r in cli_gaps() if r["status"] == "red"]
    # Catalogue text is escaped for Markdown ("1\\.5\\.3"); a reader sees "1.5.3".
    warnings = [shown(m.value).strip("*") for m in at.markdown
                if m.value.startswith(f"**{labels.status_label('red')}")]
    assert len(warnings) == len(red)
    assert all(w.split(" · ")[1].split(" — ")[0] in {r["code"] for r in red} for w in warnings)
    assert all("lộ trình" in w or "thời hạn" in w or "thẩm định" in w for w in warnings)
    links = [link for link in at.page_link if link.value == "Xem chi tiết"]
    assert len(links) == len(red)
    assert f"target={red[0]['code']}" in links[0].proto.query_string


def test_the_overview_tells_who_has_reported_and_who_is_late(demo_store: Store,
                                                             open_page: Opener) -> None:
    at = open_page("overview")
    (reporting,) = tables_with(at, "reporting_status")
    late = reporting[reporting["reporting_status"].str.contains("muộn")]
    assert sorted(late["days_late"]) == [3, 6, 11]
    missing = reporting[reporting["reporting_status"].str.contains("quá hạn")]
    assert len(missing) == 5 and set(missing["days_late"]) == {34}
    assert "13/18 đơn vị đã báo cáo" in texts(at)
    assert "Tải báo cáo PDF" in {b.label for b in at.download_button}


def test_a_unit_in_the_url_narrows_every_table(demo_store: Store, open_page: Opener) -> None:
    everyone = open_page("overview")
    (all_rows,) = tables_with(everyone, "reason")
    at = open_page("overview", unit="SNV")
    (rows,) = tables_with(at, "reason")
    assert sorted(rows["code"]) == sorted(r["code"] for r in cli_gaps("--unit", "SNV"))
    assert 0 < len(rows) < len(all_rows)
    assert set(rows["lead_unit_short"]) == {"Sở Nội vụ"}
    assert sum(metrics(at).values()) == len(rows)


def test_several_units_in_the_url_are_all_kept(demo_store: Store, open_page: Opener) -> None:
    at = open_page("by_unit", unit=["SNV", "CAT"])
    (ranking,) = tables_with(at, "rank")
    assert sorted(ranking["unit_name"]) == ["Công an tỉnh", "Sở Nội vụ"]


@pytest.mark.parametrize(("params", "notice"), [
    ({"period": "2026-Q9"}, "Kỳ báo cáo «2026-Q9» không hợp lệ; đang hiển thị 2026-Q3."),
    ({"period": "quý năm"}, "Kỳ báo cáo «quý năm» không hợp lệ; đang hiển thị 2026-Q3."),
    ({"unit": "XYZ"}, "Không có đơn vị «XYZ»; đã bỏ qua."),
    ({"group": "9.9"}, "Không có nhóm chỉ tiêu «9.9»; đang hiển thị tất cả các nhóm."),
    ({"foo": "bar"}, "Đường dẫn có tham số «foo» không dùng đến; đã bỏ qua."),
])
def test_a_malformed_parameter_falls_back_with_a_notice(demo_store: Store, open_page: Opener,
                                                        params: dict, notice: str) -> None:
    at = open_page("overview", **params)
    assert [w.value for w in at.warning][:1] == [markdown_text(notice)]  # quoted as typed
    assert at.title[0].value == "Tổng quan — Quý III/2026"
    (rows,) = tables_with(at, "reason")
    assert len(rows) == 54
    assert at.query_params == {"period": "2026-Q3"}


def test_a_copied_link_reproduces_the_view_in_a_new_session(demo_store: Store,
                                                            open_page: Opener) -> None:
    first = open_page("by_unit", period="2026-Q2", unit=["SKHCN", "SNV"], group="1.2")
    link = first.code[0].value
    assert "theo-don-vi" in link
    query = parse_qs(urlsplit(link).query)
    assert query == {"period": ["2026-Q2"], "unit": ["SKHCN", "SNV"], "group": ["1.2"]}
    second = open_page("by_unit", **query)
    for column in ("rank", "reason"):
        mine, theirs = tables_with(first, column), tables_with(second, column)
        assert len(mine) == len(theirs) > 0
        for one, other in zip(mine, theirs, strict=True):
            pd.testing.assert_frame_equal(one, other)
    assert second.title[0].value == "Theo đơn vị — Quý II/2026"


def test_the_share_link_is_the_browsers_address_with_the_filters(demo_store: Store,
                                                                 open_page: Opener) -> None:
    at = open_page("by_group", unit="SNV")
    at.context["url"] = "https://nq57.dongnai.gov.vn/theo-nhom"
    at.run()
    assert at.code[0].value == "https://nq57.dongnai.gov.vn/theo-nhom?period=2026-Q3&unit=SNV"


def test_changing_a_filter_changes_the_url(demo_store: Store, open_page: Opener) -> None:
    at = open_page("tasks")
    at.multiselect(key="f_units").set_value(["CAT"]).run()
    assert at.query_params["unit"] == "CAT"
    everything = tables_with(at, "output")[-1]
    assert set(everything["lead_unit_short"]) == {"Công an tỉnh"}


def test_the_group_page_draws_each_group_with_its_targets(demo_store: Store,
                                                          open_page: Opener) -> None:
    at = open_page("by_group")
    assert [shown(t.label) for t in at.tabs] == ["1.1. Hạ tầng", "1.2. Nguồn nhân lực",
                                          "1.3. Khoa học và công nghệ", "1.4. Đổi mới sáng tạo",
                                          "1.5. Chuyển đổi số"]
    per_group = tables_with(at, "reason")
    assert [len(t) for t in per_group] == [2, 7, 7, 8, 30]
    assert len(at.get("plotly_chart")) == 5
    narrowed = open_page("by_group", group="1.2")
    assert [shown(t.label) for t in narrowed.tabs] == ["1.2. Nguồn nhân lực"]


def test_the_unit_page_ranks_units_and_drills_into_one(demo_store: Store,
                                                       open_page: Opener) -> None:
    at = open_page("by_unit")
    (ranking,) = tables_with(at, "rank")
    assert ranking["rank"].is_monotonic_increasing
    assert {"Sở Y tế", "Sở Nông nghiệp và Môi trường"} <= set(ranking["unit_name"].tail(3))
    assert "Tải báo cáo PDF" in {b.label for b in at.download_button}
    drill = at.selectbox[0]
    drill.set_value("SNV").run()
    targets = [t for t in tables_with(at, "reason") if len(t)]
    assert set(targets[0]["lead_unit_short"]) == {"Sở Nội vụ"}
    (tasks,) = tables_with(at, "output")
    assert set(tasks["lead_unit_short"]) == {"Sở Nội vụ"}


def test_a_unit_filter_opens_the_drill_down_on_that_unit(demo_store: Store,
                                                        open_page: Opener) -> None:
    at = open_page("by_unit", unit="CAT")
    assert at.selectbox[0].value == "CAT"


def test_the_detail_page_shows_the_path_to_2030(demo_store: Store, open_page: Opener) -> None:
    at = open_page("target_detail", target="1.1.1")
    written = texts(at)
    assert "1.1.1 — Tỷ lệ phủ sóng 5G trên địa bàn" in written
    assert "Lộ trình đến năm 2030" in written
    assert "**2030** · Tỷ lệ phủ sóng thông tin di động thế hệ 5G: **≥ 100%**" in written
    assert labels.PROJECTION_VERDICTS["achieved"] in written
    assert "bình phương nhỏ nhất" in written
    assert len(at.get("plotly_chart")) == 2  # the year, the path to 2030
    (history,) = tables_with(at, "revoked")
    assert list(history["period"]) == ["2026-Q3", "2026-Q2", "2026-Q1", "2025-Q4"]
    assert at.query_params["target"] == "1.1.1"


def test_the_detail_page_says_by_how_much_a_target_is_passed_or_short(
        demo_store: Store, open_page: Opener) -> None:
    rows = status.gaps(demo_store, "2026-Q3").set_index("code")
    passed, short = rows.loc["1.1.1", "gap"], rows.loc["1.2.2", "gap"]
    assert passed < 0 < short  # demo: 5G coverage passed its 60%, 1.2.2 in red
    cards = {m.label: m.value for m in open_page("target_detail", target="1.1.1").metric}
    assert cards["Vượt chỉ tiêu"] == fmt.measure(-passed, "%")
    assert "Còn thiếu" not in cards
    cards = {m.label: m.value for m in open_page("target_detail", target="1.2.2").metric}
    assert cards["Còn thiếu"] == fmt.measure(short, "%")


def test_the_detail_page_lists_2045_and_says_when_there_is_no_2030(demo_store: Store,
                                                                   open_page: Opener) -> None:
    assert "**2045** · Quy mô kinh tế số/GRDP" in texts(
        open_page("target_detail", target="1.5.23"))
    assert labels.EMPTY_STATES["no_horizon"] in texts(open_page("target_detail", target="1.3.1"))


def test_choosing_another_target_puts_it_in_the_url(demo_store: Store,
                                                    open_page: Opener) -> None:
    at = open_page("target_detail", target="1.1.1")
    at.selectbox(key="detail_target").set_value("1.3.1").run()
    assert at.query_params["target"] == "1.3.1"
    assert "1.3.1 — " in texts(at)


def test_an_unknown_target_falls_back_to_the_first_with_a_notice(demo_store: Store,
                                                                 open_page: Opener) -> None:
    at = open_page("overview", target="9.9.9")
    assert "Không có chỉ tiêu «9.9.9»; đang hiển thị 1.1.1." in [shown(w.value) for w in at.warning]
    at.switch_page(PAGES["target_detail"]).run()
    assert at.selectbox(key="detail_target").value == "1.1.1"


def test_the_tasks_page_separates_ongoing_tasks(demo_store: Store, open_page: Opener) -> None:
    at = open_page("tasks", group="1.1")
    assert labels.EMPTY_STATES["group_ignored_on_tasks"] in texts(at)
    ongoing, everything = tables_with(at, "output")
    assert len(everything) == 46  # the 42 appendix rows and 4 parents above their parts
    titles = list(everything["title"])
    assert titles[list(everything["code"]).index("V.1.1")].startswith("↳ ")
    assert "80% cán bộ, công chức, viên chức được bồi dưỡng" in set(everything["kpi"])
    assert "Quý I/2026 (giả định)" in set(everything["deadline_text"])
    assert set(ongoing["deadline_text"]) <= {"Thường xuyên", "Nhiệm vụ thường xuyên"}
    assert len(at.get("plotly_chart")) == 1


def test_an_upload_shows_at_once(demo_store: Store, open_page: Opener) -> None:
    at = open_page("overview")
    overdue = labels.status_label("overdue_report")
    assert metrics(at)[overdue] == 2
    silent = status.gaps(demo_store, "2026-Q3")
    codes = silent[silent["reporting_unit"] == "SYT"]["code"].tolist()
    meta = UploadMeta(unit="SYT", period="2026-Q3", file_name="syt.xlsx", sha256="syt",
                      uploaded_by="Cán bộ Sở Y tế", rows_read=len(codes),
                      at=datetime(2026, 11, 23, 8))
    with demo_store.transaction() as con:
        revisions.record_upload(demo_store, con, meta, [NewValue(c, 50.0) for c in codes])
    at.run()
    assert metrics(at)[overdue] == 2 - len(codes)


def test_filters_that_leave_nothing_say_how_to_widen_them(demo_store: Store,
                                                         open_page: Opener) -> None:
    at = open_page("by_group", unit="CAT", group="1.1")
    assert labels.EMPTY_STATES["no_match"] in texts(at)
    assert not at.dataframe
    tasks = open_page("tasks", unit="NHNN")  # a data source, leading nothing
    assert labels.EMPTY_STATES["no_tasks"] in texts(tasks)


@pytest.mark.parametrize("page", PAGES)
def test_a_month_in_the_url_opens_every_page_on_that_month(demo_store: Store,
                                                           open_page: Opener,
                                                           page: str) -> None:
    at = open_page(page, period="2026-05")
    assert at.title[0].value == f"{labels.PAGE_TITLES[page]} — Tháng 5/2026"
    assert "period=2026-05" in at.code[0].value
    assert at.sidebar.selectbox[0].value == "2026-05"


def test_the_period_picker_offers_months_beside_quarters(demo_store: Store,
                                                         open_page: Opener) -> None:
    at = open_page("overview")
    picker = at.sidebar.selectbox[0]
    assert picker.value == "2026-Q3"  # the quarter stays the default view
    assert picker.options[:4] == ["Tháng 1/2026", "Tháng 2/2026", "Tháng 3/2026",
                                  "Quý I/2026"]
    picker.set_value("2026-08").run()
    assert at.title[0].value.endswith("Tháng 8/2026")


def test_the_overview_explains_carried_values_and_missing_baselines(
        demo_store: Store, open_page: Opener) -> None:
    at = open_page("overview")
    (gaps,) = tables_with(at, "reason")
    by_code = gaps.set_index("code")
    # Công an tỉnh did not report Q3: its Q2 value is shown with where it comes from.
    assert by_code.loc["1.5.20", "value_period"] == "Quý II/2026"
    assert "số liệu Quý II/2026" in by_code.loc["1.5.20", "reason"]
    assert "kỳ này chưa báo cáo" in by_code.loc["1.5.20", "reason"]
    # 1.5.29 has no 2025 value and one value this year: no basis for a trajectory.
    assert by_code.loc["1.5.29", "baseline_source"] == "ước tính — chưa có số liệu gốc"
    assert by_code.loc["1.5.29", "status"] == labels.status_label("no_basis")
    assert "Chưa có số liệu gốc" in by_code.loc["1.5.29", "reason"]
    assert labels.status_label("no_basis") in metrics(at)


def test_the_detail_page_says_where_a_baseline_comes_from(demo_store: Store,
                                                          open_page: Opener) -> None:
    estimated = texts(open_page("target_detail", target="1.2.6"))
    assert "ước tính — chưa có số liệu gốc" in estimated
    payment = texts(open_page("target_detail", target="1.5.15"))
    assert "Số liệu do Ngân hàng Nhà nước chi nhánh trên địa bàn tỉnh cung cấp" in payment
    assert labels.DETAIL_TEXTS["lead_assumed"].strip() in payment
