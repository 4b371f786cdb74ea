"""Attaching evidence to reported values: on the page, from the command line, or with
an Excel upload (a link in the evidence cell, or the name of a file sent alongside).

Evidence always supports a value already on record (an item, a unit, a period); the
row keeps the revision it was attached to. The same file or link sent again for the
same value is not stored twice. Every attachment checks the acting account, respects
period locks and is audited in the same transaction.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath, PureWindowsPath

import duckdb
import pandas as pd

from nq57 import audit, catalogue, labels, locks, policy
from nq57.db import Store
from nq57.evidence import links, vault
from nq57.evidence.sniff import EvidenceRefused, Sniffed, sniff
from nq57.excel.check import Entry, normalise_code
from nq57.excel.problems import Problem
from nq57.policy import Actor

SOURCES = ("excel", "page", "cli", "demo")
_MESSAGES = labels.EVIDENCE_MESSAGES


@dataclass(frozen=True)
class FileEvidence:
    """An accepted file: its bytes, the name it came with, what it is."""

    data: bytes
    name: str
    sniffed: Sniffed

    @property
    def sha256(self) -> str:
        return vault.sha256(self.data)


@dataclass(frozen=True)
class LinkEvidence:
    url: str


Evidence = FileEvidence | LinkEvidence


@dataclass(frozen=True)
class Added:
    """The evidence now standing for the value; `new` is False when the same file or
    link was already its newest evidence (nothing stored again)."""

    evidence_id: int
    new: bool


class NotReported(LookupError):
    """Evidence for a value that is not on record."""


def display_name(file_name: str) -> str:
    """The name a file arrived with, without any folder (a browser or a CLI may give a
    path), composed Unicode. Only ever shown as data."""
    name = PureWindowsPath(PurePath(file_name).name).name
    return unicodedata.normalize("NFC", name).strip()[:255] or "minh-chung"


def file_evidence(data: bytes, file_name: str) -> FileEvidence:
    """A file checked as evidence (EvidenceRefused with the reason otherwise)."""
    name = display_name(file_name)
    return FileEvidence(data, name, sniff(data, name))


def link_evidence(text: str) -> LinkEvidence:
    """A link checked as evidence (EvidenceRefused with the reason otherwise)."""
    return LinkEvidence(links.check_link(text))


# --- attaching ---------------------------------------------------------------------

def _resolve(store: Store, con: duckdb.DuckDBPyConnection, item: str, unit: str,
             period: str) -> tuple[str, str, str]:
    code = normalise_code(item)
    if code not in {row["code"] for row in store.rows("item_codes", con)}:
        raise catalogue.UnknownCode(labels.MESSAGES["unknown_item"].format(code=code))
    unit_code = catalogue.resolve_unit(store, unit, con)
    period_code = catalogue.resolve_period(store, period, con, for_reporting=True).code
    return code, unit_code, period_code


def add(store: Store, actor: Actor, item: str, unit: str, period: str, evidence: Evidence,
        *, source: str = "page", at: datetime | None = None) -> Added:
    """Attach evidence to a value the unit has on record for the period."""
    with store.transaction() as con:
        code, unit_code, period_code = _resolve(store, con, item, unit, period)
        return attach(store, con, actor, code, unit_code, period_code, evidence,
                      source=source, at=at)


def attach(store: Store, con: duckdb.DuckDBPyConnection, actor: Actor, item: str,
           unit: str, period: str, evidence: Evidence, *, source: str,
           at: datetime | None = None, upload_id: int | None = None) -> Added:
    """add() inside the caller's transaction, codes already resolved (an import)."""
    if source not in SOURCES:
        raise ValueError(f"unknown evidence source {source!r}")
    policy.require(actor, policy.REPORT, unit)
    current = store.rows("evidence/current_actual", con, item=item, unit=unit, period=period)
    if not current:
        raise NotReported(_MESSAGES["not_reported"].format(item=item, unit=unit,
                                                           period=period))
    newest = store.rows("evidence/newest", con, item=item, unit=unit, period=period)
    if newest and _same(newest[0], evidence):
        return Added(int(newest[0]["id"]), new=False)
    locks.require_open(store, con, actor, period, change="add_evidence",
                       detail={"item": item, "unit": unit})
    fields = _fields(evidence)
    if isinstance(evidence, FileEvidence):
        try:
            vault.store_file(store, evidence.data)
        except OSError as exc:
            raise vault.VaultError(_MESSAGES["cannot_store"].format(
                path=vault.folder(store), error=exc.strerror or exc)) from exc
    moment = at or datetime.now()
    evidence_id = int(store.rows(
        "evidence/insert", con, item=item, unit=unit, period=period,
        actual_id=current[0]["actual_id"], source=source, upload_id=upload_id,
        added_by=actor.signature, added_at=moment, **fields)[0]["id"])
    if source != "demo":
        audit.record(store, con, actor, "add_evidence", object_type="evidence",
                     object_id=str(evidence_id), at=moment,
                     after={"item": item, "unit": unit, "period": period, **fields})
    return Added(evidence_id, new=True)


