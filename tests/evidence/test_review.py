"""The review regime, transition by transition, on a real database. Case table
(reported = the engine's status from the unit's numbers; status = official;
verified = only accepted evidence counts):

 value     evidence / decision               review_state  status               verified
 achieved  none                              missing       awaiting_evidence    (same)
 achieved  attached                          pending       achieved (flagged)   awaiting_review
 achieved  accepted                          accepted      achieved             achieved
 achieved  sent back                         sent_back     awaiting_completion  (same)
 achieved  sent back, insufficient quality   sent_back     red (its reason)     red
 achieved  sent back, then new evidence      pending       achieved             awaiting_review
 achieved  accepted, then a new value        pending       achieved             awaiting_review
 achieved  accepted, same file sent again    accepted      (nothing stored)
 on track  attached                          pending       on_track             on_track
 on track  sent back                         sent_back     awaiting_completion  (same)
 red       sent back                         sent_back     red (engine reason)  red
 nothing   -                                 NULL          no_data / overdue    (same)
Refusals: deciding on superseded evidence, on a revoked value, sending back without a
reason, evidence for a value not on record; permissions by role and unit.
"""

from __future__ import annotations

import pytest

from nq57 import audit, labels, policy, revisions, status
from nq57.db import Store
from nq57.evidence import records, review
from nq57.evidence.review import ReviewError
from tests.evidence import files
from tests.helpers import report

STAFF = policy.Actor("can-bo-skhcn", policy.STAFF, frozenset({"SKHCN"}),
                     display_name="Nguyễn Văn A")
OTHER_STAFF = policy.Actor("can-bo-snv", policy.STAFF, frozenset({"SNV"}))
REVIEWER = policy.Actor("to-giup-viec", policy.REVIEWER, display_name="Trần Thị B")
ADMIN = policy.Actor("quan-tri", policy.ADMIN)
VIEWER = policy.Actor("lanh-dao", policy.VIEWER)
PERIOD = "2026-Q3"
TARGET = "1.5.23"   # "15–17%": met at 15
LINK = "https://dongnai.gov.vn/minh-chung/1-5-23"


def state(store: Store, code: str = TARGET, item_type: str = "target") -> dict:
    frame = status.gaps(store, PERIOD, item_type=item_type)
    row = frame.set_index("code").loc[code]
    return {key: row[key] for key in ("reported_status", "status", "verified_status",
                                      "review_state", "status_reason")}


def claim(store: Store, value: float = 15.0, at: str = "2026-10-10 09:00") -> None:
    report(store, "SKHCN", PERIOD, {TARGET: value}, at=at)


def attach(store: Store, evidence: records.Evidence | None = None) -> int:
    added = records.add(store, STAFF, TARGET, "SKHCN", PERIOD,
                        evidence or records.link_evidence(LINK))
    assert added.new
    return added.evidence_id


def test_achieved_without_evidence_awaits_evidence_and_is_not_done(store: Store):
    claim(store)
    assert state(store) == {
        "reported_status": "achieved", "status": "awaiting_evidence",
        "verified_status": "awaiting_evidence", "review_state": "missing",
        "status_reason": "evidence_missing"}
    assert status.explain(status.gaps(store, PERIOD).set_index("code").loc[TARGET]).startswith(
        "Báo cáo đạt nhưng chưa có minh chứng nên chưa được tính là đạt")


def test_evidence_awaiting_review_counts_as_achieved_but_not_as_verified(store: Store):
    claim(store)
    attach(store)
    assert state(store) == {
        "reported_status": "achieved", "status": "achieved",
        "verified_status": "awaiting_review", "review_state": "pending",
        "status_reason": "achieved_pending_review"}


def test_accepted_evidence_makes_the_item_achieved_as_verified(store: Store):
    claim(store)
    review.accept(store, REVIEWER, attach(store))
    assert state(store)["status"] == state(store)["verified_status"] == "achieved"
    assert state(store)["review_state"] == "accepted"


