"""The tables the dashboard shows and exports: which columns, in which order, with
which header and number format.

One definition serves the page (st.dataframe column configs), the CSV and Excel
downloads and the PDF briefing, so a header or a format is decided once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

import pandas as pd

from nq57 import fmt, labels, status
from nq57.cells import missing, moment, real, records, text
from nq57.periods import parse_period

# How a column's values are shown:
#   text, number (decimals), integer, share (0..1 shown as %), progress (a share drawn
#   as a bar), date, datetime, status (a status code), reporting (a reporting status
#   code), flag (yes/no), link (an address inside the dashboard; not exported).
KINDS = ("text", "number", "integer", "share", "progress", "date", "datetime", "status",
         "reporting", "flag", "link")


@dataclass(frozen=True)
class Column:
    key: str
    kind: str = "text"
    decimals: int = 1
    width: int = 14  # characters, for Excel and the PDF

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")

    @property
    def header(self) -> str:
        return labels.COLUMN_LABELS[self.key]


@dataclass(frozen=True)
class Table:
    name: str  # file name stem of its downloads
    title: str
    frame: pd.DataFrame  # exactly the columns, in order
    columns: tuple[Column, ...]

    @property
    def exported(self) -> tuple[Column, ...]:
        """The columns a file gets (links lead nowhere outside the dashboard)."""
        return tuple(c for c in self.columns if c.kind != "link")


def _table(name: str, frame: pd.DataFrame, columns: tuple[Column, ...]) -> Table:
    return Table(name, labels.TABLE_TITLES[name],
                 frame[[c.key for c in columns]].reset_index(drop=True), columns)


def detail_link(code: str, params: Mapping[str, object] | None) -> str:
    """The detail page of a target, keeping the current filters."""
    query = {k: v for k, v in (params or {}).items() if k != "target"} | {"target": code}
    return f"{labels.DETAIL_PAGE_PATH}?{urlencode(query, doseq=True)}"


def _is_parent(frame: pd.DataFrame) -> pd.Series:
    if "is_parent" not in frame:
        return pd.Series(False, index=frame.index)
    return frame["is_parent"].fillna(False).astype(bool)


def thresholds(frame: pd.DataFrame) -> list[str]:
    """Each item's threshold as people read it ('≥ 60%'); a parent task's is its parts."""
    parents = _is_parent(frame)
    return [labels.TABLE_TEXTS["parts_threshold"] if parent
            else fmt.threshold(c, lo, hi, u) for parent, c, lo, hi, u in zip(
                parents, frame["comparator"], frame["threshold_low"], frame["threshold_high"],
                frame["unit_of_measure"], strict=True)]


def reasons(frame: pd.DataFrame) -> list[str]:
    return [status.explain(row) for row in records(frame)]


def _text_or_blank(value: object) -> bool:
    return isinstance(value, str) and bool(value)


def baseline_sources(frame: pd.DataFrame) -> list[str]:
    """Where each baseline comes from, in words ('ước tính — chưa có số liệu gốc')."""
    if "baseline_source" not in frame:
        return [""] * len(frame)
    return [labels.BASELINE_SOURCE_LABELS.get(str(v), "") if _text_or_blank(v) else ""
            for v in frame["baseline_source"]]


def value_periods(frame: pd.DataFrame) -> list[str]:
    """The period each value comes from ('Quý II/2026'), blank when there is none."""
    if "value_period" not in frame:
        return [""] * len(frame)
    return [parse_period(v).label if _text_or_blank(v) else "" for v in frame["value_period"]]


def measured_values(frame: pd.DataFrame) -> list[str]:
    """Each actual in its own unit ('85,5%', '72 nền tảng'): tasks mix units."""
    return [fmt.measure(v, u) if _text_or_blank(u) else "" for v, u in zip(
        frame["actual"], frame["unit_of_measure"], strict=True)]


def gap_table(gaps: pd.DataFrame, link_params: Mapping[str, object] | None = None) -> Table:
    """Targets with their threshold, actual, trajectory, gap and status (from gaps())."""
    frame = gaps.assign(
        threshold=thresholds(gaps),
        reason=reasons(gaps),
        baseline_source=baseline_sources(gaps),
        value_period=value_periods(gaps),
        link=[detail_link(code, link_params) for code in gaps["code"]],
    )
    columns = (
        Column("code", width=8),
        Column("name", width=48),
        Column("lead_unit_short", width=18),
        Column("threshold", width=14),
        Column("unit_of_measure", width=12),
        Column("baseline", "number", 2),
        Column("baseline_source", width=16),
        Column("actual", "number", 2),
        Column("value_period", width=12),
        Column("expected", "number", 2),
        Column("completion", "progress"),
        Column("gap", "number", 2),
        Column("estimate", "flag", width=10),
        Column("status", "status", width=16),
        Column("reason", width=44),
        Column("link", "link"),
    )
    return _table("gaps", frame, columns)


def unit_table(ranked: pd.DataFrame) -> Table:
    """Lead units ranked, with the share of their items in each status of the list
    (those with nothing reported together, as "unreported")."""
    columns = (
        Column("rank", "integer", width=6),
        Column("unit_name", width=40),
        Column("items", "integer", width=8),
        *(Column(f"{code}_share", "progress") for code in labels.STATUSES
          if labels.STATUS_TONES[code] != "missing"),
        Column("unreported_share", "progress"),
    )
    return _table("units", ranked, columns)


def completeness_table(reporting: pd.DataFrame) -> Table:
    """Who has reported for the period, and how late."""
    columns = (
        Column("unit_name", width=40),
        Column("reporting_status", "reporting", width=22),
        Column("days_late", "integer", width=10),
        Column("items", "integer", width=8),
        Column("reported_items", "integer", width=10),
        Column("reported_share", "progress"),
        Column("report_deadline", "date", width=12),
        Column("first_reported_at", "datetime", width=17),
    )
    return _table("completeness", reporting, columns)


def task_table(tasks: pd.DataFrame) -> Table:
    """Appendix tasks with their KPI (and how it is measured), coordinating units,
    deadline (flagged when assumed), reported value, progress and status; a task's
    parts follow it, indented."""
    parts = tasks["parent_code"].notna() if "parent_code" in tasks else pd.Series(
        False, index=tasks.index)
    assumed = tasks["deadline_assumed"].fillna(False).astype(bool) if \
        "deadline_assumed" in tasks else pd.Series(False, index=tasks.index)
    frame = tasks.assign(
        title=[labels.TABLE_TEXTS["part"].format(title=t) if part else t
               for t, part in zip(tasks["title"], parts, strict=True)],
        deadline_text=[labels.TABLE_TEXTS["assumed_deadline"].format(text=t) if a else t
                       for t, a in zip(tasks["deadline_text"], assumed, strict=True)],
        measure=[labels.MEASURE_LABELS.get(str(m), "") for m in tasks["measure"]],
        threshold=thresholds(tasks),
        measured=measured_values(tasks),
        reason=reasons(tasks),
    )
    columns = (
        Column("section", width=6),
        Column("code", width=9),
        Column("title", width=48),
        Column("lead_unit_short", width=18),
        Column("coord_names", width=24),
        Column("kpi", width=30),
        Column("measure", width=14),
        Column("threshold", width=14),
        Column("measured", width=14),
        Column("deadline_text", width=18),
        Column("deadline", "date", width=12),
        Column("completion", "progress"),
        Column("status", "status", width=16),
        Column("reason", width=40),
        Column("output", width=30),
    )
    return _table("tasks", frame, columns)


def history_table(history: pd.DataFrame) -> Table:
    """Every revision of one item (revisions.history)."""
    frame = history.rename(columns={
        "period_code": "period", "upload_id": "upload", "is_current": "current",
        "unit_code": "reporting_unit"})
    columns = (
        Column("period", width=9),
        Column("value", "number", 2),
        Column("estimate", "flag", width=10),
        Column("current", "flag", width=9),
        Column("revoked", "flag", width=9),
        Column("recorded_by", width=20),
        Column("recorded_at", "datetime", width=17),
        Column("reporting_unit", width=10),
        Column("upload", "integer", width=8),
        Column("file_name", width=24),
        Column("note", width=30),
        Column("evidence", width=30),
    )
    return _table("history", frame, columns)


def display_value(column: Column, value: object) -> str:
    """A cell as a person reads it, the Vietnamese way (the PDF and the page)."""
    if missing(value):
        return "–" if column.kind not in ("text", "link") else ""
    if column.kind == "number":
        return fmt.number(real(value), column.decimals)
    if column.kind == "integer":
        return fmt.number(real(value), 0)
    if column.kind in ("share", "progress"):
        return fmt.share(real(value), 0 if column.kind == "progress" else 1)
    if column.kind == "date":
        return fmt.day(moment(value).date())
    if column.kind == "datetime":
        return moment(value).strftime("%d/%m/%Y %H:%M")
    if column.kind == "status":
        return labels.STATUS_LABELS[str(value)]
    if column.kind == "reporting":
        return labels.REPORTING_STATUS_LABELS[str(value)]
    if column.kind == "flag":
        return labels.FLAG_LABELS[bool(value)]
    return str(value)


# --- the follow-up: warnings, explanations, league, reminders ---------------------------

def _cause_labels(values: pd.Series) -> pd.Series:
    return pd.Series([labels.EXPLANATION_CAUSES.get(v) if isinstance(v, str) else None
                      for v in values], index=values.index, dtype=object)


def warning_table(found: pd.DataFrame, link_params: Mapping[str, object] | None = None
                  ) -> Table:
    """Red warnings (alerts.warnings) with the rule that fired and the explanation."""
    frame = found.assign(
        kind=found["kind"].map(labels.ITEM_TYPE_LABELS),
        item_name=found["name"],
        rule=found["rule"].map(labels.ALERT_RULE_LABELS),
        cause=_cause_labels(found["cause"]),
        link=pd.Series([detail_link(text(code), link_params) if kind == "target" else None
                        for code, kind in zip(found["code"], found["kind"], strict=True)],
                       index=found.index, dtype=object),
    )
    # The explanation early: the Steering Committee reads it beside the warning.
    columns = (
        Column("kind", width=9),
        Column("code", width=8),
        Column("item_name", width=36),
        Column("unit_name", width=20),
        Column("rule", width=18),
        Column("days_overdue", "integer", width=9),
        Column("explanation", width=48),
        Column("message", width=40),
        Column("last_update", "datetime", width=17),
        Column("cause", width=20),
        Column("support_requested", width=30),
        Column("link", "link"),
    )
    return _table("warnings", frame, columns)


def explanation_table(rows: pd.DataFrame) -> Table:
    """The explanations in force (explanations.explanations)."""
    frame = rows.assign(kind=rows["item_type"].map(labels.ITEM_TYPE_LABELS),
                        item_name=rows["name"], cause=_cause_labels(rows["cause"]),
                        explained_at=rows["recorded_at"], explained_by=rows["recorded_by"])
    columns = (
        Column("unit_name", width=24),
        Column("kind", width=9),
        Column("code", width=8),
        Column("item_name", width=40),
        Column("status", "status", width=16),
        Column("cause", width=20),
        Column("explanation", width=48),
        Column("support_requested", width=30),
        Column("explained_at", "datetime", width=17),
        Column("explained_by", width=18),
    )
    return _table("explanations", frame, columns)


def explanations_by_cause_table(by_cause: pd.DataFrame) -> Table:
    """Explanations counted by cause (explanations.explanations_by_cause)."""
    frame = by_cause.assign(cause=_cause_labels(by_cause["cause"]),
                            units_count=by_cause["units"], red_items=by_cause["red"])
    columns = (
        Column("cause", width=26),
        Column("items", "integer", width=8),
        Column("units_count", "integer", width=9),
        Column("still_behind", "integer", width=10),
        Column("red_items", "integer", width=10),
        Column("support_requests", "integer", width=10),
    )
    return _table("explanations_by_cause", frame, columns)


def explanations_by_unit_table(by_unit: pd.DataFrame) -> Table:
    """Explained and unexplained items per unit (explanations.explanations_by_unit)."""
    frame = by_unit.assign(main_cause=_cause_labels(by_unit["main_cause"]))
    columns = (
        Column("unit_name", width=36),
        Column("behind_or_red", "integer", width=10),
        Column("explained", "integer", width=10),
        Column("unexplained", "integer", width=10),
        Column("support_requests", "integer", width=10),
        Column("main_cause", width=24),
    )
    return _table("explanations_by_unit", frame, columns)


def support_table(rows: pd.DataFrame) -> Table:
    """What units ask of the province (explanations.support_requests)."""
    frame = rows.assign(item_name=rows["name"], cause=_cause_labels(rows["cause"]))
    columns = (
        Column("unit_name", width=24),
        Column("code", width=8),
        Column("item_name", width=40),
        Column("status", "status", width=16),
        Column("cause", width=20),
        Column("support_requested", width=44),
    )
    return _table("support_requests", frame, columns)


def explanation_history_table(history: pd.DataFrame) -> Table:
    """Every explanation of one item (explanations.history)."""
    frame = history.rename(columns={"period_code": "period", "unit_code": "reporting_unit",
                                    "upload_id": "upload", "recorded_at": "explained_at",
                                    "recorded_by": "explained_by"})
    frame = frame.assign(cause=_cause_labels(frame["cause"]))
    columns = (
        Column("period", width=9),
        Column("explanation", width=48),
        Column("cause", width=20),
        Column("support_requested", width=30),
        Column("in_force", "flag", width=9),
        Column("explained_by", width=18),
        Column("explained_at", "datetime", width=17),
        Column("reporting_unit", width=10),
        Column("upload", "integer", width=8),
    )
    return _table("explanation_history", frame, columns)


def league_table(ranked: pd.DataFrame) -> Table:
    """Units ranked for commendation and criticism (league.league)."""
    frame = ranked.assign(
        place=ranked["rank"], red_items=ranked["red"], behind_items=ranked["behind"],
        unreported_items=ranked["unreported"],
        proposal=[labels.PROPOSAL_LABELS.get(p, "") if isinstance(p, str) else ""
                  for p in ranked["proposal"]])
    columns = (
        Column("place", "integer", width=6),
        Column("unit_name", width=36),
        Column("items", "integer", width=8),
        Column("on_time", "integer", width=10),
        Column("on_time_share", "progress"),
        Column("evidence_accepted_share", "progress"),
        Column("red_items", "integer", width=10),
        Column("behind_items", "integer", width=10),
        Column("unreported_items", "integer", width=10),
        Column("proposal", width=12),
    )
    return _table("league", frame, columns)


def league_drivers_table(found: pd.DataFrame) -> Table:
    """Each unit's best and worst items (league.league_drivers)."""
    frame = found.assign(
        driver=found["side"].map(labels.DRIVER_LABELS),
        kind=found["item_type"].map(labels.ITEM_TYPE_LABELS),
        item_name=found["name"])
    columns = (
        Column("unit_name", width=30),
        Column("driver", width=10),
        Column("kind", width=9),
        Column("code", width=8),
        Column("item_name", width=44),
        Column("status", "status", width=16),
        Column("completion", "progress"),
    )
    return _table("league_drivers", frame, columns)


