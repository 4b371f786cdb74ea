"""What an evidence file really is, decided from its bytes alone, never from its name.

Accepted: PDF, PNG and JPEG images, and Office documents (.docx, .xlsx, .pptx) without
macros. Each is checked at its head AND at its tail and through its structure, so that
a file that is two things at once (a PDF or an image that is also a zip archive or a
web page: a polyglot) or something dangerous renamed (an HTML page or a program called
.pdf) is refused with a Vietnamese message saying what it really is. Stored evidence
is only ever offered for download or drawn as an image; it is never executed, and
never rendered as HTML.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePath

from defusedxml import ElementTree as SafeXML

from nq57 import labels
from nq57.excel import safety
from nq57.excel.problems import FileRefused

MAX_BYTES = 20 * 1024 * 1024
ACCEPTED: tuple[str, ...] = ("pdf", "png", "jpeg", "docx", "xlsx", "pptx")
MEDIA_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
EXTENSIONS: dict[str, str] = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg", "docx": ".docx",
                              "xlsx": ".xlsx", "pptx": ".pptx"}
# What a name claims (only to say "disguised" when the content is something else).
_CLAIMED_BY_SUFFIX = {".pdf": "pdf", ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg",
                      ".jpe": "jpeg", ".docx": "docx", ".xlsx": "xlsx", ".pptx": "pptx"}

# Office documents hold many parts (a deck: a few per slide) and images that do not
# compress; the limits are wider than a quarterly workbook's, the checks the same.
OFFICE_LIMITS = safety.Limits(max_bytes=MAX_BYTES, max_entries=5000,
                              max_unpacked=200 * 1024 * 1024, max_part=100 * 1024 * 1024)
_OFFICE_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml":
        "pptx",
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml": "pptx",
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml": "pptx",
}
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# Parts an Office document may carry that run or render: ActiveX controls, embedded
# OLE objects (which can wrap any program), web pages, scripts, programs.
_ACTIVE_PART = re.compile(
    r"(^|/)(activex/[^/]*\.bin|embeddings/oleobject[^/]*\.bin)$"
    r"|\.(exe|dll|com|scr|msi|js|jse|vbs|vbe|wsf|ps1|bat|cmd|hta|htm|html|mht|mhtml|svg|"
    r"xhtml|jar|sh)$")

# Markup that a browser would run or render, looked for where a format keeps text
# (outside a PDF's binary streams; an image's text chunks and comments).
_MARKUP = (b"<script", b"<html", b"<!doctype", b"<svg", b"<iframe", b"<?php", b"<object",
           b"<embed", b"<body", b"javascript:", b"<meta http-equiv")
_ZIP_END = b"PK\x05\x06"
_ZIP_TAIL = 65_557  # a zip reader looks for its end record this far from the end

_EXECUTABLES: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "windows"),
    (b"\x7fELF", "elf"),
    (b"\xfe\xed\xfa\xce", "macho"), (b"\xfe\xed\xfa\xcf", "macho"),
    (b"\xce\xfa\xed\xfe", "macho"), (b"\xcf\xfa\xed\xfe", "macho"),
    (b"\xca\xfe\xba\xbe", "macho"),
    (b"\x00asm", "wasm"),
)
_OTHER_FORMATS: tuple[tuple[bytes, str], ...] = (
    (b"GIF87a", "GIF"), (b"GIF89a", "GIF"), (b"BM", "BMP"), (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"), (b"Rar!", "RAR"), (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"\x1f\x8b", "gzip"), (b"%!PS", "PostScript"), (b"{\\rtf", "RTF"),
)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# Formats whose own structure is checked below (markup inside them is a polyglot).
_KNOWN = (b"%PDF-", PNG_MAGIC, b"\xff\xd8\xff", b"PK\x03\x04", OLE_MAGIC)
_PDF_ACTIVE = {"javascript", "js", "launch", "embeddedfile", "embeddedfiles", "richmedia",
               "importdata", "submitform"}
_PDF_NAME = re.compile(rb"/([A-Za-z0-9#]+)")
_PDF_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)
_PDF_INFLATE_TOTAL = 200 * 1024 * 1024


@dataclass(frozen=True)
class Sniffed:
    """An accepted evidence file: its type (from its content), media type and size."""

    file_type: str
    size: int

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.file_type]


class EvidenceRefused(ValueError):
    """A file or link that cannot be evidence; the message says why, in Vietnamese."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _refuse(code: str, **fields: object) -> EvidenceRefused:
    return EvidenceRefused(code, labels.EVIDENCE_MESSAGES[code].format(**fields))


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


