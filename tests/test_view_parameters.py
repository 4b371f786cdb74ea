"""URL parameters of a view: names that mean nothing are reported, Streamlit's own are
left alone, and a view can be described in words for a printed briefing."""

from __future__ import annotations

from nq57.viewstate import Choices, ViewFilters, describe, read_filters

CHOICES = Choices(periods=["2026-Q1", "2026-Q2", "2026-Q3"], default_period="2026-Q3",
                  units=["SKHCN", "SNV"], groups=["1.1", "1.2"], targets=["1.1.1"],
                  default_target="1.1.1")


def test_an_unknown_parameter_is_ignored_with_a_notice() -> None:
    filters, notices = read_filters({"period": ["2026-Q2"], "bogus": ["1"]}, CHOICES)
    assert filters.period == "2026-Q2"
    assert notices == ["Đường dẫn có tham số «bogus» không dùng đến; đã bỏ qua."]


def test_streamlits_own_parameters_are_not_reported() -> None:
    _, notices = read_filters({"embed": ["true"], "embed_options": ["light_theme"]}, CHOICES)
    assert notices == []


def test_a_view_is_described_in_words() -> None:
    view = ViewFilters("2026-Q3", ("SNV", "SKHCN"), "1.2")
    lines = describe(view, {"SNV": "Sở Nội vụ", "SKHCN": "Sở Khoa học và Công nghệ"},
                     {"1.2": "1.2. Nguồn nhân lực"})
    assert lines == ("Kỳ báo cáo: Quý III/2026",
                     "Đơn vị chủ trì: Sở Nội vụ, Sở Khoa học và Công nghệ",
                     "Nhóm chỉ tiêu: 1.2. Nguồn nhân lực")
    assert describe(ViewFilters("2026-Q1"), {}, {})[1:] == (
        "Đơn vị chủ trì: tất cả các đơn vị", "Nhóm chỉ tiêu: tất cả các nhóm")