def reminder_table(due: pd.DataFrame) -> Table:
    """Units to remind, with their contact (reminders.reminders)."""
    columns = (
        Column("unit_name", width=36),
        Column("period", width=9),
        Column("report_deadline", "date", width=12),
        Column("days_left", "integer", width=9),
        Column("items_missing", "integer", width=9),
        Column("contact_name", width=24),
        Column("email", width=26),
        Column("phone", width=14),
    )
    return _table("reminders", due, columns)


def audit_table(entries: pd.DataFrame) -> Table:
    """The audit log as people read it: when, who (and their role), what, on which
    object, before and after."""
    frame = entries.assign(
        actor_role=[labels.ROLE_LABELS.get(r, "") if isinstance(r, str) else ""
                    for r in entries["role"]],
        audit_action=[labels.audit_action_label(a) for a in entries["action"]],
    )
    return _table("audit", frame, (
        Column("happened_at", "datetime", width=17), Column("actor", width=18),
        Column("actor_role", width=18), Column("audit_action", width=20),
        Column("object_type", width=10), Column("object_id", width=14),
        Column("before", width=40), Column("after", width=40), Column("note", width=30),
    ))


# --- evidence and review -----------------------------------------------------------

def _words(frame: pd.DataFrame, column: str, names: Mapping[str, str]) -> list[str]:
    return [names.get(str(v), "") if isinstance(v, str) else "" for v in frame[column]]


