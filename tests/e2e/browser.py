"""Reading and driving a Streamlit page the way a person does, without guessing
at timing: wait for the app to finish its run, never for "networkidle" (the
websocket keeps the network busy for as long as the page is open)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.e2e.server import ROOT

ARTIFACTS = ROOT / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"

# The app root says whether a script run is under way and whether it is connected.
IDLE = ('[data-testid="stApp"][data-test-script-state="notRunning"]'
        '[data-test-connection-state="CONNECTED"]')
WAIT_MS = 90_000


def wait_idle(page: Any, timeout: float = WAIT_MS) -> None:
    """Until the current script run has finished and its output is on the page."""
    page.wait_for_selector(IDLE, timeout=timeout)
    page.wait_for_selector('[data-testid="stSkeleton"]', state="detached", timeout=timeout)


def visit(page: Any, url: str, timeout: float = WAIT_MS) -> None:
    page.goto(url, wait_until="commit", timeout=timeout)
    wait_idle(page, timeout)


def status_cards(page: Any) -> dict[str, int]:
    """The status cards at the top of a page: label -> count."""
    cards = {}
    for card in page.get_by_test_id("stMetric").all():
        label = card.get_by_test_id("stMetricLabel").inner_text().strip()
        value = card.get_by_test_id("stMetricValue").inner_text().strip()
        cards[label] = int(re.sub(r"\D", "", value))
    return cards


def title(page: Any) -> str:
    """The page's own title (the sidebar has a heading of its own)."""
    return page.get_by_test_id("stMain").get_by_role("heading", level=1).first.inner_text()


def alerts(page: Any) -> list[str]:
    """Texts of the notices on the page (warnings, errors, infos)."""
    return [alert.get_by_test_id("stMarkdownContainer").inner_text().strip()
            for alert in page.get_by_test_id("stAlert").all()]


def exceptions(page: Any) -> list[str]:
    """Python exceptions Streamlit shows in place of a page's content, and its own
    error dialogs (e.g. "Page not found")."""
    return (page.get_by_test_id("stException").all_inner_texts()
            + page.get_by_role("dialog").all_inner_texts())


def words_seen(element: Any) -> str:
    """What a person reads in an element: its text or, where the dashboard's style sheet
    hid that text, the words it draws in its place."""
    return element.evaluate("""e => {
        const after = getComputedStyle(e, '::after').content;
        return getComputedStyle(e).fontSize === '0px' && after !== 'none'
            ? JSON.parse(after) : e.innerText.trim();
    }""")


def pick_in_sidebar(page: Any, label: str, option: str) -> None:
    """Choose `option` in the sidebar multiselect or selectbox labelled `label`."""
    box = page.get_by_test_id("stSidebar").get_by_role("combobox", name=label)
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def query_values(url: str, key: str) -> list[str]:
    from urllib.parse import parse_qs, urlparse

    return parse_qs(urlparse(url).query).get(key, [])


def screenshot(page: Any, name: str, folder: Path = SCREENSHOTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def upload(page: Any, path: Path, label: str | None = None) -> None:
    """Put a file into a file uploader (the one labelled `label`, or the first)."""
    uploader = page.get_by_test_id("stFileUploader")
    uploader = uploader.filter(has_text=label) if label is not None else uploader.first
    uploader.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))


def download(page: Any, button: str, folder: Path) -> Path:
    """Click the download button whose text is `button`; the file it gave."""
    with page.expect_download() as started:
        page.get_by_test_id("stDownloadButton").filter(has_text=button).click()
    target = folder / started.value.suggested_filename
    started.value.save_as(str(target))
    return target


def sign_in(page: Any, name: str, password: str) -> None:
    """Fill the sign-in form the page shows (the sign-in page, or a page asking for it)
    and wait for the signed-in run. The session lives in this tab: a reload or a new
    address (page.goto) asks again; move with in-app links instead."""
    main = page.get_by_test_id("stMain")
    main.get_by_role("textbox", name="Tên tài khoản").fill(name)
    main.get_by_role("textbox", name="Mật khẩu").fill(password)
    main.get_by_role("button", name="Đăng nhập").click()
    page.get_by_test_id("stSidebar").get_by_role("button", name="Đăng xuất").wait_for()
    wait_idle(page)


def go_to(page: Any, title: str) -> None:
    """Open a page from the sidebar menu (keeps the signed-in session)."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    wait_idle(page)
    page.get_by_test_id("stMain").get_by_role("heading", level=1).first.wait_for()


def menu(page: Any) -> list[str]:
    """The page titles the sidebar menu offers."""
    return [link.inner_text().strip().splitlines()[-1] for link in  # past the icon's name
            page.get_by_test_id("stSidebarNav").get_by_role("link").all()]
