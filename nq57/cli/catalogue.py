"""Commands on the catalogue, the settings and the demo data."""

from __future__ import annotations

import argparse

from nq57 import catalogue, corrections, demo, labels, policy, settings
from nq57.bootstrap import prepare
from nq57.cli.common import (
    EXIT_OK,
    Commands,
    Refused,
    acting,
    command,
    say,
    with_format,
    with_user,
)
from nq57.db import Store
from nq57.output import render

UNIT_FIELDS = ("code", "name", "kind")
TARGET_FIELDS = (
    "code", "group", "name", "unit_of_measure", "comparator", "threshold_low",
    "threshold_high", "kind", "lead_unit", "lead_unit_name", "coord_units", "lead_assumed",
    "data_unit",
)
TASK_FIELDS = (
    "code", "section", "parent_code", "title", "output", "kpi", "kpi_kind", "kpi_comparator",
    "kpi_threshold", "kpi_unit", "kpi_baseline", "lead_unit", "lead_unit_name",
    "coord_units", "deadline_text", "deadline", "deadline_assumed",
)


def _init(store: Store, args: argparse.Namespace) -> int:
    result = prepare(store)
    said = labels.CLI_MESSAGES["created" if result.created else "checked"]
    say(said.format(path=store.path))
    if result.applied:
        applied = ", ".join(result.applied)
        say(labels.CLI_MESSAGES["migrations_applied"].format(migrations=applied))
    if result.catalogue_reloaded:
        say(labels.CLI_MESSAGES["catalogue_loaded"])
    if args.demo:
        # A database created just now gets its demo data from the system, as on the
        # dashboard's first start; an existing one only from an administrator.
        if result.created:
            _load_demo(store, policy.SYSTEM)
        elif demo.present(store):
            say(labels.CLI_MESSAGES["demo_present"])
        else:
            _load_demo(store, acting(store, args))
    return EXIT_OK


def _load_demo(store: Store, actor: policy.Actor) -> None:
    if demo.load_unless_present(store, actor):
        say(labels.CLI_MESSAGES["demo_loaded"].format(
            first=demo.BASELINE_PERIOD, last=demo.DEMO_PERIODS[-1]))
    else:
        say(labels.CLI_MESSAGES["demo_present"])


def _units(store: Store, args: argparse.Namespace) -> int:
    say(render(catalogue.units(store), UNIT_FIELDS, args.format))
    return EXIT_OK


def _targets(store: Store, args: argparse.Namespace) -> int:
    say(render(catalogue.targets(store, args.year), TARGET_FIELDS, args.format))
    return EXIT_OK


def _tasks(store: Store, args: argparse.Namespace) -> int:
    say(render(catalogue.tasks(store, args.year), TASK_FIELDS, args.format))
    return EXIT_OK


def _assign_lead(store: Store, args: argparse.Namespace) -> int:
    _, unit = catalogue.assign_lead(store, acting(store, args), args.item, args.unit,
                                    args.reason)
    say(labels.CLI_MESSAGES["lead_assigned"].format(item=args.item, unit=unit))
    return EXIT_OK


def _correct(store: Store, args: argparse.Namespace) -> int:
    kind = _object_type(store, args.code)
    done = corrections.correct(store, acting(store, args), kind, args.code, args.field,
                               args.value, args.reason)
    say(labels.CLI_ACCOUNT_TEXTS["corrected"].format(
        field=done.field, code=done.code, before=done.before, after=done.after))
    return EXIT_OK


def _object_type(store: Store, code: str) -> str:
    items = {row["code"]: row["item_type"] for row in store.rows("item_codes")}
    if code in items:
        return str(items[code])
    if code in set(catalogue.units(store)["code"]):
        return "unit"
    raise catalogue.UnknownCode(labels.MESSAGES["unknown_item"].format(code=code))


