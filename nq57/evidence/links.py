"""Evidence given as a link: http or https only, nothing that a browser would run.

A link is stored as text and shown as a link clearly labelled external, never as
Markdown or HTML; every other scheme (javascript:, data:, file:, ftp:, …) is refused.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from nq57 import labels
from nq57.evidence.sniff import EvidenceRefused

MAX_LENGTH = 2000
SCHEMES = ("http", "https")
# Text that means to be a link: "scheme://…", or a scheme browsers act on by itself.
_LINK_LIKE = re.compile(
    r"^\s*([a-z][a-z0-9+.\-]*://|(javascript|data|vbscript|file|mailto|blob|about|"
    r"intent|ms-[a-z-]+)\s*:)", re.IGNORECASE)


def looks_like_link(text: str) -> bool:
    """Is this text meant as a link (of any scheme), rather than a file name or words?"""
    return bool(_LINK_LIKE.match(text))


def _shown(text: str) -> str:
    return text if len(text) <= 120 else text[:119] + "…"


def check_link(text: str) -> str:
    """The link, checked: http(s), a host, no credentials, no spaces or control
    characters. EvidenceRefused with a Vietnamese message otherwise."""
    url = text.strip()
    messages = labels.EVIDENCE_MESSAGES
    if len(url) > MAX_LENGTH:
        raise EvidenceRefused("link_too_long", messages["link_too_long"].format(
            length=len(url), limit=MAX_LENGTH))
    if any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in url):
        raise EvidenceRefused("link_malformed",
                              messages["link_malformed"].format(url=_shown(url)))
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise EvidenceRefused("link_malformed",
                              messages["link_malformed"].format(url=_shown(url))) from exc
    if parts.scheme.lower() not in SCHEMES:
        raise EvidenceRefused("link_scheme", messages["link_scheme"].format(url=_shown(url)))
    if parts.username is not None or parts.password is not None:
        raise EvidenceRefused("link_credentials", messages["link_credentials"])
    host = parts.hostname or ""
    if "." not in host.strip(".") or port == 0:
        raise EvidenceRefused("link_malformed",
                              messages["link_malformed"].format(url=_shown(url)))
    return url