def review_queue_table(queue: pd.DataFrame) -> Table:
    """Reported values with the review state of their evidence (review.queue)."""
    frame = queue.assign(
        review_state=_words(queue, "review_state", labels.REVIEW_STATE_LABELS),
        evidence_kind=_words(queue, "evidence_kind", labels.EVIDENCE_KIND_LABELS),
        reporting_unit=queue["unit_short"].fillna(queue["reporting_unit"]))
    columns = (
        Column("evidence_id", "integer", width=9),
        Column("code", width=8),
        Column("name", width=44),
        Column("reporting_unit", width=18),
        Column("actual", "number", 2),
        Column("reported_status", "status", width=16),
        Column("status", "status", width=16),
        Column("verified_status", "status", width=16),
        Column("review_state", width=16),
        Column("evidence_kind", width=12),
        Column("evidence_added_at", "datetime", width=17),
        Column("review_reason", width=36),
        Column("insufficient_quality", "flag", width=10),
        Column("reviewed_by", width=18),
        Column("reviewed_at", "datetime", width=17),
    )
    return _table("review_queue", frame, columns)


def evidence_log_table(log: pd.DataFrame) -> Table:
    """Each piece of evidence sent for an item and each decision on it (records.log)."""
    frame = log.assign(
        event=_words(log, "event", labels.REVIEW_DECISION_LABELS),
        what=[labels.EVIDENCE_KIND_LABELS.get(str(k), "") for k in log["kind"]],
        reason=log["reason"].where(log["reason"].notna(), None))
    columns = (
        Column("period", width=9),
        Column("unit", width=9),
        Column("event", width=14),
        Column("happened_at", "datetime", width=17),
        Column("done_by", width=20),
        Column("evidence_id", "integer", width=9),
        Column("what", width=12),
        Column("original_name", width=24),
        Column("url", width=30),
        Column("value", "number", 2),
        Column("reason", width=36),
        Column("insufficient_quality", "flag", width=10),
    )
    return _table("evidence_log", frame, columns)


def reported_vs_verified_table(compared: pd.DataFrame) -> Table:
    """Per lead unit: items reported achieved and what review made of them."""
    columns = (
        Column("unit_short", width=24),
        Column("claimed", "integer", width=10),
        Column("verified", "integer", width=10),
        Column("awaiting_review", "integer", width=10),
        Column("awaiting_evidence", "integer", width=10),
        Column("sent_back", "integer", width=10),
        Column("optimism", "integer", width=10),
    )
    return _table("reported_vs_verified", compared, columns)


def status_views_table(views: pd.DataFrame) -> Table:
    """Items per status as reported, official and verified (review.status_views)."""
    columns = (
        Column("status", "status", width=18),
        Column("reported", "integer", width=12),
        Column("official", "integer", width=12),
        Column("verified_view", "integer", width=12),
    )
    return _table("status_views", views.rename(columns={"verified": "verified_view"}), columns)
