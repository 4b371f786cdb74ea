"""Commands on the status of targets and tasks."""

from __future__ import annotations

import argparse

from nq57 import catalogue, status
from nq57.cli.common import EXIT_OK, Commands, as_of, command, say, with_format
from nq57.db import Store
from nq57.output import render

GAP_FIELDS = (
    "code", "group", "name", "lead_unit", "comparator", "threshold_low", "threshold_high",
    "baseline", "actual", "expected", "completion", "elapsed", "gap", "status",
    # the review regime (030_review.sql): the unit's own figures, review, as verified
    "reported_status", "verified_status", "review_state",
)


def _gaps(store: Store, args: argparse.Namespace) -> int:
    with store.connect() as con:
        period = catalogue.resolve_period(store, args.period, con)
        units = [catalogue.resolve_unit(store, args.unit, con)] if args.unit else None
        group = catalogue.resolve_group(store, args.group, con) if args.group else None
        frame = status.gaps(store, period.code, as_of=args.as_of, units=units, group=group,
                            con=con)
    frame = frame.rename(columns={"group_code": "group"})
    say(render(frame, GAP_FIELDS, args.format))
    return EXIT_OK


def add_commands(commands: Commands) -> None:
    gaps = with_format(command(commands, "gaps", _gaps,
                               "khoảng cách và tình trạng từng chỉ tiêu"))
    gaps.add_argument("--period", required=True, help="kỳ báo cáo, ví dụ 2026-Q2")
    gaps.add_argument("--unit", help="mã đơn vị chủ trì")
    gaps.add_argument("--group", help="nhóm chỉ tiêu, ví dụ 1.5")
    gaps.add_argument("--as-of", type=as_of, default=None, dest="as_of",
                      help="ngày đánh giá (YYYY-MM-DD; mặc định NQ57_TODAY hoặc hôm nay)")
