"""A real `streamlit run app.py` on a free loopback port, and Debian's Chromium.

Used by the browser journeys (tests/e2e) and by bench/run.py. The server gets its
own database, a pinned date and its own log file; it is healthy once
/_stcore/health answers "ok".
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
TODAY = "2026-11-23"


class ServerFailed(RuntimeError):
    """The dashboard did not come up; the message carries its log."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class AppServer:
    db: Path
    log_path: Path
    port: int
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def link(self, path: str = "", **params: str | list[str]) -> str:
        """An address on this server, e.g. link("tong-quan", unit=["SKHCN"])."""
        query = urllib.parse.urlencode(params, doseq=True)
        return f"{self.url}/{path.lstrip('/')}" + (f"?{query}" if query else "")

    def cli(self, *args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
        """python -m nq57 on the same database, as an administrator would run it."""
        return subprocess.run([sys.executable, "-m", "nq57", *args], cwd=ROOT, env=self.env,
                              capture_output=True, text=True, timeout=120, input=input)

    def add_account(self, name: str, role: str, password: str, *units: str,
                    by: str | None = None) -> None:
        """`python -m nq57 user add` (the first administrator needs no `by`)."""
        args = ["user", "add", name, "--role", role, "--password-stdin"]
        args += [part for unit in units for part in ("--unit", unit)]
        args += ["--user", by] if by else []
        made = self.cli(*args, input=password + "\n")
        if made.returncode != 0:
            raise ServerFailed(f"user add {name} failed:\n{made.stderr}")

    def log(self, limit: int = 20_000) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return "(no log)"
        return text[-limit:]

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer:
                return answer.read().decode().strip() == "ok"
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def stop(self) -> None:
        """SIGTERM (Streamlit shuts down cleanly), then SIGKILL if it lingers."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)


def server_env(db: Path, *, today: str = TODAY, demo: bool = True) -> dict[str, str]:
    return {**os.environ, "NQ57_DB": str(db), "NQ57_TODAY": today,
            "NQ57_DEMO": "1" if demo else "0", "PYTHONUNBUFFERED": "1"}


def start_app(workdir: Path, *, db: Path | None = None, today: str = TODAY, demo: bool = True,
              timeout: float = 90, extra_args: tuple[str, ...] = (),
              env: dict[str, str] | None = None) -> AppServer:
    """Start the dashboard on `db` (created by `python -m nq57 init [--demo]` if it does
    not exist) and wait until it is healthy."""
    workdir.mkdir(parents=True, exist_ok=True)
    db = db or workdir / "nq57.duckdb"
    server = AppServer(db=db, log_path=workdir / "streamlit.log", port=free_port(),
                       env={**server_env(db, today=today, demo=demo), **(env or {})})
    if not db.exists():
        created = server.cli("init", *(["--demo"] if demo else []))
        if created.returncode != 0:
            raise ServerFailed(f"python -m nq57 init failed:\n{created.stderr}")
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.address", "127.0.0.1", "--server.port", str(server.port),
        "--server.headless", "true", "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false", *extra_args,
    ]
    with server.log_path.open("wb") as log:
        server.process = subprocess.Popen(command, cwd=ROOT, env=server.env, stdout=log,
                                          stderr=subprocess.STDOUT)
    deadline = time.monotonic() + timeout
    while not server.healthy():
        if server.process.poll() is not None:
            raise ServerFailed(f"streamlit exited with code {server.process.returncode}:\n"
                               f"{server.log()}")
        if time.monotonic() > deadline:
            server.stop()
            raise ServerFailed(f"streamlit not healthy after {timeout:.0f} s:\n{server.log()}")
        time.sleep(0.2)
    return server


def launch_chromium(playwright: Any) -> Any:
    """Debian's Chromium through Playwright; a clear error if it is not installed."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(
            f"Chromium not found at {CHROMIUM}. The browser tests drive Debian's Chromium: "
            "install it with `apt-get install chromium` (./scripts/check does this).")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                      headless=True, timeout=60_000)
