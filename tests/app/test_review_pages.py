"""The evidence regime on the pages (AppTest, demo data): the review queue, deciding,
who may review, the unit's sent-back reasons and its evidence form, locks on the page,
reported against verified, an item's evidence history."""

from __future__ import annotations

import pandas as pd
from apptools import Opener, tables_with, texts
from streamlit.testing.v1 import AppTest

from nq57 import labels, locks, policy, status
from nq57.db import Store
from nq57.evidence import records, review
from tests.evidence import files

T = labels.REVIEW_PAGE
E_T = labels.EVIDENCE_PAGE
PERIOD = "2026-Q3"


def review_page(open_page: Opener, who: str = "reviewer") -> AppTest:
    """The review page, signed in as one of the test accounts (tests/helpers.py)."""
    return open_page("review", as_=who)


def pending(store: Store) -> pd.DataFrame:
    return review.queue(store, PERIOD)


def test_the_queue_lists_what_awaits_review(demo_store: Store, open_page: Opener):
    at = review_page(open_page)
    (queue,) = tables_with(at, "verified_status")
    expected = pending(demo_store)
    assert list(queue["evidence_id"]) == list(expected["evidence_id"]) and len(expected) >= 3
    assert T["queue"].format(count=len(expected)) in texts(at)
    assert set(queue["review_state"]) == {labels.REVIEW_STATE_LABELS["pending"]}
    assert at.selectbox(key="review_pick").value == int(expected["evidence_id"].iloc[0])


def test_accepting_takes_the_item_out_of_the_queue(demo_store: Store, open_page: Opener):
    at = review_page(open_page)
    chosen = at.selectbox(key="review_pick").value
    at.button(key=f"accept_{chosen}").click().run()
    assert T["accepted"].format(id=chosen) in [s.value for s in at.success]
    assert chosen not in set(pending(demo_store)["evidence_id"])
    (queue,) = tables_with(at, "verified_status")
    assert chosen not in set(queue["evidence_id"])


def test_sending_back_needs_a_reason_and_can_flag_poor_quality(demo_store: Store,
                                                              open_page: Opener):
    at = review_page(open_page)
    chosen = at.selectbox(key="review_pick").value
    send = next(b for b in at.button if b.label == T["send_back"])
    send.click().run()
    assert any("lý do" in e.value for e in at.error)
    assert chosen in set(pending(demo_store)["evidence_id"])
    at.text_area[0].input("Thiếu [chữ ký](https://evil.example)")
    at.checkbox[0].check()
    next(b for b in at.button if b.label == T["send_back"]).click().run()
    assert T["sent_back"].format(id=chosen) in [s.value for s in at.success]
    row = review.queue(demo_store, PERIOD, states=["sent_back"]).set_index("evidence_id").loc[
        chosen]
    assert (row["status"], row["review_reason"]) == ("red", "Thiếu [chữ ký](https://evil.example)")
    assert "evil.example" not in texts(at)   # the reason is data, shown in tables only


def test_a_locked_period_is_said_and_only_an_admin_unlocks_it(demo_store: Store,
                                                             open_page: Opener):
    at = review_page(open_page)
    at.button(key="lock_period").click().run()
    assert locks.is_locked(demo_store, PERIOD)
    assert "Đã khóa kỳ" in " ".join(s.value for s in at.success)
    assert not [b for b in at.button if "Mở khóa" in b.label]   # a reviewer cannot unlock
    chosen = at.selectbox(key="review_pick").value
    at.button(key=f"accept_{chosen}").click().run()
    assert any("đã được khóa sau khi tổng hợp" in e.value for e in at.error)
    admin = review_page(open_page, "admin")
    unlock = next(b for b in admin.button if "Mở khóa" in b.label)
    unlock.click().run()
    assert not locks.is_locked(demo_store, PERIOD)


def test_reported_against_verified_by_unit(demo_store: Store, open_page: Opener):
    at = open_page("by_unit")
    (compared,) = tables_with(at, "optimism")
    expected = review.reported_vs_verified(demo_store, PERIOD)
    assert list(compared["unit_short"]) == list(expected["unit_short"])
    assert (compared["claimed"] >= compared["verified"]).all()
    assert T["compare"] in [s.value for s in at.subheader]


def test_the_overview_shows_reported_official_and_verified_counts(demo_store: Store,
                                                                 open_page: Opener):
    at = open_page("overview")
    (views,) = tables_with(at, "verified_view")
    gaps = status.gaps(demo_store, PERIOD)
    by_status = views.set_index("status")
    achieved = labels.status_label("achieved")
    assert by_status.at[achieved, "reported"] == (gaps["reported_status"] == "achieved").sum()
    assert by_status.at[achieved, "official"] == (gaps["status"] == "achieved").sum()
    assert by_status.at[achieved, "verified_view"] == (
        gaps["verified_status"] == "achieved").sum()
    assert by_status.at[achieved, "verified_view"] < by_status.at[achieved, "reported"]


