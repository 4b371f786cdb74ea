"""Evidence files for the tests, real and hostile, built here from their bytes."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import openpyxl
from PIL import Image

from nq57.evidence import demo

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{part}" ContentType="{content_type}"/></Types>')
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
PPTX_MAIN = ("application/vnd.openxmlformats-officedocument.presentationml.presentation."
             "main+xml")


def pdf() -> bytes:
    """A real one-page PDF (the demo's)."""
    return demo.demo_pdf()


def tiny_pdf(body: bytes = b"", *, head: bytes = b"", tail: bytes = b"%%EOF\n") -> bytes:
    """A minimal PDF with optional extra objects, prologue and tail."""
    return (head + b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" + body
            + b"trailer<</Root 1 0 R>>\n" + tail)


def png() -> bytes:
    return demo.demo_png()


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return (struct.pack(">I", len(body)) + kind + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))


def png_with_text(text: bytes) -> bytes:
    """A PNG whose tEXt chunk holds `text` (inserted after IHDR)."""
    data = png()
    ihdr_end = 8 + 25
    return data[:ihdr_end] + png_chunk(b"tEXt", b"Comment\x00" + text) + data[ihdr_end:]


def jpeg(comment: bytes | None = None) -> bytes:
    """A real JPEG (Pillow), optionally with a comment segment."""
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (0, 158, 115)).save(out, format="JPEG", quality=80)
    data = out.getvalue()
    if comment is None:
        return data
    segment = b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
    return data[:2] + segment + data[2:]


def zip_bytes(parts: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return out.getvalue()


def docx(*, main: str = DOCX_MAIN, extra: dict[str, bytes | str] | None = None) -> bytes:
    """A minimal Word document."""
    return zip_bytes({
        "[Content_Types].xml": CONTENT_TYPES.format(part="word/document.xml",
                                                    content_type=main),
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                       'openxmlformats.org/package/2006/relationships"/>',
        "word/document.xml": '<?xml version="1.0"?><w:document xmlns:w="http://schemas.'
                             'openxmlformats.org/wordprocessingml/2006/main"><w:body/>'
                             '</w:document>',
        **(extra or {}),
    })


def pptx() -> bytes:
    return zip_bytes({
        "[Content_Types].xml": CONTENT_TYPES.format(part="ppt/presentation.xml",
                                                    content_type=PPTX_MAIN),
        "ppt/presentation.xml": '<?xml version="1.0"?><p:presentation xmlns:p="http://'
                                'schemas.openxmlformats.org/presentationml/2006/main"/>',
    })


def xlsx() -> bytes:
    book = openpyxl.Workbook()
    book.active["A1"] = "Biên bản nghiệm thu"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>'
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200
SCRIPT = b"#!/bin/sh\nrm -rf ~\n"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04" + b"\x00" * 20
