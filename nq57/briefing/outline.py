"""The briefing in words: the model's facts as the parts of an administrative report,
each a list of blocks (paragraphs, tables, charts) that every renderer lays out the
same way. All wording is decided here, from nq57.labels, so the PDF, the Word file
and the workbook say the same thing.

Text that people typed (explanations, support requested, review notes) passes
through unchanged as plain text; renderers never interpret it (no Markdown, no
formulas).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from nq57 import fmt, labels
from nq57.briefing.model import AppendixTask, Briefing, Item
from nq57.tables import Column, display_value
from nq57.text import nfc

Cell = str | float | int | date | None


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"  # body | subheading | note | warning


@dataclass(frozen=True)
class Field:
    """A table column: its header, how its values read, its width in characters."""

    key: str
    kind: str = "text"  # text, number, integer, share, progress, date, status
    width: int = 14
    decimals: int = 1

    @property
    def header(self) -> str:
        return labels.BRIEFING_COLUMNS[self.key]

    @property
    def numeric(self) -> bool:
        return self.kind in ("number", "integer", "share", "progress")


@dataclass(frozen=True)
class Grid:
    """A table. `groups` are heading rows (row index they stand before, words)."""

    key: str
    fields: tuple[Field, ...]
    rows: tuple[tuple[Cell, ...], ...]
    groups: tuple[tuple[int, str], ...] = ()
    main: bool = False  # the table a part is about (Excel repeats its header row)


@dataclass(frozen=True)
class Chart:
    png: bytes
    caption: str


Block = Paragraph | Grid | Chart


@dataclass(frozen=True)
class Part:
    key: str
    heading: str
    blocks: tuple[Block, ...]
    landscape: bool = False

    @property
    def sheet(self) -> str:
        return labels.BRIEFING_SHEETS[self.key]


@dataclass(frozen=True)
class Header:
    """The header block, title and closing of the report (Nghị định 30/2020/NĐ-CP)."""

    superior: str
    issuer: str
    number: str
    nation: str
    motto: str
    dateline: str
    title: str
    subject: str
    subject_scope: str
    intro: str
    demo: str | None
    recipients: tuple[str, ...]
    signer_for: str
    signer: str
    signature_hint: str
    footer: str


@dataclass(frozen=True)
class Document:
    header: Header
    body: tuple[Part, ...]        # parts I–V
    appendices: tuple[Part, ...]

    @property
    def parts(self) -> tuple[Part, ...]:
        return self.body + self.appendices


# --- cells ------------------------------------------------------------------------------

def cell_text(field: Field, value: Cell) -> str:
    """A cell as a person reads it: Vietnamese numbers and dates, status with symbol."""
    if field.kind == "status":
        return labels.status_label(str(value)) if value else ""
    return nfc(display_value(Column("value", field.kind, field.decimals), value))


def _status_completion(task: AppendixTask) -> str:
    words = labels.status_label(task.status)
    if task.completion is None:
        return words
    return labels.BRIEFING_TEXTS["status_with_completion"].format(
        status=words, completion=fmt.share(task.completion, 0))


# --- helpers ------------------------------------------------------------------------------

T = labels.BRIEFING_TEXTS
R = TypeVar("R")


def _grid(key: str, fields: Sequence[Field], items: Sequence[R],
          row: Callable[[R], tuple[Cell, ...]], empty: str, *,
          main: bool = False) -> tuple[Block, ...]:
    if not items:
        return (Paragraph(empty, "note"),)
    return (Grid(key, tuple(fields), tuple(row(i) for i in items), main=main),)


CODE = Field("code", width=7)
NAME = Field("name", width=40)
LEAD = Field("lead", width=16)
UOM = Field("uom", width=8)
THRESHOLD = Field("threshold", width=10)
ACTUAL = Field("actual", "number", 9, 2)
EXPECTED = Field("expected", "number", 9, 2)
COMPLETION = Field("completion", "progress", 9)
STATUS = Field("status", "status", 13)


def _change_words(briefing: Briefing) -> str:
    if briefing.previous_label is None:
        return T["no_previous"]
    changes = [T["change_item"].format(status=labels.STATUS_LABELS[c.status],
                                       change=c.targets - (c.targets_before or 0))
               for c in briefing.counts if c.targets != (c.targets_before or 0)]
    if not changes:
        return T["results_no_change"].format(period=briefing.previous_label)
    return T["results_change"].format(period=briefing.previous_label, changes=", ".join(changes))


def _summary(briefing: Briefing, key: str, counts: dict[str, int]) -> str:
    return T[key].format(
        period=briefing.period_label, total=sum(counts.values()),
        achieved=counts["achieved"], on_track=counts["on_track"], behind=counts["behind"],
        red=counts["red"], unreported=counts["overdue_report"] + counts["no_data"])


# --- the parts --------------------------------------------------------------------------

def _results(briefing: Briefing, with_charts: bool) -> Part:
    blocks: list[Block] = []
    if briefing.target_total:
        blocks.append(Paragraph(_summary(briefing, "results_summary",
                                         {c.status: c.targets for c in briefing.counts})))
        blocks.append(Paragraph(_change_words(briefing)))
    else:
        blocks.append(Paragraph(T["no_targets"], "note"))
    if briefing.includes_tasks and briefing.task_total:
        blocks.append(Paragraph(_summary(briefing, "results_tasks",
                                         {c.status: c.tasks for c in briefing.counts})))
    fields = [STATUS, Field("targets_now", "integer", 9), Field("targets_before", "integer", 9)]
    if briefing.includes_tasks:
        fields += [Field("tasks_now", "integer", 9), Field("tasks_before", "integer", 9)]
    blocks.append(Paragraph(T["counts"], "subheading"))
    blocks.append(Grid("counts", tuple(fields), tuple(
        (c.status, c.targets, c.targets_before)
        + ((c.tasks, c.tasks_before) if briefing.includes_tasks else ())
        for c in briefing.counts), main=True))
    if with_charts and briefing.target_total:
        from nq57.briefing import charts  # matplotlib, only when drawing

        blocks.append(Chart(charts.status_counts(briefing.counts),
                            T["chart_counts"].format(period=briefing.period_label)))
        if briefing.by_group:
            blocks.append(Chart(charts.status_by_group(briefing.by_group),
                                T["chart_groups"].format(period=briefing.period_label)))

    blocks.append(Paragraph(T["achieved"], "subheading"))
    blocks += _grid("achieved", (CODE, NAME, THRESHOLD, ACTUAL, UOM, COMPLETION),
                    briefing.achieved, lambda i: _cells(i, "code", "name", "threshold",
                                                        "actual", "uom", "completion"),
                    T["no_achieved"])
    blocks.append(Paragraph(T["on_track"], "subheading"))
    blocks += _grid("on_track", (CODE, NAME, THRESHOLD, ACTUAL, EXPECTED, UOM, COMPLETION),
                    briefing.on_track, lambda i: _cells(i, "code", "name", "threshold",
                                                        "actual", "expected", "uom",
                                                        "completion"),
                    T["no_on_track"])
    if briefing.includes_tasks:
        blocks.append(Paragraph(T["tasks_done"], "subheading"))
        blocks += _grid("tasks_done", (CODE, Field("task", width=48), LEAD,
                                       Field("deadline", width=14)),
                        briefing.tasks_done,
                        lambda i: _cells(i, "code", "name", "lead", "deadline_text"),
                        T["no_tasks_done"])
    else:
        blocks.append(Paragraph(T["no_tasks_in_scope"], "note"))
    return Part("results", labels.BRIEFING_PARTS["results"], tuple(blocks))


def _cells(item: Item, *keys: str) -> tuple[Cell, ...]:
    values: dict[str, Cell] = {
        "code": item.code, "name": item.name, "lead": item.lead, "uom": item.unit_of_measure,
        "threshold": item.threshold, "actual": item.actual, "expected": item.expected,
        "completion": item.completion, "status": item.status, "reason": item.reason,
        "rule": item.rule, "deadline_text": item.deadline_text, "projection": item.projection,
    }
    return tuple(values[k] for k in keys)


def _shortcomings(briefing: Briefing) -> Part:
    missing = sum(1 for r in briefing.reporting if r.reporting_status == "missing")
    blocks: list[Block] = [Paragraph(T["shortcomings_summary"].format(
        red=len(briefing.red), behind=len(briefing.behind), missing=missing,
        late=len(briefing.reporting) - missing, returned=len(briefing.evidence)))]
    blocks.append(Paragraph(T["red"], "subheading"))
    blocks += _grid("red", (CODE, NAME, LEAD, Field("rule", width=16),
                            Field("reason", width=24)),
                    briefing.red, lambda i: _cells(i, "code", "name", "lead", "rule", "reason"),
                    T["no_red"], main=True)
    blocks.append(Paragraph(T["behind"], "subheading"))
    blocks += _grid("behind", (CODE, NAME, LEAD, ACTUAL, EXPECTED, UOM,
                               Field("reason", width=22)),
                    briefing.behind, lambda i: _cells(i, "code", "name", "lead", "actual",
                                                      "expected", "uom", "reason"),
                    T["no_behind"])
    blocks.append(Paragraph(T["reporting"], "subheading"))
    blocks += _grid("reporting", (Field("unit", width=40), Field("reporting", width=22),
                                  Field("days_late", "integer", 10),
                                  Field("unreported", "integer", 12)),
                    briefing.reporting,
                    lambda r: (r.unit_name, labels.REPORTING_STATUS_LABELS[r.reporting_status],
                               r.days_late, r.unreported),
                    T["no_reporting"])
    blocks.append(Paragraph(T["evidence"], "subheading"))
    blocks += _grid("evidence", (CODE, NAME, Field("unit", width=18),
                                 Field("evidence_state", width=14),
                                 Field("review_note", width=26)),
                    briefing.evidence,
                    lambda e: (e.code, e.name, e.unit_name,
                               labels.BRIEFING_EVIDENCE_STATES.get(e.state, e.state),
                               e.review_note),
                    T["no_evidence"])
    return Part("shortcomings", labels.BRIEFING_PARTS["shortcomings"], tuple(blocks))


def _causes(briefing: Briefing) -> Part:
    explanations = [e for group in briefing.causes for e in group.explanations]
    blocks: list[Block] = []
    if explanations:
        blocks.append(Paragraph(T["causes_summary"].format(
            count=len(explanations), units=len({e.unit_name for e in explanations}),
            unexplained=len(briefing.unexplained))))
        blocks.append(Paragraph(T["causes_counts"], "subheading"))
        blocks.append(Grid("cause_counts", (Field("cause", width=30),
                                            Field("explanations", "integer", 12)),
                           tuple((g.label, len(g.explanations)) for g in briefing.causes)))
        blocks.append(Paragraph(T["causes_detail"], "subheading"))
        rows: list[tuple[Cell, ...]] = []
        groups: list[tuple[int, str]] = []
        for group in briefing.causes:
            groups.append((len(rows), f"{group.label} ({len(group.explanations)})"))
            rows += [(e.code, e.name, e.unit_name, e.text) for e in group.explanations]
        blocks.append(Grid("explanations", (CODE, Field("name", width=30),
                                            Field("unit", width=18),
                                            Field("explanation", width=40)),
                           tuple(rows), tuple(groups), main=True))
    else:
        blocks.append(Paragraph(T["no_causes"], "note"))
    if briefing.unexplained:
        blocks.append(Paragraph(T["unexplained"].format(codes=", ".join(briefing.unexplained))))
    return Part("causes", labels.BRIEFING_PARTS["causes"], tuple(blocks))


def _next_steps(briefing: Briefing) -> Part:
    blocks: list[Block] = []
    if briefing.includes_tasks:
        blocks.append(Paragraph(T["due_next"].format(period=briefing.next_label), "subheading"))
        blocks += _grid("due_next", (CODE, Field("task", width=40), LEAD,
                                     Field("deadline", width=14), COMPLETION, STATUS),
                        briefing.due_next,
                        lambda i: _cells(i, "code", "name", "lead", "deadline_text",
                                         "completion", "status"),
                        T["no_due_next"].format(period=briefing.next_label), main=True)
    blocks.append(Paragraph(T["misses"], "subheading"))
    blocks += _grid("misses", (CODE, NAME, LEAD, THRESHOLD, ACTUAL,
                               Field("projection", "number", 10, 2), UOM),
                    briefing.misses, lambda i: _cells(i, "code", "name", "lead", "threshold",
                                                      "actual", "projection", "uom"),
                    T["no_misses"])
    if briefing.misses:
        blocks.append(Paragraph(T["misses_note"], "note"))
    if briefing.due_next or briefing.misses or briefing.red:
        blocks.append(Paragraph(T["next_steps_call"]))
    return Part("next_steps", labels.BRIEFING_PARTS["next_steps"], tuple(blocks))


def _proposals(briefing: Briefing) -> Part:
    blocks: list[Block] = [Paragraph(T["support"], "subheading")]
    if briefing.support:
        blocks.append(Paragraph(T["support_summary"].format(
            count=len(briefing.support), units=len({s.unit_name for s in briefing.support}))))
        rows: list[tuple[Cell, ...]] = []
        groups: list[tuple[int, str]] = []
        for request in briefing.support:
            if not groups or groups[-1][1] != request.unit_name:
                groups.append((len(rows), request.unit_name))
            rows.append((request.code, request.name, request.text))
        blocks.append(Grid("support", (CODE, Field("name", width=36),
                                       Field("support", width=48)),
                           tuple(rows), tuple(groups), main=True))
    else:
        blocks.append(Paragraph(T["no_support"], "note"))
    blocks.append(Paragraph(T["proposals_general"], "subheading"))
    missing = [r.unit_name for r in briefing.reporting if r.reporting_status == "missing"]
    general = []
    if missing:
        general.append(T["propose_missing"].format(count=len(missing), units=", ".join(missing)))
    if briefing.red:
        general.append(T["propose_red"].format(count=len(briefing.red)))
    blocks += [Paragraph(text) for text in general] or [Paragraph(T["propose_nothing"], "note")]
    return Part("proposals", labels.BRIEFING_PARTS["proposals"], tuple(blocks))


def _appendix_targets(briefing: Briefing) -> Part:
    fields = (CODE, Field("target", width=40), LEAD, THRESHOLD, ACTUAL, EXPECTED, UOM,
              COMPLETION, STATUS)
    blocks = _grid("targets", fields, briefing.targets,
                   lambda i: _cells(i, "code", "name", "lead", "threshold", "actual",
                                    "expected", "uom", "completion", "status"),
                   T["no_targets"], main=True)
    return Part("appendix_targets", labels.BRIEFING_PARTS["appendix_targets"], blocks,
                landscape=True)


def _appendix_tasks(briefing: Briefing) -> Part:
    if not briefing.includes_tasks:
        return Part("appendix_tasks", labels.BRIEFING_PARTS["appendix_tasks"],
                    (Paragraph(T["no_tasks_in_scope"], "note"),), landscape=True)
    if not briefing.tasks:
        return Part("appendix_tasks", labels.BRIEFING_PARTS["appendix_tasks"],
                    (Paragraph(T["no_appendix_tasks"], "note"),), landscape=True)
    fields = (Field("task_code", width=8), Field("subtask", width=36),
              Field("output", width=24), Field("kpi", width=24), Field("task_lead", width=16),
              Field("coordinating", width=16), Field("task_deadline", width=13),
              Field("result", width=16))
    rows: list[tuple[Cell, ...]] = []
    groups: list[tuple[int, str]] = []
    for task in briefing.tasks:
        if not groups or not groups[-1][1].startswith(f"{task.section}. "):
            groups.append((len(rows), f"{task.section}. {task.section_name}"))
        rows.append((task.code, task.subtask, task.output, task.kpi, task.lead,
                     task.coordinating, task.deadline_text, _status_completion(task)))
    return Part("appendix_tasks", labels.BRIEFING_PARTS["appendix_tasks"], (
        Paragraph(T["appendix_tasks_note"], "note"),
        Grid("appendix", fields, tuple(rows), tuple(groups), main=True),
    ), landscape=True)


def _header(briefing: Briefing) -> Header:
    issuer = briefing.issuer
    day = briefing.as_of
    return Header(
        superior=issuer.superior,
        issuer=issuer.name,
        number=labels.BRIEFING_NUMBER.format(code=issuer.code),
        nation=labels.BRIEFING_NATION,
        motto=labels.BRIEFING_MOTTO,
        dateline=labels.BRIEFING_DATE.format(place=labels.BRIEFING_PLACE,
                                             **fmt.date_parts(day)),
        title=labels.BRIEFING_TITLE,
        subject=labels.BRIEFING_SUBJECT.format(year=briefing.year),
        subject_scope=labels.BRIEFING_SUBJECT_SCOPE.format(period=briefing.period_label,
                                                           scope=briefing.scope_label),
        intro=T["intro"].format(app=labels.APP_TITLE, as_of=fmt.day(day),
                                moment=briefing.generated_at.strftime("%d/%m/%Y %H:%M")),
        demo=T["demo"] if briefing.demo else None,
        recipients=labels.BRIEFING_RECIPIENTS["unit" if issuer.unit else "province"],
        signer_for=issuer.signer_for,
        signer=issuer.signer,
        signature_hint=labels.BRIEFING_SIGNATURE_HINT,
        footer=T["footer"].format(app=labels.APP_TITLE, title=labels.BRIEFING_PAGE["title"],
                                  period=briefing.period_label),
    )


def outline(briefing: Briefing, *, with_charts: bool = True) -> Document:
    """The report's header, parts I–V and appendices, in words and tables."""
    return Document(
        header=_header(briefing),
        body=(_results(briefing, with_charts), _shortcomings(briefing), _causes(briefing),
              _next_steps(briefing), _proposals(briefing)),
        appendices=(_appendix_targets(briefing), _appendix_tasks(briefing)),
    )
