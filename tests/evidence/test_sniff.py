"""What an evidence file really is, from its bytes. The case table:

accepted (type from the content, whatever the name says)
  a real PDF, a minimal PDF, PNG, JPEG (with a plain comment), .docx, .xlsx, .pptx;
  a PNG named .pdf is a PNG
refused, each with a Vietnamese message naming the file
  empty; over 20 MB
  programs: Windows (MZ), Linux (ELF); a script (#!)
  web content: HTML, SVG; the same renamed .pdf / .png ("disguised")
  PDF: HTML before %PDF- (disguised), no %%EOF, a zip appended (polyglot), HTML outside
       its streams, /JavaScript (plain, #-escaped, inside a compressed object stream),
       /Launch, /EmbeddedFile
  PNG: no IEND, a wrong CRC, a zip after IEND, HTML after IEND, <script> in a text chunk
  JPEG: a zip appended (even one ending in FFD9), HTML in a comment, truncated
  Office: macros (vbaProject.bin, macro-enabled type), an embedded OLE object, a web
          page inside, data before the archive (self-extracting), data after it, a zip
          that is no Office document, an old/encrypted Office file (OLE)
  other formats: GIF
"""

from __future__ import annotations

import zlib

import pytest

from nq57.evidence.sniff import MAX_BYTES, EvidenceRefused, sniff
from tests.evidence import files


@pytest.mark.parametrize(("build", "name", "kind"), [
    (files.pdf, "bien-ban.pdf", "pdf"),
    (files.tiny_pdf, "toi-gian.pdf", "pdf"),
    (files.png, "anh.png", "png"),
    (files.jpeg, "anh.jpg", "jpeg"),
    (lambda: files.jpeg(b"Chup ngay 12/06/2026"), "anh-chu-thich.jpeg", "jpeg"),
    (files.docx, "bao-cao.docx", "docx"),
    (files.xlsx, "so-lieu.xlsx", "xlsx"),
    (files.pptx, "trinh-chieu.pptx", "pptx"),
    (files.png, "anh-dat-ten-nham.pdf", "png"),   # the content decides, not the name
    (files.pdf, "khong-co-duoi", "pdf"),
])
def test_plain_documents_are_accepted_by_their_content(build, name, kind):
    data = build()
    found = sniff(data, name)
    assert (found.file_type, found.size) == (kind, len(data))


def refused(data: bytes, name: str) -> EvidenceRefused:
    with pytest.raises(EvidenceRefused) as caught:
        sniff(data, name)
    assert f"«{name}»" in str(caught.value)
    return caught.value


def _pdf_with_zip() -> bytes:
    return files.tiny_pdf(tail=b"%%EOF\n" + files.docx() + b"\n%%EOF\n")


def _object_stream(text: bytes) -> bytes:
    body = zlib.compress(text)
    return (b"3 0 obj<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length "
            + str(len(body)).encode() + b">>stream\n" + body + b"\nendstream endobj\n")


def _jpeg_with_zip_ending_in_ffd9() -> bytes:
    archive = bytearray(files.docx())
    # a zip comment may be anything: make the file end in FFD9 like a JPEG
    archive[-2:] = b"\x02\x00"
    return files.jpeg() + bytes(archive) + b"\xff\xd9"


