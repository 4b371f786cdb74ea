"""What every command shares: exit codes, printing, the --format option, dates."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable

from nq57 import accounts, clock, labels
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


# --- the acting account -----------------------------------------------------------

USER_VARIABLE = "NQ57_USER"


def with_user(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """--user NAME (default NQ57_USER): the account a writing command acts for."""
    parser.add_argument("--user", default=os.environ.get(USER_VARIABLE) or None,
                        help="tài khoản thực hiện (mặc định: biến môi trường NQ57_USER)")
    return parser


def acting(store: Store, args: argparse.Namespace) -> Actor:
    """The account named by --user / NQ57_USER: it must exist and be enabled; what it
    may do is checked by the core. Refused (exit 1) otherwise."""
    if not getattr(args, "user", None):
        raise Refused(labels.ACCOUNT_MESSAGES["need_user"])
    return accounts.actor_for(store, args.user)


def read_password(args: argparse.Namespace) -> str:
    """The new password from standard input (--password-stdin: its first line), or
    typed twice at a terminal. Never echoed, never printed."""
    if getattr(args, "password_stdin", False):
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise Refused(labels.ACCOUNT_MESSAGES["no_password_input"])
    first = getpass.getpass(labels.CLI_ACCOUNT_TEXTS["password_prompt"])
    second = getpass.getpass(labels.CLI_ACCOUNT_TEXTS["password_again"])
    if first != second:
        raise Refused(labels.ACCOUNT_MESSAGES["passwords_differ"])
    return first
