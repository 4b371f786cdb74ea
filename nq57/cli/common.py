"""What every command shares: exit codes, printing, the --format option, dates."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence

from nq57 import clock, labels, policy
from nq57.db import Store
from nq57.output import FORMATS
from nq57.policy import Actor

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

Handler = Callable[[Store, argparse.Namespace], int]
# argparse's own type for the object add_subparsers() returns.
Commands = argparse._SubParsersAction


class Refused(Exception):
    """The command was understood but cannot be done; the message says why."""


def say(text: str) -> None:
    sys.stdout.write(text + "\n")


def complain(text: str) -> None:
    sys.stderr.write(text + "\n")


def demo_notice(store: Store, fmt: str = "table") -> None:
    """Output made from demo data says so: first on stdout beside a table or text, on
    stderr beside CSV or JSON (so that machine output stays parseable)."""
    from nq57 import demo

    if demo.present(store):
        (say if fmt in ("table", "text") else complain)(labels.MESSAGES["demo_output"])


def with_format(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--format", choices=FORMATS, default="table")
    return parser


def command(commands: Commands, name: str, handler: Handler, help_text: str, *,
            prepare: bool = True) -> argparse.ArgumentParser:
    """A sub-command whose handler runs on the prepared store (unless prepare=False:
    the command creates or replaces the database itself)."""
    parser: argparse.ArgumentParser = commands.add_parser(name, help=help_text)
    parser.set_defaults(handler=handler, prepare=prepare)
    return parser


def as_of(text: str) -> str:
    """argparse type for --as-of: an ISO date, else a usage error."""
    try:
        clock.parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    return text


def os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "không rõ"


# --- the acting account -------------------------------------------------------------
# Until accounts exist in the store, a command that writes names its actor with
# --user NAME, and --role/--user-unit say what that account may do. Both doors build
# the Actor in this one place, so looking the account up instead is one change.

def with_actor(parser: argparse.ArgumentParser, *, role: str = "staff"
               ) -> argparse.ArgumentParser:
    """The options naming who acts: --user (or NQ57_USER), --role, --user-unit."""
    parser.add_argument("--user", default=os.environ.get("NQ57_USER") or None,
                        help="tài khoản thực hiện (mặc định: NQ57_USER)")
    parser.add_argument("--role", choices=policy.ROLES, default=role,
                        help=f"vai trò của tài khoản (mặc định: {role})")
    parser.add_argument("--user-unit", action="append", default=[], dest="user_units",
                        metavar="CODE", help="đơn vị của cán bộ báo cáo (lặp lại được)")
    return parser


def actor_from_args(store: Store, args: argparse.Namespace,
                    default_units: Sequence[str] = ()) -> Actor:
    """The account a command acts as (--user, --role, --user-unit). Staff named without
    units act for `default_units` (the unit the command is about), as the import's
    reporter does until accounts exist."""
    from nq57 import catalogue

    name = (getattr(args, "user", None) or "").strip()
    if not name:
        raise Refused(labels.CLI_MESSAGES["need_user"])
    codes = args.user_units or (list(default_units) if args.role == policy.STAFF else [])
    units = frozenset(catalogue.resolve_unit(store, code) for code in codes)
    return policy.Actor(name, args.role, units)
