"""The briefing model from the data: each part holds what the rules say it should,
checked against the status rows and the detail page's own projection."""

from __future__ import annotations

from datetime import date

import pytest

from nq57 import briefing, detail, fmt, labels, policy, status, summary
from nq57.briefing import Scope, inputs
from nq57.briefing.model import Explanation, following, group_causes
from nq57.db import Store
from nq57.evidence import records
from nq57.periods import Period
from tests.helpers import report

AS_OF = date(2026, 11, 23)
VIEWER = policy.Actor("lãnh đạo", policy.VIEWER)


@pytest.fixture
def province(demo_store: Store) -> briefing.Briefing:
    return briefing.build(demo_store, Scope("2026-Q3"), actor=VIEWER, as_of=AS_OF)


def test_parts_i_and_ii_sort_the_items_by_status(demo_store: Store,
                                                 province: briefing.Briefing) -> None:
    targets = status.gaps(demo_store, "2026-Q3", as_of=AS_OF)
    tasks = status.gaps(demo_store, "2026-Q3", as_of=AS_OF, item_type="task")
    tasks = tasks[~tasks["is_parent"]]  # the plan's rows; parents are rolled up from them
    assert [i.code for i in province.achieved] == list(
        targets.loc[targets["status"] == "achieved", "code"])
    assert [i.code for i in province.on_track] == list(
        targets.loc[targets["status"] == "on_track", "code"])
    assert [i.code for i in province.tasks_done] == list(
        tasks.loc[tasks["status"] == "achieved", "code"])
    red = set(targets.loc[targets["status"] == "red", "code"]) | set(
        tasks.loc[tasks["status"] == "red", "code"])
    assert {i.code for i in province.red} == red
    assert all(i.rule in labels.BRIEFING_RED_RULES.values() for i in province.red)
    assert {i.code for i in province.behind} == set(
        targets.loc[targets["status"] == "behind", "code"]) | set(
        tasks.loc[tasks["status"] == "behind", "code"])
    assert len(province.targets) == len(targets) and len(province.tasks) == len(tasks)


def test_a_red_item_names_the_rule_that_fired(province: briefing.Briefing) -> None:
    rules = {i.rule for i in province.red}
    assert rules == {"Quá hạn so với mục tiêu", "Hoàn thành dưới 50% lộ trình",
                     "Minh chứng không đạt chất lượng"}   # all three of the plan's rules
    overdue = next(i for i in province.red if i.rule == "Quá hạn so với mục tiêu")
    assert overdue.reason.startswith("Đã quá thời hạn")


def test_late_and_missing_reports_come_from_the_completeness_rows(
        demo_store: Store, province: briefing.Briefing) -> None:
    reporting = summary.completeness(demo_store, "2026-Q3", as_of=AS_OF)
    behind = reporting[reporting["reporting_status"].isin(["late", "missing"])]
    assert [(r.unit_name, r.reporting_status, r.days_late) for r in province.reporting] == [
        (r.unit_name, r.reporting_status, r.days_late) for r in behind.itertuples()]
    assert {r.unit_name for r in province.reporting if r.reporting_status == "missing"} == {
        "Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh", "Sở Giáo dục và Đào tạo",
        "Sở Nông nghiệp và Môi trường", "Sở Y tế"}  # the demo's silent units


def test_the_counts_compare_with_the_previous_quarter(demo_store: Store,
                                                      province: briefing.Briefing) -> None:
    before = status.gaps(demo_store, "2026-Q2", as_of=AS_OF)["status"].value_counts()
    for count in province.counts:
        assert count.targets_before == int(before.get(count.status, 0))
    assert province.previous_label == "Quý II/2026" and province.next_label == "Quý IV/2026"
    first = briefing.build(demo_store, Scope("2026-Q1"), actor=VIEWER, as_of=AS_OF)
    assert first.previous_label is None
    assert all(c.targets_before is None and c.tasks_before is None for c in first.counts)


def test_projected_misses_agree_with_the_detail_page(demo_store: Store,
                                                     province: briefing.Briefing) -> None:
    misses = {i.code for i in province.misses}
    assert misses
    for item in province.targets[:12]:
        verdict = detail.load(demo_store, item.code, "2026-Q3", as_of=AS_OF).projection
        assert (item.code in misses) == (verdict.achieved is False), item.code
        if verdict.value is not None:
            assert item.projection == pytest.approx(verdict.value)


