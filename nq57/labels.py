"""Every word a person reads, and the status palette, in one place.

Code speaks English; people read Vietnamese. Keeping the wording here keeps it
consistent between the dashboard, the Excel files, the exports and the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass

APP_TITLE = "NQ57 Đồng Nai"
APP_SUBTITLE = (
    "Theo dõi chỉ tiêu khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2026 "
    "(Nghị quyết 57-NQ/TW, Kế hoạch 03-KH/BCĐ)"
)

# --- status ---------------------------------------------------------------------


@dataclass(frozen=True)
class StatusInfo:
    """One status of an item: everything a page, a file, the CLI or SQL knows of it.

    tone: "good" (counts as fine), "watch" (needs attention), "alarm" (a red warning),
    "missing" (nothing reported). urgency: 1 is the most urgent; lists put urgent
    items first and a parent task takes the most urgent status of its parts.
    verified_only: a status only the `verified_status` column gives (evidence review),
    never the official `status` the counts read.
    """

    code: str
    label: str
    symbol: str      # a shape, so status never depends on colour alone
    colour: str      # Okabe–Ito where it has room: told apart with colour-vision deficiencies
    pattern: str     # the fill pattern of its bar segments
    marker: str      # its marker in charts of points
    tone: str
    urgency: int
    verified_only: bool = False


# THE list of statuses, best to worst (the order of counts, charts and exports). The
# store's `statuses` table is filled from it, so SQL, pages, files and the CLI all
# read these rows: a new status is one row here (and the rule in SQL that gives it,
# with its reasons in STATUS_REASONS). Plain text symbols (in DejaVu/Noto), not emoji.
STATUS_LIST: tuple[StatusInfo, ...] = (
    StatusInfo("achieved", "Đạt", "✔", "#009E73", "", "circle", "good", 10),
    # achieved by its numbers, its evidence not yet reviewed (verified view only)
    StatusInfo("awaiting_review", "Chờ thẩm định", "◔", "#80CFB9", "/", "circle-dot", "good",
               8, verified_only=True),
    StatusInfo("on_track", "Đúng tiến độ", "➜", "#56B4E9", "/", "triangle-right", "good", 9),
    # reported achieved without evidence: not counted as achieved (030_review.sql)
    StatusInfo("awaiting_evidence", "Chờ minh chứng", "✎", "#F0E442", "|", "diamond-open",
               "watch", 6),
    StatusInfo("behind", "Chậm tiến độ", "▼", "#E69F00", "x", "triangle-down", "watch", 4),
    # evidence sent back: scores nothing until the unit completes it (030_review.sql)
    StatusInfo("awaiting_completion", "Chờ hoàn thiện", "↺", "#0072B2", "+", "hourglass",
               "watch", 3),
    StatusInfo("red", "Cảnh báo đỏ", "⚠", "#D55E00", "\\", "x", "alarm", 1),
    StatusInfo("no_basis", "Chưa đủ căn cứ", "◇", "#555555", ".", "hexagon-open", "watch", 5),
    StatusInfo("overdue_report", "Quá hạn báo cáo", "◷", "#CC79A7", ".", "square", "missing",
               2),
    StatusInfo("no_data", "Chưa báo cáo", "○", "#999999", "-", "circle-open", "missing", 7),
)
STATUS_INFO: dict[str, StatusInfo] = {s.code: s for s in STATUS_LIST}

# From best to worst; charts stack in this order. These are the official statuses
# (the `status` column); "awaiting_review" exists only as a verified status.
STATUSES: tuple[str, ...] = tuple(s.code for s in STATUS_LIST if not s.verified_only)

# Statuses as verified after evidence review (the `verified_status` column): an item
# reported achieved whose evidence waits for review is "awaiting_review" here.
VERIFIED_STATUSES: tuple[str, ...] = tuple(s.code for s in STATUS_LIST)

# Most urgent first; lists of targets are sorted this way ("red warnings first").
STATUS_URGENCY: tuple[str, ...] = tuple(
    s.code for s in sorted(STATUS_LIST, key=lambda s: s.urgency))

STATUS_LABELS: dict[str, str] = {s.code: s.label for s in STATUS_LIST}
STATUS_SYMBOLS: dict[str, str] = {s.code: s.symbol for s in STATUS_LIST}
STATUS_COLORS: dict[str, str] = {s.code: s.colour for s in STATUS_LIST}
STATUS_TONES: dict[str, str] = {s.code: s.tone for s in STATUS_LIST}

# Why an item has its status, for every reason code SQL gives (nq57_status_reason and
# the roll-up of parts). Filled in by status.explain().
STATUS_REASONS: dict[str, str] = {
    "report_overdue": "Đã quá hạn báo cáo ({report_deadline}) mà chưa có số liệu",
    "not_reported": "Chưa có số liệu kỳ này (hạn báo cáo {report_deadline})",
    "deadline_passed_unreported": "Đã quá thời hạn {deadline} mà chưa có số liệu báo cáo",
    "achieved": "Đã đạt chỉ tiêu",
    "deadline_passed": "Đã quá thời hạn {deadline} mà chưa đạt",
    "below_threshold": (
        "Giá trị nền đã đạt ngưỡng nhưng nay thấp hơn ngưỡng: bằng {completion} ngưỡng"
    ),
    "below_half_threshold": (
        "Giá trị nền đã đạt ngưỡng nhưng nay chỉ bằng {completion} ngưỡng, dưới mức cảnh "
        "báo {red_factor}"
    ),
    "no_baseline": (
        "Chưa có số liệu gốc (cuối năm {baseline_year}) và mới có một số liệu trong năm nên "
        "chưa xác định được tiến độ; hãy báo cáo giá trị cuối năm {baseline_year}"
    ),
    "on_trajectory": "Hoàn thành {completion} so với lộ trình {elapsed}",
    "below_trajectory": "Hoàn thành {completion}, thấp hơn lộ trình {elapsed}",
    "below_half_trajectory": "Hoàn thành {completion}, chưa bằng một nửa lộ trình {elapsed}",
    # set by the review regime (queries/definitions/030_review.sql)
    "evidence_missing": "Báo cáo đạt nhưng chưa có minh chứng nên chưa được tính là đạt",
    "achieved_pending_review": "Đã đạt theo báo cáo; minh chứng đang chờ thẩm định",
    "evidence_sent_back": (
        "Minh chứng bị trả lại, chờ đơn vị hoàn thiện; chưa được tính kết quả"),
    "evidence_rejected": (
        "Minh chứng bị đánh giá không đạt chất lượng khi thẩm định"),
    # the roll-up of a parent task from its parts (nq57_gaps_for)
    "all_parts_achieved": "Tất cả {parts} phần đã đạt",
    "weakest_part": (
        "{parts_achieved}/{parts} phần đã đạt; phần chậm nhất: {weakest_part} "
        "({weakest_status})"
    ),
}

# What explain() adds when the value or the baseline is not this period's own report.
STATUS_REASON_NOTES: dict[str, str] = {
    "carried": "số liệu {value_period}",
    "report_missing": "kỳ này chưa báo cáo, quá hạn {report_deadline}",
    "estimated": "giá trị nền ước tính từ số liệu {baseline_from} (chưa có số liệu gốc)",
}

# Where the baseline of a row comes from (column baseline_source).
BASELINE_SOURCE_LABELS: dict[str, str] = {
    "reported": "số liệu gốc",
    "estimated": "ước tính — chưa có số liệu gốc",
    "none": "chưa có số liệu gốc",
    "zero": "tính từ 0",
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
    "database_damaged": (
        "Tệp cơ sở dữ liệu {path} bị hỏng (bị cắt cụt hoặc không phải cơ sở dữ liệu) nên "
        "không mở được; hệ thống không ghi gì vào tệp này. Cách khôi phục từ bản sao lưu: "
        "dừng bảng điều khiển, rồi chạy python -m nq57 restore THƯ_MỤC_SAO_LƯU (tệp hỏng "
        "được giữ lại bên cạnh để kiểm tra). Nếu chưa có bản sao lưu, hãy báo quản trị viên."
    ),
    "disk_full": (
        "Không ghi được vào {path}: ổ đĩa đã đầy (hoặc vượt giới hạn dung lượng). Thao tác "
        "vừa rồi chưa được lưu; số liệu đã lưu trước đó không bị ảnh hưởng. Hãy giải phóng "
        "dung lượng ổ đĩa rồi thử lại."
    ),
    "unknown_unit": "Không có đơn vị mã «{code}». Các mã hiện có: {known}.",
    "unknown_period": "Không có kỳ báo cáo «{code}». Các kỳ hiện có: {known}.",
    "malformed_period": (
        "Không hiểu kỳ báo cáo «{text}». Hãy viết theo dạng 2026-Q2, Q2/2026 hoặc Quý II/2026 "
        "(kỳ tháng: 2026-05 hoặc Tháng 5/2026)."
    ),
    "months": "các tháng",
    "unknown_group": "Không có nhóm chỉ tiêu «{code}». Các nhóm hiện có: {known}.",
    "unknown_item": "Không có chỉ tiêu hoặc nhiệm vụ mã «{code}».",
    "need_reason": "Hãy ghi lý do (văn bản, quyết định) của việc thay đổi.",
    "bad_date": "Không hiểu ngày «{text}». Hãy viết theo dạng YYYY-MM-DD, ví dụ 2026-06-30.",
    "no_database": (
        "Chưa có cơ sở dữ liệu tại {path}. Hãy chạy: python -m nq57 init (thêm --demo để nạp "
        "số liệu minh họa)."
    ),
    "demo_output": (
        "Lưu ý: cơ sở dữ liệu đang có số liệu minh họa, không phải số liệu báo cáo thật "
        "(xóa bằng: python -m nq57 demo remove)."
    ),
    "demo_file": "Lưu ý: số liệu minh họa, không phải số liệu báo cáo thật.",
    "demo_banner": (
        "Số liệu đang hiển thị là số liệu minh họa, không phải số liệu báo cáo thật. "
        "Quản trị viên có thể xóa bằng lệnh: python -m nq57 demo remove"
    ),
}

# What `python -m nq57` says after the catalogue, settings and demo commands.
CLI_MESSAGES: dict[str, str] = {
    "created": "Đã tạo cơ sở dữ liệu {path}",
    "checked": "Đã kiểm tra cơ sở dữ liệu {path}",
    "migrations_applied": "Đã áp dụng: {migrations}",
    "catalogue_loaded": "Đã nạp danh mục chỉ tiêu, nhiệm vụ và đơn vị từ data/.",
    "demo_present": "Số liệu minh họa đã có sẵn.",
    "demo_loaded": "Đã nạp số liệu minh họa ({first} đến {last}).",
    "demo_removed": "Đã xóa số liệu minh họa; số liệu báo cáo thật giữ nguyên.",
    "lead_assigned": "Đã giao {item} cho đơn vị {unit} chủ trì.",
    "setting_usage": ("Hãy viết --set KHÓA=GIÁ_TRỊ, ví dụ --set red_factor=0.5 "
                      "(nhận được «{given}»)."),
    "setting_stored": "Đã đặt {key} = {value}",
    "need_user": "Hãy cho biết tài khoản thực hiện: --user TÊN (hoặc biến môi trường NQ57_USER).",
}

# --- dashboard pages ------------------------------------------------------------

PAGE_TITLES: dict[str, str] = {
    "overview": "Tổng quan",
    "alerts": "Cảnh báo",
    "by_group": "Theo nhóm chỉ tiêu",
    "by_unit": "Theo đơn vị",
    "target_detail": "Chi tiết chỉ tiêu",
    "tasks": "Nhiệm vụ",
    "upload_history": "Lịch sử nhập số liệu",
    "audit_log": "Nhật ký hệ thống",
    "admin_accounts": "Tài khoản",
    "admin_catalogue": "Sửa danh mục",
    "admin_units": "Đơn vị",
    "sign_in": "Đăng nhập",
    "no_access": "Chưa được cấp quyền",
    "briefing": "Báo cáo",
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
    "exceeded": "Vượt chỉ tiêu",
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
    "baseline_source": "Nguồn giá trị nền",
    "value_period": "Số liệu kỳ",
    "coord_names": "Đơn vị phối hợp",
    "measured": "Thực hiện",
    "kpi": "KPI",
    "measure": "Cách đo",
    "happened_at": "Thời điểm",
    "actor": "Tài khoản",
    "actor_role": "Vai trò",
    "audit_action": "Việc",
    "object_type": "Đối tượng",
    "object_id": "Mã đối tượng",
    "before": "Trước",
    "after": "Sau",
    "estimate": "Ước thực hiện",
}
# A count and a share column per status of the list, headed by its label.
COLUMN_LABELS |= {s.code: s.label for s in STATUS_LIST}
COLUMN_LABELS |= {f"{s.code}_share": s.label for s in STATUS_LIST}

# Words the tables put around catalogue text.
TABLE_TEXTS: dict[str, str] = {
    "part": "↳ {title}",
    "assumed_deadline": "{text} (giả định)",
    "parts_threshold": "đạt tất cả các phần",
}

# How an item is measured (column measure of gaps rows).
MEASURE_LABELS: dict[str, str] = {
    "completion": "% hoàn thành",
    "level": "Mức (giá trị mới nhất)",
    "cumulative": "Lũy kế trong năm",
    "parts": "Theo các phần",
}

TABLE_TITLES: dict[str, str] = {
    "gaps": "Khoảng cách so với chỉ tiêu",
    "units": "Xếp hạng đơn vị chủ trì",
    "completeness": "Tình hình báo cáo",
    "tasks": "Nhiệm vụ",
    "history": "Lịch sử báo cáo",
    "audit": "Nhật ký hệ thống",
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
    "data_unit": "Số liệu do {unit} cung cấp",
    "baseline": "Giá trị nền: {value} ({source})",
    "no_baseline": (
        "Chưa có số liệu gốc (giá trị cuối năm trước): đơn vị báo cáo ở biểu mẫu kỳ Quý IV "
        "năm trước để có lộ trình"
    ),
    "threshold_assumed": " (ngưỡng chưa đọc được trong bản quét, tạm lấy theo văn bản khác)",
    "estimate": (
        "Số liệu kỳ này là ước thực hiện: được báo cáo ngày {recorded}, trước khi kỳ kết "
        "thúc ({end})."
    ),
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
    "rules": (
        "Nhiệm vụ có KPI định lượng (ví dụ «80% cán bộ được bồi dưỡng», «84 nền tảng») được "
        "đánh giá theo chính KPI đó, như một chỉ tiêu; các nhiệm vụ khác theo % hoàn thành. "
        "Nhiệm vụ có nhiều phần đạt khi mọi phần đạt, nếu không mang tình trạng của phần "
        "chậm nhất; mỗi nhiệm vụ được đếm một lần."
    ),
}

# Words Streamlit writes itself, in English, with no parameter to change them; the
# dashboard's style sheet shows these in their place (ui/widgets.vietnamese_builtins).
BUILTIN_TEXTS: dict[str, str] = {
    "upload_button": "Chọn tệp",
    "upload_hint": "hoặc kéo thả tệp vào đây",
    "select_all": "Chọn tất cả",
}

SHARE_TEXTS: dict[str, str] = {
    "label": "Chia sẻ đường dẫn tới đúng màn hình này",
    "help": "Sao chép đường dẫn: người nhận mở ra sẽ thấy cùng kỳ báo cáo và bộ lọc.",
}

DOWNLOAD_TEXTS: dict[str, str] = {
    "csv": "Tải CSV",
    "xlsx": "Tải Excel",
}

FILTER_TEXTS: dict[str, str] = {
    "period": "Kỳ báo cáo: {value}",
    "units": "Đơn vị chủ trì: {value}",
    "group": "Nhóm chỉ tiêu: {value}",
    "all_units": "tất cả các đơn vị",
    "all_groups": "tất cả các nhóm",
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
    "baseline_estimated": "Giá trị nền ước tính (chưa có số liệu gốc)",
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

# --- Excel round trip (template, upload, validation, revisions) -------------------

EXCEL_SHEET_ENTRY = "Nhập số liệu"
EXCEL_SHEET_HELP = "Hướng dẫn"

# Header names of the entry sheet. The import finds a column by the folded start of
# its header, so "Giá trị thực hiện (lũy kế)" is the value column too.
EXCEL_HEADERS: dict[str, str] = {
    "code": "Mã chỉ tiêu",
    "group": "Nhóm",
    "name": "Tên chỉ tiêu, nhiệm vụ",
    "unit_of_measure": "Đơn vị tính",
    "threshold": "Chỉ tiêu năm",
    "how": "Cách tính",
    "last": "Đã báo cáo gần nhất",
    "value": "Giá trị thực hiện",
    "note": "Ghi chú",
    "evidence": "Minh chứng",
    "period": "Kỳ báo cáo",
    "unit": "Đơn vị báo cáo",
    "errors": "Lỗi cần sửa",
}

EXCEL_HOW: dict[str, str] = {
    "level": "Giá trị tại cuối kỳ",
    "cumulative": "Lũy kế từ đầu năm đến cuối kỳ",
    "completion": "% hoàn thành (0–100)",
}

EXCEL_TITLE = "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU, NHIỆM VỤ NĂM {year}"
EXCEL_SUBTITLE = "Nghị quyết 57-NQ/TW · Kế hoạch 03-KH/BCĐ tỉnh Đồng Nai"
EXCEL_UNIT_LINE = "Đơn vị báo cáo: {name} (mã {code})"
EXCEL_PERIOD_LINE = "Kỳ báo cáo: {label} ({code}) · Hạn gửi báo cáo: {deadline}"
EXCEL_ENTRY_HINT = (
    "Chỉ nhập vào các ô nền vàng: Giá trị thực hiện, Ghi chú, Minh chứng; mục chậm tiến "
    "độ cần thêm Giải trình, Nguyên nhân (và Đề xuất hỗ trợ nếu có). Để trống nếu chưa có "
    "số liệu. Xem cách ghi số ở trang «Hướng dẫn»."
)
EXCEL_LAST_NONE = "Chưa báo cáo"
EXCEL_TASK_NAME = "{name} — KPI: {kpi}"
EXCEL_BASELINE_MISSING = (
    " · Chưa có số liệu gốc (cuối năm {year}): hãy báo cáo ở biểu mẫu kỳ Quý IV/{year}"
)
EXCEL_BASELINE_REMINDER = (
    "Một số chỉ tiêu, nhiệm vụ dưới đây chưa có số liệu gốc (giá trị cuối năm {year}); "
    "thiếu số liệu này, hệ thống chỉ ước tính được giá trị nền và chưa đánh giá được tiến "
    "độ. Hãy tải và gửi biểu mẫu kỳ Quý IV/{year} (cột «Cách tính» ghi rõ mục nào)."
)
EXCEL_BASELINE_PERIOD = (
    "Biểu mẫu này nhận số liệu gốc: giá trị cuối năm của các chỉ tiêu, nhiệm vụ đo theo "
    "mức (tỷ lệ, số hiện có), làm điểm xuất phát cho lộ trình năm {year}."
)
EXCEL_DEMO_NOTE = (
    "Lưu ý: cột «Đã báo cáo gần nhất» đang lấy từ số liệu minh họa, không phải số liệu báo "
    "cáo thật."
)
EXCEL_LAST_OF = "{value} ({period})"
EXCEL_INPUT_TITLE = "Giá trị thực hiện"
EXCEL_INPUT_PROMPT: dict[str, str] = {
    "percent": "Nhập tỷ lệ % từ 0 đến 100, ví dụ 85,5",
    "count": "Nhập số nguyên từ 0 trở lên, lũy kế từ đầu năm nếu chỉ tiêu tính lũy kế",
    "decimal": "Nhập một số từ 0 trở lên",
    "completion": "Chọn hoặc nhập mức hoàn thành % từ 0 đến 100",
}
EXCEL_INPUT_ERROR: dict[str, str] = {
    "percent": "Tỷ lệ phải là một số từ 0 đến 100.",
    "count": "Số lượng phải là số nguyên từ 0 trở lên.",
    "decimal": "Giá trị phải là một số từ 0 trở lên.",
    "completion": "Mức hoàn thành phải là một số từ 0 đến 100.",
}

# The instructions sheet, one paragraph a row. The value rules are the same text the
# README states and the tests exercise (nq57.excel.values).
EXCEL_INSTRUCTIONS: tuple[tuple[str, str], ...] = (
    ("title", "HƯỚNG DẪN ĐIỀN BIỂU MẪU BÁO CÁO"),
    ("head", "1. Các bước"),
    ("text", "Bước 1. Tải biểu mẫu của đơn vị và kỳ báo cáo tại trang «Nhập số liệu» của "
             "bảng điều khiển (biểu mẫu đã có sẵn các chỉ tiêu, nhiệm vụ đơn vị chủ trì báo cáo)."),
    ("text", "Bước 2. Nhập số liệu vào các ô nền vàng của trang «Nhập số liệu». Các ô khác "
             "được khóa để tránh sửa nhầm."),
    ("text", "Bước 3. Lưu tệp dưới dạng .xlsx và tải lên tại trang «Nhập số liệu». Hệ thống "
             "kiểm tra và hiển thị trước các giá trị sẽ được ghi nhận; chỉ khi bấm «Xác nhận» "
             "số liệu mới được lưu."),
    ("text", "Nếu tệp có lỗi, không giá trị nào được lưu. Tải về tệp đã đánh dấu lỗi (thêm cột "
             "«Lỗi cần sửa»), sửa các ô được tô đỏ rồi tải lên lại."),
    ("head", "2. Nhập giá trị thực hiện"),
    ("text", "Chỉ tiêu tính lũy kế (ví dụ số doanh nghiệp, số nhiệm vụ): nhập tổng số từ đầu "
             "năm đến hết kỳ báo cáo, không nhập riêng số của quý."),
    ("text", "Chỉ tiêu tỷ lệ (%): nhập giá trị tại cuối kỳ, từ 0 đến 100."),
    ("text", "Nhiệm vụ có KPI là một kết quả cần hoàn thành (ví dụ «Dự thảo được thông qua "
             "và ban hành») và chỉ tiêu định tính: nhập mức hoàn thành theo %, từ 0 đến 100 "
             "(chọn 0, 25, 50, 75, 100 hoặc nhập số khác trong khoảng đó). Báo cáo hoàn thành "
             "100% cần kèm minh chứng."),
    ("text", "Nhiệm vụ có KPI định lượng (ví dụ «80% cán bộ được bồi dưỡng», «84 nền tảng»): "
             "nhập chính số đo của KPI như một chỉ tiêu; cột «Đơn vị tính» và «Cách tính» cho "
             "biết cách nhập (giá trị tại cuối kỳ, hoặc lũy kế từ đầu năm)."),
    ("text", "Số liệu gốc: kỳ Quý IV (hoặc Tháng 12) năm trước nhận giá trị cuối năm của các "
             "chỉ tiêu, nhiệm vụ đo theo mức (tỷ lệ, số hiện có). Thiếu số liệu này, giá trị "
             "báo cáo sớm nhất trong năm được dùng làm giá trị nền ước tính, và khi mới có một "
             "số liệu thì chưa đánh giá được tiến độ («Chưa đủ căn cứ»)."),
    ("text", "Có thể báo cáo theo tháng (kỳ 2026-05) hoặc theo quý; số liệu tháng được dùng "
             "cho quý chứa tháng đó. Giá trị không báo cáo lại ở kỳ sau được giữ nguyên từ kỳ "
             "gần nhất trong năm (và kỳ đó vẫn bị tính là chưa báo cáo)."),
    ("text", "Để trống ô «Giá trị thực hiện» nghĩa là chưa báo cáo chỉ tiêu đó trong tệp này; "
             "giá trị đã báo cáo trước đây (nếu có) được giữ nguyên."),
    ("text", "Minh chứng: ghi đường dẫn bắt đầu bằng http:// hoặc https://, hoặc đúng tên tệp "
             "(PDF, ảnh PNG/JPEG, .docx, .xlsx, .pptx; tối đa 20 MB) rồi tải tệp đó lên cùng "
             "biểu mẫu. Báo cáo đạt hoặc hoàn thành mà chưa có minh chứng được ghi nhận là «Chờ "
             "minh chứng» và chưa được tính là đạt. Cột «Ý kiến thẩm định minh chứng» cho biết "
             "lý do minh chứng bị Tổ giúp việc trả lại, nếu có."),
    ("head", "3. Cách hệ thống hiểu các con số"),
    ("text", "Dấu phẩy là dấu thập phân: 85,5 là tám mươi lăm phẩy năm. Dấu chấm đứng một mình "
             "cũng được hiểu là dấu thập phân: 85.5 là 85,5."),
    ("text", "Với chỉ tiêu đếm số lượng (người, doanh nghiệp, nhiệm vụ…), dấu chấm, dấu phẩy "
             "hoặc khoảng trắng tách từng nhóm 3 chữ số là dấu phân cách hàng nghìn: 1.250, "
             "1,250 và 1 250 đều là một nghìn hai trăm năm mươi. Số lượng phải là số nguyên."),
    ("text", "Với tỷ lệ, điểm số và các giá trị khác, một dấu chấm hoặc một dấu phẩy luôn là "
             "dấu thập phân: 12.500 là 12,5. Khi có cả hai dấu (1.250,5 hoặc 1,250.5), dấu "
             "đứng sau là dấu thập phân."),
    ("text", "Dấu %: «85,5%», «85,5 %» và «85.5%» đều là 85,5%. Ô định dạng phần trăm trong "
             "Excel (giá trị 0,855 hiển thị 85,5%) được hiểu theo số hiển thị: 85,5%. Chỉ tiêu "
             "không tính bằng % thì không được ghi dấu %."),
    ("text", "Ô số thường (không định dạng %) được hiểu đúng như số đã nhập: 0,855 ở chỉ tiêu "
             "tỷ lệ là 0,855%, không phải 85,5% (hệ thống sẽ nhắc khi gặp trường hợp này)."),
    ("text", "Có thể ghi kèm đơn vị tính sau số, ví dụ «1.250 người». Không ghi chữ khác "
             "(«khoảng 50», «trên 80%»), không ghi số âm."),
    ("text", "Ô có công thức được nhận theo kết quả đã tính. Tệp do phần mềm không tính công "
             "thức tạo ra cần được mở và lưu lại bằng Excel hoặc LibreOffice trước khi tải lên."),
    ("text", "Ngày tháng không phải là số: nếu Excel tự đổi số thành ngày (ví dụ 1.5 thành "
             "01/05), hãy định dạng ô là Số và nhập lại."),
    ("text", "Chỉ dùng chữ số 0–9 gõ từ bàn phím: chữ số toàn chiều rộng (１２), chữ số mũ (²) "
             "và ký tự vô hình (thường có khi sao chép từ web) bị từ chối, kèm tên ký tự."),
    ("text", "Mỗi đơn vị tính có mức tối đa hợp lý: tỷ lệ không quá 100%, chỉ số DTI không "
             "quá 1 điểm, số người không quá quy mô dân số của tỉnh… Giá trị vượt mức này hoặc "
             "quá lớn (thừa chữ số) bị từ chối."),
    ("text", "Báo cáo trong khi kỳ chưa kết thúc được ghi nhận là ước thực hiện; không nhận "
             "báo cáo cho kỳ chưa bắt đầu."),
    ("head", "4. Tệp tự lập"),
    ("text", "Có thể tải lên bảng tự lập nếu có dòng tiêu đề gồm các cột «Mã chỉ tiêu» và «Giá "
             "trị thực hiện»; các cột «Kỳ báo cáo», «Đơn vị báo cáo», «Ghi chú», «Minh chứng» là "
             "tùy chọn. Tên cột không phân biệt chữ hoa, dấu và khoảng trắng; thứ tự cột tùy ý."),
    ("text", "Kỳ báo cáo ghi theo dạng 2026-Q2, Q2/2026 hoặc Quý II/2026 (kỳ tháng: 2026-05 "
             "hoặc Tháng 5/2026). Đơn vị ghi mã (ví dụ SKHCN) hoặc tên đầy đủ."),
    ("text", "Dòng tiêu đề nhóm (1.1, I…) và dòng chỉ tiêu của đơn vị khác mà để trống giá trị "
             "được bỏ qua; nếu có giá trị, hệ thống báo lỗi."),
    ("text", "Tệp phải là .xlsx (không nhận .xls, tệp có macro hoặc tệp đặt mật khẩu), dung "
             "lượng tối đa {max_mb} MB và tối đa {max_rows} dòng."),
)

CHANGE_LABELS: dict[str, str] = {
    "new": "Mới",
    "changed": "Thay đổi",
    "unchanged": "Không đổi",
    "not_reported": "Chưa báo cáo",
}

# The colour the preview gives each kind of change (never the only cue: the column
# "Thay đổi" says it in words).
CHANGE_COLORS: dict[str, str] = {
    "new": "#D7F0E5",
    "changed": "#FFE9B3",
    "unchanged": "#FFFFFF",
    "not_reported": "#EEEEEE",
}

PREVIEW_COLUMNS: dict[str, str] = {
    "row": "Dòng",
    "item_code": "Mã",
    "name": "Chỉ tiêu, nhiệm vụ",
    "unit_of_measure": "Đơn vị tính",
    "on_record": "Giá trị đang lưu",
    "new_value": "Giá trị mới",
    "change": "Thay đổi",
    "note": "Ghi chú",
    "evidence": "Minh chứng",
}

PROBLEM_COLUMNS: dict[str, str] = {
    "severity": "Mức",
    "sheet": "Trang",
    "row": "Dòng",
    "cell": "Ô",
    "message": "Nội dung",
}

SEVERITY_LABELS: dict[str, str] = {"error": "Lỗi", "warning": "Lưu ý"}

# Every reason an upload is refused (errors) or flagged (warnings). {cell} etc. are
# filled in by nq57.excel.check; each code is exercised by tests/excel.
EXCEL_MESSAGES: dict[str, str] = {
    # the file itself
    "file_empty": "Tệp «{file}» rỗng (0 byte).",
    "file_too_large": (
        "Tệp «{file}» có dung lượng {size} MB, vượt giới hạn {limit} MB. Hãy xóa các trang, "
        "hình ảnh không cần thiết rồi tải lên lại."
    ),
    "not_xlsx": (
        "Tệp «{file}» không phải tệp Excel .xlsx. Hãy dùng biểu mẫu tải ở trang «Nhập số liệu», "
        "hoặc trong Excel chọn Tệp → Lưu thành → Sổ làm việc Excel (*.xlsx)."
    ),
    "old_xls": (
        "Tệp «{file}» có định dạng Excel cũ (.xls). Hãy mở tệp và lưu lại dưới dạng Sổ làm "
        "việc Excel (*.xlsx) rồi tải lên."
    ),
    "encrypted": (
        "Tệp «{file}» được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu (Tệp → Thông tin "
        "→ Bảo vệ sổ làm việc) rồi tải lên lại."
    ),
    "binary_workbook": (
        "Tệp «{file}» là sổ làm việc nhị phân (.xlsb). Hãy lưu lại dưới dạng Sổ làm việc Excel "
        "(*.xlsx) rồi tải lên."
    ),
    "macro": (
        "Tệp «{file}» có chứa macro (VBA). Để bảo đảm an toàn, hệ thống không nhận tệp có "
        "macro; hãy lưu lại dưới dạng .xlsx (không có macro) rồi tải lên."
    ),
    "corrupt": (
        "Tệp «{file}» bị hỏng hoặc không đầy đủ nên không mở được ({detail}). Hãy mở lại tệp "
        "bằng Excel, lưu lại rồi tải lên."
    ),
    "unsafe_entry": (
        "Tệp «{file}» chứa thành phần có tên không hợp lệ («{name}») và bị từ chối để bảo vệ "
        "hệ thống."
    ),
    "archive_limits": (
        "Tệp «{file}» có nội dung nén bất thường ({detail}) và bị từ chối để bảo vệ hệ thống. "
        "Tệp báo cáo thông thường không có đặc điểm này."
    ),
    "missing_parts": (
        "Tệp «{file}» thiếu thành phần bắt buộc của một sổ làm việc Excel ({name}). Hãy mở "
        "tệp bằng Excel, lưu lại rồi tải lên."
    ),
    "too_many_rows": (
        "Trang «{sheet}» có hơn {limit} dòng. Mỗi tệp chứa số liệu của một đơn vị trong một "
        "kỳ; hãy xóa các dòng thừa rồi tải lên lại."
    ),
    "hidden_header": (
        "Dòng tiêu đề báo cáo chỉ có ở trang ẩn «{sheet}»; hệ thống không đọc trang ẩn. Hãy "
        "bỏ ẩn trang đó (chuột phải vào tên trang → Bỏ ẩn) rồi tải lên lại."
    ),
    "no_header": (
        "Không tìm thấy dòng tiêu đề trong tệp. Cần một dòng có ít nhất các cột «Mã chỉ tiêu» "
        "và «Giá trị thực hiện» (tùy chọn: «Kỳ báo cáo», «Đơn vị báo cáo», «Ghi chú», «Minh "
        "chứng»), trong {rows} dòng đầu của một trang."
    ),
    "template_version": (
        "Biểu mẫu này thuộc phiên bản {found}, hệ thống chỉ nhận phiên bản {supported}. Hãy "
        "tải biểu mẫu mới ở trang «Nhập số liệu»."
    ),
    "no_values": (
        "Tệp chưa có giá trị nào: cột «Giá trị thực hiện» trống ở mọi dòng. Hãy nhập số liệu "
        "rồi tải lên lại."
    ),
    "unit_missing": (
        "Chưa rõ tệp báo cáo cho đơn vị nào. Hãy chọn đơn vị (trên trang, hoặc --unit ở dòng "
        "lệnh), hoặc thêm cột «Đơn vị báo cáo»."
    ),
    "period_missing": (
        "Chưa rõ tệp báo cáo cho kỳ nào. Hãy chọn kỳ báo cáo (trên trang, hoặc --period ở "
        "dòng lệnh), hoặc thêm cột «Kỳ báo cáo»."
    ),
    "unit_conflict": (
        "Tệp ghi nhiều đơn vị khác nhau ({found}). Mỗi tệp chỉ chứa số liệu của một đơn vị."
    ),
    "period_conflict": (
        "Tệp ghi nhiều kỳ báo cáo khác nhau ({found}). Mỗi tệp chỉ chứa số liệu của một kỳ."
    ),
    "template_unit_mismatch": (
        "Biểu mẫu này được tạo cho {found}, nhưng đang nhập cho {unit}. Hãy tải đúng biểu mẫu "
        "của đơn vị, hoặc chọn lại đơn vị."
    ),
    "template_period_mismatch": (
        "Biểu mẫu này được tạo cho kỳ {found}, nhưng đang nhập cho kỳ {period}. Hãy tải đúng "
        "biểu mẫu của kỳ, hoặc chọn lại kỳ báo cáo."
    ),
    # one row
    "missing_code": "Dòng {row} có giá trị nhưng thiếu mã chỉ tiêu (ô {cell}).",
    "unknown_item": (
        "Ô {cell}: mã «{code}» không có trong danh mục chỉ tiêu, nhiệm vụ năm {year}."
    ),
    "not_baseline_item": (
        "Ô {cell}: {code} không cần giá trị nền — chỉ tiêu, nhiệm vụ tính lũy kế trong năm "
        "hoặc theo % hoàn thành tính từ 0 mỗi năm. Kỳ {period} chỉ nhận giá trị nền của "
        "các chỉ tiêu, nhiệm vụ đo theo mức (tỷ lệ, chỉ số, số hiện có)."
    ),
    "not_reporting_unit": (
        "Ô {cell}: {code} do {owner} báo cáo, không thuộc {unit}. Hãy xóa dòng này, hoặc liên "
        "hệ Tổ giúp việc nếu cần giao lại đơn vị chủ trì."
    ),
    "unknown_unit": (
        "Ô {cell}: không có đơn vị «{text}». Hãy ghi mã (ví dụ SKHCN) hoặc tên đầy đủ của đơn vị."
    ),
    "unit_mismatch": (
        "Ô {cell}: dòng ghi đơn vị {found}, nhưng tệp đang được nhập cho {unit}."
    ),
    "malformed_period": (
        "Ô {cell}: không hiểu kỳ báo cáo «{text}». Hãy viết theo dạng 2026-Q2, Q2/2026 hoặc "
        "Quý II/2026."
    ),
    "unknown_period": "Ô {cell}: kỳ {found} không thuộc các kỳ đang theo dõi ({known}).",
    "period_mismatch": (
        "Ô {cell}: dòng ghi kỳ {found}, nhưng tệp đang được nhập cho kỳ {period}."
    ),
    "not_a_number": (
        "Ô {cell}: «{text}» không phải là số. Hãy nhập một số, ví dụ 85,5 hoặc 1.250 (xem "
        "cách ghi số ở trang «Hướng dẫn»)."
    ),
    "date_value": (
        "Ô {cell} chứa ngày tháng ({text}), không phải số. Có thể Excel đã tự đổi số thành "
        "ngày: hãy định dạng ô là Số rồi nhập lại."
    ),
    "formula_error": "Ô {cell}: công thức cho kết quả lỗi {text}. Hãy sửa công thức hoặc nhập số.",
    "formula_no_value": (
        "Ô {cell} chứa công thức nhưng chưa có kết quả tính sẵn (tệp được tạo bằng phần mềm "
        "không tính công thức). Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi tải lên, "
        "hoặc nhập số thay cho công thức."
    ),
    "negative": "Ô {cell}: giá trị {value} là số âm; số liệu thực hiện phải từ 0 trở lên.",
    "too_large": (
        "Ô {cell}: «{text}» là một số quá lớn, không thể là số liệu thực hiện. Hãy kiểm tra "
        "lại (có thể thừa chữ số)."
    ),
    "over_ceiling": (
        "Ô {cell}: {value} {uom} vượt mức tối đa hợp lý của {code} là {ceiling} {uom} "
        "({basis}). Hãy kiểm tra lại số liệu."
    ),
    "odd_characters": (
        "Ô {cell}: «{text}» có ký tự không hợp lệ: {chars}. Chỉ dùng chữ số 0–9; hãy gõ lại "
        "giá trị bằng bàn phím."
    ),
    "odd_code": (
        "Ô {cell}: mã «{text}» có ký tự không hợp lệ: {chars}. Hãy gõ lại mã bằng bàn phím "
        "(ví dụ 1.1.1 hoặc SKHCN)."
    ),
    "period_not_started": (
        "Kỳ {period} bắt đầu từ ngày {start}; chưa thể báo cáo số liệu cho một kỳ chưa bắt "
        "đầu. Hãy chọn kỳ báo cáo đang diễn ra hoặc đã kết thúc."
    ),
    "percent_over_100": "Ô {cell}: tỷ lệ {value}% vượt quá 100%.",
    "completion_out_of_range": (
        "Ô {cell}: mức hoàn thành {value}% phải nằm trong khoảng 0–100%."
    ),
    "percent_not_allowed": (
        "Ô {cell}: giá trị «{text}» ghi theo phần trăm, nhưng {code} tính bằng «{uom}». Hãy "
        "nhập số không kèm dấu %."
    ),
    "not_whole": (
        "Ô {cell}: {code} đếm số lượng («{uom}») nên phải là số nguyên; nhận được {value}."
    ),
    "duplicate_item": (
        "Ô {cell}: {code} đã có ở dòng {first}. Mỗi chỉ tiêu chỉ được báo cáo một dòng."
    ),
    "text_too_long": "Ô {cell}: nội dung dài {length} ký tự, vượt giới hạn {limit} ký tự.",
    "merged_cells": (
        "Ô {cell}: các ô {range} đang được gộp (merge) nên không phải dòng nào cũng có ô "
        "riêng cho mã và giá trị. Hãy bỏ gộp ô rồi nhập mã, giá trị cho từng dòng."
    ),
    # warnings (the upload is accepted; the preview shows them)
    "small_percent": (
        "Ô {cell}: {value} được hiểu là {value}%. Nếu ý là {hundred}%, hãy nhập {hundred}."
    ),
    "complete_without_evidence": (
        "Ô {cell}: {code} báo cáo hoàn thành 100% nhưng chưa có minh chứng."
    ),
    "ignored_text": (
        "Dòng {row}: có ghi chú, minh chứng hoặc giải trình nhưng chưa có giá trị thực hiện; "
        "dòng này không được ghi nhận."
    ),
    "not_your_unit": (
        "Ô {cell}: tài khoản «{who}» không báo cáo cho đơn vị {unit}; giá trị của {code} không "
        "được lưu."
    ),
    "hidden_sheet": (
        "Trang «{hidden}» đang bị ẩn nên không được đọc, dù có dòng tiêu đề báo cáo. Nếu số "
        "liệu nằm ở trang đó, hãy bỏ ẩn trang rồi tải lên lại."
    ),
    "hidden_row": (
        "Dòng {row} đang bị ẩn nên không được đọc. Nếu dòng này cần báo cáo, hãy bỏ ẩn dòng "
        "rồi tải lên lại."
    ),
    "from_formula": (
        "Ô {cell}: nội dung được lấy từ kết quả đã tính sẵn của công thức trong ô; hãy chắc "
        "chắn kết quả đó đúng."
    ),
    "estimate_period": (
        "Kỳ {period} chưa kết thúc (đến hết ngày {end}): các giá trị của tệp này được ghi "
        "nhận là ước thực hiện. Khi kết thúc kỳ, hãy báo cáo lại số thực hiện."
    ),
}

# What a workbook the parser cannot read is told to have (in the "corrupt" message);
# the library's own English words go to the log.
EXCEL_CORRUPT_HINTS: dict[str, str] = {
    "huge_number": "có ô chứa số quá lớn",
    "missing_part": "thiếu một thành phần bên trong tệp",
    "bad_style": "định dạng ô bị hỏng",
    "structure": "cấu trúc bên trong tệp không đúng chuẩn Excel",
}

EXCEL_PAGE: dict[str, str] = {
    "annotate_failed": (
        "Không tạo được bản tệp đánh dấu lỗi cho tệp này (cấu trúc bên trong tệp không "
        "chuẩn); hãy sửa theo danh sách lỗi ở trên."
    ),
    "title": "Nhập số liệu",
    "intro": (
        "Tải biểu mẫu của đơn vị, điền số liệu thực hiện, rồi tải lên. Hệ thống kiểm tra và "
        "cho xem trước; số liệu chỉ được lưu khi bấm «Xác nhận lưu». Mọi lần nhập đều được "
        "giữ lại trong lịch sử."
    ),
    "unit": "Đơn vị báo cáo",
    "period": "Kỳ báo cáo",
    "step_template": "1. Tải biểu mẫu",
    "template_caption": (
        "Biểu mẫu có sẵn {count} chỉ tiêu, nhiệm vụ do {unit} báo cáo, kỳ {period}; hạn gửi "
        "{deadline}."
    ),
    "template_button": "Tải biểu mẫu Excel",
    "step_upload": "2. Tải lên tệp đã điền",
    "uploader": "Chọn tệp Excel (.xlsx, tối đa 10 MB)",
    "reading": "Đang đọc và kiểm tra tệp…",
    "read_done": "Đã kiểm tra {rows} dòng.",
    "refused": "Tệp có {count} lỗi nên chưa được lưu. Hãy sửa rồi tải lên lại.",
    "annotated_button": "Tải về tệp đã đánh dấu lỗi",
    "annotated_caption": (
        "Tệp giống tệp đã tải lên, thêm cột «Lỗi cần sửa» và tô đỏ các ô có lỗi."
    ),
    "warnings": "Lưu ý ({count})",
    "step_preview": "3. Xem trước và xác nhận",
    "summary": "{new} mới · {changed} thay đổi · {unchanged} không đổi · {blank} chưa báo cáo",
    "duplicate": (
        "Tệp này giống hệt tệp đã nhập lần {upload} ({when}, {by}); không có gì thay đổi."
    ),
    "nothing_changes": "Các giá trị trong tệp trùng với số liệu đang lưu; không có gì để lưu.",
    "confirm": "Xác nhận lưu",
    "saving": "Đang lưu số liệu…",
    "saved": (
        "Đã lưu lần nhập số {upload}: {stored} giá trị mới hoặc thay đổi. Các trang đã hiển thị "
        "số liệu mới."
    ),
    "saved_nothing": "Không có giá trị nào thay đổi; không tạo lần nhập mới.",
    "step_history": "4. Lịch sử",
    "uploads": "Các lần nhập của {unit}, kỳ {period}",
    "no_uploads": "Chưa có lần nhập nào cho đơn vị và kỳ này.",
    "history_item": "Lịch sử giá trị của",
    "no_history": "Chỉ tiêu này chưa có giá trị nào.",
    "revoke": "Thu hồi một lần nhập (quản trị)",
    "reporter_is_account": "Số liệu được ghi nhận là do {who} báo cáo.",
    "no_units": "Tài khoản này chưa được gắn với đơn vị báo cáo nào.",
    "to_history": "Xem các lần nhập và lịch sử giá trị",
    "revoke_help": (
        "Thu hồi làm các giá trị của lần nhập đó trở về giá trị trước; không có gì bị xóa."
    ),
    "revoke_upload": "Lần nhập",
    "revoke_reason": "Lý do thu hồi",
    "revoke_button": "Thu hồi",
    "revoked": "Đã thu hồi lần nhập số {upload}; các giá trị trở về lần nhập trước.",
    "no_items": "{unit} không chủ trì báo cáo chỉ tiêu, nhiệm vụ nào trong năm {year}.",
    "baseline_period": "{period} (giá trị nền năm {year})",
}

UPLOAD_COLUMNS: dict[str, str] = {
    "id": "Lần nhập",
    "uploaded_at": "Thời điểm",
    "uploaded_by": "Người báo cáo",
    "file_name": "Tệp",
    "rows_read": "Số dòng",
    "rows_stored": "Giá trị lưu",
    "revoked": "Đã thu hồi",
    "revoke_reason": "Lý do thu hồi",
}

HISTORY_COLUMNS: dict[str, str] = {
    "period_code": "Kỳ",
    "value": "Giá trị",
    "estimate": "Ước thực hiện",
    "note": "Ghi chú",
    "evidence": "Minh chứng",
    "upload_id": "Lần nhập",
    "recorded_at": "Thời điểm",
    "recorded_by": "Người báo cáo",
    "is_current": "Đang dùng",
    "revoked": "Đã thu hồi",
}

IMPORT_CLI: dict[str, str] = {
    "accepted": "Đã nhận tệp «{file}» ({unit}, {period}): {rows} dòng có giá trị.",
    "dry_run": "Kiểm tra xong, chưa lưu gì (--dry-run): tệp hợp lệ.",
    "stored": (
        "Đã lưu lần nhập số {upload}: {stored} giá trị mới hoặc thay đổi, {unchanged} không đổi."
    ),
    "unchanged": "Không có giá trị nào thay đổi; không tạo lần nhập mới.",
    "duplicate": "Tệp giống hệt lần nhập số {upload} đã có.",
    "refused": "Tệp «{file}» bị từ chối: {count} lỗi, không có gì được lưu.",
    "unreadable": "Không đọc được tệp {path}: {reason}",
    "template_written": (
        "Đã ghi biểu mẫu {path}: {count} chỉ tiêu, nhiệm vụ của {unit}, kỳ {period}."
    ),
    "revoked": "Đã thu hồi lần nhập số {upload}.",
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
    "evidence_missing": (
        "Tệp minh chứng {sha} không còn trong kho minh chứng {path} hoặc đã bị thay đổi, nên "
        "chưa sao lưu được. Hãy khôi phục tệp đó (từ bản sao lưu trước) rồi sao lưu lại."
    ),
    "backup_done": "Đã sao lưu {tables} bảng ({rows} dòng) vào {path}.",
    "restore_done": (
        "Đã khôi phục {tables} bảng ({rows} dòng) từ bản sao lưu lúc {created_at} vào {path}."
    ),
    "restore_kept": "Cơ sở dữ liệu trước khi khôi phục được giữ tại {path}.",
}

# --- accounts and permissions ---------------------------------------------------

ROLE_LABELS: dict[str, str] = {
    "viewer": "Người xem (Ban Chỉ đạo, lãnh đạo)",
    "staff": "Cán bộ báo cáo của đơn vị",
    "reviewer": "Tổ giúp việc (thẩm định minh chứng)",
    "admin": "Quản trị hệ thống",
}

# What each action is called when a person is told they may not do it.
ACTION_LABELS: dict[str, str] = {
    "read": "xem bảng điều khiển",
    "download": "tải dữ liệu và báo cáo",
    "report": "báo cáo số liệu",
    "explain": "gửi giải trình",
    "review_evidence": "thẩm định minh chứng",
    "lock_period": "khóa kỳ báo cáo",
    "change_locked": "sửa số liệu của kỳ đã khóa",
    "edit_catalogue": "sửa chỉ tiêu, ngưỡng, thời hạn và đơn vị chủ trì",
    "edit_units": "sửa danh mục đơn vị",
    "manage_accounts": "quản lý tài khoản",
    "revoke_upload": "thu hồi một lần nhập",
    "change_settings": "thay đổi thiết lập",
    "manage_demo": "nạp hoặc xóa số liệu minh họa",
    "backup": "sao lưu cơ sở dữ liệu",
    "restore": "khôi phục cơ sở dữ liệu",
    "read_audit": "xem nhật ký hệ thống",
}

POLICY_TEXTS: dict[str, str] = {
    "denied": "Tài khoản «{who}» ({role}) không có quyền {action}.",
    "denied_unit": "Tài khoản «{who}» không có quyền {action} cho đơn vị {unit}.",
    "system_actor": "Hệ thống",
    "unknown_account": "(tài khoản không tồn tại)",
    "anonymous_actor": "Khách (chưa đăng nhập)",
}

# --- explanations when behind (giải trình) ------------------------------------------

# Cause categories (nq57.explanations.CAUSES gives their order).
EXPLANATION_CAUSES: dict[str, str] = {
    "funding": "Thiếu kinh phí",
    "staffing": "Thiếu nhân lực",
    "policy": "Vướng cơ chế, chính sách",
    "awaiting_guidance": "Chờ hướng dẫn của cấp trên",
    "objective": "Nguyên nhân khách quan",
    "other": "Khác",
}

# "{code} đang …" for a value that needs an explanation.
EXPLANATION_STATES: dict[str, str] = {
    "behind": "chậm tiến độ",
    "red": "bị cảnh báo đỏ",
}

# Why an explanation is refused. Said as they are by the page's form and the CLI;
# in a file each is located ("Ô M12: …", see EXCEL_MESSAGES below).
EXPLANATION_MESSAGES: dict[str, str] = {
    "explanation_missing": (
        "{code} đang {state} ({reason}): cần ghi giải trình (ít nhất {min} ký tự) và chọn "
        "nguyên nhân trước khi lưu; có thể nêu thêm đề xuất hỗ trợ của tỉnh."
    ),
    "explanation_too_short": (
        "Giải trình chỉ có {length} ký tự; cần ít nhất {min} ký tự nêu rõ vì sao chậm và "
        "hướng khắc phục."
    ),
    "explanation_too_long": "Giải trình dài {length} ký tự, vượt giới hạn {limit} ký tự.",
    "explanation_text_missing": (
        "Đã chọn nguyên nhân hoặc ghi đề xuất hỗ trợ nhưng chưa có nội dung giải trình (ít "
        "nhất {min} ký tự)."
    ),
    "cause_missing": "Chưa chọn nguyên nhân của giải trình. Chọn một trong: {causes}.",
    "cause_unknown": (
        "Nguyên nhân «{text}» không có trong danh sách. Chọn một trong: {causes}."
    ),
    "support_too_long": "Đề xuất hỗ trợ dài {length} ký tự, vượt giới hạn {limit} ký tự.",
    "not_an_item": "Không có chỉ tiêu hoặc nhiệm vụ mã «{code}» trong kỳ {period}.",
    "not_reporting_unit": (
        "{code} do đơn vị {owner} báo cáo, không phải {unit}: chỉ đơn vị báo cáo giải trình "
        "cho mục này."
    ),
}


def _located(text: str) -> str:
    """'Giải trình chỉ có …' as said of a cell: 'Ô M12: giải trình chỉ có …'."""
    return "Ô {cell}: " + text[:1].lower() + text[1:]


EXCEL_MESSAGES.update({
    code: _located(text) for code, text in EXPLANATION_MESSAGES.items()
    if code not in ("not_an_item", "not_reporting_unit")
})

# The template's and self-made sheets' columns for explanations (found like the others:
# by the folded start of the header).
EXCEL_HEADERS.update({
    "explanation": "Giải trình",
    "cause": "Nguyên nhân",
    "support": "Đề xuất hỗ trợ",
})

PREVIEW_COLUMNS.update({
    "status": "Tình trạng sau khi lưu",
    "explanation": "Giải trình",
    "cause": "Nguyên nhân",
    "support": "Đề xuất hỗ trợ",
})

EXCEL_CAUSE_PROMPT = "Chọn nguyên nhân chậm tiến độ trong danh sách"
EXCEL_CAUSE_ERROR = "Hãy chọn một trong sáu nguyên nhân của danh sách."

EXCEL_INSTRUCTIONS = (
    *EXCEL_INSTRUCTIONS,
    ("head", "5. Giải trình khi chậm tiến độ"),
    ("text", "Khi giá trị nhập vào làm chỉ tiêu, nhiệm vụ chậm tiến độ hoặc bị cảnh báo đỏ "
             "(hệ thống tính theo lộ trình của kế hoạch), số liệu chỉ được lưu khi có giải "
             "trình: ghi ở cột «Giải trình» (ít nhất {min_chars} ký tự: vì sao chậm, hướng "
             "khắc phục), chọn «Nguyên nhân» trong danh sách và, nếu cần, ghi «Đề xuất hỗ "
             "trợ» của tỉnh. Nếu tệp thiếu, trang «Nhập số liệu» sẽ hỏi bổ sung trước khi "
             "lưu."),
    ("text", "Nguyên nhân là một trong: Thiếu kinh phí; Thiếu nhân lực; Vướng cơ chế, chính "
             "sách; Chờ hướng dẫn của cấp trên; Nguyên nhân khách quan; Khác."),
    ("text", "Bảng tự lập cũng có thể có các cột «Giải trình», «Nguyên nhân», «Đề xuất hỗ "
             "trợ» (tìm theo tên cột như các cột khác)."),
)

# --- red warnings (Cảnh báo) ---------------------------------------------------------

ALERT_RULE_LABELS: dict[str, str] = {
    "overdue": "Quá thời hạn",
    "below_half_timeline": "Dưới một nửa lộ trình",
    "evidence_rejected": "Minh chứng không đạt",
}

ALERT_MESSAGES: dict[str, str] = {
    "overdue": (
        "Quá thời hạn {deadline} đã {days} ngày mà chưa đạt (mới hoàn thành {completion})"
    ),
    "overdue_unreported": "Quá thời hạn {deadline} đã {days} ngày mà chưa có báo cáo",
    "below_half_timeline": (
        "Hoàn thành {completion}, chưa bằng một nửa lộ trình {elapsed}"
    ),
    "evidence_rejected": (
        "Minh chứng bị Tổ giúp việc đánh giá không đạt yêu cầu; mục chuyển sang «Chờ hoàn "
        "thiện» và chưa được tính là hoàn thành"
    ),
}

# --- contacts and reminders -----------------------------------------------------------

CONTACT_MESSAGES: dict[str, str] = {
    "empty": "Hãy ghi ít nhất một trong: họ tên, thư điện tử, số điện thoại của người liên hệ.",
    "name_too_long": "Họ tên người liên hệ dài quá {limit} ký tự.",
    "bad_email": "Địa chỉ thư điện tử «{text}» không hợp lệ (ví dụ đúng: ten@donvi.gov.vn).",
    "bad_phone": (
        "Số điện thoại «{text}» không hợp lệ: chỉ gồm chữ số, khoảng trắng, dấu chấm, gạch "
        "ngang, ngoặc và dấu + ở đầu, từ 6 đến 20 ký tự."
    ),
    "stored": "Đã lưu người liên hệ của đơn vị {unit}.",
}

DEMO_CONTACT_NAME = "{name} (minh họa)"

# What `python -m nq57` says after the follow-up commands.
FOLLOWUP_CLI: dict[str, str] = {
    "need_period": "Hãy ghi --period (ví dụ --period 2026-Q3), hoặc --item để xem lịch sử.",
    "explained": "Đã lưu giải trình của {unit} cho {code}, kỳ {period}.",
    "bad_days": "Số ngày phải là số nguyên từ 0 trở lên (nhận được «{text}»).",
}

# --- the follow-up tables (warnings, explanations, league, reminders) ------------------

COLUMN_LABELS.update({
    "place": "Thứ hạng",
    "kind": "Loại",
    "item_name": "Chỉ tiêu, nhiệm vụ",
    "rule": "Cảnh báo",
    "message": "Nội dung",
    "days_overdue": "Số ngày quá hạn",
    "last_update": "Cập nhật gần nhất",
    "explanation": "Giải trình",
    "cause": "Nguyên nhân",
    "support_requested": "Đề xuất hỗ trợ",
    "explained_at": "Thời điểm giải trình",
    "explained_by": "Người giải trình",
    "units_count": "Số đơn vị",
    "still_behind": "Còn chậm hoặc đỏ",
    "red_items": "Cảnh báo đỏ",
    "behind_items": "Chậm tiến độ",
    "unreported_items": "Chưa báo cáo",
    "support_requests": "Số đề xuất hỗ trợ",
    "behind_or_red": "Chậm hoặc đỏ",
    "explained": "Đã giải trình",
    "unexplained": "Chưa giải trình",
    "main_cause": "Nguyên nhân chủ yếu",
    "on_time": "Đạt hoặc đúng tiến độ",
    "on_time_share": "Tỷ lệ đạt, đúng tiến độ",
    "evidence_accepted_share": "Tỷ lệ minh chứng được chấp nhận",
    "proposal": "Đề xuất",
    "driver": "Ảnh hưởng",
    "contact_name": "Người liên hệ",
    "email": "Thư điện tử",
    "phone": "Điện thoại",
    "days_left": "Số ngày còn lại",
    "items_missing": "Số mục chưa báo cáo",
    "in_force": "Đang áp dụng",
})

TABLE_TITLES.update({
    "warnings": "Cảnh báo đỏ",
    "explanations": "Giải trình của các đơn vị",
    "explanations_by_cause": "Giải trình theo nguyên nhân",
    "explanations_by_unit": "Giải trình theo đơn vị",
    "support_requests": "Đề xuất hỗ trợ",
    "explanation_history": "Lịch sử giải trình",
    "league": "Biểu dương, phê bình",
    "league_drivers": "Các mục quyết định thứ hạng",
    "reminders": "Nhắc hạn báo cáo",
})

PROPOSAL_LABELS: dict[str, str] = {"commend": "Biểu dương", "criticise": "Phê bình"}
DRIVER_LABELS: dict[str, str] = {"best": "Kéo lên", "worst": "Kéo xuống"}

ALERT_PAGE: dict[str, str] = {
    "intro": (
        "Mọi cảnh báo đỏ của kỳ, cả chỉ tiêu và nhiệm vụ, theo ba tiêu chí của Kế hoạch "
        "03-KH/BCĐ: quá thời hạn, hoàn thành dưới một nửa lộ trình, minh chứng bị đánh giá "
        "không đạt. Bấm tiêu đề cột để sắp xếp."
    ),
    "total": "Tổng số cảnh báo",
    "unexplained": "Chưa có giải trình",
    "none": "Không có cảnh báo đỏ nào trong kỳ này với bộ lọc đang chọn.",
    "explain": "Gửi giải trình",
    "explain_help": (
        "Đơn vị báo cáo giải trình cho mục chậm tiến độ hoặc bị cảnh báo đỏ (kể cả nhiệm "
        "vụ quá hạn chưa báo cáo). Giải trình mới thay cho giải trình trước; lịch sử vẫn "
        "được giữ."
    ),
    "explain_item": "Mục cần giải trình",
    "explain_text": "Nội dung giải trình (ít nhất {min} ký tự)",
    "explain_cause": "Nguyên nhân",
    "explain_support": "Đề xuất hỗ trợ của tỉnh (nếu có)",
    "explain_submit": "Lưu giải trình",
    "explain_saved": "Đã lưu giải trình cho {code}.",
    "explain_none": "Không có mục nào cần giải trình với bộ lọc đang chọn.",
    "explanations": "Giải trình của các đơn vị",
    "by_cause": "Theo nguyên nhân",
    "by_unit": "Theo đơn vị",
    "support": "Đề xuất hỗ trợ của tỉnh",
    "all_explanations": "Tất cả giải trình đang áp dụng ({count})",
    "no_explanations": "Chưa có giải trình nào trong kỳ này.",
    "no_support": "Chưa có đơn vị nào đề xuất hỗ trợ trong kỳ này.",
    "reminders": "Nhắc hạn báo cáo",
    "reminders_caption": (
        "Đơn vị có báo cáo đến hạn trong {days} ngày tới hoặc đã quá hạn mà còn mục chưa "
        "báo cáo, kèm người liên hệ. Lệnh cho hệ thống gửi thư: python -m nq57 reminders "
        "--within {days} --format json"
    ),
    "reminders_within": "Số ngày tới",
    "no_reminders": "Không có đơn vị nào cần nhắc hạn báo cáo.",
    "item_choice": "{code} — {name} ({unit}, {status})",
}

LEAGUE_TEXTS: dict[str, str] = {
    "title": "Biểu dương, phê bình",
    "note": (
        "Xếp theo tỷ lệ chỉ tiêu, nhiệm vụ đạt hoặc đúng tiến độ (cao trước), rồi tỷ lệ minh "
        "chứng được chấp nhận, tỷ lệ cảnh báo đỏ và số mục chưa báo cáo (thấp trước). Đề xuất "
        "biểu dương: từ {commend} đạt hoặc đúng tiến độ và không có cảnh báo đỏ; phê bình: "
        "dưới {criticise} đạt hoặc đúng tiến độ, hoặc từ {red} cảnh báo đỏ."
    ),
    "drivers": "Các mục quyết định thứ hạng của từng đơn vị",
    "drivers_note": (
        "«Kéo lên»: các mục tốt nhất của đơn vị; «Kéo xuống»: các mục kém nhất (cảnh báo đỏ, "
        "chưa báo cáo, chậm tiến độ)."
    ),
}

EXPLANATION_FORM: dict[str, str] = {
    "title": "Giải trình cho các mục chậm tiến độ",
    "intro": (
        "Các giá trị dưới đây làm chỉ tiêu, nhiệm vụ chậm tiến độ hoặc bị cảnh báo đỏ nhưng "
        "tệp chưa có giải trình hợp lệ. Ghi giải trình (ít nhất {min} ký tự), chọn nguyên "
        "nhân, thêm đề xuất hỗ trợ nếu cần, rồi bấm «Áp dụng giải trình»."
    ),
    "apply": "Áp dụng giải trình",
    "applied": "Đã áp dụng giải trình; kiểm tra lại rồi bấm «Xác nhận lưu».",
    "history": "Lịch sử giải trình",
    "no_history": "Mục này chưa có giải trình nào.",
    "saved": "Đã lưu {count} giải trình.",
}

# What accounts.py says when an account cannot be created, changed or used.
ACCOUNT_MESSAGES: dict[str, str] = {
    "bad_name": (
        "Tên tài khoản «{name}» không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và các dấu "
        ". _ - (2 đến 64 ký tự), ví dụ canbo.snv."
    ),
    "password_short": "Mật khẩu cần ít nhất {minimum} ký tự.",
    "password_long": "Mật khẩu dài quá {maximum} ký tự.",
    "password_name": "Mật khẩu không được chứa tên tài khoản.",
    "bad_email": "Địa chỉ e-mail «{email}» không hợp lệ.",
    "display_name_long": "Họ tên hiển thị dài quá {maximum} ký tự.",
    "bad_role": "Không có vai trò «{role}». Các vai trò: {roles}.",
    "units_not_staff": "Chỉ tài khoản cán bộ báo cáo (staff) mới gắn với đơn vị.",
    "staff_needs_unit": "Tài khoản cán bộ báo cáo cần ít nhất một đơn vị (--unit MÃ).",
    "collective_unit": (
        "«{unit}» là một nhóm đơn vị, không phải một đơn vị báo cáo; hãy chọn đơn vị cụ thể."
    ),
    "needs_password_or_email": (
        "Tài khoản cần một mật khẩu hoặc một e-mail để đăng nhập một lần (SSO)."
    ),
    "exists": "Đã có tài khoản «{name}».",
    "email_taken": "E-mail «{email}» đã gắn với một tài khoản khác.",
    "unknown": "Không có tài khoản «{name}».",
    "disabled": "Tài khoản «{name}» đã bị vô hiệu hóa.",
    "need_user": (
        "Hãy cho biết tài khoản thực hiện: --user TÊN (hoặc biến môi trường NQ57_USER)."
    ),
    "first_must_be_admin": (
        "Chưa có quản trị viên nào: tài khoản đầu tiên phải có vai trò admin."
    ),
    "last_admin": (
        "«{name}» là quản trị viên cuối cùng đang hoạt động; hãy tạo quản trị viên khác trước."
    ),
    "passwords_differ": "Hai lần nhập mật khẩu không khớp.",
    "no_password_input": (
        "Hãy đưa mật khẩu qua đầu vào chuẩn với --password-stdin, ví dụ: "
        "printf '%s\\n' \"$MAT_KHAU\" | python -m nq57 user add …"
    ),
}

SIGN_IN_TEXTS: dict[str, str] = {
    "wrong": "Tên tài khoản hoặc mật khẩu không đúng.",
    "locked": (
        "Đăng nhập tạm thời bị khóa vì nhập sai nhiều lần. Vui lòng thử lại sau {minutes} phút."
    ),
    "disabled": "Tài khoản này đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên.",
    "no_access": (
        "E-mail {email} chưa được cấp quyền truy cập bảng điều khiển. Vui lòng liên hệ quản trị "
        "viên để được tạo tài khoản."
    ),
    "ended": "Phiên làm việc đã kết thúc. Vui lòng đăng nhập lại.",
    "ended_expired_idle": (
        "Phiên làm việc đã hết hạn do lâu không thao tác. Vui lòng đăng nhập lại."
    ),
    "ended_expired_absolute": (
        "Phiên làm việc đã quá thời hạn tối đa. Vui lòng đăng nhập lại."
    ),
    "ended_disabled": "Tài khoản đã bị vô hiệu hóa; phiên làm việc đã kết thúc.",
    "ended_password_reset": "Mật khẩu đã được đổi; vui lòng đăng nhập lại.",
    "ended_sign_out": "Đã đăng xuất.",
    "audit_client": "từ máy {client}",
    "audit_locked": "tạm khóa đến {until}, máy {client}",
    "audit_disabled": "mật khẩu đúng nhưng tài khoản bị vô hiệu hóa, máy {client}",
    "audit_no_access": "đăng nhập một lần (SSO) không có tài khoản tương ứng, máy {client}",
}

SESSION_END_REASONS: dict[str, str] = {
    "sign_out": "đăng xuất",
    "expired_idle": "hết hạn do lâu không thao tác",
    "expired_absolute": "quá thời hạn tối đa",
    "disabled": "tài khoản bị vô hiệu hóa",
    "password_reset": "mật khẩu được đặt lại",
    "demo_removed": "tài khoản minh họa đã xóa",
}

# What each kind of audit entry is called on the audit page (besides ACTION_LABELS).
AUDIT_ACTION_LABELS: dict[str, str] = {
    "sign_in": "Đăng nhập",
    "sign_in_failed": "Đăng nhập sai",
    "sign_in_locked": "Tạm khóa đăng nhập",
    "sign_in_refused": "Từ chối đăng nhập",
    "sign_out": "Đăng xuất",
    "session_end": "Kết thúc phiên",
    "create_account": "Tạo tài khoản",
    "update_account": "Sửa tài khoản",
    "disable_account": "Vô hiệu hóa tài khoản",
    "enable_account": "Kích hoạt lại tài khoản",
    "reset_password": "Đặt lại mật khẩu",
    "remove_demo_accounts": "Xóa tài khoản minh họa",
    "import": "Nhập số liệu",
    "revoke_upload": "Thu hồi lần nhập",
    "change_settings": "Đổi thiết lập",
    "correct_catalogue": "Sửa danh mục",
    "assign_lead": "Giao đơn vị chủ trì",
    "load_demo": "Nạp số liệu minh họa",
    "remove_demo": "Xóa số liệu minh họa",
    "backup": "Sao lưu",
    "restore": "Khôi phục",
    "add_evidence": "Gửi minh chứng",
    "review_accepted": "Chấp nhận minh chứng",
    "review_sent_back": "Trả lại minh chứng",
    "lock_period": "Khóa kỳ báo cáo",
    "unlock_period": "Mở khóa kỳ báo cáo",
    "change_locked": "Thay đổi số liệu của kỳ đã khóa",
    "explain": "Gửi giải trình",
    "set_contact": "Ghi người liên hệ của đơn vị",
}

REVOKE_MESSAGES: dict[str, str] = {
    "need_reason": "Hãy ghi lý do thu hồi.",
    "unknown": "Không có lần nhập số {upload}.",
    "already": "Lần nhập số {upload} đã bị thu hồi trước đó.",
}

CORRECTION_MESSAGES: dict[str, str] = {
    "need_reason": "Hãy ghi lý do (văn bản, quyết định) của việc sửa.",
    "reason_long": "Lý do dài quá {maximum} ký tự.",
    "not_a_number": "«{value}» không phải là một số.",
    "negative": "Ngưỡng không được âm.",
    "over_100": "Ngưỡng tính bằng % không được quá 100.",
    "bad_comparator": "Phép so sánh «{value}» không hợp lệ; chọn một trong: {known}.",
    "deadline_range": "Thời hạn phải nằm trong các năm {first}–{last}.",
    "bad_name": "Tên cần có chữ và không dài quá {maximum} ký tự.",
    "bad_field": "Không sửa được trường «{field}». Các trường sửa được — {known}.",
    "bad_unit_code": (
        "Mã đơn vị «{code}» không hợp lệ: 2–20 chữ in hoa không dấu, chữ số hoặc dấu _."
    ),
    "bad_kind": "Loại đơn vị «{kind}» không hợp lệ; chọn một trong: {known}.",
    "unit_exists": "Đã có đơn vị mã {code}.",
    "contradiction": "Không sửa vì danh mục sẽ mâu thuẫn: {problems}.",
}


def audit_action_label(action: str) -> str:
    """What an audit entry's action is called: its Vietnamese name, else the code."""
    if action in AUDIT_ACTION_LABELS:
        return AUDIT_ACTION_LABELS[action]
    if action in ACTION_LABELS:
        return ACTION_LABELS[action][:1].upper() + ACTION_LABELS[action][1:]
    return action


