"""Commands on the catalogue, the settings and the demo data."""

from __future__ import annotations

import argparse

from nq57 import catalogue, demo, labels, settings
from nq57.bootstrap import prepare
from nq57.cli.common import EXIT_OK, Commands, Refused, command, say, with_format
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
        _load_demo(store)
    return EXIT_OK


def _load_demo(store: Store) -> None:
    if demo.load_unless_present(store):
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
    catalogue.assign_lead(store, args.item, args.unit, args.by, args.reason)
    say(labels.CLI_MESSAGES["lead_assigned"].format(item=args.item, unit=args.unit.upper()))
    return EXIT_OK


def _settings(store: Store, args: argparse.Namespace) -> int:
    for assignment in args.set or []:
        key, _, value = assignment.partition("=")
        if not value:
            raise Refused(labels.CLI_MESSAGES["setting_usage"].format(given=assignment))
        stored = settings.update(store, key.strip(), value)
        say(labels.CLI_MESSAGES["setting_stored"].format(key=key.strip(), value=stored))
    say(render(settings.all_settings(store), ("key", "value", "description"), args.format))
    return EXIT_OK


def _demo(store: Store, args: argparse.Namespace) -> int:
    if args.action == "remove":
        demo.remove(store)
        say(labels.CLI_MESSAGES["demo_removed"])
    else:
        _load_demo(store)
    return EXIT_OK


def add_commands(commands: Commands) -> None:
    init = command(commands, "init", _init, "tạo hoặc nâng cấp cơ sở dữ liệu", prepare=False)
    init.add_argument("--demo", action="store_true", help="nạp thêm số liệu minh họa")
    with_format(command(commands, "units", _units, "danh sách đơn vị"))
    targets = with_format(command(commands, "targets", _targets, "danh sách chỉ tiêu"))
    targets.add_argument("--year", type=int, default=None)
    tasks = with_format(command(commands, "tasks", _tasks, "danh sách nhiệm vụ (phụ lục)"))
    tasks.add_argument("--year", type=int, default=None)
    assign = command(commands, "assign-lead", _assign_lead,
                     "giao lại đơn vị chủ trì của một chỉ tiêu")
    assign.add_argument("item", help="mã chỉ tiêu hoặc nhiệm vụ, ví dụ 1.5.15")
    assign.add_argument("unit", help="mã đơn vị chủ trì mới")
    assign.add_argument("--by", required=True, help="người quyết định")
    assign.add_argument("--reason", required=True, help="lý do / văn bản giao")
    settings_cmd = with_format(command(commands, "settings", _settings,
                                       "xem hoặc đổi các thiết lập"))
    settings_cmd.add_argument("--set", action="append", metavar="KEY=VALUE",
                              help="ví dụ --set red_factor=0.5 hoặc --set report_deadline_day=20")
    demo_cmd = command(commands, "demo", _demo, "nạp hoặc xóa số liệu minh họa")
    demo_cmd.add_argument("action", choices=("load", "remove"))
