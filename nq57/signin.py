"""Signing in and staying signed in: password checks with throttling, single sign-on
by e-mail, and server-side sessions with idle and absolute expiry.

A session is a random token held only in the server's memory (the person's
Streamlit session) and a row in `sessions` keyed by the token's SHA-256: ending the
row (sign-out, expiry, a disabled account, a new password) ends the session. Failed
attempts are counted in the database per typed name and per client; past the limits
both are refused for a while, whether or not the name exists, so the answers never
tell which names exist. Every sign-in, failure, lockout and sign-out is audited.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

from nq57 import accounts, audit, labels
from nq57.db import Store, get_setting
from nq57.policy import Actor

T = labels.SIGN_IN_TEXTS
UNKNOWN_NAME = labels.POLICY_TEXTS["unknown_account"]
MAX_TYPED = 256


class SignInRefused(Exception):
    """The sign-in did not succeed; the message is what the person is told."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class SessionEnded(Exception):
    """The session is over (signed out, expired, account disabled); say why."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Session:
    """A signed-in session: the token (kept by the caller, never shown) and who."""

    token: str
    actor: Actor
    session_id: int
    created_at: datetime


@dataclass(frozen=True)
class Limits:
    idle: timedelta
    absolute: timedelta
    max_failures: int
    client_max_failures: int
    lock: timedelta


def limits(store: Store, con: duckdb.DuckDBPyConnection) -> Limits:
    """The session and throttling settings (nq57.settings checks them when changed)."""
    def number(key: str, default: int) -> int:
        value = get_setting(con, key)
        try:
            return int(value) if value is not None else default
        except ValueError:
            return default

    return Limits(
        idle=timedelta(minutes=number("session_idle_minutes", 30)),
        absolute=timedelta(hours=number("session_max_hours", 12)),
        max_failures=number("sign_in_max_failures", 5),
        client_max_failures=number("sign_in_client_max_failures", 20),
        lock=timedelta(minutes=number("sign_in_lock_minutes", 15)),
    )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _name_key(name: str) -> str:
    return _digest("name:" + accounts.normalise_name(name[:MAX_TYPED]))


def _client(client: str | None) -> str:
    return (client or "local").strip()[:100] or "local"


def _locked_until(failures: list[datetime], maximum: int, lock: timedelta) -> datetime | None:
    """When enough of the failures have aged out of the window to go below the limit."""
    if maximum <= 0 or len(failures) < maximum:
        return None
    return failures[len(failures) - maximum] + lock


def _throttled(store: Store, con: duckdb.DuckDBPyConnection, name_key: str, client: str,
               rules: Limits, now: datetime) -> datetime | None:
    since = now - rules.lock
    by_name = store.rows("sessions/name_failures", con, name_sha256=name_key, since=since)
    by_client = store.rows("sessions/client_failures", con, client=client, since=since)
    until = [u for u in (
        _locked_until(list(by_name[0]["failures"]), rules.max_failures, rules.lock),
        _locked_until(list(by_client[0]["failures"]), rules.client_max_failures, rules.lock),
    ) if u is not None and u > now]
    return max(until) if until else None


def _locked_message(until: datetime, now: datetime) -> str:
    minutes = max(1, int((until - now).total_seconds() // 60) + 1)
    return T["locked"].format(minutes=minutes)


def _open(store: Store, con: duckdb.DuckDBPyConnection, actor: Actor, method: str,
          client: str, now: datetime) -> Session:
    token = secrets.token_urlsafe(32)
    session_id = int(store.rows("sessions/insert", con, token_sha256=_digest(token),
                                account_name=actor.name, method=method, client=client,
                                created_at=now)[0]["id"])
    audit.record(store, con, actor, "sign_in", object_type="session", object_id=str(session_id),
                 after={"method": method, "client": client}, at=now)
    return Session(token, actor, session_id, now)


def sign_in(store: Store, name: str, password: str, client: str | None = None,
            now: datetime | None = None) -> Session:
    """Check a name and password; a new session, or SignInRefused saying why."""
    now = now or datetime.now()
    client = _client(client)
    typed = str(name)[:MAX_TYPED]
    key = _name_key(typed)
    refusal: SignInRefused | None = None
    with store.transaction() as con:
        rules = limits(store, con)
        until = _throttled(store, con, key, client, rules, now)
        if until is not None:
            raise SignInRefused(_locked_message(until, now), "locked")
        account = accounts.get(store, typed, con) if typed.strip() else None
        stored = None
        if account is not None:
            found = store.rows("accounts/password_hash", con, account=account.name)
            stored = found[0]["password_hash"] if found else None
        matches = accounts.verify_password(stored, str(password)[:accounts.MAX_PASSWORD * 4])
        if matches and account is not None and account.disabled:
            audit.record(store, con, account.name, "sign_in_refused", object_type="account",
                         object_id=account.name, note=T["audit_disabled"].format(client=client),
                         at=now)
            refusal = SignInRefused(T["disabled"], "disabled")
        else:
            refusal = _check_attempt(store, con, account, stored, matches, password, key,
                                     client, rules, now)
            if refusal is None:
                assert account is not None
                return _open(store, con, account.actor, "password", client, now)
    # Outside the transaction, so the failure and any lockout stay recorded.
    assert refusal is not None
    raise refusal


def _check_attempt(store: Store, con: duckdb.DuckDBPyConnection,
                   account: accounts.Account | None, stored: str | None, matches: bool,
                   password: str, key: str, client: str, rules: Limits,
                   now: datetime) -> SignInRefused | None:
    """Record the attempt; None when it succeeded, else the refusal to give."""
    store.execute("sessions/record_attempt", con, name_sha256=key, client=client, at=now,
                  succeeded=matches)
    if matches and account is not None:
        if stored is not None and accounts.needs_rehash(stored):
            store.execute("accounts/set_password", con, account=account.name,
                          password_hash=accounts.hash_password(password),
                          changed_by=account.name, changed_at=now)
        return None
    who = account.name if account is not None else UNKNOWN_NAME
    audit.record(store, con, who, "sign_in_failed", object_type="account",
                 object_id=account.name if account is not None else None,
                 note=T["audit_client"].format(client=client), at=now)
    until = _throttled(store, con, key, client, rules, now)
    if until is None:
        return SignInRefused(T["wrong"], "wrong")
    audit.record(store, con, who, "sign_in_locked", object_type="account",
                 object_id=account.name if account is not None else None,
                 note=T["audit_locked"].format(client=client, until=until.isoformat(
                     timespec="minutes")), at=now)
    return SignInRefused(_locked_message(until, now), "locked")


def sign_in_sso(store: Store, email: str, client: str | None = None,
                now: datetime | None = None) -> Session:
    """A session for the account whose e-mail the identity provider vouched for."""
    now = now or datetime.now()
    client = _client(client)
    with store.transaction() as con:
        account = accounts.by_email(store, email, con) if email else None
        if account is None or account.disabled:
            audit.record(store, con, str(email)[:120] or UNKNOWN_NAME, "sign_in_refused",
                         object_type="account",
                         object_id=account.name if account is not None else None,
                         note=T["audit_no_access"].format(client=client), at=now)
            refusal = SignInRefused(T["no_access"].format(email=str(email)[:120]),
                                    "disabled" if account is not None else "no_account")
        else:
            return _open(store, con, account.actor, "sso", client, now)
    raise refusal


def resume(store: Store, token: str, last_activity: datetime | None = None,
           now: datetime | None = None) -> Actor:
    """The account of a live session, as it is now (role and units re-read); else
    SessionEnded. `last_activity` is when the person last did something (kept by
    the caller in memory, so browsing writes nothing)."""
    now = now or datetime.now()
    with store.connect() as con:  # one connection: this runs on every page run
        found = store.rows("sessions/find", con, token_sha256=_digest(token))
        if not found:
            raise SessionEnded(T["ended"], "unknown")
        row = found[0]
        if row["ended_at"] is not None:
            raise SessionEnded(_ended_text(row["end_reason"]), row["end_reason"] or "ended")
        rules = limits(store, con)
        account = accounts.get(store, row["account_name"], con)
    seen = max(filter(None, (last_activity, row["last_seen_at"])))
    reason = None
    if account is None or account.disabled:
        reason = "disabled"
    elif now - row["created_at"] > rules.absolute:
        reason = "expired_absolute"
    elif now - seen > rules.idle:
        reason = "expired_idle"
    if reason is not None:
        _end(store, int(row["id"]), row["account_name"], reason, now, seen)
        raise SessionEnded(_ended_text(reason), reason)
    assert account is not None
    return account.actor


def sign_out(store: Store, token: str, last_activity: datetime | None = None,
             now: datetime | None = None) -> None:
    """End the session of `token` (nothing happens if it has ended already)."""
    now = now or datetime.now()
    found = store.rows("sessions/find", token_sha256=_digest(token))
    if found and found[0]["ended_at"] is None:
        _end(store, int(found[0]["id"]), found[0]["account_name"], "sign_out", now,
             last_activity or now)


def _end(store: Store, session_id: int, account: str, reason: str, now: datetime,
         seen: datetime) -> None:
    with store.transaction() as con:
        store.execute("sessions/end", con, session_id=session_id, ended_at=now,
                      end_reason=reason, last_seen_at=seen)
        audit.record(store, con, account, "sign_out" if reason == "sign_out" else "session_end",
                     object_type="session", object_id=str(session_id),
                     note=labels.SESSION_END_REASONS.get(reason, reason), at=now)


def _ended_text(reason: str | None) -> str:
    return T.get(f"ended_{reason}", T["ended"])


def open_sessions(store: Store) -> list[dict[str, object]]:
    """Sessions not ended (the accounts page shows who is signed in)."""
    return store.rows("sessions/open")
