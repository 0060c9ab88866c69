"""Screenshots of pages as a person sees them, for looking at (not a test): every page given, at the screen sizes the
team checks (desktop, projector, small laptop, phone), in both languages, with requests to other hosts blocked.

    python -m bench.screenshots                       # every page, every size, both languages
    python -m bench.screenshots ban-do ho-so-tinh?province=27 --sizes 1280x720 --langs vi --charts

PNGs go to bench/out/screens/ (not in git); the script prints each file and any request it had to block.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Page, Route, expect, sync_playwright

from harness.server import CHROMIUM, CHROMIUM_FLAGS, running_app

OUT = Path(__file__).resolve().parent / "out" / "screens"
PAGES = ["", "ban-do", "ho-so-tinh", "ke-hoach", "dat-muc-tieu", "kham-pha", "gioi-thieu"]
SIZES = ["1440x900", "1280x720", "1024x768", "390x844"]
MAIN = "document.querySelector('[data-testid=\"stMain\"]')"
SCROLL_HEIGHT = f"{MAIN}.scrollHeight"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def settle(page: Page) -> None:
    """Wait until the run has ended and the page stops changing (the state reads "not running" before the first run
    starts too, and plotly draws after the run): nothing is measured here, so polling is fine."""
    seen = None
    for _ in range(40):
        page.wait_for_timeout(750)
        expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
        now = page.evaluate("document.querySelectorAll('.js-plotly-plot .main-svg, [data-testid]').length")
        if now == seen:
            return
        seen = now


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", default=PAGES, help="page paths, with a query if wanted")
    parser.add_argument("--sizes", nargs="*", default=SIZES)
    parser.add_argument("--langs", nargs="*", default=["vi", "en"])
    parser.add_argument("--charts", action="store_true", help="also each chart on its own, scrolled into view")
    parser.add_argument("--full", action="store_true", help="the whole page, one screen after another")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with running_app("screenshots") as (url, _), sync_playwright() as playwright:
        host = urlparse(url).netloc
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for size in args.sizes:
            width, height = map(int, size.split("x"))
            context = browser.new_context(viewport={"width": width, "height": height})
            blocked: list[str] = []

            def guard(route: Route, blocked: list[str] = blocked) -> None:
                if urlparse(route.request.url).netloc == host or route.request.url.startswith(("data:", "blob:")):
                    route.continue_()
                else:
                    blocked.append(route.request.url)
                    route.abort()

            context.route("**/*", guard)
            page = context.new_page()
            for path in args.pages:
                for lang in args.langs:
                    joiner = "&" if "?" in path else "?"
                    page.goto(f"{url}/{path}{joiner}lang={lang}")
                    settle(page)
                    name = (path or "home").replace("?", "_").replace("&", "_").replace("=", "-")
                    file = OUT / f"{name}_{lang}_{size}.png"
                    page.screenshot(path=file)
                    print(file, flush=True)
                    # The app scrolls inside its main area, not the document: a screen at a time, as a person scrolls
                    # (a taller window would not do: plotly and the tables draw only what is on screen).
                    screens = page.evaluate(f"Math.ceil({SCROLL_HEIGHT} / {height - 60})") if args.full else 1
                    for i in range(1, screens):
                        page.evaluate(f"{MAIN}.scrollTo(0, {i * (height - 60)})")
                        settle(page)
                        part = file.with_name(f"{file.stem}_screen{i}.png")
                        page.screenshot(path=part)
                        print(part, flush=True)
                    if args.charts:
                        charts = page.locator('[data-testid="stPlotlyChart"]')
                        for i in range(charts.count()):
                            chart_file = file.with_name(f"{file.stem}_chart{i}.png")
                            charts.nth(i).scroll_into_view_if_needed()
                            charts.nth(i).screenshot(path=chart_file)
                            print(chart_file, flush=True)
            context.close()
            if blocked:
                print(f"blocked at {size}: {sorted(set(blocked))}")
        browser.close()


if __name__ == "__main__":
    main()
