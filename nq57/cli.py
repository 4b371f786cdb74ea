"""python -m nq57: the command-line door onto the same core the dashboard uses.

Exit codes: 0 done; 1 understood but refused (an unknown code, a rejected file, the
database busy); 2 usage error (argparse's own).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from nq57 import backup, catalogue, clock, demo, imports, labels, revisions, settings, status
from nq57.bootstrap import prepare
from nq57.catalogue import UnknownCode
from nq57.db import Store, StoreBusy, env_path
from nq57.excel.check import normalise_code
from nq57.excel.problems import Problem
from nq57.output import FORMATS, records, render
from nq57.periods import PeriodError, parse_period

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
    said = labels.CLI_MESSAGES["created" if result.created else "checked"]
    _print(said.format(path=store.path))
    if result.applied:
        applied = ", ".join(result.applied)
        _print(labels.CLI_MESSAGES["migrations_applied"].format(migrations=applied))
    if result.catalogue_reloaded:
        _print(labels.CLI_MESSAGES["catalogue_loaded"])
    if args.demo:
        _load_demo(store)
    return EXIT_OK


def _load_demo(store: Store) -> None:
    if demo.load_unless_present(store):
        _print(labels.CLI_MESSAGES["demo_loaded"].format(
            first=demo.BASELINE_PERIOD, last=demo.DEMO_PERIODS[-1]))
    else:
        _print(labels.CLI_MESSAGES["demo_present"])


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
    _print(labels.CLI_MESSAGES["lead_assigned"].format(item=args.item, unit=args.unit.upper()))
    return EXIT_OK


@command("settings")
def _settings(store: Store, args: argparse.Namespace) -> int:
    for assignment in args.set or []:
        key, _, value = assignment.partition("=")
        if not value:
            raise Refused(labels.CLI_MESSAGES["setting_usage"].format(given=assignment))
        stored = settings.update(store, key.strip(), value)
        _print(labels.CLI_MESSAGES["setting_stored"].format(key=key.strip(), value=stored))
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
        _print(labels.CLI_MESSAGES["demo_removed"])
    else:
        _load_demo(store)
    return EXIT_OK


# --- Excel round trip -----------------------------------------------------------

IMPORT_FORMATS = ("text", "json")
UPLOAD_FIELDS = ("id", "unit_code", "period_code", "file_name", "sha256", "rows_read",
                 "rows_stored", "uploaded_by", "uploaded_at", "revoked", "revoked_by",
                 "revoke_reason")
HISTORY_FIELDS = ("id", "period_code", "unit_code", "value", "note", "evidence", "upload_id",
                  "file_name", "recorded_at", "recorded_by", "revoked", "is_current")


@command("template")
def _template(store: Store, args: argparse.Namespace) -> int:
    data, count = imports.template(store, args.unit, args.period)
    output = Path(args.output)
    output.write_bytes(data)
    _print(labels.IMPORT_CLI["template_written"].format(
        path=output, count=count, unit=catalogue.resolve_unit(store, args.unit),
        period=parse_period(args.period).label))
    return EXIT_OK


def _import_json(inspection: imports.Inspection, result: revisions.RecordResult | None,
                 dry_run: bool) -> str:
    rows = inspection.preview.rename(columns={"item_code": "item", "new_value": "value"})
    return json.dumps({
        "accepted": inspection.accepted,
        "dry_run": dry_run,
        "upload_id": result.upload_id if result else None,
        "duplicate_of": result.duplicate_of if result else None,
        "stored": result.stored if result else 0,
        "unchanged": result.unchanged if result else 0,
        "file": inspection.file_name,
        "sha256": inspection.sha256,
        "unit": inspection.unit,
        "period": inspection.period,
        "rows": records(rows, ("row", "item", "value", "on_record", "change", "note",
                               "evidence")),
        "errors": [_problem_json(p) for p in inspection.problems],
        "warnings": [_problem_json(p) for p in inspection.warnings],
    }, ensure_ascii=False, indent=2)


def _problem_json(found: Problem) -> dict[str, object]:
    return {key: found.as_dict()[key] for key in ("sheet", "row", "column", "cell", "code",
                                                  "message")}


def _import_text(inspection: imports.Inspection, result: revisions.RecordResult | None,
                 dry_run: bool) -> None:
    texts = labels.IMPORT_CLI
    if not inspection.accepted:
        sys.stderr.write(texts["refused"].format(file=inspection.file_name,
                                                 count=len(inspection.problems)) + "\n")
        for found in inspection.problems:
            sys.stderr.write(f"  Lỗi: {found.message}\n")
        return
    _print(texts["accepted"].format(file=inspection.file_name, unit=inspection.unit,
                                    period=inspection.period, rows=len(inspection.values)))
    for found in inspection.warnings:
        _print(f"  Lưu ý: {found.message}")
    if dry_run or result is None:
        _print(texts["dry_run"])
    elif result.upload_id is not None:
        _print(texts["stored"].format(upload=result.upload_id, stored=result.stored,
                                      unchanged=result.unchanged))
    else:
        _print(texts["unchanged"])
        if result.duplicate_of is not None:
            _print(texts["duplicate"].format(upload=result.duplicate_of))


@command("import")
def _import(store: Store, args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        inspection, result = imports.import_path(
            store, path, by=args.by, unit=args.unit, period=args.period, dry_run=args.dry_run)
    except OSError as exc:
        sys.stderr.write(labels.IMPORT_CLI["unreadable"].format(
            path=path, reason=exc.strerror or exc) + "\n")
        return EXIT_USAGE
    if args.format == "json":
        _print(_import_json(inspection, result, args.dry_run))
    else:
        _import_text(inspection, result, args.dry_run)
    return EXIT_OK if inspection.accepted else EXIT_REFUSED


@command("revoke")
def _revoke(store: Store, args: argparse.Namespace) -> int:
    revisions.revoke_upload(store, args.upload_id, args.by, args.reason)
    _print(labels.IMPORT_CLI["revoked"].format(upload=args.upload_id))
    return EXIT_OK


@command("history")
def _history(store: Store, args: argparse.Namespace) -> int:
    code = normalise_code(args.item)
    if code not in {row["code"] for row in store.rows("item_codes")}:
        raise UnknownCode(labels.MESSAGES["unknown_item"].format(code=code))
    _print(render(revisions.history(store, code), HISTORY_FIELDS, args.format))
    return EXIT_OK


@command("uploads")
def _uploads(store: Store, args: argparse.Namespace) -> int:
    with store.connect() as con:
        unit = catalogue.resolve_unit(store, args.unit, con) if args.unit else None
        period = catalogue.resolve_period(store, args.period, con).code if args.period else None
    _print(render(revisions.uploads(store, unit, period), UPLOAD_FIELDS, args.format))
    return EXIT_OK


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "không rõ"


def _add_excel_parsers(sub: argparse._SubParsersAction,
                       with_format: Callable[[argparse.ArgumentParser],
                                             argparse.ArgumentParser]) -> None:
    template = sub.add_parser("template", help="tạo biểu mẫu Excel của một đơn vị cho một kỳ")
    template.add_argument("--unit", required=True, help="mã đơn vị báo cáo, ví dụ SKHCN")
    template.add_argument("--period", required=True, help="kỳ báo cáo, ví dụ 2026-Q2")
    template.add_argument("-o", "--output", required=True, help="tệp .xlsx sẽ ghi ra")
    imp = sub.add_parser("import", help="kiểm tra và nhập một tệp Excel số liệu thực hiện")
    imp.add_argument("file", help="tệp .xlsx đã điền")
    imp.add_argument("--unit", help="đơn vị báo cáo (mặc định: theo biểu mẫu hoặc cột trong tệp)")
    imp.add_argument("--period", help="kỳ báo cáo (mặc định: theo biểu mẫu hoặc cột trong tệp)")
    imp.add_argument("--dry-run", action="store_true", dest="dry_run",
                     help="chỉ kiểm tra, không lưu gì")
    imp.add_argument("--by", default=_os_user(),
                     help="người báo cáo (mặc định: tên người dùng hệ điều hành)")
    imp.add_argument("--format", choices=IMPORT_FORMATS, default="text")
    revoke = sub.add_parser("revoke", help="thu hồi một lần nhập (các giá trị trở về lần trước)")
    revoke.add_argument("upload_id", type=int, help="số lần nhập (xem lệnh uploads)")
    revoke.add_argument("--by", required=True, help="người thu hồi")
    revoke.add_argument("--reason", required=True, help="lý do thu hồi")
    history = with_format(sub.add_parser("history", help="lịch sử giá trị của một chỉ tiêu"))
    history.add_argument("item", help="mã chỉ tiêu hoặc nhiệm vụ, ví dụ 1.1.1")
    uploads = with_format(sub.add_parser("uploads", help="nhật ký các lần nhập số liệu"))
    uploads.add_argument("--unit", help="mã đơn vị báo cáo")
    uploads.add_argument("--period", help="kỳ báo cáo, ví dụ 2026-Q2")


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
    _add_excel_parsers(sub, with_format)
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
