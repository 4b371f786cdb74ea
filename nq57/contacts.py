"""Whom to write to about a unit's reports: a contact name, an e-mail address and a
telephone number per unit, kept apart from the transcribed catalogue and changed by
an admin (the latest entry wins; earlier ones stay)."""

from __future__ import annotations

import re
from datetime import datetime

import duckdb
import pandas as pd

from nq57 import audit, catalogue, labels, policy
from nq57.db import Store
from nq57.policy import Actor
from nq57.text import nfc

MAX_NAME = 120
MAX_EMAIL = 254
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 .()-]{6,20}$")
AUDIT_ACTION = "set_contact"


class ContactRefused(ValueError):
    """A contact that cannot be stored; the message says why, in Vietnamese."""


def contacts(store: Store, con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Every unit with its current contact (empty where none is recorded)."""
    return store.frame("contacts/all", con)


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    cleaned = nfc(str(text)).strip()
    return cleaned or None


def check(name: str | None, email: str | None, phone: str | None
          ) -> tuple[str | None, str | None, str | None]:
    """The contact as it will be stored; ContactRefused if a part is malformed."""
    name, email, phone = _clean(name), _clean(email), _clean(phone)
    texts = labels.CONTACT_MESSAGES
    if name is None and email is None and phone is None:
        raise ContactRefused(texts["empty"])
    if name is not None and len(name) > MAX_NAME:
        raise ContactRefused(texts["name_too_long"].format(limit=MAX_NAME))
    if email is not None and (len(email) > MAX_EMAIL or not _EMAIL.match(email)):
        raise ContactRefused(texts["bad_email"].format(text=email[:80]))
    if phone is not None and not _PHONE.match(phone):
        raise ContactRefused(texts["bad_phone"].format(text=phone[:40]))
    return name, email, phone


def record(store: Store, con: duckdb.DuckDBPyConnection, actor: Actor, unit: str, *,
           name: str | None, email: str | None, phone: str | None,
           source: str = "admin", at: datetime | None = None) -> None:
    """Store a unit's contact inside the caller's transaction (checked, audited)."""
    policy.require(actor, policy.EDIT_UNITS)
    name, email, phone = check(name, email, phone)
    at = at or datetime.now()
    before = store.rows("contacts/all", con)
    old = next((r for r in before if r["unit_code"] == unit), None)
    store.execute("contacts/insert", con, unit=unit, contact_name=name, email=email,
                  phone=phone, contact_source=source, updated_by=actor.signature,
                  updated_at=at)
    audit.record(store, con, actor, AUDIT_ACTION, object_type="unit", object_id=unit,
                 before=None if old is None or old["updated_at"] is None else {
                     "contact_name": old["contact_name"], "email": old["email"],
                     "phone": old["phone"]},
                 after={"contact_name": name, "email": email, "phone": phone}, at=at)


def set_contact(store: Store, actor: Actor, unit: str, *, name: str | None = None,
                email: str | None = None, phone: str | None = None,
                at: datetime | None = None) -> str:
    """Record a unit's contact from now on; returns the unit's code."""
    policy.require(actor, policy.EDIT_UNITS)
    with store.transaction() as con:
        code = catalogue.resolve_unit(store, unit, con)
        record(store, con, actor, code, name=name, email=email, phone=phone, at=at)
    return code


def remove_demo(store: Store, con: duckdb.DuckDBPyConnection) -> None:
    """Delete the demo contacts, inside the demo removal's transaction."""
    store.execute("contacts/remove_demo", con)
