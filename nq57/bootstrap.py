"""Bring a database file to the current schema and catalogue, creating it if needed.

Every door (the dashboard, the CLI) calls prepare() before anything else; it is
cheap when there is nothing to do.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from nq57 import catalogue, db, policy
from nq57.db import Store


@dataclass(frozen=True)
class Preparation:
    created: bool
    applied: tuple[str, ...]
    catalogue_reloaded: bool
    demo_loaded: bool


def demo_wanted() -> bool:
    """Demo data on a new database unless NQ57_DEMO=0."""
    return os.environ.get("NQ57_DEMO", "1").strip().lower() not in {"0", "false", "no", "off"}


def prepare(store: Store, *, demo_on_create: bool = False) -> Preparation:
    """Create or upgrade the database; on creation, load demo data if asked."""
    from nq57 import backup
    from nq57 import demo as demo_data

    backup.remove_stale_staging(store.path)  # what a killed restore left behind
    created = not store.exists
    with db.write_lock(), store.connect() as con:
        if not created:
            db.verify(con, store.path)  # a damaged file is refused before any write
        applied = db.migrate(con)
        with db.atomic(con):
            reloaded = catalogue.load(store, con)
        loaded = False
        if demo_on_create and created:
            with db.atomic(con):
                demo_data.load(store, con, policy.SYSTEM)
            loaded = True
    return Preparation(created, tuple(applied), reloaded, loaded)
