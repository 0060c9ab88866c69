"""A page's charts as a PowerPoint deck (python-pptx): a title slide (page, view, date, language, link, source), then
one 16:9 slide per chart.

Each chart slide is the chart's slide image (slides.py) filling the slide: the image carries the title, subtitle,
source line and link exactly as rendered by Chromium, so no font a viewer lacks can break the Vietnamese text or
push a line off the slide. The same words are also kept as text: the picture's alternative text, its click-through
link to the live view, and the slide's notes (title, subtitle, source, link), for screen readers, search and the
presenter's notes.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pptx import Presentation
from pptx.util import Emu, Pt

SLIDE_WIDTH, SLIDE_HEIGHT = Emu(12_192_000), Emu(6_858_000)  # 13.333 × 7.5 inches: 16:9
TITLE_LAYOUT, BLANK_LAYOUT = 0, 6  # in python-pptx's default template
TEMPLATE_WIDTH = Emu(9_144_000)  # that template's slide: 10 inches wide, 4:3
MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@dataclass(frozen=True)
class TitleSlide:
    """The first slide: what the deck shows and when it was made, in the reader's language."""

    app: str  # "Bảng điều khiển PAPI"
    page: str  # the page's name
    view: str  # the view in words: year, province…
    made: str  # "Tạo ngày 29/11/2026 · Tiếng Việt"
    link: str
    source: str


@dataclass(frozen=True)
class ChartSlide:
    image: bytes  # the slide image, PNG, 16:9
    title: str
    subtitle: str
    source: str
    link: str
    sentence: str = ""  # what the chart shows, in one sentence (ui/charts/sentences.py)


def plain(text: str) -> str:
    """Chart text (plotly's bits of HTML: <b>, <br>, &amp;) as plain text for a slide."""
    text = re.sub(r"<br\s*/?>", "\n", text)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def deck(title: TitleSlide, charts: Sequence[ChartSlide]) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    _title_slide(prs, title)
    for chart in charts:
        _chart_slide(prs, chart)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _title_slide(prs: object, title: TitleSlide) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_LAYOUT])  # type: ignore[attr-defined]
    heading, sub = slide.placeholders[0], slide.placeholders[1]
    for placeholder in (heading, sub):  # the template's places are for a 4:3 slide: widened to the 16:9 slide
        # Read all four first: setting one on a placeholder that inherits its place writes the other three as 0.
        left, top, width, height = placeholder.left, placeholder.top, placeholder.width, placeholder.height
        placeholder.left, placeholder.top = round(left * SLIDE_WIDTH / TEMPLATE_WIDTH), top
        placeholder.width, placeholder.height = round(width * SLIDE_WIDTH / TEMPLATE_WIDTH), height
    heading.text = f"{title.app}\n{title.page}"
    heading.text_frame.paragraphs[1].runs[0].font.size = Pt(32)
    sub.text = f"{title.view}\n{title.made}"
    box = slide.shapes.add_textbox(Emu(457_200), Emu(5_600_000), SLIDE_WIDTH - Emu(914_400), Emu(900_000))
    frame = box.text_frame
    frame.word_wrap = True
    frame.text = plain(title.source)
    link = frame.add_paragraph().add_run()
    link.text = title.link
    link.hyperlink.address = title.link
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(12)
    slide.notes_slide.notes_text_frame.text = "\n".join([title.page, title.view, title.made, title.link])


def _chart_slide(prs: object, chart: ChartSlide) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[BLANK_LAYOUT])  # type: ignore[attr-defined]
    picture = slide.shapes.add_picture(io.BytesIO(chart.image), 0, 0, width=SLIDE_WIDTH, height=SLIDE_HEIGHT)
    words = [plain(chart.title), plain(chart.subtitle), chart.sentence, plain(chart.source), chart.link]
    picture._element.nvPicPr.cNvPr.set("descr", "\n".join(w for w in words if w))  # the alternative text
    picture.name = plain(chart.title)[:120] or "chart"
    if chart.link:
        picture.click_action.hyperlink.address = chart.link
    slide.notes_slide.notes_text_frame.text = "\n".join(w for w in words if w)