def test_tasks_due_next_period_are_the_open_ones_with_a_deadline_in_it(
        demo_store: Store, province: briefing.Briefing) -> None:
    tasks = status.gaps(demo_store, "2026-Q3", as_of=AS_OF, item_type="task")
    tasks = tasks[~tasks["is_parent"]]
    due = tasks[(tasks["deadline"] >= date(2026, 10, 1)) & (tasks["deadline"] <= date(2026, 12, 31))
                & (tasks["status"] != "achieved")]
    assert [i.code for i in province.due_next] == list(due["code"])
    assert all(i.status != "achieved" for i in province.due_next)


def test_the_units_explanations_reach_the_report(demo_store: Store,
                                                province: briefing.Briefing) -> None:
    from nq57 import explanations

    by_cause = explanations.explanations_by_cause(demo_store, "2026-Q3", as_of=AS_OF)
    assert sorted((g.cause, len(g.explanations)) for g in province.causes) == sorted(
        zip(by_cause["cause"], by_cause["items"], strict=True))
    assert [g.cause for g in province.causes] == [
        c for c in explanations.CAUSES if c in set(by_cause["cause"])]  # the plan's order
    asked = explanations.support_requests(demo_store, "2026-Q3", as_of=AS_OF)
    assert len(province.support) == len(asked) > 0
    explained = set(explanations.explanations(demo_store, "2026-Q3", as_of=AS_OF)["code"])
    assert set(province.unexplained) == {
        i.code for i in province.red + province.behind} - explained
    assert list(inputs.explanations(demo_store, Scope("2026-Q3"), AS_OF, None).columns) == list(
        inputs.EXPLANATION_COLUMNS)


def test_items_kept_from_counting_by_their_evidence_are_listed(
        demo_store: Store, province: briefing.Briefing) -> None:
    rows = [status.gaps(demo_store, "2026-Q3", as_of=AS_OF, item_type=kind)
            for kind in ("target", "task")]
    waiting = {(r["code"], "returned" if r["status"] == "awaiting_completion" else "missing")
               for frame in rows for r in frame.to_dict(orient="records")
               if r["status"] in ("awaiting_completion", "awaiting_evidence")}
    assert waiting and {(e.code, e.state) for e in province.evidence} == waiting
    returned = [e for e in province.evidence if e.state == "returned"]
    assert returned and all(e.review_note for e in returned)
    rejected = [i for i in province.red if i.rule == labels.BRIEFING_RED_RULES[
        "evidence_rejected"]]
    assert rejected  # evidence of insufficient quality is among the red items


def test_a_new_value_shows_in_the_next_report(store: Store) -> None:
    before = briefing.build(store, Scope("2026-Q1", ("SKHCN",)), actor=VIEWER, as_of=AS_OF)
    assert "1.1.1" not in {i.code for i in before.achieved}
    report(store, "SKHCN", "2026-Q1", {"1.1.1": 75.0})
    waiting = briefing.build(store, Scope("2026-Q1", ("SKHCN",)), actor=VIEWER, as_of=AS_OF)
    assert "1.1.1" not in {i.code for i in waiting.achieved}   # no evidence yet
    assert ("1.1.1", "missing") in {(e.code, e.state) for e in waiting.evidence}
    records.add(store, policy.Actor("can-bo", policy.STAFF, frozenset({"SKHCN"})), "1.1.1",
                "SKHCN", "2026-Q1", records.link_evidence("https://dongnai.gov.vn/5g"))
    after = briefing.build(store, Scope("2026-Q1", ("SKHCN",)), actor=VIEWER, as_of=AS_OF)
    achieved = {i.code: i for i in after.achieved}
    assert achieved["1.1.1"].actual == 75.0 and achieved["1.1.1"].threshold == "≥ 60%"


