"""Quick hands break nothing (issue 19): keys pressed without pause on every slider and select of a page rerun it
before the last run ended; no run may fail, and afterwards the address must open what the page shows."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import open_page, wait_idle

pytestmark = pytest.mark.e2e

PRESSES = 20
# The explorer as the issue reproduced it: a metric, two regions and two groups chosen, then the score range.
PAGES = [
    "kham-pha?lang=en&metrics=total&regions=red_river_delta,southeast&groups=best,high_average",
    "ban-do",
    "ho-so-tinh",
]
THUMBS = ':is([data-testid="stSlider"], [data-testid="stSelectSlider"]) input[type="range"]'
SELECTS = '[data-testid="stSelectbox"] input'
SELECTED = '[data-testid="stSelectbox"] [data-baseweb="select"] > div'
FAILED = '[data-testid="stException"], [data-testid="stAlertContentError"]'

# What every slider and select shows: the state a person reads off the page.
SHOWN = f"""() => [
  ...[...document.querySelectorAll('{THUMBS}')].map(s => s.value),
  ...[...document.querySelectorAll('{SELECTED}')].map(d => d.textContent),
]"""


def _hammer(page: Page) -> int:
    """Press keys without pause on every slider and select of the page; the number of controls pressed."""
    controls = 0
    thumbs = page.locator(THUMBS)  # visually hidden, focusable
    for i in range(thumbs.count()):
        thumb = thumbs.nth(i)
        if thumb.is_disabled():
            continue
        thumb.focus()
        for key in ["ArrowRight"] * (PRESSES // 2) + ["ArrowLeft"] * (PRESSES // 4) + ["ArrowRight"] * (PRESSES // 4):
            page.keyboard.press(key)
        controls += 1
    for i in range(page.locator(SELECTS).count()):
        box = page.locator(SELECTS).nth(i)
        if box.is_disabled():
            continue
        box.focus()
        for key in ["ArrowDown", "Enter"] * (PRESSES // 4) + ["ArrowDown"] * (PRESSES // 2):  # 5 choices, 20 keys
            page.keyboard.press(key)
        page.keyboard.press("Escape")
        controls += 1
    return controls


@pytest.mark.parametrize("path", PAGES, ids=["explorer", "map", "profile"])
def test_keys_pressed_without_pause_break_nothing(page: Page, app_url: str, path: str) -> None:
    open_page(page, f"{app_url}/{path}")
    expect(page.locator(f"{THUMBS}, {SELECTS}").first).to_be_attached()  # a fragment's come after the first run
    assert _hammer(page) > 0
    wait_idle(page)
    expect(page.locator(FAILED)).to_have_count(0)
    shown = page.evaluate(SHOWN)
    again = page.context.new_page()
    open_page(again, page.url)  # the address at the end opens the same view
    expect(again.locator(THUMBS)).to_have_count(page.locator(THUMBS).count())
    expect(again.locator(SELECTED)).to_have_count(page.locator(SELECTED).count())
    expect(again.locator(FAILED)).to_have_count(0)
    assert again.evaluate(SHOWN) == shown
