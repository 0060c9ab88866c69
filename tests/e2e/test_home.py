"""What a person sees on the home page in a real browser, with the network beyond the app blocked."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Offline, open_page, wait_idle

pytestmark = pytest.mark.e2e


def card(page: Page, code: str):
    return page.locator(f".st-key-card_{code}")


def test_hanoi_2024_card_and_language_switch(page: Page, app_url: str, offline: Offline) -> None:
    open_page(page, app_url)
    hanoi = card(page, "01")
    expect(hanoi.get_by_test_id("stMetricValue")).to_have_text("43,77")
    expect(hanoi).to_contain_text("Hạng 29/61")
    expect(page.get_by_role("heading", level=1)).to_contain_text("PAPI 2024")

    page.get_by_role("radio", name="English").click()
    wait_idle(page)
    expect(hanoi.get_by_test_id("stMetricValue")).to_have_text("43.77")
    expect(hanoi).to_contain_text("Rank 29 of 61")
    expect(page).to_have_url(re.compile(r"lang=en"))
    assert offline.blocked == []


def test_link_with_year_and_language_reopens_the_view(page: Page, app_url: str, offline: Offline) -> None:
    open_page(page, f"{app_url}/?lang=en&year=2021")
    expect(page.get_by_role("heading", level=1)).to_contain_text("PAPI 2021")
    expect(card(page, "27").get_by_test_id("stMetricValue")).to_have_text("no data")
    page.reload()
    wait_idle(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("PAPI 2021")
    assert offline.blocked == []


def test_bad_year_in_link_shows_a_notice(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/?year=1999")
    expect(page.get_by_test_id("stAlert").first).to_contain_text("“year”")
    expect(page.get_by_role("heading", level=1)).to_contain_text("PAPI 2024")
    expect(page).to_have_url(re.compile(r"year=2024"))