def claimed_type(file_name: str) -> str | None:
    """The accepted type a file's name claims (only ever used to word a refusal)."""
    return _CLAIMED_BY_SUFFIX.get(PurePath(file_name).suffix.lower())


def sniff(data: bytes, file_name: str, *, max_bytes: int = MAX_BYTES) -> Sniffed:
    """The type of an evidence file from its bytes; EvidenceRefused if it is not a plain
    PDF, PNG, JPEG, .docx, .xlsx or .pptx (or is one of them and something else too)."""
    if not data:
        raise _refuse("empty", file=file_name)
    if len(data) > max_bytes:
        raise _refuse("too_large", file=file_name, size=_megabytes(len(data)),
                      limit=max_bytes // 1024 // 1024)
    dangerous = _dangerous(data)
    if dangerous is not None:
        claimed = claimed_type(file_name)
        if claimed is not None:
            raise _refuse("disguised", file=file_name,
                          claimed=labels.EVIDENCE_TYPE_LABELS[claimed],
                          actual=labels.EVIDENCE_DANGER_LABELS[dangerous])
        code = {"script": "script", "markup": "markup"}.get(dangerous, "executable")
        raise _refuse(code, file=file_name, what=labels.EVIDENCE_DANGER_LABELS[dangerous])
    if data.startswith(b"%PDF-"):
        _check_pdf(data, file_name)
        return Sniffed("pdf", len(data))
    if data.startswith(PNG_MAGIC):
        _check_png(data, file_name)
        return Sniffed("png", len(data))
    if data.startswith(b"\xff\xd8\xff"):
        _check_jpeg(data, file_name)
        return Sniffed("jpeg", len(data))
    if data.startswith(b"PK\x03\x04"):
        return Sniffed(_check_office(data, file_name), len(data))
    if data.startswith(OLE_MAGIC):
        raise _refuse("old_office", file=file_name)
    for magic, name in _OTHER_FORMATS:
        if data.startswith(magic):
            raise _refuse("unsupported", file=file_name, what=name,
                          limit=MAX_BYTES // 1024 // 1024)
    raise _refuse("unsupported", file=file_name, what=labels.EVIDENCE_UNKNOWN_TYPE,
                  limit=MAX_BYTES // 1024 // 1024)


def _dangerous(data: bytes) -> str | None:
    """'windows', 'elf', 'macho', 'wasm', 'script' or 'markup' for a program, a script or
    a web page / SVG / XML document, judged from the start of the file."""
    for magic, kind in _EXECUTABLES:
        if data.startswith(magic):
            return kind
    head = data[:1024]
    text = head.lstrip(b"\xef\xbb\xbf\xff\xfe").replace(b"\x00", b"").lstrip().lower()
    if text.startswith(b"#!"):
        return "script"
    if text.startswith(b"<"):
        return "markup"
    if not data.startswith(_KNOWN) and any(marker in text for marker in _MARKUP):
        return "markup"  # a page with some text before its first tag
    return None


def _markup_in(chunk: bytes) -> bool:
    lowered = chunk.replace(b"\x00", b"").lower()
    return any(marker in lowered for marker in _MARKUP)


def _zip_at_tail(data: bytes) -> bool:
    return _ZIP_END in data[-_ZIP_TAIL:]


# --- PDF ----------------------------------------------------------------------------

def _pdf_names(chunk: bytes) -> set[str]:
    names = set()
    for raw in _PDF_NAME.findall(chunk):
        name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw)
        names.add(name.decode("latin-1").lower())
    return names


def _check_pdf(data: bytes, file_name: str) -> None:
    kind = labels.EVIDENCE_TYPE_LABELS["pdf"]
    if not data.rstrip(b"\r\n\t \x00\x0c").endswith(b"%%EOF"):
        raise _refuse("malformed", file=file_name, kind=kind,
                      detail=labels.EVIDENCE_DETAILS["pdf_no_eof"])
    if _zip_at_tail(data):
        raise _refuse("polyglot", file=file_name, kind=kind,
                      other=labels.EVIDENCE_DETAILS["zip"])
    outside = _PDF_STREAM.sub(b"stream endstream", data)
    if _markup_in(outside):
        raise _refuse("polyglot", file=file_name, kind=kind,
                      other=labels.EVIDENCE_DETAILS["html"])
    active = _pdf_names(outside) & _PDF_ACTIVE
    inflated = 0
    for body in _PDF_STREAM.findall(data):
        if active:
            break
        try:
            inflater = zlib.decompressobj()
            plain = inflater.decompress(body, 16 * 1024 * 1024)
        except zlib.error:
            continue
        inflated += len(plain)
        if inflated > _PDF_INFLATE_TOTAL:
            raise _refuse("malformed", file=file_name, kind=kind,
                          detail=labels.EVIDENCE_DETAILS["pdf_bomb"])
        if b"/" in plain:
            active = _pdf_names(plain) & _PDF_ACTIVE
    if active:
        raise _refuse("pdf_active", file=file_name, what=", ".join(sorted(active)))


# --- PNG ----------------------------------------------------------------------------

def _check_png(data: bytes, file_name: str) -> None:
    kind = labels.EVIDENCE_TYPE_LABELS["png"]
    details = labels.EVIDENCE_DETAILS
    pos, first = len(PNG_MAGIC), True
    while True:
        if pos + 12 > len(data):
            raise _refuse("malformed", file=file_name, kind=kind, detail=details["png_end"])
        length, chunk_type = struct.unpack(">I4s", data[pos:pos + 8])
        end = pos + 12 + length
        if length > 0x7FFFFFFF or end > len(data) or not chunk_type.isalpha():
            raise _refuse("malformed", file=file_name, kind=kind, detail=details["png_chunk"])
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:end])
        if zlib.crc32(chunk_type + body) & 0xFFFFFFFF != crc:
            raise _refuse("malformed", file=file_name, kind=kind, detail=details["png_crc"])
        if first and (chunk_type != b"IHDR" or length != 13):
            raise _refuse("malformed", file=file_name, kind=kind, detail=details["png_chunk"])
        first = False
        if chunk_type in (b"tEXt", b"iTXt", b"zTXt") and _markup_in(body):
            raise _refuse("polyglot", file=file_name, kind=kind, other=details["html"])
        pos = end
        if chunk_type == b"IEND":
            break
    if pos != len(data):
        raise _refuse("polyglot", file=file_name, kind=kind,
                      other=details["zip" if _zip_at_tail(data) else "trailing"])


