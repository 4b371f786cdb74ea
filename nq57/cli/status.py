"""Commands on the status of targets and tasks."""

from __future__ import annotations

import argparse

from nq57 import catalogue, status
from nq57.cells import records
from nq57.cli.common import EXIT_OK, Commands, as_of, command, demo_notice, say, with_format
from nq57.db import Store
from nq57.output import render

GAP_FIELDS = (
    "item_type", "code", "group", "name", "parent_code", "is_parent", "lead_unit",
    "coord_units", "measure", "unit_of_measure", "kpi", "comparator", "threshold_low",
    "threshold_high", "deadline", "deadline_assumed", "baseline", "baseline_source",
    "baseline_from", "actual", "value_period", "expected", "completion", "elapsed", "gap",
    "maintained", "status", "status_reason", "reason", "report_missing",
    # the review regime (030_review.sql): the unit's own figures, review, as verified
    "reported_status", "verified_status", "review_state",
)
# --items: what a person types -> the item type(s) of status.gaps().
ITEMS = {"targets": "target", "tasks": "task", "all": "all"}


def _gaps(store: Store, args: argparse.Namespace) -> int:
    with store.connect() as con:
        resolver = catalogue.resolver(store, con)
        period = resolver.period(args.period)
        units = [resolver.unit(args.unit)] if args.unit else None
        group = catalogue.resolve_group(store, args.group, con) if args.group else None
        frame = status.gaps(store, period.code, as_of=args.as_of, units=units, group=group,
                            item_type=ITEMS[args.items], con=con)
    frame = frame.rename(columns={"group_code": "group"})
    frame["reason"] = [status.explain(row) for row in records(frame)]
    demo_notice(store, args.format)
    say(render(frame, GAP_FIELDS, args.format))
    return EXIT_OK


def add_commands(commands: Commands) -> None:
    gaps = with_format(command(commands, "gaps", _gaps,
                               "khoảng cách và tình trạng từng chỉ tiêu, nhiệm vụ"))
    gaps.add_argument("--period", required=True,
                      help="kỳ báo cáo: quý (2026-Q2) hoặc tháng (2026-05)")
    gaps.add_argument("--items", choices=tuple(ITEMS), default="targets",
                      help="chỉ tiêu (mặc định), nhiệm vụ hoặc cả hai")
    gaps.add_argument("--unit", help="mã đơn vị chủ trì")
    gaps.add_argument("--group", help="nhóm chỉ tiêu, ví dụ 1.5")
    gaps.add_argument("--as-of", type=as_of, default=None, dest="as_of",
                      help="ngày đánh giá (YYYY-MM-DD; mặc định NQ57_TODAY hoặc hôm nay)")
