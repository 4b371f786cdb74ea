"""Accounts: who may sign in, with which role and for which units.

Passwords are kept only as argon2id hashes (argon2-cffi's PasswordHasher, rehashed
on sign-in when its parameters change); nothing here ever returns a hash. Every
change is checked with nq57.policy and written to the audit log in the same
transaction. While no real administrator exists, the first one may be created
without signing in (from the command line: whoever can read the database file
already holds everything in it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

import duckdb
import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from nq57 import audit, catalogue, labels, policy
from nq57.db import Store
from nq57.policy import Actor

NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,255}\.[^@\s]{1,63}$")
MIN_PASSWORD, MAX_PASSWORD = 10, 256
MAX_DISPLAY_NAME = 120

T = labels.ACCOUNT_MESSAGES


class AccountError(ValueError):
    """An account that cannot be created, changed or used; the message says why."""


@dataclass(frozen=True)
class Account:
    """An account as people see it (never its password hash)."""

    name: str
    role: str
    units: tuple[str, ...] = ()
    display_name: str | None = None
    email: str | None = None
    has_password: bool = False
    disabled: bool = False
    demo: bool = False

    @property
    def actor(self) -> Actor:
        return Actor(self.name, self.role, frozenset(self.units), self.display_name)


@cache
def hasher() -> PasswordHasher:
    """argon2id with the library's current recommended parameters."""
    return PasswordHasher()


@cache
def _dummy_hash() -> str:
    return hasher().hash("nq57 dummy password for unknown names")


