"""The page "Nhập số liệu" as staff of a unit use it: choose, upload, check, confirm;
every other page shows the new numbers at once; the page "Lịch sử nhập số liệu" keeps
every upload and lets an administrator revoke one."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from nq57 import accounts, labels
from nq57.db import Store
from tests.app.apptools import shown, sign_in
from tests.excel.workbooks import dump, fill, template
from tests.helpers import ADMIN, STAFF_SKHCN, STAFF_SNV

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGE = "views/reporting.py"
HISTORY = "views/upload_history.py"
T = labels.EXCEL_PAGE


def open_page(unit: str = "SKHCN", period: str = "2026-Q3", user: str = STAFF_SKHCN.name
              ) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    sign_in(app, user)
    app.run()
    app.switch_page(PAGE)
    app.run()
    app.selectbox(key="entry_unit").set_value(unit)
    app.selectbox(key="entry_period").set_value(period)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def send(app: AppTest, data: bytes, name: str = "bao-cao.xlsx") -> AppTest:
    app.get("file_uploader")[0].set_value((name, data, "application/octet-stream"))
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def confirm_button(app: AppTest):
    return next(b for b in app.button if b.label == T["confirm"])


def overview_cards(app: AppTest) -> dict[str, str]:
    app.switch_page("views/overview.py")
    app.run()
    return {m.label: m.value for m in app.metric}


def test_the_page_offers_the_template_of_the_chosen_unit_and_period(store: Store):
    app = open_page("SNV", "2026-Q2", STAFF_SNV.name)
    assert app.title[0].value == T["title"]
    caption = " ".join(c.value for c in app.caption)
    assert "4 chỉ tiêu, nhiệm vụ do Sở Nội vụ báo cáo, kỳ Quý II/2026" in caption
    assert "20/07/2026" in caption
    assert [d.label for d in app.get("download_button")] == [T["template_button"]]


def test_staff_choose_among_their_own_units_only(store: Store):
    app = open_page(user=STAFF_SNV.name, unit="SNV")
    assert app.selectbox(key="entry_unit").options == ["Sở Nội vụ (SNV)"]
    assert any(STAFF_SNV.signature in t.value for t in app.text)


def test_the_unit_defaults_to_the_sidebars_first_unit(store: Store):
    app = AppTest.from_file(APP, default_timeout=60)
    sign_in(app, ADMIN.name)  # an administrator may report for any unit
    app.query_params["unit"] = ["STC", "SNV"]
    app.query_params["period"] = "2026-Q1"
    app.run()
    app.switch_page(PAGE)
    app.run()
    assert app.selectbox(key="entry_unit").value == "STC"
    assert app.selectbox(key="entry_period").value == "2026-Q1"


def test_upload_preview_confirm_and_every_page_shows_the_new_numbers(store: Store):
    app = open_page()
    before = overview_cards(app)
    app.switch_page(PAGE)
    app.run()
    send(app, fill(template(store, "SKHCN", "2026-Q3"), {"1.1.1": 0.65, "1.3.1": 12}))
    assert "2 mới · 0 thay đổi · 0 không đổi · 42 chưa báo cáo" in [m.value for m in
                                                                      app.markdown]
    preview = app.dataframe[0].value
    assert list(preview.columns)[:3] == ["Dòng", "Mã", "Chỉ tiêu, nhiệm vụ"]
    first = preview.iloc[0]
    assert (first["Mã"], first["Giá trị mới"], first["Thay đổi"]) == ("1.1.1", "65%", "Mới")
    assert not confirm_button(app).disabled   # the reporter is the signed-in account
    confirm_button(app).click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert any("Đã lưu lần nhập số 1: 2 giá trị" in s.value for s in app.success)
    workbooks = [u for u in app.get("file_uploader") if (u.key or "").startswith("entry_file")]
    assert len(workbooks) == 1 and workbooks[0].value is None
    app.switch_page(HISTORY)
    app.run()
    log = app.dataframe[0].value
    assert log.iloc[0][labels.UPLOAD_COLUMNS["uploaded_by"]] == "Trần Thị B (canbo.kh)"
    after = overview_cards(app)
    overdue = labels.status_label("overdue_report")
    assert int(after[overdue]) == int(before[overdue]) - 2


def test_a_file_with_errors_is_listed_by_cell_and_offered_back_annotated(store: Store):
    app = open_page()
    before = dump(store)
    send(app, fill(template(store, "SKHCN", "2026-Q3"), {"1.1.1": "nhiều", "1.3.1": -1}))
    assert any("Tệp có 2 lỗi nên chưa được lưu" in e.value for e in app.error)
    problems = app.dataframe[0].value
    assert problems[labels.PROBLEM_COLUMNS["cell"]].tolist() == ["H8", "H12"]
    assert problems[labels.PROBLEM_COLUMNS["sheet"]].tolist() == ["Nhập số liệu"] * 2
    labels_shown = [d.label for d in app.get("download_button")]
    assert T["annotated_button"] in labels_shown
    assert not any(b.label == T["confirm"] for b in app.button)
    assert dump(store) == before


def test_a_file_that_is_not_xlsx_is_refused_with_a_message(store: Store):
    app = open_page()
    send(app, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "cu.xls")
    assert any("định dạng Excel cũ (.xls)" in shown(e.value) for e in app.error)
    assert T["annotated_button"] not in [d.label for d in app.get("download_button")]


def test_the_same_file_twice_is_recognised(store: Store):
    data = fill(template(store, "SKHCN", "2026-Q3"), {"1.1.1": 0.65})
    app = open_page()
    send(app, data)
    confirm_button(app).click()
    app.run()
    send(app, data)
    assert any("giống hệt tệp đã nhập lần 1" in i.value for i in app.info)
    assert confirm_button(app).disabled


def test_revocation_is_offered_to_administrators_only_and_needs_a_reason(store: Store):
    app = open_page()
    send(app, fill(template(store, "SKHCN", "2026-Q3"), {"1.1.1": 0.65}))
    confirm_button(app).click()
    app.run()
    app.switch_page(HISTORY)
    app.run()
    assert not [f for f in app.text_input if f.label == T["revoke_reason"]]  # staff: no form

    admin = AppTest.from_file(APP, default_timeout=60)
    sign_in(admin, ADMIN.name)
    admin.run()
    admin.switch_page(HISTORY)
    admin.run()
    admin.selectbox(key="history_unit").set_value("SKHCN")
    admin.selectbox(key="history_period").set_value("2026-Q3")
    admin.run()
    admin.button(key="FormSubmitter:history_revoke-Thu hồi").click()
    admin.run()
    assert labels.REVOKE_MESSAGES["need_reason"] in [e.value for e in admin.error]
    assert store.frame("revisions/uploads", unit="SKHCN", period="2026-Q3")[
        "revoked"].tolist() == [False]
    next(t for t in admin.text_input if t.label == T["revoke_reason"]).set_value("Nhập nhầm")
    admin.button(key="FormSubmitter:history_revoke-Thu hồi").click()
    admin.run()
    assert not admin.exception, [e.value for e in admin.exception]
    assert T["revoked"].format(upload=1) in [s.value for s in admin.success]
    history = store.frame("revisions/uploads", unit="SKHCN", period="2026-Q3")
    assert history["revoked"].tolist() == [True]
    assert history["revoked_by"].tolist() == [ADMIN.signature]


def test_the_page_follows_the_account_at_once_when_a_unit_is_taken_away(store: Store):
    """The page offered the upload; meanwhile an administrator took the unit away. The
    next run knows it: the file is judged against the unit the account still holds, and
    nothing is stored."""
    app = open_page()
    send(app, fill(template(store, "SKHCN", "2026-Q3"), {"1.1.1": 0.65}))
    accounts.update(store, ADMIN, STAFF_SKHCN.name, units=["SNV"])
    before = dump(store)
    confirm_button(app).click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.selectbox(key="entry_unit").options == ["Sở Nội vụ (SNV)"]
    assert not any(b.label == T["confirm"] for b in app.button)
    assert dump(store) == before
