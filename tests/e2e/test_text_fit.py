"""No chart text cut or overlapping (issue 19, item 2): every page (the profile with its sections open) × four screen
sizes × both languages × normal and present mode, measured in Chromium with the shared rule of tests/e2e/geometry;
and none of these pages logs a console error or a failed request.

Cheap by construction: one browser context for the module, one navigation per (page, language, mode), and the four
sizes by resizing that page in turn (the tests run in order on one worker). After a resize the test waits until every
chart has been drawn again at its new width, read from plotly's own layout, never for a fixed time."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.conftest import Offline, offline_page, open_page, watch
from tests.e2e.geometry import chart_text_problems

pytestmark = pytest.mark.e2e

OPEN = ",".join(
    f"d{i}_{name}"
    for i, name in enumerate(
        [
            "participation",
            "transparency",
            "vertical_accountability",
            "control_of_corruption",
            "public_admin_procedures",
            "public_service_delivery",
            "environmental_governance",
            "e_governance",
        ],
        start=1,
    )
)
# Every page that draws a plotly chart (home and about draw none: their text is the page's own, which wraps).
PAGES = {
    "map": "ban-do",
    "profile": f"ho-so-tinh?province=01&open={OPEN}",
    "plans": "ke-hoach",
    "planner": "dat-muc-tieu?province=01",  # with a province, so that its chart is drawn
    # the explorer's three charts (its first view is a table)
    "explorer-scatter": "kham-pha?chart=scatter",
    "explorer-regions": "kham-pha?chart=regions",
    "explorer-slope": "kham-pha?chart=slope",
}
SIZES = [(1280, 720), (1024, 768), (1440, 900), (390, 844)]
LANGS = ("vi", "en")
MODES = ("normal", "present")
CASES = [
    pytest.param(name, lang, mode, size, id=f"{name}-{lang}-{mode}-{size[0]}x{size[1]}")
    for name in PAGES
    for lang in LANGS
    for mode in MODES
    for size in SIZES
]

# Resolves once the viewport has the wanted width, the page shows a chart (an empty page would pass unmeasured), every
# chart on the page is drawn at its element's width (a chart Streamlit has not mounted yet, or one plotly has not
# redrawn after the resize, keeps it waiting), and the charts' text boxes have stayed put for STABLE_FRAMES animation
# frames (plotly places legends and margins in later passes of a redraw); false after `limit` ms. Polled inside the
# page: the server's CSP forbids Playwright's wait_for_function.
STABLE_FRAMES = 6
SETTLED = """async ([width, limit, stable]) => {
  const start = performance.now();
  const holders = () => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  const drawn = () => holders().length > 0 && holders().every(holder => {
    const gd = holder.querySelector('.js-plotly-plot');
    if (!gd || !gd._fullLayout || !gd.querySelector('.main-svg')) return false;
    const shown = gd.getBoundingClientRect().width;
    return !shown || Math.abs(gd._fullLayout.width - shown) <= 1;
  });
  const boxes = () => [...document.querySelectorAll('.js-plotly-plot svg text')].map(el => {
    const b = el.getBoundingClientRect();
    return `${Math.round(b.left)},${Math.round(b.top)},${Math.round(b.right)},${Math.round(b.bottom)}`;
  }).join(';');
  let last = null, same = 0;
  while (same < stable) {
    if (performance.now() - start > limit) return false;
    await new Promise(resolve => requestAnimationFrame(resolve));
    const now = innerWidth === width && drawn() ? boxes() : null;
    same = now !== null && now === last ? same + 1 : 0;
    last = now;
  }
  return true;
}"""


@pytest.fixture(scope="module")
def screen(browser: Browser, app_url: str) -> Iterator[Page]:
    """One page for the module (`_shown` remembers the address it has open, so the sizes of a view share a load)."""
    yield from offline_page(browser, app_url, Offline(), viewport=SIZES[0])


@pytest.fixture(scope="module")
def logged(screen: Page) -> list[str]:
    """The console errors and failed requests of every chart page in both languages and modes (each case starts it
    afresh): tests/e2e/test_quick_keys.py opens only the pages without a chart in English."""
    return watch(screen)


_shown: dict[str, str] = {}


def _address(app_url: str, name: str, lang: str, mode: str) -> str:
    path = PAGES[name]
    return f"{app_url}/{path}{'&' if '?' in path else '?'}lang={lang}" + ("&present=1" if mode == "present" else "")


@pytest.mark.parametrize(("name", "lang", "mode", "size"), CASES)
def test_no_chart_text_is_cut_or_overlaps(
    screen: Page, logged: list[str], app_url: str, name: str, lang: str, mode: str, size: tuple[int, int]
) -> None:
    logged.clear()  # what an earlier case's page logged is that case's
    address = _address(app_url, name, lang, mode)
    width, height = size
    if _shown.get("address") != address:
        screen.set_viewport_size({"width": width, "height": height})
        open_page(screen, address)
        _shown["address"] = address
    else:
        screen.set_viewport_size({"width": width, "height": height})
    assert screen.evaluate(SETTLED, [width, 20_000, STABLE_FRAMES]), "the charts were not drawn again at the new width"
    where = f"{name} {width}×{height} {lang} {mode}"
    assert screen.locator('[data-testid="stPlotlyChart"]').count() > 0, f"no chart on {where}"  # nothing measured
    problems = chart_text_problems(screen)
    if problems:  # a chart may have been still for a moment mid-redraw: look again after a longer stillness
        assert screen.evaluate(SETTLED, [width, 20_000, 10 * STABLE_FRAMES])
        problems = chart_text_problems(screen)
    assert not problems, f"{len(problems)} chart texts cut or overlapping on {where}:\n" + "\n".join(problems)
    assert logged == [], f"console errors or failed requests on {where}"