def test_evidence_sent_back_awaits_completion_and_scores_nothing(store: Store):
    claim(store)
    evidence = attach(store)
    review.send_back(store, REVIEWER, evidence, "Văn bản chưa ký, đóng dấu")
    assert state(store) == {
        "reported_status": "achieved", "status": "awaiting_completion",
        "verified_status": "awaiting_completion", "review_state": "sent_back",
        "status_reason": "evidence_sent_back"}
    row = status.gaps(store, PERIOD).set_index("code").loc[TARGET]
    assert row["review_reason"] == "Văn bản chưa ký, đóng dấu"
    assert row["reviewed_by"] == "Trần Thị B (to-giup-viec)"


def test_insufficient_quality_raises_the_third_red_warning(store: Store):
    claim(store)
    review.send_back(store, REVIEWER, attach(store), "Ảnh không thể hiện kết quả",
                     insufficient_quality=True)
    found = state(store)
    assert (found["status"], found["status_reason"]) == ("red", "evidence_rejected")
    row = status.gaps(store, PERIOD).set_index("code").loc[TARGET]
    assert "không đạt chất lượng" in status.explain(row)
    assert bool(row["insufficient_quality"])


def test_new_evidence_after_a_send_back_goes_back_to_the_queue(store: Store):
    claim(store)
    first = attach(store)
    review.send_back(store, REVIEWER, first, "Thiếu chữ ký")
    second = attach(store, records.file_evidence(files.pdf(), "ban-da-ky.pdf"))
    assert second != first
    assert state(store)["review_state"] == "pending"
    assert list(review.queue(store, PERIOD)["evidence_id"]) == [second]
    review.accept(store, REVIEWER, second)
    assert state(store)["verified_status"] == "achieved"


def test_a_decision_holds_only_for_the_value_it_was_made_on(store: Store):
    claim(store, 15.0)
    review.accept(store, REVIEWER, attach(store))
    claim(store, 16.0, at="2026-10-12 09:00")
    assert state(store)["review_state"] == "pending"
    assert state(store)["verified_status"] == "awaiting_review"


def test_the_same_evidence_sent_again_is_not_stored_twice(store: Store):
    claim(store)
    evidence = attach(store)
    review.accept(store, REVIEWER, evidence)
    again = records.add(store, STAFF, TARGET, "SKHCN", PERIOD, records.link_evidence(LINK))
    assert (again.evidence_id, again.new) == (evidence, False)
    assert state(store)["review_state"] == "accepted"


def test_items_not_claimed_done_keep_their_status_until_sent_back(store: Store):
    # II.8 is judged by % complete and due in Quý IV (II.3 now counts its KPI, "≥ 01").
    report(store, "SKHCN", PERIOD, {"II.8": 80.0}, at="2026-10-10 09:00")
    on_track = records.add(store, STAFF, "II.8", "SKHCN", PERIOD,
                           records.link_evidence("https://dongnai.gov.vn/ii-8"))
    assert state(store, "II.8", "task")["status"] == "on_track"
    assert state(store, "II.8", "task")["review_state"] == "pending"
    review.send_back(store, REVIEWER, on_track.evidence_id, "Chưa đúng sản phẩm đầu ra")
    assert state(store, "II.8", "task")["status"] == "awaiting_completion"


def test_a_red_item_sent_back_stays_red_for_its_own_reason(store: Store):
    report(store, "SKHCN", PERIOD, {"1.3.1": 1.0}, at="2026-10-10 09:00")
    assert state(store, "1.3.1")["reported_status"] == "red"
    added = records.add(store, STAFF, "1.3.1", "SKHCN", PERIOD,
                        records.link_evidence("https://dongnai.gov.vn/x"))
    review.send_back(store, REVIEWER, added.evidence_id, "Không liên quan")
    found = state(store, "1.3.1")
    assert (found["status"], found["status_reason"]) == ("red", "below_half_trajectory")


def test_nothing_reported_has_no_review_state(store: Store):
    assert state(store)["review_state"] is None
    assert state(store)["status"] == "overdue_report"


# --- refusals -------------------------------------------------------------------------

