"""python -m nq57: the command-line door onto the same core the dashboard uses.

Exit codes: 0 done; 1 understood but refused (an unknown code, a rejected file, the
database busy); 2 usage error (argparse's own).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from nq57 import backup, catalogue, clock, demo, labels, settings, status
from nq57.bootstrap import prepare
from nq57.catalogue import UnknownCode
from nq57.db import Store, StoreBusy, env_path
from nq57.output import FORMATS, render
from nq57.periods import PeriodError

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

UNIT_FIELDS = ("code", "name", "kind")
TARGET_FIELDS = (
    "code", "group", "name", "unit_of_measure", "comparator", "threshold_low",
    "threshold_high", "kind", "lead_unit", "lead_unit_name", "coord_units", "lead_assumed",
)
TASK_FIELDS = (
    "code", "section", "title", "output", "kpi", "lead_unit", "lead_unit_name",
    "coord_units", "deadline_text", "deadline",
)
GAP_FIELDS = (
    "code", "group", "name", "lead_unit", "comparator", "threshold_low", "threshold_high",
    "baseline", "actual", "expected", "completion", "elapsed", "gap", "status",
)


class Refused(Exception):
    """The command was understood but cannot be done; the message says why."""


Handler = Callable[[Store, argparse.Namespace], int]
COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        COMMANDS[name] = handler
        return handler
    return register


def _print(text: str) -> None:
    sys.stdout.write(text + "\n")


# --- catalogue ------------------------------------------------------------------

@command("init")
def _init(store: Store, args: argparse.Namespace) -> int:
    result = prepare(store)
    verb = "Đã tạo" if result.created else "Đã kiểm tra"
    _print(f"{verb} cơ sở dữ liệu {store.path}")
    if result.applied:
        _print("Đã áp dụng: " + ", ".join(result.applied))
    if result.catalogue_reloaded:
        _print("Đã nạp danh mục chỉ tiêu, nhiệm vụ và đơn vị từ data/.")
    if args.demo:
        if demo.present(store):
            _print("Số liệu minh họa đã có sẵn.")
        else:
            with store.transaction() as con:
                demo.load(store, con)
            _print("Đã nạp số liệu minh họa (2025-Q4 đến 2026-Q3).")
    return EXIT_OK


@command("units")
def _units(store: Store, args: argparse.Namespace) -> int:
    _print(render(catalogue.units(store), UNIT_FIELDS, args.format))
    return EXIT_OK


@command("targets")
def _targets(store: Store, args: argparse.Namespace) -> int:
    _print(render(catalogue.targets(store, args.year), TARGET_FIELDS, args.format))
    return EXIT_OK


@command("tasks")
def _tasks(store: Store, args: argparse.Namespace) -> int:
    _print(render(catalogue.tasks(store, args.year), TASK_FIELDS, args.format))
    return EXIT_OK


@command("assign-lead")
def _assign_lead(store: Store, args: argparse.Namespace) -> int:
    catalogue.assign_lead(store, args.item, args.unit, args.by, args.reason)
    _print(f"Đã giao {args.item} cho đơn vị {args.unit.upper()} chủ trì.")
    return EXIT_OK


@command("settings")
def _settings(store: Store, args: argparse.Namespace) -> int:
    for assignment in args.set or []:
        key, _, value = assignment.partition("=")
        if not value:
            raise Refused(f"Hãy viết --set KHÓA=GIÁ_TRỊ, ví dụ --set red_factor=0.5 "
                          f"(nhận được «{assignment}»).")
        stored = settings.update(store, key.strip(), value)
        _print(f"Đã đặt {key.strip()} = {stored}")
    _print(render(settings.all_settings(store), ("key", "value", "description"), args.format))
    return EXIT_OK


# --- status ---------------------------------------------------------------------

@command("gaps")
def _gaps(store: Store, args: argparse.Namespace) -> int:
    with store.connect() as con:
        period = catalogue.resolve_period(store, args.period, con)
        units = [catalogue.resolve_unit(store, args.unit, con)] if args.unit else None
        group = catalogue.resolve_group(store, args.group, con) if args.group else None
        frame = status.gaps(store, period.code, as_of=args.as_of, units=units, group=group,
                            con=con)
    frame = frame.rename(columns={"group_code": "group"})
    _print(render(frame, GAP_FIELDS, args.format))
    return EXIT_OK


# --- demo data ------------------------------------------------------------------

@command("demo")
def _demo(store: Store, args: argparse.Namespace) -> int:
    if args.action == "remove":
        demo.remove(store)
        _print("Đã xóa số liệu minh họa; số liệu báo cáo thật giữ nguyên.")
    elif demo.present(store):
        _print("Số liệu minh họa đã có sẵn.")
    else:
        with store.transaction() as con:
            demo.load(store, con)
        _print("Đã nạp số liệu minh họa.")
    return EXIT_OK


# --- backup and restore ---------------------------------------------------------

@command("backup")
def _backup(store: Store, args: argparse.Namespace) -> int:
    manifest = backup.backup(store, args.dir)
    _print(labels.BACKUP_MESSAGES["backup_done"].format(
        tables=len(manifest.tables), rows=manifest.rows, path=args.dir))
    return EXIT_OK


@command("restore")
def _restore(store: Store, args: argparse.Namespace) -> int:
    result = backup.restore(store, args.dir, force=args.force)
    _print(labels.BACKUP_MESSAGES["restore_done"].format(
        tables=len(result.manifest.tables), rows=result.manifest.rows,
        created_at=result.manifest.created_at, path=store.path))
    if result.replaced:
        _print(labels.BACKUP_MESSAGES["restore_kept"].format(path=result.replaced))
    return EXIT_OK


# --- parser ---------------------------------------------------------------------

def _as_of(text: str) -> str:
    try:
        clock.parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m nq57",
        description="NQ57 Đồng Nai: danh mục, số liệu và tình trạng các chỉ tiêu năm 2026.",
    )
    parser.add_argument("--db", help="tệp cơ sở dữ liệu (mặc định: NQ57_DB hoặc data/nq57.duckdb)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_format(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--format", choices=FORMATS, default="table")
        return p

    init = sub.add_parser("init", help="tạo hoặc nâng cấp cơ sở dữ liệu")
    init.add_argument("--demo", action="store_true", help="nạp thêm số liệu minh họa")
    with_format(sub.add_parser("units", help="danh sách đơn vị"))
    targets = with_format(sub.add_parser("targets", help="danh sách chỉ tiêu"))
    targets.add_argument("--year", type=int, default=None)
    tasks = with_format(sub.add_parser("tasks", help="danh sách nhiệm vụ (phụ lục)"))
    tasks.add_argument("--year", type=int, default=None)
    assign = sub.add_parser("assign-lead", help="giao lại đơn vị chủ trì của một chỉ tiêu")
    assign.add_argument("item", help="mã chỉ tiêu hoặc nhiệm vụ, ví dụ 1.5.15")
    assign.add_argument("unit", help="mã đơn vị chủ trì mới")
    assign.add_argument("--by", required=True, help="người quyết định")
    assign.add_argument("--reason", required=True, help="lý do / văn bản giao")
    settings_cmd = with_format(sub.add_parser("settings", help="xem hoặc đổi các thiết lập"))
    settings_cmd.add_argument("--set", action="append", metavar="KEY=VALUE",
                              help="ví dụ --set red_factor=0.5 hoặc --set report_deadline_day=20")
    gaps = with_format(sub.add_parser("gaps", help="khoảng cách và tình trạng từng chỉ tiêu"))
    gaps.add_argument("--period", required=True, help="kỳ báo cáo, ví dụ 2026-Q2")
    gaps.add_argument("--unit", help="mã đơn vị chủ trì")
    gaps.add_argument("--group", help="nhóm chỉ tiêu, ví dụ 1.5")
    gaps.add_argument("--as-of", type=_as_of, default=None, dest="as_of",
                      help="ngày đánh giá (YYYY-MM-DD; mặc định NQ57_TODAY hoặc hôm nay)")
    demo_cmd = sub.add_parser("demo", help="nạp hoặc xóa số liệu minh họa")
    demo_cmd.add_argument("action", choices=("load", "remove"))
    backup_cmd = sub.add_parser("backup", help="sao lưu toàn bộ cơ sở dữ liệu vào một thư mục")
    backup_cmd.add_argument("dir", help="thư mục mới hoặc trống")
    restore_cmd = sub.add_parser("restore", help="khôi phục cơ sở dữ liệu từ một bản sao lưu")
    restore_cmd.add_argument("dir", help="thư mục của bản sao lưu")
    restore_cmd.add_argument("--force", action="store_true",
                             help="thay thế cả khi cơ sở dữ liệu đang có số liệu báo cáo thật")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    store = Store(args.db or env_path())
    try:
        if args.command not in ("init", "restore"):
            prepare(store)
        return COMMANDS[args.command](store, args)
    except (UnknownCode, PeriodError, Refused, StoreBusy, ValueError) as exc:
        sys.stderr.write(f"Lỗi: {exc}\n")
        return EXIT_REFUSED
