"""Real-browser testing: the built site served on 127.0.0.1, driven by Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request

from generator.commands.serve import make_server

CHROMIUM = os.environ.get("WARTA_CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium tries to reach Google's services at start-up; the test machines
# have no network, and a test must never reach it anyway.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str:
    """Debian's Chromium, or skip outside CI (in CI a missing browser is a failure)."""
    path = shutil.which(CHROMIUM) or (CHROMIUM if Path(CHROMIUM).is_file() else None)
    if path:
        return path
    message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def serve_site(site_dir: Path, base_path: str) -> Iterator[str]:
    """Serve a built site on a free port of 127.0.0.1; yields the base URL."""
    server = make_server(site_dir, base_path, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()
        server.server_close()


def launch_chromium(playwright: Playwright) -> Browser:
    """Launch Debian's Chromium through Playwright (no browser download)."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)


@dataclass
class Console:
    """Console errors and failed requests a page produced."""

    errors: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> Page:
        """Record errors and uncaught exceptions of a page."""
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        page.on("requestfailed", self._on_failed)
        page.on("request", self._on_request)
        return page

    def _on_request(self, request: Request) -> None:
        # Every request stays on the site: no fonts, scripts or probes from elsewhere.
        if not request.url.startswith(("http://127.0.0.1:", "data:", "blob:")):
            self.errors.append(f"left the site: {request.url}")

    def _on_failed(self, request: Request) -> None:
        # A request the page cancels itself (it navigated, or closed while the favicon was
        # still loading) is not a failure of the site; a 404 shows as a console error.
        if request.failure != "net::ERR_ABORTED":
            self.errors.append(f"failed: {request.url} ({request.failure})")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text} at {message.location}")
