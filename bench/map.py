"""The map page: bytes per map view and per year change, server time for a year change, time until the new map is
drawn in Chromium next to the same figures redrawn with Plotly.react in a static HTML page (the floor, measured in the
same run), and the history entries a year change, a page change and a play-through make.  python -m bench.map

Targets (issue 12): at most 30 KB received per year change; a redraw at most 2× the floor; one history entry per
user action (a play-through included)."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

from playwright.sync_api import Route, expect, sync_playwright

from bench.common import ARRIVALS, BYPASS_CSP, WATCH_TEXT, report, report_size, timed
from bench.page_runs import page_app
from geo import static_files
from harness.plotly_floor import react_floor
from harness.server import CHROMIUM, CHROMIUM_FLAGS, running_app

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
STATIC_TOPOJSON = Path(__file__).resolve().parents[1] / "static" / "topojson"
RUNS = 10
KB_PER_YEAR_CHANGE = 30
FLOOR_RATIO = 2.0


def server_year_change() -> None:
    at = page_app("pages/map.py", {})
    years = [2024, 2023] * 10

    def change() -> None:
        at.select_slider(key="w_year").set_value(years.pop()).run()

    report("server: year change on the map (whole page rerun, AppTest)", timed(change, 20), 150)


def figure_bytes() -> dict[int, dict]:
    """The map figure message for 2024 and 2023, as the server sends it."""
    specs = {}
    for year in (2024, 2023):
        at = page_app("pages/map.py", {"year": str(year)})
        spec = at.get("plotly_chart")[0].proto.spec
        specs[year] = json.loads(spec)
        report_size(f"map figure message, {year} (total score, scale)", len(spec.encode()), KB_PER_YEAR_CHANGE)
    at = page_app("pages/map.py", {"colour": "groups", "show2025": "1", "province": "01"})
    spec = at.get("plotly_chart")[0].proto.spec
    report_size("map figure message, groups + 2025 borders + selection", len(spec.encode()))
    sizes = {}
    for metric in ("d7_environmental_governance", "d7.water_quality"):  # a dimension, then one of its sub-dimensions
        at = page_app("pages/map.py", {"year": "2024", "metric": metric})
        sizes[metric] = len(at.get("plotly_chart")[0].proto.spec.encode())
        report_size(f"map figure message, 2024, {metric}", sizes[metric], KB_PER_YEAR_CHANGE)
    extra = sizes["d7.water_quality"] - sizes["d7_environmental_governance"]
    print(f"{'sub-dimension map − dimension map':<52} {extra:+8d} B  (same geometry and hover; names and scale differ)")
    return specs


def browser_redraw(url: str, browser) -> list[float]:
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, bypass_csp=BYPASS_CSP)
    # Streamlit sends a large message once over the websocket as a reference, and the browser fetches its body
    # from /_stcore/message: both count.
    received: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: received.append(len(f))))
    page.on(
        "response",
        lambda r: received.append(len(r.body())) if "/_stcore/message" in r.url and r.ok else None,
    )
    page.add_init_script(ARRIVALS)
    page.goto(f"{url}/ban-do?year=2024")
    expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
    expect(page.locator(".js-plotly-plot .gtitle").first).to_contain_text("2024", timeout=60_000)
    slider = page.get_by_role("slider")
    times: list[float] = []
    sizes: list[int] = []
    answered: list[float] = []  # the key press → the server's first message (the run started, its first delta)
    delivered: list[float] = []  # the key press → the last message before the map was drawn (the map's delta)
    drawing: list[float] = []  # that last message → the map drawn (the frontend)
    for i in range(RUNS):
        key, year = ("ArrowLeft", 2023) if i % 2 == 0 else ("ArrowRight", 2024)
        page.evaluate(WATCH_TEXT, [0, str(year), ".gtitle"])
        received.clear()
        slider.focus()
        start = page.evaluate("performance.now()")
        page.keyboard.press(key)
        page.wait_for_function("window.__drawn !== null", timeout=30_000)
        drawn = page.evaluate("window.__drawn")
        times.append(drawn - start)
        arrived = page.evaluate("([a, b]) => window.__arrivals.filter(t => t >= a && t <= b)", [start, drawn])
        if arrived:
            answered.append(arrived[0] - start)
            delivered.append(arrived[-1] - start)
            drawing.append(drawn - arrived[-1])
        expect(page.locator(IDLE)).to_be_attached()
        sizes.append(sum(received))
    # Streamlit keeps messages the browser has seen by hash: going back to a year sends only a reference.
    report_size("browser: bytes received, first change to a year", sizes[0], KB_PER_YEAR_CHANGE)
    report_size(
        "browser: bytes received, back to a year already seen", int(statistics.median(sizes[2:])), KB_PER_YEAR_CHANGE
    )
    page.close()
    # Where the time goes: the server's answer (its run up to the map's delta, and the websocket), then the frontend.
    report("browser: year change → the server's first message", answered)
    report("browser: year change → last message before the map drawn", delivered)
    report("browser: that message → map drawn (frontend)", drawing)
    return times


def history_entries(url: str, browser) -> None:
    """New history entries per action: a year change, a page change, a play-through (to its end)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, bypass_csp=BYPASS_CSP)
    page.goto(f"{url}/ban-do?year=2024")
    expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
    expect(page.locator("html")).to_have_attribute("data-papi-history", "1", timeout=60_000)

    def entries(action) -> int:
        before = page.evaluate("history.length")
        action()
        expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
        page.wait_for_timeout(500)  # let a last write reach the address bar; counting, not timing
        return int(page.evaluate("history.length")) - before

    def year_change() -> None:
        page.get_by_role("slider").focus()
        page.keyboard.press("ArrowLeft")
        page.wait_for_url("**year=2023**")

    def page_change() -> None:
        page.get_by_test_id("stSidebarNav").get_by_role("link", name="Hồ sơ tỉnh").click()
        page.wait_for_url("**/ho-so-tinh?**")

    def play() -> None:
        page.get_by_test_id("stSidebarNav").get_by_role("link", name="Bản đồ").click()
        page.wait_for_url("**/ban-do?**")
        expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
        page.get_by_role("button", name="Chạy").click()  # from 2023 (the year chosen before), to the end
        expect(page.get_by_role("button", name="Dừng")).to_be_visible(timeout=60_000)
        expect(page.get_by_role("button", name="Chạy")).to_be_visible(timeout=60_000)
        expect(page.locator(".js-plotly-plot .gtitle").first).to_contain_text("2024", timeout=60_000)

    print(f"{'history entries: year change':<52} {entries(year_change):8d}  target 1")
    print(f"{'history entries: page change':<52} {entries(page_change):8d}  target 1")
    print(f"{'history entries: page change, then a play-through':<52} {entries(play):8d}  target 2 (1 each)")
    page.close()


