"""The briefing as data: every part of the report, built once from the store through
inputs.py, then handed to each renderer (PDF, Word, Excel) unchanged.

The model holds facts (rows, counts, dates), not sentences: outline.py words them,
the same way for every format. Rows are small frozen dataclasses so that a renderer
can be tested on a briefing made by hand, with content in every part.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb
import pandas as pd

from nq57 import clock, fmt, labels, policy, status
from nq57.briefing import inputs
from nq57.briefing.inputs import Scope
from nq57.cells import missing, real, records, whole
from nq57.db import Store
from nq57.detail import comparator_rule
from nq57.periods import Period, parse_period
from nq57.policy import Actor
from nq57.projection import Point, project


@dataclass(frozen=True)
class Issuer:
    """The header block's left side: the body above, the issuing body, its code."""

    superior: str
    name: str
    code: str
    signer_for: str
    signer: str
    unit: bool = False  # a unit's own report (else the Steering Committee's)


@dataclass(frozen=True)
class StatusCount:
    status: str
    targets: int
    targets_before: int | None
    tasks: int
    tasks_before: int | None


@dataclass(frozen=True)
class GroupCount:
    group: str  # "1.5. Chuyển đổi số"
    status: str
    items: int


@dataclass(frozen=True)
class Item:
    """A target or a task as the report cites it."""

    item_type: str
    code: str
    name: str
    lead: str = ""
    unit_of_measure: str = ""
    threshold: str = ""
    actual: float | None = None
    expected: float | None = None
    completion: float | None = None
    status: str = "no_data"
    reason: str = ""      # why it has its status, in words (status.explain)
    rule: str = ""        # for red items: the red-warning rule that fired
    deadline: date | None = None
    deadline_text: str = ""
    projection: float | None = None


@dataclass(frozen=True)
class Reporting:
    """A unit late with its report or still missing it."""

    unit_name: str
    reporting_status: str  # 'late' | 'missing'
    days_late: int
    unreported: int


@dataclass(frozen=True)
class Evidence:
    code: str
    name: str
    unit_name: str
    state: str  # 'returned' | 'missing'
    review_note: str = ""


@dataclass(frozen=True)
class Explanation:
    code: str
    name: str
    unit_name: str
    cause: str
    text: str
    support: str = ""


@dataclass(frozen=True)
class CauseGroup:
    cause: str  # a key of labels.BRIEFING_CAUSES, or the cause as given
    explanations: tuple[Explanation, ...]

    @property
    def label(self) -> str:
        return labels.BRIEFING_CAUSES.get(self.cause, self.cause)


@dataclass(frozen=True)
class SupportRequest:
    unit_name: str
    code: str
    name: str
    text: str


@dataclass(frozen=True)
class AppendixTask:
    """One row of the plan's appendix: its seven columns and the result so far."""

    section: str
    section_name: str
    code: str
    subtask: str
    output: str
    kpi: str
    lead: str
    coordinating: str
    deadline_text: str
    status: str
    completion: float | None


@dataclass(frozen=True)
class Briefing:
    scope: Scope
    scope_label: str
    period_label: str
    previous_label: str | None
    next_label: str
    year: int
    as_of: date
    generated_at: datetime
    issuer: Issuer
    demo: bool
    includes_tasks: bool
    # I. Kết quả đạt được
    counts: tuple[StatusCount, ...]
    by_group: tuple[GroupCount, ...]
    achieved: tuple[Item, ...]
    on_track: tuple[Item, ...]
    tasks_done: tuple[Item, ...]
    # II. Tồn tại, hạn chế
    red: tuple[Item, ...]
    behind: tuple[Item, ...]
    reporting: tuple[Reporting, ...]
    evidence: tuple[Evidence, ...]
    # III. Nguyên nhân
    causes: tuple[CauseGroup, ...]
    unexplained: tuple[str, ...]  # codes of red/behind items nobody has explained
    # IV. Nhiệm vụ, giải pháp thời gian tới
    due_next: tuple[Item, ...]
    misses: tuple[Item, ...]
    # V. Kiến nghị, đề xuất
    support: tuple[SupportRequest, ...]
    # appendices
    targets: tuple[Item, ...]
    tasks: tuple[AppendixTask, ...]

    @property
    def target_total(self) -> int:
        return sum(c.targets for c in self.counts)

    @property
    def task_total(self) -> int:
        return sum(c.tasks for c in self.counts)


