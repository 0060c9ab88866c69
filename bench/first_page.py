"""The first page after a server start with a built store.  python -m bench.first_page

- server: in a fresh Python process (the app's modules imported, nothing cached yet), the first run of a page, next
  to the second run of the same page (the floor: what any visitor's run costs);
- browser: a freshly started server's first visitor, from the request to the page drawn (its title shown and its
  script idle) in Chromium whose cache already holds Streamlit's own scripts (the same address served them before),
  next to a second visitor of the same page (the floor), measured in the same run.

Target (issue 20): the first page after a start ≤ 1 s; the derived tables come built, so a start recomputes nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from playwright.sync_api import BrowserContext, expect, sync_playwright

from bench.common import report
from harness.server import CHROMIUM, CHROMIUM_FLAGS, ROOT, free_port, running_app

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
PAGES = {  # name: (AppTest page, its address, its query, a word of its title)
    "home (Tổng quan)": (None, "", {}, "tổng quan toàn quốc"),
    "map (Bản đồ)": ("pages/map.py", "/ban-do", {}, "Bản đồ"),
    "profile (Hồ sơ tỉnh)": ("pages/profile.py", "/ho-so-tinh", {"province": "01"}, "Hà Nội"),
}
FIRST_PAGE_MS = 1000
RUNS = 3  # server starts per page

# Runs in a new process: the page's first run after the imports, then its second run (milliseconds).
_SERVER_RUNS = """
import json, sys, time
from streamlit.testing.v1 import AppTest
from harness.apptest import APP
page, params = json.loads(sys.argv[1])
at = AppTest.from_file(APP, default_timeout=120)
runs = []
if page:  # AppTest opens the home page first: the link to another page is followed from there
    start = time.perf_counter(); at.run(); runs.append(time.perf_counter() - start)
    at.query_params.clear()
    for name, value in params.items():
        at.query_params[name] = value
    at.switch_page(page)
start = time.perf_counter(); at.run(); runs.append(time.perf_counter() - start)
assert not at.exception, at.exception
start = time.perf_counter(); at.run(); again = time.perf_counter() - start
print(json.dumps([sum(runs) * 1000, again * 1000]))
"""


def server_first_run(page: str | None, params: dict[str, str]) -> tuple[float, float]:
    """The first run of `page` in a fresh process (with home's first, for another page) and its second run, in ms."""
    out = subprocess.run(
        [sys.executable, "-c", _SERVER_RUNS, json.dumps([page, params])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    first, again = json.loads(out.strip().splitlines()[-1])
    return first, again


def drawn_ms(context: BrowserContext, url: str, title: str) -> float:
    """Milliseconds from the request to the page's title shown with its script idle."""
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    expect(page.locator("h1").first).to_contain_text(title, timeout=120_000)
    expect(page.locator(IDLE)).to_be_attached(timeout=120_000)
    elapsed = (time.perf_counter() - start) * 1000
    page.close()
    return elapsed


def main() -> None:
    for name, (page, _, params, _) in PAGES.items():
        runs = [server_first_run(page, params) for _ in range(RUNS)]
        report(f"server: first run after a start, {name}", [first for first, _ in runs], FIRST_PAGE_MS)
        report(f"server: a later run (floor), {name}", [again for _, again in runs])
    port = free_port()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        for name, (_, path, params, title) in PAGES.items():
            query = "?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else ""
            first, again = [], []
            for run in range(RUNS + 1):
                with running_app("bench-first-page", port=port) as (url, _):
                    drawn = drawn_ms(context, url + path + query, title)
                    if run:  # the first start only fills the browser's cache with Streamlit's scripts
                        first.append(drawn)
                        again.append(drawn_ms(context, url + path + query, title))
            report(f"browser: first page after a start, {name}", first, FIRST_PAGE_MS)
            report(f"browser: same page, next visitor (floor), {name}", again)
        browser.close()


if __name__ == "__main__":
    main()
