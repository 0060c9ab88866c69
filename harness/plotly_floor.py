"""The floor a chart's redraw in the app is measured against: the same figures redrawn with Plotly.react in a bare
HTML page, in the same browser (bench/map.py, bench/profile.py)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import plotly
from playwright.sync_api import Browser, Route

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def react_floor(
    browser: Browser,
    figures: dict[str, dict],
    first: str,
    then: Sequence[str],
    *,
    size: tuple[int, int] = (800, 600),
    script: str = "",
    route: Callable[[Route], None] | None = None,
    ready: str | None = None,
) -> list[float]:
    """Milliseconds of each `Plotly.react` to the figures named in `then`, one after the other, once `first` is
    drawn with `Plotly.newPlot` (and the page's `ready` expression holds). `script` runs after plotly.js is loaded;
    `route` answers the page's requests (the page's own file is always served)."""
    width, height = size
    html = f"""<html><body><div id="f" style="width:{width}px;height:{height}px"></div>
<script>{PLOTLY_JS.read_text()}</script>
<script>const figs = {json.dumps(figures)};
{script}</script></body></html>"""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "floor.html"
        path.write_text(html, encoding="utf-8")
        page = browser.new_page()
        if route:
            page.route("**/*", route)
        page.goto(path.as_uri())
        page.evaluate("async (n) => { await Plotly.newPlot('f', figs[n].data, figs[n].layout); }", first)
        if ready:
            page.wait_for_function(ready)
        times = [
            page.evaluate(
                """async (n) => { const t = performance.now();
                   await Plotly.react('f', figs[n].data, figs[n].layout);
                   return performance.now() - t; }""",
                name,
            )
            for name in then
        ]
        page.close()
    return times
