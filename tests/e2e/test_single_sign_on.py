"""Single sign-on in a real browser, offline: a local OpenID Connect provider
(oidc-provider-mock, started here), the dashboard configured for it through an
[auth] section in its secrets file, and Streamlit's own st.login / st.logout. The
e-mail the provider vouches for is mapped to an account's role and units; an e-mail
with no account sees "no access" and nothing else."""

from __future__ import annotations

import json
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nq57 import labels
from tests.e2e.browser import title, visit, wait_idle
from tests.e2e.server import ROOT, AppServer, ServerFailed, free_port, start_app

pytestmark = pytest.mark.e2e

STAFF_EMAIL = "nguyen.a@snv.dongnai.gov.vn"
STRANGER_EMAIL = "nguoi.la@example.com"


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """oidc-provider-mock on a free loopback port, with two known people."""
    port = free_port()
    log = tmp_path_factory.mktemp("oidc") / "oidc.log"
    users = [json.dumps({"sub": email, "email": email, "name": email})
             for email in (STAFF_EMAIL, STRANGER_EMAIL)]
    command = [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port",
               str(port)] + [part for user in users for part in ("--user-claims", user)]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/.well-known/openid-configuration",
                                        timeout=2) as answer:
                if answer.status == 200:
                    break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"OIDC provider did not start:\n{log.read_text()}", pytrace=False)
        time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=15)


@pytest.fixture(scope="module")
def sso_server(provider: str, tmp_path_factory: pytest.TempPathFactory
               ) -> Iterator[AppServer]:
    """The dashboard on demo data, with [auth] pointing at the local provider and a
    staff account holding STAFF_EMAIL."""
    workdir = tmp_path_factory.mktemp("sso")
    secrets_file = workdir / "secrets.toml"
    secrets_file.write_text(
        "[auth]\n"
        'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        'client_id = "nq57-dong-nai"\n'
        'client_secret = "bi-mat-cua-ung-dung"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8")
    try:
        server = start_app(workdir, extra_args=("--secrets.files", str(secrets_file)),
                           env={"AUTHLIB_INSECURE_TRANSPORT": "1"})
    except ServerFailed as failed:
        pytest.fail(str(failed), pytrace=False)
    made = server.cli("user", "add", "canbo.snv.sso", "--role", "staff", "--unit", "SNV",
                      "--email", STAFF_EMAIL, "--sso-only", "--user", "quantri")
    assert made.returncode == 0, made.stderr
    yield server
    server.stop()


SLOW_MS = 180_000  # a round trip through the provider on a loaded machine


def _sign_in_with_provider(page: Any, email: str) -> None:
    page.get_by_role("button", name=labels.AUTH_PAGE["sso_button"]).click()
    # The provider's own page: choose the person (a predefined user).
    page.get_by_role("button", name=email).click()
    page.wait_for_url("http://127.0.0.1:*/**", timeout=SLOW_MS)
    wait_idle(page)


def _end_session_at_provider(page: Any) -> None:
    """st.logout() asks the provider to end its session too; confirm on its page."""
    page.wait_for_url("**/oauth2/end_session**", timeout=SLOW_MS)
    page.get_by_role("button", name="End session").click()
    page.wait_for_url("http://127.0.0.1:*/**", timeout=SLOW_MS)


def test_an_e_mail_with_an_account_signs_in_with_its_role_and_units(page: Any,
                                                                    sso_server: AppServer):
    visit(page, sso_server.link("dang-nhap"))
    _sign_in_with_provider(page, STAFF_EMAIL)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("button", name="Đăng xuất").wait_for()
    assert "canbo.snv.sso" in sidebar.inner_text()
    assert "Đơn vị: SNV" in sidebar.inner_text()
    assert title(page).startswith(labels.PAGE_TITLES["overview"])
    log = sso_server.cli("audit", "--user", "canbo.snv.sso", "--format", "json")
    entry = json.loads(log.stdout)[0]
    assert (entry["action"], json.loads(entry["after"])["method"]) == ("sign_in", "sso")

    # Signing out ends the session here and Streamlit's login cookie.
    sidebar.get_by_role("button", name="Đăng xuất").click()
    _end_session_at_provider(page)
    visit(page, sso_server.link("dang-nhap"))
    assert page.get_by_role("button", name=labels.AUTH_PAGE["sso_button"]).is_visible()
    assert "canbo.snv.sso" not in page.get_by_test_id("stSidebar").inner_text()


def test_an_e_mail_without_an_account_sees_no_access_and_nothing_else(
        page: Any, sso_server: AppServer):
    visit(page, sso_server.link("dang-nhap"))
    _sign_in_with_provider(page, STRANGER_EMAIL)
    page.get_by_text(labels.AUTH_PAGE["no_access_title"]).first.wait_for()
    assert page.get_by_text(STRANGER_EMAIL).count() >= 1
    assert page.get_by_test_id("stMetric").count() == 0       # no dashboard behind it
    assert page.get_by_test_id("stSidebarNav").count() == 0   # and no menu
    log = sso_server.cli("audit", "--action", "sign_in_refused", "--format", "json")
    assert STRANGER_EMAIL in log.stdout
    page.get_by_role("button", name=labels.AUTH_PAGE["no_access_sign_out"]).click()
    _end_session_at_provider(page)
    visit(page, sso_server.link("dang-nhap"))
    assert page.get_by_role("button", name=labels.AUTH_PAGE["sso_button"]).is_visible()


def test_the_secrets_file_is_never_in_the_repository():
    ignored = subprocess.run(["git", "check-ignore", "-q", ".streamlit/secrets.toml"],
                             cwd=ROOT)
    assert ignored.returncode == 0
    assert not (Path(ROOT) / ".streamlit" / "secrets.toml").exists()