# --- JPEG ---------------------------------------------------------------------------

_STANDALONE = {0x01, *range(0xD0, 0xD8)}


def _check_jpeg(data: bytes, file_name: str) -> None:
    kind = labels.EVIDENCE_TYPE_LABELS["jpeg"]
    details = labels.EVIDENCE_DETAILS

    def broken(detail: str) -> EvidenceRefused:
        return _refuse("malformed", file=file_name, kind=kind, detail=details[detail])

    pos = 2
    while True:
        if pos + 2 > len(data) or data[pos] != 0xFF:
            raise broken("jpeg_segment")
        while pos < len(data) and data[pos] == 0xFF:
            pos += 1  # fill bytes
        if pos >= len(data):
            raise broken("jpeg_end")
        marker = data[pos]
        pos += 1
        if marker == 0xD9:  # end of image
            break
        if marker in _STANDALONE:
            continue
        if pos + 2 > len(data):
            raise broken("jpeg_end")
        (length,) = struct.unpack(">H", data[pos:pos + 2])
        if length < 2 or pos + length > len(data):
            raise broken("jpeg_segment")
        segment = data[pos + 2:pos + length]
        if (0xE0 <= marker <= 0xEF or marker == 0xFE) and _markup_in(segment):
            raise _refuse("polyglot", file=file_name, kind=kind, other=details["html"])
        pos += length
        if marker == 0xDA:  # start of scan: entropy-coded data up to the next marker
            while True:
                found = data.find(b"\xff", pos)
                if found < 0 or found + 1 >= len(data):
                    raise broken("jpeg_end")
                following = data[found + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
                    pos = found + (1 if following == 0xFF else 2)
                    continue
                pos = found
                break
    if pos != len(data):
        raise _refuse("polyglot", file=file_name, kind=kind,
                      other=details["zip" if _zip_at_tail(data) else "trailing"])


# --- Office (OOXML) -----------------------------------------------------------------

def _check_zip_frame(data: bytes, file_name: str) -> None:
    """The archive starts at byte 0 and its end record is the file's last 22 bytes:
    nothing before or after it (a self-extracting program or an appended file)."""
    kind = labels.EVIDENCE_TYPE_LABELS["office"]
    end = data.rfind(_ZIP_END, max(0, len(data) - _ZIP_TAIL))
    if end < 0 or end + 22 > len(data):
        raise _refuse("malformed", file=file_name, kind=kind,
                      detail=labels.EVIDENCE_DETAILS["zip_end"])
    (_, _, _, _, size, offset, comment) = struct.unpack("<HHHHIIH", data[end + 4:end + 22])
    if offset == 0xFFFFFFFF or size == 0xFFFFFFFF:
        raise _refuse("malformed", file=file_name, kind=kind,
                      detail=labels.EVIDENCE_DETAILS["zip64"])
    if end + 22 + comment != len(data) or comment:
        raise _refuse("polyglot", file=file_name, kind=kind,
                      other=labels.EVIDENCE_DETAILS["trailing"])
    if offset + size != end:
        raise _refuse("polyglot", file=file_name, kind=kind,
                      other=labels.EVIDENCE_DETAILS["prefix"])


def _check_office(data: bytes, file_name: str) -> str:
    _check_zip_frame(data, file_name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise _refuse("office_archive", file=file_name, detail=type(exc).__name__) from exc
    with archive:
        try:
            names = safety.check_entries(archive, file_name, OFFICE_LIMITS)
        except FileRefused as refused:
            code = refused.problem.code
            if code == "macro":
                raise _refuse("office_macro", file=file_name) from refused
            if code == "encrypted":
                raise _refuse("old_office", file=file_name) from refused
            raise _refuse("office_archive", file=file_name,
                          detail=refused.problem.message) from refused
        for name in names:
            if _ACTIVE_PART.search(name):
                raise _refuse("office_active", file=file_name, name=name[:80])
        return _office_type(archive, names, file_name)


def _office_type(archive: zipfile.ZipFile, names: set[str], file_name: str) -> str:
    if safety.CONTENT_TYPES.lower() not in names or \
            safety.CONTENT_TYPES not in archive.namelist():
        raise _refuse("unsupported", file=file_name, what=labels.EVIDENCE_DETAILS["zip"],
                      limit=MAX_BYTES // 1024 // 1024)
    info = archive.getinfo(safety.CONTENT_TYPES)
    if info.file_size > safety.MAX_CONTENT_TYPES:
        raise _refuse("office_archive", file=file_name, detail=safety.CONTENT_TYPES)
    try:
        root = SafeXML.fromstring(archive.read(info))
    except Exception as exc:  # defusedxml and expat raise many kinds; all mean unreadable
        raise _refuse("office_archive", file=file_name, detail=safety.CONTENT_TYPES) from exc
    found: set[str] = set()
    for override in root.iter(f"{_CT_NS}Override"):
        content_type = (override.get("ContentType") or "").strip().lower()
        if safety.MACRO_MARKER in content_type:
            raise _refuse("office_macro", file=file_name)
        part = (override.get("PartName") or "").lstrip("/").lower()
        if content_type in _OFFICE_MAIN_TYPES and part in names:
            found.add(_OFFICE_MAIN_TYPES[content_type])
    for default in root.iter(f"{_CT_NS}Default"):
        content_type = (default.get("ContentType") or "").strip().lower()
        if safety.MACRO_MARKER in content_type:
            raise _refuse("office_macro", file=file_name)
    if len(found) != 1:
        raise _refuse("unsupported", file=file_name, what=labels.EVIDENCE_DETAILS["zip"],
                      limit=MAX_BYTES // 1024 // 1024)
    return found.pop()
