"""The secretariat sends evidence back in the browser: the unit reads the reason on
its reporting page, and the overview stops counting the target as achieved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nq57 import labels
from nq57.db import Store
from nq57.evidence import review
from tests.e2e.browser import screenshot, sign_in, status_cards, visit, wait_idle
from tests.e2e.server import AppServer, start_app

pytestmark = pytest.mark.e2e
PERIOD = "2026-Q3"
REASON = "Biên bản nghiệm thu chưa có chữ ký của lãnh đạo đơn vị"


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[AppServer]:
    """A server on its own demo database (this journey writes)."""
    server = start_app(tmp_path / "server")
    yield server
    server.stop()


def test_a_sent_back_target_reaches_the_unit_and_leaves_the_achieved_count(
        page: Any, own_server: AppServer):
    store = Store(own_server.db)
    targets = review.queue(store, PERIOD)
    targets = targets[(targets["item_type"] == "target")
                      & (targets["reported_status"] == "achieved")
                      & (targets["reporting_unit"] == "SKHCN")]  # the demo staff's unit
    target = targets.iloc[0]
    group = str(target["code"]).rsplit(".", 1)[0]
    assert review.queue(store, PERIOD, group=group)["evidence_id"].iloc[0] == \
        target["evidence_id"]   # the first in the group's queue, picked by default

    visit(page, own_server.link("", period=PERIOD))
    before = status_cards(page)

    visit(page, own_server.link(labels.REVIEW_PAGE_PATH, period=PERIOD, group=group))
    sign_in(page, "togiupviec", "togiupviec-minhhoa")  # the demo reviewer, asked in place
    page.get_by_text(labels.REVIEW_PAGE["queue"].split(" (")[0]).first.wait_for()
    page.get_by_label(labels.REVIEW_PAGE["reason"]).fill(REASON)
    page.get_by_role("button", name=labels.REVIEW_PAGE["send_back"]).click()
    wait_idle(page)
    page.get_by_text(labels.REVIEW_PAGE["sent_back"].format(
        id=int(target["evidence_id"]))).wait_for()
    screenshot(page, "review-sent-back")

    visit(page, own_server.link(labels.UPLOAD_PAGE_PATH, period=PERIOD,
                                unit=str(target["reporting_unit"])))
    sign_in(page, "canbo.skhcn", "canbo-skhcn-minhhoa")  # the demo staff of SKHCN
    page.get_by_text(REASON).wait_for()
    assert page.get_by_text(str(target["code"]) + " — ", exact=False).first.is_visible()
    screenshot(page, "unit-sees-sent-back")

    visit(page, own_server.link("", period=PERIOD))
    after = status_cards(page)
    achieved, waiting = (labels.status_label(s) for s in ("achieved", "awaiting_completion"))
    assert after[achieved] == before[achieved] - 1
    assert after[waiting] == before[waiting] + 1