def static_floor(specs: dict[int, dict], browser) -> list[float]:
    """The same two figures in a bare HTML page: Plotly.react from one year to the other until it has drawn. The page
    gets the provinces' file at the address the figures name, as the app serves it."""
    geometry = static_files.provinces_63_bytes()

    def serve(route: Route) -> None:
        if "/app/static/geo/" in route.request.url:  # file:///app/static/geo/… from the floor's page
            route.fulfill(body=geometry, content_type="application/json")
        elif route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    return react_floor(
        browser,
        {str(k): v for k, v in specs.items()},
        "2024",
        ["2023" if i % 2 == 0 else "2024" for i in range(RUNS)],
        size=(900, 820),
        # The app serves plotly an empty world file; here it is preloaded, so neither page fetches anything.
        script=f"PlotlyGeoAssets.topojson.world_110m = {(STATIC_TOPOJSON / 'world_110m.json').read_text()};",
        route=serve,
        ready="document.querySelectorAll('#f path.choroplethlocation').length === 63",
    )


def main() -> None:
    specs = figure_bytes()
    server_year_change()
    with running_app("bench-map") as (url, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        app_times = browser_redraw(url, browser)
        floor = static_floor(specs, browser)
        history_entries(url, browser)
        browser.close()
    report("browser: year change → new map drawn (app)", app_times, 600)
    report("browser: Plotly.react of the same figure (static HTML floor)", floor)
    ratio = statistics.median(app_times) / statistics.median(floor)
    print(f"{'':<52} app / floor = {ratio:.1f}×  target ≤ {FLOOR_RATIO:g}× {'OK' if ratio <= FLOOR_RATIO else 'OVER'}")


if __name__ == "__main__":
    main()
