"""The reported-against-verified chart, tested on its data: one bar per unit that
reports items achieved, split by what review made of them, most optimistic first."""

from __future__ import annotations

import pandas as pd

from nq57 import charts, labels
from nq57.db import Store
from nq57.evidence import review

COLUMNS = ["unit", "unit_short", "items", "claimed", "verified", "awaiting_review",
           "awaiting_evidence", "sent_back", "optimism"]


def frame(rows: list[list[object]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS)


def test_each_part_of_a_claim_has_its_status_colour_pattern_and_words():
    data = frame([["A", "Sở A", 9, 6, 1, 2, 1, 2, 5], ["B", "Sở B", 4, 3, 3, 0, 0, 0, 0]])
    figure = charts.reported_vs_verified(data)
    bars = [t for t in figure.data if t.type == "bar"]
    assert [t.name for t in bars] == [labels.REVIEW_CHART[c] for c in (
        "verified", "awaiting_review", "awaiting_evidence", "sent_back")]
    for trace, (column, state) in zip(bars, charts.REVIEW_PARTS, strict=True):
        assert list(trace.x) == list(data[column])
        assert trace.marker.color == labels.STATUS_COLORS[state]
        assert trace.marker.pattern.shape == charts.STATUS_PATTERNS[state]
    assert list(bars[0].y) == ["Sở A", "Sở B"]            # most optimistic at the top
    totals = [sum(t.x[i] for t in bars) for i in range(2)]
    assert totals == list(data["claimed"])                # the parts make up the claim
    (words,) = [t for t in figure.data if t.type == "scatter"]
    assert list(words.text) == ["5 mục chưa được xác nhận", ""]


def test_parts_nobody_has_are_left_out():
    figure = charts.reported_vs_verified(frame([["B", "Sở B", 4, 3, 3, 0, 0, 0, 0]]))
    assert [t.name for t in figure.data if t.type == "bar"] == [labels.REVIEW_CHART["verified"]]


def test_on_the_demo_data_the_claims_add_up(demo_store: Store):
    compared = review.reported_vs_verified(demo_store, "2026-Q3", as_of="2026-11-23")
    parts = compared[["verified", "awaiting_review", "awaiting_evidence", "sent_back"]]
    assert (parts.sum(axis=1) == compared["claimed"]).all()
    assert (compared["optimism"] == compared["claimed"] - compared["verified"]).all()
    assert list(compared["optimism"]) == sorted(compared["optimism"], reverse=True)
    assert compared["optimism"].max() > 0
    figure = charts.reported_vs_verified(compared)
    assert len(figure.data) == 5
