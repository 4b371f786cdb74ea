"""The page "Báo cáo": the report of the sidebar's filters (or the province), its parts
previewed, its three files offered."""

from __future__ import annotations

from apptools import Opener, texts
from streamlit.testing.v1 import AppTest

from nq57 import labels, status
from nq57.db import Store

PAGE = "views/briefing.py"
PARTS = [labels.BRIEFING_PARTS[k] for k in labels.BRIEFING_PARTS]


def open_report(open_page: Opener, **params: str | list[str]) -> AppTest:
    at = open_page("overview", **params)
    at.switch_page(PAGE).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def preview_targets(at: AppTest) -> list[str]:
    """The codes of the preview's targets appendix."""
    header = labels.BRIEFING_COLUMNS["target"]
    frames = [d.value for d in at.dataframe if header in d.value.columns]
    return list(frames[-1][labels.BRIEFING_COLUMNS["code"]])


def test_the_report_of_a_unit_previews_every_part_and_offers_three_files(
        demo_store: Store, open_page: Opener) -> None:
    at = open_report(open_page, unit="SNV", period="2026-Q3")
    assert at.title[0].value == "Báo cáo — Quý III/2026"
    assert [e.label for e in at.expander][-len(PARTS):] == PARTS
    assert [b.label for b in at.download_button] == [
        "Tải báo cáo PDF", "Tải báo cáo Word", "Tải báo cáo Excel"]
    (scope,) = at.radio
    assert scope.value == "filters"
    mine = status.gaps(demo_store, "2026-Q3", as_of="2026-11-23", units=["SNV"])
    assert preview_targets(at) == list(mine["code"])

    scope.set_value("province").run()
    everyone = status.gaps(demo_store, "2026-Q3", as_of="2026-11-23")
    assert preview_targets(at) == list(everyone["code"])


def test_without_filters_the_report_is_the_provinces(demo_store: Store,
                                                     open_page: Opener) -> None:
    at = open_report(open_page)
    assert not at.radio  # nothing to choose: the province
    assert len(preview_targets(at)) == 54


def test_a_period_without_data_says_what_to_do(store: Store, open_page: Opener) -> None:
    at = open_report(open_page)
    assert labels.EMPTY_STATES["no_data_period"] in texts(at)
    assert [e.label for e in at.expander][-len(PARTS):] == PARTS
