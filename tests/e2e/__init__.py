"""Browser journeys: a real `streamlit run` driven by Debian's Chromium.

Adding a journey takes a few lines:

    pytestmark = pytest.mark.e2e

    def test_something_a_person_does(page, app_server):
        visit(page, app_server.link("nhap-so-lieu", unit="SKHCN"))  # waits for the run
        upload(page, workbook)                                     # tests.e2e.browser
        page.get_by_role("button", name="Xác nhận").click()
        wait_idle(page)
        assert exceptions(page) == []
        assert status_cards(page)[...] == ...

`app_server` is shared by the session and must not be written to; a journey that
writes starts its own with `start_app(tmp_path)` (see `own_server` in
test_load.py). Pages declared in app.py are screenshotted by
test_overview_journeys.py::test_every_page_renders_in_the_browser without changes.
"""
