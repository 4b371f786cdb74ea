"""The catalogue (units, targets, tasks, 2030 targets) lives in data/*.csv and is
loaded into the store whenever those files change."""

from __future__ import annotations

import hashlib
from datetime import datetime

import duckdb
import pandas as pd

from nq57 import audit, labels, policy
from nq57.db import ROOT, Store, get_setting, set_setting
from nq57.labels import MESSAGES
from nq57.periods import Period
from nq57.policy import Actor
from nq57.resolve import Resolver, UnknownCode, spellings

DATA_DIR = ROOT / "data"

# Load order matters only for readability; problems are checked after all load.
FILES: tuple[tuple[str, str], ...] = (
    ("units.csv", "catalogue/units"),
    ("target_groups.csv", "catalogue/target_groups"),
    ("targets_2026.csv", "catalogue/targets_2026"),
    ("task_sections.csv", "catalogue/task_sections"),
    ("tasks_2026.csv", "catalogue/tasks_2026"),
    ("targets_2030.csv", "catalogue/targets_2030"),
    ("measures.csv", "catalogue/measures"),
)


class CatalogueError(ValueError):
    """The CSV files contradict themselves (an unknown unit code, a missing threshold...)."""


def checksum() -> str:
    digest = hashlib.sha256()
    for file_name, _ in FILES:
        digest.update(file_name.encode())
        digest.update((DATA_DIR / file_name).read_bytes())
    digest.update(repr(labels.STATUS_LIST).encode())
    return digest.hexdigest()


def _load_statuses(store: Store, con: duckdb.DuckDBPyConnection) -> None:
    """The list of statuses (labels.STATUS_LIST) into the store, for SQL to read."""
    listed = labels.STATUS_LIST
    store.execute("catalogue/statuses", con,
                  codes=[s.code for s in listed],
                  sort_orders=list(range(1, len(listed) + 1)),
                  urgencies=[s.urgency for s in listed],
                  tones=[s.tone for s in listed],
                  verified_only=[s.verified_only for s in listed])


def load(store: Store, con: duckdb.DuckDBPyConnection) -> bool:
    """Reload the catalogue inside the caller's transaction if the CSV files changed.

    Returns whether it reloaded. Reported actuals are not touched.
    """
    current = checksum()
    if get_setting(con, "catalogue_checksum") == current:
        return False
    from nq57 import corrections

    store.execute("catalogue/clear", con)
    for file_name, query in FILES:
        store.execute(query, con, path=str(DATA_DIR / file_name))
    _load_statuses(store, con)
    corrections.apply(store, con)
    problems = store.rows("catalogue/problems", con)
    if problems:
        listed = "; ".join(f"{p['source']} {p['code']}: {p['problem']}" for p in problems[:20])
        raise CatalogueError(f"catalogue has {len(problems)} problem(s): {listed}")
    set_setting(con, "catalogue_checksum", current)
    return True


# --- reading the catalogue ------------------------------------------------------

__all__ = ["UnknownCode"]  # raised by the resolvers below (nq57.resolve)


def units(store: Store, con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    return store.frame("units", con)


def groups(store: Store, con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    return store.frame("target_groups", con)


def targets(store: Store, year: int | None = None,
            con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    return store.frame("targets", con, year=year)


def tasks(store: Store, year: int | None = None,
          con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    return store.frame("tasks", con, year=year)


def targets_2030(store: Store, continuing: str | None = None) -> pd.DataFrame:
    return store.frame("targets_2030", target=continuing)


def periods(store: Store, con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    return store.frame("periods", con)


def unit_names(frame: pd.DataFrame) -> dict[str, str]:
    """Every way a unit may be written -> its code (nq57.resolve.spellings)."""
    return spellings(frame)


def resolver(store: Store, con: duckdb.DuckDBPyConnection | None = None, *,
             for_reporting: bool = False) -> Resolver:
    """How units and periods typed by a person are read: the catalogue's units, and the
    periods being tracked (or, with for_reporting, those values can be reported for,
    baselines included)."""
    frame = reporting_periods(store, con) if for_reporting else periods(store, con)
    return Resolver.of(units(store, con), frame["code"].tolist())


def resolve_unit(store: Store, code: str,
                 con: duckdb.DuckDBPyConnection | None = None) -> str:
    """The unit code as stored, for its code typed in any case or its name written
    any way ("Sở Khoa học và Công nghệ"); UnknownCode otherwise."""
    return resolver(store, con).unit(code)  # invisible or look-alike letters refused


def reporting_periods(store: Store,
                      con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Periods values can be reported for: the tracked ones and, before each tracked
    year, the period holding its baselines (baseline_only)."""
    return store.frame("reporting_periods", con)


def items_year(store: Store, period: str,
               con: duckdb.DuckDBPyConnection | None = None) -> int:
    """The year whose targets a reporting period is for (2026 for 2025-Q4)."""
    frame = reporting_periods(store, con)
    return int(frame.loc[frame["code"] == period, "items_year"].iloc[0])


def resolve_period(store: Store, text: str,
                   con: duckdb.DuckDBPyConnection | None = None, *,
                   for_reporting: bool = False) -> Period:
    """A period people wrote, checked against the periods being tracked (or, with
    for_reporting, those values can be reported for, baselines included)."""
    return resolver(store, con, for_reporting=for_reporting).period(text)


def resolve_group(store: Store, code: str,
                  con: duckdb.DuckDBPyConnection | None = None) -> str:
    known = groups(store, con)["code"].tolist()
    if code not in known:
        raise UnknownCode(MESSAGES["unknown_group"].format(code=code, known=", ".join(known)))
    return code


def assign_lead(store: Store, actor: Actor, item: str, unit: str, reason: str,
                at: datetime | None = None) -> tuple[str, str]:
    """Record who leads a target or task from now on (replacing an assumed lead);
    returns the lead before and after.

    The catalogue stays as transcribed; the assignment is kept with who and why, and
    audited. Administrators only, with a reason.
    """
    policy.require(actor, policy.EDIT_CATALOGUE)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValueError(MESSAGES["need_reason"])
    at = at or datetime.now()
    with store.transaction() as con:
        found = store.rows("item_lead", con, item=item)
        if not found:
            raise UnknownCode(MESSAGES["unknown_item"].format(code=item))
        unit = resolve_unit(store, unit, con)
        before = {"lead_unit": found[0]["lead_unit"], "lead_assumed": found[0]["lead_assumed"]}
        store.execute("assign_lead", con, item=item, unit=unit, assigned_by=actor.signature,
                      assigned_at=at, reason=reason)
        audit.record(store, con, actor, "assign_lead", object_type=found[0]["item_type"],
                     object_id=item, before=before,
                     after={"lead_unit": unit, "lead_assumed": False}, note=reason, at=at)
    return str(before["lead_unit"]), unit
