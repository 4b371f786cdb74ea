"""Explanations when behind (giải trình): a value that leaves its item behind or red is
stored only with an explanation and a cause; what was written is checked the same way
in the file, on the page and on the command line; explanations are kept with the
revision they explain, append-only, and roll up by unit and cause.

Statuses are the engine's, as of the pinned date 2026-11-23 and for 2026-Q3 unless
said: 1.3.1 (SKHCN, at least 10 enterprises in the year, counted from zero) is on
track from 7.5, behind from 3.75, red below; II.1 (SKHCN's task due 31/03/2026) is
red unless complete.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nq57 import explanations, imports, labels, revisions
from nq57.db import Store
from nq57.explanations import ExplanationRefused, Given
from nq57.policy import PermissionDenied
from tests.excel.workbooks import (
    dump,
    fill,
    resave_with_libreoffice,
    rows_of,
    soffice,
    template,
)
from tests.helpers import ADMIN, REVIEWER, STAFF_SKHCN, STAFF_SNV, VIEWER, report

ROOT = Path(__file__).resolve().parent.parent
PERIOD = "2026-Q3"
REASON = "Chưa bố trí được kinh phí để triển khai theo kế hoạch năm."
# Control characters cannot be stored in a worksheet at all.
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs")), max_size=60)
BRIEFING_COLUMNS = {"unit_code", "unit_name", "item_type", "code", "name", "status", "cause",
                    "cause_label", "explanation", "support_requested", "recorded_at",
                    "recorded_by"}


def workbook(store: Store, values: dict[str, object],
             explained: dict[str, tuple] | None = None) -> bytes:
    return fill(template(store, "SKHCN", PERIOD), values, explanations=explained)


def inspect(store: Store, values: dict[str, object],
            explained: dict[str, tuple] | None = None) -> imports.Inspection:
    return imports.inspect(store, workbook(store, values, explained), "bao-cao.xlsx")


def codes(inspection: imports.Inspection) -> list[str]:
    return [p.code for p in inspection.problems]


def stored(store: Store) -> list[dict]:
    return store.rows("explanations/history", item="1.3.1", unit=None) + store.rows(
        "explanations/history", item="II.1", unit=None)


# --- the rule, case by case ---------------------------------------------------------------

# 10 meets the target; without evidence it awaits it ("Chờ minh chứng"), not behind.
@pytest.mark.parametrize(("value", "status"), [(8, "on_track"), (10, "awaiting_evidence")])
def test_a_value_on_track_or_achieved_needs_no_explanation(store: Store, value, status):
    inspection = inspect(store, {"1.3.1": value})
    assert inspection.accepted
    assert inspection.judged["1.3.1"].status == status


@pytest.mark.parametrize(("value", "words"), [(5, "đang chậm tiến độ"),
                                              (2, "đang bị cảnh báo đỏ")])
def test_a_value_behind_or_red_without_explanation_is_refused_at_its_cell(
        store: Store, value, words):
    data = workbook(store, {"1.3.1": value})
    before = dump(store)
    inspection, result = imports.import_file(store, data, "bao-cao.xlsx", actor=STAFF_SKHCN)
    assert result is None and codes(inspection) == ["explanation_missing"]
    (found,) = inspection.problems
    row = rows_of(data)["1.3.1"]
    assert found.cell == f"M{row}"
    assert found.message.startswith(f"Ô M{row}: 1.3.1 {words} (hoàn thành ")
    assert "cần ghi giải trình (ít nhất 20 ký tự) và chọn nguyên nhân" in found.message
    assert inspection.asks_explanations
    assert dump(store) == before


def test_a_task_report_past_its_deadline_needs_an_explanation(store: Store):
    inspection = inspect(store, {"II.1": "50%"})
    (found,) = inspection.problems
    assert found.code == "explanation_missing"
    assert "II.1 đang bị cảnh báo đỏ (đã quá thời hạn 31/03/2026 mà chưa đạt)" in found.message


@pytest.mark.parametrize("cause", ["Thiếu kinh phí", "thieu kinh phi", "  THIẾU KINH PHÍ ",
                                   "funding"])
def test_an_explanation_with_a_known_cause_is_accepted_however_the_cause_is_written(
        store: Store, cause):
    inspection = inspect(store, {"1.3.1": 2}, {"1.3.1": (REASON, cause)})
    assert inspection.accepted, [p.message for p in inspection.problems]
    assert inspection.explained["1.3.1"] == explanations.Explanation(REASON, "funding")


@pytest.mark.parametrize(("given", "code", "column", "says"), [
    (("Thiếu tiền", "Thiếu kinh phí"), "explanation_too_short", "M", "chỉ có 10 ký tự"),
    (("x" * 19, "Khác"), "explanation_too_short", "M", "chỉ có 19 ký tự"),
    (("   " + "x" * 19 + "   ", "Khác"), "explanation_too_short", "M", "chỉ có 19 ký tự"),
    (("x" * 2001, "Khác"), "explanation_too_long", "M", "2001 ký tự"),
    ((REASON, None), "cause_missing", "N", "chưa chọn nguyên nhân"),
    ((REASON, "Hết tiền"), "cause_unknown", "N", "«Hết tiền» không có trong danh sách"),
    ((None, "Thiếu kinh phí"), "explanation_text_missing", "M", "chưa có nội dung"),
    ((None, None, "Đề nghị hỗ trợ"), "explanation_text_missing cause_missing", "M",
     "chưa có nội dung"),
    ((REASON, "Khác", "y" * 2001), "support_too_long", "O", "2001 ký tự"),
])
def test_what_is_written_must_hold(store: Store, given, code, column, says):
    data = workbook(store, {"1.3.1": 2}, {"1.3.1": given})
    inspection = imports.inspect(store, data, "bao-cao.xlsx")
    assert codes(inspection) == code.split()
    assert inspection.problems[0].cell == f"{column}{rows_of(data)['1.3.1']}"
    assert says in inspection.problems[0].message


@pytest.mark.parametrize("length", [20, 2000])
def test_an_explanation_of_20_to_2000_characters_is_enough(store: Store, length):
    inspection = inspect(store, {"1.3.1": 2}, {"1.3.1": ("x" * length, "Khác")})
    assert inspection.accepted


def test_an_explanation_on_a_value_on_track_is_checked_and_kept_too(store: Store):
    assert codes(inspect(store, {"1.3.1": 8}, {"1.3.1": ("ngắn", "Khác")})) == [
        "explanation_too_short"]
    fine = inspect(store, {"1.3.1": 8}, {"1.3.1": (REASON, "Khác")})
    imports.commit(store, STAFF_SKHCN, fine)
    assert [r["status"] for r in stored(store)] == ["on_track"]


def test_the_cause_list_is_the_plans_six_in_order():
    assert [labels.EXPLANATION_CAUSES[c] for c in explanations.CAUSES] == [
        "Thiếu kinh phí", "Thiếu nhân lực", "Vướng cơ chế, chính sách",
        "Chờ hướng dẫn của cấp trên", "Nguyên nhân khách quan", "Khác"]


def test_a_file_with_other_errors_does_not_ask_for_explanations_on_the_page(store: Store):
    inspection = inspect(store, {"1.3.1": 2, "1.1.1": "nhiều"})
    assert set(codes(inspection)) == {"explanation_missing", "not_a_number"}
    assert not inspection.asks_explanations


def test_a_self_made_sheet_may_carry_the_explanation_columns(store: Store):
    from tests.excel.workbooks import sheet

    data = sheet([["1.3.1", 2, "Thiếu kinh phí", REASON, "Đề nghị bổ sung vốn"]],
                 header=("Mã chỉ tiêu", "Giá trị thực hiện", "Nguyên nhân chậm tiến độ",
                         "Giải trình", "Đề xuất hỗ trợ của tỉnh"))
    inspection = imports.inspect(store, data, "tu-lap.xlsx", unit="SKHCN", period=PERIOD)
    assert inspection.accepted, [p.message for p in inspection.problems]
    assert inspection.explained["1.3.1"] == explanations.Explanation(
        REASON, "funding", "Đề nghị bổ sung vốn")


# --- the template --------------------------------------------------------------------------

def test_the_template_has_explanation_columns_with_the_six_causes_to_choose(store: Store):
    import io

    import openpyxl

    from nq57.excel import template as template_book

    data = template(store, "SKHCN", PERIOD)
    book = openpyxl.load_workbook(io.BytesIO(data))
    ws = book[labels.EXCEL_SHEET_ENTRY]
    header = {c.value: c.column_letter for c in ws[template_book.HEADER_ROW] if c.value}
    assert (header["Giải trình"], header["Nguyên nhân"], header["Đề xuất hỗ trợ"]) == (
        "M", "N", "O")
    rows = rows_of(data)
    first, last = min(rows.values()), max(rows.values())
    for column in "MNO":
        assert not ws[f"{column}{first}"].protection.locked  # the staff type here
    (causes,) = [dv for dv in ws.data_validations.dataValidation
                 if str(dv.sqref) == f"N{first}:N{last}"]
    assert causes.type == "list" and causes.formula1 == "'_nq57'!$D$1:$D$6"
    listed = [book["_nq57"][f"D{r}"].value for r in range(1, 7)]
    assert listed == [labels.EXPLANATION_CAUSES[c] for c in explanations.CAUSES]
    help_text = "\n".join(str(c.value) for c in book[labels.EXCEL_SHEET_HELP]["A"] if c.value)
    assert "ít nhất 20 ký tự" in help_text and "Chờ hướng dẫn của cấp trên" in help_text


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_explanations_survive_a_round_trip_through_libreoffice(store: Store, tmp_path):
    filled = workbook(store, {"1.3.1": 2},
                      {"1.3.1": (REASON, "Vướng cơ chế, chính sách", "Sửa quy chế")})
    resaved = resave_with_libreoffice(filled, tmp_path)
    inspection = imports.inspect(store, resaved, "luu-lai.xlsx")
    assert inspection.accepted, [p.message for p in inspection.problems]
    assert inspection.explained["1.3.1"] == explanations.Explanation(REASON, "policy",
                                                                     "Sửa quy chế")


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=ANY_TEXT, cause=ANY_TEXT, support=ANY_TEXT)
def test_any_explanation_text_is_kept_as_written_or_refused_with_a_located_message(
        store: Store, text, cause, support):
    inspection = imports.explain(inspect(store, {"1.3.1": 2}),
                                 {"1.3.1": Given(text, cause, support)})
    for found in inspection.problems:
        assert found.code in explanations.PROBLEM_CODES and found.cell
    if inspection.accepted:
        kept = inspection.explained["1.3.1"]
        assert kept.explanation == unicodedata.normalize("NFC", text).strip()
        assert kept.cause in explanations.CAUSES


# --- the page gives what the file lacks: the same rule --------------------------------------

@pytest.mark.parametrize("given", [
    ("Thiếu tiền", "Thiếu kinh phí"), ((REASON, None)), ((REASON, "Hết tiền")),
    ((None, "Khác")), ((REASON, "Thiếu kinh phí")), ((REASON, "staffing", "Đề nghị hỗ trợ")),
])
def test_the_page_and_the_file_judge_an_explanation_alike(store: Store, given):
    in_file = inspect(store, {"1.3.1": 2}, {"1.3.1": given})
    on_page = imports.explain(inspect(store, {"1.3.1": 2}), {"1.3.1": Given(*given)})
    assert [(p.code, p.message) for p in on_page.problems] == [
        (p.code, p.message) for p in in_file.problems]
    assert on_page.explained == in_file.explained


def test_the_page_can_correct_what_the_file_got_wrong(store: Store):
    wrong = inspect(store, {"1.3.1": 2}, {"1.3.1": ("Thiếu tiền", "Thiếu kinh phí")})
    rows = wrong.explanation_rows()
    assert rows[["item_code", "status", "explanation", "cause"]].values.tolist() == [
        ["1.3.1", "red", "Thiếu tiền", "Thiếu kinh phí"]]
    fixed = imports.explain(wrong, {"1.3.1": Given(REASON, "Thiếu kinh phí")})
    assert fixed.accepted and fixed.explanation_rows().empty


def test_the_command_line_refuses_and_accepts_exactly_as_the_page(store: Store, tmp_path):
    missing, explained = tmp_path / "thieu.xlsx", tmp_path / "du.xlsx"
    missing.write_bytes(workbook(store, {"1.3.1": 2}))
    explained.write_bytes(workbook(store, {"1.3.1": 2},
                                   {"1.3.1": (REASON, "Thiếu kinh phí", "Đề nghị bổ sung")}))
    page_says = imports.inspect(store, missing.read_bytes(), "thieu.xlsx").problems[0].message

    def cli(path: Path) -> tuple[int, dict]:
        done = subprocess.run(
            [sys.executable, "-m", "nq57", "import", str(path), "--user", STAFF_SKHCN.name,
             "--format", "json"],
            cwd=ROOT, env=os.environ.copy(), capture_output=True, text=True, timeout=120)
        return done.returncode, json.loads(done.stdout)

    code, answer = cli(missing)
    assert code == 1 and [e["message"] for e in answer["errors"]] == [page_says]
    assert answer["errors"][0]["code"] == "explanation_missing"
    code, answer = cli(explained)
    assert code == 0, answer["errors"]
    assert answer["explanations_stored"] == 1
    row = next(r for r in answer["rows"] if r["item"] == "1.3.1")
    assert (row["status"], row["cause"]) == ("red", "Thiếu kinh phí")
    (kept,) = stored(store)
    assert (kept["cause"], kept["explanation"], kept["support_requested"], kept["recorded_by"],
            kept["status"]) == ("funding", REASON, "Đề nghị bổ sung", "Trần Thị B (canbo.kh)",
                                "red")


# --- storing: with the revision, in the same transaction, signed by the account -------------

def test_explanations_are_stored_with_the_upload_and_audited(store: Store):
    inspection = inspect(store, {"1.3.1": 2, "II.1": "50%"},
                         {"1.3.1": (REASON, "Thiếu kinh phí"),
                          "II.1": ("Chờ ý kiến thẩm định của bộ, ngành trung ương.",
                                   "Chờ hướng dẫn của cấp trên")})
    result = imports.commit(store, STAFF_SKHCN, inspection)
    assert (result.stored, result.explanations) == (2, 2)
    rows = {r["item_code"]: r for r in stored(store)}
    assert {r["upload_id"] for r in rows.values()} == {result.upload_id}
    assert rows["II.1"]["cause"] == "awaiting_guidance"
    assert {r["recorded_by"] for r in rows.values()} == {"Trần Thị B (canbo.kh)"}
    (entry,) = store.rows("audit/entries", since=None, actor=None, action="explain")
    assert (entry["actor"], entry["role"], entry["object_id"]) == (
        "canbo.kh", "staff", "SKHCN/2026-Q3")
    assert labels.audit_action_label(entry["action"]) == "Gửi giải trình"
    assert json.loads(entry["after"]) == {
        "count": 2, "items": ["1.3.1", "II.1"], "causes": ["awaiting_guidance", "funding"]}


def test_another_units_staff_cannot_store_the_file_nor_its_explanations(store: Store):
    inspection = inspect(store, {"1.3.1": 2}, {"1.3.1": (REASON, "Thiếu kinh phí")})
    before = dump(store)
    with pytest.raises(PermissionDenied, match="cho đơn vị SKHCN"):
        imports.commit(store, STAFF_SNV, inspection)
    assert dump(store) == before  # neither the values nor their explanations went in


@pytest.mark.parametrize("who", [VIEWER, REVIEWER, STAFF_SNV])
def test_only_staff_of_the_unit_or_an_admin_explain(store: Store, who):
    before = dump(store)
    with pytest.raises(PermissionDenied, match="gửi giải trình"):
        explanations.explain(store, who, "1.3.1", "SKHCN", PERIOD, Given(REASON, "Khác"))
    assert dump(store) == before
    explanations.explain(store, ADMIN, "1.3.1", "SKHCN", PERIOD, Given(REASON, "Khác"))
    (row,) = store.rows("explanations/history", item="1.3.1", unit="SKHCN")
    assert row["recorded_by"] == "Quản trị thử (quantri.thu)"


def test_a_locked_period_takes_explanations_from_an_admin_only(store: Store):
    from nq57 import locks

    locks.lock(store, REVIEWER, PERIOD, reason="Đã tổng hợp")
    with pytest.raises(locks.PeriodLocked):
        explanations.explain(store, STAFF_SKHCN, "1.3.1", "SKHCN", PERIOD,
                             Given(REASON, "Khác"))
    explanations.explain(store, ADMIN, "1.3.1", "SKHCN", PERIOD, Given(REASON, "Khác"))
    assert len(explanations.history(store, "1.3.1")) == 1


def test_the_same_file_twice_stores_nothing_the_second_time(store: Store):
    data = workbook(store, {"1.3.1": 2}, {"1.3.1": (REASON, "Thiếu kinh phí")})
    imports.import_file(store, data, "a.xlsx", actor=STAFF_SKHCN)
    again, result = imports.import_file(store, data, "a.xlsx", actor=STAFF_SKHCN)
    assert again.accepted and result is not None
    assert (result.upload_id, result.explanations) == (None, 0)
    assert len(stored(store)) == 1


def test_an_unchanged_value_keeps_its_explanation_and_needs_no_new_one(store: Store):
    imports.import_file(store, workbook(store, {"1.3.1": 2}, {"1.3.1": (REASON, "Khác")}),
                        "a.xlsx", actor=STAFF_SKHCN)
    same_value = inspect(store, {"1.3.1": 2, "1.1.1": 0.65})
    assert same_value.accepted
    changed_value = inspect(store, {"1.3.1": 3})
    assert codes(changed_value) == ["explanation_missing"]  # a new value, a new reason


def test_a_new_explanation_for_the_same_value_is_added_not_overwritten(store: Store):
    imports.import_file(store, workbook(store, {"1.3.1": 2}, {"1.3.1": (REASON, "Khác")}),
                        "a.xlsx", actor=STAFF_SKHCN)
    later = "Doanh nghiệp đã nộp hồ sơ, đang chờ Sở thẩm định cấp giấy chứng nhận."
    explanations.explain(store, ADMIN, "1.3.1", "SKHCN", PERIOD,
                         Given(later, "Nguyên nhân khách quan"))
    history = explanations.history(store, "1.3.1")
    assert history[["explanation", "in_force", "recorded_by"]].values.tolist() == [
        [later, True, "Quản trị thử (quantri.thu)"], [REASON, False, "Trần Thị B (canbo.kh)"]]
    (now,) = explanations.explanations(store, PERIOD).to_dict(orient="records")
    assert (now["explanation"], now["cause_label"]) == (later, "Nguyên nhân khách quan")


def test_revoking_an_upload_takes_its_explanation_out_of_force(store: Store):
    _, first = imports.import_file(store, workbook(store, {"1.3.1": 2},
                                                   {"1.3.1": (REASON, "Khác")}),
                                   "a.xlsx", actor=STAFF_SKHCN)
    other = "Đã có thêm hồ sơ nhưng chưa đủ điều kiện công nhận trong kỳ."
    _, second = imports.import_file(store, workbook(store, {"1.3.1": 3},
                                                    {"1.3.1": (other, "Khác")}),
                                    "b.xlsx", actor=STAFF_SKHCN)
    assert explanations.explanations(store, PERIOD)["explanation"].tolist() == [other]
    revisions.revoke_upload(store, ADMIN, second.upload_id, "Nhập nhầm")
    assert explanations.explanations(store, PERIOD)["explanation"].tolist() == [REASON]
    history = explanations.history(store, "1.3.1")
    assert history[["upload_id", "revoked", "in_force"]].values.tolist() == [
        [second.upload_id, True, False], [first.upload_id, False, True]]


def test_an_item_never_reported_can_be_explained_until_a_value_comes(store: Store):
    waiting = "Dự thảo quy chế đang chờ ý kiến góp ý của Bộ Công an."
    explanations.explain(store, ADMIN, "II.10", "CAT", PERIOD,
                         Given(waiting, "Chờ hướng dẫn của cấp trên"))
    (row,) = store.rows("explanations/history", item="II.10", unit="CAT")
    # Past its deadline and never reported: red.
    assert (row["upload_id"], row["status"], row["in_force"]) == (None, "red", True)
    report(store, "CAT", PERIOD, {"II.10": 60.0})
    assert explanations.explanations(store, PERIOD).empty  # the value needs its own


@pytest.mark.parametrize(("item", "unit", "period", "says"), [
    ("1.3.1", "SNV", PERIOD, "1.3.1 do đơn vị SKHCN báo cáo, không phải SNV"),
    ("9.9.9", "SKHCN", PERIOD, "Không có chỉ tiêu hoặc nhiệm vụ mã «9.9.9»"),
    ("1.1.1", "SKHCN", "2025-Q4", "Không có chỉ tiêu hoặc nhiệm vụ mã «1.1.1» trong kỳ 2025-Q4"),
])
def test_an_explanation_is_refused_for_what_the_unit_does_not_report(store: Store, item, unit,
                                                                     period, says):
    with pytest.raises(ExplanationRefused, match=says):
        explanations.explain(store, ADMIN, item, unit, period, Given(REASON, "Khác"))
    assert explanations.history(store, item).empty


def test_staff_explain_only_for_their_own_unit(store: Store):
    with pytest.raises(PermissionDenied):
        explanations.explain(store, STAFF_SNV, "1.3.1", "SKHCN", PERIOD, Given(REASON, "Khác"))
    explanations.explain(store, STAFF_SKHCN, "1.3.1", "SKHCN", PERIOD, Given(REASON, "Khác"))
    assert len(explanations.history(store, "1.3.1")) == 1


def test_the_explain_command_says_why_it_refuses(store: Store):
    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "nq57", "explain", *args], cwd=ROOT,
                              env=os.environ.copy(), capture_output=True, text=True,
                              timeout=120)

    nobody = cli("1.3.1", "--unit", "SKHCN", "--period", PERIOD, "--cause", "Khác",
                 "--text", REASON)
    assert nobody.returncode == 1 and "--user" in nobody.stderr
    unknown = cli("1.3.1", "--unit", "SKHCN", "--period", PERIOD, "--cause", "Khác",
                  "--text", REASON, "--user", "nguyen.van.a")
    assert unknown.returncode == 1 and "nguyen.van.a" in unknown.stderr
    short = cli("1.3.1", "--unit", "SKHCN", "--period", PERIOD, "--cause", "Khác",
                "--text", "Chậm", "--user", STAFF_SKHCN.name)
    assert short.returncode == 1 and "Giải trình chỉ có 4 ký tự" in short.stderr
    other_unit = cli("1.3.1", "--unit", "SKHCN", "--period", PERIOD, "--cause", "Khác",
                     "--text", REASON, "--user", STAFF_SNV.name)
    assert other_unit.returncode == 1 and "không có quyền gửi giải trình" in other_unit.stderr
    assert "Traceback" not in other_unit.stderr
    done = cli("1.3.1", "--unit", "skhcn", "--period", "Quý III/2026", "--cause",
               "vuong co che, chinh sach", "--text", REASON, "--support", "Sửa quy chế",
               "--user", STAFF_SKHCN.name)
    assert done.returncode == 0, done.stderr
    (row,) = store.rows("explanations/history", item="1.3.1", unit=None)
    assert (row["cause"], row["recorded_by"], row["support_requested"]) == (
        "policy", "Trần Thị B (canbo.kh)", "Sửa quy chế")


# --- roll-ups -------------------------------------------------------------------------------

def _explain_several(store: Store) -> None:
    report(store, "SKHCN", PERIOD, {"1.3.1": 2.0, "II.1": 50.0, "1.1.1": 61.0})
    report(store, "SNV", "2025-Q4", {"1.2.2": 20.0})  # a rate is judged from its baseline
    report(store, "SNV", PERIOD, {"1.2.2": 30.0})
    given = {
        ("SKHCN", "1.3.1"): Given(REASON, "Thiếu kinh phí", "Đề nghị bổ sung dự toán"),
        ("SKHCN", "II.1"): Given("Chờ thẩm định của bộ, ngành trung ương.", "Thiếu kinh phí"),
        ("SNV", "1.2.2"): Given("Cán bộ phụ trách nghỉ chế độ dài ngày trong quý.",
                                "Thiếu nhân lực", "Đề nghị biệt phái cán bộ"),
    }
    for (unit, item), text in given.items():
        explanations.explain(store, ADMIN, item, unit, PERIOD, text)


def test_explanations_list_what_the_briefing_needs(store: Store):
    _explain_several(store)
    rows = explanations.explanations(store, PERIOD)
    assert set(rows.columns) >= BRIEFING_COLUMNS
    assert rows[["unit_code", "code", "item_type", "status", "cause_label"]].values.tolist() == [
        ["SKHCN", "1.3.1", "target", "red", "Thiếu kinh phí"],
        ["SKHCN", "II.1", "task", "red", "Thiếu kinh phí"],
        ["SNV", "1.2.2", "target", "red", "Thiếu nhân lực"]]
    only_snv = explanations.explanations(store, PERIOD, units=["SNV"])
    assert only_snv["code"].tolist() == ["1.2.2"]
    group = explanations.explanations(store, PERIOD, group="1.3")
    assert group["code"].tolist() == ["1.3.1"]  # a chosen group leaves the tasks out


def test_explanations_roll_up_by_cause(store: Store):
    _explain_several(store)
    by_cause = explanations.explanations_by_cause(store, PERIOD)
    assert by_cause[["cause_label", "items", "units", "still_behind", "red",
                     "support_requests"]].values.tolist() == [
        ["Thiếu kinh phí", 2, 1, 2, 2, 1], ["Thiếu nhân lực", 1, 1, 1, 1, 1]]


def test_explanations_roll_up_by_unit_with_what_is_left_unexplained(store: Store):
    _explain_several(store)
    report(store, "STC", "2025-Q4", {"1.2.1": 0.4})
    report(store, "STC", PERIOD, {"1.2.1": 0.41})  # red, not explained
    by_unit = explanations.explanations_by_unit(store, PERIOD)
    assert by_unit[["unit_code", "behind_or_red", "explained", "unexplained",
                    "support_requests", "main_cause_label"]].values.tolist() == [
        # Tasks past their deadline and never reported are red too, and unexplained.
        ["SKHCN", 12, 2, 10, 1, "Thiếu kinh phí"],
        ["CAT", 3, 0, 3, 0, None],
        ["SCT", 1, 0, 1, 0, None],
        ["STC", 1, 0, 1, 0, None],
        ["SNV", 1, 1, 0, 1, "Thiếu nhân lực"]]


def test_support_requests_list_what_units_ask_of_the_province(store: Store):
    _explain_several(store)
    asked = explanations.support_requests(store, PERIOD)
    assert asked[["unit_code", "code", "support_requested"]].values.tolist() == [
        ["SKHCN", "1.3.1", "Đề nghị bổ sung dự toán"], ["SNV", "1.2.2", "Đề nghị biệt phái cán bộ"]]


def test_the_rollup_commands_print_the_same(store: Store):
    _explain_several(store)
    done = subprocess.run([sys.executable, "-m", "nq57", "explanations", "--period", PERIOD,
                           "--view", "by_cause", "--format", "json"], cwd=ROOT,
                          env=os.environ.copy(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [(r["cause"], r["items"]) for r in json.loads(done.stdout)] == [
        ("funding", 2), ("staffing", 1)]


# --- the demo ---------------------------------------------------------------------------------

def test_the_demo_explains_its_values_behind_or_red(demo_store: Store):
    rows = explanations.explanations(demo_store, PERIOD)
    assert len(rows) >= 20
    assert set(rows["cause"]) >= {"funding", "staffing", "policy", "awaiting_guidance"}
    assert rows["explanation"].str.len().min() >= explanations.MIN_LENGTH
    assert rows["support_requested"].notna().any()
    by_unit = explanations.explanations_by_unit(demo_store, PERIOD)
    assert by_unit["explained"].sum() >= 20
    # written for each unit by a staff account of that unit, signed like the demo uploads
    assert set(rows["recorded_by"]) == {"Số liệu minh họa"}
    written = demo_store.rows("audit/entries", since=None, actor=None, action="explain")
    assert written and {(e["actor"], e["role"]) for e in written} == {
        ("Số liệu minh họa", "staff")}
    assert set(rows["unit_code"]) <= {e["object_id"].split("/")[0] for e in written}


def test_removing_the_demo_removes_its_explanations(demo_store: Store):
    from nq57 import demo

    real = datetime(2026, 11, 2, 9)
    inspection = imports.inspect(demo_store, workbook(demo_store, {"1.3.1": 3},
                                                      {"1.3.1": (REASON, "Khác")}), "t.xlsx")
    imports.commit(demo_store, STAFF_SKHCN, inspection, at=real)
    demo.remove(demo_store, ADMIN)
    assert demo_store.rows("explanations/history", item="1.3.1", unit=None)[0][
        "recorded_by"] == "Trần Thị B (canbo.kh)"
    assert len(explanations.explanations(demo_store, PERIOD)) == 1
