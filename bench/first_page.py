"""The first page after a server start with a built store.  python -m bench.first_page [--browser]

- server: in a fresh Python process, the imports and the store's load timed apart, then the first run of a page, next
  to the second run of the same page (the floor: what any visitor's run costs);
- browser (with --browser): the server's start until it answers, and its first visitor, from the request to the
  page drawn (its title shown, its script idle) in Chromium whose cache already holds Streamlit's own scripts (the
  same address served them before), next to a second visitor of the same page (the floor), measured in the same run.

Target (issue 20): the first page after a start ≤ 1 s; the derived tables come built, so a start recomputes nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
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

# Runs in a new process: what a server does before it answers (server/warm.py: the app's modules imported, then the
# store loaded and the caches filled, timed apart), then the page's first run
# and its second run (milliseconds). What the first run costs beyond the second is what a start still computes.
_SERVER_RUNS = """
import json, sys, time
start = time.perf_counter()
from server import warm
warm.import_pages()
from streamlit.testing.v1 import AppTest
from harness.apptest import APP
imported = time.perf_counter()
warm.fill_caches()  # as the server's start does: the store loaded, the per-build values of its first views
loaded = time.perf_counter()
page, params = json.loads(sys.argv[1])
at = AppTest.from_file(APP, default_timeout=120)
runs = []
if page:  # AppTest opens the home page first: the link to another page is followed from there
    start_run = time.perf_counter(); at.run(); runs.append(time.perf_counter() - start_run)
    at.query_params.clear()
    for name, value in params.items():
        at.query_params[name] = value
    at.switch_page(page)
start_run = time.perf_counter(); at.run(); runs.append(time.perf_counter() - start_run)
assert not at.exception, at.exception
start_run = time.perf_counter(); at.run(); again = time.perf_counter() - start_run
print(json.dumps([(imported - start) * 1000, (loaded - imported) * 1000, sum(runs) * 1000, again * 1000]))
"""


def server_first_run(page: str | None, params: dict[str, str]) -> tuple[float, float, float, float]:
    """In a fresh process: the imports, the store's load, the first run of `page` (after home's, for another page)
    and its second run, in ms."""
    out = subprocess.run(
        [sys.executable, "-c", _SERVER_RUNS, json.dumps([page, params])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    imports, load, first, again = json.loads(out.strip().splitlines()[-1])
    return imports, load, first, again


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


def main(argv: list[str] | None = None) -> None:
    for name, (page, _, params, _) in PAGES.items():
        runs = [server_first_run(page, params) for _ in range(RUNS)]
        report(f"server: imports, {name}", [r[0] for r in runs])
        report(f"server: the store's load and the caches' fill, {name}", [r[1] for r in runs])
        report(f"server: first run after the load, {name}", [r[2] for r in runs])
        report(f"server: load and fill + first run, {name}", [r[1] + r[2] for r in runs], FIRST_PAGE_MS)
        report(f"server: a later run (floor), {name}", [r[3] for r in runs])
    if "--browser" not in (sys.argv[1:] if argv is None else argv):
        return
    port = free_port()
    with tempfile.TemporaryDirectory() as profile:  # the browser's cache, kept on disk from one start to the next
        for name, (_, path, params, title) in PAGES.items():
            query = "?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else ""
            first, again, starts = [], [], []
            for run in range(RUNS + 1):
                # the server first, then the browser (as bench.map and bench.profile do)
                started = time.perf_counter()
                with running_app("bench-first-page", port=port) as (url, _), sync_playwright() as playwright:
                    starts.append((time.perf_counter() - started) * 1000)
                    context = playwright.chromium.launch_persistent_context(
                        profile, executable_path=CHROMIUM, args=CHROMIUM_FLAGS, viewport={"width": 1400, "height": 1000}
                    )
                    address = url.replace("localhost", "127.0.0.1") + path + query  # the server listens on IPv4
                    drawn = drawn_ms(context, address, title)
                    if run:  # the first start only fills the browser's cache with Streamlit's scripts
                        first.append(drawn)
                        again.append(drawn_ms(context, address, title))
                    context.close()
            report(f"server: start until ready (it answers), {name}", starts)
            report(f"browser: first page after a start, {name}", first, FIRST_PAGE_MS)
            report(f"browser: same page, next visitor (floor), {name}", again)


if __name__ == "__main__":
    main()
