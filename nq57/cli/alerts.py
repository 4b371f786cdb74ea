"""Commands of the follow-up: red warnings, explanations when behind (and their
roll-ups), the league of units, reminders and the contacts they go to."""

from __future__ import annotations

import argparse

from nq57 import alerts, catalogue, contacts, explanations, labels, league, reminders
from nq57.cli.common import (
    EXIT_OK,
    Commands,
    acting,
    as_of,
    command,
    say,
    with_format,
    with_user,
)
from nq57.db import Store
from nq57.excel.check import normalise_code
from nq57.explanations import Given
from nq57.output import render

EXPLANATION_FIELDS = ("unit_code", "unit_name", "item_type", "code", "name", "status",
                      "cause", "cause_label", "explanation", "support_requested",
                      "recorded_at", "recorded_by")
VIEWS = {
    "rows": (explanations.explanations, EXPLANATION_FIELDS),
    "by_cause": (explanations.explanations_by_cause,
                 ("cause", "cause_label", "items", "units", "still_behind", "red",
                  "support_requests")),
    "by_unit": (explanations.explanations_by_unit,
                ("unit_code", "unit_name", "behind_or_red", "explained", "unexplained",
                 "explanations", "support_requests", "main_cause", "main_cause_label")),
    "support": (explanations.support_requests,
                ("unit_code", "unit_name", "item_type", "code", "name", "status", "cause",
                 "cause_label", "support_requested", "recorded_at", "recorded_by")),
}
HISTORY_FIELDS = ("id", "period_code", "unit_code", "upload_id", "status", "cause",
                  "cause_label", "explanation", "support_requested", "recorded_at",
                  "recorded_by", "revoked", "in_force")
CONTACT_FIELDS = ("unit_code", "unit_name", "contact_name", "email", "phone", "updated_by",
                  "updated_at")


def _scope(store: Store, args: argparse.Namespace) -> tuple[str, list[str] | None, str | None]:
    """The period, unit and group a command is asked about, checked."""
    with store.connect() as con:
        period = catalogue.resolve_period(store, args.period, con).code
        units = [catalogue.resolve_unit(store, args.unit, con)] if args.unit else None
        group = catalogue.resolve_group(store, args.group, con) if args.group else None
    return period, units, group


def _warnings(store: Store, args: argparse.Namespace) -> int:
    period, units, group = _scope(store, args)
    found = alerts.warnings(store, period, as_of=args.as_of, units=units, group=group)
    say(render(found, alerts.FIELDS, args.format))
    return EXIT_OK


def _explanations(store: Store, args: argparse.Namespace) -> int:
    if args.item:
        code = normalise_code(args.item)
        if code not in {row["code"] for row in store.rows("item_codes")}:
            raise catalogue.UnknownCode(labels.MESSAGES["unknown_item"].format(code=code))
        unit = catalogue.resolve_unit(store, args.unit) if args.unit else None
        say(render(explanations.history(store, code, unit), HISTORY_FIELDS, args.format))
        return EXIT_OK
    if not args.period:
        raise explanations.ExplanationRefused(labels.FOLLOWUP_CLI["need_period"])
    period, units, group = _scope(store, args)
    read, fields = VIEWS[args.view]
    say(render(read(store, period, units=units, group=group, as_of=args.as_of), fields,
               args.format))
    return EXIT_OK


def _explain(store: Store, args: argparse.Namespace) -> int:
    with store.connect() as con:
        period = catalogue.resolve_period(store, args.period, con).code
        unit = catalogue.resolve_unit(store, args.unit, con)
    actor = acting(store, args)
    code = normalise_code(args.item)
    explanations.explain(store, actor, code, unit, period,
                         Given(args.text, args.cause, args.support), as_of=args.as_of)
    say(labels.FOLLOWUP_CLI["explained"].format(code=code, unit=unit, period=period))
    return EXIT_OK


def _league(store: Store, args: argparse.Namespace) -> int:
    period, units, group = _scope(store, args)
    if args.drivers:
        found = league.league_drivers(store, period, as_of=args.as_of, units=units,
                                      group=group)
        say(render(found, league.DRIVER_COLUMNS, args.format))
    else:
        found = league.league(store, period, as_of=args.as_of, units=units, group=group)
        say(render(found, league.UNIT_COLUMNS, args.format))
    return EXIT_OK


def _reminders(store: Store, args: argparse.Namespace) -> int:
    found = reminders.reminders(store, within=args.within, as_of=args.as_of)
    say(render(found, reminders.FIELDS, args.format))
    return EXIT_OK


