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

# A shape for each status, so that status never depends on colour alone. Plain text
# symbols (in DejaVu/Noto), not emoji, so they print and render everywhere.
STATUS_SYMBOLS: dict[str, str] = {
    "achieved": "✔",
    "on_track": "➜",
    "behind": "▼",
    "red": "⚠",
    "no_data": "○",
    "overdue_report": "◷",
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

# --- dashboard pages ------------------------------------------------------------

PAGE_TITLES: dict[str, str] = {
    "overview": "Tổng quan",
    "by_group": "Theo nhóm chỉ tiêu",
    "by_unit": "Theo đơn vị",
    "target_detail": "Chi tiết chỉ tiêu",
    "tasks": "Nhiệm vụ",
}

# The data-entry page, linked from empty states (it may not be installed).
UPLOAD_PAGE_PATH = "nhap-so-lieu"
UPLOAD_PAGE_TITLE = "Nhập số liệu"
# The detail page's address, for links from tables.
DETAIL_PAGE_PATH = "chi-tiet"

FLAG_LABELS: dict[bool, str] = {True: "Có", False: "Không"}

EMPTY_STATES: dict[str, str] = {
    "no_data_period": (
        "Chưa có số liệu kỳ này — tải biểu mẫu ở trang Nhập số liệu để các đơn vị báo cáo."
    ),
    "no_match": (
        "Không có chỉ tiêu nào khớp bộ lọc đang chọn — bỏ bớt đơn vị hoặc nhóm ở thanh bên."
    ),
    "no_tasks": (
        "Không có nhiệm vụ nào do các đơn vị đang chọn chủ trì — bỏ bớt đơn vị ở thanh bên."
    ),
    "no_red": "Không có chỉ tiêu nào bị cảnh báo đỏ trong kỳ này.",
    "no_history": (
        "Chỉ tiêu này chưa có lần báo cáo nào — tải biểu mẫu ở trang Nhập số liệu."
    ),
    "no_series": "Chưa có số liệu quý nào của năm cho chỉ tiêu này.",
    "no_horizon": "Chỉ tiêu này không có chỉ tiêu tương ứng đến năm 2030 trong các văn bản.",
    "no_ongoing": "Không có nhiệm vụ thường xuyên.",
    "group_ignored_on_tasks": (
        "Nhiệm vụ không thuộc nhóm chỉ tiêu nào nên bộ lọc nhóm không áp dụng ở trang này."
    ),
}

# Column headers of every table the dashboard shows and exports.
COLUMN_LABELS: dict[str, str] = {
    "rank": "Hạng",
    "code": "Mã",
    "name": "Chỉ tiêu",
    "title": "Nhiệm vụ",
    "section": "Phần",
    "unit_name": "Đơn vị",
    "lead_unit_short": "Đơn vị chủ trì",
    "unit_of_measure": "Đơn vị tính",
    "threshold": "Chỉ tiêu năm",
    "baseline": "Giá trị nền",
    "actual": "Thực hiện",
    "expected": "Theo lộ trình",
    "completion": "Mức hoàn thành",
    "gap": "Còn thiếu",
    "status": "Tình trạng",
    "reason": "Lý do",
    "link": "Chi tiết",
    "items": "Số mục",
    "achieved_share": "Đạt",
    "on_track_share": "Đúng tiến độ",
    "behind_share": "Chậm tiến độ",
    "red_share": "Cảnh báo đỏ",
    "unreported_share": "Chưa báo cáo",
    "reported_items": "Đã báo cáo",
    "reported_share": "Tỷ lệ đã báo cáo",
    "report_deadline": "Hạn báo cáo",
    "first_reported_at": "Báo cáo lần đầu",
    "reporting_status": "Tình trạng báo cáo",
    "days_late": "Số ngày trễ",
    "deadline": "Thời hạn",
    "deadline_text": "Thời hạn (theo kế hoạch)",
    "output": "Sản phẩm đầu ra",
    "period": "Kỳ báo cáo",
    "value": "Giá trị",
    "recorded_at": "Thời điểm ghi nhận",
    "recorded_by": "Người báo cáo",
    "reporting_unit": "Đơn vị báo cáo",
    "upload": "Lần nhập",
    "file_name": "Tệp",
    "revoked": "Đã thu hồi",
    "current": "Đang dùng",
    "note": "Ghi chú",
    "evidence": "Minh chứng",
}

TABLE_TITLES: dict[str, str] = {
    "gaps": "Khoảng cách so với chỉ tiêu",
    "units": "Xếp hạng đơn vị chủ trì",
    "completeness": "Tình hình báo cáo",
    "tasks": "Nhiệm vụ",
    "history": "Lịch sử báo cáo",
}

REPORTING_STATUS_LABELS: dict[str, str] = {
    "missing": "Chưa báo cáo, quá hạn",
    "late": "Báo cáo muộn",
    "not_due": "Chưa đến hạn",
    "on_time": "Đúng hạn",
}
REPORTING_STATUS_SYMBOLS: dict[str, str] = {
    "missing": "⚠", "late": "◷", "not_due": "○", "on_time": "✔",
}

PROJECTION_VERDICTS: dict[str, str] = {
    "achieved": "Dự báo đạt",
    "not_achieved": "Dự báo không đạt",
    "unknown": "Chưa đủ số liệu để dự báo",
}

PROJECTION_METHODS: dict[str, str] = {
    "no_points": "Chưa có quý nào được báo cáo nên chưa thể dự báo.",
    "too_few": (
        "Chỉ tiêu dạng mức cần ít nhất hai điểm (giá trị nền năm trước hoặc hai quý đã báo "
        "cáo) để vẽ xu hướng; hiện mới có {points}."
    ),
    "complete": "Đã có số liệu đến hết thời hạn: dự báo chính là giá trị đã báo cáo, {value}.",
    "pace": (
        "Tính lũy kế từ đầu năm (đầu năm bằng 0): đường thẳng đi qua gốc khớp nhất (bình "
        "phương nhỏ nhất) với {points}, tức nhịp độ bình quân {rate} mỗi quý; giữ nhịp độ "
        "đó đến cuối năm được khoảng {value}."
    ),
    "progress": (
        "Chỉ tiêu định tính, theo dõi bằng mức hoàn thành (đầu năm bằng 0%): đường thẳng "
        "đi qua gốc khớp nhất (bình phương nhỏ nhất) với {points}, tức bình quân thêm {rate} "
        "mỗi quý; giữ nhịp độ đó đến cuối năm được khoảng {value}."
    ),
    "trend": (
        "Chỉ tiêu dạng mức (tính giá trị mới nhất): đường thẳng khớp nhất (bình phương nhỏ "
        "nhất) qua {points}, kéo dài đến cuối năm được khoảng {value}."
    ),
    "clipped_low": " Xu hướng xuống dưới {low} nên dự báo được lấy bằng {low}.",
    "clipped_high": " Xu hướng vượt {high} nên dự báo được giới hạn ở {high}.",
}

# How the points a projection uses are named in its sentence.
PROJECTION_POINTS: dict[str, str] = {
    "quarters": "{n} quý đã báo cáo",
    "baseline_and_quarters": "giá trị nền cuối năm trước và {n} quý đã báo cáo",
}

DETAIL_TEXTS: dict[str, str] = {
    "trajectory": "Lộ trình năm {year}",
    "projection": "Dự báo cuối năm",
    "path_2030": "Lộ trình đến năm 2030",
    "lead": "Đơn vị chủ trì: {unit}",
    "lead_assumed": " (phân công theo chức năng, chưa được văn bản nêu rõ)",
    "coord": "Phối hợp: {units}",
    "source": "Nguồn: {doc} — «{text}»",
    "kind": "Cách tính: {kind}",
}

OVERVIEW_TEXTS: dict[str, str] = {
    "by_group": "Tình trạng theo nhóm chỉ tiêu",
    "red": "Cảnh báo đỏ",
    "completeness": "Tình hình báo cáo của các đơn vị",
    "completeness_summary": (
        "{reported}/{expected} đơn vị đã báo cáo · {late} báo cáo muộn · "
        "{missing} quá hạn chưa báo cáo · hạn báo cáo {deadline}"
    ),
    "gaps": "Bảng khoảng cách",
    "change_none": "không đổi",
    "change": "{change:+d} so với {period}",
    "change_caption": "Mũi tên dưới mỗi số: thay đổi so với {period}.",
    "lead_unit": "Đơn vị chủ trì: {unit}",
    "open_detail": "Xem chi tiết",
}

UNIT_TEXTS: dict[str, str] = {
    "ranking": "Xếp hạng đơn vị chủ trì",
    "ranking_note": (
        "Xếp theo tỷ lệ mục đạt hoặc đúng tiến độ (cao trước), rồi tỷ lệ cảnh báo đỏ và tỷ "
        "lệ chưa báo cáo (thấp trước)."
    ),
    "heatmap": "Số mục theo đơn vị và tình trạng",
    "drill": "Chi tiết một đơn vị",
    "drill_pick": "Chọn đơn vị",
    "targets": "Chỉ tiêu do đơn vị chủ trì",
    "tasks": "Nhiệm vụ do đơn vị chủ trì",
    "no_tasks": "Đơn vị này không chủ trì nhiệm vụ nào.",
}

TASK_TEXTS: dict[str, str] = {
    "timeline": "Thời hạn các nhiệm vụ",
    "table": "Danh sách nhiệm vụ",
    "ongoing": "Nhiệm vụ thường xuyên (không có thời hạn cụ thể)",
}

SHARE_TEXTS: dict[str, str] = {
    "label": "Chia sẻ đường dẫn tới đúng màn hình này",
    "help": "Sao chép đường dẫn: người nhận mở ra sẽ thấy cùng kỳ báo cáo và bộ lọc.",
}

DOWNLOAD_TEXTS: dict[str, str] = {
    "csv": "Tải CSV",
    "xlsx": "Tải Excel",
    "pdf": "Tải báo cáo PDF",
}

FILTER_TEXTS: dict[str, str] = {
    "period": "Kỳ báo cáo: {value}",
    "units": "Đơn vị chủ trì: {value}",
    "group": "Nhóm chỉ tiêu: {value}",
    "all_units": "tất cả các đơn vị",
    "all_groups": "tất cả các nhóm",
}

PDF_TEXTS: dict[str, str] = {
    "title": "Báo cáo nhanh tình hình thực hiện chỉ tiêu",
    "as_of": "Đánh giá đến ngày {day}; lập lúc {moment}.",
    "counts": "Số chỉ tiêu theo tình trạng",
    "red": "Cảnh báo đỏ",
    "no_red": "Không có chỉ tiêu nào bị cảnh báo đỏ.",
    "gaps": "Bảng khoảng cách",
    "page": "Trang {page}/{pages}",
    "demo": "Lưu ý: số liệu minh họa, không phải số liệu báo cáo thật.",
}

CHART_TEXTS: dict[str, str] = {
    "items": "Số mục",
    "share_of_items": "Tỷ lệ số mục",
    "share_of_threshold": "% so với chỉ tiêu năm",
    "threshold": "Chỉ tiêu năm",
    "threshold_high": "Cận trên",
    "expected": "Theo lộ trình đến kỳ này",
    "trajectory": "Lộ trình",
    "actual": "Thực hiện",
    "baseline": "Giá trị nền năm trước",
    "projection": "Dự báo cuối năm",
    "path_2030": "Lộ trình đến 2030 ({code})",
    "target_2026": "Chỉ tiêu 2026",
    "target_2030": "Chỉ tiêu 2030",
    "latest": "Thực hiện gần nhất",
    "today": "Hôm nay",
    "deadline": "Thời hạn",
    "no_value": "chưa có số liệu",
    "values": "Thực hiện và tình trạng",
    "year_end": "Cuối {year}",
}
