"""Evidence links: http(s) only. Case table: http and https with a host are kept as
written; every other scheme, credentials, spaces or control characters, no host, and
over-long text are refused with a Vietnamese message; words and file names are not
taken for links (so a note like "CV:12" is not refused)."""

from __future__ import annotations

import pytest

from nq57.evidence.links import MAX_LENGTH, check_link, looks_like_link
from nq57.evidence.sniff import EvidenceRefused


@pytest.mark.parametrize("url", [
    "https://dongnai.gov.vn/van-ban/123",
    "http://sokhcn.dongnai.gov.vn/tin-tuc?id=5#muc-2",
    "HTTPS://DONGNAI.GOV.VN/A",
    "https://dongnai.gov.vn/tài-liệu/biên-bản.pdf",
])
def test_http_and_https_links_are_kept_as_written(url):
    assert check_link(f"  {url} ") == url


@pytest.mark.parametrize(("text", "code"), [
    ("javascript:alert(document.cookie)", "link_scheme"),
    ("data:text/html;base64,PHNjcmlwdD4=", "link_scheme"),
    ("file:///etc/passwd", "link_scheme"),
    ("ftp://dongnai.gov.vn/a.pdf", "link_scheme"),
    ("vbscript:msgbox", "link_scheme"),
    ("https://admin:matkhau@dongnai.gov.vn/", "link_credentials"),
    ("https://dongnai.gov.vn/a b", "link_malformed"),
    ("https://dongnai.gov.vn/\u202egnp.exe", "link_malformed"),
    ("https:///no-host", "link_malformed"),
    ("https://localhost/x", "link_malformed"),
    ("https://dongnai.gov.vn:99999/", "link_malformed"),
    ("https://dongnai.gov.vn/" + "a" * MAX_LENGTH, "link_too_long"),
])
def test_other_links_are_refused_with_a_reason(text, code):
    with pytest.raises(EvidenceRefused) as caught:
        check_link(text)
    assert caught.value.code == code
    assert "http" in str(caught.value) or "ký tự" in str(caught.value) or \
        "mật khẩu" in str(caught.value)


@pytest.mark.parametrize(("text", "meant"), [
    ("https://dongnai.gov.vn", True),
    ("JavaScript:alert(1)", True),
    ("ftp://host/x", True),
    ("data:text/html,x", True),
    ("minh-chung.pdf", False),
    ("CV:12/UBND", False),
    ("Quyết định 123/QĐ-UBND", False),
    ("C:\\Users\\a\\minh-chung.pdf", False),
])
def test_only_text_meant_as_a_link_is_judged_as_one(text, meant):
    assert looks_like_link(text) is meant
