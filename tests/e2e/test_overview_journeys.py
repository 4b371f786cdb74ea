"""What a Steering Committee member and a leader do on the overview, in a real
browser against a real server: read the status cards, filter by unit and download
the unit's table, open a red target from its warning, share the view as a link, and
survive a mangled link."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from typing import Any

import pytest

from nq57 import labels, policy
from tests.app_pages import app_pages
from tests.e2e.browser import (
    alerts,
    exceptions,
    pick_in_sidebar,
    query_values,
    screenshot,
    sign_in,
    status_cards,
    title,
    visit,
    wait_idle,
)
from tests.e2e.server import AppServer

pytestmark = pytest.mark.e2e

UNIT, UNIT_SHORT = "SKHCN", "Sở KH&CN"


def cli_cards(server: AppServer, period: str, unit: str | None = None) -> dict[str, int]:
    """The status counts `python -m nq57 gaps` gives for the same database and filters,
    labelled as the cards label them."""
    args = ["gaps", "--period", period, "--format", "json"]
    result = server.cli(*args, *(["--unit", unit] if unit else []))
    assert result.returncode == 0, result.stderr
    counts = Counter(row["status"] for row in json.loads(result.stdout))
    return {labels.status_label(s): counts.get(s, 0) for s in labels.STATUSES}


def clean(page: Any) -> None:
    assert exceptions(page) == []


def test_the_overview_shows_the_same_counts_as_the_cli(page: Any, app_server: AppServer):
    visit(page, app_server.link())
    clean(page)
    [period] = query_values(page.url, "period")
    assert period == "2026-Q3"  # the latest quarter with data
    assert title(page).endswith("Quý III/2026")
    cards = status_cards(page)
    assert cards == cli_cards(app_server, period)
    assert cards[labels.status_label("red")] > 0
    assert labels.MESSAGES["demo_banner"] in alerts(page)


def test_a_unit_filter_goes_into_the_url_and_narrows_the_cards(page: Any,
                                                              app_server: AppServer):
    visit(page, app_server.link())
    everything = status_cards(page)
    pick_in_sidebar(page, "Đơn vị chủ trì", UNIT_SHORT)
    page.wait_for_url(f"**unit={UNIT}**")
    wait_idle(page)
    clean(page)
    assert query_values(page.url, "unit") == [UNIT]
    narrowed = status_cards(page)
    assert narrowed == cli_cards(app_server, "2026-Q3", UNIT)
    assert sum(narrowed.values()) < sum(everything.values())


def test_a_leader_filters_by_unit_reads_its_table_and_opens_a_red_target(
        page: Any, app_server: AppServer):
    visit(page, app_server.link())
    pick_in_sidebar(page, "Đơn vị chủ trì", UNIT_SHORT)
    page.wait_for_url(f"**unit={UNIT}**")
    wait_idle(page)
    clean(page)

    # The gap table, as the leader downloads it, holds exactly the unit's targets.
    with page.expect_download() as started:
        page.locator(".st-key-csv_gaps button").click()
    assert started.value.suggested_filename.endswith("-so-lieu-minh-hoa.csv")
    rows = list(csv.DictReader(io.StringIO(
        started.value.path().read_bytes().decode("utf-8-sig"))))
    notice = rows.pop()  # a file made from demo data says so, on its last line
    assert notice["Mã"] == labels.MESSAGES["demo_file"]
    result = app_server.cli("gaps", "--period", "2026-Q3", "--unit", UNIT, "--format", "json")
    expected = {row["code"]: row["status"] for row in json.loads(result.stdout)}
    assert {row["Mã"]: row["Tình trạng"] for row in rows} == {
        code: labels.STATUS_LABELS[status] for code, status in expected.items()}

    # The red warnings come first; each one opens its target, the filters kept.
    first = page.get_by_test_id("stPageLink").filter(
        has_text=labels.OVERVIEW_TEXTS["open_detail"]).first
    [code] = query_values(first.locator("a").get_attribute("href"), "target")
    assert expected[code] == "red"
    first.click()
    page.wait_for_url(f"**{labels.DETAIL_PAGE_PATH}**target={code}**")
    wait_idle(page)
    clean(page)
    assert title(page).startswith(labels.PAGE_TITLES["target_detail"])
    assert query_values(page.url, "unit") == [UNIT]
    assert page.get_by_role("heading", name=re.compile(rf"^{re.escape(code)} — ")).is_visible()
    assert page.get_by_text(labels.status_label("red")).first.is_visible()


def test_a_shared_link_opens_the_same_view_in_another_browser(
        page: Any, browser: Any, app_server: AppServer):
    visit(page, app_server.link())
    pick_in_sidebar(page, "Kỳ báo cáo", "Quý II/2026")
    page.wait_for_url("**period=2026-Q2**")
    wait_idle(page)
    pick_in_sidebar(page, "Đơn vị chủ trì", UNIT_SHORT)
    page.wait_for_url(f"**unit={UNIT}**")
    wait_idle(page)
    mine = status_cards(page)
    link = page.url

    other = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        theirs = other.new_page()
        visit(theirs, link)
        clean(theirs)
        assert status_cards(theirs) == mine == cli_cards(app_server, "2026-Q2", UNIT)
        assert title(theirs).endswith("Quý II/2026")
        chosen = theirs.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect")
        assert UNIT_SHORT in chosen.inner_text()
    finally:
        other.close()


def test_a_mangled_link_shows_a_notice_and_the_default_view(page: Any,
                                                           app_server: AppServer):
    visit(page, app_server.link(period="2026-Q9", unit=["XYZ", UNIT], group="9.9"))
    clean(page)
    (notice,) = [a for a in alerts(page) if "tham số" in a]  # one notice for the link
    assert "Kỳ báo cáo «2026-Q9» không hợp lệ; đang hiển thị 2026-Q3." in notice
    assert "Không có đơn vị «XYZ»; đã bỏ qua." in notice
    assert "Không có nhóm chỉ tiêu «9.9»; đang hiển thị tất cả các nhóm." in notice
    # What could be read is kept: the valid unit, the default period.
    assert status_cards(page) == cli_cards(app_server, "2026-Q3", UNIT)
    assert query_values(page.url, "unit") == [UNIT]
    assert query_values(page.url, "period") == ["2026-Q3"]


@pytest.mark.parametrize("app_page", app_pages(), ids=lambda p: p.slug)
def test_every_page_renders_in_the_browser(page: Any, app_server: AppServer, app_page):
    visit(page, app_server.link(app_page.path))
    if not policy.allowed_somewhere(policy.ANONYMOUS, app_page.action):  # as the demo's admin
        sign_in(page, "quantri", "quantri-minhhoa")
    clean(page)
    assert title(page)
    shot = screenshot(page, app_page.slug)
    assert shot.stat().st_size > 10_000
