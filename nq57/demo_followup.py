"""The follow-up side of the demo data: explanations for the demo values that leave
their items behind or in red (after the demo's evidence review, so a value red for
rejected evidence is explained too), and a contact for every unit, so the warning
page, the explanation roll-ups and the reminders have something to show.

Everything here is illustrative and marked so: explanations hang on demo uploads
(removed with them), contacts are stored with source 'demo' and use addresses of the
reserved domain example.invalid, which can never receive mail.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime

import duckdb
import pandas as pd

from nq57 import contacts, explanations, labels, policy, status
from nq57.cells import moment, text
from nq57.db import Store
from nq57.explanations import Explanation
from nq57.policy import SYSTEM, Actor

DEMO_AUTHOR = labels.DEMO_AUTHOR
CONTACT_DOMAIN = "example.invalid"

# Plausible explanations for each cause (illustrative, not from any unit).
TEXTS: dict[str, tuple[str, ...]] = {
    "funding": (
        "Kinh phí thực hiện năm 2026 chưa được giao đủ; đơn vị đã trình Sở Tài chính bổ "
        "sung dự toán, dự kiến triển khai ngay khi được phân bổ.",
        "Dự án đầu tư hạ tầng đang chờ bố trí vốn trung hạn nên chưa thể tổ chức lựa chọn "
        "nhà thầu đúng tiến độ.",
    ),
    "staffing": (
        "Đơn vị chưa có cán bộ chuyên trách về chuyển đổi số; nhân sự kiêm nhiệm nên tiến "
        "độ tổng hợp, triển khai chậm so với kế hoạch.",
        "Hai cán bộ phụ trách chuyển công tác trong quý, đơn vị đang phân công lại và tập "
        "huấn người thay thế.",
    ),
    "policy": (
        "Quy định về chia sẻ dữ liệu giữa các hệ thống chưa thống nhất, phải chờ sửa đổi "
        "quy chế trước khi kết nối.",
        "Thủ tục thuê dịch vụ công nghệ thông tin còn vướng hướng dẫn về định mức, chưa ký "
        "được hợp đồng.",
    ),
    "awaiting_guidance": (
        "Đang chờ bộ, ngành trung ương ban hành hướng dẫn kỹ thuật và bộ chỉ số đánh giá "
        "nên chưa triển khai được đại trà.",
        "Chờ văn bản hướng dẫn của cấp trên về mô hình triển khai thống nhất trên toàn "
        "tỉnh.",
    ),
    "objective": (
        "Ảnh hưởng của mưa lũ kéo dài làm gián đoạn thi công hạ tầng viễn thông tại một số "
        "xã vùng sâu.",
        "Nhà cung cấp trong nước chậm bàn giao thiết bị do khan hiếm linh kiện trên thị "
        "trường.",
    ),
    "other": (
        "Số liệu kỳ này mới tổng hợp từ một phần các đơn vị trực thuộc; số liệu đầy đủ sẽ "
        "cập nhật ở kỳ sau.",
    ),
}
# Support asked of the province, for the causes where the province can help.
SUPPORT: dict[str, str] = {
    "funding": "Đề nghị UBND tỉnh xem xét bổ sung kinh phí từ nguồn dự phòng ngân sách.",
    "staffing": "Đề nghị Sở Nội vụ hỗ trợ bố trí biên chế chuyên trách chuyển đổi số.",
    "policy": "Đề nghị Sở Tư pháp chủ trì rà soát, tham mưu sửa đổi quy chế.",
    "awaiting_guidance": "Đề nghị Sở KH&CN đôn đốc, tổng hợp kiến nghị gửi bộ, ngành.",
}
CAUSE_WEIGHTS = (("funding", 30), ("staffing", 20), ("policy", 15),
                 ("awaiting_guidance", 15), ("objective", 12), ("other", 8))
FIRST_NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Thu Dung",
               "Hoàng Quốc Em", "Võ Thị Giang", "Đặng Hữu Hòa", "Bùi Ngọc Khánh")


def _pick(key: str, modulo: int) -> int:
    """A stable choice for a key, independent of the order things are loaded in."""
    return int(hashlib.sha256(f"nq57-demo-followup-{key}".encode()).hexdigest(), 16) % modulo


def _cause(key: str) -> str:
    point = _pick(key, sum(w for _, w in CAUSE_WEIGHTS))
    for cause, weight in CAUSE_WEIGHTS:
        if point < weight:
            return cause
        point -= weight
    raise AssertionError("unreachable")


# What a unit says when its evidence was judged of insufficient quality.
EVIDENCE_REJECTED = Explanation(
    "Bản chụp quyết định chưa rõ chữ ký và con dấu; đơn vị đang bổ sung bản scan đầy đủ "
    "để gửi lại Tổ giúp việc trong kỳ.", "other")


def explanation_for(item: str, period: str, reason: str | None = None) -> Explanation:
    """The demo's explanation of one item in one period (for its status `reason`)."""
    if reason == "evidence_rejected":
        return EVIDENCE_REJECTED
    cause = _cause(f"{item}|{period}")
    texts = TEXTS[cause]
    support = SUPPORT.get(cause) if _pick(f"support|{item}|{period}", 2) == 0 else None
    return Explanation(texts[_pick(f"text|{item}|{period}", len(texts))], cause, support)


def _reporter(unit: str) -> Actor:
    """Who writes a unit's demo explanations: a staff account of that unit, signed like
    the demo's uploads."""
    return Actor(DEMO_AUTHOR, policy.STAFF, frozenset({unit}))


def _explain_period(store: Store, con: duckdb.DuckDBPyConnection, period: str) -> None:
    judged_at: date = store.rows("period", con, period=period)[0]["report_deadline"]
    rows = pd.concat([status.gaps(store, period, as_of=judged_at, item_type=kind, con=con)
                      for kind in ("target", "task")])
    behind = rows[rows["status"].isin(sorted(explanations.NEEDS_EXPLANATION))
                  & rows["actual"].notna()]
    for unit, items in behind.groupby("reporting_unit"):
        codes = [text(code) for code in items["code"]]
        reasons = [text(reason) for reason in items["status_reason"]]
        explanations.record(
            store, con, _reporter(str(unit)), str(unit), period,
            {code: explanation_for(code, period, reason)
             for code, reason in zip(codes, reasons, strict=True)},
            statuses=dict(zip(codes, (text(s) for s in items["status"]), strict=True)),
            at=moment(items["recorded_at"].max()).to_pydatetime())


def _contacts(store: Store, con: duckdb.DuckDBPyConnection, at: datetime) -> None:
    units = store.frame("units", con)
    codes = [text(code) for code in units.loc[units["kind"] != "collective", "code"]]
    for number, code in enumerate(codes, start=1):
        person = FIRST_NAMES[_pick(code, len(FIRST_NAMES))]
        contacts.record(
            store, con, SYSTEM, code,
            name=labels.DEMO_CONTACT_NAME.format(name=person),
            email=f"{code.lower().replace('_', '.')}@{CONTACT_DOMAIN}",
            phone=f"0251 000 {number:04d}", source="demo", at=at)


def load(store: Store, con: duckdb.DuckDBPyConnection, periods: tuple[str, ...],
         at: datetime) -> None:
    """Explanations for the demo periods' behind and red values, and demo contacts,
    inside the demo load's transaction."""
    for period in periods:
        _explain_period(store, con, period)
    _contacts(store, con, at)


def remove(store: Store, con: duckdb.DuckDBPyConnection) -> None:
    """Delete the demo explanations and contacts (before the demo uploads go)."""
    explanations.remove_demo(store, con)
    contacts.remove_demo(store, con)
