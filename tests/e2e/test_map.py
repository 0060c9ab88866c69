"""The map as a person uses it in Chromium, with every request to another host blocked."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Offline, open_page, wait_idle

pytestmark = pytest.mark.e2e

MAP = '[data-testid="stPlotlyChart"] >> nth=0'

# The centre of a province's drawn shape on screen, found through plotly's own data (trace and point order).
CENTRE_OF = """([code]) => {
  const gd = document.querySelectorAll('.js-plotly-plot')[0];
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


def fills(page: Page) -> list[str]:
    return (
        page.locator(MAP)
        .locator("path.choroplethlocation")
        .evaluate_all("paths => paths.map(p => getComputedStyle(p).fill)")
    )


def map_title(page: Page):
    return page.locator(MAP).locator(".gtitle")


def test_map_is_drawn_offline_and_follows_the_year(page: Page, app_url: str, offline: Offline) -> None:
    open_page(page, f"{app_url}/ban-do")
    expect(map_title(page)).to_contain_text("Bản đồ PAPI 2024")
    expect(page.locator(MAP).locator("path.choroplethlocation")).to_have_count(63)
    before = fills(page)

    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(re.compile(r"year=2023"))
    wait_idle(page)
    expect(map_title(page)).to_contain_text("Bản đồ PAPI 2023")
    assert fills(page) != before
    assert offline.blocked == []  # plotly's world file and everything else came from the app's own server


def test_hover_click_and_reopen(page: Page, app_url: str, offline: Offline) -> None:
    open_page(page, f"{app_url}/ban-do?lang=vi&year=2024&metric=total&colour=groups")
    expect(page.locator(MAP).locator("path.choroplethlocation")).to_have_count(63)
    x, y = page.evaluate(CENTRE_OF, ["01"])
    page.mouse.move(x, y)
    expect(page.locator(MAP).locator(".hoverlayer")).to_contain_text("Hà Nội")
    expect(page.locator(MAP).locator(".hoverlayer")).to_contain_text("43,77")

    page.mouse.click(x, y)
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"province=01"))
    expect(page.locator(".st-key-selected_province")).to_contain_text("Hà Nội, 2024")
    expect(page.locator(".st-key-selected_province")).to_contain_text("29/61")

    link = page.url
    page.goto("about:blank")
    open_page(page, link)
    expect(page.locator(".st-key-selected_province")).to_contain_text("Hà Nội, 2024")
    expect(page.get_by_role("radio", name="Bốn nhóm PAPI")).to_be_checked()
    expect(page.locator(MAP).locator(".legend")).to_contain_text("Nhóm cao nhất")
    assert offline.blocked == []


def test_play_steps_through_the_years_and_pause_stops(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/ban-do?year=2024")
    page.get_by_role("button", name="▶ Chạy qua các năm").click()
    expect(page).to_have_url(re.compile(r"year=2011"))  # from the start, as the last year was showing
    expect(map_title(page)).to_contain_text("Bản đồ PAPI 2012")  # the timer moved it on by itself
    page.get_by_role("button", name="⏸ Dừng").click()
    wait_idle(page)
    stopped_at = page.url
    expect(page.get_by_role("button", name="▶ Chạy qua các năm")).to_be_visible()
    expect(page.get_by_role("slider")).to_be_enabled()
    assert "year=201" in stopped_at


def test_the_ranking_shows_error_bars_for_2023(page: Page, app_url: str, offline: Offline) -> None:
    open_page(page, f"{app_url}/ban-do?year=2023")
    ranking = page.locator('[data-testid="stPlotlyChart"] >> nth=1')
    expect(ranking.locator(".gtitle")).to_contain_text("Xếp hạng 2023")
    expect(ranking.locator(".errorbar")).to_have_count(61)  # one per province with a score; all have an interval
    expect(ranking).to_contain_text("khoảng tin cậy 90% PAPI công bố")  # the subtitle says what the bars are

    open_page(page, f"{app_url}/ban-do?year=2024")
    expect(ranking.locator(".gtitle")).to_contain_text("Xếp hạng 2024")
    expect(ranking.locator(".errorbar")).to_have_count(0)  # PAPI published none for 2024: none drawn
    assert offline.blocked == []
