"""Period locks. Case table:
  reviewer or admin locks an open period            → locked (audited)
  staff or viewer locks                             → refused
  locking a locked period / unlocking an open one   → refused, saying so
  reviewer unlocks                                  → refused (admin only)
  admin unlocks                                     → open again (audited, with its reason)
In a locked period:
  staff imports, adds evidence                      → refused in Vietnamese, nothing stored
  reviewer accepts or sends back                    → refused, nothing stored
  admin imports, adds evidence, decides             → done, each with a change_locked entry
  the same file sent again (no change)              → nothing to refuse
  another period                                    → unaffected
"""

from __future__ import annotations

import pytest

from nq57 import audit, imports, labels, locks, policy, status
from nq57.db import Store
from nq57.evidence import records, review
from tests.excel.workbooks import fill, template
from tests.helpers import report

PERIOD = "2026-Q2"
STAFF = policy.Actor("can-bo", policy.STAFF, frozenset({"SKHCN"}))
REVIEWER = policy.Actor("to-giup-viec", policy.REVIEWER)
ADMIN = policy.Actor("quan-tri", policy.ADMIN)
VIEWER = policy.Actor("lanh-dao", policy.VIEWER)
LOCKED = "đã được khóa sau khi tổng hợp"


def actions(store: Store) -> list[str]:
    """The audit actions of the period locks (the test accounts' creation left aside)."""
    found = audit.entries(store)["action"].tolist()
    return [a for a in found if a in ("lock_period", "unlock_period", "change_locked")]


def values(store: Store, period: str = PERIOD) -> dict[str, float]:
    """The values reported for the period itself (not carried from an earlier one)."""
    frame = status.gaps(store, period)
    return dict(frame[frame["reported_now"]][["code", "actual"]].values)


@pytest.mark.parametrize("actor", [REVIEWER, ADMIN])
def test_a_reviewer_or_an_admin_locks_a_period(store: Store, actor):
    done = locks.lock(store, actor, "Quý II/2026", "Đã tổng hợp báo cáo quý")
    assert done.period == PERIOD and locks.is_locked(store, PERIOD)
    assert not locks.is_locked(store, "2026-Q3")
    assert actions(store) == ["lock_period"]


@pytest.mark.parametrize("actor", [STAFF, VIEWER])
def test_staff_and_viewers_cannot_lock(store: Store, actor):
    with pytest.raises(policy.PermissionDenied, match="khóa kỳ báo cáo"):
        locks.lock(store, actor, PERIOD)
    assert not locks.is_locked(store, PERIOD)


def test_only_an_admin_unlocks(store: Store):
    locks.lock(store, REVIEWER, PERIOD)
    with pytest.raises(locks.LockError, match="đã được khóa từ trước"):
        locks.lock(store, REVIEWER, PERIOD)
    with pytest.raises(policy.PermissionDenied):
        locks.unlock(store, REVIEWER, PERIOD)
    locks.unlock(store, ADMIN, PERIOD, "Sở Tài chính gửi bổ sung")
    assert not locks.is_locked(store, PERIOD)
    with pytest.raises(locks.LockError, match="đang mở"):
        locks.unlock(store, ADMIN, PERIOD)
    history = locks.history(store)
    assert list(history["locked"]) == [False, True]
    assert history["reason"].iloc[0] == "Sở Tài chính gửi bổ sung"
    assert actions(store) == ["unlock_period", "lock_period"]
    assert set(actions(store)) <= set(labels.AUDIT_ACTION_LABELS)


def _upload(store: Store, actor: policy.Actor | None, value: float):
    data = fill(template(store), {"1.1.1": value / 100})  # a percent-formatted cell
    inspection = imports.inspect(store, data, "q2.xlsx")
    assert inspection.accepted, inspection.problems
    return imports.commit(store, actor or STAFF, inspection)


def test_staff_cannot_change_a_locked_period_and_nothing_is_stored(store: Store):
    report(store, "SKHCN", PERIOD, {"1.1.1": 50.0})
    locks.lock(store, REVIEWER, PERIOD)
    before = values(store)
    with pytest.raises(locks.PeriodLocked, match=LOCKED):
        _upload(store, STAFF, 61.0)
    with pytest.raises(locks.PeriodLocked, match=LOCKED):
        _upload(store, None, 61.0)  # the unit's own staff
    with pytest.raises(locks.PeriodLocked, match="Chỉ quản trị viên"):
        records.add(store, STAFF, "1.1.1", "SKHCN", PERIOD,
                    records.link_evidence("https://dongnai.gov.vn/a"))
    assert values(store) == before
    assert store.rows("evidence/newest", item="1.1.1", unit="SKHCN", period=PERIOD) == []
    assert values(store, "2026-Q3") == {}
    _upload_q3 = fill(template(store, period="2026-Q3"), {"1.1.1": 0.62})
    imports.commit(store, STAFF, imports.inspect(store, _upload_q3, "q3.xlsx"))
    # another period is open
    assert values(store, "2026-Q3") == {"1.1.1": 62.0}


def test_reviews_of_a_locked_period_need_an_admin(store: Store):
    report(store, "SKHCN", PERIOD, {"1.1.1": 50.0})
    added = records.add(store, STAFF, "1.1.1", "SKHCN", PERIOD,
                        records.link_evidence("https://dongnai.gov.vn/a"))
    locks.lock(store, REVIEWER, PERIOD)
    with pytest.raises(locks.PeriodLocked):
        review.send_back(store, REVIEWER, added.evidence_id, "Thiếu chữ ký")
    assert status.gaps(store, PERIOD).set_index("code").at["1.1.1", "review_state"] == "pending"
    review.send_back(store, ADMIN, added.evidence_id, "Thiếu chữ ký")
    assert status.gaps(store, PERIOD).set_index("code").at["1.1.1", "review_state"] == \
        "sent_back"


def test_an_admin_changes_a_locked_period_and_each_change_is_audited(store: Store):
    report(store, "SKHCN", PERIOD, {"1.1.1": 50.0})
    locks.lock(store, REVIEWER, PERIOD)
    result = _upload(store, ADMIN, 61.0)
    assert result.upload_id is not None
    records.add(store, ADMIN, "1.1.1", "SKHCN", PERIOD,
                records.link_evidence("https://dongnai.gov.vn/a"))
    assert values(store)["1.1.1"] == 61.0
    locked_changes = audit.entries(store, action=policy.CHANGE_LOCKED)
    assert len(locked_changes) == 2
    assert set(locked_changes["actor"]) == {"quan-tri"}
    assert set(locked_changes["object_id"]) == {PERIOD}
    assert any('"change": "import"' in a for a in locked_changes["after"])


def test_the_same_file_again_changes_nothing_and_is_not_refused(store: Store):
    first = _upload(store, STAFF, 61.0)
    assert first.upload_id is not None
    locks.lock(store, REVIEWER, PERIOD)
    again = _upload(store, STAFF, 61.0)
    assert again.upload_id is None
