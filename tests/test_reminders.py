"""Reminders: units whose report is due within N days or overdue, with whom to write
to, as `python -m nq57 reminders` gives them to a mail job. The report of 2026-Q3 is
due on 20/10/2026."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nq57 import contacts, reminders
from nq57.contacts import ContactRefused
from nq57.db import ROOT, Store
from nq57.policy import PermissionDenied
from tests.helpers import ADMIN, REVIEWER, STAFF_SNV, report

FIELDS = ["unit_code", "unit_name", "contact_name", "email", "phone", "period",
          "report_deadline", "days_left", "items_missing"]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nq57", *args], cwd=ROOT,
                          env=os.environ.copy(), capture_output=True, text=True, timeout=120)


def q3(store: Store, as_of: str, within: int = 7) -> dict[str, dict]:
    due = reminders.reminders(store, within=within, as_of=as_of)
    return {r["unit_code"]: r for r in due.to_dict(orient="records") if r["period"] == "2026-Q3"}


@pytest.mark.parametrize(("as_of", "within", "days_left"), [
    ("2026-10-12", 7, None),   # due in 8 days: not yet
    ("2026-10-13", 7, 7),      # due in exactly 7 days
    ("2026-10-19", 0, None),   # tomorrow, and only today's are asked for
    ("2026-10-20", 0, 0),      # the deadline day itself: due, not overdue
    ("2026-10-20", 7, 0),
    ("2026-10-21", 7, -1),     # the day after: overdue
    ("2026-11-23", 7, -34),
])
def test_the_window_and_the_deadline_day(store: Store, as_of, within, days_left):
    found = q3(store, as_of, within)
    if days_left is None:
        assert found == {}
    else:
        assert found["SNV"]["days_left"] == days_left
        assert str(found["SNV"]["report_deadline"]) == "2026-10-20"
        assert found["SNV"]["items_missing"] == 4  # every item Sở Nội vụ reports


def test_a_unit_that_has_reported_everything_is_not_reminded(store: Store):
    report(store, "SNV", "2026-Q3", {"1.2.2": 80.0, "1.2.3": 80.0})
    found = q3(store, "2026-10-21")
    assert found["SNV"]["items_missing"] == 2
    report(store, "SNV", "2026-Q3", {"1.2.4": 1.0, "IV.3": 50.0})
    assert "SNV" not in q3(store, "2026-10-21")


def test_the_command_gives_one_row_per_unit_and_period_with_the_contact(store: Store):
    set_by_admin = cli("contact", "SNV", "--name", "Lê Thị Thu", "--email",
                       "thu.lt@snv.example.invalid", "--phone", "0251 000 1234",
                       "--user", ADMIN.name)
    assert set_by_admin.returncode == 0, set_by_admin.stderr
    by_staff = cli("contact", "SNV", "--name", "Ai đó", "--user", STAFF_SNV.name)
    assert by_staff.returncode == 1 and "không có quyền" in by_staff.stderr
    done = cli("reminders", "--within", "7", "--as-of", "2026-10-21", "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert all(list(r) == FIELDS for r in rows)
    snv = next(r for r in rows if r["unit_code"] == "SNV" and r["period"] == "2026-Q3")
    assert snv == {"unit_code": "SNV", "unit_name": "Sở Nội vụ", "contact_name": "Lê Thị Thu",
                   "email": "thu.lt@snv.example.invalid", "phone": "0251 000 1234",
                   "period": "2026-Q3", "report_deadline": "2026-10-20", "days_left": -1,
                   "items_missing": 4}
    pairs = [(r["unit_code"], r["period"]) for r in rows]
    assert len(pairs) == len(set(pairs))
    assert cli("reminders", "--format", "csv").stdout.splitlines()[0] == ",".join(FIELDS)


def test_a_negative_window_is_a_usage_error(store: Store):
    done = cli("reminders", "--within", "-3")
    assert done.returncode == 2 and "Số ngày phải là số nguyên từ 0 trở lên" in done.stderr


@pytest.mark.parametrize(("name", "email", "phone", "says"), [
    (None, None, None, "Hãy ghi ít nhất một trong"),
    ("Lê Thu", "le thu@snv", None, "Địa chỉ thư điện tử «le thu@snv» không hợp lệ"),
    ("Lê Thu", None, "gọi cho tôi", "Số điện thoại «gọi cho tôi» không hợp lệ"),
])
def test_a_malformed_contact_is_refused(store: Store, name, email, phone, says):
    with pytest.raises(ContactRefused, match=says):
        contacts.set_contact(store, ADMIN, "SNV", name=name, email=email, phone=phone)
    assert contacts.contacts(store).set_index("unit_code").at["SNV", "email"] is None


def test_only_an_admin_changes_contacts_and_every_change_is_audited(store: Store):
    for not_admin in (STAFF_SNV, REVIEWER):
        with pytest.raises(PermissionDenied):
            contacts.set_contact(store, not_admin, "SNV", name="Lê Thu")
    contacts.set_contact(store, ADMIN, "SNV", name="Lê Thu", email="thu@example.invalid")
    contacts.set_contact(store, ADMIN, "snv", name="Trần Minh")
    row = contacts.contacts(store).set_index("unit_code").loc["SNV"]
    assert (row["contact_name"], row["email"]) == ("Trần Minh", None)  # the latest wins
    assert row["updated_by"] == ADMIN.signature
    entries = store.rows("audit/entries", since=None, actor=None, action="set_contact")
    assert [(e["object_id"], e["actor"]) for e in entries] == [("SNV", ADMIN.name)] * 2


def test_demo_contacts_are_fictitious_and_go_with_the_demo(demo_store: Store):
    from nq57 import demo

    listed = contacts.contacts(demo_store)
    listed = listed[listed["kind"] != "collective"]
    assert listed["email"].str.endswith("@example.invalid").all()
    assert listed["contact_name"].str.endswith("(minh họa)").all()
    demo.remove(demo_store, ADMIN)
    assert contacts.contacts(demo_store)["email"].isna().all()


def test_the_transcribed_catalogue_holds_no_contacts():
    units = (Path(ROOT) / "data" / "units.csv").read_text(encoding="utf-8")
    header = units.splitlines()[0]
    assert "email" not in header and "phone" not in header
    assert "@" not in units
