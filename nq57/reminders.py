"""Reminders: which units have a report due in the next days or overdue, with whom to
write to. What the secretariat chases, and what a mail job reads from
`python -m nq57 reminders --format json`."""

from __future__ import annotations

from datetime import date

import pandas as pd

from nq57 import clock
from nq57.db import Store

DEFAULT_WITHIN = 7
FIELDS = ("unit_code", "unit_name", "contact_name", "email", "phone", "period",
          "report_deadline", "days_left", "items_missing")


def reminders(store: Store, *, within: int = DEFAULT_WITHIN,
              as_of: date | str | None = None) -> pd.DataFrame:
    """One row per unit and period whose report is due within `within` days of
    `as_of` (days_left 0: due that day) or overdue (days_left < 0) and not complete:
    unit, contact, period, report_deadline, days_left, items_missing, items."""
    if within < 0:
        raise ValueError("within must be zero or more days")
    return store.frame("reminders/due", as_of=clock.today(as_of), within=int(within))