def hash_password(password: str) -> str:
    return hasher().hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """Does `password` match `stored`? With nothing stored, a dummy hash is checked
    anyway so an unknown name takes as long as a wrong password."""
    try:
        hasher().verify(stored or _dummy_hash(), password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    return stored is not None


def needs_rehash(stored: str) -> bool:
    return hasher().check_needs_rehash(stored)


# --- checking what people type ---------------------------------------------------

def normalise_name(name: str) -> str:
    return str(name).strip().lower()


def check_name(name: str) -> str:
    """The account name as stored; AccountError if it is not a plain login name."""
    clean = normalise_name(name)
    if not NAME_PATTERN.match(clean):
        raise AccountError(T["bad_name"].format(name=str(name)[:70]))
    return clean


def check_password(name: str, password: str) -> None:
    """Long enough, not absurdly long, not the account's own name."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(T["password_short"].format(minimum=MIN_PASSWORD))
    if len(password) > MAX_PASSWORD:
        raise AccountError(T["password_long"].format(maximum=MAX_PASSWORD))
    if normalise_name(name) in password.lower():
        raise AccountError(T["password_name"])


def _check_email(email: str | None) -> str | None:
    if email is None or not email.strip():
        return None
    clean = email.strip().lower()
    if not EMAIL_PATTERN.match(clean):
        raise AccountError(T["bad_email"].format(email=email[:80]))
    return clean


def _check_display_name(display_name: str | None) -> str | None:
    if display_name is None or not display_name.strip():
        return None
    clean = " ".join(display_name.split())
    if len(clean) > MAX_DISPLAY_NAME:
        raise AccountError(T["display_name_long"].format(maximum=MAX_DISPLAY_NAME))
    return clean


def _check_role_units(store: Store, con: duckdb.DuckDBPyConnection, role: str,
                      units: Iterable[str]) -> list[str]:
    if role not in policy.ROLES:
        raise AccountError(T["bad_role"].format(role=role, roles=", ".join(policy.ROLES)))
    wanted = [u for u in units if str(u).strip()]
    if role != policy.STAFF:
        if wanted:
            raise AccountError(T["units_not_staff"])
        return []
    if not wanted:
        raise AccountError(T["staff_needs_unit"])
    frame = catalogue.units(store, con)
    kinds = dict(zip(frame["code"], frame["kind"], strict=True))
    codes: list[str] = []
    for unit in wanted:
        code = catalogue.resolve_unit(store, unit, con)
        if kinds[code] == "collective":
            raise AccountError(T["collective_unit"].format(unit=code))
        if code not in codes:
            codes.append(code)
    return codes


# --- reading ----------------------------------------------------------------------

def _account(row: dict[str, Any]) -> Account:
    return Account(
        name=row["name"], role=row["role"], units=tuple(row["units"] or ()),
        display_name=row["display_name"], email=row["email"],
        has_password=bool(row["has_password"]), disabled=bool(row["disabled"]),
        demo=bool(row["demo"]))


def get(store: Store, name: str, con: duckdb.DuckDBPyConnection | None = None
        ) -> Account | None:
    found = store.rows("accounts/get", con, account=normalise_name(name))
    return _account(found[0]) if found else None


def all_accounts(store: Store) -> pd.DataFrame:
    """Every account with its role, units and state; no hash, ever."""
    return store.frame("accounts/list")


def actor_for(store: Store, name: str, con: duckdb.DuckDBPyConnection | None = None
              ) -> Actor:
    """The acting account named `name`; AccountError if unknown or disabled."""
    account = get(store, name, con)
    if account is None:
        raise AccountError(T["unknown"].format(name=str(name)[:70]))
    if account.disabled:
        raise AccountError(T["disabled"].format(name=account.name))
    return account.actor


def by_email(store: Store, email: str, con: duckdb.DuckDBPyConnection | None = None
             ) -> Account | None:
    """The account a single sign-on e-mail address belongs to, if any."""
    found = store.rows("accounts/by_email", con, email=str(email).strip().lower())
    return get(store, found[0]["name"], con) if found else None


def first_admin_allowed(store: Store, con: duckdb.DuckDBPyConnection | None = None) -> bool:
    """True while no enabled administrator exists other than the demo's."""
    return not store.rows("accounts/admins", con)


# --- writing ----------------------------------------------------------------------

def _public(account: Account | None) -> dict[str, Any] | None:
    """What the audit log keeps of an account: everything but a secret."""
    if account is None:
        return None
    return {"name": account.name, "role": account.role, "units": list(account.units),
            "display_name": account.display_name, "email": account.email,
            "local_sign_in": account.has_password, "disabled": account.disabled}


def create(store: Store, actor: Actor | None, name: str, role: str, *,
           units: Sequence[str] = (), display_name: str | None = None,
           email: str | None = None, password: str | None = None, demo: bool = False,
           at: datetime | None = None) -> Account:
    """Add an account. `actor` None: the first administrator, allowed only while there
    is none (and only with the admin role)."""
    clean = check_name(name)
    if password is not None:
        check_password(clean, password)
    digest = hash_password(password) if password is not None else None
    at = at or datetime.now()
    with store.transaction() as con:
        if actor is None:
            if not first_admin_allowed(store, con):
                raise AccountError(T["need_user"])
            if role != policy.ADMIN:
                raise AccountError(T["first_must_be_admin"])
            doer = policy.SYSTEM
        else:
            policy.require(actor, policy.MANAGE_ACCOUNTS)
            doer = actor
        codes = _check_role_units(store, con, role, units)
        mail = _check_email(email)
        if password is None and mail is None:
            raise AccountError(T["needs_password_or_email"])
        if get(store, clean, con) is not None:
            raise AccountError(T["exists"].format(name=clean))
        if mail is not None and by_email(store, mail, con) is not None:
            raise AccountError(T["email_taken"].format(email=mail))
        store.execute("accounts/insert", con, account=clean,
                      display_name=_check_display_name(display_name), role=role,
                      unit_codes=codes, email=mail, password_hash=digest, demo=demo,
                      changed_by=doer.name, changed_at=at)
        account = get(store, clean, con)
        audit.record(store, con, doer, "create_account", object_type="account",
                     object_id=clean, after=_public(account), at=at)
    assert account is not None
    return account


_KEEP = object()


def update(store: Store, actor: Actor, name: str, *, role: str | None = None,
           units: Sequence[str] | None = None, display_name: Any = _KEEP,
           email: Any = _KEEP, at: datetime | None = None) -> Account:
    """Change an account's role, units, display name or e-mail (what is not given stays)."""
    at = at or datetime.now()
    with store.transaction() as con:
        policy.require(actor, policy.MANAGE_ACCOUNTS)
        before = _existing(store, con, name)
        new_role = role or before.role
        new_units = _check_role_units(
            store, con, new_role,
            units if units is not None else (before.units if new_role == policy.STAFF else ()))
        mail = before.email if email is _KEEP else _check_email(email)
        shown = before.display_name if display_name is _KEEP else _check_display_name(
            display_name)
        if mail is not None and mail != before.email:
            other = by_email(store, mail, con)
            if other is not None and other.name != before.name:
                raise AccountError(T["email_taken"].format(email=mail))
        if mail is None and not before.has_password:
            raise AccountError(T["needs_password_or_email"])
        if before.role == policy.ADMIN and new_role != policy.ADMIN:
            _keep_an_admin(store, con, before.name)
        store.execute("accounts/update", con, account=before.name, role=new_role,
                      unit_codes=new_units, display_name=shown, email=mail,
                      changed_by=actor.name, changed_at=at)
        after = get(store, before.name, con)
        audit.record(store, con, actor, "update_account", object_type="account",
                     object_id=before.name, before=_public(before), after=_public(after),
                     at=at)
    assert after is not None
    return after


def set_disabled(store: Store, actor: Actor, name: str, disabled: bool,
                 at: datetime | None = None) -> Account:
    """Disable (every open session ends) or enable an account."""
    at = at or datetime.now()
    with store.transaction() as con:
        policy.require(actor, policy.MANAGE_ACCOUNTS)
        before = _existing(store, con, name)
        if disabled and before.role == policy.ADMIN and not before.disabled:
            _keep_an_admin(store, con, before.name)
        store.execute("accounts/set_disabled", con, account=before.name, disabled=disabled,
                      changed_by=actor.name, changed_at=at)
        if disabled:
            store.execute("sessions/end_for_account", con, account=before.name, ended_at=at,
                          end_reason="disabled")
        after = get(store, before.name, con)
        audit.record(store, con, actor, "disable_account" if disabled else "enable_account",
                     object_type="account", object_id=before.name, before=_public(before),
                     after=_public(after), at=at)
    assert after is not None
    return after


def reset_password(store: Store, actor: Actor, name: str, password: str,
                   at: datetime | None = None) -> None:
    """Give an account a new password; its open sessions end."""
    at = at or datetime.now()
    clean = normalise_name(name)
    check_password(clean, password)
    digest = hash_password(password)
    with store.transaction() as con:
        policy.require(actor, policy.MANAGE_ACCOUNTS)
        before = _existing(store, con, clean)
        store.execute("accounts/set_password", con, account=before.name, password_hash=digest,
                      changed_by=actor.name, changed_at=at)
        store.execute("sessions/end_for_account", con, account=before.name, ended_at=at,
                      end_reason="password_reset")
        audit.record(store, con, actor, "reset_password", object_type="account",
                     object_id=before.name, at=at)


def _existing(store: Store, con: duckdb.DuckDBPyConnection, name: str) -> Account:
    account = get(store, name, con)
    if account is None:
        raise AccountError(T["unknown"].format(name=str(name)[:70]))
    return account


def _keep_an_admin(store: Store, con: duckdb.DuckDBPyConnection, name: str) -> None:
    others = [r["name"] for r in store.rows("accounts/enabled_admins", con) if r["name"] != name]
    if not others:
        raise AccountError(T["last_admin"].format(name=name))


# --- the demo's accounts ----------------------------------------------------------

# One account per role, created with the demo data and removed with them. Their
# passwords are printed on the sign-in page: they must never outlive the demo.
DEMO_ACCOUNTS: tuple[tuple[str, str, tuple[str, ...], str, str], ...] = (
    ("quantri", policy.ADMIN, (), "Quản trị (minh họa)", "quantri-minhhoa"),
    ("togiupviec", policy.REVIEWER, (), "Tổ giúp việc (minh họa)", "togiupviec-minhhoa"),
    ("canbo.skhcn", policy.STAFF, ("SKHCN",), "Cán bộ Sở KH&CN (minh họa)",
     "canbo-skhcn-minhhoa"),
    ("lanhdao", policy.VIEWER, (), "Lãnh đạo (minh họa)", "lanhdao-minhhoa"),
)


def create_demo_accounts(store: Store, con: duckdb.DuckDBPyConnection,
                         at: datetime | None = None) -> list[str]:
    """Inside the caller's transaction (the demo load): the demo accounts that are missing."""
    at = at or datetime.now()
    made = []
    for name, role, units, shown, password in DEMO_ACCOUNTS:
        if get(store, name, con) is not None:
            continue
        store.execute("accounts/insert", con, account=name, display_name=shown, role=role,
                      unit_codes=list(units), email=None, password_hash=hash_password(password),
                      demo=True, changed_by=policy.SYSTEM.name, changed_at=at)
        audit.record(store, con, policy.SYSTEM, "create_account", object_type="account",
                     object_id=name, after=_public(get(store, name, con)), at=at)
        made.append(name)
    return made


def remove_demo_accounts(store: Store, con: duckdb.DuckDBPyConnection, actor: Actor,
                         at: datetime | None = None) -> list[str]:
    """Inside the caller's transaction (the demo removal): end their sessions, delete them."""
    at = at or datetime.now()
    names = [r["name"] for r in store.rows("accounts/demo_names", con)]
    if names:
        store.execute("sessions/end_demo", con, ended_at=at, end_reason="demo_removed")
        store.execute("accounts/remove_demo", con)
        audit.record(store, con, actor, "remove_demo_accounts", object_type="account",
                     object_id=",".join(names), before={"accounts": names}, at=at)
    return names


def demo_accounts_present(store: Store, con: duckdb.DuckDBPyConnection | None = None
                          ) -> list[tuple[str, str, str]]:
    """(name, role, password) of the demo accounts that exist, for the sign-in page."""
    present = {r["name"] for r in store.rows("accounts/demo_names", con)}
    return [(name, role, password) for name, role, _, _, password in DEMO_ACCOUNTS
            if name in present]
