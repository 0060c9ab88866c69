"""Present mode, the copy-link button and the exports as a presenter uses them in Chromium, offline."""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pptx import Presentation

from tests.e2e.conftest import Offline, chart_heading, offline_page, open_page, wait_idle

pytestmark = pytest.mark.e2e

# Every text of a chart that has a size on screen: its font size and its box.
CHART_TEXTS = """(chart) => [...chart.querySelectorAll('text')]
  .filter(el => el.textContent.trim() && el.getBoundingClientRect().width > 0)
  .map(el => { const r = el.getBoundingClientRect();
               return {text: el.textContent, size: parseFloat(getComputedStyle(el).fontSize), top: r.top,
                       bottom: r.bottom, left: r.left, right: r.right}; })"""


@pytest.fixture(params=[(1280, 720), (1024, 768)], ids=["1280x720", "1024x768"])
def screen(request: pytest.FixtureRequest, browser: Browser, app_url: str, offline: Offline) -> Iterator[Page]:
    width, height = request.param
    for page in offline_page(browser, app_url, offline):
        page.set_viewport_size({"width": width, "height": height})
        yield page


def test_present_mode_fits_the_map_to_a_projector_screen(screen: Page, app_url: str, offline: Offline) -> None:
    page = screen
    open_page(page, f"{app_url}/ban-do?present=1&year=2024")
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
    expect(page.get_by_test_id("stPopover").get_by_text("Lựa chọn")).to_be_visible()
    chart = page.get_by_test_id("stPlotlyChart").first
    expect(chart.locator(".gtitle")).to_contain_text("Bản đồ PAPI 2024")
    texts = chart.evaluate(CHART_TEXTS)
    height = page.viewport_size["height"] if page.viewport_size else 0
    assert min(t["size"] for t in texts) >= 18, sorted((t["size"], t["text"][:20]) for t in texts)[:5]
    assert max(t["bottom"] for t in texts) <= height  # title to link, all on the first screen
    words = " ".join(t["text"] for t in texts)
    assert "Bản đồ PAPI 2024" in words and "Điểm tổng hợp" in words and "Nguồn: PAPI" in words

    page.keyboard.press("ArrowLeft")  # the previous year
    expect(page).to_have_url(re.compile(r"year=2023"))
    wait_idle(page)
    expect(chart.locator(".gtitle")).to_contain_text("Bản đồ PAPI 2023")
    assert "present=1" in page.url
    assert offline.blocked == []


def test_present_mode_steps_through_provinces_and_a_link_keeps_it(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    open_page(page, f"{app_url}/ho-so-tinh?province=01&year=2024&present=1")
    expect(chart_heading(page)).to_contain_text("Hà Nội")
    # the → key belongs to the ▶ button (its shortcut): pressed before the button is drawn, it would do nothing
    expect(page.get_by_role("button", name=re.compile("Hà Tĩnh"))).to_be_enabled()
    page.keyboard.press("ArrowRight")  # the next province in the list (Vietnamese order)
    expect(page).to_have_url(re.compile(r"province=(?!01)"))
    wait_idle(page)
    expect(chart_heading(page)).to_contain_text("Hà Tĩnh")
    # the controls moved into one popover (beside the toolbar's Cite and Embed popovers)
    page.get_by_test_id("stPopover").get_by_role("button", name="Lựa chọn").click()
    expect(page.get_by_test_id("stPopoverBody").get_by_text("Tỉnh/thành phố")).to_be_visible()


def test_copy_link_copies_the_address_as_it_stands(browser: Browser, app_url: str, offline: Offline) -> None:
    for page in offline_page(browser, app_url, offline):
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        open_page(page, f"{app_url}/ban-do?year=2022&lang=en")
        frame = page.frame_locator('iframe[title="st.iframe"]').first
        frame.get_by_role("button", name="Copy link").click()
        expect(frame.get_by_text("Copied")).to_be_visible()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.url and "year=2022" in copied
    assert offline.blocked == []  # the button's script is the app's own


def test_where_the_clipboard_is_refused_the_link_is_shown_to_copy(page: Page, app_url: str) -> None:
    page.context.add_init_script(
        "navigator.clipboard && (navigator.clipboard.writeText = () => Promise.reject(new Error('denied')));"
    )
    open_page(page, f"{app_url}/ho-so-tinh?province=48&year=2024")
    frame = page.frame_locator('iframe[title="st.iframe"]').first
    frame.get_by_role("button", name="Sao chép liên kết").click()
    field = frame.get_by_role("textbox")
    expect(field).to_be_visible()
    expect(field).to_have_value(re.compile(r"/ho-so-tinh\?.*province=48"))
    expect(frame.get_by_text("Nhấn Ctrl+C để sao chép")).to_be_visible()


def test_slide_image_deck_and_brief_download_from_the_profile(page: Page, app_url: str, tmp_path: Path) -> None:
    open_page(page, f"{app_url}/ho-so-tinh?province=01&year=2024")
    # the radar, eight dimensions' and two totals' trends, the rank history, what moved
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(13)
    png_button = page.locator(".st-key-exports_radar").get_by_role("button", name="Ảnh PNG")
    expect(png_button).to_be_visible()
    with page.expect_download(timeout=120_000) as png:
        png_button.click()
    data = Path(png.value.path()).read_bytes()
    assert png.value.suggested_filename == "papi-01-2024-radar.png"
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[16:24] == (1920).to_bytes(4, "big") + (1080).to_bytes(4, "big")

    with page.expect_download(timeout=120_000) as pptx:
        page.get_by_role("button", name="PowerPoint").click()
    deck = Presentation(io.BytesIO(Path(pptx.value.path()).read_bytes()))
    assert len(deck.slides) == 1 + 13  # the title slide, then every chart of the page

    with page.expect_download(timeout=120_000) as brief:
        page.get_by_role("button", name="Hồ sơ 1 trang (PDF, A4)").click()
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(Path(brief.value.path()).read_bytes())
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True).stdout.decode("utf-8")
    assert "Hà Nội: hồ sơ PAPI 2024" in text and "Hạng 29/61" in text
    wait_idle(page)
    expect(page.get_by_text("Không tạo được tệp")).to_have_count(0)
