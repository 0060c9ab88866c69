"""Resident memory of the app server with one browser session and with ten.  python -m bench.memory"""

from __future__ import annotations

from playwright.sync_api import expect, sync_playwright

from bench.common import rss_mib
from harness.server import CHROMIUM, CHROMIUM_FLAGS, running_app

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def main() -> None:
    with running_app("bench-memory") as (url, group), sync_playwright() as playwright:
        print(f"{'server RSS, started, no session':<52} {rss_mib(group):8.1f} MiB", flush=True)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        pages = []
        for count in range(1, 11):
            page = browser.new_context().new_page()
            page.goto(url)
            expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
            expect(page.get_by_test_id("stMetricValue").first).to_be_visible(timeout=60_000)
            pages.append(page)
            if count in (1, 10):
                print(f"{f'server RSS, {count} session(s) on the home page':<52} {rss_mib(group):8.1f} MiB", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
