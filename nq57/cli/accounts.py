"""Commands on accounts and the audit log: user add/list/update/disable/enable/
reset-password, audit. No command prints a password or a hash."""

from __future__ import annotations

import argparse
from datetime import datetime, time

import pandas as pd

from nq57 import accounts, audit, clock, labels, policy
from nq57.cli.common import (
    EXIT_OK,
    Commands,
    Refused,
    acting,
    command,
    os_user,
    read_password,
    say,
    with_format,
    with_user,
)
from nq57.db import Store
from nq57.output import render

T = labels.CLI_ACCOUNT_TEXTS
ACCOUNT_FIELDS = ("name", "display_name", "role", "units", "email", "has_password",
                  "disabled", "demo", "changed_by", "changed_at")
AUDIT_FIELDS = ("id", "happened_at", "actor", "role", "action", "object_type", "object_id",
                "before", "after", "note")


def _add(store: Store, args: argparse.Namespace) -> int:
    if args.user:
        actor: policy.Actor | None = acting(store, args)
    elif accounts.first_admin_allowed(store):
        actor = None  # the first administrator: whoever holds the database file
    else:
        raise Refused(labels.ACCOUNT_MESSAGES["need_user"])
    if args.sso_only and not args.email:
        raise Refused(labels.ACCOUNT_MESSAGES["needs_password_or_email"])
    password = None if args.sso_only else read_password(args)
    account = accounts.create(store, actor, args.name, args.role, units=args.unit or (),
                              display_name=args.display_name, email=args.email,
                              password=password)
    say(T["added"].format(name=account.name, role=labels.ROLE_LABELS[account.role],
                          units=", ".join(account.units) or "—"))
    if actor is None:
        say(T["first_admin"].format(os_user=os_user()))
    return EXIT_OK


def _list(store: Store, args: argparse.Namespace) -> int:
    say(render(accounts.all_accounts(store), ACCOUNT_FIELDS, args.format))
    return EXIT_OK


def _update(store: Store, args: argparse.Namespace) -> int:
    changes: dict[str, object] = {}
    if args.display_name is not None:
        changes["display_name"] = args.display_name
    if args.email is not None:
        changes["email"] = args.email
    account = accounts.update(store, acting(store, args), args.name, role=args.role,
                              units=args.unit, **changes)  # type: ignore[arg-type]
    say(T["updated"].format(name=account.name, role=labels.ROLE_LABELS[account.role],
                            units=", ".join(account.units) or "—"))
    return EXIT_OK


def _disable(store: Store, args: argparse.Namespace) -> int:
    account = accounts.set_disabled(store, acting(store, args), args.name, True)
    say(T["disabled"].format(name=account.name))
    return EXIT_OK


def _enable(store: Store, args: argparse.Namespace) -> int:
    account = accounts.set_disabled(store, acting(store, args), args.name, False)
    say(T["enabled"].format(name=account.name))
    return EXIT_OK


def _reset_password(store: Store, args: argparse.Namespace) -> int:
    actor = acting(store, args)
    accounts.reset_password(store, actor, args.name, read_password(args))
    say(T["password_reset"].format(name=accounts.normalise_name(args.name)))
    return EXIT_OK


def _since(text: str) -> datetime:
    """argparse type for --since: a date (from its start) or a date and time."""
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        try:
            return datetime.combine(clock.parse_date(text), time())
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from exc


def _audit(store: Store, args: argparse.Namespace) -> int:
    entries = audit.entries(store, since=args.since, actor=args.account, action=args.action)
    if args.format == "table":
        entries = entries.assign(action=[labels.audit_action_label(a)
                                         for a in entries["action"]])
    say(render(entries if len(entries) else pd.DataFrame(columns=list(AUDIT_FIELDS)),
               AUDIT_FIELDS, args.format))
    return EXIT_OK


def _password_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--password-stdin", action="store_true", dest="password_stdin",
                        help="đọc mật khẩu từ dòng đầu của đầu vào chuẩn")


def add_commands(commands: Commands) -> None:
    user = command(commands, "user", lambda store, args: args.user_handler(store, args),
                   "quản lý tài khoản (chỉ quản trị viên)")
    actions = user.add_subparsers(dest="user_command", required=True, metavar="ACTION")

    add = with_user(actions.add_parser("add", help="tạo tài khoản"))
    add.set_defaults(user_handler=_add)
    add.add_argument("name", help="tên đăng nhập, ví dụ canbo.snv")
    add.add_argument("--role", required=True, choices=policy.ROLES)
    add.add_argument("--unit", action="append", metavar="CODE",
                     help="đơn vị báo cáo (cán bộ báo cáo; lặp lại cho nhiều đơn vị)")
    add.add_argument("--display-name", dest="display_name", help="họ tên hiển thị")
    add.add_argument("--email", help="e-mail dùng để đăng nhập một lần (SSO)")
    add.add_argument("--sso-only", action="store_true", dest="sso_only",
                     help="không đặt mật khẩu: chỉ đăng nhập một lần qua e-mail")
    _password_options(add)

    listing = with_format(actions.add_parser("list", help="danh sách tài khoản"))
    listing.set_defaults(user_handler=_list)

    update = with_user(actions.add_parser("update", help="đổi vai trò, đơn vị, tên, e-mail"))
    update.set_defaults(user_handler=_update)
    update.add_argument("name")
    update.add_argument("--role", choices=policy.ROLES)
    update.add_argument("--unit", action="append", metavar="CODE")
    update.add_argument("--display-name", dest="display_name")
    update.add_argument("--email")

    for name, handler, help_text in (("disable", _disable, "vô hiệu hóa tài khoản"),
                                     ("enable", _enable, "kích hoạt lại tài khoản")):
        sub = with_user(actions.add_parser(name, help=help_text))
        sub.set_defaults(user_handler=handler)
        sub.add_argument("name")

    reset = with_user(actions.add_parser("reset-password", help="đặt lại mật khẩu"))
    reset.set_defaults(user_handler=_reset_password)
    reset.add_argument("name")
    _password_options(reset)

    log = with_format(command(commands, "audit", _audit, "nhật ký hệ thống (ai, khi nào, làm gì)"))
    log.add_argument("--since", type=_since, help="từ ngày, ví dụ 2026-11-01")
    log.add_argument("--user", dest="account", help="chỉ các mục của tài khoản này")
    log.add_argument("--action", help="chỉ một loại việc, ví dụ sign_in_failed")
