"""What every command shares: exit codes, printing, the --format option, dates."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from nq57 import clock, policy
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


def with_user(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """--user NAME: the account a command acts for (default: the system user name)."""
    parser.add_argument("--user", default=None,
                        help="tài khoản thực hiện (mặc định: tên người dùng hệ điều hành)")
    return parser


def actor_from_args(store: Store, args: argparse.Namespace) -> Actor:
    """The account a command acts for: --user NAME, else the system user name.

    There are no accounts to look the name up in yet, so whoever runs the command
    acts as an administrator, as everyone at the machine's console can today; the
    lookup of the name's role and units belongs here, and only here."""
    name = (getattr(args, "user", None) or os_user()).strip() or os_user()
    return Actor(name, policy.ADMIN)