# --- from frames to rows ------------------------------------------------------------

def _number(value: Any) -> float | None:
    return None if missing(value) else real(value)


# Control characters (other than tab and line breaks) cannot be written in a .docx or
# an .xlsx; typed text that carries one loses it rather than breaking the report.
_CONTROL = {c: None for c in (*range(0, 9), 11, 12, *range(14, 32), 127)}


def _text(value: Any) -> str:
    return "" if missing(value) else str(value).translate(_CONTROL)


def _day(value: Any) -> date | None:
    return None if missing(value) else pd.Timestamp(value).date()


def _rule(row: Mapping[str, Any]) -> str:
    """The red-warning rule behind a red status; the reason itself for others."""
    reason = str(row.get("status_reason") or "")
    return labels.BRIEFING_RED_RULES.get(reason, "") if row.get("status") == "red" else ""


def _item(row: Mapping[str, Any], projection: float | None = None) -> Item:
    is_target = row.get("item_type", "target") == "target"
    return Item(
        item_type=str(row.get("item_type", "target")),
        code=str(row["code"]),
        name=_text(row.get("name") if is_target else row.get("title", row.get("name"))),
        lead=_text(row.get("lead_unit_name")),
        unit_of_measure=_text(row.get("unit_of_measure")) if is_target else "%",
        threshold=fmt.threshold(str(row["comparator"]), _number(row.get("threshold_low")),
                                _number(row.get("threshold_high")),
                                _text(row.get("unit_of_measure")))
        if is_target and "comparator" in row else "",
        actual=_number(row.get("actual")),
        expected=_number(row.get("expected")),
        completion=_number(row.get("completion")),
        status=str(row.get("status") or "no_data"),
        reason=status.explain(row) if row.get("status_reason") else "",
        rule=_rule(row),
        deadline=_day(row.get("deadline")),
        deadline_text=_text(row.get("deadline_text")),
        projection=projection,
    )


def _counts(targets: pd.DataFrame, tasks: pd.DataFrame | None) -> tuple[StatusCount, ...]:
    """Per status, targets and tasks now and in the previous period (None: no previous
    period in the year, or no tasks in scope)."""
    def table(frame: pd.DataFrame | None) -> dict[str, tuple[int, int | None]]:
        if frame is None:
            return {}
        return {str(r["status"]): (whole(r["items"]), None if missing(r["previous_items"])
                                   else whole(r["previous_items"]))
                for r in records(frame)}

    now_targets, now_tasks = table(targets), table(tasks)
    return tuple(
        StatusCount(code, *now_targets.get(code, (0, None)), *now_tasks.get(code, (0, None)))
        for code in labels.STATUSES)


def _group_counts(frame: pd.DataFrame, groups: pd.DataFrame) -> tuple[GroupCount, ...]:
    names = {str(c): f"{c}. {n}" for c, n in zip(groups["code"], groups["short_name"],
                                                 strict=True)}
    return tuple(GroupCount(names.get(str(r["group_code"]), str(r["group_code"])),
                            str(r["status"]), whole(r["items"])) for r in records(frame))


def _reporting(frame: pd.DataFrame) -> tuple[Reporting, ...]:
    behind = frame[frame["reporting_status"].isin(["missing", "late"])]
    return tuple(Reporting(_text(r["unit_name"]) or str(r["unit"]), str(r["reporting_status"]),
                           whole(r["days_late"]), whole(r["items"]) - whole(r["reported_items"]))
                 for r in records(behind))


def _evidence(frame: pd.DataFrame) -> tuple[Evidence, ...]:
    return tuple(Evidence(str(r["code"]), _text(r["name"]), _text(r["unit_name"]),
                          str(r["state"]), _text(r["review_note"])) for r in records(frame))


def _explanation(row: Mapping[str, Any]) -> Explanation:
    return Explanation(str(row["code"]), _text(row["name"]), _text(row["unit_name"]),
                       _text(row["cause"]) or "other", _text(row["text"]),
                       _text(row.get("support")))


