"""The plans' status marks (ui.core.plan_status.STATUS_ICONS) are in the fonts that draw them. A mark the font lacks is
drawn from whichever font has it, at that font's size (◔ came out as a dot beside its label).

- On the page: Streamlit's text font, Source Sans 3, shipped with Streamlit and named first by its CSS.
- In the charts, slide images and the brief: Arial, which is Liberation Sans on the server, then any installed font; the
  app installs fonts-liberation2 and fonts-dejavu-core (`make chromium`).

Read with fontconfig (fc-query, fc-list), which Chromium uses to find its fallback fonts."""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
import streamlit
from PIL import ImageFont

from ui.core.plan_status import STATUS_ICONS

PAGE_FONT = next((Path(streamlit.__file__).parent / "static" / "static" / "media").glob("SourceSansVF-Upright*"))
INSTALLED = {"Liberation Sans", "DejaVu Sans"}  # the sans-serif families of the fonts the app installs


def _fontconfig(*args: str) -> str:
    assert shutil.which(args[0]), f"{args[0]} (fontconfig) is missing: Chromium needs it to find fonts"
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


@cache
def _code_points(font: Path) -> set[int]:
    """The code points `font` has a glyph for (fontconfig's charset: hexadecimal ranges, "20-7e a0-181 …")."""
    points: set[int] = set()
    for item in _fontconfig("fc-query", "--index=0", "--format=%{charset}", str(font)).split():
        first, _, last = item.partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


def _families_with(char: str) -> set[str]:
    listed = _fontconfig("fc-list", f":charset={ord(char):x}", "family")
    return {family for line in listed.splitlines() for family in line.split(",")}


@pytest.mark.parametrize("status", STATUS_ICONS)
def test_each_status_mark_is_in_the_fonts_that_draw_it(status: str) -> None:
    mark = STATUS_ICONS[status]
    assert ord(mark) in _code_points(PAGE_FONT), f"{mark} is not in {PAGE_FONT.name}"
    assert _families_with(mark) & INSTALLED, f"{mark} is in none of {sorted(INSTALLED)}"


def test_the_check_reads_the_fonts() -> None:
    """The reading itself: the page font has the letters the app writes and lacks the mark that came out as a dot."""
    page = _code_points(PAGE_FONT)
    assert {ord(c) for c in "Aađơư"} <= page and ord("◔") not in page
    assert _families_with("ư") >= INSTALLED


def test_pending_and_no_data_differ_in_shape_at_the_page_size() -> None:
    """○ (pending) and ◌ (no data) were two rings at 14 px: "no data" is now a flat bar, "pending" a ring, told apart
    by shape (their words say it too, and colour is never the only cue)."""
    font = ImageFont.truetype(str(PAGE_FONT), 14)  # Streamlit's text size
    left, top, right, bottom = font.getbbox(STATUS_ICONS["no_data"])
    assert right - left >= 2 * (bottom - top), "no data: a flat bar, at least twice as wide as tall"
    left, top, right, bottom = font.getbbox(STATUS_ICONS["pending"])
    assert abs((right - left) - (bottom - top)) <= 1, "pending: a ring, as tall as wide"
