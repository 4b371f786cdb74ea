"""python -m nq57 briefing: the administrative report as PDF, Word or Excel, the same
file the page "Báo cáo" gives."""

from __future__ import annotations

import argparse
import errno
import os
import tempfile
from pathlib import Path

from nq57 import accounts, briefing, catalogue, labels, policy
from nq57.briefing.fonts import FontMissing
from nq57.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    USER_VARIABLE,
    Commands,
    Refused,
    as_of,
    command,
    complain,
    os_user,
    say,
)
from nq57.db import Store
from nq57.policy import Actor, PermissionDenied

TEXTS = labels.BRIEFING_CLI


class BadOutput(ValueError):
    """The -o path cannot take a report; the message says why."""


def output_format(path: Path) -> str:
    """The format a path asks for, from its extension; BadOutput if it cannot be
    written there (unknown extension, a folder, a folder that does not exist)."""
    if path.is_dir():
        raise BadOutput(TEXTS["is_folder"].format(path=path))
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in briefing.FORMATS:
        raise BadOutput(TEXTS["bad_extension"].format(path=path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise BadOutput(TEXTS["no_folder"].format(folder=folder))
    return fmt


def account(store: Store, name: str | None) -> Actor:
    """The account a command acts for: the one named (it must exist and be enabled),
    else the system user as a viewer — reading needs no account on the command line,
    whose user already holds the database file."""
    if name:
        return accounts.actor_for(store, name)
    return Actor(os_user(), policy.VIEWER)


def write_atomically(path: Path, data: bytes) -> None:
    """The whole file or nothing: written beside the target, then renamed over it."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".nq57-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _why(error: OSError) -> str:
    """Why a file could not be written, in Vietnamese."""
    reasons = {errno.EACCES: "no_permission", errno.EPERM: "no_permission",
               errno.ENOSPC: "disk_full", errno.EROFS: "read_only"}
    key = reasons.get(error.errno or 0)
    if key:
        return TEXTS[key]
    return TEXTS["other_error"].format(name=errno.errorcode.get(error.errno or 0, "?"))


def _briefing(store: Store, args: argparse.Namespace) -> int:
    path = Path(args.output)
    try:
        fmt = output_format(path)
    except BadOutput as bad:
        complain(f"Lỗi: {bad}")
        return EXIT_USAGE
    with store.connect() as con:
        period = catalogue.resolve_period(store, args.period, con)
        units = tuple(dict.fromkeys(catalogue.resolve_unit(store, u, con)
                                    for u in args.unit or ()))
        group = catalogue.resolve_group(store, args.group, con) if args.group else None
    try:
        report = briefing.build(store, briefing.Scope(period.code, units, group),
                                actor=account(store, args.user), as_of=args.as_of)
        data = briefing.render(report, fmt)
    except (PermissionDenied, FontMissing) as refused:
        raise Refused(str(refused)) from refused
    try:
        write_atomically(path, data)
    except OSError as error:
        raise Refused(TEXTS["cannot_write"].format(path=path, error=_why(error))) from error
    say(TEXTS["written"].format(path=path, scope=report.scope_label, period=report.period_label))
    return EXIT_OK


def add_commands(commands: Commands) -> None:
    report = command(commands, "briefing", _briefing,
                     "báo cáo hành chính (PDF, Word hoặc Excel) của một kỳ")
    report.add_argument("--period", required=True, help="kỳ báo cáo, ví dụ 2026-Q3")
    report.add_argument("--unit", nargs="+", action="extend", metavar="CODE",
                        help="mã đơn vị chủ trì (một hoặc nhiều); mặc định: toàn tỉnh")
    report.add_argument("--group", help="nhóm chỉ tiêu, ví dụ 1.5")
    report.add_argument("--as-of", type=as_of, default=None, dest="as_of",
                        help="ngày đánh giá (YYYY-MM-DD; mặc định NQ57_TODAY hoặc hôm nay)")
    report.add_argument("--user", default=os.environ.get(USER_VARIABLE) or None,
                        help="tài khoản lập báo cáo (mặc định: NQ57_USER, hoặc người dùng hệ "
                             "thống với quyền xem)")
    report.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="tệp báo cáo: .pdf, .docx hoặc .xlsx")