def _contacts(store: Store, args: argparse.Namespace) -> int:
    say(render(contacts.contacts(store), CONTACT_FIELDS, args.format))
    return EXIT_OK


def _contact(store: Store, args: argparse.Namespace) -> int:
    unit = contacts.set_contact(store, acting(store, args), args.unit,
                                name=args.name, email=args.email, phone=args.phone)
    say(labels.CONTACT_MESSAGES["stored"].format(unit=unit))
    return EXIT_OK


def _days(text: str) -> int:
    """argparse type for --within: whole days, zero or more."""
    try:
        days = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(labels.FOLLOWUP_CLI["bad_days"].format(
            text=text)) from exc
    if days < 0:
        raise argparse.ArgumentTypeError(labels.FOLLOWUP_CLI["bad_days"].format(text=text))
    return days


def _scoped(parser: argparse.ArgumentParser, *, period_required: bool = True) -> None:
    parser.add_argument("--period", required=period_required,
                        help="kỳ báo cáo, ví dụ 2026-Q3")
    parser.add_argument("--unit", help="mã đơn vị chủ trì")
    parser.add_argument("--group", help="nhóm chỉ tiêu, ví dụ 1.5 (bỏ qua nhiệm vụ)")
    parser.add_argument("--as-of", type=as_of, default=None, dest="as_of",
                        help="ngày đánh giá (YYYY-MM-DD; mặc định NQ57_TODAY hoặc hôm nay)")


def add_commands(commands: Commands) -> None:
    warnings = with_format(command(commands, "warnings", _warnings,
                                   "các cảnh báo đỏ của một kỳ (chỉ tiêu và nhiệm vụ)"))
    _scoped(warnings)

    listed = with_format(command(commands, "explanations", _explanations,
                                 "giải trình của các đơn vị: danh sách, theo nguyên nhân, "
                                 "theo đơn vị, đề xuất hỗ trợ; hoặc lịch sử của một mục"))
    _scoped(listed, period_required=False)
    listed.add_argument("--view", choices=tuple(VIEWS), default="rows",
                        help="rows (mặc định), by_cause, by_unit hoặc support")
    listed.add_argument("--item", help="lịch sử giải trình của một chỉ tiêu, nhiệm vụ")

    explain = with_user(command(commands, "explain", _explain,
                                "gửi giải trình cho giá trị hiện tại của một mục"))
    explain.add_argument("item", help="mã chỉ tiêu hoặc nhiệm vụ, ví dụ 1.1.1")
    explain.add_argument("--unit", required=True, help="đơn vị báo cáo")
    explain.add_argument("--period", required=True, help="kỳ báo cáo, ví dụ 2026-Q3")
    explain.add_argument("--cause", required=True,
                         help="nguyên nhân: " + ", ".join(explanations.CAUSES)
                         + " (hoặc tên tiếng Việt)")
    explain.add_argument("--text", required=True,
                         help=f"nội dung giải trình (ít nhất {explanations.MIN_LENGTH} ký tự)")
    explain.add_argument("--support", help="đề xuất hỗ trợ của tỉnh (tùy chọn)")
    explain.add_argument("--as-of", type=as_of, default=None, dest="as_of",
                         help="ngày đánh giá tình trạng (YYYY-MM-DD)")

    table = with_format(command(commands, "league", _league,
                                "xếp hạng đơn vị để biểu dương, phê bình"))
    _scoped(table)
    table.add_argument("--drivers", action="store_true",
                       help="các mục tốt nhất và kém nhất của từng đơn vị")

    due = with_format(command(commands, "reminders", _reminders,
                              "đơn vị sắp đến hạn hoặc quá hạn báo cáo, kèm người liên hệ"))
    due.add_argument("--within", type=_days, default=reminders.DEFAULT_WITHIN,
                     help=f"số ngày tới (mặc định {reminders.DEFAULT_WITHIN})")
    due.add_argument("--as-of", type=as_of, default=None, dest="as_of",
                     help="ngày tính (YYYY-MM-DD; mặc định NQ57_TODAY hoặc hôm nay)")

    with_format(command(commands, "contacts", _contacts, "người liên hệ của các đơn vị"))
    contact = with_user(command(commands, "contact", _contact,
                                "ghi người liên hệ của một đơn vị (quản trị)"))
    contact.add_argument("unit", help="mã đơn vị")
    contact.add_argument("--name", help="họ tên")
    contact.add_argument("--email", help="thư điện tử")
    contact.add_argument("--phone", help="số điện thoại")
