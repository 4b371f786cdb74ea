"""Commands of the evidence regime: attach evidence, the review queue and decisions,
period locks."""

from __future__ import annotations

import argparse
from pathlib import Path

from nq57 import catalogue, labels, locks, status
from nq57.cli.common import (
    EXIT_OK,
    Commands,
    Refused,
    acting,
    as_of,
    command,
    say,
    with_format,
    with_user,
)
from nq57.db import Store
from nq57.evidence import records, review, sniff
from nq57.evidence.vault import VaultError
from nq57.output import render

QUEUE_FIELDS = (
    "evidence_id", "code", "name", "reporting_unit", "period", "actual", "reported_status",
    "status", "verified_status", "review_state", "evidence_kind", "evidence_file_type",
    "evidence_added_at", "review_reason", "insufficient_quality", "reviewed_by",
    "reviewed_at",
)
LOCK_FIELDS = ("period_code", "locked", "changed_by", "changed_at", "reason")
_TEXTS = labels.REVIEW_CLI


def read_evidence_file(path: Path) -> bytes:
    """The bytes of an evidence file on disk, refusing one over the size limit unread.
    OSError if it cannot be read."""
    size = path.stat().st_size
    if not path.is_file():
        raise OSError(f"{path} không phải một tệp")
    if size > sniff.MAX_BYTES:
        raise sniff.EvidenceRefused("too_large", labels.EVIDENCE_MESSAGES["too_large"].format(
            file=path.name, size=f"{size / 1024 / 1024:.1f}".replace(".", ","),
            limit=sniff.MAX_BYTES // 1024 // 1024))
    with path.open("rb") as handle:
        return handle.read(sniff.MAX_BYTES + 1)


def _add(store: Store, args: argparse.Namespace) -> int:
    if bool(args.file) == bool(args.link):
        raise Refused(_TEXTS["need_file_or_link"])
    unit = catalogue.resolve_unit(store, args.unit)
    actor = acting(store, args)
    if args.file:
        path = Path(args.file)
        try:
            data = read_evidence_file(path)
        except OSError as exc:
            raise Refused(labels.IMPORT_CLI["unreadable"].format(
                path=path, reason=exc.strerror or exc)) from exc
        evidence: records.Evidence = records.file_evidence(data, path.name)
    else:
        evidence = records.link_evidence(args.link)
    try:
        added = records.add(store, actor, args.item, unit, args.period, evidence, source="cli")
    except VaultError as exc:
        raise Refused(str(exc)) from exc
    period = catalogue.resolve_period(store, args.period, for_reporting=True).code
    said = _TEXTS["evidence_added" if added.new else "evidence_same"]
    kind = "file" if isinstance(evidence, records.FileEvidence) else "link"
    say(said.format(id=added.evidence_id, item=args.item.upper(), unit=unit, period=period,
                    kind=labels.EVIDENCE_KIND_LABELS[kind]))
    return EXIT_OK


def _get(store: Store, args: argparse.Namespace) -> int:
    try:
        found = records.open_evidence(store, args.evidence_id)
    except VaultError as exc:
        raise Refused(str(exc)) from exc
    if found.data is None:
        say(_TEXTS["is_link"].format(id=args.evidence_id, url=found.row["url"]))
        return EXIT_OK
    output = Path(args.output)
    output.write_bytes(found.data)
    say(_TEXTS["file_written"].format(id=args.evidence_id, path=output))
    return EXIT_OK


def _list(store: Store, args: argparse.Namespace) -> int:
    with store.connect() as con:
        period = (catalogue.resolve_period(store, args.period, con).code if args.period
                  else store.rows("latest_period_with_data", con)[0]["period"])
        units = [catalogue.resolve_unit(store, args.unit, con)] if args.unit else None
        group = catalogue.resolve_group(store, args.group, con) if args.group else None
    if period is None:
        period = catalogue.periods(store)["code"].iloc[0]
    frame = review.queue(store, period, as_of=args.as_of, units=units, group=group,
                         states=args.state or ("pending",))
    say(render(frame, QUEUE_FIELDS, args.format))
    return EXIT_OK


def _decision_said(decision: review.Decision, store: Store) -> str:
    period = decision.period
    if decision.decision == "accepted":
        return _TEXTS["accepted"].format(id=decision.evidence_id, item=decision.item,
                                         unit=decision.unit, period=period)
    item_type = "task" if decision.item[:1].isalpha() else "target"
    rows = status.gaps(store, period, item_type=item_type)
    now = rows.loc[rows["code"] == decision.item, "status"]
    shown = labels.STATUS_LABELS[now.iloc[0]] if len(now) else ""
    return _TEXTS["sent_back"].format(id=decision.evidence_id, item=decision.item,
                                      unit=decision.unit, period=period, status=shown)


def _accept(store: Store, args: argparse.Namespace) -> int:
    decision = review.accept(store, acting(store, args), args.evidence_id)
    say(_decision_said(decision, store))
    return EXIT_OK


def _send_back(store: Store, args: argparse.Namespace) -> int:
    decision = review.send_back(store, acting(store, args), args.evidence_id,
                                args.reason, insufficient_quality=args.insufficient_quality)
    say(_decision_said(decision, store))
    return EXIT_OK


def _period(store: Store, args: argparse.Namespace) -> int:
    if args.action == "list":
        say(render(locks.history(store), LOCK_FIELDS, args.format))
        return EXIT_OK
    if not args.period:
        raise Refused(labels.MESSAGES["malformed_period"].format(text=""))
    actor = acting(store, args)
    if args.action == "lock":
        done = locks.lock(store, actor, args.period, args.reason)
        say(labels.LOCK_MESSAGES["lock_done"].format(period=done.period))
    else:
        done = locks.unlock(store, actor, args.period, args.reason)
        say(labels.LOCK_MESSAGES["unlock_done"].format(period=done.period))
    return EXIT_OK


def add_commands(commands: Commands) -> None:
    evidence = command(commands, "evidence", lambda store, args: args.evidence_handler(
        store, args), "minh chứng của giá trị đã báo cáo")
    actions = evidence.add_subparsers(dest="evidence_action", required=True, metavar="ACTION")
    add = with_user(actions.add_parser("add", help="thêm một tệp hoặc đường dẫn minh chứng"))
    add.set_defaults(evidence_handler=_add)
    add.add_argument("item", help="mã chỉ tiêu hoặc nhiệm vụ, ví dụ 1.1.1")
    add.add_argument("--unit", required=True, help="đơn vị báo cáo, ví dụ SKHCN")
    add.add_argument("--period", required=True, help="kỳ báo cáo, ví dụ 2026-Q2")
    add.add_argument("--file", help="tệp minh chứng (PDF, PNG, JPEG, .docx, .xlsx, .pptx)")
    add.add_argument("--link", help="đường dẫn http(s) tới minh chứng")
    get = actions.add_parser("get", help="ghi tệp của một minh chứng ra đĩa")
    get.set_defaults(evidence_handler=_get)
    get.add_argument("evidence_id", type=int, help="số minh chứng (xem lệnh review list)")
    get.add_argument("-o", "--output", required=True, help="tệp sẽ ghi ra")

    review_cmd = command(commands, "review", lambda store, args: args.review_handler(
        store, args), "thẩm định minh chứng (Tổ giúp việc)")
    steps = review_cmd.add_subparsers(dest="review_action", required=True, metavar="ACTION")
    listing = with_format(steps.add_parser("list", help="các mục chờ thẩm định"))
    listing.set_defaults(review_handler=_list)
    listing.add_argument("--period", help="kỳ báo cáo (mặc định: kỳ mới nhất có số liệu)")
    listing.add_argument("--unit", help="mã đơn vị chủ trì")
    listing.add_argument("--group", help="nhóm chỉ tiêu, ví dụ 1.5")
    listing.add_argument("--state", action="append", choices=review.STATES,
                         help="trạng thái thẩm định (mặc định: pending; lặp lại được)")
    listing.add_argument("--as-of", type=as_of, default=None, dest="as_of",
                         help="ngày đánh giá (YYYY-MM-DD)")
    accept = with_user(steps.add_parser("accept", help="chấp nhận một minh chứng"))
    accept.set_defaults(review_handler=_accept)
    accept.add_argument("evidence_id", type=int, help="số minh chứng")
    back = with_user(steps.add_parser("send-back", help="trả lại một minh chứng kèm lý do"))
    back.set_defaults(review_handler=_send_back)
    back.add_argument("evidence_id", type=int, help="số minh chứng")
    back.add_argument("--reason", required=True, help="lý do trả lại (đơn vị sẽ thấy)")
    back.add_argument("--insufficient-quality", action="store_true",
                      dest="insufficient_quality",
                      help="minh chứng không đạt chất lượng: mục này bị cảnh báo đỏ")

    period = with_format(with_user(command(commands, "period", _period,
                                            "khóa hoặc mở khóa một kỳ báo cáo")))
    period.add_argument("action", choices=("lock", "unlock", "list"))
    period.add_argument("period", nargs="?", help="kỳ báo cáo, ví dụ 2026-Q2")
    period.add_argument("--reason", help="lý do (nên ghi khi mở khóa)")
