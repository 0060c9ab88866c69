"""What fits on a screen and what language it speaks: a projector's 1280×720 and 1024×768, a phone's 390×844, and
plotly's toolbar and numbers in the app's language whatever the browser's."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import Offline, chart_heading, offline_page, open_page, wait_idle

pytestmark = pytest.mark.e2e

MAP = '[data-testid="stPlotlyChart"] >> nth=0'

# Every text that overflows its box in the main area and the sidebar: labels, buttons, segmented controls.
CLIPPED = """() => [...document.querySelectorAll(
    '[data-testid="stWidgetLabel"] p, [data-testid="stMain"] button p, [data-testid="stSidebar"] button p')]
  .filter(el => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
  .map(el => el.textContent)"""

# Every chart title, subtitle and source line that runs past its chart's right edge (of the charts `selector` picks).
CUT_TITLES = """(selector) => [...document.querySelectorAll(selector)].flatMap(gd => {
  const right = gd.getBoundingClientRect().right;
  return [...gd.querySelectorAll('.gtitle, .gtitle-subtitle, .annotation-text')]
    .filter(t => t.getBoundingClientRect().right > right + 1).map(t => t.textContent);
})"""


def sized_page(browser: Browser, app_url: str, offline: Offline, size: tuple[int, int]) -> Iterator[Page]:
    yield from offline_page(browser, app_url, offline, viewport=size)


@pytest.fixture(params=[(1280, 720), (1024, 768)], ids=["1280x720", "1024x768"])
def projector(request, browser: Browser, app_url: str, offline: Offline) -> Iterator[Page]:
    yield from sized_page(browser, app_url, offline, request.param)


@pytest.fixture
def phone(browser: Browser, app_url: str, offline: Offline) -> Iterator[Page]:
    yield from sized_page(browser, app_url, offline, (390, 844))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_map_first_screen_holds_title_year_and_the_whole_map(projector: Page, app_url: str, lang: str) -> None:
    page = projector
    open_page(page, f"{app_url}/ban-do?lang={lang}&colour=groups")
    map_chart = page.locator(MAP)
    expect(map_chart.locator("path.choroplethlocation")).to_have_count(63)
    height = page.viewport_size["height"]
    for thing in (page.get_by_role("heading", level=1), page.get_by_role("slider"), map_chart):
        box = thing.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height, thing
    geo = page.evaluate(
        """() => { const boxes = [...document.querySelectorAll('.js-plotly-plot')[0]
                 .querySelectorAll('path.choroplethlocation')].map(p => p.getBoundingClientRect());
                 return [Math.min(...boxes.map(b => b.top)), Math.max(...boxes.map(b => b.bottom))]; }"""
    )
    assert geo[0] >= 0 and geo[1] <= height  # every province, Cà Mau and the archipelagos too
    assert page.evaluate(CLIPPED) == []
    assert page.evaluate(CUT_TITLES, ".js-plotly-plot") == []


def test_radar_and_trends_are_readable_on_a_phone(phone: Page, app_url: str) -> None:
    page = phone
    open_page(page, f"{app_url}/ho-so-tinh?province=27&year=2024")
    radar = page.locator('[data-testid="stPlotlyChart"] >> nth=0')
    expect(radar.locator(".angularaxistick text")).to_have_count(8)
    labels = radar.locator(".angularaxistick text").evaluate_all(
        "ts => ts.map(t => { const b = t.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })"
    )
    chart = radar.bounding_box()
    assert chart is not None
    for i, (left, top, right, bottom) in enumerate(labels):
        assert left >= chart["x"] - 1 and right <= chart["x"] + chart["width"] + 1  # inside the chart
        for other in labels[i + 1 :]:
            assert right <= other[0] or other[2] <= left or bottom <= other[1] or other[3] <= top  # apart
    panels = [page.locator(f".st-key-trend_{i}").bounding_box() for i in range(8)]
    assert all(panels)
    assert len({round(p["x"]) for p in panels if p}) == 1  # one column...
    tops = [p["y"] for p in panels if p]
    assert tops == sorted(tops) and len(set(tops)) == 8  # ...one panel under the other
    radar_and_trends = ".st-key-radar .js-plotly-plot, [class*='st-key-trend_'] .js-plotly-plot"
    assert page.locator(".st-key-radar .js-plotly-plot").count() == 1
    assert page.evaluate(CUT_TITLES, radar_and_trends) == []


def test_a_partial_year_radar_draws_points_not_a_shape(page: Page, app_url: str) -> None:
    """Bắc Ninh 2022: PAPI published four of the eight dimensions."""
    open_page(page, f"{app_url}/ho-so-tinh?province=27&year=2022")
    radar = page.locator('[data-testid="stPlotlyChart"] >> nth=0')
    expect(chart_heading(page)).to_contain_text("Bắc Ninh: các lĩnh vực năm 2022")  # the radar's, drawn by the page
    own = radar.locator(".scatterlayer .trace").first
    expect(own.locator(".point")).to_have_count(5)  # four scores (the first repeated to close the shape)
    assert own.locator("path.js-line").evaluate_all("ps => ps.filter(p => p.getAttribute('d')).length") == 0
    assert own.locator("path.js-fill").evaluate_all("ps => ps.filter(p => p.getAttribute('d')).length") == 0


def test_plotly_and_the_table_speak_the_app_language_not_the_browser(
    browser: Browser, app_url: str, offline: Offline
) -> None:
    """An English browser (en-US) reading the Vietnamese app: plotly's toolbar in Vietnamese, and the numbers of the
    explorer's table as Streamlit's grid formats them (Intl with navigator.languages) with a decimal comma and a true
    minus sign; then the same in English."""
    for page in offline_page(browser, app_url, offline, locale="en-US"):
        open_page(page, f"{app_url}/ban-do?lang=vi&year=2024")
        map_chart = page.locator(MAP)
        expect(map_chart.locator("path.choroplethlocation")).to_have_count(63)
        map_chart.hover()
        titles = map_chart.locator(".modebar-btn").evaluate_all("bs => bs.map(b => b.getAttribute('data-title'))")
        assert "Tải biểu đồ dạng ảnh PNG" in titles and "Phóng to" in titles
        assert not {"Download plot as a PNG", "Zoom in", "Zoom out", "Pan"} & set(titles)
        grid_number = """() => new Intl.NumberFormat(navigator.languages,
            {minimumFractionDigits: 2, maximumFractionDigits: 2}).format(-1234.5)"""
        assert page.evaluate(grid_number) == "−1.234,50"

        page.get_by_role("radio", name="English").click()
        wait_idle(page)
        expect(map_chart.locator(".gtitle")).to_contain_text("PAPI map, 2024")
        expect(page.locator("html")).to_have_attribute("data-papi-locale", "en-GB")
        assert page.evaluate(grid_number) == "−1,234.50"
        map_chart.hover()
        titles = map_chart.locator(".modebar-btn").evaluate_all("bs => bs.map(b => b.getAttribute('data-title'))")
        assert "Download plot as a PNG" in titles
    assert offline.blocked == []


def test_no_english_from_streamlit_where_it_can_be_avoided(page: Page, app_url: str) -> None:
    """No main menu (Streamlit's, English only) and no "Select all" in the explorer's lists; what Streamlit does not
    let the app translate is listed in the README."""
    open_page(page, f"{app_url}/kham-pha")
    expect(page.get_by_test_id("stMainMenu")).to_have_count(0)
    page.locator(".st-key-w_regions").get_by_role("combobox").click()
    expect(page.get_by_role("option").first).to_be_visible()
    expect(page.get_by_role("option", name="Select all")).to_have_count(0)
