"""The first page after a server start with a built store: from the request to the page drawn (the script idle and
the page's title shown) in Chromium, for the first visitor of a freshly started server, next to the same page opened
again by a second visitor (the floor: the same browser work, the server warm), measured in the same run.
python -m bench.first_page

Target (issue 20): the first page after a start ≤ 1 s; the derived tables come built, so a start recomputes nothing."""

from __future__ import annotations

import time

from playwright.sync_api import Browser, expect, sync_playwright

from bench.common import report
from tests.e2e.server import CHROMIUM, CHROMIUM_FLAGS, running_app

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
PAGES = {
    "home (Tổng quan)": ("", "tổng quan toàn quốc"),
    "map (Bản đồ)": ("/ban-do", "Bản đồ"),
    "profile (Hồ sơ tỉnh)": ("/ho-so-tinh?province=01", "Hà Nội"),
}
FIRST_PAGE_MS = 1000
RUNS = 3  # server starts per page


def drawn_ms(browser: Browser, url: str, title: str) -> float:
    """Milliseconds from the request to the page's title shown with its script idle, in a new browser context."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    expect(page.locator("h1").first).to_contain_text(title, timeout=60_000)
    expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
    elapsed = (time.perf_counter() - start) * 1000
    context.close()
    return elapsed


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for name, (path, title) in PAGES.items():
            first, again = [], []
            for _ in range(RUNS):
                with running_app("bench-first-page") as (url, _):
                    first.append(drawn_ms(browser, url + path, title))
                    again.append(drawn_ms(browser, url + path, title))
            report(f"first page after a start: {name}", first, FIRST_PAGE_MS)
            report(f"same page, second visitor (floor): {name}", again)
        browser.close()


if __name__ == "__main__":
    main()
