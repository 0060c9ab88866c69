"""Quick hands break nothing (issue 19): keys pressed without pause on every slider, select and segmented control of
every page rerun it before the last run ended; no run may fail (on the page or in the server's log), and afterwards
the address must open what the page shows. And no page logs a console error or a failed request, in either language
(the pages with charts in English: tests/e2e/test_text_fit.py).
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from playwright.sync_api import Page, WebSocket, expect
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.e2e.conftest import open_page, server_log, wait_idle, watch

pytestmark = pytest.mark.e2e

PRESSES = 20
# Every page in the navigation's order, with the kinds of control pressed on it: each kind it has, but the language
# switch (the same segmented control on every page) only on the pages with no other (home and about are the cheapest
# to redraw). The explorer as the issue reproduced it: a metric, two regions and two groups chosen (its score range
# then has two thumbs).
PAGES = {
    "home": ("", {"select", "segmented"}),
    "map": ("ban-do", {"slider", "select", "segmented"}),
    "profile": ("ho-so-tinh", {"select", "multiselect"}),
    "plans": ("ke-hoach", {"select"}),
    "planner": ("dat-muc-tieu", {"select", "segmented"}),
    "explorer": (
        "kham-pha?metrics=total&regions=red_river_delta,southeast&groups=best,high_average",
        {"slider", "select", "multiselect", "segmented"},
    ),
    "about": ("gioi-thieu", {"segmented"}),
}
THUMBS = ':is([data-testid="stSlider"], [data-testid="stSelectSlider"]) input[type="range"]'
SEGMENTED = '[data-testid="stButtonGroup"]'  # st.segmented_control and st.pills (the app has no st.radio)
SELECTS = '[data-testid="stSelectbox"], [data-testid="stMultiSelect"]'
# The app's own error message, Streamlit's exception element, and the words of Streamlit's error page.
FAILED = '[data-testid="stException"], [data-testid="stAlertContentError"], :text("Ask Google"), :text("Traceback")'

# What every slider, select and segmented control shows: the state a person reads off the page.
SHOWN = f"""() => [
  ...[...document.querySelectorAll('{THUMBS}')].map(s => s.value),
  ...[...document.querySelectorAll('{SELECTS}')].map(w => [w.innerText, w.querySelector('input').value]),
  ...[...document.querySelectorAll('[role="radiogroup"]')].map(g =>
      [...g.querySelectorAll('[aria-checked="true"], input:checked')].map(b => b.closest('label, button').textContent)
  ),
]"""
SLIDER_KEYS = ["ArrowRight"] * (PRESSES // 2) + ["ArrowLeft"] * (PRESSES // 4) + ["ArrowRight"] * (PRESSES // 4)
SELECT_KEYS = ["ArrowDown", "Enter"] * (PRESSES // 4) + ["ArrowDown"] * (PRESSES // 2)  # 5 choices in 20 keys
SEGMENT_KEYS = ["ArrowRight", "Enter", "ArrowLeft", "Enter"] * (PRESSES // 4)  # arrows move, Enter chooses


class Kind(NamedTuple):
    """A kind of control: where to focus it, and the keys to press (back and forth, so that a control with two choices
    changes with every pair of keys)."""

    focus: str
    keys: list[str]


KINDS = {
    "slider": Kind(THUMBS, SLIDER_KEYS),
    "select": Kind('[data-testid="stSelectbox"] input', SELECT_KEYS),
    "multiselect": Kind('[data-testid="stMultiSelect"] input', SELECT_KEYS),
    "segmented": Kind(f'{SEGMENTED} [role="radio"]:first-child', SEGMENT_KEYS),
}


class Runs:
    """The runs the page asked for and the ones the server started and finished, read off Streamlit's websocket.
    Streamlit's frontend sends a changed widget's rerun at once but shows "running" only when the server starts it,
    so right after a key the page can look idle with a run still to come."""

    def __init__(self, page: Page) -> None:
        self.events: list[str] = []
        self.socket: WebSocket | None = None
        page.on("websocket", self._watch)

    def _watch(self, socket: WebSocket) -> None:
        self.socket = socket
        socket.on("close", lambda _socket: self.events.append("closed"))  # a fatal error, say, disables every widget
        socket.on("framesent", self._sent)
        socket.on("framereceived", self._received)

    def _sent(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes) and BackMsg.FromString(payload).WhichOneof("type") == "rerun_script":
            self.events.append("asked")

    def _received(self, payload: str | bytes) -> None:
        message = ForwardMsg.FromString(payload) if isinstance(payload, bytes) else ForwardMsg()
        if message.WhichOneof("type") == "new_session":
            self.events.append("started")
        elif message.WhichOneof("type") == "script_finished":
            early = message.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN
            self.events.append("stopped" if early else "finished")

    def settled(self) -> bool:
        """A run started after the last one asked for, and finished whole (nothing asked since)."""
        since = self.events[len(self.events) - self.events[::-1].index("asked") :] if "asked" in self.events else []
        return "started" in since and since[-1] == "finished"

    def wait(self, page: Page) -> None:
        wait_idle(page)
        while not self.settled():
            assert self.socket is not None
            self.socket.wait_for_event("framereceived")  # each frame may be the run's end; the timeout fails the test
        wait_idle(page)


def _hammer(page: Page, kinds: set[str]) -> None:
    """Press 20 keys without pause on the page's last control of each kind in `kinds` (the page's own controls come
    after the sidebar's; a segmented control, pressed last, may change which controls the page has)."""
    for name, kind in KINDS.items():
        if name not in kinds:
            continue
        control = page.locator(kind.focus).last
        # Drawn (a page may draw a section after its run's end) and enabled (the map disables its controls while it
        # plays through the years; Streamlit's frontend disables every widget while it is not connected).
        expect(control).to_be_enabled()
        control.focus()
        for key in kind.keys:
            page.keyboard.press(key)
        page.keyboard.press("Escape")  # a select's list closes


