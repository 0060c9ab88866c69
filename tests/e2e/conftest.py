"""Playwright fixtures: the app started as the README does (`make run`) on a free port, and Debian's Chromium with
every request to a host other than the app's blocked (and recorded, so a test can prove nothing tried to leave)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from harness.server import log_path, running_app

# A first run of a page on a busy 2-core machine can take several seconds: wait for what a person would wait for.
expect.set_options(timeout=30_000)


SERVER_LOG = "e2e-server"


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    with running_app(SERVER_LOG) as (url, _pid):
        yield url


def server_log(app_url: str) -> Path:
    """The log of the server at `app_url` (what it writes to stdout and stderr)."""
    port = urlparse(app_url).port
    assert port is not None
    return log_path(SERVER_LOG, port)


@dataclass
class Offline:
    """The hosts the page tried to reach other than the app's (all were blocked)."""

    blocked: list[str] = field(default_factory=list)


@pytest.fixture
def offline() -> Offline:
    return Offline()


def offline_page(
    browser: Browser, app_url: str, offline: Offline, viewport: tuple[int, int] = (1400, 1000), locale: str = "vi-VN"
) -> Iterator[Page]:
    """A page in a fresh context where every request to a host other than the app's is blocked and recorded."""
    app_host = urlparse(app_url).netloc
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height}, locale=locale)

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


@pytest.fixture
def page(browser: Browser, app_url: str, offline: Offline) -> Iterator[Page]:
    yield from offline_page(browser, app_url, offline)


def wait_idle(page: Page) -> None:
    """Wait until Streamlit has finished the run (the same signal Streamlit's own end-to-end tests use)."""
    expect(page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]')).to_be_attached()
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0)


def chart_heading(scope: Page | Locator) -> Locator:
    """The title and subtitle the page draws above the first chart in `scope` that is as wide as its column (the
    canvas holds neither: ui/core/shell.chart)."""
    return scope.locator('[class*="st-key-framed_"] [data-testid="stHtml"]').first


def open_page(page: Page, url: str) -> None:
    """Open `url` and wait for the first run and for the app's script in the page (static/browser.js), which a
    person's first click never beats but a test's could. (Read from an attribute: the server's Content-Security-Policy
    forbids evaluating code, as Playwright's wait_for_function does.)"""
    page.goto(url)
    wait_idle(page)
    expect(page.locator("html")).to_have_attribute("data-papi-history", "1")


def history_length(page: Page) -> int:
    return int(page.evaluate("history.length"))


ABORTED = "net::ERR_ABORTED"  # a request the page itself gave up (a script still loading when the test moves on)


def watch(page: Page) -> list[str]:
    """What the page logs as a console error, and the requests that failed (other than those it gave up) or were
    answered with an error."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("requestfailed", lambda r: r.failure == ABORTED or problems.append(f"failed: {r.url} {r.failure}"))
    page.on("response", lambda r: problems.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    return problems