def test_superseded_evidence_cannot_be_decided(store: Store):
    claim(store)
    first = attach(store)
    attach(store, records.file_evidence(files.png(), "anh.png"))
    with pytest.raises(ReviewError, match="không còn là minh chứng mới nhất"):
        review.accept(store, REVIEWER, first)


def test_evidence_of_a_revoked_value_cannot_be_decided(store: Store):
    claim(store)
    evidence = attach(store)
    upload = int(revisions.uploads(store, "SKHCN", PERIOD)["id"].iloc[0])
    revisions.revoke_upload(store, ADMIN, upload, "Nhập nhầm")
    with pytest.raises(ReviewError, match="đã bị thu hồi"):
        review.accept(store, REVIEWER, evidence)


@pytest.mark.parametrize("reason", ["", "   "])
def test_sending_back_needs_a_reason(store: Store, reason):
    claim(store)
    evidence = attach(store)
    with pytest.raises(ReviewError, match="lý do"):
        review.send_back(store, REVIEWER, evidence, reason)
    assert state(store)["review_state"] == "pending"


def test_evidence_needs_a_value_on_record(store: Store):
    with pytest.raises(records.NotReported, match="chưa có giá trị báo cáo"):
        records.add(store, STAFF, TARGET, "SKHCN", PERIOD, records.link_evidence(LINK))


def test_unknown_evidence_is_named(store: Store):
    with pytest.raises(ReviewError, match="Không có minh chứng số 99"):
        review.accept(store, REVIEWER, 99)


@pytest.mark.parametrize("actor", [STAFF, VIEWER])
def test_only_reviewers_and_admins_decide(store: Store, actor):
    claim(store)
    evidence = attach(store)
    with pytest.raises(policy.PermissionDenied, match="thẩm định minh chứng"):
        review.accept(store, actor, evidence)
    review.accept(store, ADMIN, evidence)
    assert state(store)["review_state"] == "accepted"


@pytest.mark.parametrize("actor", [OTHER_STAFF, REVIEWER, VIEWER])
def test_only_the_units_staff_and_admins_attach_evidence(store: Store, actor):
    claim(store)
    with pytest.raises(policy.PermissionDenied):
        records.add(store, actor, TARGET, "SKHCN", PERIOD, records.link_evidence(LINK))
    assert state(store)["review_state"] == "missing"


# --- every decision is recorded: who, when, why ------------------------------------------

def test_every_decision_is_in_the_items_history_and_the_audit_log(store: Store):
    claim(store)
    first = attach(store)
    review.send_back(store, REVIEWER, first, "Thiếu chữ ký", insufficient_quality=True)
    second = attach(store, records.file_evidence(files.pdf(), "C:\\Tai lieu\\ban-ky.pdf"))
    review.accept(store, REVIEWER, second)
    log = records.log(store, TARGET)
    assert list(log["event"]) == ["accepted", "added", "sent_back", "added"]
    reviewer, staff = "Trần Thị B (to-giup-viec)", "Nguyễn Văn A (can-bo-skhcn)"
    assert list(log["done_by"]) == [reviewer, staff, reviewer, staff]
    sent_back = log[log["event"] == "sent_back"].iloc[0]
    assert (sent_back["reason"], bool(sent_back["insufficient_quality"])) == (
        "Thiếu chữ ký", True)
    assert log.iloc[1]["original_name"] == "ban-ky.pdf"   # no folder kept
    actions = audit.entries(store)["action"].tolist()
    assert actions.count("add_evidence") == 2
    assert {"review_sent_back", "review_accepted"} <= set(actions)
    assert set(actions) <= set(labels.AUDIT_ACTION_LABELS)   # each has its words


def test_a_stored_file_comes_back_exactly(store: Store):
    claim(store)
    data = files.jpeg()
    evidence = attach(store, records.file_evidence(data, "anh.jpg"))
    found = records.open_evidence(store, evidence)
    assert found.data == data
    assert (found.row["file_type"], found.row["size_bytes"]) == ("jpeg", len(data))