def test_the_report_respects_the_download_permission(demo_store: Store,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(policy.MATRIX, policy.DOWNLOAD, frozenset({policy.ADMIN}))
    with pytest.raises(policy.PermissionDenied, match="không có quyền tải dữ liệu và báo cáo"):
        briefing.build(demo_store, Scope("2026-Q3"), actor=VIEWER, as_of=AS_OF)
    assert briefing.build(demo_store, Scope("2026-Q3"), actor=policy.SYSTEM, as_of=AS_OF)


def test_the_issuer_follows_the_scope(demo_store: Store) -> None:
    def issuer(scope: Scope) -> tuple[str, str, str]:
        found = briefing.build(demo_store, scope, actor=VIEWER, as_of=AS_OF).issuer
        return found.superior, found.name, found.code

    assert issuer(Scope("2026-Q3"))[2] == "BCĐ"
    assert issuer(Scope("2026-Q3", ("SNV",))) == ("UBND TỈNH ĐỒNG NAI", "SỞ NỘI VỤ", "SNV")
    assert issuer(Scope("2026-Q3", ("VPTU",)))[0] == "TỈNH ỦY ĐỒNG NAI"
    assert issuer(Scope("2026-Q3", ("BQLKCN_VP",)))[0] == (
        "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP, KHU KINH TẾ TỈNH")
    assert issuer(Scope("2026-Q3", ("SNV", "SKHCN")))[2] == "BCĐ"


# --- pure pieces -----------------------------------------------------------------------

def test_causes_keep_the_plans_order_and_unknown_causes_come_last() -> None:
    def said(cause: str) -> Explanation:
        return Explanation("1.1.1", "x", "Sở", cause, "…")

    groups = group_causes([said("other"), said("zzz"), said("funding"), said("aaa"),
                           said("funding"), said("awaiting_guidance")])
    assert [(g.cause, len(g.explanations)) for g in groups] == [
        ("funding", 2), ("awaiting_guidance", 1), ("other", 1), ("aaa", 1), ("zzz", 1)]
    assert [g.label for g in groups[:3]] == ["Thiếu kinh phí", "Chờ hướng dẫn của cấp trên",
                                             "Khác"]


@pytest.mark.parametrize(("day", "words"), [
    (date(2026, 2, 5), ("05", "02", "2026")),
    (date(2026, 1, 31), ("31", "01", "2026")),
    (date(2026, 3, 9), ("09", "3", "2026")),
    (date(2026, 11, 23), ("23", "11", "2026")),
])
def test_dates_are_written_as_the_decree_says(day: date, words: tuple[str, str, str]) -> None:
    parts = fmt.date_parts(day)
    assert (parts["day"], parts["month"], parts["year"]) == words


@pytest.mark.parametrize(("period", "after"), [
    (Period(2026, "quarter", 3), "2026-Q4"), (Period(2026, "quarter", 4), "2027-Q1"),
    (Period(2026, "month", 7), "2026-08"), (Period(2026, "month", 12), "2027-01"),
])
def test_the_following_period(period: Period, after: str) -> None:
    assert following(period).code == after


@pytest.mark.parametrize(("scope", "name"), [
    (Scope("2026-Q3"), "bao-cao-2026-Q3-toan-tinh.pdf"),
    (Scope("2026-Q3", ("SNV", "CAT")), "bao-cao-2026-Q3-SNV-CAT.pdf"),
    (Scope("2026-Q3", group="1.5"), "bao-cao-2026-Q3-nhom-1.5.pdf"),
])
def test_file_names_are_plain_ascii(scope: Scope, name: str) -> None:
    assert briefing.file_name(scope, "pdf") == name


def test_explanations_plugged_in_reach_every_format(demo_store: Store, tmp_path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The shape inputs.explanations() will return, once explanations are stored:
    grouped by cause, support listed by unit, typed text kept as typed."""
    import pandas as pd

    from tests.briefing.samples import docx_text, flat, pdf_pages, workbook

    typed = "=1+1 chờ\x07 kinh phí"
    frame = pd.DataFrame([
        {"item_type": "target", "code": "1.2.2", "name": "Tỷ lệ cán bộ cấp xã", "unit": "SNV",
         "unit_name": "Sở Nội vụ", "cause": "funding", "text": typed,
         "support": "Đề nghị bổ sung kinh phí", "submitted_at": pd.Timestamp("2026-10-25")},
        {"item_type": "task", "code": "II.1", "name": "Chương trình đột phá", "unit": "SKHCN",
         "unit_name": "Sở Khoa học và Công nghệ", "cause": "awaiting_guidance",
         "text": "Chờ Bộ",
         "support": None, "submitted_at": pd.Timestamp("2026-10-26")},
    ], columns=list(inputs.EXPLANATION_COLUMNS))
    monkeypatch.setattr(inputs, "explanations", lambda *args: frame)
    report_ = briefing.build(demo_store, Scope("2026-Q3"), actor=VIEWER, as_of=AS_OF)
    assert [(g.label, len(g.explanations)) for g in report_.causes] == [
        ("Thiếu kinh phí", 1), ("Chờ hướng dẫn của cấp trên", 1)]
    assert [(s.unit_name, s.text) for s in report_.support] == [
        ("Sở Nội vụ", "Đề nghị bổ sung kinh phí")]
    assert "1.2.2" not in report_.unexplained and "II.1" not in report_.unexplained
    kept = "=1+1 chờ kinh phí"
    assert kept in flat(" ".join(pdf_pages(briefing.render(report_, "pdf"), tmp_path)))
    assert kept in docx_text(briefing.render(report_, "docx"))["cells"]
    book = workbook(briefing.render(report_, "xlsx"))
    cells = [c for row in book[labels.BRIEFING_SHEETS["causes"]].iter_rows() for c in row
             if c.value == kept]
    assert cells and all(c.data_type == "s" for c in cells)