# What `python -m nq57 user …`, `correct` and the commands that now act for an account say.
CLI_ACCOUNT_TEXTS: dict[str, str] = {
    "password_prompt": "Mật khẩu mới: ",
    "password_again": "Nhập lại mật khẩu: ",
    "added": "Đã tạo tài khoản {name} ({role}; đơn vị: {units}).",
    "first_admin": (
        "Đây là quản trị viên đầu tiên, được tạo bởi người dùng hệ điều hành {os_user} "
        "(người có quyền đọc tệp cơ sở dữ liệu)."
    ),
    "updated": "Đã cập nhật tài khoản {name} ({role}; đơn vị: {units}).",
    "disabled": "Đã vô hiệu hóa tài khoản {name}; các phiên đăng nhập của tài khoản đã kết thúc.",
    "enabled": "Đã kích hoạt lại tài khoản {name}.",
    "password_reset": (
        "Đã đặt lại mật khẩu của {name}; các phiên đăng nhập của tài khoản đã kết thúc."
    ),
    "corrected": "Đã sửa {field} của {code}: {before} → {after}.",
    "unit_added": "Đã thêm đơn vị {code}: {name}.",
}

# The sign-in page, the sidebar's account box and the pages' own checks.
AUTH_PAGE: dict[str, str] = {
    "title": "Đăng nhập",
    "intro": "Đăng nhập để xem bảng điều khiển và báo cáo số liệu của đơn vị.",
    "name": "Tên tài khoản",
    "password": "Mật khẩu",
    "submit": "Đăng nhập",
    "sso_button": "Đăng nhập bằng tài khoản cơ quan (SSO)",
    "or_password": "Hoặc đăng nhập bằng tài khoản và mật khẩu:",
    "reload_note": (
        "Vì an toàn, phiên đăng nhập chỉ nằm trong thẻ trình duyệt này: tải lại trang hoặc "
        "mở thẻ mới sẽ cần đăng nhập lại."
    ),
    "demo_title": "Tài khoản minh họa",
    "demo_caption": (
        "Cơ sở dữ liệu đang có số liệu minh họa nên có sẵn một tài khoản cho mỗi vai trò. "
        "Các tài khoản này bị xóa cùng số liệu minh họa."
    ),
    "demo_columns_name": "Tài khoản",
    "demo_columns_role": "Vai trò",
    "demo_columns_password": "Mật khẩu",
    "first_admin": (
        "Chưa có quản trị viên nào. Người quản lý máy chủ tạo quản trị viên đầu tiên bằng lệnh "
        "dưới đây (mật khẩu được đọc từ đầu vào chuẩn, không hiện ra màn hình), rồi đăng nhập "
        "để tạo các tài khoản khác trên trang Tài khoản."
    ),
    "first_admin_command": (
        "read -rs MAT_KHAU && printf '%s\\n' \"$MAT_KHAU\" | "
        ".venv/bin/python -m nq57 user add quantri.tinh --role admin --display-name \"Họ Tên\" "
        "--password-stdin"
    ),
    "not_signed_in": "Chưa đăng nhập.",
    "who_line": "{label} ({name})",
    "units_line": "Đơn vị: {units}",
    "sign_out": "Đăng xuất",
    "sign_in_first": "Trang này cần đăng nhập.",
    "go_sign_in": "Đăng nhập",
    "no_access_title": "Chưa được cấp quyền truy cập",
    "no_access_sign_out": "Đăng xuất khỏi tài khoản cơ quan",
    "no_access_text": (
        "Tài khoản cơ quan sau đây chưa được cấp quyền truy cập bảng điều khiển. Vui lòng liên "
        "hệ quản trị viên để được tạo tài khoản với e-mail này."
    ),
}

