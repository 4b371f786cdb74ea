"""Pages given hostile input: notes and evidence that are Markdown or links, mangled
addresses, a bug in the middle of a page. What a reader sees is text as typed, one
notice, or a Vietnamese message with an incident id; never a traceback, a live link
from typed text or an image fetched from elsewhere.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime

import pytest
from apptools import Opener, live_links, texts
from markdown_it import MarkdownIt

from nq57 import labels, revisions
from nq57.db import Store
from nq57.revisions import NewValue, UploadMeta
from ui import data

GFM = MarkdownIt("gfm-like")
PHISHING = "[Đăng nhập lại](http://lua-dao.example/login)"
PIXEL = "![](http://theo-doi.example/pixel.png)"
BARE = "https://lua-dao.example/x và www.lua-dao.example"
EVIDENCE_OK = "https://vanban.dongnai.gov.vn/qd-12.pdf"


def rendered(at) -> list[str]:
    """Every Markdown body on the page (titles, text, notices), rendered as a browser
    would: CommonMark with GFM autolinks."""
    bodies = [e.value for kind in ("title", "subheader", "markdown", "caption", "info",
                                   "warning", "error", "success") for e in getattr(at, kind)]
    return [GFM.render(str(body)) for body in bodies]


def hrefs(at) -> list[str]:
    """Links a browser would show: <a> from Markdown, and plain text GFM autolinks."""
    return [m for html in rendered(at) for m in live_links(html) if not m.startswith("<img")]


def images(at) -> list[str]:
    return [m for html in rendered(at) for m in re.findall(r"<img [^>]*>", html)]


def store_notes(store: Store, note: str, evidence: str, by: str) -> None:
    meta = UploadMeta(unit="SKHCN", period="2026-Q3", file_name=f"{PHISHING}.xlsx",
                      sha256="f" * 64, uploaded_by=by, rows_read=1,
                      at=datetime(2026, 10, 5, 9))
    with store.transaction() as con:
        revisions.record_upload(store, con, meta, [NewValue("1.1.1", 65.0, note, evidence)])


def test_notes_and_evidence_show_as_typed_and_only_http_evidence_is_a_link(
        demo_store: Store, open_page: Opener):
    store_notes(demo_store, f"{PHISHING} {PIXEL} {BARE} **đậm**", EVIDENCE_OK, PHISHING)
    at = open_page("target_detail", target="1.1.1", period="2026-Q3")
    assert hrefs(at) == [EVIDENCE_OK]  # the only link: the evidence, labelled external
    assert images(at) == []
    written = texts(at)
    assert PHISHING in written and PIXEL in written  # shown, as typed
    assert labels.LINK_TEXTS["external"].format(host="vanban.dongnai.gov.vn") in written
    assert "Ghi chú: nan" not in written  # a quarter with evidence but no note


@pytest.mark.parametrize("evidence", ["javascript:alert(1)", PHISHING, "Công văn 12/SKHCN"])
def test_evidence_that_is_not_an_http_address_is_plain_text(demo_store: Store,
                                                            open_page: Opener, evidence: str):
    store_notes(demo_store, "Ghi chú", evidence, "Cán bộ")
    at = open_page("target_detail", target="1.1.1", period="2026-Q3")
    assert hrefs(at) == [] and images(at) == []
    assert evidence in texts(at)


def test_a_mangled_address_gives_one_notice_quoted_as_text(demo_store: Store,
                                                          open_page: Opener):
    junk = {f"x{n}": PHISHING for n in range(150)}
    at = open_page("overview", unit=[PHISHING, PIXEL, "２", "SNV\u200b"] * 40,
                   period="2026-Q3\u200b", **junk)
    notices = [w.value for w in at.warning if "tham số" in w.value or "«" in w.value]
    assert len(notices) == 1
    assert hrefs(at) == [] and images(at) == []
    counted = re.search(r"(\d+) tham số không đọc được", texts(at))
    assert counted and int(counted.group(1)) > 150  # every bad parameter, one notice
    alone = open_page("overview", period="2026-Q3\u200b")
    assert "2026-Q3⟨U+200B⟩" in texts(alone)  # the invisible character named, not hidden


def test_an_unexpected_error_shows_an_incident_id_and_logs_the_traceback(
        demo_store: Store, open_page: Opener, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture):
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("/srv/nq57/secret.py: KeyError 'boom'")

    monkeypatch.setitem(data._SUMMARIES, "status_change", broken)
    with caplog.at_level(logging.ERROR, logger="nq57.incidents"):
        at = open_page("overview")
    (shown,) = [e.value for e in at.error]
    incident = re.search(r"mã sự cố ([0-9A-F]{8})", shown)
    assert incident, shown
    assert "boom" not in texts(at) and "secret" not in texts(at)
    logged = [r for r in caplog.records if incident.group(1) in r.getMessage()]
    assert logged and logged[0].exc_info is not None  # the traceback is in the log
    assert at.title[0].value.startswith(labels.PAGE_TITLES["overview"])  # page began


def test_st_stop_passes_through_the_error_boundary(demo_store: Store, open_page: Opener):
    at = open_page("tasks", unit="SKHCN", group="1.1")  # a page that stops early
    assert not [e for e in at.error if "mã sự cố" in e.value]
    none = open_page("overview", unit="BQLKCN")  # filters leaving no targets: st.stop()
    assert labels.EMPTY_STATES["no_match"] in texts(none)
    assert not [e for e in none.error if "mã sự cố" in e.value]