CASES = {
    # name: (bytes, file name, refusal code, words the message must hold)
    "empty": (b"", "trong.pdf", "empty", "rỗng"),
    "exe": (files.EXE, "chuong-trinh.exe", "executable", "chương trình chạy được"),
    "elf": (files.ELF, "a.out", "executable", "Linux"),
    "script": (files.SCRIPT, "cai-dat.sh", "script", "mã lệnh"),
    "html": (files.HTML, "trang.html", "markup", "HTML"),
    "svg": (files.SVG, "hinh.svg", "markup", "SVG"),
    "html_as_pdf": (files.HTML, "minh-chung.pdf", "disguised", "ngụy trang"),
    "exe_as_pdf": (files.EXE, "minh-chung.pdf", "disguised", "chương trình chạy được"),
    "svg_as_png": (files.SVG, "anh.png", "disguised", "ngụy trang"),
    "html_prologue_pdf": (files.tiny_pdf(head=b"<html><body>"), "lai.pdf", "disguised",
                          "HTML"),
    "pdf_no_eof": (files.tiny_pdf(tail=b""), "cut.pdf", "malformed", "%%EOF"),
    "pdf_zip": (_pdf_with_zip(), "lai-zip.pdf", "polyglot", "ZIP"),
    "pdf_html": (files.tiny_pdf(b"% <script>alert(1)</script>\n"), "lai-html.pdf",
                 "polyglot", "HTML"),
    "pdf_javascript": (files.tiny_pdf(b"3 0 obj<</S/JavaScript/JS(app.alert(1))>>endobj\n"),
                       "js.pdf", "pdf_active", "mã lệnh"),
    "pdf_escaped_javascript": (files.tiny_pdf(b"3 0 obj<</S/J#61vaScript/J#53(x)>>endobj\n"),
                               "js2.pdf", "pdf_active", "javascript"),
    "pdf_hidden_javascript": (files.tiny_pdf(_object_stream(b"4 0 <</S/JavaScript>>")),
                              "js3.pdf", "pdf_active", "javascript"),
    "pdf_launch": (files.tiny_pdf(b"3 0 obj<</S/Launch/F(cmd.exe)>>endobj\n"), "l.pdf",
                   "pdf_active", "launch"),
    "pdf_attachment": (files.tiny_pdf(b"3 0 obj<</Type/EmbeddedFile>>endobj\n"), "e.pdf",
                       "pdf_active", "embeddedfile"),
    "png_no_iend": (files.png()[:-12], "cut.png", "malformed", "IEND"),
    "png_bad_crc": (files.png()[:-1] + b"\x00", "crc.png", "malformed", "mã kiểm tra"),
    "png_zip": (files.png() + files.docx(), "lai.png", "polyglot", "ZIP"),
    "png_html": (files.png() + files.HTML, "lai-html.png", "polyglot", "nối thêm"),
    "png_script_text": (files.png_with_text(b"<script>alert(1)</script>"), "t.png",
                        "polyglot", "HTML"),
    "jpeg_zip": (_jpeg_with_zip_ending_in_ffd9(), "lai.jpg", "polyglot", "ZIP"),
    "jpeg_html_comment": (files.jpeg(b"<html><script>alert(1)</script></html>"), "c.jpg",
                          "polyglot", "HTML"),
    "jpeg_cut": (files.jpeg()[:200], "cut.jpg", "malformed", "cấu trúc không đúng"),
    "jpeg_no_end": (files.jpeg()[:-2], "no-end.jpg", "malformed", "FFD9"),
    "docx_macro": (files.docx(extra={"word/vbaProject.bin": b"\x00" * 64}), "m.docx",
                   "office_macro", "macro"),
    "docm": (files.docx(main=files.DOCM_MAIN), "m.docm", "office_macro", "macro"),
    "docx_ole": (files.docx(extra={"word/embeddings/oleObject1.bin": b"\x00" * 64}),
                 "ole.docx", "office_active", "oleobject1.bin"),
    "docx_web_page": (files.docx(extra={"word/afchunk.htm": files.HTML}), "w.docx",
                      "office_active", "afchunk.htm"),
    "zip_prefix": (files.EXE[:0] + b"junk" + files.docx(), "sfx.docx", "unsupported",
                   "không thuộc loại"),
    "zip_suffix": (files.docx() + b"<html></html>", "tail.docx", "polyglot", "nối thêm"),
    "plain_zip": (files.zip_bytes({"a.txt": "xin chào"}), "a.zip", "unsupported",
                  "không thuộc loại"),
    "old_office": (files.OLE, "cu.doc", "old_office", "định dạng cũ"),
    "gif": (files.GIF, "dong.gif", "unsupported", "GIF"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_and_odd_files_are_refused_with_a_vietnamese_message(case):
    data, name, code, words = CASES[case]
    refusal = refused(data, name)
    assert refusal.code == code, str(refusal)
    assert words.lower() in str(refusal).lower()


def test_a_zip_with_data_in_front_is_refused_as_such():
    # a self-extracting archive: a program, then the zip (its directory offsets shifted)
    data = b"PK\x03\x04" + b"\x00" * 26 + files.docx()
    assert refused(data, "sfx.docx").code in ("polyglot", "office_archive", "malformed")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read_through():
    big = files.tiny_pdf(b"%" + b"x" * (MAX_BYTES + 10) + b"\n")
    refusal = refused(big, "lon.pdf")
    assert refusal.code == "too_large"
    assert "20 MB" in str(refusal)