HISTORY_PAGE: dict[str, str] = {
    "title": "Lịch sử nhập số liệu",
    "intro": (
        "Mọi lần nhập số liệu và mọi giá trị đã báo cáo đều được giữ lại. Quản trị viên có thể "
        "thu hồi một lần nhập (kèm lý do); các giá trị khi đó trở về lần nhập trước."
    ),
}

AUDIT_PAGE: dict[str, str] = {
    "title": "Nhật ký hệ thống",
    "intro": (
        "Mọi lần đăng nhập, đăng nhập sai, tạm khóa, nhập và thu hồi số liệu, sửa danh mục, "
        "tài khoản và thiết lập đều được ghi lại và không thể sửa. Không bao giờ ghi mật khẩu."
    ),
    "since": "Từ ngày",
    "account": "Tài khoản",
    "action": "Việc",
    "all": "Tất cả",
    "count": "{count} mục",
    "empty": "Không có mục nào khớp với bộ lọc.",
}

ADMIN_ACCOUNTS: dict[str, str] = {
    "title": "Tài khoản",
    "intro": (
        "Mỗi người dùng một tài khoản với một vai trò; cán bộ báo cáo chỉ báo cáo cho các đơn vị "
        "được gắn. Mọi thay đổi được ghi vào nhật ký hệ thống."
    ),
    "col_name": "Tài khoản",
    "col_display": "Họ tên",
    "col_role": "Vai trò",
    "col_units": "Đơn vị",
    "col_email": "E-mail (SSO)",
    "col_password": "Có mật khẩu",
    "col_state": "Trạng thái",
    "col_demo": "Minh họa",
    "enabled": "Đang hoạt động",
    "disabled": "Đã vô hiệu hóa",
    "create": "Tạo tài khoản",
    "name": "Tên tài khoản",
    "name_help": "Chữ thường không dấu, chữ số và . _ -, ví dụ canbo.snv",
    "display_name": "Họ tên hiển thị",
    "role": "Vai trò",
    "units": "Đơn vị báo cáo",
    "units_help": "Chỉ dành cho cán bộ báo cáo (staff).",
    "units_placeholder": "Chọn đơn vị",
    "email": "E-mail đăng nhập một lần (SSO)",
    "email_help": "Để trống nếu cơ quan không dùng đăng nhập một lần.",
    "password": "Mật khẩu",
    "password_help": "Ít nhất 10 ký tự; có thể để trống nếu tài khoản chỉ đăng nhập bằng SSO.",
    "password_again": "Nhập lại mật khẩu",
    "create_button": "Tạo tài khoản",
    "created": "Đã tạo tài khoản {name}.",
    "change": "Sửa một tài khoản",
    "account": "Tài khoản",
    "update_button": "Lưu thay đổi",
    "updated": "Đã cập nhật tài khoản {name}.",
    "disable_button": "Vô hiệu hóa",
    "enable_button": "Kích hoạt lại",
    "disabled_done": "Đã vô hiệu hóa tài khoản {name}; các phiên đăng nhập đã kết thúc.",
    "enabled_done": "Đã kích hoạt lại tài khoản {name}.",
    "new_password": "Mật khẩu mới",
    "reset_button": "Đặt lại mật khẩu",
    "reset_done": "Đã đặt lại mật khẩu của {name}; các phiên đăng nhập đã kết thúc.",
    "sessions": "Đang đăng nhập",
    "no_sessions": "Không có phiên đăng nhập nào đang mở.",
}

