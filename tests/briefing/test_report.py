"""The report built from the data, in all three formats, for the province, for one unit
and for a period with no data. The expected figures are computed here from the
status rows (status.gaps), not from the report's model."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from nq57 import briefing, fmt, labels, policy, status
from nq57.briefing import Scope
from nq57.db import Store
from tests.briefing.samples import docx_text, flat, pdf_pages, workbook

AS_OF = date(2026, 11, 23)
PART_HEADINGS = [labels.BRIEFING_PARTS[k] for k in
                 ("results", "shortcomings", "causes", "next_steps", "proposals")]


def rows(store: Store, period: str, units: tuple[str, ...] = (), item_type: str = "target"
         ) -> pd.DataFrame:
    return status.gaps(store, period, as_of=AS_OF, units=list(units) or None,
                       item_type=item_type)


def files(store: Store, scope: Scope) -> dict[str, bytes]:
    report = briefing.build(store, scope, actor=policy.Actor("lãnh đạo", policy.VIEWER),
                            as_of=AS_OF)
    return {fmt_: briefing.render(report, fmt_) for fmt_ in briefing.FORMATS}


def count_rows(targets: pd.DataFrame, before: pd.DataFrame, tasks: pd.DataFrame,
               tasks_before: pd.DataFrame) -> list[str]:
    """The status table as its rows read: status, targets now and before, tasks (the
    plan's numbered tasks, each once: a parent task, not its parts)."""
    now, then = Counter(targets["status"]), Counter(before["status"])
    task_now = Counter(tasks.loc[tasks["plan_item"], "status"])
    task_then = Counter(tasks_before.loc[tasks_before["plan_item"], "status"])
    return [f"{labels.status_label(s)} {now[s]} {then[s]} {task_now[s]} {task_then[s]}"
            for s in labels.STATUSES]


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The province's report on the demo data, with the rows it is checked against."""
    from nq57.bootstrap import prepare

    store = Store(tmp_path_factory.mktemp("province") / "demo.duckdb")
    prepare(store, demo_on_create=True)
    return {"files": files(store, Scope("2026-Q3")),
            "targets": rows(store, "2026-Q3"), "before": rows(store, "2026-Q2"),
            "tasks": rows(store, "2026-Q3", item_type="task"),
            "tasks_before": rows(store, "2026-Q2", item_type="task")}


def test_the_province_pdf_holds_the_parts_the_names_and_the_figures(province: dict[str, object],
                                                                    tmp_path: Path) -> None:
    targets: pd.DataFrame = province["targets"]  # type: ignore[assignment]
    pages = pdf_pages(province["files"]["pdf"], tmp_path)  # type: ignore[index]
    text = flat(" ".join(pages))
    for heading in PART_HEADINGS:
        assert heading in text
    for name in targets["name"]:
        assert flat(name) in text, name
    for line in count_rows(targets, province["before"], province["tasks"],  # type: ignore[arg-type]
                           province["tasks_before"]):  # type: ignore[arg-type]
        assert line in text, line
    statuses = Counter(targets["status"])
    assert (f"{len(targets)} chỉ tiêu được theo dõi: {statuses['achieved']} đạt, "
            f"{statuses['on_track']} đúng tiến độ, {statuses['behind']} chậm tiến độ, "
            f"{statuses['red']} cảnh báo đỏ") in text
    for row in targets[targets["status"] == "achieved"].itertuples():
        assert fmt.number(row.actual, 2) in text
    red = targets[targets["status"] == "red"]
    assert len(red) > 0
    for row in red.itertuples():
        rule = labels.BRIEFING_RED_RULES[row.status_reason]
        assert f"{row.code} {flat(row.name)} {row.lead_unit_name} {rule}" in text


def test_every_page_of_a_demo_report_says_so(province: dict[str, object],
                                             tmp_path: Path) -> None:
    reports: dict[str, bytes] = province["files"]  # type: ignore[assignment]
    pages = pdf_pages(reports["pdf"], tmp_path)
    assert len(pages) > 5
    assert all(labels.BRIEFING_TEXTS["demo"] in page for page in pages)
    assert all(f"Trang {n}/{len(pages)}" in page for n, page in enumerate(pages, start=1))
    found = docx_text(reports["docx"])
    assert all(labels.BRIEFING_TEXTS["demo"] in h for h in found["section_headers"])
    book = workbook(reports["xlsx"])
    for sheet in book.worksheets:
        assert labels.BRIEFING_TEXTS["demo"] in sheet.oddHeader.center.text
        assert labels.BRIEFING_TEXTS["demo_long"] in [sheet.cell(row=r, column=1).value
                                                      for r in range(1, 5)]


def test_the_province_word_file_holds_the_parts_the_names_and_the_figures(
        province: dict[str, object]) -> None:
    targets: pd.DataFrame = province["targets"]  # type: ignore[assignment]
    found = docx_text(province["files"]["docx"])  # type: ignore[index]
    assert found["parts"][:5] == PART_HEADINGS
    cells = [flat(c) for c in found["cells"]]  # type: ignore[union-attr]
    for name in targets["name"]:
        assert flat(name) in cells, name
    for row in targets[targets["status"] == "achieved"].itertuples():
        assert fmt.number(row.actual, 2) in cells
    missing = Counter(targets["status"])["overdue_report"]
    assert str(missing) in cells


def test_the_province_workbook_has_one_row_per_target(province: dict[str, object]) -> None:
    targets: pd.DataFrame = province["targets"]  # type: ignore[assignment]
    book = workbook(province["files"]["xlsx"])  # type: ignore[index]
    sheet = book[labels.BRIEFING_SHEETS["appendix_targets"]]
    header = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Mã")
    data = [r for r in sheet.iter_rows(values_only=True) if r[0] in set(targets["code"])]
    assert [r[0] for r in data] == list(targets["code"])
    by_code = {r[0]: r for r in data}
    for row in targets.itertuples():
        assert by_code[row.code][header.index("Chỉ tiêu")] == row.name
        if pd.notna(row.actual):
            assert by_code[row.code][header.index("Thực hiện")] == pytest.approx(row.actual)
    tasks = book[labels.BRIEFING_SHEETS["appendix_tasks"]]
    # The appendix's rows: tasks and sub-tasks, not the parents rolled up from them.
    task_rows: pd.DataFrame = province["tasks"]  # type: ignore[assignment]
    task_codes = set(task_rows.loc[~task_rows["is_parent"], "code"])
    assert sum(1 for r in tasks.iter_rows(values_only=True) if r[0] in task_codes) == len(
        task_codes)


def test_one_units_report_is_issued_by_it_and_holds_only_its_items(demo_store: Store,
                                                                   tmp_path: Path) -> None:
    mine = rows(demo_store, "2026-Q3", ("SNV",))
    others = rows(demo_store, "2026-Q3")
    others = others[others["lead_unit"] != "SNV"]
    reports = files(demo_store, Scope("2026-Q3", ("SNV",)))
    text = flat(" ".join(pdf_pages(reports["pdf"], tmp_path)))
    assert "SỞ NỘI VỤ" in text and "Số: …/BC-SNV" in text and "THỦ TRƯỞNG ĐƠN VỊ" in text
    assert "Quý III/2026 — Sở Nội vụ" in text
    for name in mine["name"]:
        assert flat(name) in text
    assert not any(flat(name) in text for name in others["name"])
    statuses = Counter(mine["status"])
    assert f"{len(mine)} chỉ tiêu được theo dõi: {statuses['achieved']} đạt" in text

    found = docx_text(reports["docx"])
    assert "SỞ NỘI VỤ" in flat(str(found["all"]))
    sheet = workbook(reports["xlsx"])[labels.BRIEFING_SHEETS["appendix_targets"]]
    assert sorted(r[0] for r in sheet.iter_rows(values_only=True)
                  if r[0] in set(rows(demo_store, "2026-Q3")["code"])) == sorted(mine["code"])


def test_a_period_with_no_data_reports_nothing_reported(store: Store, tmp_path: Path) -> None:
    targets = rows(store, "2026-Q3")
    assert targets["actual"].isna().all()
    reports = files(store, Scope("2026-Q3"))
    pages = pdf_pages(reports["pdf"], tmp_path)
    text = flat(" ".join(pages))
    for heading in PART_HEADINGS:
        assert heading in text
    unreported = Counter(targets["status"])
    assert f"{len(targets)} chỉ tiêu được theo dõi: 0 đạt" in text
    assert f"{unreported['overdue_report'] + unreported['no_data']} chưa có số liệu" in text
    for key in ("no_achieved", "no_causes", "no_support"):
        assert flat(labels.BRIEFING_TEXTS[key]) in text
    # Tasks past their deadline with nothing reported are red warnings (the plan's
    # "quá hạn so với mục tiêu"), reported or not; no target is, before the year's end.
    assert "red" not in set(targets["status"])
    assert flat(labels.BRIEFING_TEXTS["no_red"]) not in text
    assert "II.10" in text and labels.BRIEFING_RED_RULES["deadline_passed_unreported"] in text
    assert not any(labels.BRIEFING_TEXTS["demo"] in p for p in pages)
    found = docx_text(reports["docx"])
    assert found["parts"][:5] == PART_HEADINGS
    sheet = workbook(reports["xlsx"])[labels.BRIEFING_SHEETS["appendix_targets"]]
    assert sum(1 for r in sheet.iter_rows(values_only=True)
               if r[0] in set(targets["code"])) == len(targets)


def test_a_group_report_leaves_tasks_out_and_says_so(demo_store: Store, tmp_path: Path) -> None:
    report = briefing.build(demo_store, Scope("2026-Q3", group="1.1"), actor=policy.SYSTEM,
                            as_of=AS_OF)
    assert [t.code for t in report.targets] == ["1.1.1", "1.1.2"]
    assert report.tasks == () and not report.includes_tasks
    text = flat(" ".join(pdf_pages(briefing.render(report, "pdf"), tmp_path)))
    assert flat(labels.BRIEFING_TEXTS["no_tasks_in_scope"]) in text
