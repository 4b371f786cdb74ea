"""Every word a person reads, and the status palette, in one place.

Code speaks English; people read Vietnamese. Keeping the wording here keeps it
consistent between the dashboard, the Excel files, the exports and the CLI.
"""

from __future__ import annotations

APP_TITLE = "NQ57 Đồng Nai"
APP_SUBTITLE = (
    "Theo dõi chỉ tiêu khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2026 "
    "(Nghị quyết 57-NQ/TW, Kế hoạch 03-KH/BCĐ)"
)

# --- status ---------------------------------------------------------------------

# From best to worst; charts stack in this order.
STATUSES: tuple[str, ...] = (
    "achieved", "on_track", "behind", "red", "overdue_report", "no_data",
)

# Most urgent first; lists of targets are sorted this way ("red warnings first").
STATUS_URGENCY: tuple[str, ...] = (
    "red", "overdue_report", "behind", "no_data", "on_track", "achieved",
)

STATUS_LABELS: dict[str, str] = {
    "achieved": "Đạt",
    "on_track": "Đúng tiến độ",
    "behind": "Chậm tiến độ",
    "red": "Cảnh báo đỏ",
    "no_data": "Chưa báo cáo",
    "overdue_report": "Quá hạn báo cáo",
}

# A shape for each status, so that status never depends on colour alone.
STATUS_SYMBOLS: dict[str, str] = {
    "achieved": "✔",
    "on_track": "➜",
    "behind": "▼",
    "red": "⚠",
    "no_data": "○",
    "overdue_report": "⏰",
}

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
STATUS_COLORS: dict[str, str] = {
    "achieved": "#009E73",
    "on_track": "#56B4E9",
    "behind": "#E69F00",
    "red": "#D55E00",
    "overdue_report": "#CC79A7",
    "no_data": "#999999",
}

STATUS_REASONS: dict[str, str] = {
    "report_overdue": "Đã quá hạn báo cáo ({report_deadline}) mà chưa có số liệu",
    "not_reported": "Chưa có số liệu kỳ này (hạn báo cáo {report_deadline})",
    "achieved": "Đã đạt chỉ tiêu",
    "deadline_passed": "Đã quá thời hạn {deadline} mà chưa đạt",
    "no_baseline": "Chưa đạt; chưa có giá trị nền để tính lộ trình",
    "on_trajectory": "Hoàn thành {completion} so với lộ trình {elapsed}",
    "below_trajectory": "Hoàn thành {completion}, thấp hơn lộ trình {elapsed}",
    "below_half_trajectory": "Hoàn thành {completion}, chưa bằng một nửa lộ trình {elapsed}",
}


def status_label(status: str) -> str:
    """Symbol and words, e.g. '⚠ Cảnh báo đỏ'."""
    return f"{STATUS_SYMBOLS[status]} {STATUS_LABELS[status]}"


# --- catalogue vocabulary -------------------------------------------------------

COMPARATOR_LABELS: dict[str, str] = {
    ">=": "≥",
    ">": ">",
    "<=": "≤",
    "<": "<",
    "=": "=",
    "between": "trong khoảng",
    "qualitative": "định tính",
}

KIND_LABELS: dict[str, str] = {
    "level": "Mức (giá trị mới nhất)",
    "cumulative": "Lũy kế trong năm",
}

ITEM_TYPE_LABELS: dict[str, str] = {"target": "Chỉ tiêu", "task": "Nhiệm vụ"}

UNIT_KIND_LABELS: dict[str, str] = {
    "department": "Sở, ngành",
    "center": "Trung tâm",
    "office": "Phòng, đơn vị trực thuộc",
    "party_body": "Cơ quan Đảng",
    "armed_forces": "Lực lượng vũ trang",
    "front": "Mặt trận",
    "government": "Chính quyền tỉnh",
    "board": "Ban quản lý",
    "commune": "Cấp xã",
    "collective": "Nhóm đơn vị",
    "other": "Khác",
}

# --- messages -------------------------------------------------------------------

MESSAGES: dict[str, str] = {
    "store_busy": (
        "Cơ sở dữ liệu {path} đang được một tiến trình khác ghi (có thể là bảng điều khiển "
        "hoặc một lệnh khác). Vui lòng thử lại sau ít phút."
    ),
    "unknown_unit": "Không có đơn vị mã «{code}». Các mã hiện có: {known}.",
    "unknown_period": "Không có kỳ báo cáo «{code}». Các kỳ hiện có: {known}.",
    "malformed_period": (
        "Không hiểu kỳ báo cáo «{text}». Hãy viết theo dạng 2026-Q2, Q2/2026 hoặc Quý II/2026."
    ),
    "unknown_group": "Không có nhóm chỉ tiêu «{code}». Các nhóm hiện có: {known}.",
    "unknown_item": "Không có chỉ tiêu hoặc nhiệm vụ mã «{code}».",
    "bad_date": "Không hiểu ngày «{text}». Hãy viết theo dạng YYYY-MM-DD, ví dụ 2026-06-30.",
    "no_database": (
        "Chưa có cơ sở dữ liệu tại {path}. Hãy chạy: python -m nq57 init (thêm --demo để nạp "
        "số liệu minh họa)."
    ),
    "demo_banner": (
        "Số liệu đang hiển thị là số liệu minh họa, không phải số liệu báo cáo thật. "
        "Quản trị viên có thể xóa bằng lệnh: python -m nq57 demo remove"
    ),
}

# --- backup and restore ---------------------------------------------------------

BACKUP_MESSAGES: dict[str, str] = {
    "target_not_empty": (
        "Thư mục {path} đã có tệp. Bản sao lưu chỉ được ghi vào một thư mục mới hoặc trống, "
        "để không ghi đè bản sao lưu cũ."
    ),
    "cannot_write": "Không ghi được bản sao lưu vào {path}: {error}",
    "not_a_backup": "{path} không phải là một bản sao lưu NQ57 (thiếu hoặc hỏng manifest.json).",
    "unknown_format": (
        "Bản sao lưu {path} có định dạng phiên bản {version}, phần mềm này không đọc được."
    ),
    "damaged": (
        "Bản sao lưu {path} bị hỏng hoặc thiếu: tệp {file} không khớp với manifest.json. "
        "Không khôi phục gì."
    ),
    "newer_schema": (
        "Bản sao lưu {path} được tạo bởi phiên bản mới hơn (lược đồ {version}, phần mềm này "
        "chỉ biết đến {latest}). Hãy cập nhật phần mềm trước khi khôi phục."
    ),
    "schema_mismatch": (
        "Các bảng trong bản sao lưu {path} không khớp với lược đồ cùng phiên bản. "
        "Không khôi phục gì."
    ),
    "would_replace": (
        "Cơ sở dữ liệu {path} đang có {count} giá trị do các đơn vị báo cáo. Khôi phục sẽ thay "
        "thế toàn bộ; nếu chắc chắn, chạy lại với --force (tệp hiện tại vẫn được giữ lại bên "
        "cạnh)."
    ),
    "backup_done": "Đã sao lưu {tables} bảng ({rows} dòng) vào {path}.",
    "restore_done": (
        "Đã khôi phục {tables} bảng ({rows} dòng) từ bản sao lưu lúc {created_at} vào {path}."
    ),
    "restore_kept": "Cơ sở dữ liệu trước khi khôi phục được giữ tại {path}.",
}
