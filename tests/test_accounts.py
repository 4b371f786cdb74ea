"""Accounts, signing in, sessions and throttling, single sign-on by e-mail, the demo's
accounts, and an administrator's corrections of the catalogue — through the core,
on real database files."""

from __future__ import annotations

import statistics
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from argon2 import PasswordHasher

from nq57 import accounts, audit, catalogue, corrections, demo, policy, settings, signin, status
from nq57.accounts import AccountError
from nq57.bootstrap import prepare
from nq57.db import Store
from nq57.signin import SessionEnded, SignInRefused
from tests.excel.workbooks import dump
from tests.helpers import ADMIN, PASSWORD, STAFF_SNV, VIEWER

NOW = datetime(2026, 11, 23, 9, 0)


def everything_as_text(store: Store) -> str:
    """Every value of every table, as text: to prove something is nowhere in the file."""
    with duckdb.connect(str(store.path), read_only=True) as con:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables()").fetchall()]
        return "\n".join(str(con.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables)


# --- accounts -------------------------------------------------------------------

@pytest.mark.parametrize(("name", "role", "units", "password", "says"), [
    ("Ông A", "viewer", (), "mot mat khau dai", "không hợp lệ"),
    ("a", "viewer", (), "mot mat khau dai", "không hợp lệ"),
    ("canbo.x", "viewer", (), "ngan", "ít nhất 10 ký tự"),
    ("canbo.x", "viewer", (), "x" * 257, "dài quá 256"),
    ("canbo.x", "viewer", (), "abc canbo.x 123", "không được chứa tên tài khoản"),
    ("canbo.x", "staff", (), "mot mat khau dai", "cần ít nhất một đơn vị"),
    ("canbo.x", "viewer", ("SNV",), "mot mat khau dai", "Chỉ tài khoản cán bộ báo cáo"),
    ("canbo.x", "staff", ("CQDVDP",), "mot mat khau dai", "là một nhóm đơn vị"),
    ("canbo.x", "staff", ("XYZ",), "mot mat khau dai", "Không có đơn vị mã «XYZ»"),
    ("canbo.x", "superuser", (), "mot mat khau dai", "Không có vai trò «superuser»"),
    ("canbo.snv", "viewer", (), "mot mat khau dai", "Đã có tài khoản «canbo.snv»"),
])
def test_an_account_that_breaks_a_rule_is_refused_and_nothing_changes(
        store: Store, name, role, units, password, says):
    before = dump(store)
    with pytest.raises((AccountError, catalogue.UnknownCode), match=says):
        accounts.create(store, ADMIN, name, role, units=units, password=password)
    assert dump(store) == before


def test_passwords_are_argon2id_hashes_and_never_leave_the_core(store: Store):
    accounts.create(store, ADMIN, "Canbo.Moi", "staff", units=["snv", "SNV"],
                    display_name="  Lê   Văn C ", email="LE.C@DongNai.gov.vn",
                    password="mot mat khau dai")
    made = accounts.get(store, "canbo.moi")
    assert made == accounts.Account("canbo.moi", "staff", ("SNV",), "Lê Văn C",
                                    "le.c@dongnai.gov.vn", True, False, False)
    with duckdb.connect(str(store.path), read_only=True) as con:
        stored = con.execute("SELECT password_hash FROM accounts WHERE name = 'canbo.moi'"
                             ).fetchone()[0]
    assert stored.startswith("$argon2id$")
    assert "password_hash" not in accounts.all_accounts(store).columns
    logged = audit.entries(store).to_string()
    assert "argon2" not in logged and "mot mat khau dai" not in logged


def test_the_first_administrator_needs_no_account_but_only_while_there_is_none(tmp_path):
    fresh = Store(tmp_path / "fresh.duckdb")
    prepare(fresh)
    with pytest.raises(AccountError, match="phải có vai trò admin"):
        accounts.create(fresh, None, "lanhdao", "viewer", password="mot mat khau dai")
    accounts.create(fresh, None, "quantri.tinh", "admin", password="mot mat khau dai")
    entry = audit.entries(fresh).iloc[0]
    assert (entry["actor"], entry["action"], entry["object_id"]) == (
        "system", "create_account", "quantri.tinh")
    with pytest.raises(AccountError, match="--user"):
        accounts.create(fresh, None, "quantri.hai", "admin", password="mot mat khau dai")


def test_the_last_administrator_can_be_neither_disabled_nor_demoted(store: Store):
    with pytest.raises(AccountError, match="quản trị viên cuối cùng"):
        accounts.set_disabled(store, ADMIN, ADMIN.name, True)
    with pytest.raises(AccountError, match="quản trị viên cuối cùng"):
        accounts.update(store, ADMIN, ADMIN.name, role="viewer")
    accounts.create(store, ADMIN, "quantri.hai", "admin", password="mot mat khau dai")
    accounts.set_disabled(store, ADMIN, ADMIN.name, True)  # now there is another
    assert accounts.get(store, ADMIN.name).disabled


def test_an_unknown_or_disabled_account_cannot_act(store: Store):
    with pytest.raises(AccountError, match="Không có tài khoản «nobody»"):
        accounts.actor_for(store, "nobody")
    accounts.set_disabled(store, ADMIN, STAFF_SNV.name, True)
    with pytest.raises(AccountError, match="đã bị vô hiệu hóa"):
        accounts.actor_for(store, STAFF_SNV.name)
    accounts.set_disabled(store, ADMIN, STAFF_SNV.name, False)
    assert accounts.actor_for(store, STAFF_SNV.name) == STAFF_SNV


# --- signing in ---------------------------------------------------------------------

def test_a_right_password_opens_a_session_whose_token_is_kept_only_as_a_digest(store: Store):
    session = signin.sign_in(store, " CanBo.SNV ", PASSWORD, "10.0.0.7", NOW)
    assert session.actor == STAFF_SNV
    assert session.token not in everything_as_text(store)
    assert PASSWORD not in everything_as_text(store)
    assert signin.resume(store, session.token, now=NOW + timedelta(minutes=5)) == STAFF_SNV
    entry = audit.entries(store).iloc[0]
    assert (entry["actor"], entry["action"]) == (STAFF_SNV.name, "sign_in")


def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(store: Store):
    answers = []
    for name in (STAFF_SNV.name, "khong.ai"):
        with pytest.raises(SignInRefused) as refused:
            signin.sign_in(store, name, "sai mat khau", "10.0.0.7", NOW)
        answers.append((refused.value.reason, str(refused.value)))
    assert answers[0] == answers[1] == ("wrong", "Tên tài khoản hoặc mật khẩu không đúng.")


def test_an_unknown_name_takes_about_as_long_as_a_wrong_password(store: Store):
    def timed(name: str) -> float:
        runs = []
        for i in range(5):
            started = time.perf_counter()
            with pytest.raises(SignInRefused):
                signin.sign_in(store, name, "sai", f"c{i}-{name}", NOW)
            runs.append(time.perf_counter() - started)
        return statistics.median(runs)

    known, unknown = timed(STAFF_SNV.name), timed("khong.ai")
    # Both check an argon2 hash (a dummy one for unknown names): same order of time.
    assert 0.5 < unknown / known < 2.0, (known, unknown)


def test_repeated_failures_lock_the_name_even_for_the_right_password(store: Store):
    for minute in range(5):
        with pytest.raises(SignInRefused):
            signin.sign_in(store, STAFF_SNV.name, "sai", "10.0.0.7",
                           NOW + timedelta(minutes=minute))
    with pytest.raises(SignInRefused) as locked:
        signin.sign_in(store, STAFF_SNV.name, PASSWORD, "10.0.0.8", NOW + timedelta(minutes=5))
    assert locked.value.reason == "locked"
    assert "thử lại sau" in str(locked.value)
    actions = audit.entries(store, actor=STAFF_SNV.name)["action"].tolist()
    assert actions.count("sign_in_failed") == 5 and actions.count("sign_in_locked") == 1
    # Fifteen minutes after the failures age out, the right password works again.
    later = NOW + timedelta(minutes=4 + 15, seconds=1)
    assert signin.sign_in(store, STAFF_SNV.name, PASSWORD, "10.0.0.8", later).actor == STAFF_SNV


def test_a_success_clears_the_failures_of_a_name(store: Store):
    for minute in range(4):
        with pytest.raises(SignInRefused):
            signin.sign_in(store, STAFF_SNV.name, "sai", "10.0.0.7",
                           NOW + timedelta(minutes=minute))
    signin.sign_in(store, STAFF_SNV.name, PASSWORD, "10.0.0.7", NOW + timedelta(minutes=4))
    with pytest.raises(SignInRefused) as refused:
        signin.sign_in(store, STAFF_SNV.name, "sai", "10.0.0.7", NOW + timedelta(minutes=5))
    assert refused.value.reason == "wrong"


def test_unknown_names_lock_like_known_ones_so_locks_reveal_nothing(store: Store):
    for minute in range(5):
        with pytest.raises(SignInRefused):
            signin.sign_in(store, "khong.ai", "sai", f"10.0.1.{minute}",
                           NOW + timedelta(minutes=minute))
    with pytest.raises(SignInRefused) as locked:
        signin.sign_in(store, "khong.ai", "sai", "10.0.2.1", NOW + timedelta(minutes=5))
    assert locked.value.reason == "locked"


def test_a_client_guessing_many_names_is_locked_out_and_others_are_not(store: Store):
    for i in range(20):
        with pytest.raises(SignInRefused):
            signin.sign_in(store, f"ten.{i}", "sai", "203.0.113.9", NOW + timedelta(seconds=i))
    with pytest.raises(SignInRefused) as locked:
        signin.sign_in(store, STAFF_SNV.name, PASSWORD, "203.0.113.9",
                       NOW + timedelta(seconds=30))
    assert locked.value.reason == "locked"
    other = signin.sign_in(store, STAFF_SNV.name, PASSWORD, "198.51.100.4",
                           NOW + timedelta(seconds=31))
    assert other.actor == STAFF_SNV


def test_a_name_typed_wrongly_is_never_stored_as_typed(store: Store):
    typed = "Mat-khau-go-nham-o-o-ten"  # a password typed into the name box
    with pytest.raises(SignInRefused):
        signin.sign_in(store, typed, "x", "10.0.0.7", NOW)
    assert typed.lower() not in everything_as_text(store).lower()
    entry = audit.entries(store).iloc[0]
    assert (entry["actor"], entry["action"]) == ("(tài khoản không tồn tại)", "sign_in_failed")


def test_a_disabled_account_is_told_so_only_with_the_right_password(store: Store):
    accounts.set_disabled(store, ADMIN, STAFF_SNV.name, True)
    with pytest.raises(SignInRefused) as wrong:
        signin.sign_in(store, STAFF_SNV.name, "sai", "10.0.0.7", NOW)
    assert wrong.value.reason == "wrong"
    with pytest.raises(SignInRefused) as disabled:
        signin.sign_in(store, STAFF_SNV.name, PASSWORD, "10.0.0.7", NOW)
    assert disabled.value.reason == "disabled"
    assert audit.entries(store).iloc[0]["action"] == "sign_in_refused"


def test_an_outdated_hash_is_replaced_at_the_next_sign_in(store: Store, monkeypatch):
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    monkeypatch.setattr(accounts, "hasher", lambda: weak)
    accounts.create(store, ADMIN, "canbo.cu", "viewer", password="mot mat khau dai")
    monkeypatch.undo()
    signin.sign_in(store, "canbo.cu", "mot mat khau dai", "10.0.0.7", NOW)
    with duckdb.connect(str(store.path), read_only=True) as con:
        stored = con.execute("SELECT password_hash FROM accounts WHERE name = 'canbo.cu'"
                             ).fetchone()[0]
    assert not accounts.needs_rehash(stored) and "m=8192" not in stored


# --- sessions -----------------------------------------------------------------------

def test_a_session_ends_after_the_idle_time(store: Store):
    session = signin.sign_in(store, VIEWER.name, PASSWORD, "local", NOW)
    signin.resume(store, session.token, NOW + timedelta(minutes=29), NOW + timedelta(minutes=29))
    with pytest.raises(SessionEnded) as ended:
        signin.resume(store, session.token, NOW + timedelta(minutes=29),
                      NOW + timedelta(minutes=60))
    assert ended.value.reason == "expired_idle"
    assert "lâu không thao tác" in str(ended.value)
    with pytest.raises(SessionEnded):  # ended for good, even with fresh activity
        signin.resume(store, session.token, NOW + timedelta(minutes=61),
                      NOW + timedelta(minutes=61))


def test_a_session_ends_after_the_absolute_time_however_active(store: Store):
    session = signin.sign_in(store, VIEWER.name, PASSWORD, "local", NOW)
    active = NOW + timedelta(hours=12, minutes=1)
    with pytest.raises(SessionEnded) as ended:
        signin.resume(store, session.token, active, active)
    assert ended.value.reason == "expired_absolute"


def test_the_expiry_times_are_settings(store: Store):
    settings.update(store, ADMIN, "session_idle_minutes", "5")
    session = signin.sign_in(store, VIEWER.name, PASSWORD, "local", NOW)
    with pytest.raises(SessionEnded):
        signin.resume(store, session.token, NOW, NOW + timedelta(minutes=6))
    with pytest.raises(settings.SettingError):
        settings.update(store, ADMIN, "session_idle_minutes", "0")


@pytest.mark.parametrize("change", ["disable", "reset_password", "sign_out"])
def test_disabling_a_new_password_or_signing_out_ends_the_session(store: Store, change):
    session = signin.sign_in(store, STAFF_SNV.name, PASSWORD, "local", NOW)
    if change == "disable":
        accounts.set_disabled(store, ADMIN, STAFF_SNV.name, True)
    elif change == "reset_password":
        accounts.reset_password(store, ADMIN, STAFF_SNV.name, "mot mat khau moi")
    else:
        signin.sign_out(store, session.token)
    with pytest.raises(SessionEnded):
        signin.resume(store, session.token)
    if change == "reset_password":
        assert signin.sign_in(store, STAFF_SNV.name, "mot mat khau moi", "local").actor


def test_a_changed_role_or_unit_applies_to_a_live_session_at_once(store: Store):
    session = signin.sign_in(store, STAFF_SNV.name, PASSWORD, "local")
    accounts.update(store, ADMIN, STAFF_SNV.name, units=["STC"])
    assert signin.resume(store, session.token).units == frozenset({"STC"})
    accounts.update(store, ADMIN, STAFF_SNV.name, role="viewer")
    assert signin.resume(store, session.token).role == "viewer"


# --- single sign-on -------------------------------------------------------------------

def test_single_sign_on_maps_an_e_mail_to_its_account(store: Store):
    accounts.update(store, ADMIN, STAFF_SNV.name, email="nguyen.a@snv.dongnai.gov.vn")
    session = signin.sign_in_sso(store, "Nguyen.A@SNV.DongNai.gov.vn", "10.0.0.7")
    assert session.actor == STAFF_SNV
    with pytest.raises(SignInRefused) as refused:
        signin.sign_in_sso(store, "la@example.com", "10.0.0.7")
    assert refused.value.reason == "no_account"
    assert "la@example.com" in str(refused.value)
    assert audit.entries(store).iloc[0]["action"] == "sign_in_refused"
    accounts.set_disabled(store, ADMIN, STAFF_SNV.name, True)
    with pytest.raises(SignInRefused):
        signin.sign_in_sso(store, "nguyen.a@snv.dongnai.gov.vn", "10.0.0.7")


def test_an_account_for_single_sign_on_only_has_no_password_to_guess(store: Store):
    accounts.create(store, ADMIN, "lanhdao.sso", "viewer", email="ld@dongnai.gov.vn")
    with pytest.raises(SignInRefused):
        signin.sign_in(store, "lanhdao.sso", "", "local")
    with pytest.raises(AccountError, match="mật khẩu hoặc một e-mail"):
        accounts.create(store, ADMIN, "khong.gi", "viewer")


# --- the demo's accounts and reading without signing in -----------------------------------

def test_the_demo_brings_one_account_per_role_and_takes_them_away(demo_store: Store):
    shown = accounts.demo_accounts_present(demo_store)
    assert sorted(role for _, role, _ in shown) == sorted(policy.ROLES)
    session = signin.sign_in(demo_store, "canbo.skhcn", "canbo-skhcn-minhhoa", "local")
    assert session.actor.units == frozenset({"SKHCN"})
    assert accounts.first_admin_allowed(demo_store) is False  # the test admin exists
    demo.remove(demo_store, ADMIN)
    assert accounts.demo_accounts_present(demo_store) == []
    with pytest.raises(SessionEnded):
        signin.resume(demo_store, session.token)
    with pytest.raises(SignInRefused):
        signin.sign_in(demo_store, "quantri", "quantri-minhhoa", "local")


def test_reading_without_signing_in_follows_the_demo_unless_set(demo_store: Store):
    assert settings.anonymous_read(demo_store) is True            # auto, demo present
    demo.remove(demo_store, ADMIN)
    assert settings.anonymous_read(demo_store) is False           # auto, no demo
    settings.update(demo_store, ADMIN, "allow_anonymous_read", "ON")
    assert settings.anonymous_read(demo_store) is True
    settings.update(demo_store, ADMIN, "allow_anonymous_read", "off")
    assert settings.anonymous_read(demo_store) is False
    with pytest.raises(settings.SettingError, match="auto, on hoặc off"):
        settings.update(demo_store, ADMIN, "allow_anonymous_read", "maybe")


# --- corrections of the catalogue ------------------------------------------------------------

def _reload_catalogue(store: Store) -> None:
    with store.transaction() as con:
        con.execute("UPDATE settings SET value = '' WHERE key = 'catalogue_checksum'")
    assert prepare(store).catalogue_reloaded


def test_a_corrected_threshold_applies_everywhere_and_survives_a_reload(store: Store):
    made = corrections.correct(store, ADMIN, "target", "1.1.1", "threshold_low", "65,5",
                               "Quyết định 12/QĐ-UBND")
    assert (made.before, made.after) == (60.0, 65.5)
    _reload_catalogue(store)
    row = catalogue.targets(store).set_index("code").loc["1.1.1"]
    assert row["threshold_low"] == 65.5
    entry = audit.entries(store, action="correct_catalogue").iloc[0]
    assert (entry["before"], entry["after"], entry["note"]) == (
        '{"threshold_low": 60.0}', '{"threshold_low": 65.5}', "Quyết định 12/QĐ-UBND")


def test_a_correction_that_would_contradict_the_catalogue_changes_nothing(store: Store):
    before = dump(store)
    with pytest.raises(corrections.CorrectionError, match="mâu thuẫn"):
        corrections.correct(store, ADMIN, "target", "1.5.23", "threshold_high", "10", "Sai")
    with pytest.raises(corrections.CorrectionError, match="không được quá 100"):
        corrections.correct(store, ADMIN, "target", "1.1.1", "threshold_low", "120", "Sai")
    with pytest.raises(corrections.CorrectionError, match="không phải là một số"):
        corrections.correct(store, ADMIN, "target", "1.1.1", "threshold_low", "nan", "Sai")
    with pytest.raises(corrections.CorrectionError, match="Phép so sánh"):
        corrections.correct(store, ADMIN, "target", "1.1.1", "comparator", "≥", "Sai")
    with pytest.raises(corrections.CorrectionError, match="lý do"):
        corrections.correct(store, ADMIN, "target", "1.1.1", "comparator", ">", "  ")
    assert dump(store) == before


def test_a_corrected_deadline_becomes_the_tasks_deadline(store: Store):
    corrections.correct(store, ADMIN, "task", "II.10", "deadline", "2026-06-30", "Gia hạn")
    _reload_catalogue(store)
    task = catalogue.tasks(store).set_index("code").loc["II.10"]
    assert (task["deadline"], task["deadline_text"]) == (date(2026, 6, 30), "30/06/2026")
    with pytest.raises(corrections.CorrectionError, match="2025–2030"):
        corrections.correct(store, ADMIN, "task", "II.10", "deadline", "2040-01-01", "x")


def test_a_corrected_deadline_the_scan_lost_is_no_longer_assumed(store: Store):
    assert bool(catalogue.tasks(store).set_index("code").loc["II.11", "deadline_assumed"])
    corrections.correct(store, ADMIN, "task", "II.11", "deadline", "2026-09-30",
                        "Công văn 45/VP")
    entry = audit.entries(store, action="correct_catalogue").iloc[0]
    assert (entry["object_id"], entry["before"], entry["after"]) == (
        "II.11", '{"deadline": "2026-03-31", "deadline_assumed": true}',
        '{"deadline": "2026-09-30", "deadline_assumed": false}')
    for reloaded in (False, True):
        if reloaded:
            _reload_catalogue(store)
        tasks = catalogue.tasks(store).set_index("code")
        assert not bool(tasks.loc["II.11", "deadline_assumed"])
        assert tasks.loc["II.11", "deadline"] == date(2026, 9, 30)
        assert bool(tasks.loc["V.6", "deadline_assumed"])  # the others stay assumed
        row = status.gaps(store, "2026-Q4", item_type="task").set_index("code").loc["II.11"]
        assert not bool(row["deadline_assumed"])


def test_a_lead_corrected_is_no_longer_assumed(store: Store):
    corrections.correct(store, ADMIN, "target", "1.5.15", "lead_unit", "stc", "Văn bản 5")
    row = catalogue.targets(store).set_index("code").loc["1.5.15"]
    assert (row["lead_unit"], bool(row["lead_assumed"])) == ("STC", False)
    assert corrections.history(store).iloc[0]["field"] == "lead_unit"


def test_a_unit_added_or_renamed_stays_after_a_reload(store: Store):
    corrections.add_unit(store, ADMIN, "xa_tanphu", "Xã Tân Phú", None, "commune",
                         "Nghị quyết sắp xếp")
    corrections.correct(store, ADMIN, "unit", "SNV", "short_name", "SNV Đồng Nai", "Viết tắt")
    _reload_catalogue(store)
    units = catalogue.units(store).set_index("code")
    assert units.loc["XA_TANPHU", "name"] == "Xã Tân Phú"
    assert units.loc["SNV", "short_name"] == "SNV Đồng Nai"
    # A staff account can now be given the new unit.
    accounts.create(store, ADMIN, "canbo.tanphu", "staff", units=["XA_TANPHU"],
                    password="mot mat khau dai")
    with pytest.raises(corrections.CorrectionError, match="Đã có đơn vị mã XA_TANPHU"):
        corrections.add_unit(store, ADMIN, "XA_TANPHU", "Khác", None, "commune", "x")


def test_the_audit_log_refuses_secrets_from_any_writer(tmp_path: Path):
    fresh = Store(tmp_path / "f.duckdb")
    prepare(fresh)
    with pytest.raises(audit.SecretInAudit), fresh.transaction() as con:
        audit.record(fresh, con, ADMIN, "update_account", after={"token": "abc"})
