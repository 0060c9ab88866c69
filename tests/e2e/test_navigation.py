"""Moving around as a person does: Back and Forward step one action at a time, each page keeps its own selection,
the province search is in every page's sidebar, and a bad link is explained in words a reader knows."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import history_length, open_page, wait_idle

pytestmark = pytest.mark.e2e


def nav(page: Page, name: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=name).click()
    wait_idle(page)


def back(page: Page) -> None:
    page.go_back()
    wait_idle(page)


def pick_base_year(page: Page, year: str) -> None:
    page.locator(".st-key-w_base").get_by_role("combobox").click()
    page.get_by_role("option", name=year, exact=True).click()
    expect(page).to_have_url(re.compile(f"base={year}"))
    wait_idle(page)


def test_back_undoes_one_action_at_a_time(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/ban-do")
    opened = history_length(page)
    nav(page, "Khám phá dữ liệu")
    expect(page).to_have_url(re.compile(r"/kham-pha\?.*base=2018"))
    assert history_length(page) == opened + 1  # a page change: one entry (not the old page's query, then its own)
    pick_base_year(page, "2020")
    pick_base_year(page, "2019")
    assert history_length(page) == opened + 3  # a filter change: one entry each

    back(page)  # the previous filter, in one press
    expect(page).to_have_url(re.compile(r"base=2020"))
    expect(page.locator(".st-key-w_base").get_by_role("combobox")).to_have_value("2020")
    back(page)
    expect(page).to_have_url(re.compile(r"base=2018"))
    expect(page.locator(".st-key-w_base").get_by_role("combobox")).to_have_value("2018")
    back(page)  # the previous page, in one press
    expect(page).to_have_url(re.compile(r"/ban-do\?"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bản đồ")
    page.go_forward()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"/kham-pha\?.*base=2018"))


def test_each_page_keeps_its_own_selection(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/ho-so-tinh?province=48")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Đà Nẵng")
    nav(page, "Bản đồ")
    expect(page.locator('[data-testid="stPlotlyChart"] >> nth=0').locator("path.choroplethlocation")).to_have_count(63)
    expect(page.locator(".st-key-selected_province")).to_have_count(0)  # the profile's province is not the map's
    assert "province=" not in page.url
    nav(page, "Kế hoạch và kết quả")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kế hoạch và kết quả")
    nav(page, "Hồ sơ tỉnh")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Đà Nẵng")  # not reset to Hà Nội
    expect(page).to_have_url(re.compile(r"province=48"))


def test_the_province_search_is_on_every_page_and_forgives(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/gioi-thieu")
    search = page.get_by_test_id("stSidebar").get_by_role("textbox", name="Tìm tỉnh, thành phố")
    search.fill("sai gon")
    link = page.get_by_test_id("stSidebar").get_by_role("link", name="Hồ sơ TP. Hồ Chí Minh")
    expect(link).to_be_visible()
    link.click()
    wait_idle(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("TP. Hồ Chí Minh")

    nav(page, "Bản đồ")
    search = page.get_by_test_id("stSidebar").get_by_role("textbox", name="Tìm tỉnh, thành phố")
    search.fill("brvt")
    page.get_by_test_id("stSidebar").get_by_role("button", name="Bà Rịa - Vũng Tàu").click()
    wait_idle(page)
    expect(page.locator(".st-key-selected_province")).to_contain_text("Bà Rịa - Vũng Tàu")  # selected on the map
    expect(page).to_have_url(re.compile(r"province=77"))

    for path in ("", "ke-hoach", "kham-pha"):
        open_page(page, f"{app_url}/{path}")
        expect(page.get_by_test_id("stSidebar").get_by_role("textbox", name="Tìm tỉnh, thành phố")).to_be_visible()


def test_enter_in_the_province_search_opens_the_first_hit(page: Page, app_url: str) -> None:
    """Enter straight after typing, before the list has caught up: the first hit for the whole query is opened."""
    open_page(page, f"{app_url}/gioi-thieu")
    search = page.get_by_test_id("stSidebar").get_by_role("textbox", name="Tìm tỉnh, thành phố")
    search.press_sequentially("ha noi")
    search.press("Enter")
    wait_idle(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hà Nội")
    expect(page).to_have_url(re.compile(r"province=01"))

    nav(page, "Bản đồ")
    search = page.get_by_test_id("stSidebar").get_by_role("textbox", name="Tìm tỉnh, thành phố")
    search.fill("brvt")
    search.press("Enter")
    expect(page.locator(".st-key-selected_province")).to_contain_text("Bà Rịa - Vũng Tàu")  # chosen on the map
    expect(page).to_have_url(re.compile(r"province=77"))


def test_notices_about_a_link_use_readers_words(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/ban-do?metric=xyz&province=99")
    notices = page.get_by_test_id("stAlert")
    expect(notices.first).to_be_visible()
    text = " ".join(notices.all_text_contents())
    assert "Điểm tổng hợp" in text and "không chọn" in text
    assert not re.search(r"\((total|01|None)\)|\btotal\b|None", text)

    open_page(page, f"{app_url}/kham-pha?years=2024-2018")
    expect(page.get_by_test_id("stAlert").first).to_contain_text("bị đảo ngược")
    expect(page.get_by_test_id("stAlert").first).not_to_contain_text("ngoài phạm vi")
    expect(page).to_have_url(re.compile(r"years=2018-2024"))