@pytest.mark.parametrize(("path", "kinds"), PAGES.values(), ids=PAGES.keys())
def test_keys_pressed_without_pause_break_nothing(page: Page, app_url: str, path: str, kinds: set[str]) -> None:
    log = server_log(app_url)
    logged = log.stat().st_size
    problems = watch(page)
    runs = Runs(page)
    open_page(page, f"{app_url}/{path}")
    try:
        _hammer(page, kinds)
    except AssertionError as timed_out:  # a control that never came back: say what the page and its websocket saw
        raise AssertionError(f"{timed_out}\npage: {problems}\nwebsocket: {runs.events}") from None
    runs.wait(page)
    expect(page.locator(FAILED)).to_have_count(0)
    shown = page.evaluate(SHOWN)
    again = page.context.new_page()
    problems += watch(again)
    open_page(again, page.url)  # the address at the end opens the same view
    for controls in (THUMBS, SELECTS, SEGMENTED):
        expect(again.locator(controls)).to_have_count(page.locator(controls).count())
    expect(again.locator(FAILED)).to_have_count(0)
    assert again.evaluate(SHOWN) == shown
    assert problems == []
    with log.open(encoding="utf-8") as text:
        text.seek(logged)
        assert "Traceback" not in text.read()


def test_no_page_logs_a_console_error_in_english(page: Page, app_url: str) -> None:
    """Each page without a chart opened afresh in English (a first load is when Streamlit's frontend looks for the
    server); the pages with charts are opened so in both languages and modes by tests/e2e/test_text_fit.py, which
    watches them the same way, and in Vietnamese by the test above."""
    problems = watch(page)
    for path in ("", "gioi-thieu"):
        open_page(page, f"{app_url}/{path}?lang=en")
        expect(page.locator('[data-testid="stButtonGroup"] [aria-checked="true"]').first).to_have_text("English")
        expect(page.locator(FAILED)).to_have_count(0)
    assert problems == []
