"""The picture is the product (issue 19): the map fills the screen people use, and no chart text is cut or overlaps.

One browser context per screen size, reused for every language and mode (a page load each), to keep the matrix fast."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import Offline, chart_heading, offline_page, open_page
from tests.e2e.geometry import chart_text_problems, map_fill

pytestmark = pytest.mark.e2e

# The ranking's province names: the second chart shown (present mode holds a copy of the map for the other screen
# width, hidden).
NAMES = ".js-plotly-plot:visible >> nth=1 >> .yaxislayer-above text"


@pytest.fixture(scope="module")
def sized(browser: Browser, app_url: str) -> Iterator[Callable[[tuple[int, int]], Page]]:
    """A page of the given screen size, opened on first use and kept for the module."""
    pages: dict[tuple[int, int], Page] = {}
    opened: list[Iterator[Page]] = []

    def get(size: tuple[int, int]) -> Page:
        if size not in pages:
            opened.append(offline_page(browser, app_url, Offline(), viewport=size))
            pages[size] = next(opened[-1])
        return pages[size]

    yield get
    for context in opened:
        next(context, None)  # closes the context


def _open_map(page: Page, app_url: str, lang: str, present: bool) -> None:
    open_page(page, f"{app_url}/ban-do?lang={lang}" + ("&present=1" if present else ""))
    expect(page.locator(".js-plotly-plot:visible").first.locator("path.choroplethlocation")).to_have_count(63)
    expect(page.locator(NAMES).first).to_be_attached()


TOOLBAR_ROW_PX = 48  # one row of the page's toolbar (its buttons are 40 px tall)

# (size, present mode, the least share of the screen's height the provinces fill; 0: only "all on the first screen")
FILL = [
    ((1280, 720), False, 0.55),
    ((1024, 768), False, 0.58),  # 0.55 while the toolbar took two rows there
    ((390, 844), False, 0.0),
    ((1280, 720), True, 0.75),
    ((1024, 768), True, 0.75),
    ((390, 844), True, 0.45),  # the map the screen's width, its words above and below it (was 0.09, words beside it)
]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_map_fills_the_screen_and_its_words_stay_whole(sized, app_url: str, lang: str) -> None:
    failures = []
    for size, present, least in FILL:
        page = sized(size)
        _open_map(page, app_url, lang, present)
        where = f"{size[0]}×{size[1]}{' present' if present else ''}"
        fill = map_fill(page)
        if fill == 0 or fill < least:
            failures.append(f"{where}: the provinces fill {fill:.0%} of the screen's height, want {least:.0%}")
        if not present and size[0] > 640:  # the title and the choices on the same screen as the map
            bar = page.locator(".st-key-toolbar").bounding_box()
            if bar is None or bar["height"] > TOOLBAR_ROW_PX:
                failures.append(f"{where}: the toolbar takes more than one row: {bar}")
            for thing in (page.get_by_role("heading", level=1), page.get_by_role("slider")):
                box = thing.bounding_box()
                if box is None or box["y"] + box["height"] > size[1]:
                    failures.append(f"{where}: {thing} is off the first screen")
        failures += [f"{where}: {p}" for p in chart_text_problems(page)]
        smallest = min(
            float(s)
            for s in page.locator(NAMES).evaluate_all("els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
        )
        if smallest < (18 if present else 12):
            failures.append(f"{where}: the ranking's names are {smallest} px")
        if page.locator(NAMES).count() < 61:  # every province with data is in the ranking (61 in 2024)
            failures.append(f"{where}: the ranking lists {page.locator(NAMES).count()} provinces")
        named = page.locator(".js-plotly-plot").evaluate_all(
            "els => els.map(e => [e.getAttribute('role'), e.getAttribute('aria-label')])"
        )
        if any(role != "figure" or not label for role, label in named):
            failures.append(f"{where}: a chart without an accessible name: {named}")
    assert failures == []


RADAR = ".js-plotly-plot:visible >> nth=0"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_radar_owns_the_screen_in_present_mode(sized, app_url: str, lang: str) -> None:
    """At least 60 % of the screen's height on a projector, 60 % of its width on a phone (its words under it), on the
    first screen."""
    failures = []
    for size in [(1280, 720), (1024, 768), (390, 844)]:
        page = sized(size)
        open_page(page, f"{app_url}/ho-so-tinh?lang={lang}&present=1&province=01")
        radar = page.locator(RADAR).locator(".polarlayer")
        expect(radar).to_be_visible()
        box = radar.bounding_box()
        assert box is not None
        phone = size[0] <= 640
        small = box["width"] < 0.6 * size[0] if phone else box["height"] < 0.6 * size[1]
        if small or box["y"] < 0 or box["y"] + box["height"] > size[1]:
            failures.append(f"{size}: the radar is {box['width']:.0f}×{box['height']:.0f} px at y={box['y']:.0f}")
        failures += [f"{size}: {p}" for p in chart_text_problems(page) if p.startswith("chart 0:")]
    assert failures == []


RADAR_GAP_PX = 40  # between the radar's heading and its top axis name: the heading belongs to the picture under it


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768), (390, 844)], ids=["1280x720", "1024x768", "390x844"])
def test_the_radar_sits_under_its_heading_with_no_empty_band(sized, app_url: str, size: tuple[int, int]) -> None:
    """Plotly keeps a polar chart round, so a canvas taller than its column is wide leaves empty bands above and below
    the circle (a 721 px canvas in a 330–484 px column put the radar 120–185 px under its heading): the canvas is as
    tall as its column is wide, a tenth more for the legend."""
    page = sized(size)
    open_page(page, f"{app_url}/ho-so-tinh?province=01")
    canvas = page.locator(".js-plotly-plot:visible").first
    polar = canvas.locator(".polarlayer")
    expect(polar).to_be_visible()
    heading, drawn, circle = chart_heading(page).bounding_box(), canvas.bounding_box(), polar.bounding_box()
    assert heading is not None and drawn is not None and circle is not None
    assert circle["y"] - (heading["y"] + heading["height"]) <= RADAR_GAP_PX, (heading, circle)
    assert drawn["height"] <= 1.1 * drawn["width"] + 1, drawn
    assert circle["height"] >= 0.55 * drawn["width"], (circle, drawn)  # the circle still takes its column's width


def test_on_a_phone_the_map_image_buttons_stay_clear_of_its_sentence(sized, app_url: str) -> None:
    page = sized((390, 844))
    _open_map(page, app_url, "vi", False)
    assert map_fill(page) > 0  # the whole country on the first screen
    buttons = page.locator('.st-key-map_frame [class*="st-key-exports_"]').bounding_box()
    sentence = page.locator('[data-testid="stCaptionContainer"]', has_text="tỉnh có dữ liệu; cao nhất").bounding_box()
    assert buttons is not None and sentence is not None
    assert buttons["y"] + buttons["height"] <= sentence["y"], (buttons, sentence)


# The screen points, a pixel apart, inside the map's legends that lie on a province's shape (the islands of Hoàng Sa
# and Trường Sa are a pixel or two across at this scale, so every pixel is tried, in the shape's own coordinates).
LEGEND_OVER_PROVINCES = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const hits = [];
  for (const legend of gd.querySelectorAll('.legend .bg, .legend2 .bg'))
  for (const path of gd.querySelectorAll('path.choroplethlocation')) {
    const box = legend.getBoundingClientRect();
    const b = path.getBoundingClientRect();
    const left = Math.max(b.left, box.left), right = Math.min(b.right, box.right);
    const top = Math.max(b.top, box.top), bottom = Math.min(b.bottom, box.bottom);
    if (left >= right || top >= bottom) continue;
    const toShape = path.getScreenCTM().inverse();
    for (let x = left; x <= right; x += 1) for (let y = top; y <= bottom; y += 1) {
      if (path.isPointInFill(new DOMPoint(x, y).matrixTransform(toShape))) { hits.push([x, y]); break; }
    }
  }
  return hits;
}"""


@pytest.mark.parametrize("size", [(1024, 768), (390, 844)], ids=["1024x768", "390x844"])
def test_the_groups_legend_covers_no_province(sized, app_url: str, size: tuple[int, int]) -> None:
    page = sized(size)
    open_page(page, f"{app_url}/ban-do?colour=groups")
    groups = page.locator(".js-plotly-plot").first.locator(".legend .traces")
    expect(groups).to_have_count(4)  # "no data" has a legend of its own
    assert page.evaluate(LEGEND_OVER_PROVINCES) == []
