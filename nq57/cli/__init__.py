"""python -m nq57: the command-line door onto the same core the dashboard uses.

Each module of this package adds its own commands; this one assembles the parser and
turns every refusal into a Vietnamese message and an exit code: 0 done; 1 understood
but refused (an unknown code, a rejected file, the database busy); 2 usage error
(argparse's own).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from nq57 import incidents, labels
from nq57.bootstrap import prepare
from nq57.catalogue import UnknownCode
from nq57.cli import accounts, briefing, catalogue, evidence, excel, status, store
from nq57.cli.common import EXIT_REFUSED, EXIT_USAGE, Refused, complain
from nq57.db import Store, StoreProblem, env_path
from nq57.files import PathProblem
from nq57.periods import PeriodError
from nq57.untrusted import OddCharacters

# The order commands are listed in `--help`.
COMMAND_MODULES = (catalogue, status, excel, evidence, store, briefing, accounts)


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


def incident_log(the_store: Store) -> str:
    """Where the command line writes tracebacks: NQ57_LOG, else beside the database."""
    return os.environ.get("NQ57_LOG") or str(the_store.path.with_name("nq57-incidents.log"))


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    the_store = Store(args.db or env_path())
    try:
        if args.prepare:
            prepare(the_store)
        return int(args.handler(the_store, args))
    except PathProblem as exc:  # a path that cannot be read or written
        complain(f"Lỗi: {exc}")
        return EXIT_USAGE
    except (UnknownCode, PeriodError, Refused, StoreProblem, OddCharacters, ValueError,
            PermissionError, LookupError) as exc:
        complain(f"Lỗi: {exc}")
        return EXIT_REFUSED
    except Exception as exc:  # a bug: a Vietnamese line here, the traceback in the log
        if os.environ.get("NQ57_DEBUG"):
            raise
        incidents.log_to_file(incident_log(the_store))
        incident = incidents.record(exc, f"python -m nq57 {args.command}")
        complain(labels.INCIDENT_TEXTS["cli"].format(incident=incident))
        return EXIT_REFUSED