SESSION_COLUMNS: dict[str, str] = {
    "id": "Phiên", "account_name": "Tài khoản", "method": "Cách đăng nhập",
    "client": "Máy", "created_at": "Đăng nhập lúc", "last_seen_at": "Thao tác gần nhất",
}

ADMIN_CATALOGUE: dict[str, str] = {
    "title": "Sửa danh mục",
    "intro": (
        "Sửa ngưỡng, phép so sánh, thời hạn và đơn vị chủ trì mà không sửa tệp danh mục đã "
        "chép từ văn bản. Mỗi lần sửa cần lý do (văn bản, quyết định) và được ghi vào nhật ký."
    ),
    "targets": "Chỉ tiêu: phép so sánh và ngưỡng",
    "col_code": "Mã",
    "col_name": "Chỉ tiêu",
    "col_comparator": "So sánh",
    "col_low": "Ngưỡng dưới",
    "col_high": "Ngưỡng trên",
    "col_lead": "Đơn vị chủ trì",
    "col_assumed": "Chủ trì giả định",
    "target": "Chỉ tiêu",
    "field": "Sửa",
    "comparator": "Phép so sánh",
    "threshold_low": "Ngưỡng dưới",
    "threshold_high": "Ngưỡng trên",
    "value": "Giá trị mới",
    "value_help": (
        "Phép so sánh: >=, >, <=, <, =, between, qualitative. Ngưỡng: một số (dấu phẩy hoặc "
        "chấm thập phân); để trống để bỏ ngưỡng trên."
    ),
    "reason": "Lý do (văn bản, quyết định)",
    "save": "Lưu",
    "corrected": "Đã sửa {field} của {code}: {before} → {after}.",
    "tasks": "Nhiệm vụ: thời hạn",
    "task": "Nhiệm vụ",
    "deadline": "Thời hạn",
    "leads": "Đơn vị chủ trì",
    "leads_help": (
        "Văn bản không nêu đơn vị chủ trì của mọi chỉ tiêu: các giao theo chức năng được đánh "
        "dấu «giả định» cho đến khi quản trị viên xác nhận."
    ),
    "assumed_mark": ", giả định",
    "deadline_assumed_mark": ", thời hạn giả định",
    "item": "Chỉ tiêu, nhiệm vụ",
    "lead": "Đơn vị chủ trì",
    "settings": "Thiết lập",
    "setting": "Thiết lập",
    "setting_done": "Đã đặt {key} = {value}.",
    "history": "Các lần sửa danh mục",
    "no_history": "Danh mục chưa được sửa lần nào.",
}

