"""The profile page: time until the radar is drawn in Chromium after a change of province.  python -m bench.profile

(The server time per profile run is in bench.page_runs.)"""

from __future__ import annotations

from playwright.sync_api import expect, sync_playwright

from bench.common import BYPASS_CSP, WATCH_TITLE, report
from harness.server import CHROMIUM, CHROMIUM_FLAGS, running_app

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
PROVINCES = ["Hà Nội", "Bắc Ninh", "TP. Hồ Chí Minh", "Đà Nẵng", "Cần Thơ"]
RUNS = 10


def main() -> None:
    with running_app("bench-profile") as (url, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, bypass_csp=BYPASS_CSP)
        page.goto(f"{url}/ho-so-tinh?province=01&year=2024")
        expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
        expect(page.locator(".js-plotly-plot .gtitle").first).to_contain_text("Hà Nội", timeout=60_000)
        box = page.get_by_role("combobox", name="Tỉnh/thành phố")
        times = []
        for i in range(RUNS):
            name = PROVINCES[(i + 1) % len(PROVINCES)]
            box.fill(name)
            option = page.get_by_role("option", name=name, exact=True)
            page.evaluate(WATCH_TITLE, [0, f"{name}: các lĩnh vực"])
            start = page.evaluate("performance.now()")
            option.click()
            page.wait_for_function("window.__drawn !== null", timeout=30_000)
            times.append(page.evaluate("window.__drawn") - start)
            expect(page.locator(IDLE)).to_be_attached()
        browser.close()
    report("browser: province change → radar drawn (profile)", times, 500)


if __name__ == "__main__":
    main()
