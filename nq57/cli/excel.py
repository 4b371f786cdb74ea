"""Commands of the Excel round trip: template, import, the upload log, history,
revocation."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from nq57 import catalogue, files, imports, labels, revisions
from nq57.catalogue import UnknownCode
from nq57.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Commands,
    acting,
    command,
    complain,
    demo_notice,
    say,
    with_format,
    with_user,
)
from nq57.cli.evidence import read_evidence_file
from nq57.db import Store
from nq57.evidence import records as evidence_records
from nq57.excel.check import normalise_code
from nq57.excel.problems import Problem
from nq57.output import records, render
from nq57.periods import parse_period

IMPORT_FORMATS = ("text", "json")
UPLOAD_FIELDS = ("id", "unit_code", "period_code", "file_name", "sha256", "rows_read",
                 "rows_stored", "uploaded_by", "uploaded_at", "revoked", "revoked_by",
                 "revoke_reason")
EVIDENCE_LOG_FIELDS = ("evidence_id", "period", "unit", "event", "happened_at", "done_by",
                       "kind", "file_type", "original_name", "url", "value", "reason",
                       "insufficient_quality")
HISTORY_FIELDS = ("id", "period_code", "unit_code", "value", "note", "evidence", "upload_id",
                  "file_name", "recorded_at", "recorded_by", "revoked", "is_current")


def _template(store: Store, args: argparse.Namespace) -> int:
    output = files.check_output(Path(args.output))
    data, count = imports.template(store, args.unit, args.period)
    files.write_output(output, data)
    say(labels.IMPORT_CLI["template_written"].format(
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
                               "evidence", "status", "explanation", "cause", "support")),
        "explanations_stored": result.explanations if result else 0,
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
        complain(texts["refused"].format(file=inspection.file_name,
                                         count=len(inspection.problems)))
        for found in inspection.problems:
            complain(f"  Lỗi: {found.message}")
        return
    say(texts["accepted"].format(file=inspection.file_name, unit=inspection.unit,
                                 period=inspection.period, rows=len(inspection.values)))
    for found in inspection.warnings:
        say(f"  Lưu ý: {found.message}")
    if dry_run or result is None:
        say(texts["dry_run"])
    elif result.upload_id is not None:
        say(texts["stored"].format(upload=result.upload_id, stored=result.stored,
                                   unchanged=result.unchanged))
    else:
        say(texts["unchanged"])
        if result.duplicate_of is not None:
            say(texts["duplicate"].format(upload=result.duplicate_of))


def _import(store: Store, args: argparse.Namespace) -> int:
    path = files.regular_input(Path(args.file))  # never a FIFO, a device or a folder
    # A dry run only checks the file; with an account it also checks what it may report.
    actor = acting(store, args) if args.user or not args.dry_run else None
    evidence_files: dict[str, bytes] = {}
    try:
        for name in args.evidence or ():
            evidence_path = Path(name)
            evidence_files[evidence_path.name] = read_evidence_file(evidence_path)
        inspection, result = imports.import_path(
            store, path, actor=actor, unit=args.unit, period=args.period,
            dry_run=args.dry_run, evidence_files=evidence_files)
    except PermissionError:
        raise  # a refusal (a locked period, a permission), not an unreadable file
    except OSError as exc:
        complain(labels.IMPORT_CLI["unreadable"].format(path=exc.filename or path,
                                                        reason=files.os_reason(exc)))
        return EXIT_USAGE
    if args.format == "json":
        say(_import_json(inspection, result, args.dry_run))
    else:
        _import_text(inspection, result, args.dry_run)
    return EXIT_OK if inspection.accepted else EXIT_REFUSED


def _revoke(store: Store, args: argparse.Namespace) -> int:
    revisions.revoke_upload(store, acting(store, args), args.upload_id, args.reason)
    say(labels.IMPORT_CLI["revoked"].format(upload=args.upload_id))
    return EXIT_OK


def _history(store: Store, args: argparse.Namespace) -> int:
    code = normalise_code(args.item)
    if code not in {row["code"] for row in store.rows("item_codes")}:
        raise UnknownCode(labels.MESSAGES["unknown_item"].format(code=code))
    evidence_log = evidence_records.log(store, code)
    demo_notice(store, args.format)
    if args.evidence:
        say(render(evidence_log, EVIDENCE_LOG_FIELDS, args.format))
        return EXIT_OK
    say(render(revisions.history(store, code), HISTORY_FIELDS, args.format))
    if args.format == "table" and len(evidence_log):
        say("\n" + labels.REVIEW_CLI["evidence_heading"])
        say(render(evidence_log, EVIDENCE_LOG_FIELDS, args.format))
    return EXIT_OK


def _uploads(store: Store, args: argparse.Namespace) -> int:
    with store.connect() as con:
        resolver = catalogue.resolver(store, con, for_reporting=True)
        unit = resolver.unit(args.unit) if args.unit else None
        period = resolver.period(args.period).code if args.period else None
    demo_notice(store, args.format)
    say(render(revisions.uploads(store, unit, period), UPLOAD_FIELDS, args.format))
    return EXIT_OK


def add_commands(commands: Commands) -> None:
    template = command(commands, "template", _template,
                       "tạo biểu mẫu Excel của một đơn vị cho một kỳ")
    template.add_argument("--unit", required=True, help="mã đơn vị báo cáo, ví dụ SKHCN")
    template.add_argument("--period", required=True,
                          help="kỳ báo cáo: quý (2026-Q2) hoặc tháng (2026-05)")
    template.add_argument("-o", "--output", required=True, help="tệp .xlsx sẽ ghi ra")
    imp = command(commands, "import", _import,
                  "kiểm tra và nhập một tệp Excel số liệu thực hiện")
    imp.add_argument("file", help="tệp .xlsx đã điền")
    imp.add_argument("--unit", help="đơn vị báo cáo (mặc định: theo biểu mẫu hoặc cột trong tệp)")
    imp.add_argument("--period", help="kỳ báo cáo (mặc định: theo biểu mẫu hoặc cột trong tệp)")
    imp.add_argument("--dry-run", action="store_true", dest="dry_run",
                     help="chỉ kiểm tra, không lưu gì")
    with_user(imp)
    imp.add_argument("--format", choices=IMPORT_FORMATS, default="text")
    imp.add_argument("--evidence", nargs="+", metavar="FILE",
                     help="tệp minh chứng kèm theo; ghi đúng tên tệp vào cột «Minh chứng»")
    revoke = command(commands, "revoke", _revoke,
                     "thu hồi một lần nhập (các giá trị trở về lần trước)")
    revoke.add_argument("upload_id", type=int, help="số lần nhập (xem lệnh uploads)")
    with_user(revoke)
    revoke.add_argument("--reason", required=True, help="lý do thu hồi")
    history = with_format(command(commands, "history", _history,
                                  "lịch sử giá trị của một chỉ tiêu"))
    history.add_argument("item", help="mã chỉ tiêu hoặc nhiệm vụ, ví dụ 1.1.1")
    history.add_argument("--evidence", action="store_true",
                         help="minh chứng và các quyết định thẩm định thay cho các lần báo cáo")
    uploads = with_format(command(commands, "uploads", _uploads,
                                  "nhật ký các lần nhập số liệu"))
    uploads.add_argument("--unit", help="mã đơn vị báo cáo")
    uploads.add_argument("--period", help="kỳ báo cáo, ví dụ 2026-Q2")