def group_causes(explained: Iterable[Explanation]) -> tuple[CauseGroup, ...]:
    """Explanations by cause, in the order of labels.BRIEFING_CAUSES; causes the list
    does not know come after, alphabetically, under their own words."""
    by_cause: dict[str, list[Explanation]] = {}
    for explanation in explained:
        by_cause.setdefault(explanation.cause, []).append(explanation)
    order = list(labels.BRIEFING_CAUSES)
    keys = sorted(by_cause, key=lambda c: (order.index(c) if c in order else len(order), c))
    return tuple(CauseGroup(c, tuple(by_cause[c])) for c in keys)


def _support(frame: pd.DataFrame) -> tuple[SupportRequest, ...]:
    rows = sorted(records(frame), key=lambda r: (_text(r["unit_name"]), str(r["code"])))
    return tuple(SupportRequest(_text(r["unit_name"]), str(r["code"]), _text(r["name"]),
                                _text(r["support"])) for r in rows)


def _appendix(frame: pd.DataFrame) -> tuple[AppendixTask, ...]:
    return tuple(AppendixTask(
        section=str(r["section"]), section_name=_text(r["section_name"]), code=str(r["code"]),
        subtask=_text(r["title"]), output=_text(r["output"]), kpi=_text(r["kpi"]),
        lead=_text(r["lead_unit_name"]), coordinating=_text(r["coordinating"]),
        deadline_text=_text(r["deadline_text"]), status=str(r["status"]),
        completion=_number(r["completion"])) for r in records(frame))


# --- periods ---------------------------------------------------------------------------

def following(period: Period) -> Period:
    """The period after, of the same kind (Quý I of the next year after Quý IV)."""
    last = 4 if period.granularity == "quarter" else 12
    if period.number < last:
        return Period(period.year, period.granularity, period.number + 1)
    return Period(period.year + 1, period.granularity, 1)


def _earlier(period: Period, tracked: pd.DataFrame) -> list[str]:
    """The periods of the same year and kind before `period`, oldest first."""
    same = tracked[(tracked["year"] == period.year)
                   & (tracked["granularity"] == period.granularity)
                   & (tracked["number"] < period.number)]
    return [str(c) for c in same.sort_values("number")["code"]]


# --- the year-end projection ----------------------------------------------------------

def _projected(con: duckdb.DuckDBPyConnection, targets: pd.DataFrame,
               earlier: pd.DataFrame) -> dict[str, tuple[float | None, bool | None]]:
    """Each target's year-end projection and whether it meets the target, from the
    periods reported so far (nq57.projection, the rule of the detail page)."""
    history = pd.concat([earlier, targets], ignore_index=True)
    history = history[history["actual"].notna()]
    points: dict[str, list[Point]] = {}
    for code, elapsed, actual in zip(history["code"], history["elapsed"], history["actual"],
                                     strict=True):
        points.setdefault(str(code), []).append(Point(real(elapsed), real(actual)))
    result: dict[str, tuple[float | None, bool | None]] = {}
    for row in records(targets):
        # As the detail page: only a reported baseline is a point of its own (an
        # estimated one is the year's earliest value, already among the points).
        baseline = (_number(row["baseline"]) if row["kind"] == "level"
                    and row.get("baseline_source") == "reported" else None)
        outcome = project(kind=str(row["kind"]), comparator=str(row["comparator"]),
                          unit_of_measure=str(row["unit_of_measure"]),
                          points=points.get(str(row["code"]), []), baseline=baseline,
                          meets=comparator_rule(con, str(row["comparator"]),
                                                _number(row["threshold_low"])))
        result[str(row["code"])] = (outcome.value, outcome.achieved)
    return result


# --- the header ---------------------------------------------------------------------

def _issuer(scope: Scope, units: pd.DataFrame) -> Issuer:
    """The Steering Committee, or the unit itself for a report on exactly one unit."""
    if len(scope.units) != 1 or scope.group is not None:
        words = labels.BRIEFING_ISSUER
        return Issuer(words["superior"], words["name"], words["code"], words["signer_for"],
                      words["signer"])
    known = {str(r["code"]): r for r in records(units)}
    unit = known[scope.units[0]]
    parent = known.get(_text(unit["parent_code"]))
    superior = (str(parent["name"]).upper() if parent is not None else
                labels.BRIEFING_SUPERIOR.get(str(unit["kind"]),
                                             labels.BRIEFING_SUPERIOR["default"]))
    signer = labels.BRIEFING_UNIT_SIGNER
    return Issuer(superior, str(unit["name"]).upper(), str(unit["code"]),
                  signer["signer_for"], signer["signer"], unit=True)


