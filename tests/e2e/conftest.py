"""Playwright fixtures: the app started as the README does (`make run`) on a free port, and Debian's Chromium with
every request to a host other than the app's blocked (and recorded, so a test can prove nothing tried to leave)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Error, Locator, Page, expect

from harness.server import log_path, running_app

# A first run of a page on a busy 2-core machine can take several seconds: wait for what a person would wait for.
TIMEOUT_MS = 30_000
expect.set_options(timeout=TIMEOUT_MS)


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


# Resolves once every selector of `present` matches and none of `absent` does; false after `limit` ms. Polled in the
# page every 16 ms: Playwright's `expect` polls every 500 ms once its first 270 ms have passed, a quarter of a second
# lost on average at each page load (a minute of the suite). The server's CSP forbids wait_for_function's code; a
# function Playwright evaluates is allowed.
UNTIL = """async ([present, absent, limit]) => {
  const start = performance.now();
  const ready = () => present.every(s => document.querySelector(s)) && !absent.some(s => document.querySelector(s));
  while (!ready()) {
    if (performance.now() - start > limit) return false;
    await new Promise(resolve => setTimeout(resolve, 16));
  }
  return true;
}"""
NAVIGATED = "Execution context was destroyed"  # the page went to another address while the function ran


def _until(page: Page, present: list[str], absent: list[str]) -> None:
    for _document in range(3):  # a navigation starts the wait again in the new document
        try:
            ready = page.evaluate(UNTIL, [present, absent, TIMEOUT_MS])
        except Error as error:
            if NAVIGATED not in error.message:
                raise
            continue
        assert ready, f"after {TIMEOUT_MS // 1000} s, {present} are not all on the page or one of {absent} is"
        return
    raise AssertionError(f"the page kept navigating while waiting for {present}")


def wait_idle(page: Page) -> None:
    """Wait until Streamlit has finished the run (the same signal Streamlit's own end-to-end tests use)."""
    _until(page, ['[data-testid="stApp"][data-test-script-state="notRunning"]'], ['[data-testid="stStatusWidget"]'])


def chart_heading(scope: Page | Locator) -> Locator:
    """The title and subtitle the page draws above the first chart in `scope` that is as wide as its column (the
    canvas holds neither: ui/core/shell.chart)."""
    return scope.locator('[class*="st-key-framed_"] [data-testid="stHtml"]').first


def open_page(page: Page, url: str) -> None:
    """Open `url` and wait for the first run and for the app's script in the page (static/browser.js, which marks the
    page when it is ready), which a person's first click never beats but a test's could."""
    page.goto(url)
    _until(
        page,
        ['[data-testid="stApp"][data-test-script-state="notRunning"]', 'html[data-papi-history="1"]'],
        ['[data-testid="stStatusWidget"]'],
    )


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
