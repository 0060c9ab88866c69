"""The profile page: time until the radar is drawn in Chromium after a change of province, next to the same radars
redrawn with Plotly.react in a static HTML page (the floor, measured in the same run).  python -m bench.profile

Target (issue 20): the redraw at most 2× the floor. (The server time per profile run is in bench.page_runs.)"""

from __future__ import annotations

import json
import statistics

from playwright.sync_api import Browser, expect, sync_playwright

from bench.common import ARRIVALS, BYPASS_CSP, WATCH_TEXT, report
from bench.page_runs import page_app
from harness.plotly_floor import react_floor
from harness.server import CHROMIUM, CHROMIUM_FLAGS, running_app

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
PROVINCES = ["Hà Nội", "Bắc Ninh", "TP. Hồ Chí Minh", "Đà Nẵng", "Cần Thơ"]
RUNS = 10
CODES = {"Hà Nội": "01", "Bắc Ninh": "27", "TP. Hồ Chí Minh": "79", "Đà Nẵng": "48", "Cần Thơ": "92"}
FLOOR_RATIO = 2.0


def radar_specs() -> dict[str, dict]:
    """The radar figure of each province, 2024, as the server sends it."""
    specs = {}
    for name, code in CODES.items():
        at = page_app("pages/profile.py", {"province": code, "year": "2024"})
        specs[name] = json.loads(at.get("plotly_chart")[0].proto.spec)
    return specs


def static_floor(specs: dict[str, dict], browser: Browser) -> list[float]:
    """The same radars in a bare HTML page: Plotly.react from one province's to the next until it has drawn."""
    then = [PROVINCES[(i + 1) % len(PROVINCES)] for i in range(RUNS)]
    return react_floor(browser, specs, PROVINCES[0], then)


def main() -> None:
    with running_app("bench-profile") as (url, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, bypass_csp=BYPASS_CSP)
        page.add_init_script(ARRIVALS)
        page.goto(f"{url}/ho-so-tinh?province=01&year=2024")
        expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
        # the radar's legend names the province (its title is the page's, above the canvas)
        expect(page.locator(".js-plotly-plot .legendtext").first).to_contain_text("Hà Nội", timeout=60_000)
        box = page.get_by_role("combobox", name="Tỉnh/thành phố")
        times, answered, drawing = [], [], []
        for i in range(RUNS):
            name = PROVINCES[(i + 1) % len(PROVINCES)]
            box.fill(name)
            option = page.get_by_role("option", name=name, exact=True)
            page.evaluate(WATCH_TEXT, [0, f"{name} 2024", ".legendtext"])
            start = page.evaluate("performance.now()")
            option.click()
            page.wait_for_function("window.__drawn !== null", timeout=30_000)
            drawn = page.evaluate("window.__drawn")
            times.append(drawn - start)
            arrived = page.evaluate("([a, b]) => window.__arrivals.filter(t => t >= a && t <= b)", [start, drawn])
            if arrived:  # where the time goes: the server's answer, then the frontend
                answered.append(arrived[0] - start)
                drawing.append(drawn - arrived[-1])
            expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
        floor = static_floor(radar_specs(), browser)
        browser.close()
    report("browser: province change → radar drawn (profile)", times, 500)
    report("browser: province change → the server's first message", answered)
    report("browser: last message before the radar → radar drawn (frontend)", drawing)
    report("browser: Plotly.react of the same radars (static HTML floor)", floor)
    ratio = statistics.median(times) / statistics.median(floor)
    print(f"{'':<52} app / floor = {ratio:.1f}×  target ≤ {FLOOR_RATIO:g}× {'OK' if ratio <= FLOOR_RATIO else 'OVER'}")


if __name__ == "__main__":
    main()
