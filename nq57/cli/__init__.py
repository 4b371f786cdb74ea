"""python -m nq57: the command-line door onto the same core the dashboard uses.

Each module of this package adds its own commands; this one assembles the parser and
turns every refusal into a Vietnamese message and an exit code: 0 done; 1 understood
but refused (an unknown code, a rejected file, the database busy); 2 usage error
(argparse's own).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from nq57.bootstrap import prepare
from nq57.catalogue import UnknownCode
from nq57.cli import briefing, catalogue, evidence, excel, status, store
from nq57.cli.common import EXIT_REFUSED, Refused, complain
from nq57.db import Store, StoreBusy, env_path
from nq57.periods import PeriodError

# The order commands are listed in `--help`.
COMMAND_MODULES = (catalogue, status, excel, evidence, store, briefing)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m nq57",
        description="NQ57 Đồng Nai: danh mục, số liệu và tình trạng các chỉ tiêu năm 2026.",
    )
    parser.add_argument("--db", help="tệp cơ sở dữ liệu (mặc định: NQ57_DB hoặc data/nq57.duckdb)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    the_store = Store(args.db or env_path())
    try:
        if args.prepare:
            prepare(the_store)
        return int(args.handler(the_store, args))
    except (UnknownCode, PeriodError, Refused, StoreBusy, ValueError, PermissionError,
            LookupError) as exc:
        complain(f"Lỗi: {exc}")
        return EXIT_REFUSED