SETTINGS_COLUMNS: dict[str, str] = {"key": "Thiết lập", "value": "Giá trị",
                                    "description": "Ý nghĩa"}

CORRECTION_COLUMNS: dict[str, str] = {
    "object_type": "Loại", "code": "Mã", "field": "Trường", "value": "Giá trị mới",
    "corrected_by": "Người sửa", "corrected_at": "Thời điểm", "reason": "Lý do",
}

ADMIN_UNITS: dict[str, str] = {
    "title": "Đơn vị",
    "intro": (
        "Tên các đơn vị và các đơn vị văn bản chưa liệt kê (xã, phường, đơn vị mới). Mỗi thay "
        "đổi cần lý do và được ghi vào nhật ký."
    ),
    "rename": "Sửa tên đơn vị",
    "unit": "Đơn vị",
    "field": "Sửa",
    "name": "Tên đầy đủ",
    "short_name": "Tên ngắn",
    "value": "Tên mới",
    "reason": "Lý do (văn bản, quyết định)",
    "save": "Lưu",
    "renamed": "Đã sửa tên đơn vị {code}.",
    "add": "Thêm đơn vị",
    "code": "Mã đơn vị",
    "code_help": "2–20 chữ in hoa không dấu, chữ số hoặc dấu _, ví dụ XA_TANPHU.",
    "kind": "Loại đơn vị",
    "parent": "Đơn vị cấp trên",
    "no_parent": "(không có)",
    "add_button": "Thêm đơn vị",
    "added": "Đã thêm đơn vị {code}.",
}