def _add_unit(store: Store, args: argparse.Namespace) -> int:
    done = corrections.add_unit(store, acting(store, args), args.code, args.name,
                                args.short_name, args.kind, args.reason, args.parent)
    say(labels.CLI_ACCOUNT_TEXTS["unit_added"].format(code=done.code, name=args.name))
    return EXIT_OK


def _settings(store: Store, args: argparse.Namespace) -> int:
    actor = acting(store, args) if args.set else None
    for assignment in args.set or []:
        key, _, value = assignment.partition("=")
        if not value:
            raise Refused(labels.CLI_MESSAGES["setting_usage"].format(given=assignment))
        assert actor is not None
        stored = settings.update(store, actor, key.strip(), value)
        say(labels.CLI_MESSAGES["setting_stored"].format(key=key.strip(), value=stored))
    say(render(settings.all_settings(store), ("key", "value", "description"), args.format))
    return EXIT_OK


def _demo(store: Store, args: argparse.Namespace) -> int:
    actor = acting(store, args)
    if args.action == "remove":
        demo.remove(store, actor)
        say(labels.CLI_MESSAGES["demo_removed"])
    else:
        _load_demo(store, actor)
    return EXIT_OK


def add_commands(commands: Commands) -> None:
    init = command(commands, "init", _init, "tạo hoặc nâng cấp cơ sở dữ liệu", prepare=False)
    init.add_argument("--demo", action="store_true", help="nạp thêm số liệu minh họa")
    with_user(init)
    with_format(command(commands, "units", _units, "danh sách đơn vị"))
    targets = with_format(command(commands, "targets", _targets, "danh sách chỉ tiêu"))
    targets.add_argument("--year", type=int, default=None)
    tasks = with_format(command(commands, "tasks", _tasks, "danh sách nhiệm vụ (phụ lục)"))
    tasks.add_argument("--year", type=int, default=None)
    assign = command(commands, "assign-lead", _assign_lead,
                     "giao lại đơn vị chủ trì của một chỉ tiêu")
    assign.add_argument("item", help="mã chỉ tiêu hoặc nhiệm vụ, ví dụ 1.5.15")
    assign.add_argument("unit", help="mã đơn vị chủ trì mới")
    assign.add_argument("--reason", required=True, help="lý do / văn bản giao")
    with_user(assign)
    correct = with_user(command(commands, "correct", _correct,
                                "sửa ngưỡng, phép so sánh, thời hạn, tên đơn vị trong danh mục"))
    correct.add_argument("code", help="mã chỉ tiêu, nhiệm vụ hoặc đơn vị, ví dụ 1.1.1")
    correct.add_argument("field", help="ví dụ threshold_low, comparator, deadline, name")
    correct.add_argument("value", help="giá trị mới")
    correct.add_argument("--reason", required=True, help="lý do / văn bản")
    unit_cmd = with_user(command(commands, "add-unit", _add_unit, "thêm một đơn vị"))
    unit_cmd.add_argument("code", help="mã đơn vị mới, ví dụ XA_TANPHU")
    unit_cmd.add_argument("name", help="tên đầy đủ")
    unit_cmd.add_argument("--short-name", dest="short_name")
    unit_cmd.add_argument("--kind", required=True, help="ví dụ commune, department, office")
    unit_cmd.add_argument("--parent", help="mã đơn vị cấp trên")
    unit_cmd.add_argument("--reason", required=True)
    settings_cmd = with_format(command(commands, "settings", _settings,
                                       "xem hoặc đổi các thiết lập"))
    settings_cmd.add_argument("--set", action="append", metavar="KEY=VALUE",
                              help="ví dụ --set red_factor=0.5 hoặc --set report_deadline_day=20")
    with_user(settings_cmd)
    demo_cmd = command(commands, "demo", _demo, "nạp hoặc xóa số liệu minh họa")
    demo_cmd.add_argument("action", choices=("load", "remove"))
    with_user(demo_cmd)
