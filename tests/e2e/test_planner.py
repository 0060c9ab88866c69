"""Đặt mục tiêu in a real browser: set a target with the widgets, and the link it writes reopens the same target in a
fresh page; nothing leaves the server."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import Offline, offline_page, open_page, wait_idle

pytestmark = pytest.mark.e2e


def answer(page: Page):
    return page.locator(".st-key-planner_headline")


def test_a_planner_link_reopens_the_same_target(page: Page, browser: Browser, app_url: str, offline: Offline) -> None:
    open_page(page, f"{app_url}/dat-muc-tieu?province=27")
    expect(page.get_by_role("heading", level=1)).to_have_text("Đặt mục tiêu")
    expect(page.get_by_text("không phải dự báo", exact=False)).to_have_count(1)

    page.locator(".st-key-w_goal").get_by_role("radio", name="Nhóm").click()  # the segmented control's option
    wait_idle(page)
    chooser = page.locator(".st-key-w_group").get_by_role("combobox")
    chooser.click()
    page.get_by_role("option", name="Nhóm cao nhất").click()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"goal=group"))
    expect(page).to_have_url(re.compile(r"province=27"))
    expect(answer(page)).to_contain_text("Bắc Ninh đã thuộc Nhóm cao nhất")  # 8th of 61 in 2024: in it already
    headline = answer(page).inner_text()
    chart = page.locator(".js-plotly-plot")
    expect(chart).to_have_count(1)
    link = page.url

    for again in offline_page(browser, app_url, offline):  # a colleague opens the link in a fresh browser
        open_page(again, link)
        expect(answer(again)).to_have_text(headline)
        expect(again.locator(".st-key-w_group").get_by_role("combobox")).to_have_value("Nhóm cao nhất")
        expect(again.locator(".st-key-w_province").get_by_role("combobox")).to_have_value("Bắc Ninh")
        expect(again.locator(".st-key-w_goal").get_by_role("radio", name="Nhóm")).to_have_attribute(
            "aria-checked", "true"
        )
    assert offline.blocked == []
