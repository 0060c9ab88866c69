"""A chart as a slide image: built again by its own builder at 1920×1080 with slide-sized text (ui.charts.frame.SLIDE),
then rendered on the server by the shared browser, as PNG or SVG."""

from __future__ import annotations

from ui.charts.common import Chart
from ui.charts.frame import SLIDE
from ui.exports.renderer import ImageFormat, Renderer

WIDTH, HEIGHT = SLIDE.width or 1920, SLIDE.height or 1080
MIME = {"png": "image/png", "svg": "image/svg+xml"}


def slide_figure(chart: Chart) -> dict:
    """The chart's figure for a slide: the builder's own layout at the slide's size and text scale."""
    return chart.figure(SLIDE)


def slide_image(chart: Chart, fmt: ImageFormat, renderer: Renderer) -> bytes:
    return renderer.image(slide_figure(chart), fmt, WIDTH, HEIGHT)