def test_the_detail_page_shows_the_evidence_history(demo_store: Store, open_page: Opener):
    accepted = review.queue(demo_store, PERIOD, states=["accepted"])
    code = str(accepted[accepted["code"].str.match(r"^\d")]["code"].iloc[0])
    at = open_page("target_detail", target=code)
    (log,) = tables_with(at, "done_by")
    assert set(log["event"]) >= {labels.REVIEW_DECISION_LABELS["accepted"],
                                 labels.REVIEW_DECISION_LABELS["added"]}


def _entry(at: AppTest, unit: str, period: str) -> AppTest:
    at.selectbox(key="entry_unit").set_value(unit)
    at.selectbox(key="entry_period").set_value(period)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_the_unit_sees_why_its_evidence_was_sent_back(demo_store: Store, open_page: Opener):
    at = _entry(open_page("reporting", as_="staff"), "SKHCN", PERIOD)
    back = review.sent_back_for(demo_store, PERIOD, unit="SKHCN")
    assert len(back) >= 1
    assert E_T["sent_back_heading"].format(count=len(back)) in [w.value for w in at.warning]
    shown = {t.value for t in at.text}
    assert set(back["review_reason"]) <= shown


def test_staff_are_told_a_locked_period_cannot_change(demo_store: Store, open_page: Opener):
    assert locks.is_locked(demo_store, "2026-Q1")     # the demo's locked period
    at = _entry(open_page("reporting", as_="staff"), "SKHCN", "2026-Q1")
    said = " ".join(w.value for w in at.warning)
    assert "đã được khóa sau khi tổng hợp" in said
    assert not [f for f in at.get("form") if "evidence_add" in str(f.proto.form_id)]


def test_the_unit_adds_a_link_to_a_reported_value(demo_store: Store, open_page: Opener):
    # (staff of another unit never gets SNV to choose; the core refuses them too:
    # tests/evidence/test_review.py)
    snv = _entry(open_page("reporting", as_="staff_snv"), "SNV", PERIOD)
    item = snv.selectbox(key="evidence_item").value
    snv.radio(key="evidence_kind").set_value("link")
    snv.text_input(key="evidence_link").input("javascript:alert(1)")
    next(b for b in snv.button if b.label == E_T["add_button"]).click().run()
    assert any("http" in e.value for e in snv.error)
    snv.selectbox(key="evidence_item").set_value(item)
    snv.radio(key="evidence_kind").set_value("link")
    snv.text_input(key="evidence_link").input("https://dongnai.gov.vn/snv/bao-cao")
    next(b for b in snv.button if b.label == E_T["add_button"]).click().run()
    assert any("chờ Tổ giúp việc thẩm định" in s.value for s in snv.success)
    log = demo_store.frame("evidence/log", item=item, unit="SNV")
    assert (log["event"].iloc[0], log["url"].iloc[0], log["done_by"].iloc[0]) == (
        "added", "https://dongnai.gov.vn/snv/bao-cao", "Nguyễn Văn A (canbo.snv)")


def _pick_new(demo_store: Store, open_page: Opener, evidence) -> AppTest:
    from tests.helpers import report

    report(demo_store, "SNV", PERIOD, {"1.2.2": 96.0}, at="2026-10-12 09:00")
    staff = policy.Actor("can-bo-snv", policy.STAFF, frozenset({"SNV"}))
    added = records.add(demo_store, staff, "1.2.2", "SNV", PERIOD, evidence)
    at = review_page(open_page)
    at.selectbox(key="review_pick").set_value(added.evidence_id).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_an_image_is_shown_in_place_and_offered_under_a_safe_name(demo_store: Store,
                                                                  open_page: Opener):
    at = _pick_new(demo_store, open_page, records.file_evidence(files.png(), "anh <script>x.png"))
    assert len(at.get("image")) == 1
    assert [b for b in at.get("download_button") if b.label == T["download"]]
    assert "anh <script>x.png" in [t.value for t in at.text]        # the name, as data
    assert "<script>" not in texts(at)


def test_a_pdf_is_shown_as_page_images(demo_store: Store, open_page: Opener):
    at = _pick_new(demo_store, open_page, records.file_evidence(files.pdf(), "bien-ban.pdf"))
    assert len(at.get("image")) == 1
    assert T["pdf_pages"].format(first=1, last=1) in texts(at)


def test_a_link_is_an_external_button_never_markdown(demo_store: Store, open_page: Opener):
    url = "https://dongnai.gov.vn/snv/bao-cao?a=1&b=[x](y)"
    at = _pick_new(demo_store, open_page, records.link_evidence(url))
    (button,) = at.get("link_button")
    assert button.proto.url == url and button.proto.label == T["open_link"]
    assert url in [c.value for c in at.code]
    assert "[x](y)" not in texts(at)
