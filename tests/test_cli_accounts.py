"""The command line acts for an account: `--user NAME` or NQ57_USER on every command
that writes, `user …` to manage accounts, `audit` to read the log. Real processes on
real database files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nq57 import accounts, labels, policy, signin
from nq57.db import Store
from tests.excel.workbooks import dump, fill, template
from tests.helpers import ADMIN, PASSWORD, REVIEWER, STAFF_SKHCN, VIEWER, report
from tests.test_cli import ROOT, nq57

BY_ROLE = {"viewer": VIEWER.name, "staff": STAFF_SKHCN.name, "reviewer": REVIEWER.name,
           "admin": ADMIN.name}


def nq57_input(*args: str, text: str, env: dict[str, str] | None = None
               ) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, "-m", "nq57", *args], cwd=ROOT, input=text,
                          capture_output=True, text=True, env={**os.environ, **(env or {})},
                          timeout=120)


# --- the acting account --------------------------------------------------------------

def _import_args(store: Store, tmp_path: Path) -> tuple[str, ...]:
    path = tmp_path / "bao-cao.xlsx"
    path.write_bytes(fill(template(store, "SKHCN", "2026-Q3"), {"1.1.1": 0.65}))
    return ("import", str(path))


def _revoke_args(store: Store, tmp_path: Path) -> tuple[str, ...]:
    upload = report(store, "SKHCN", "2026-Q3", {"1.1.1": 61.0})
    return ("revoke", str(upload), "--reason", "Nhập nhầm")


def _restore_args(store: Store, tmp_path: Path) -> tuple[str, ...]:
    from nq57 import backup

    backup.backup(store, ADMIN, tmp_path / "copy")
    return ("restore", str(tmp_path / "copy"), "--force")


# action -> the command that does it (built once the database is ready for it).
COMMANDS = {
    policy.REPORT: _import_args,
    policy.REVOKE_UPLOAD: _revoke_args,
    policy.EDIT_CATALOGUE: lambda s, t: ("correct", "1.1.1", "threshold_low", "65",
                                         "--reason", "Quyết định 12"),
    policy.EDIT_UNITS: lambda s, t: ("add-unit", "XA_TANPHU", "Xã Tân Phú", "--kind",
                                     "commune", "--reason", "Sắp xếp"),
    policy.CHANGE_SETTINGS: lambda s, t: ("settings", "--set", "red_factor=0.6"),
    policy.MANAGE_DEMO: lambda s, t: ("demo", "load"),
    policy.BACKUP: lambda s, t: ("backup", str(t / "b")),
    policy.RESTORE: _restore_args,
}


@pytest.mark.parametrize("action", sorted(COMMANDS))
@pytest.mark.parametrize("role", policy.ROLES)
def test_each_role_and_writing_command(store: Store, tmp_path: Path, role: str, action: str):
    args = COMMANDS[action](store, tmp_path)
    before = dump(store)
    result = nq57(*args, "--user", BY_ROLE[role])
    assert "Traceback" not in result.stderr
    if role in policy.MATRIX[action]:
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode == 1, result.stdout
        assert f"không có quyền {labels.ACTION_LABELS[action]}" in result.stderr
        assert dump(store) == before


@pytest.mark.parametrize("role", policy.ROLES)
def test_each_role_and_user_add(store: Store, role: str):
    result = nq57_input("user", "add", "canbo.moi", "--role", "viewer", "--password-stdin",
                        "--user", BY_ROLE[role], text="mot mat khau dai\n")
    assert result.returncode == (0 if role == "admin" else 1), result.stderr
    assert (accounts.get(store, "canbo.moi") is not None) is (role == "admin")


@pytest.mark.parametrize(("user", "says"), [
    (None, "Hãy cho biết tài khoản thực hiện: --user TÊN"),
    ("khong.ai", "Không có tài khoản «khong.ai»"),
    ("canbo.snv", "Tài khoản «canbo.snv» đã bị vô hiệu hóa"),
])
def test_an_unknown_missing_or_disabled_account_exits_1(store: Store, user, says):
    accounts.set_disabled(store, ADMIN, "canbo.snv", True)
    before = dump(store)
    args = ("settings", "--set", "red_factor=0.6") + (("--user", user) if user else ())
    result = nq57(*args)
    assert result.returncode == 1
    assert says in result.stderr and "Traceback" not in result.stderr
    assert dump(store) == before


def test_nq57_user_names_the_account(store: Store):
    result = nq57("settings", "--set", "red_factor=0.6", env={"NQ57_USER": ADMIN.name})
    assert result.returncode == 0, result.stderr
    entry = json.loads(nq57("audit", "--format", "json", "--action",
                            "change_settings").stdout)[0]
    assert (entry["actor"], entry["object_id"]) == (ADMIN.name, "red_factor")


def test_revoke_without_a_reason_is_refused_by_the_core(store: Store):
    upload = report(store, "SKHCN", "2026-Q3", {"1.1.1": 61.0})
    result = nq57("revoke", str(upload), "--reason", "  ", "--user", ADMIN.name)
    assert result.returncode == 1 and "Hãy ghi lý do thu hồi" in result.stderr
    empty = nq57("revoke", str(upload), "--reason", "", "--user", "")
    assert empty.returncode == 1


def test_a_staff_import_of_another_units_file_points_at_each_row(store: Store, tmp_path):
    path = tmp_path / "skhcn.xlsx"
    path.write_bytes(fill(template(store, "SKHCN", "2026-Q3"), {"1.1.1": 0.65, "1.3.1": 9}))
    result = nq57("import", str(path), "--format", "json", "--user", "canbo.snv")
    assert result.returncode == 1
    errors = json.loads(result.stdout)["errors"]
    assert [(e["cell"], e["code"]) for e in errors] == [("H8", "not_your_unit"),
                                                        ("H12", "not_your_unit")]
    dry = nq57("import", str(path), "--dry-run")  # checking a file needs no account
    assert dry.returncode == 0, dry.stderr


# --- user … --------------------------------------------------------------------------------

def test_the_first_administrator_from_a_fresh_database(tmp_path: Path):
    env = {"NQ57_DB": str(tmp_path / "moi.duckdb")}
    assert nq57("init", env=env).returncode == 0
    viewer_first = nq57_input("user", "add", "lanhdao", "--role", "viewer",
                              "--password-stdin", text="mot mat khau dai\n", env=env)
    assert viewer_first.returncode == 1 and "phải có vai trò admin" in viewer_first.stderr
    first = nq57_input("user", "add", "quantri.tinh", "--role", "admin", "--display-name",
                       "Nguyễn Văn Quản", "--password-stdin", text="mot mat khau dai\n",
                       env=env)
    assert first.returncode == 0, first.stderr
    assert "quản trị viên đầu tiên" in first.stdout
    second = nq57_input("user", "add", "quantri.hai", "--role", "admin", "--password-stdin",
                        text="mot mat khau dai\n", env=env)
    assert second.returncode == 1 and "--user" in second.stderr
    fresh = Store(tmp_path / "moi.duckdb")
    assert signin.sign_in(fresh, "quantri.tinh", "mot mat khau dai").actor.role == "admin"


def test_user_commands_never_print_a_password_or_a_hash(store: Store):
    secret = "mot mat khau rat dai"
    outputs = [nq57_input("user", "add", "canbo.moi", "--role", "staff", "--unit", "snv",
                          "--unit", "STC", "--email", "moi@dongnai.gov.vn", "--password-stdin",
                          "--user", ADMIN.name, text=secret + "\n")]
    outputs.append(nq57("user", "list", "--format", "json"))
    outputs.append(nq57_input("user", "reset-password", "canbo.moi", "--password-stdin",
                              "--user", ADMIN.name, text="mat khau moi nua\n"))
    outputs.append(nq57("audit", "--format", "json"))
    outputs.append(nq57("audit"))
    for result in outputs:
        assert result.returncode == 0, result.stderr
        assert secret not in result.stdout + result.stderr
        assert "mat khau moi nua" not in result.stdout + result.stderr
        assert "argon2" not in result.stdout + result.stderr
    listed = {a["name"]: a for a in json.loads(outputs[1].stdout)}
    assert listed["canbo.moi"]["units"] == ["SNV", "STC"]
    assert listed["canbo.moi"]["has_password"] is True
    assert signin.sign_in(store, "canbo.moi", "mat khau moi nua").actor.name == "canbo.moi"


def test_disable_enable_and_update_from_the_command_line(store: Store):
    as_admin = ("--user", ADMIN.name)
    assert nq57("user", "disable", "canbo.snv", *as_admin).returncode == 0
    assert accounts.get(store, "canbo.snv").disabled
    assert nq57("user", "enable", "canbo.snv", *as_admin).returncode == 0
    updated = nq57("user", "update", "canbo.snv", "--unit", "STC", "--display-name", "Chị A",
                   *as_admin)
    assert updated.returncode == 0, updated.stderr
    assert accounts.get(store, "canbo.snv").units == ("STC",)
    last = nq57("user", "disable", ADMIN.name, *as_admin)
    assert last.returncode == 1 and "quản trị viên cuối cùng" in last.stderr


def test_a_password_must_come_from_stdin_when_there_is_no_terminal(store: Store):
    result = nq57_input("user", "add", "canbo.moi", "--role", "viewer", "--user", ADMIN.name,
                        text="")
    assert result.returncode == 1 and "--password-stdin" in result.stderr
    short = nq57_input("user", "add", "canbo.moi", "--role", "viewer", "--password-stdin",
                       "--user", ADMIN.name, text="ngan\n")
    assert short.returncode == 1 and "ít nhất 10 ký tự" in short.stderr


# --- audit ------------------------------------------------------------------------------------

def test_audit_filters_by_account_action_and_date(store: Store):
    with pytest.raises(signin.SignInRefused):
        signin.sign_in(store, "canbo.snv", "sai", "10.0.0.7")
    signin.sign_in(store, "canbo.snv", PASSWORD, "10.0.0.7")
    mine = json.loads(nq57("audit", "--user", "canbo.snv", "--format", "json").stdout)
    assert [e["action"] for e in mine] == ["sign_in", "sign_in_failed"]
    assert {"id", "happened_at", "actor", "role", "action", "object_type", "object_id",
            "before", "after", "note"} == set(mine[0])
    failed = json.loads(nq57("audit", "--action", "sign_in_failed", "--format", "json").stdout)
    assert [e["note"] for e in failed] == ["từ máy 10.0.0.7"]
    assert json.loads(nq57("audit", "--since", "2999-01-01", "--format", "json").stdout) == []
    csv = nq57("audit", "--format", "csv", "--user", "canbo.snv")
    assert csv.stdout.splitlines()[0].startswith("id,happened_at,actor")
    table = nq57("audit", "--user", "canbo.snv")
    assert "Đăng nhập sai" in table.stdout
    assert nq57("audit", "--since", "hôm qua").returncode == 2
