"""Playwright fixtures: the app started as the README does (`make run`) on a free port, and Debian's Chromium with
every request to a host other than the app's blocked (and recorded, so a test can prove nothing tried to leave)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
STARTUP_LIMIT_S = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_LIMIT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"`make run` exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)  # polling for start-up; no assertion depends on this timing
    raise RuntimeError(f"the app did not answer at {url} within {STARTUP_LIMIT_S} s")


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    port = free_port()
    log = (ROOT / ".venv" / f"e2e-server-{port}.log").open("w")
    process = subprocess.Popen(
        ["make", "run", f"PORT={port}"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    url = f"http://localhost:{port}"
    try:
        _wait_healthy(url, process)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@dataclass
class Offline:
    """The hosts the page tried to reach other than the app's (all were blocked)."""

    blocked: list[str] = field(default_factory=list)


@pytest.fixture
def offline() -> Offline:
    return Offline()


@pytest.fixture
def page(browser: Browser, app_url: str, offline: Offline) -> Iterator[Page]:
    app_host = urlparse(app_url).netloc
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")

    def guard(route) -> None:
        if urlparse(route.request.url).netloc == app_host or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            offline.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def wait_idle(page: Page) -> None:
    """Wait until Streamlit has finished the run (the same signal Streamlit's own end-to-end tests use)."""
    expect(page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]')).to_be_attached()
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0)


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    wait_idle(page)
