"""The province profile as a person reaches and uses it: from a click on the map, with no request off the server."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Offline, chart_heading, open_page, wait_idle
from tests.e2e.test_map import CENTRE_OF, MAP

pytestmark = pytest.mark.e2e

RADAR = '[data-testid="stPlotlyChart"] >> nth=0'


def radar_axes(page: Page) -> list[str]:
    return page.locator(RADAR).locator(".angularaxistick text").all_text_contents()  # SVG: no innerText


def test_from_the_map_to_bac_ninh_radar_overlay_and_a_year_without_data(
    page: Page, app_url: str, offline: Offline
) -> None:
    open_page(page, f"{app_url}/ban-do?year=2024")
    expect(page.locator(MAP).locator("path.choroplethlocation")).to_have_count(63)
    x, y = page.evaluate(CENTRE_OF, ["27"])
    page.mouse.click(x, y)
    wait_idle(page)
    page.get_by_role("link", name="Mở hồ sơ Bắc Ninh").click()
    expect(page).to_have_url(re.compile(r"/ho-so-tinh\?.*province=27"))
    wait_idle(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Bắc Ninh: hồ sơ PAPI 2024")
    expect(chart_heading(page).locator("p").first).to_have_text("Bắc Ninh: các lĩnh vực năm 2024")
    labels = sorted(set(radar_axes(page)))
    assert [label[:2] for label in labels] == [f"D{i}" for i in range(1, 9)]
    assert any("Quản trị" in label and "điện tử" in label for label in labels)  # a long name on two lines

    page.get_by_role("combobox", name="Thêm tối đa 4 tỉnh").fill("Hà Nội")
    page.get_by_role("option", name="Hà Nội", exact=True).click()
    page.keyboard.press("Escape")
    wait_idle(page)
    expect(page.locator(RADAR).locator(".legend")).to_contain_text("Hà Nội")
    expect(page).to_have_url(re.compile(r"compare=01"))

    page.get_by_role("combobox", name="Năm khảo sát").fill("2021")
    page.get_by_role("option", name="2021", exact=True).click()
    wait_idle(page)
    expect(page.get_by_test_id("stAlert").first).to_contain_text("PAPI không công bố điểm của Bắc Ninh năm 2021")
    expect(page.get_by_role("button", name="Xem năm gần nhất có dữ liệu (2020)")).to_be_visible()
    assert offline.blocked == []


def test_a_dimension_opens_to_its_sub_dimensions(page: Page, app_url: str, offline: Offline) -> None:
    open_page(page, f"{app_url}/ho-so-tinh?province=01&year=2023")
    section = page.get_by_test_id("stExpander").filter(has_text="D7 Quản trị môi trường")
    expect(section).to_be_visible()
    expect(page.get_by_text("các chỉ số thành phần của D7")).to_have_count(0)  # closed: nothing drawn for it
    section.get_by_text("D7 Quản trị môi trường").click()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"open=d7_environmental_governance"))
    expect(section.get_by_text("Hà Nội: các chỉ số thành phần của D7 Quản trị môi trường qua các năm")).to_be_visible()
    charts = section.locator('[data-testid="stPlotlyChart"]')
    expect(charts).to_have_count(3)  # one small chart per sub-dimension
    expect(charts.locator(".gtitle").filter(has_text="7.3 Chất lượng nước")).to_have_count(1)
    expect(section.get_by_test_id("stDataFrame")).to_be_visible()
    expect(page.get_by_text("hạng 15, có thể từ 8 đến 26")).to_be_visible()  # the total's rank with its range

    page.reload()  # the link opens the same view: the dimension still open
    wait_idle(page)
    expect(
        page.get_by_test_id("stExpander").filter(has_text="D7 Quản trị môi trường").locator(".gtitle")
    ).to_have_count(3)
    assert offline.blocked == []
