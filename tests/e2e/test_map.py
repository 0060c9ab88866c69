"""The map as a person uses it in Chromium, with every request to another host blocked."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from papi_data.store.load import load_store
from tests.e2e.conftest import Offline, history_length, open_page, wait_idle

pytestmark = pytest.mark.e2e

MAP = '[data-testid="stPlotlyChart"] >> nth=0'

# The centre of a province's drawn shape on screen, found through plotly's own data (trace and point order), on the
# first map shown (present mode holds a copy for the other screen width, hidden).
CENTRE_OF = """([code]) => {
  const gd = [...document.querySelectorAll('.js-plotly-plot')].find(el => el.getBoundingClientRect().width);
  const traces = gd.querySelectorAll('.choroplethlayer .trace');
  for (let i = 0; i < gd._fullData.length; i++) {
    const d = gd._fullData[i];
    if (d.type !== 'choropleth' || !d.name) continue;
    const j = d.locations.indexOf(code);
    if (j < 0) continue;
    const layer = [...traces].find(t => t.__data__ && t.__data__[0] && t.__data__[0].trace.index === i);
    const box = layer.querySelectorAll('path.choroplethlocation')[j].getBoundingClientRect();
    return [box.x + box.width / 2, box.y + box.height / 2];
  }
  return null;
}"""

# Each province's drawn fill colour and opacity, by code (the selection outline, a trace without a name, left out).
FILLS = """() => {
  const gd = document.querySelectorAll('.js-plotly-plot')[0];
  const out = {};
  for (const layer of gd.querySelectorAll('.choroplethlayer .trace')) {
    const trace = layer.__data__[0].trace;
    if (!trace.name) continue;
    layer.querySelectorAll('path.choroplethlocation').forEach((path, j) => {
      const style = getComputedStyle(path);
      out[trace.locations[j]] = [style.fill, style.opacity, style.fillOpacity];
    });
  }
  return out;
}"""

SCALE_SPAN = (
    "() => { const d = document.querySelectorAll('.js-plotly-plot')[0]._fullData[0]; return [d.zmin, d.zmax]; }"
)


def paths(page: Page):
    return page.locator(MAP).locator("path.choroplethlocation")


def map_title(page: Page):
    return page.locator(MAP).locator(".gtitle")


def card(page: Page):
    return page.locator(".st-key-selected_province")


def click_province(page: Page, code: str) -> None:
    x, y = page.evaluate(CENTRE_OF, [code])
    page.mouse.click(x, y)
    wait_idle(page)


def luminance(rgb: str) -> float:
    red, green, blue = (int(v) / 255 for v in re.findall(r"\d+", rgb)[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def test_map_is_drawn_offline_and_follows_the_year(page: Page, app_url: str, offline: Offline) -> None:
    geometry: list[str] = []
    page.on("request", lambda r: geometry.append(r.url) if "/app/static/geo/" in r.url else None)
    open_page(page, f"{app_url}/ban-do")
    expect(map_title(page)).to_contain_text("Bản đồ PAPI 2024")
    expect(paths(page)).to_have_count(63)
    before = page.evaluate(FILLS)

    for key, year in (("ArrowLeft", "2023"), ("ArrowRight", "2024"), ("ArrowLeft", "2023")):
        page.get_by_role("slider").focus()
        page.keyboard.press(key)
        expect(page).to_have_url(re.compile(f"year={year}"))
        wait_idle(page)
        expect(map_title(page)).to_contain_text(f"Bản đồ PAPI {year}")
    expect(paths(page)).to_have_count(63)
    assert page.evaluate(FILLS) != before
    # The figures name the geometry by its URL; the browser fetched it once for all these years.
    assert page.evaluate("typeof document.querySelectorAll('.js-plotly-plot')[0].data[0].geojson") == "string"
    assert len(geometry) == 1
    assert offline.blocked == []  # plotly's world file and everything else came from the app's own server


def test_clicks_select_the_clicked_province_a_second_click_clears(page: Page, app_url: str, offline: Offline) -> None:
    open_page(page, f"{app_url}/ban-do?lang=vi&year=2024&metric=total&colour=groups")
    expect(paths(page)).to_have_count(63)
    colours = page.evaluate(FILLS)
    x, y = page.evaluate(CENTRE_OF, ["01"])
    page.mouse.move(x, y)
    expect(page.locator(MAP).locator(".hoverlayer")).to_contain_text("Hà Nội")
    expect(page.locator(MAP).locator(".hoverlayer")).to_contain_text("43,77")

    click_province(page, "01")
    expect(page).to_have_url(re.compile(r"province=01"))
    expect(card(page)).to_contain_text("Hà Nội, 2024")
    expect(card(page)).to_contain_text("29/61")
    expect(paths(page)).to_have_count(64)  # the outline on top of the 63
    assert page.evaluate(FILLS) == colours  # every colour as it was: nothing faded
    map_box, card_box = page.locator(MAP).bounding_box(), card(page).bounding_box()
    assert map_box and card_box
    assert card_box["x"] >= map_box["x"] + map_box["width"] - 1  # beside the map...
    assert card_box["y"] + card_box["height"] <= page.viewport_size["height"]  # ...on the first screen

    click_province(page, "79")  # another province: selected at once
    expect(page).to_have_url(re.compile(r"province=79"))
    expect(card(page)).to_contain_text("TP. Hồ Chí Minh, 2024")
    click_province(page, "79")  # the selected one again: cleared
    expect(page).not_to_have_url(re.compile(r"province="))
    wait_idle(page)
    expect(card(page)).to_have_count(0)
    click_province(page, "01")  # and a click after that selects again
    expect(page).to_have_url(re.compile(r"province=01"))
    expect(card(page)).to_contain_text("Hà Nội, 2024")
    assert page.evaluate(FILLS) == colours

    link = page.url
    page.goto("about:blank")
    open_page(page, link)
    expect(card(page)).to_contain_text("Hà Nội, 2024")
    expect(page.get_by_role("radio", name="Bốn nhóm PAPI")).to_be_checked()
    expect(page.locator(MAP).locator(".legend")).to_contain_text("Nhóm cao nhất")
    assert offline.blocked == []


def test_in_present_mode_on_a_phone_a_click_on_its_map_selects(page: Page, app_url: str) -> None:
    """A phone in present mode shows the map's copy with its words above and below it (ui/core/shell.chart): a click
    on it selects the province as a click on the other does."""
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, f"{app_url}/ban-do?lang=vi&year=2024&present=1")
    expect(page.locator(".js-plotly-plot:visible").first.locator("path.choroplethlocation")).to_have_count(63)
    click_province(page, "01")
    expect(page).to_have_url(re.compile(r"province=01"))
    expect(card(page)).to_contain_text("Hà Nội, 2024")


def test_darker_is_better_and_colours_hold_through_the_years(page: Page, app_url: str) -> None:
    scores = load_store().scores
    year = scores[(scores["year"] == 2024) & (scores["dimension"] == "total")].dropna(subset=["score"])
    best, worst = year.loc[year["score"].idxmax(), "province_code"], year.loc[year["score"].idxmin(), "province_code"]
    open_page(page, f"{app_url}/ban-do?year=2024&metric=total&colour=scale")
    expect(paths(page)).to_have_count(63)
    fills = page.evaluate(FILLS)
    assert luminance(fills[best][0]) < luminance(fills[worst][0])  # the best province is the darkest
    span = page.evaluate(SCALE_SPAN)
    expect(page.locator(MAP).locator(".cbtitle")).to_contain_text("2018–2024")

    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowLeft")
    expect(map_title(page)).to_contain_text("2023")
    assert page.evaluate(SCALE_SPAN) == span  # the same colour means the same score in every year of the scale

    page.get_by_text("Tô màu theo riêng năm đang xem").click()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"fit=1"))
    expect(page.locator(MAP).locator(".cbtitle")).to_contain_text("riêng năm 2023")
    assert page.evaluate(SCALE_SPAN) != span


def test_a_dimension_before_it_existed_gives_a_message_not_an_empty_map(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/ban-do?metric=d7_environmental_governance&year=2015")
    expect(page.get_by_test_id("stAlert")).to_contain_text("trong các năm 2018–2024; năm 2015 không có dữ liệu")
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(0)
    page.get_by_role("button", name="Xem năm 2018").click()
    wait_idle(page)
    expect(map_title(page)).to_contain_text("Bản đồ PAPI 2018")
    expect(page).to_have_url(re.compile(r"year=2018"))


def test_the_ranking_is_a_dot_plot(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/ban-do?year=2024")
    ranking = page.locator('[data-testid="stPlotlyChart"] >> nth=1')
    expect(ranking.locator(".gtitle")).to_contain_text("Xếp hạng 2024")
    expect(ranking.locator(".scatterlayer .point")).to_have_count(61)
    expect(ranking.locator(".barlayer .point")).to_have_count(0)


def test_play_steps_through_the_years_in_one_history_entry(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/ban-do?year=2024")
    before = history_length(page)
    page.get_by_role("button", name=re.compile("Chạy$")).click()
    expect(map_title(page)).to_contain_text("Bản đồ PAPI 2011")  # from the start, as the last year was showing
    expect(map_title(page)).to_contain_text("Bản đồ PAPI 2013")  # the timer moved it on by itself, twice
    page.get_by_role("button", name=re.compile("Dừng$")).click()
    expect(page.get_by_role("button", name=re.compile("Chạy$"))).to_be_visible()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"year=201"))  # where it stopped
    expect(page.get_by_role("slider")).to_be_enabled()
    assert history_length(page) == before + 1  # the whole play is one step back
    page.go_back()
    wait_idle(page)
    expect(map_title(page)).to_contain_text("Bản đồ PAPI 2024")


def test_the_ranking_shows_error_bars_for_2023(page: Page, app_url: str, offline: Offline) -> None:
    open_page(page, f"{app_url}/ban-do?year=2023")
    ranking = page.locator('[data-testid="stPlotlyChart"] >> nth=1')
    expect(ranking.locator(".gtitle")).to_contain_text("Xếp hạng 2023")
    expect(ranking.locator(".errorbar")).to_have_count(61)  # one per province with a score; all have an interval
    expect(ranking.locator(".gtitle-subtitle")).to_contain_text("Thanh ngang")  # the subtitle says what they are
    expect(ranking.locator(".gtitle-subtitle")).to_contain_text("90%")

    open_page(page, f"{app_url}/ban-do?year=2024")
    expect(ranking.locator(".gtitle")).to_contain_text("Xếp hạng 2024")
    expect(ranking.locator(".errorbar")).to_have_count(0)  # PAPI published none for 2024: none drawn
    assert offline.blocked == []
