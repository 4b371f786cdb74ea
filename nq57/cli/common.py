"""What every command shares: exit codes, printing, the --format option, dates."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from nq57 import clock, labels
from nq57.db import Store
from nq57.output import FORMATS

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
