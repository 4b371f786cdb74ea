"""Commands on the database file as a whole: backup and restore."""

from __future__ import annotations

import argparse
import logging

from nq57 import backup, labels, policy
from nq57.bootstrap import prepare
from nq57.cli.common import EXIT_OK, Commands, acting, command, say, with_user
from nq57.db import DatabaseDamaged, Store

log = logging.getLogger(__name__)


def _backup(store: Store, args: argparse.Namespace) -> int:
    manifest = backup.backup(store, acting(store, args), args.dir)
    say(labels.BACKUP_MESSAGES["backup_done"].format(
        tables=len(manifest.tables), rows=manifest.rows, path=args.dir))
    return EXIT_OK


def _restore(store: Store, args: argparse.Namespace) -> int:
    # The database being replaced says who may replace it. With no database yet, or one
    # too damaged to open (its accounts cannot be read, and it is kept aside untouched),
    # there is nothing to protect: the restored copy records the system as restorer.
    actor = policy.SYSTEM
    if store.exists:
        try:
            prepare(store)
        except DatabaseDamaged:
            log.warning("restoring over the damaged database %s", store.path)
        else:
            actor = acting(store, args)
    result = backup.restore(store, actor, args.dir, force=args.force)
    say(labels.BACKUP_MESSAGES["restore_done"].format(
        tables=len(result.manifest.tables), rows=result.manifest.rows,
        created_at=result.manifest.created_at, path=store.path))
    if result.replaced:
        say(labels.BACKUP_MESSAGES["restore_kept"].format(path=result.replaced))
    return EXIT_OK


def add_commands(commands: Commands) -> None:
    backup_cmd = command(commands, "backup", _backup,
                         "sao lưu toàn bộ cơ sở dữ liệu vào một thư mục")
    backup_cmd.add_argument("dir", help="thư mục mới hoặc trống")
    with_user(backup_cmd)
    restore_cmd = command(commands, "restore", _restore,
                          "khôi phục cơ sở dữ liệu từ một bản sao lưu", prepare=False)
    restore_cmd.add_argument("dir", help="thư mục của bản sao lưu")
    with_user(restore_cmd)
    restore_cmd.add_argument("--force", action="store_true",
                             help="thay thế cả khi cơ sở dữ liệu đang có số liệu báo cáo thật")
