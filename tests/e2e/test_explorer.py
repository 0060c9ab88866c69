"""The explorer in a real browser: set filters, sort the table, download the CSV, reopen the link; nothing leaves the
server."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Locator, Page, expect

from papi_data.store.load import load_store
from tests.e2e.conftest import Offline, open_page, wait_idle

pytestmark = pytest.mark.e2e

# The table's fixed column widths (pages/explorer.py): the score header is the fourth column, after the province
# (160 px), the year (60 px) and the metric (210 px). The grid is drawn on a canvas, so a header is clicked by position.
SCORE_HEADER_X = 160 + 60 + 210 + 40
HEADER_Y = 17
PROVINCES = {"01": "Hà Nội", "79": "TP. Hồ Chí Minh", "27": "Bắc Ninh"}


def summary(page: Page) -> Locator:
    return page.locator(".st-key-explorer_summary")


def first_rows(page: Page, n: int = 3) -> list[list[str]]:
    """The first rows of the grid as its accessibility table holds them (cell text, raw numbers)."""
    table = page.get_by_test_id("stDataFrame").locator("table")
    return table.evaluate(
        f"t => Array.from(t.querySelectorAll('tbody tr')).slice(0, {n})"
        ".map(r => Array.from(r.querySelectorAll('td')).map(c => c.textContent))"
    )


@pytest.fixture(scope="module")
def lowest_total() -> tuple[str, str, float]:
    """The lowest total of the three provinces in 2018–2024 (from the store, not from the page): name, year, score."""
    scores = load_store().scores
    rows = scores[scores["dimension"].eq("total") & scores["year"].ge(2018) & scores["province_code"].isin(PROVINCES)]
    low = rows.loc[rows["score"].idxmin()]
    return PROVINCES[low["province_code"]], str(low["year"]), round(float(low["score"]), 2)


def test_filter_sort_download_and_reopen(page: Page, app_url: str, offline: Offline, lowest_total: tuple) -> None:
    open_page(page, f"{app_url}/kham-pha")
    expect(summary(page)).to_contain_text("63/63 tỉnh, thành phố, 2018–2024, 11 tỉnh-năm không có dữ liệu")

    page.locator(".st-key-w_metrics").get_by_role("combobox").fill("Điểm tổng hợp")  # the list is virtual: filter it
    page.get_by_role("option", name="Điểm tổng hợp").click()
    page.keyboard.press("Escape")
    wait_idle(page)
    search = page.locator(".st-key-w_q input")
    search.fill("ha noi, hcm, bac ninh")
    search.press("Enter")
    wait_idle(page)
    expect(summary(page)).to_contain_text("3/63 tỉnh, thành phố, 2018–2024, 2 tỉnh-năm không có dữ liệu")  # Bắc Ninh
    expect(summary(page)).to_contain_text("21 dòng")
    expect(page).to_have_url(re.compile(r"metrics=total.*q=ha"))

    grid = page.get_by_test_id("stDataFrame")
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + SCORE_HEADER_X, box["y"] + HEADER_Y)  # ascending: no data first, then the lowest
    name, year, score = lowest_total
    expect(grid.get_by_test_id("glide-cell-0-2")).to_have_text(name)
    rows = first_rows(page, 8)
    no_data = [row[:2] + row[3:4] for row in rows[:2]]
    assert no_data == [["Bắc Ninh", "2021", ""], ["Bắc Ninh", "2022", ""]]  # no score: listed, first, empty
    assert rows[2][1] == year and float(rows[2][3]) == score  # rounded to 2 decimals, as everywhere in the app
    numbers = [float(row[3]) for row in rows[2:]]
    assert numbers == sorted(numbers)  # as numbers: "9.5" would sort after "40.1" as text

    with page.expect_download() as info:
        page.locator(".st-key-download_csv").get_by_role("button", name="CSV").click()
    download = info.value
    assert download.suggested_filename == "papi-kham-pha-2018-2024.csv"
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbfprovince_code,")  # a plain table: its note is in the data package
    csv = pd.read_csv(download.path(), dtype={"province_code": str})
    assert len(csv) == 21 and set(csv["province_vi"]) == set(PROVINCES.values())
    assert csv["source"].notna().all()

    link = page.url
    again = page.context.new_page()
    open_page(again, link)
    expect(summary(again)).to_contain_text("3/63 tỉnh, thành phố, 2018–2024, 2 tỉnh-năm không có dữ liệu")
    expect(again.locator(".st-key-w_q input")).to_have_value("ha noi, hcm, bac ninh")
    expect(again.locator(".st-key-w_metrics")).to_contain_text("Điểm tổng hợp")
    assert offline.blocked == []


def test_a_reversed_year_range_in_a_link_is_corrected_with_a_notice(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/kham-pha?lang=en&years=2024-2020&metrics=total")
    expect(page.get_by_test_id("stAlert")).to_contain_text("range was reversed; put in order: 2020–2024")
    expect(summary(page)).to_contain_text("63 of 63 provinces, 2020–2024, 9 province-years without data")
    expect(page).to_have_url(re.compile(r"years=2020-2024"))
