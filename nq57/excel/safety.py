"""Checks on the bytes of an upload before any parser sees them.

An .xlsx file is a zip archive of XML parts. Anything else that arrives with that
name (an old .xls, a password-protected workbook, a workbook with macros, a corrupt
or hostile archive) is refused here, from the archive's directory alone, so that a
refused file costs milliseconds and a few kilobytes whatever it claims to hold.
openpyxl parses XML through defusedxml (installed with the runtime), which refuses
entity expansion; the row limit is enforced while reading (nq57.excel.read).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from defusedxml import ElementTree as SafeXML

from nq57.excel.problems import FileRefused, problem

MAX_BYTES = 10 * 1024 * 1024          # what a unit's quarterly report never exceeds
MAX_ROWS = 10_000                     # rows of the entry sheet, blank ones included
MAX_ENTRIES = 500                     # parts in the archive (a workbook has ~10-40)
MAX_UNPACKED = 48 * 1024 * 1024       # all parts together, uncompressed
MAX_PART = 24 * 1024 * 1024           # one part (a 10,000-row sheet is ~8 MB)
MAX_RATIO = 100                       # uncompressed ÷ compressed, for parts over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_CONTENT_TYPES = 256 * 1024        # [Content_Types].xml is read here, so it is small

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # old .xls, and encrypted .xlsx
# An encrypted OOXML file is an OLE container holding these streams (names in UTF-16).
ENCRYPTION_MARKERS = ("EncryptionInfo".encode("utf-16-le"),
                      "EncryptedPackage".encode("utf-16-le"))

CONTENT_TYPES = "[Content_Types].xml"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
WORKBOOK_TYPES = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
)
MACRO_MARKER = "macroenabled"


@dataclass(frozen=True)
class Limits:
    """The limits a file is held to; tests lower them to build small hostile files."""

    max_bytes: int = MAX_BYTES
    max_rows: int = MAX_ROWS
    max_entries: int = MAX_ENTRIES
    max_unpacked: int = MAX_UNPACKED
    max_part: int = MAX_PART
    max_ratio: int = MAX_RATIO
    ratio_floor: int = RATIO_FLOOR


DEFAULT_LIMITS = Limits()


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


def _size(size: int) -> str:
    """'12,5 MB' or '840 KB'."""
    return f"{_megabytes(size)} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


def read_limited(path: Path, file_name: str | None = None,
                 limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of a file on disk, refusing one over the size limit without reading it."""
    name = file_name or path.name
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise FileRefused(problem("file_too_large", file=name, size=_megabytes(size),
                              limit=limits.max_bytes // 1024 // 1024))
    with path.open("rb") as handle:
        return handle.read(limits.max_bytes + 1)


def check_bytes(data: bytes, file_name: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse (raise FileRefused) anything that is not a plain, sane .xlsx archive."""
    if not data:
        raise FileRefused(problem("file_empty", file=file_name))
    if len(data) > limits.max_bytes:
        raise FileRefused(problem("file_too_large", file=file_name, size=_megabytes(len(data)),
                              limit=limits.max_bytes // 1024 // 1024))
    if data.startswith(OLE_MAGIC):
        encrypted = any(marker in data for marker in ENCRYPTION_MARKERS)
        raise FileRefused(problem("encrypted" if encrypted else "old_xls", file=file_name))
    if not data.startswith(ZIP_MAGIC):
        raise FileRefused(problem("not_xlsx", file=file_name))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise FileRefused(problem("corrupt", file=file_name, detail=_detail(exc))) from exc
    with archive:
        _check_archive(archive, file_name, limits)


def _detail(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:119] + "…"


def _unsafe_name(name: str) -> bool:
    if not name or "\\" in name or "\x00" in name or ":" in name:
        return True
    path = PurePosixPath(name)
    return path.is_absolute() or ".." in path.parts


def _check_archive(archive: zipfile.ZipFile, file_name: str, limits: Limits) -> None:
    _check_content_types(archive, file_name, check_entries(archive, file_name, limits))


def check_entries(archive: zipfile.ZipFile, file_name: str,
                  limits: Limits = DEFAULT_LIMITS) -> set[str]:
    """Refuse an Office archive whose directory is hostile or holds macros (any OOXML
    document, not only workbooks); returns its part names, lower-cased."""
    entries = archive.infolist()
    if len(entries) > limits.max_entries:
        raise FileRefused(problem("archive_limits", file=file_name,
                              detail=f"{len(entries)} thành phần, tối đa {limits.max_entries}"))
    seen: set[str] = set()
    total = 0
    for entry in entries:
        name = entry.filename
        if _unsafe_name(name) or name.lower() in seen:
            raise FileRefused(problem("unsafe_entry", file=file_name, name=name[:80]))
        seen.add(name.lower())
        if entry.flag_bits & 0x1:
            raise FileRefused(problem("encrypted", file=file_name))
        if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise FileRefused(problem("corrupt", file=file_name,
                                  detail=f"kiểu nén {entry.compress_type} ở {name[:60]}"))
        lowered = name.lower()
        if lowered.endswith("vbaproject.bin") or lowered.endswith("vbaprojectsignature.bin"):
            raise FileRefused(problem("macro", file=file_name))
        if lowered.endswith("workbook.bin"):
            raise FileRefused(problem("binary_workbook", file=file_name))
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > limits.ratio_floor and ratio > limits.max_ratio:
            raise FileRefused(problem(
                "archive_limits", file=file_name,
                detail=f"tỷ lệ nén {ratio:,.0f}:1 ở {name[:60]}".replace(",", ".")))
        if entry.file_size > limits.max_part:
            raise FileRefused(problem(
                "archive_limits", file=file_name,
                detail=f"{name[:60]} giải nén ra {_size(entry.file_size)}, tối đa "
                       f"{_size(limits.max_part)}"))
        total += entry.file_size
    if total > limits.max_unpacked:
        raise FileRefused(problem(
            "archive_limits", file=file_name,
            detail=f"giải nén ra {_size(total)}, tối đa {_size(limits.max_unpacked)}"))
    return seen


def _check_content_types(archive: zipfile.ZipFile, file_name: str, names: set[str]) -> None:
    """The archive must declare a spreadsheet workbook, not a macro-enabled one, and hold it."""
    if CONTENT_TYPES.lower() not in names:
        raise FileRefused(problem("missing_parts", file=file_name, name=CONTENT_TYPES))
    info = archive.getinfo(CONTENT_TYPES) if CONTENT_TYPES in archive.namelist() else None
    if info is None or info.file_size > MAX_CONTENT_TYPES:
        raise FileRefused(problem("corrupt", file=file_name, detail=CONTENT_TYPES))
    try:
        root = SafeXML.fromstring(archive.read(info))
    except Exception as exc:  # defusedxml and expat raise many kinds; all mean unreadable
        raise FileRefused(problem("corrupt", file=file_name, detail=_detail(exc))) from exc
    workbook = None
    for override in root.iter(f"{_CT_NS}Override"):
        content_type = (override.get("ContentType") or "").strip().lower()
        if MACRO_MARKER in content_type:
            raise FileRefused(problem("macro", file=file_name))
        if content_type in WORKBOOK_TYPES:
            workbook = (override.get("PartName") or "").lstrip("/")
    if not workbook or workbook.lower() not in names:
        raise FileRefused(problem("missing_parts", file=file_name,
                              name=workbook or "xl/workbook.xml"))
