"""What a person sees of the charts, measured in the browser (issue 19), shared by the browser tests: how much of the
screen the map's provinces fill, and every chart text that its chart's edge cuts or that overlaps another text.

The same overlap rule (`overlaps`) checks the text boxes of the exports: a slide image's SVG, and the lines of the
deck's and the brief's PDF (`pdf_text_problems`, in tests/exports)."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

OVERLAP_PX = 3  # two texts may touch (anti-aliasing, a descender over the next line's cap height), not overlap more
EDGE_PX = 1  # a text may reach its chart's edge by a pixel of anti-aliasing

# The drawn box of the map's province shapes (the first plotly chart shown on the page: in present mode the page
# holds the map twice, one of them hidden by the screen's width), and the viewport.
_MAP_BOX = """() => {
  const gd = [...document.querySelectorAll('.js-plotly-plot')].find(el => el.getBoundingClientRect().width > 0);
  if (!gd) return null;
  let top = Infinity, bottom = -Infinity, left = Infinity, right = -Infinity;
  for (const path of gd.querySelectorAll('.choroplethlayer path.choroplethlocation')) {
    const b = path.getBoundingClientRect();
    if (!b.width || !b.height) continue;
    top = Math.min(top, b.top); bottom = Math.max(bottom, b.bottom);
    left = Math.min(left, b.left); right = Math.max(right, b.right);
  }
  return {top, bottom, left, right, viewport_height: innerHeight, viewport_width: innerWidth};
}"""

# Every visible text element of every plotly chart: its chart, its box and its text (hover labels left out: they
# are drawn over the chart on purpose, and only while a pointer rests on it).
_TEXTS = """() => {
  const out = [];
  const shown = [...document.querySelectorAll('.js-plotly-plot')].filter(gd => gd.getBoundingClientRect().width);
  shown.forEach((gd, chart) => {  // numbered among the charts shown (present mode holds a hidden copy of some)
    const c = gd.getBoundingClientRect();
    if (!c.width || !c.height) return;
    for (const el of gd.querySelectorAll('svg text')) {
      if (el.closest('.hoverlayer')) continue;
      const text = (el.textContent || '').trim();
      if (!text) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') continue;
      const b = el.getBoundingClientRect();
      if (!b.width || !b.height) continue;
      out.push({chart, text, left: b.left, top: b.top, right: b.right, bottom: b.bottom,
                chart_box: [c.left, c.top, c.right, c.bottom]});
    }
  });
  return out;
}"""


@dataclass(frozen=True)
class Box:
    text: str
    left: float
    top: float
    right: float
    bottom: float


def overlaps(a: Box, b: Box, limit: float = OVERLAP_PX) -> bool:
    """Whether two text boxes overlap by more than `limit` pixels both across and down."""
    across = min(a.right, b.right) - max(a.left, b.left)
    down = min(a.bottom, b.bottom) - max(a.top, b.top)
    return across > limit and down > limit


def overlapping(boxes: list[Box], limit: float = OVERLAP_PX) -> list[str]:
    """Each pair of texts that overlap, in words."""
    return [
        f"{a.text!r} overlaps {b.text!r}" for i, a in enumerate(boxes) for b in boxes[i + 1 :] if overlaps(a, b, limit)
    ]


def map_fill(page: Page) -> float:
    """The height of the map's provinces as drawn, as a share of the viewport's height; 0 when any of them lies off
    the first screen (the whole country must be on it)."""
    page.locator(".js-plotly-plot:visible path.choroplethlocation").first.wait_for()  # drawn after the figure
    box = page.evaluate(_MAP_BOX)
    assert box is not None and box["top"] != float("inf"), "no map on the page"
    on_screen = box["top"] >= 0 and box["bottom"] <= box["viewport_height"] and box["right"] <= box["viewport_width"]
    return (box["bottom"] - box["top"]) / box["viewport_height"] if on_screen else 0.0


def chart_text_problems(page: Page) -> list[str]:
    """Every text of a plotly chart on the page that its chart's edge cuts, or that overlaps another text of the same
    chart by more than OVERLAP_PX; empty when there is none."""
    problems: list[str] = []
    by_chart: dict[int, list[Box]] = {}
    for item in page.evaluate(_TEXTS):
        box = Box(item["text"], item["left"], item["top"], item["right"], item["bottom"])
        left, top, right, bottom = item["chart_box"]
        if (
            box.left < left - EDGE_PX
            or box.top < top - EDGE_PX
            or box.right > right + EDGE_PX
            or box.bottom > bottom + EDGE_PX
        ):
            problems.append(f"chart {item['chart']}: {box.text!r} is cut by the chart's edge")
        by_chart.setdefault(item["chart"], []).append(box)
    for chart, boxes in by_chart.items():
        problems += [f"chart {chart}: {p}" for p in overlapping(boxes)]
    return problems


_XHTML = "{http://www.w3.org/1999/xhtml}"


def pdf_text_problems(path: Path) -> list[str]:
    """Every line of text in a PDF (as poppler's `pdftotext -bbox-layout` boxes it, in points) that runs off its page
    or overlaps another line of the same page by more than OVERLAP_PX; empty when there is none."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], check=True, capture_output=True).stdout
    problems: list[str] = []
    for number, page in enumerate(ET.fromstring(out).iter(f"{_XHTML}page"), start=1):
        width, height = float(page.get("width", 0)), float(page.get("height", 0))
        lines = [
            Box(
                " ".join(word.text or "" for word in line.iter(f"{_XHTML}word")),
                *(float(line.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")),
            )
            for line in page.iter(f"{_XHTML}line")
        ]
        problems += [
            f"page {number}: {b.text!r} runs off the page"
            for b in lines
            if b.left < 0 or b.top < 0 or b.right > width or b.bottom > height
        ]
        problems += [f"page {number}: {p}" for p in overlapping(lines)]
    return problems
