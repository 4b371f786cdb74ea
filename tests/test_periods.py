"""A period is one thing however people write it."""

from __future__ import annotations

from datetime import date

import pytest

from nq57.periods import Period, PeriodError, parse_period

Q2 = Period(2026, "quarter", 2)


@pytest.mark.parametrize(
    "text",
    ["2026-Q2", "2026-q2", "2026 Q2", "Q2/2026", "q2-2026", "Quý II/2026", "quý ii/2026",
     "Quy II/2026", "Quý 2/2026", "QUÝ II NĂM 2026", "  Quý  II / 2026 "],
)
def test_every_way_of_writing_the_second_quarter(text):
    assert parse_period(text) == Q2


@pytest.mark.parametrize("text", ["2026-Q5", "Q0/2026", "Quý V/2026", "2026", "", None,
                                  "hai nghìn", "2026-13"])
def test_unreadable_periods_say_how_to_write_one(text):
    with pytest.raises(PeriodError, match="2026-Q2, Q2/2026 hoặc Quý II/2026"):
        parse_period(text)


def test_quarter_dates_labels_and_order():
    assert (Q2.code, Q2.label) == ("2026-Q2", "Quý II/2026")
    assert (Q2.start, Q2.end) == (date(2026, 4, 1), date(2026, 6, 30))
    assert Period(2026, "quarter", 4).end == date(2026, 12, 31)
    assert Period(2026, "quarter", 1).previous() == Period(2025, "quarter", 4)
    assert Period(2025, "quarter", 4) < Q2


def test_months_fit_the_same_shape():
    may = parse_period("Tháng 5/2026")
    assert may == parse_period("2026-05") == Period(2026, "month", 5)
    assert (may.code, may.label, may.end) == ("2026-05", "Tháng 5/2026", date(2026, 5, 31))
    assert Period(2026, "month", 1).previous() == Period(2025, "month", 12)
