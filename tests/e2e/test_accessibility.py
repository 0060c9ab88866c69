"""WCAG 2.1 AA as axe-core checks it (issue 19): every page in both languages, normal and in present mode, has no
serious or critical violation. axe-core is the npm package (package.json, installed by `make test`), injected into
the page; the context bypasses the app's Content-Security-Policy for that script only (the app's own are unchanged)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.conftest import wait_idle

pytestmark = pytest.mark.e2e

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", "ban-do", "ho-so-tinh", "ke-hoach", "dat-muc-tieu", "kham-pha", "gioi-thieu"]
# The page as a reader sees it once a run has ended: every transition at its end, and no element or block faded as
# Streamlit fades the last run's while a new run draws them again (the profile runs twice on a visit, its radar first:
# a caption faded by the second run failed the contrast check in full runs of the suite). Streamlit sets an opacity on
# its element and block containers only for that fade.
SETTLED = """*, *::before, *::after { transition: none !important; animation: none !important; }
[data-testid="stElementContainer"], [data-testid="stVerticalBlock"], [data-testid="stHorizontalBlock"],
[data-testid="stColumn"], [data-testid="stLayoutWrapper"] { opacity: 1 !important; }"""
LOOKS = 3  # a run during a check redraws elements under it: a real fault is still there on every look
SERIOUS = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .filter(v => v.impact === 'serious' || v.impact === 'critical')
  .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => `${n.target.join(' ')} ${n.html.slice(0, 300)}`)
    .join(' | ')}`)"""


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_no_serious_or_critical_violations(browser: Browser, app_url: str, path: str) -> None:
    script = AXE.read_text(encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 720}, bypass_csp=True)
    page = context.new_page()
    found = []
    try:
        for lang in ("vi", "en"):
            for present in (False, True):
                page.goto(f"{app_url}/{path}?lang={lang}" + ("&present=1" if present else ""))
                wait_idle(page)
                page.locator(".js-plotly-plot, [data-testid='stMarkdown']").first.wait_for()
                wait_idle(page)
                # Streamlit fades what is left from an earlier run until it is drawn again: axe would measure the
                # contrast of a fade nobody reads.
                expect(page.locator('[data-stale="true"]')).to_have_count(0)
                page.add_style_tag(content=SETTLED)
                page.evaluate(script)
                seen = page.evaluate(SERIOUS)
                for _look in range(LOOKS - 1):
                    if not seen:
                        break
                    wait_idle(page)
                    expect(page.locator('[data-stale="true"]')).to_have_count(0)
                    seen = page.evaluate(SERIOUS)
                found += [f"{path or 'home'} {lang}{' present' if present else ''}: {v}" for v in seen]
    finally:
        context.close()
    assert found == []