UNIT_COLUMNS: dict[str, str] = {"code": "Mã", "name": "Tên đầy đủ", "short_name": "Tên ngắn",
                                "kind": "Loại", "parent_code": "Đơn vị cấp trên"}

# --- typed text, odd characters, faults -------------------------------------------

# How a character that is not what it looks like is named in a message
# (nq57.untrusted.odd_characters), so that it is never printed invisibly.
ODD_CHARACTERS: dict[str, str] = {
    "invisible": "ký tự vô hình {code}",
    "control": "ký tự điều khiển {code}",
    "unknown": "ký tự không xác định {code}",
    "fullwidth_digit": "«{ch}» chữ số toàn chiều rộng, {code}",
    "fullwidth": "«{ch}» ký tự toàn chiều rộng, {code}",
    "superscript": "«{ch}» chữ số mũ, {code}",
    "subscript": "«{ch}» chữ số chỉ số dưới, {code}",
    "other_digit": "«{ch}» chữ số của hệ chữ viết khác, {code}",
    "number_sign": "«{ch}» ký hiệu số (phân số, số La Mã…), {code}",
    "lookalike": "«{ch}» chữ cái trông giống chữ Latinh nhưng thuộc bảng chữ khác, {code}",
    "message": (
        "{what} «{text}» có ký tự không hợp lệ: {chars}. Chỉ dùng chữ số 0–9 và chữ cái "
        "thông thường; hãy gõ lại bằng bàn phím (không sao chép từ nơi khác)."
    ),
    "what_text": "Nội dung",
    "what_value": "Giá trị",
    "what_code": "Mã",
    "what_period": "Kỳ báo cáo",
    "what_setting": "Giá trị thiết lập",
    "what_unit": "Đơn vị",
}

# How an evidence link is shown on a page: clearly a link that leaves the dashboard.
LINK_TEXTS: dict[str, str] = {
    "external": "Liên kết ngoài ↗ {host}",
}

INCIDENT_TEXTS: dict[str, str] = {
    "page": (
        "Đã xảy ra lỗi ngoài dự kiến khi hiển thị trang này (mã sự cố {incident}). Số liệu "
        "đã lưu không bị ảnh hưởng. Hãy tải lại trang; nếu vẫn lỗi, báo mã sự cố cho Tổ "
        "giúp việc."
    ),
    "cli": (
        "Lỗi ngoài dự kiến (mã sự cố {incident}); chi tiết đã được ghi vào nhật ký. Số liệu "
        "đã lưu không bị ảnh hưởng. Hãy báo mã sự cố cho quản trị viên."
    ),
}

# Paths given to the command line (nq57.files).
FILE_MESSAGES: dict[str, str] = {
    "input_missing": "Không có tệp {path}.",
    "input_is_folder": "{path} là một thư mục, không phải tệp. Hãy chỉ ra tệp .xlsx cần nhập.",
    "input_not_regular": (
        "{path} không phải là một tệp thông thường (có thể là thiết bị, ống dẫn hoặc socket) "
        "nên không được đọc. Hãy lưu số liệu thành tệp .xlsx rồi chỉ ra tệp đó."
    ),
    "input_unreadable": "Không đọc được tệp {path}: {reason}.",
    "output_is_folder": (
        "{path} là một thư mục. Hãy ghi rõ tên tệp cần tạo, ví dụ {path}/bieu-mau.xlsx."
    ),
    "output_no_folder": "Không có thư mục {folder} để ghi tệp {path}. Hãy tạo thư mục trước.",
    "output_failed": "Không ghi được tệp {path}: {reason}. Tệp chưa được ghi.",
    "errno_other": "lỗi hệ thống tệp ({code})",
}

# What an OSError means, by errno (the OS's English words are only logged).
OS_ERRORS: dict[int, str] = {
    2: "không có tệp hoặc thư mục này",
    5: "lỗi đọc/ghi của thiết bị lưu trữ",
    13: "không có quyền truy cập",
    1: "không được phép thực hiện",
    17: "tệp đã tồn tại",
    20: "một phần của đường dẫn không phải là thư mục",
    21: "đây là một thư mục",
    27: "tệp vượt quá kích thước cho phép",
    28: "ổ đĩa đã đầy",
    30: "ổ đĩa chỉ cho phép đọc",
    36: "tên tệp quá dài",
    122: "vượt hạn mức dung lượng",
}

SETTING_TEXTS: dict[str, str] = {
    "secretariat_collective": (
        "«{unit}» là một nhóm đơn vị nên không thể tự báo cáo; đơn vị báo cáo thay cho nhóm "
        "phải là một sở, ngành cụ thể (ví dụ SKHCN)."
    ),
}

# --- evidence, review and period locks --------------------------------------------

# What an accepted evidence file is, in words.
EVIDENCE_TYPE_LABELS: dict[str, str] = {
    "pdf": "PDF",
    "png": "ảnh PNG",
    "jpeg": "ảnh JPEG",
    "docx": "Word (.docx)",
    "xlsx": "Excel (.xlsx)",
    "pptx": "PowerPoint (.pptx)",
    "office": "tài liệu Office",
}
# What a refused file really is.
EVIDENCE_DANGER_LABELS: dict[str, str] = {
    "windows": "chương trình chạy được của Windows (.exe, .dll)",
    "elf": "chương trình chạy được của Linux (ELF)",
    "macho": "chương trình chạy được (Mach-O hoặc Java)",
    "wasm": "chương trình WebAssembly",
    "script": "mã lệnh (script)",
    "markup": "trang web (HTML), ảnh SVG hoặc tài liệu XML",
}
EVIDENCE_UNKNOWN_TYPE = "loại tệp không xác định"
EVIDENCE_DETAILS: dict[str, str] = {
    "pdf_no_eof": "không kết thúc bằng %%EOF",
    "pdf_bomb": "nội dung giải nén quá lớn",
    "png_end": "thiếu phần kết thúc IEND",
    "png_chunk": "khối dữ liệu không hợp lệ",
    "png_crc": "mã kiểm tra của một khối dữ liệu sai",
    "jpeg_segment": "đoạn dữ liệu không hợp lệ",
    "jpeg_end": "thiếu dấu kết thúc ảnh (FFD9)",
    "zip_end": "không tìm thấy phần kết thúc của tệp nén",
    "zip64": "tệp nén kiểu ZIP64, tài liệu Office thông thường không dùng",
    "zip": "một tệp nén ZIP",
    "html": "mã trang web (HTML hoặc JavaScript)",
    "trailing": "dữ liệu lạ nối thêm ở cuối tệp",
    "prefix": "dữ liệu lạ chèn trước tệp nén",
}

