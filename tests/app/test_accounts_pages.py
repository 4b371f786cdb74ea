"""Signing in, the menu each role gets, the pages of administration and the audit log,
run by Streamlit's AppTest against the test's own database. Hiding a page is a
courtesy: a page run by a role that may not use it refuses, and so does the core."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from apptools import ACCOUNT_PAGES, APP, USERS, Opener, texts
from streamlit.testing.v1 import AppTest

from nq57 import accounts, audit, catalogue, labels, policy
from nq57.db import Store
from tests.helpers import ADMIN, PASSWORD
from ui import auth
from ui.page_list import PAGES as SPECS

A = labels.AUTH_PAGE


def scripts(at: AppTest) -> set[str]:
    """The page scripts the menu offers (ui.nav remembers the served pages)."""
    return {str(p._page).rsplit("/views/", 1)[-1] for p in
            at.session_state["_nav_pages"].values()}


READING = {"overview", "alerts", "by_group", "by_unit", "target_detail", "tasks", "briefing",
           "upload_history"}
EXPECTED_MENUS = {
    "viewer": READING,
    "staff": READING | {"reporting"},
    "reviewer": READING | {"audit_log", "review"},
    "admin": READING | {"reporting", "audit_log", "review", "admin_accounts",
                        "admin_catalogue", "admin_units"},
}


@pytest.mark.parametrize("role", policy.ROLES)
def test_each_role_sees_the_pages_it_may_use(store: Store, open_page: Opener, role: str):
    at = open_page("overview", as_=role)
    assert scripts(at) == {f"{name}.py" for name in EXPECTED_MENUS[role]}
    assert any(t.value.startswith("(") or USERS[role] in t.value for t in at.sidebar.text)
    assert labels.ROLE_LABELS[role] in [c.value for c in at.sidebar.caption]


def test_the_menu_follows_the_policy_matrix():
    for role, names in EXPECTED_MENUS.items():
        actor = policy.Actor("x", role, frozenset({"SNV"}) if role == "staff" else frozenset())
        allowed = {spec.script.removeprefix("views/").removesuffix(".py") for spec in SPECS
                   if policy.allowed_somewhere(actor, spec.action)}
        assert allowed == names


@pytest.mark.parametrize(("role", "page"), [
    ("viewer", "reporting"), ("reviewer", "reporting"), ("viewer", "audit_log"),
    ("staff", "audit_log"), ("staff", "admin_accounts"), ("reviewer", "admin_catalogue"),
    ("viewer", "admin_units"), ("staff", "review"), ("viewer", "review"),
])
def test_a_page_run_for_a_role_that_may_not_use_it_refuses(store: Store, role: str, page: str):
    """Streamlit serves only the menu's pages; should a page run anyway, it checks."""
    at = AppTest.from_file(str(APP.parent / ACCOUNT_PAGES[page]), default_timeout=30)
    from nq57.viewstate import ViewFilters

    actor = accounts.actor_for(store, USERS[role])
    at.session_state[auth.ACTOR] = actor
    at.session_state["filters"] = ViewFilters(period="2026-Q3")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == [str(policy.PermissionDenied(
        actor, next(s.action for s in SPECS if s.script == ACCOUNT_PAGES[page])))]
    assert not at.get("file_uploader") and not at.button


def test_signing_in_with_the_form_and_out_with_the_button(store: Store):
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.run()
    assert at.title[0].value == A["title"]          # no demo data: sign in first
    assert not at.metric
    at.text_input(key="sign_in_name").set_value("canbo.snv")
    at.text_input(key="sign_in_password").set_value("sai mat khau")
    at.button(key="FormSubmitter:sign_in-Đăng nhập").click().run()
    assert labels.SIGN_IN_TEXTS["wrong"] in [e.value for e in at.error]
    at.text_input(key="sign_in_password").set_value(PASSWORD)
    at.button(key="FormSubmitter:sign_in-Đăng nhập").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value.startswith(labels.PAGE_TITLES["overview"])
    assert [t.value for t in at.sidebar.text] == ["Nguyễn Văn A (canbo.snv)"]
    assert "Đơn vị: SNV" in [c.value for c in at.sidebar.caption]
    at.button(key="nq57_sign_out").click().run()
    assert at.title[0].value == A["title"]
    assert labels.SIGN_IN_TEXTS["ended_sign_out"] in [i.value for i in at.info]
    assert store.rows("sessions/open") == []
    assert audit.entries(store)["action"].tolist()[:3] == ["sign_out", "sign_in",
                                                          "sign_in_failed"]


def test_an_idle_session_ends_and_the_page_says_why(store: Store, open_page: Opener):
    at = open_page("overview", as_="staff")
    # Half an hour passes without a click (the session began before it, too).
    ago = datetime.now() - timedelta(minutes=31)
    with store.transaction() as con:
        con.execute("UPDATE sessions SET created_at = ?, last_seen_at = ?", [ago, ago])
    at.session_state["_nq57_last_activity"] = ago
    at.run()
    assert at.title[0].value == A["title"]
    assert labels.SIGN_IN_TEXTS["ended_expired_idle"] in [i.value for i in at.info]


def test_a_disabled_account_is_signed_out_on_its_next_click(store: Store, open_page: Opener):
    at = open_page("overview", as_="staff")
    accounts.set_disabled(store, ADMIN, USERS["staff"], True)
    at.run()
    assert at.title[0].value == A["title"]
    assert labels.SIGN_IN_TEXTS["ended_disabled"] in [i.value for i in at.info]


