"""What a person sees on Kế hoạch và kết quả in a real browser, with the network beyond the app blocked."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Offline, chart_heading, open_page, wait_idle

pytestmark = pytest.mark.e2e


def overview_row(page: Page, text: str):
    """The overview table's row holding `text` (a result sentence names its province-year uniquely)."""
    return page.locator(".st-key-plans_overview table tr", has_text=text)


def test_hanoi_2021_achieved_and_2023_missed_with_the_gap(page: Page, app_url: str, offline: Offline) -> None:
    open_page(page, f"{app_url}/ke-hoach?plan=hn-2023-kh157")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kế hoạch và kết quả")
    achieved = overview_row(page, "Hạng 9/60, mục tiêu ≤ 43: vượt 34 bậc")
    expect(achieved).to_contain_text("Hà Nội")
    expect(achieved).to_contain_text("2021")
    expect(achieved).to_contain_text("✔ Đạt")
    missed = overview_row(page, "Hạng 15/61, mục tiêu ≤ 11: thiếu 4 bậc")
    expect(missed).to_contain_text("Kế hoạch 157/KH-UBND")
    expect(missed).to_contain_text("✘ Không đạt")

    target = page.locator(".st-key-target_hn-157-rank-2023")
    expect(target.locator("blockquote")).to_contain_text("cải thiện thứ hạng Chỉ số PAPI của Thành phố so với năm 2022")
    expect(target).to_contain_text("Không đạt")
    expect(target).to_contain_text("thiếu 4 bậc")
    chart = target.locator(".js-plotly-plot")
    expect(chart).to_have_count(1)
    expect(chart.locator(".annotation-text", has_text="Không đạt: thiếu 4 bậc")).to_have_count(1)
    expect(chart_heading(target)).to_contain_text("Hà Nội: thứ hạng theo điểm tổng hợp")
    assert offline.blocked == []


def test_english_and_the_plan_in_the_link(page: Page, app_url: str, offline: Offline) -> None:
    open_page(page, f"{app_url}/ke-hoach?plan=hn-2021-rise-5&lang=en")
    expect(overview_row(page, "Rank 9 of 60, target ≤ 43: 34 places ahead")).to_contain_text("✔ Achieved")
    expect(overview_row(page, "Rank 15 of 61, target ≤ 11: 4 places short")).to_contain_text("✘ Missed")
    target = page.locator(".st-key-target_hn-2021-rise-5-rank")
    expect(target).to_contain_text("Rank 9 of 60, target ≤ 43: 34 places ahead")
    expect(target.locator(".js-plotly-plot .annotation-text", has_text="Achieved: 34 places ahead")).to_have_count(1)

    chooser = page.get_by_role("combobox", name="Plan")
    chooser.scroll_into_view_if_needed()  # a list opened below the fold closes when the page scrolls to it
    chooser.click()
    page.get_by_role("option", name="Bac Ninh · Plan 176/KH-UBND").click()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"plan=bn-2020-kh176"))
    expect(page.locator(".st-key-plan_card")).to_contain_text("176/KH-UBND")
    expect(page.get_by_test_id("stAlert").filter(has_text="Bac Giang")).to_have_count(1)
    page.reload()
    wait_idle(page)
    expect(page.locator(".st-key-plan_card")).to_contain_text("176/KH-UBND")
    assert offline.blocked == []