EVIDENCE_MESSAGES: dict[str, str] = {
    "empty": "Tệp minh chứng «{file}» rỗng (0 byte).",
    "too_large": (
        "Tệp minh chứng «{file}» có dung lượng {size} MB, vượt giới hạn {limit} MB. Hãy nén "
        "ảnh hoặc xuất lại PDF với chất lượng ảnh thấp hơn, hoặc chia thành nhiều tệp."
    ),
    "executable": (
        "Tệp «{file}» là {what}. Hệ thống không nhận tệp chương trình làm minh chứng."
    ),
    "script": "Tệp «{file}» là {what}. Hệ thống không nhận mã lệnh làm minh chứng.",
    "markup": (
        "Tệp «{file}» là {what}. Hệ thống không nhận loại tệp này làm minh chứng vì nó có "
        "thể chứa mã lệnh. Hãy in trang ra PDF, hoặc gửi đường dẫn http(s) tới trang đó."
    ),
    "disguised": (
        "Tệp «{file}» mang tên của một tệp {claimed} nhưng nội dung thực là {actual}. "
        "Hệ thống không nhận tệp ngụy trang."
    ),
    "polyglot": (
        "Tệp «{file}» là {kind} nhưng còn chứa {other} (tệp lai), nên bị từ chối để bảo vệ "
        "hệ thống. Hãy mở tệp bằng phần mềm thông thường, lưu lại (hoặc xuất lại PDF) rồi "
        "tải lên."
    ),
    "malformed": (
        "Tệp «{file}» có phần đầu của tệp {kind} nhưng cấu trúc không đúng ({detail}). Hãy "
        "mở tệp, lưu lại rồi tải lên."
    ),
    "pdf_active": (
        "Tệp PDF «{file}» có chứa mã lệnh, hành động tự chạy hoặc tệp đính kèm ({what}), "
        "nên không được nhận. Hãy in lại ra PDF thường (chọn In → Microsoft Print to PDF "
        "hoặc Xuất ra PDF) rồi tải lên."
    ),
    "office_macro": (
        "Tệp «{file}» có chứa macro (VBA). Hãy lưu lại dưới dạng .docx, .xlsx hoặc .pptx "
        "không có macro, hoặc xuất ra PDF, rồi tải lên."
    ),
    "office_active": (
        "Tệp «{file}» có nhúng đối tượng chạy được hoặc trang web («{name}»). Hãy bỏ đối "
        "tượng nhúng hoặc xuất tệp ra PDF rồi tải lên."
    ),
    "office_archive": (
        "Tệp «{file}» có nội dung nén bất thường hoặc bị hỏng ({detail}) và bị từ chối để "
        "bảo vệ hệ thống."
    ),
    "old_office": (
        "Tệp «{file}» là tệp Office định dạng cũ (.doc, .xls, .ppt) hoặc được đặt mật khẩu. "
        "Hãy lưu lại dưới dạng .docx, .xlsx, .pptx không mật khẩu, hoặc xuất ra PDF."
    ),
    "unsupported": (
        "Tệp «{file}» không thuộc loại được nhận làm minh chứng ({what}). Chỉ nhận PDF, ảnh "
        "PNG hoặc JPEG, Word .docx, Excel .xlsx, PowerPoint .pptx, tối đa {limit} MB."
    ),
    # links
    "link_scheme": (
        "Đường dẫn minh chứng «{url}» không bắt đầu bằng http:// hoặc https://. Chỉ nhận "
        "liên kết http(s), ví dụ https://dongnai.gov.vn/van-ban/123."
    ),
    "link_malformed": (
        "«{url}» không phải một đường dẫn http(s) hợp lệ, ví dụ "
        "https://dongnai.gov.vn/van-ban/123."
    ),
    "link_credentials": (
        "Đường dẫn minh chứng không được chứa tên đăng nhập hoặc mật khẩu (phần trước @)."
    ),
    "link_too_long": "Đường dẫn minh chứng dài {length} ký tự, vượt giới hạn {limit} ký tự.",
    # attaching
    "not_reported": (
        "{item} chưa có giá trị báo cáo của {unit} kỳ {period}. Hãy báo cáo giá trị trước "
        "(trang Nhập số liệu hoặc lệnh import), rồi thêm minh chứng."
    ),
    "unknown_evidence": "Không có minh chứng số {id}.",
    "need_reason": "Hãy ghi lý do trả lại minh chứng để đơn vị biết cần hoàn thiện gì.",
    "reason_too_long": "Lý do dài {length} ký tự, vượt giới hạn {limit} ký tự.",
    "stale": (
        "Minh chứng số {id} không còn là minh chứng mới nhất của {item} ({unit}, kỳ "
        "{period}): đơn vị đã gửi minh chứng số {newest}. Hãy thẩm định minh chứng mới."
    ),
    "nothing_to_review": (
        "Giá trị báo cáo mà minh chứng số {id} hỗ trợ đã bị thu hồi; không còn gì để thẩm định."
    ),
    "missing_file": (
        "Tệp của minh chứng số {id} không còn trong kho minh chứng ({path}). Hãy khôi phục từ "
        "bản sao lưu."
    ),
    "cannot_store": "Không lưu được tệp minh chứng vào {path}: {error}",
    # the Excel round trip
    "excel_unmatched": (
        "Ô {cell}: «{text}» chưa được ghi nhận là minh chứng: minh chứng là một tệp tải lên "
        "kèm (đúng tên tệp) hoặc một đường dẫn http(s). {code} sẽ «Chờ minh chứng» nếu báo "
        "cáo đạt hoặc hoàn thành."
    ),
    "excel_link": "Ô {cell}: {message}",
    "excel_file": "Tệp minh chứng kèm theo: {message}",
    "excel_unused": (
        "Tệp minh chứng «{file}» không được dòng nào nhắc tới (cột «Minh chứng») nên không "
        "được lưu."
    ),
    "excel_duplicate_name": (
        "Có hai tệp minh chứng cùng tên «{file}»; hãy đổi tên một tệp rồi tải lên lại."
    ),
}

REVIEW_STATE_LABELS: dict[str, str] = {
    "missing": "Chưa có minh chứng",
    "pending": "Chờ thẩm định",
    "accepted": "Đã chấp nhận",
    "sent_back": "Bị trả lại",
}
REVIEW_DECISION_LABELS: dict[str, str] = {
    "accepted": "Chấp nhận",
    "sent_back": "Trả lại",
    "added": "Gửi minh chứng",
}
EVIDENCE_KIND_LABELS: dict[str, str] = {"file": "Tệp", "link": "Liên kết ngoài"}

LOCK_MESSAGES: dict[str, str] = {
    "locked": (
        "Kỳ {period} đã được khóa sau khi tổng hợp (bởi {by}, lúc {at}). Chỉ quản trị viên "
        "mới được thay đổi số liệu, minh chứng hoặc kết quả thẩm định của kỳ đã khóa; hãy "
        "liên hệ Tổ giúp việc nếu cần sửa."
    ),
    "already_locked": "Kỳ {period} đã được khóa từ trước (bởi {by}, lúc {at}).",
    "not_locked": "Kỳ {period} đang mở, không cần mở khóa.",
    "lock_done": "Đã khóa kỳ {period}.",
    "unlock_done": "Đã mở khóa kỳ {period}.",
}

REVIEW_CLI: dict[str, str] = {
    "evidence_added": (
        "Đã thêm minh chứng số {id} ({kind}) cho {item}, {unit}, kỳ {period}; chờ thẩm định."
    ),
    "evidence_same": (
        "Minh chứng này đã có (số {id}) cho {item}, {unit}, kỳ {period}; không thêm lại."
    ),
    "accepted": "Đã chấp nhận minh chứng số {id} ({item}, {unit}, kỳ {period}).",
    "sent_back": (
        "Đã trả lại minh chứng số {id} ({item}, {unit}, kỳ {period}); mục này chuyển sang "
        "«{status}»."
    ),
    "need_file_or_link": "Hãy cho --file TỆP hoặc --link ĐƯỜNG_DẪN (một trong hai).",
    "evidence_heading": "Minh chứng và thẩm định",
    "no_evidence": "Chưa có minh chứng nào.",
    "file_written": "Đã ghi tệp minh chứng số {id} vào {path}.",
    "is_link": "Minh chứng số {id} là liên kết ngoài: {url}",
}

REVIEW_PAGE: dict[str, str] = {
    "title": "Thẩm định minh chứng",
    "intro": (
        "Các mục đơn vị báo cáo kèm minh chứng đang chờ Tổ giúp việc thẩm định. Mở minh "
        "chứng, rồi chấp nhận hoặc trả lại kèm lý do; mọi quyết định được ghi vào lịch sử."
    ),
    "state_filter": "Trạng thái",
    "queue": "Danh sách chờ thẩm định ({count})",
    "queue_empty": "Không có mục nào ở trạng thái này trong kỳ và bộ lọc đang chọn.",
    "pick": "Chọn mục để thẩm định",
    "evidence": "Minh chứng",
    "reported": "Đơn vị {unit} báo cáo {value} ({status_reported}); minh chứng gửi lúc {at}.",
    "file_facts": "Tệp: {type}, {size}; tên gốc:",
    "link_facts": "Liên kết ngoài (mở trong thẻ mới, hệ thống không kiểm soát nội dung):",
    "open_link": "Mở liên kết ngoài ↗",
    "download": "Tải tệp minh chứng",
    "pdf_pages": "Trang {first}–{last} của tệp PDF (ảnh xem trước; tải tệp để xem đầy đủ).",
    "pdf_no_preview": "Không xem trước được tệp PDF này; hãy tải về để xem.",
    "office_no_preview": "Tài liệu Office không xem trước trên trang; hãy tải về để xem.",
    "decision": "Quyết định",
    "accept": "Chấp nhận minh chứng",
    "send_back": "Trả lại để hoàn thiện",
    "reason": "Lý do trả lại (đơn vị sẽ thấy)",
    "insufficient": "Minh chứng không đạt chất lượng (cảnh báo đỏ theo Kế hoạch)",
    "insufficient_help": (
        "Đánh dấu khi minh chứng không chứng minh được kết quả: mục này bị cảnh báo đỏ thay "
        "vì «Chờ hoàn thiện»."
    ),
    "accepted": "Đã chấp nhận minh chứng số {id}.",
    "sent_back": "Đã trả lại minh chứng số {id}.",
    "history": "Lịch sử minh chứng và thẩm định của mục này",
    "locks": "Khóa kỳ báo cáo",
    "locks_help": (
        "Khóa kỳ sau khi đã tổng hợp: sau đó chỉ quản trị viên mới sửa được số liệu, minh "
        "chứng và kết quả thẩm định của kỳ (mỗi lần sửa đều ghi nhật ký)."
    ),
    "lock_state_open": "Kỳ {period} đang mở.",
    "lock_state_locked": "Kỳ {period} đã khóa (bởi {by}, lúc {at}).",
    "lock": "Khóa kỳ {period}",
    "unlock": "Mở khóa kỳ {period} (quản trị)",
    "unlock_reason": "Lý do mở khóa",
    "compare": "Báo cáo và thẩm định theo đơn vị",
    "compare_note": (
        "Số mục đơn vị báo cáo là đạt, và số mục đã được thẩm định là đạt: chênh lệch lớn "
        "cho thấy đơn vị báo cáo lạc quan hơn minh chứng."
    ),
    "no_claims": "Kỳ này chưa có mục nào được báo cáo là đạt.",
}

EVIDENCE_PAGE: dict[str, str] = {
    "section": "Minh chứng",
    "excel_files": "Tệp minh chứng kèm theo (tùy chọn, nhiều tệp)",
    "excel_files_help": (
        "Ghi đúng tên tệp vào cột «Minh chứng» của dòng tương ứng, hoặc ghi một đường dẫn "
        "http(s). Nhận PDF, ảnh PNG/JPEG, .docx, .xlsx, .pptx; tối đa 20 MB mỗi tệp."
    ),
    "sent_back_heading": "Minh chứng bị trả lại, cần hoàn thiện ({count})",
    "sent_back_none": "Không có minh chứng nào của đơn vị bị trả lại trong kỳ này.",
    "sent_back_by": "Tổ giúp việc trả lại ngày {day}{quality}, lý do:",
    "add_heading": "Thêm minh chứng cho giá trị đã báo cáo",
    "add_item": "Chỉ tiêu, nhiệm vụ đã báo cáo",
    "add_kind": "Loại minh chứng",
    "add_file": "Tệp minh chứng",
    "add_link": "Đường dẫn http(s)",
    "add_button": "Gửi minh chứng",
    "added": "Đã gửi minh chứng số {id}; mục này chờ Tổ giúp việc thẩm định.",
    "same": "Minh chứng này đã có (số {id}); không gửi lại.",
    "nothing_reported": "Đơn vị chưa báo cáo giá trị nào trong kỳ này.",
    "locked": "Kỳ này đã khóa.",
    "excel_saved": "Đã gửi {count} minh chứng kèm theo; các mục này chờ Tổ giúp việc thẩm định.",
}

REVIEW_COLUMNS: dict[str, str] = {
    "evidence_id": "Số minh chứng",
    "code": "Mã",
    "name": "Chỉ tiêu, nhiệm vụ",
    "reporting_unit": "Đơn vị báo cáo",
    "period": "Kỳ",
    "actual": "Giá trị báo cáo",
    "reported_status": "Theo báo cáo",
    "status": "Tình trạng chính thức",
    "verified_status": "Sau thẩm định",
    "review_state": "Thẩm định",
    "evidence_kind": "Loại",
    "evidence_added_at": "Gửi lúc",
    "review_reason": "Lý do trả lại",
    "insufficient_quality": "Không đạt chất lượng",
    "reviewed_by": "Người thẩm định",
    "reviewed_at": "Thẩm định lúc",
    "event": "Sự kiện",
    "happened_at": "Thời điểm",
    "done_by": "Người thực hiện",
    "what": "Minh chứng",
    "reason": "Lý do",
    "value": "Giá trị",
    "unit": "Đơn vị",
    "unit_short": "Đơn vị chủ trì",
    "claimed": "Báo cáo là đạt",
    "verified": "Đã thẩm định đạt",
    "reported": "Theo báo cáo",
    "official": "Chính thức",
    "verified_view": "Sau thẩm định",
    "original_name": "Tên tệp gốc",
    "url": "Liên kết",
    "file_type": "Loại tệp",
    "awaiting_review": "Chờ thẩm định",
    "awaiting_evidence": "Chờ minh chứng",
    "sent_back": "Bị trả lại",
    "optimism": "Chênh lệch",
}

# Template: the reviewer's note on an item, in the unit's next template.
EXCEL_REVIEW_HEADER = "Ý kiến thẩm định minh chứng"
EXCEL_REVIEW_NOTE = "{period}: minh chứng bị trả lại ngày {day}{quality} — {reason}"
EXCEL_REVIEW_QUALITY = " (không đạt chất lượng)"

PAGE_TITLES["review"] = REVIEW_PAGE["title"]
REVIEW_PAGE_PATH = "tham-dinh"
# Headers of the review tables (nq57.tables), beside the dashboard's own.
COLUMN_LABELS.update({k: v for k, v in REVIEW_COLUMNS.items() if k not in COLUMN_LABELS})
TABLE_TITLES.update({
    "review_queue": "Minh chứng chờ thẩm định",
    "evidence_log": "Minh chứng và thẩm định",
    "reported_vs_verified": "Báo cáo và thẩm định theo đơn vị",
    "status_views": "Tình trạng theo báo cáo, chính thức và sau thẩm định",
    "sent_back": "Minh chứng bị trả lại",
})
REVIEW_CHART: dict[str, str] = {
    "verified": "✔ Đã thẩm định đạt",
    "awaiting_review": "◔ Chờ thẩm định",
    "awaiting_evidence": "✎ Chờ minh chứng",
    "sent_back": "↺ Bị trả lại",
    "axis": "Số mục đơn vị báo cáo là đạt",
    "optimism": "{n} mục chưa được xác nhận",
}
STATUS_VIEW_LABELS: dict[str, str] = {
    "reported": "Theo báo cáo của đơn vị",
    "official": "Chính thức (áp dụng quy định minh chứng)",
    "verified": "Sau thẩm định",
}

# --- the briefing report (nq57/briefing) -------------------------------------------