def _fields(evidence: Evidence) -> dict[str, object]:
    if isinstance(evidence, FileEvidence):
        return {"kind": "file", "sha256": evidence.sha256,
                "file_type": evidence.sniffed.file_type, "size_bytes": evidence.sniffed.size,
                "original_name": evidence.name, "url": None}
    return {"kind": "link", "sha256": None, "file_type": None, "size_bytes": None,
            "original_name": None, "url": evidence.url}


def _same(row: Mapping[str, object], evidence: Evidence) -> bool:
    if isinstance(evidence, FileEvidence):
        return row["kind"] == "file" and row["sha256"] == evidence.sha256
    return row["kind"] == "link" and row["url"] == evidence.url


# --- reading ------------------------------------------------------------------------

@dataclass(frozen=True)
class StoredEvidence:
    """One evidence row, and its file's bytes for a file (checked against its address)."""

    row: dict[str, object]
    data: bytes | None

    @property
    def kind(self) -> str:
        return str(self.row["kind"])


def get(store: Store, evidence_id: int) -> dict[str, object]:
    """One evidence row (LookupError if there is none)."""
    found = store.rows("evidence/get", evidence_id=int(evidence_id))
    if not found:
        raise LookupError(_MESSAGES["unknown_evidence"].format(id=evidence_id))
    return found[0]


def open_evidence(store: Store, evidence_id: int) -> StoredEvidence:
    """The evidence and, for a file, its bytes; VaultError when the file is gone."""
    row = get(store, evidence_id)
    if row["kind"] != "file":
        return StoredEvidence(row, None)
    try:
        data = vault.read(store, str(row["sha256"]))
    except vault.VaultError as exc:
        raise vault.VaultError(_MESSAGES["missing_file"].format(
            id=evidence_id, path=vault.folder(store))) from exc
    return StoredEvidence(row, data)


def log(store: Store, item: str, unit: str | None = None) -> pd.DataFrame:
    """Every piece of evidence sent for an item and every decision on it, newest first."""
    return store.frame("evidence/log", item=normalise_code(item), unit=unit)


# --- the Excel round trip ------------------------------------------------------------

@dataclass(frozen=True)
class Planned:
    """Evidence an upload will attach, found in the evidence cell of a row."""

    item_code: str
    row: int
    evidence: Evidence


def _key(name: str) -> str:
    return display_name(name).casefold()


def plan(entries: Sequence[Entry], files: Mapping[str, bytes], *, sheet: str | None,
         column: str | None) -> tuple[list[Planned], list[Problem], list[Problem]]:
    """What an upload's evidence cells mean: a link, or the name of a file sent with it,
    each checked; with the errors (a refused file or link refuses the upload) and the
    warnings (text that is neither, files no row names)."""
    errors: list[Problem] = []
    warnings: list[Problem] = []
    by_name: dict[str, tuple[str, bytes]] = {}
    for name, data in files.items():
        key = _key(name)
        if key in by_name:
            errors.append(Problem("evidence_duplicate_name", _MESSAGES[
                "excel_duplicate_name"].format(file=display_name(name))))
        by_name[key] = (display_name(name), data)
    checked: dict[str, FileEvidence | None] = {}
    planned: list[Planned] = []
    used: set[str] = set()
    for entry in entries:
        text = (entry.evidence or "").strip()
        if entry.value is None or not text:
            continue
        cell = f"{column}{entry.row}" if column else ""
        if links.looks_like_link(text):
            try:
                planned.append(Planned(entry.item_code, entry.row, link_evidence(text)))
            except EvidenceRefused as refused:
                errors.append(Problem("evidence_link", _MESSAGES["excel_link"].format(
                    cell=cell, message=str(refused)), sheet, entry.row, column))
            continue
        key = _key(text)
        if key not in by_name:
            warnings.append(Problem("evidence_unmatched", _MESSAGES["excel_unmatched"].format(
                cell=cell, text=text[:80], code=entry.item_code), sheet, entry.row, column,
                "warning"))
            continue
        used.add(key)
        if key not in checked:
            name, data = by_name[key]
            try:
                checked[key] = file_evidence(data, name)
            except EvidenceRefused as refused:
                checked[key] = None
                errors.append(Problem("evidence_file", _MESSAGES["excel_file"].format(
                    message=str(refused))))
        found = checked[key]
        if found is not None:
            planned.append(Planned(entry.item_code, entry.row, found))
    for key, (name, _) in by_name.items():
        if key not in used:
            warnings.append(Problem("evidence_unused", _MESSAGES["excel_unused"].format(
                file=name), severity="warning"))
    return planned, errors, warnings


def record_planned(store: Store, con: duckdb.DuckDBPyConnection, actor: Actor, unit: str,
                   period: str, planned: Sequence[Planned], *, upload_id: int | None,
                   at: datetime | None = None) -> list[Added]:
    """Attach an upload's evidence inside its transaction, after its values are stored."""
    return [attach(store, con, actor, p.item_code, unit, period, p.evidence, source="excel",
                   at=at, upload_id=upload_id) for p in planned]