def test_the_demo_database_shows_its_accounts_and_reads_without_signing_in(
        demo_store: Store):
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.run()
    assert at.title[0].value.startswith(labels.PAGE_TITLES["overview"])  # anonymous read
    assert scripts(at) == {f"{n}.py" for n in EXPECTED_MENUS["viewer"]} | {"sign_in.py"}
    at.switch_page(ACCOUNT_PAGES["sign_in"]).run()
    shown = at.dataframe[0].value
    assert shown[A["demo_columns_name"]].tolist() == ["quantri", "togiupviec", "canbo.skhcn",
                                                     "lanhdao"]
    assert "canbo-skhcn-minhhoa" in shown[A["demo_columns_password"]].tolist()


def test_no_demo_accounts_are_shown_on_a_real_database(store: Store):
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.run()
    assert not at.dataframe
    assert A["demo_title"] not in texts(at)


def test_an_administrator_creates_an_account_on_the_page(store: Store, open_page: Opener):
    at = open_page("admin_accounts", as_="admin")
    at.text_input(key="new_account_name").set_value("canbo.stc")
    at.text_input(key="new_account_display").set_value("Phạm Thị D")
    at.selectbox(key="new_account_role").set_value("staff")
    at.multiselect(key="new_account_units").set_value(["STC"])
    at.text_input(key="new_account_password").set_value("mot mat khau dai")
    at.text_input(key="new_account_again").set_value("mot mat khau dai")
    at.button(key="FormSubmitter:account_create-Tạo tài khoản").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert labels.ADMIN_ACCOUNTS["created"].format(name="canbo.stc") in [
        s.value for s in at.success]
    assert accounts.get(store, "canbo.stc") == accounts.Account(
        "canbo.stc", "staff", ("STC",), "Phạm Thị D", None, True, False, False)
    assert audit.entries(store).iloc[0]["actor"] == ADMIN.name


def test_a_refusal_on_the_accounts_page_is_shown_as_text(store: Store, open_page: Opener):
    at = open_page("admin_accounts", as_="admin")
    at.text_input(key="new_account_name").set_value("**đậm** [x](http://a)")
    at.text_input(key="new_account_password").set_value("mot mat khau dai")
    at.text_input(key="new_account_again").set_value("mot mat khau dai")
    at.selectbox(key="new_account_role").set_value("viewer")
    at.button(key="FormSubmitter:account_create-Tạo tài khoản").click().run()
    shown = at.error[0].value
    assert r"\*\*đậm\*\* \[x\]\(http" in shown  # escaped: read as typed, not rendered


def test_an_administrator_corrects_a_threshold_on_the_page(store: Store, open_page: Opener):
    at = open_page("admin_catalogue", as_="admin")
    at.selectbox[0].set_value("1.1.1")
    at.selectbox[1].set_value("threshold_low")
    at.text_input[0].set_value("65")
    at.text_input(key="target_reason").set_value("Quyết định 12/QĐ-UBND")
    at.button(key="FormSubmitter:correct_target-Lưu").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("1.1.1" in s.value and "65.0" in s.value for s in at.success)
    assert catalogue.targets(store).set_index("code").loc["1.1.1", "threshold_low"] == 65.0


def test_an_administrator_settles_an_assumed_deadline_on_the_page(store: Store,
                                                                  open_page: Opener):
    mark = labels.ADMIN_CATALOGUE["deadline_assumed_mark"]
    at = open_page("admin_catalogue", as_="admin")
    task_box = at.selectbox[2]
    assert mark in next(o for o in task_box.options if o.startswith("II.11 "))
    assert mark not in next(o for o in task_box.options if o.startswith("II.10 "))
    task_box.set_value("II.11")
    at.date_input[0].set_value(date(2026, 9, 30))
    at.text_input(key="task_reason").set_value("Công văn 45/VP")
    at.button(key="FormSubmitter:correct_task-Lưu").click().run()
    assert not at.exception, [e.value for e in at.exception]
    task = catalogue.tasks(store).set_index("code").loc["II.11"]
    assert (task["deadline"], bool(task["deadline_assumed"])) == (date(2026, 9, 30), False)
    assert mark not in next(o for o in at.selectbox[2].options if o.startswith("II.11 "))


def test_the_audit_page_lists_and_filters_for_a_reviewer(store: Store, open_page: Opener):
    at = open_page("audit_log", as_="reviewer")
    assert not at.exception, [e.value for e in at.exception]
    log = at.dataframe[0].value
    assert "Đăng nhập" in set(log["audit_action"])
    at.selectbox(key="audit_action").set_value("create_account").run()
    shown = at.dataframe[0].value["audit_action"]
    assert set(shown) == {"Tạo tài khoản"}
    assert {"Tải CSV", "Tải Excel"} <= {b.label for b in at.download_button}


def test_every_account_page_renders_for_an_administrator(demo_store: Store,
                                                         open_page: Opener):
    for page in ("reporting", "upload_history", "audit_log", "admin_accounts",
                 "admin_catalogue", "admin_units"):
        at = open_page(page, as_="admin")
        assert not at.exception, (page, [e.value for e in at.exception])
        assert at.title[0].value == labels.PAGE_TITLES.get(page, labels.UPLOAD_PAGE_TITLE)