# The header block of a Vietnamese administrative report (Nghị định 30/2020/NĐ-CP).
# The province's report is issued by the Steering Committee; a report scoped to one
# unit is issued by that unit, under the body it belongs to (BRIEFING_SUPERIOR).
BRIEFING_ISSUER: dict[str, str] = {
    "superior": "UBND TỈNH ĐỒNG NAI",
    "name": ("BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ "
             "CHUYỂN ĐỔI SỐ"),
    "code": "BCĐ",
    "signer_for": "TM. BAN CHỈ ĐẠO",
    "signer": "TRƯỞNG BAN",
}
# The body above a unit without a parent unit, by the unit's kind (units.kind); a
# unit with a parent (an office of a board) is headed by its parent's name.
BRIEFING_SUPERIOR: dict[str, str] = {
    "party_body": "TỈNH ỦY ĐỒNG NAI",
    "front": "TỈNH ỦY ĐỒNG NAI",
    "default": "UBND TỈNH ĐỒNG NAI",
}
BRIEFING_UNIT_SIGNER: dict[str, str] = {"signer_for": "", "signer": "THỦ TRƯỞNG ĐƠN VỊ"}
BRIEFING_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
BRIEFING_MOTTO = "Độc lập - Tự do - Hạnh phúc"
BRIEFING_NUMBER = "Số: …/BC-{code}"
BRIEFING_PLACE = "Đồng Nai"
BRIEFING_DATE = "{place}, ngày {day} tháng {month} năm {year}"
BRIEFING_TITLE = "BÁO CÁO"
BRIEFING_SUBJECT = (
    "Tình hình thực hiện các chỉ tiêu, nhiệm vụ phát triển khoa học, công nghệ, đổi mới "
    "sáng tạo và chuyển đổi số năm {year}"
)
BRIEFING_SUBJECT_SCOPE = "{period} — {scope}"
BRIEFING_SIGNATURE_HINT = "(Ký, ghi rõ họ tên, đóng dấu)"
BRIEFING_RECIPIENTS_TITLE = "Nơi nhận:"
BRIEFING_RECIPIENTS: dict[str, tuple[str, ...]] = {
    "province": (
        "- Thường trực Tỉnh ủy (b/c);",
        "- Các đồng chí thành viên Ban Chỉ đạo;",
        "- Các sở, ban, ngành, địa phương;",
        "- Lưu: VT, Tổ giúp việc.",
    ),
    "unit": (
        "- Ban Chỉ đạo tỉnh (b/c);",
        "- Tổ giúp việc Ban Chỉ đạo (Sở Khoa học và Công nghệ);",
        "- Lưu: VT.",
    ),
}

BRIEFING_SCOPE: dict[str, str] = {
    "province": "toàn tỉnh",
    "units": "{names}",
    "group": "nhóm chỉ tiêu {group}",
}

BRIEFING_PARTS: dict[str, str] = {
    "results": "I. Kết quả đạt được",
    "shortcomings": "II. Tồn tại, hạn chế",
    "causes": "III. Nguyên nhân",
    "next_steps": "IV. Nhiệm vụ, giải pháp thời gian tới",
    "proposals": "V. Kiến nghị, đề xuất",
    "appendix_targets": "Phụ lục I. Kết quả thực hiện các chỉ tiêu",
    "appendix_tasks": "Phụ lục II. Tiến độ thực hiện các nhiệm vụ",
}

# Sheet names of the Excel report (at most 31 characters, none of []:*?/\).
BRIEFING_SHEETS: dict[str, str] = {
    "results": "I. Kết quả",
    "shortcomings": "II. Tồn tại, hạn chế",
    "causes": "III. Nguyên nhân",
    "next_steps": "IV. Nhiệm vụ tới",
    "proposals": "V. Kiến nghị",
    "appendix_targets": "PL I. Chỉ tiêu",
    "appendix_tasks": "PL II. Nhiệm vụ",
}

BRIEFING_TEXTS: dict[str, str] = {
    "intro": (
        "Số liệu tổng hợp từ hệ thống {app}, đánh giá đến ngày {as_of} theo các quy tắc "
        "của Kế hoạch 03-KH/BCĐ (mục IV.2); lập lúc {moment}."
    ),
    "demo": "SỐ LIỆU MINH HỌA — không phải số liệu báo cáo thật",
    "demo_long": (
        "Lưu ý: báo cáo này được lập từ số liệu minh họa, không phải số liệu do các đơn vị "
        "báo cáo."
    ),
    "no_tasks_in_scope": (
        "Báo cáo theo nhóm chỉ tiêu nên không gồm các nhiệm vụ (nhiệm vụ không thuộc nhóm "
        "chỉ tiêu nào)."
    ),
    # I.
    "results_summary": (
        "Trong {period}, {total} chỉ tiêu được theo dõi: {achieved} đạt, {on_track} đúng "
        "tiến độ, {behind} chậm tiến độ, {red} cảnh báo đỏ, {unreported} chưa có số liệu."
    ),
    "results_tasks": (
        "{total} nhiệm vụ: {achieved} đã hoàn thành, {on_track} đúng tiến độ, {behind} chậm "
        "tiến độ, {red} cảnh báo đỏ, {unreported} chưa có số liệu."
    ),
    "results_change": "So với {period}: {changes}.",
    "results_no_change": "Không thay đổi so với {period}.",
    "change_item": "{status} {change:+d}",
    "no_previous": "Đây là kỳ đầu tiên của năm nên không có kỳ trước để so sánh.",
    "no_targets": "Không có chỉ tiêu nào trong phạm vi báo cáo.",
    "counts": "Số chỉ tiêu, nhiệm vụ theo tình trạng",
    "chart_counts": "Hình 1. Số chỉ tiêu theo tình trạng, {period}",
    "chart_groups": "Hình 2. Tình trạng các chỉ tiêu theo nhóm, {period}",
    "achieved": "1. Các chỉ tiêu đã đạt",
    "no_achieved": "Chưa có chỉ tiêu nào đạt trong kỳ.",
    "on_track": "2. Các chỉ tiêu đúng tiến độ",
    "no_on_track": "Không có chỉ tiêu nào đúng tiến độ trong kỳ.",
    "tasks_done": "3. Các nhiệm vụ đã hoàn thành",
    "no_tasks_done": "Chưa có nhiệm vụ nào hoàn thành trong kỳ.",
    # II.
    "shortcomings_summary": (
        "{red} chỉ tiêu, nhiệm vụ bị cảnh báo đỏ; {behind} chậm tiến độ; {missing} đơn vị "
        "quá hạn chưa báo cáo, {late} đơn vị báo cáo muộn; {returned} minh chứng bị trả lại "
        "hoặc còn thiếu."
    ),
    "red": "1. Chỉ tiêu, nhiệm vụ bị cảnh báo đỏ",
    "no_red": "Không có chỉ tiêu, nhiệm vụ nào bị cảnh báo đỏ trong kỳ.",
    "behind": "2. Chỉ tiêu, nhiệm vụ chậm tiến độ",
    "no_behind": "Không có chỉ tiêu, nhiệm vụ nào chậm tiến độ trong kỳ.",
    "reporting": "3. Đơn vị báo cáo muộn hoặc chưa báo cáo",
    "no_reporting": "Các đơn vị đều đã báo cáo đúng hạn (hoặc chưa đến hạn báo cáo).",
    "evidence": "4. Minh chứng bị trả lại hoặc còn thiếu",
    "no_evidence": "Không có minh chứng nào bị trả lại hoặc còn thiếu.",
    # III.
    "causes_summary": (
        "{count} giải trình của {units} đơn vị; {unexplained} chỉ tiêu, nhiệm vụ chậm tiến "
        "độ hoặc cảnh báo đỏ chưa có giải trình."
    ),
    "causes_counts": "1. Số giải trình theo nhóm nguyên nhân",
    "causes_detail": "2. Nội dung giải trình của các đơn vị",
    "no_causes": "Chưa có giải trình nào của các đơn vị trong kỳ.",
    "unexplained": "Chưa giải trình: {codes}.",
    # IV.
    "due_next": "1. Nhiệm vụ đến hạn trong {period}",
    "no_due_next": "Không có nhiệm vụ nào đến hạn trong {period}.",
    "misses": "2. Chỉ tiêu dự báo không đạt vào cuối năm",
    "no_misses": "Không có chỉ tiêu nào được dự báo không đạt vào cuối năm.",
    "misses_note": (
        "Dự báo theo nhịp độ các kỳ đã báo cáo (như trang Chi tiết chỉ tiêu); chỉ tiêu "
        "chưa đủ số liệu thì chưa dự báo."
    ),
    "next_steps_call": (
        "Các đơn vị chủ trì các chỉ tiêu, nhiệm vụ nêu trên xây dựng giải pháp cụ thể, "
        "báo cáo kết quả trong kỳ tới."
    ),
    # V.
    "support": "1. Đề xuất hỗ trợ của các đơn vị",
    "support_summary": "{count} đề xuất hỗ trợ của {units} đơn vị.",
    "no_support": "Chưa có đơn vị nào đề xuất tỉnh hỗ trợ trong kỳ.",
    "proposals_general": "2. Kiến nghị từ kết quả theo dõi",
    "propose_missing": (
        "Đề nghị Ban Chỉ đạo đôn đốc {count} đơn vị quá hạn chưa báo cáo: {units}."
    ),
    "propose_red": (
        "Đề nghị Ban Chỉ đạo chỉ đạo các đơn vị chủ trì {count} chỉ tiêu, nhiệm vụ bị cảnh "
        "báo đỏ khẩn trương khắc phục, báo cáo giải trình."
    ),
    "propose_nothing": "Không có kiến nghị phát sinh từ kết quả theo dõi trong kỳ.",
    # appendices
    "appendix_tasks_note": (
        "Theo bố cục Phụ lục Kế hoạch 03-KH/BCĐ; cột (8) là kết quả thực hiện đến kỳ báo cáo."
    ),
    "no_appendix_tasks": "Không có nhiệm vụ nào trong phạm vi báo cáo.",
    "page": "Trang {page}/{pages}",
    "footer": "{app} · {title} · {period}",
    "font_missing": (
        "Không tìm thấy phông chữ tiếng Việt (Liberation Serif, DejaVu hoặc Noto) để tạo tệp "
        "PDF; hãy cài gói fonts-dejavu-core."
    ),
    "status_with_completion": "{status} ({completion})",
}

# Column headers of the report's tables.
BRIEFING_COLUMNS: dict[str, str] = {
    "status": "Tình trạng",
    "targets_now": "Chỉ tiêu",
    "targets_before": "Chỉ tiêu kỳ trước",
    "tasks_now": "Nhiệm vụ",
    "tasks_before": "Nhiệm vụ kỳ trước",
    "code": "Mã",
    "name": "Chỉ tiêu, nhiệm vụ",
    "target": "Chỉ tiêu",
    "task": "Nhiệm vụ",
    "group": "Nhóm",
    "lead": "Đơn vị chủ trì",
    "unit": "Đơn vị",
    "uom": "Đơn vị tính",
    "threshold": "Chỉ tiêu năm",
    "actual": "Thực hiện",
    "expected": "Theo lộ trình",
    "completion": "Mức hoàn thành",
    "projection": "Dự báo cuối năm",
    "deadline": "Thời hạn",
    "rule": "Quy tắc cảnh báo",
    "reason": "Lý do",
    "reporting": "Tình trạng báo cáo",
    "days_late": "Số ngày trễ",
    "unreported": "Số mục chưa báo cáo",
    "evidence_state": "Tình trạng minh chứng",
    "review_note": "Ý kiến thẩm định",
    "cause": "Nhóm nguyên nhân",
    "explanations": "Số giải trình",
    "explanation": "Nội dung giải trình",
    "support": "Nội dung đề xuất hỗ trợ",
    # the plan's appendix, seven columns, and the result
    "task_code": "(1) Mã nhiệm vụ",
    "subtask": "(2) Tiểu nhiệm vụ",
    "output": "(3) Sản phẩm đầu ra bắt buộc",
    "kpi": "(4) KPI đo lường hiệu quả",
    "task_lead": "(5) Đơn vị chủ trì",
    "coordinating": "(6) Đơn vị phối hợp",
    "task_deadline": "(7) Thời hạn hoàn thành",
    "result": "(8) Kết quả thực hiện",
}

# The red-warning rule each reason for red stands for (plan 001, section IV.2.3).
BRIEFING_RED_RULES: dict[str, str] = {
    "deadline_passed": "Quá hạn so với mục tiêu",
    "deadline_passed_unreported": "Quá hạn so với mục tiêu",
    "below_half_trajectory": "Hoàn thành dưới 50% lộ trình",
    "below_half_threshold": "Hoàn thành dưới 50% lộ trình",
    "evidence_rejected": "Minh chứng không đạt chất lượng",
}

# Cause categories of an explanation, in the order the report lists them: the causes
# units choose from (EXPLANATION_CAUSES), one list.
BRIEFING_CAUSES: dict[str, str] = EXPLANATION_CAUSES

# Evidence that keeps an item from counting (plan 001, section IV.2.2).
BRIEFING_EVIDENCE_STATES: dict[str, str] = {
    "returned": "Chờ hoàn thiện",
    "missing": "Chờ minh chứng",
}

BRIEFING_FORMATS: dict[str, str] = {
    "pdf": "Tải báo cáo PDF",
    "docx": "Tải báo cáo Word",
    "xlsx": "Tải báo cáo Excel",
}

BRIEFING_PAGE: dict[str, str] = {
    "title": "Báo cáo",
    "intro": (
        "Báo cáo hành chính theo mẫu Nghị định 30/2020/NĐ-CP, lập từ số liệu của kỳ và bộ "
        "lọc đang chọn ở thanh bên. Tải về dạng PDF để trình ký, Word để chỉnh sửa, Excel "
        "để tổng hợp."
    ),
    "scope": "Phạm vi báo cáo",
    "scope_province": "Toàn tỉnh",
    "scope_filters": "Theo bộ lọc đang chọn: {scope}",
    "preview": "Xem trước nội dung",
    "building": "Đang lập báo cáo…",
    "open_page": "Mở trang Báo cáo",
}
BRIEFING_PAGE_PATH = "bao-cao"

BRIEFING_CLI: dict[str, str] = {
    "written": "Đã ghi báo cáo {path} ({scope}, {period}).",
    "bad_extension": (
        "Không rõ định dạng của tệp «{path}». Hãy đặt tên tệp kết thúc bằng .pdf, .docx "
        "hoặc .xlsx."
    ),
    "no_folder": "Thư mục {folder} không tồn tại; hãy tạo thư mục trước hoặc chọn nơi khác.",
    "is_folder": "«{path}» là một thư mục; hãy ghi rõ tên tệp, ví dụ {path}/bao-cao.pdf.",
    "cannot_write": "Không ghi được tệp {path}: {error}.",
    "no_permission": "không có quyền ghi vào đó",
    "disk_full": "ổ đĩa đã đầy",
    "read_only": "nơi đó chỉ cho phép đọc",
    "other_error": "lỗi hệ thống ({name})",
}


# Who the demo data are signed by (uploads, explanations): never an account's name.
DEMO_AUTHOR = "Số liệu minh họa"
