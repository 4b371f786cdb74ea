"""The follow-up on the pages, opened as a reader opens them: Cảnh báo (every red
warning, explanations rolled up, reminders, a form to explain), the league on the unit
page, the upload page asking for the explanations a file lacks, and an item's
explanations on its detail page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
from apptools import APP, Opener, tables_with, texts
from streamlit.testing.v1 import AppTest

from nq57 import explanations, labels, league
from nq57.db import Store
from nq57.explanations import Given
from tests.app.apptools import sign_in
from tests.excel.workbooks import fill, template
from tests.helpers import ADMIN, STAFF_SKHCN
from ui.page_list import PAGES

ROOT = Path(__file__).resolve().parents[2]
T = labels.ALERT_PAGE
REASON = "Chưa bố trí được kinh phí để triển khai theo kế hoạch năm."


def cli_warnings(*args: str) -> list[dict]:
    done = subprocess.run(
        [sys.executable, "-m", "nq57", "warnings", "--period", "2026-Q3", *args, "--format",
         "json"], cwd=ROOT, env=os.environ.copy(), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def metrics(at: AppTest) -> dict[str, int]:
    return {m.label: int(m.value.replace(".", "")) for m in at.metric}


def test_the_warning_page_comes_right_after_the_overview():
    assert [p.url_path for p in PAGES[:2]] == ["tong-quan", "canh-bao"]
    assert PAGES[1].title == "Cảnh báo"


def test_the_warning_page_lists_what_the_command_line_lists(demo_store: Store,
                                                            open_page: Opener):
    at = open_page("alerts")
    (shown,) = tables_with(at, "rule")
    cli = cli_warnings()
    assert list(shown["code"]) == [w["code"] for w in cli]
    assert list(shown["rule"]) == [labels.ALERT_RULE_LABELS[w["rule"]] for w in cli]
    assert [None if pd.isna(e) else e for e in shown["explanation"]] == [
        w["explanation"] for w in cli]
    cards = metrics(at)
    assert cards[T["total"]] == len(cli)
    assert cards[labels.ALERT_RULE_LABELS["overdue"]] == sum(w["rule"] == "overdue" for w in cli)
    assert cards[T["unexplained"]] == 0
    assert {"Tải CSV", "Tải Excel"} <= {b.label for b in at.download_button}


def test_the_warning_page_follows_the_sidebar_filters(demo_store: Store, open_page: Opener):
    at = open_page("alerts", unit="CAT")
    (shown,) = tables_with(at, "rule")
    assert len(shown) == len(cli_warnings("--unit", "CAT")) > 0
    assert set(shown["unit_name"]) == {"Công an tỉnh"}
    at = open_page("alerts", group="1.5")
    (shown,) = tables_with(at, "rule")
    assert set(shown["kind"]) == {labels.ITEM_TYPE_LABELS["target"]}


def test_the_warning_page_rolls_up_explanations_and_lists_reminders(demo_store: Store,
                                                                    open_page: Opener):
    at = open_page("alerts")
    (by_cause,) = tables_with(at, "still_behind")
    assert set(by_cause["cause"]) <= set(labels.EXPLANATION_CAUSES.values())
    (by_unit,) = tables_with(at, "unexplained")
    assert "Sở Khoa học và Công nghệ" in set(by_unit["unit_name"])
    (asked,) = [t for t in tables_with(at, "support_requested")
                if "rule" not in t.columns and "explained_at" not in t.columns]
    assert asked["support_requested"].notna().all() and len(asked)
    (due,) = tables_with(at, "days_left")
    # Units with reports due; the bank branch is a data source, not a reporting unit.
    assert "Sở Y tế" in set(due["unit_name"])
    assert "Ngân hàng Nhà nước chi nhánh trên địa bàn tỉnh" not in set(due["unit_name"])
    assert due["email"].str.endswith("@example.invalid").all()
    at.number_input(key="reminders_within").set_value(0).run()
    assert T["reminders_caption"].format(days=0) in texts(at)


def test_an_explanation_given_on_the_warning_page_is_checked_and_shown(store: Store,
                                                                       open_page: Opener):
    at = open_page("alerts", as_="admin", unit="CAT")  # no staff account for CAT here
    (shown,) = tables_with(at, "rule")
    assert "II.10" in set(shown["code"]) and shown["explanation"].isna().all()
    item = next(s for s in at.selectbox if s.label == T["explain_item"])
    item.set_value("II.10|CAT")
    at.text_area[0].input("Chờ góp ý")
    next(b for b in at.button if b.label == T["explain_submit"]).click().run()
    assert "Giải trình chỉ có 9 ký tự" in next(e.value for e in at.error)
    assert explanations.history(store, "II.10").empty
    at.text_area[0].input("Dự thảo quy chế đang chờ ý kiến góp ý của Bộ Công an.")
    next(s for s in at.selectbox if s.label == T["explain_cause"]).set_value("awaiting_guidance")
    next(b for b in at.button if b.label == T["explain_submit"]).click().run()
    assert T["explain_saved"].format(code="II.10") in [s.value for s in at.success]
    (shown,) = tables_with(at, "rule")
    row = shown.set_index("code").loc["II.10"]
    assert (row["explanation"], row["cause"]) == (
        "Dự thảo quy chế đang chờ ý kiến góp ý của Bộ Công an.", "Chờ hướng dẫn của cấp trên")
    (kept,) = store.rows("explanations/history", item="II.10", unit="CAT")
    assert kept["recorded_by"] == ADMIN.signature


def test_the_warning_pages_form_is_for_staff_of_their_units_and_admins(demo_store: Store,
                                                                        open_page: Opener):
    viewer = open_page("alerts", as_="viewer")
    assert T["explain_item"] not in [s.label for s in viewer.selectbox]
    assert T["explain_submit"] not in [b.label for b in viewer.button]
    reviewer = open_page("alerts", as_="reviewer")
    assert T["explain_item"] not in [s.label for s in reviewer.selectbox]
    staff = open_page("alerts", as_="staff")  # staff of SKHCN, whatever the filters show
    (item,) = [s for s in staff.selectbox if s.label == T["explain_item"]]
    assert item.options and all("(Sở KH&CN, " in o for o in item.options)
    admin = open_page("alerts", as_="admin")
    (every,) = [s for s in admin.selectbox if s.label == T["explain_item"]]
    assert len(every.options) > len(item.options)


def test_the_unit_page_proposes_whom_to_commend_and_criticise(demo_store: Store,
                                                              open_page: Opener):
    at = open_page("by_unit")
    (table,) = tables_with(at, "place")
    expected = league.league(demo_store, "2026-Q3")
    assert list(table["unit_name"]) == list(expected["unit_name"])
    assert table["place"].is_monotonic_increasing
    assert {"Biểu dương", "Phê bình"} <= set(table["proposal"])
    (drivers,) = tables_with(at, "driver")
    assert set(drivers["driver"]) == {"Kéo lên", "Kéo xuống"}
    assert labels.LEAGUE_TEXTS["note"].split(".")[0] in texts(at)


# --- the upload page -------------------------------------------------------------------------

PAGE = "views/reporting.py"


def entry_page() -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60)
    sign_in(app, STAFF_SKHCN.name)  # staff of SKHCN: they report, and explain, for it
    app.run()
    app.switch_page(PAGE)
    app.run()
    app.selectbox(key="entry_unit").set_value("SKHCN")
    app.selectbox(key="entry_period").set_value("2026-Q3")
    app.run()
    return app


def test_the_upload_page_asks_for_the_explanation_a_file_lacks(store: Store):
    app = entry_page()
    app.get("file_uploader")[0].set_value(
        ("bao-cao.xlsx", fill(template(store, "SKHCN", "2026-Q3"), {"1.3.1": 2, "1.1.1": 0.65}),
         "application/octet-stream"))
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert any("cần ghi giải trình" in str(d.value["Nội dung"].tolist())
               for d in app.dataframe if "Nội dung" in d.value.columns)
    assert not any(b.label == labels.EXCEL_PAGE["confirm"] for b in app.button)
    app.text_area(key="explain_text_1.3.1").input("Chậm")
    app.selectbox(key="explain_cause_1.3.1").set_value("funding")
    next(b for b in app.button if b.label == labels.EXPLANATION_FORM["apply"]).click().run()
    # too short: the same message as in a file, still no way to store
    messages = " ".join(str(d.value["Nội dung"].tolist()) for d in app.dataframe
                        if "Nội dung" in d.value.columns)
    assert "giải trình chỉ có 4 ký tự" in messages
    app.text_area(key="explain_text_1.3.1").input(REASON)
    app.text_input(key="explain_support_1.3.1").input("Đề nghị bổ sung dự toán")
    next(b for b in app.button if b.label == labels.EXPLANATION_FORM["apply"]).click().run()
    assert not app.error
    confirm = next(b for b in app.button if b.label == labels.EXCEL_PAGE["confirm"])
    assert not confirm.disabled
    confirm.click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert labels.EXPLANATION_FORM["saved"].format(count=1) in [s.value for s in app.success]
    (kept,) = store.rows("explanations/history", item="1.3.1", unit="SKHCN")
    assert (kept["cause"], kept["explanation"], kept["support_requested"], kept["recorded_by"],
            kept["status"]) == ("funding", REASON, "Đề nghị bổ sung dự toán",
                                STAFF_SKHCN.signature, "red")


def test_an_items_explanations_show_in_its_history(demo_store: Store, open_page: Opener):
    code = explanations.explanations(demo_store, "2026-Q3").query("item_type == 'target'")[
        "code"].iloc[0]
    at = open_page("target_detail", target=code)
    (history,) = tables_with(at, "in_force")
    assert history["in_force"].any()
    assert labels.EXPLANATION_FORM["history"] in texts(at)


def test_the_history_page_shows_an_items_explanations(store: Store, open_page: Opener):
    explanations.explain(store, ADMIN, "1.3.1", "SKHCN", "2026-Q3", Given(REASON, "Khác"))
    at = open_page("upload_history", as_="staff")
    at.selectbox(key="history_unit").set_value("SKHCN")
    at.selectbox(key="history_period").set_value("2026-Q3")
    at.run()
    at.selectbox(key="history_item").set_value("1.3.1")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    (history,) = tables_with(at, "in_force")
    assert list(history["explanation"]) == [REASON]
    assert labels.EXPLANATION_FORM["history"] in texts(at)