def describe_scope(scope: Scope, units: pd.DataFrame, groups: pd.DataFrame) -> str:
    """The scope in words: 'toàn tỉnh', 'Sở Nội vụ', 'nhóm chỉ tiêu 1.5. Chuyển đổi số'."""
    if scope.province:
        return labels.BRIEFING_SCOPE["province"]
    names = dict(zip(units["code"], units["name"], strict=True))
    parts = []
    if scope.units:
        parts.append(labels.BRIEFING_SCOPE["units"].format(
            names=", ".join(str(names.get(u, u)) for u in scope.units)))
    if scope.group:
        group_names = dict(zip(groups["code"], groups["name"], strict=True))
        parts.append(labels.BRIEFING_SCOPE["group"].format(
            group=f"{scope.group}. {group_names.get(scope.group, '')}".rstrip(". ")))
    return "; ".join(parts)


# --- building -------------------------------------------------------------------------

def build(store: Store, scope: Scope, *, actor: Actor, as_of: date | str | None = None,
          now: datetime | None = None) -> Briefing:
    """The briefing of `scope` as of a date, for an account allowed to download."""
    policy.require(actor, policy.DOWNLOAD)
    day = clock.today(as_of)
    period = parse_period(scope.period)
    with store.connect() as con:
        units = inputs.units(store, con)
        groups = inputs.groups(store, con)
        tracked = inputs.periods(store, con)
        targets = inputs.targets(store, scope, day, con)
        tasks = inputs.tasks(store, scope, day, con)
        by_group = inputs.group_counts(store, scope, day, con)
        earlier = inputs.earlier_targets(store, scope, day, _earlier(period, tracked), con)
        projected = _projected(con, targets, earlier)
        explained = inputs.explanations(store, scope, day, con)
        support = inputs.support_requests(store, scope, day, con)
        evidence = inputs.evidence_returned(store, scope, day, con)
        demo = inputs.demo_present(store, con)
    target_counts = inputs.status_counts(store, scope, day, "target")
    task_counts = (inputs.status_counts(store, scope, day, "task")
                   if scope.includes_tasks else None)
    reporting = inputs.reporting(store, scope, day)

    target_rows, task_rows = records(targets), records(tasks)
    for row in task_rows:
        row["item_type"] = "task"
    items = {r["code"]: _item(r, projected.get(r["code"], (None, None))[0])
             for r in target_rows}
    task_items = {r["code"]: _item(r) for r in task_rows}
    everything = list(items.values()) + list(task_items.values())
    nxt = following(period)
    previous = target_counts["previous_period"].dropna()
    explanations = tuple(_explanation(r) for r in records(explained))
    explained_codes = {e.code for e in explanations}

    return Briefing(
        scope=scope,
        scope_label=describe_scope(scope, units, groups),
        period_label=period.label,
        previous_label=parse_period(previous.iloc[0]).label if len(previous) else None,
        next_label=nxt.label,
        year=period.year,
        as_of=day,
        generated_at=(now or datetime.now()).replace(microsecond=0),
        issuer=_issuer(scope, units),
        demo=demo,
        includes_tasks=scope.includes_tasks,
        counts=_counts(target_counts, task_counts),
        by_group=_group_counts(by_group, groups),
        achieved=tuple(i for i in items.values() if i.status == "achieved"),
        on_track=tuple(i for i in items.values() if i.status == "on_track"),
        tasks_done=tuple(i for i in task_items.values() if i.status == "achieved"),
        red=tuple(i for i in everything if i.status == "red"),
        behind=tuple(i for i in everything if i.status == "behind"),
        reporting=_reporting(reporting),
        evidence=_evidence(evidence),
        causes=group_causes(explanations),
        unexplained=tuple(i.code for i in everything
                          if i.status in ("red", "behind") and i.code not in explained_codes),
        due_next=tuple(i for i in task_items.values()
                       if i.deadline is not None and nxt.start <= i.deadline
                       <= nxt.end and i.status != "achieved"),
        misses=tuple(items[code] for code, (_, meets) in projected.items() if meets is False),
        support=_support(support),
        targets=tuple(items.values()),
        tasks=_appendix(tasks),
    )
