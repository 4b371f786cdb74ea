"""One list of statuses (labels.STATUS_LIST): SQL can give no status outside it, and
every page, file, chart and the CLI read their words, order, colours and shapes from it."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from nq57 import charts, labels, tables
from nq57.db import Store

ROOT = Path(__file__).resolve().parent.parent
DEFINITIONS = sorted((ROOT / "queries" / "definitions").glob("*.sql"))
QUERIES = sorted((ROOT / "queries").rglob("*.sql"))


def macro_bodies(name_pattern: str) -> dict[str, str]:
    """The text of every macro (in any definitions file) whose name matches."""
    found = {}
    for path in DEFINITIONS:
        text = path.read_text(encoding="utf-8")
        starts = [m for m in re.finditer(r"CREATE OR REPLACE MACRO (\w+)\(", text)]
        for i, match in enumerate(starts):
            end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
            if re.fullmatch(name_pattern, match.group(1)):
                found[match.group(1)] = text[match.start():end]
    return found


def test_every_status_sql_can_give_is_in_the_list():
    status_macros = macro_bodies(r"\w*_status")
    assert "nq57_status" in status_macros
    given = {code for body in status_macros.values()
             for code in re.findall(r"(?:THEN|ELSE)\s+'(\w+)'", body)}
    listed = {s.code for s in labels.STATUS_LIST}
    assert given and given <= listed, given - listed
    # the engine's own statuses are official ones (the review regime adds the rest)
    engine = set(re.findall(r"THEN\s+'(\w+)'", status_macros["nq57_status"]))
    assert engine <= set(labels.STATUSES)


def test_every_reason_sql_can_give_has_words_and_a_status():
    engine = {code for body in macro_bodies(r"\w*_status_reason").values()
              for code in re.findall(r"(?:THEN|ELSE)\s+'(\w+)'", body)}
    mapped = {code for body in macro_bodies(r"\w*_status").values()
              for code in re.findall(r"WHEN\s+'(\w+)'\s+THEN", body)}
    review = {code for body in macro_bodies(r"\w*_reason").values()
              for code in re.findall(r"(?:THEN|ELSE)\s+'(\w+)'", body)} - engine
    rolled_up = {"weakest_part"}  # a parent takes its weakest part's status
    assert engine <= mapped  # every reason of the engine gives a status
    given = engine | mapped | review | rolled_up
    assert given <= set(labels.STATUS_REASONS), given - set(labels.STATUS_REASONS)
    assert set(labels.STATUS_REASONS) <= given  # no stale words


def test_queries_compare_statuses_only_with_listed_codes():
    mentioned = set()
    for path in QUERIES:
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"status\s*(?:=|<>|!=|IN\s*\()\s*'(\w+)'", text):
            mentioned.add((path.name, match.group(1)))
    unknown = {(name, code) for name, code in mentioned
               if code not in labels.VERIFIED_STATUSES}
    assert unknown == set()


def test_the_store_holds_the_list_in_its_order(store: Store):
    with store.connect() as con:
        listed = con.execute("SELECT code, urgency, tone, verified_only FROM statuses "
                             "ORDER BY sort_order").fetchall()
    assert listed == [(s.code, s.urgency, s.tone, s.verified_only) for s in labels.STATUS_LIST]


def test_a_status_outside_the_list_stops_the_query(store: Store):
    with store.connect() as con:
        assert con.execute("SELECT nq57_listed('red')").fetchone() == ("red",)
        with pytest.raises(duckdb.InvalidInputException, match=r"not in labels\.STATUS_LIST"):
            con.execute("SELECT nq57_listed('awaiting_something')").fetchall()


def test_each_status_can_be_told_apart_without_colour():
    listed = labels.STATUS_LIST
    assert len({s.code for s in listed}) == len(listed)
    for attribute in ("label", "symbol", "colour", "marker"):
        values = [getattr(s, attribute) for s in listed]
        assert all(values) and len(set(values)) == len(values), attribute
    # Plotly has eight fill patterns: a pattern may repeat, never with the same colour.
    assert len({(s.pattern, s.colour) for s in listed}) == len(listed)
    assert {s.tone for s in listed} <= {"good", "watch", "alarm", "missing"}
    assert sorted(s.urgency for s in listed) == list(range(1, len(listed) + 1))


def test_pages_files_and_charts_read_the_list():
    assert tuple(s.code for s in labels.STATUS_LIST if not s.verified_only) == labels.STATUSES
    assert tuple(s.code for s in labels.STATUS_LIST) == labels.VERIFIED_STATUSES
    assert set(charts.STATUS_PATTERNS) == set(charts.STATUS_MARKERS) == set(
        labels.VERIFIED_STATUSES)
    for status in labels.STATUSES:
        assert labels.status_label(status).endswith(labels.STATUS_LABELS[status])
        assert tables.display_value(tables.Column("status", "status"), status) == (
            labels.STATUS_LABELS[status])
        assert labels.COLUMN_LABELS[f"{status}_share"] == labels.STATUS_LABELS[status]
