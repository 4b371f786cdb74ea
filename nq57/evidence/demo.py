"""Demo evidence: reports in every review state, and one locked period.

Among the demo items reported achieved in each demo period, in code order, a fixed
pattern gives each its evidence and the secretariat's decision: accepted, awaiting
review, sent back to complete, sent back as of insufficient quality, or no evidence
at all. A few items on track carry evidence awaiting review too. The files are two
small illustrative documents (a PDF and a PNG) generated here; links point to the
province's portal. Everything is marked as demo and leaves with `demo remove`.
"""

from __future__ import annotations

import struct
import zlib
from datetime import UTC, datetime, timedelta

import duckdb
import pandas as pd

from nq57 import labels, locks, policy, status
from nq57.db import Store
from nq57.evidence import records, review
from nq57.evidence.sniff import sniff

REVIEWER = "Tổ giúp việc (minh họa)"
LOCKED_PERIOD = "2026-Q1"
# The fate of the n-th achieved item of a period (cycled).
PATTERN: tuple[str, ...] = ("accepted", "pending", "accepted", "sent_back", "accepted",
                            "missing", "accepted", "insufficient", "pending", "accepted")
KINDS: tuple[str, ...] = ("pdf", "link", "png")
LINK = "https://dongnai.gov.vn/minh-chung-minh-hoa/{code}-{period}"
REASONS = {
    "sent_back": "Văn bản minh chứng chưa có chữ ký và đóng dấu của đơn vị; đề nghị bổ sung "
                 "bản đã ký.",
    "insufficient": "Ảnh chụp không thể hiện được kết quả đã báo cáo (không có số liệu, "
                    "thời gian); minh chứng không đạt chất lượng.",
}


def demo_pdf() -> bytes:
    """A one-page illustrative evidence document (the same bytes every time)."""
    from fpdf import FPDF  # only when the demo is made: the CLI starts faster without it

    from nq57.briefing import fonts

    found = fonts.find()
    pdf = FPDF()
    pdf.set_creation_date(datetime(2026, 4, 1, tzinfo=UTC))
    pdf.add_font("Body", "", str(found.regular))
    pdf.add_font("Body", "B", str(found.bold))
    pdf.add_page()
    pdf.set_font("Body", "B", 16)
    pdf.multi_cell(0, 9, labels.APP_TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Body", "", 12)
    pdf.multi_cell(0, 7, "Minh chứng minh họa: biên bản nghiệm thu kết quả thực hiện "
                         "(không phải văn bản thật).", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def demo_png(width: int = 240, height: int = 140) -> bytes:
    """A small illustrative picture: bars in the status palette on white."""
    colours = [labels.STATUS_COLORS[s] for s in ("achieved", "on_track", "behind", "red")]
    bars = [(int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16)) for c in colours]
    heights = (110, 85, 60, 35)
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            slot, inside = divmod(x - 20, 55)
            pixel = (255, 255, 255)
            if 0 <= slot < 4 and inside < 40 and height - 10 - heights[slot] <= y < height - 10:
                pixel = bars[slot]
            row += bytes(pixel)
        rows.append(bytes(row))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def _evidence(kind: str, code: str, period: str, files: dict[str, bytes]) -> records.Evidence:
    if kind == "link":
        return records.LinkEvidence(LINK.format(code=code.lower(), period=period.lower()))
    data = files[kind]
    name = f"minh-chung-{code}-{period}.{'pdf' if kind == 'pdf' else 'png'}"
    return records.FileEvidence(data, name, sniff(data, name))


def load(store: Store, con: duckdb.DuckDBPyConnection, periods: tuple[str, ...],
         as_of: str) -> None:
    """Attach demo evidence and decisions to the demo values, and lock LOCKED_PERIOD,
    inside the demo's transaction (after its values are stored)."""
    files = {"pdf": demo_pdf(), "png": demo_png()}
    author = policy.Actor(REVIEWER, policy.ADMIN, display_name=REVIEWER)
    for period in periods:
        rows = pd.concat([status.gaps(store, period, as_of=as_of, item_type=kind, con=con)
                          for kind in ("target", "task")])
        # Evidence goes with a value reported for the period (a month's value for its
        # quarter included), not with a value carried from earlier or a parent task.
        rows = rows[rows["reported_now"].fillna(False).astype(bool)
                    & ~rows["is_parent"].fillna(False).astype(bool)]
        achieved = rows[rows["reported_status"] == "achieved"].sort_values("sort_key")
        on_track = rows[rows["reported_status"] == "on_track"].sort_values("sort_key")
        chosen = [(row, PATTERN[i % len(PATTERN)])
                  for i, row in enumerate(achieved.to_dict(orient="records"))]
        chosen += [(row, "pending") for row in on_track.to_dict(orient="records")[::4]]
        for n, (row, fate) in enumerate(chosen):
            if fate == "missing":
                continue
            sent = pd.Timestamp(row["recorded_at"]).to_pydatetime() + timedelta(hours=2)
            reported = str(row["value_period"])
            added = records.attach(
                store, con, author, row["code"], row["reporting_unit"], reported,
                _evidence(KINDS[n % len(KINDS)], row["code"], reported, files), source="demo",
                at=sent)
            decided = sent + timedelta(days=3, hours=n % 5)
            if fate == "accepted":
                review.decide(store, con, author, added.evidence_id, "accepted", None, False,
                              decided, audited=False)
            elif fate in REASONS:
                review.decide(store, con, author, added.evidence_id, "sent_back",
                              REASONS[fate], fate == "insufficient", decided, audited=False)
    locks.lock_for_demo(store, con, LOCKED_PERIOD, REVIEWER, datetime(2026, 4, 28, 16, 30))


def remove(store: Store, con: duckdb.DuckDBPyConnection) -> None:
    """Delete demo evidence, its decisions and the demo lock (files stay in the vault:
    they are content-addressed and may be shared)."""
    store.execute("evidence/remove_demo", con)
