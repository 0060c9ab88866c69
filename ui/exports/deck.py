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
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.text.text import TextFrame
from pptx.util import Emu, Pt

SLIDE_WIDTH, SLIDE_HEIGHT = Emu(12_192_000), Emu(6_858_000)  # 13.333 × 7.5 inches: 16:9
TITLE_ONLY_LAYOUT, BLANK_LAYOUT = 5, 6  # in python-pptx's default template
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
    """Each line in a box of its own, placed and sized for the 16:9 slide, with no autofit: the template's title
    placeholder held the app's and the page's names as two lines that LibreOffice drew over each other (its 4:3
    place, anchored at the bottom, with PowerPoint's shrink-on-overflow that LibreOffice does not apply)."""
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY_LAYOUT])  # type: ignore[attr-defined]
    heading = slide.shapes.title  # the slide's title, as a screen reader and the outline name it: the page
    heading.left, heading.top, heading.width, heading.height = _MARGIN, Emu(2_250_000), _TEXT_WIDTH, Emu(1_000_000)
    _fill(heading.text_frame, [title.page], Pt(40), bold=True)
    _fill(_box(slide, Emu(1_400_000), Emu(700_000)), [title.app], Pt(24))
    _fill(_box(slide, Emu(3_450_000), Emu(1_300_000)), [title.view, title.made], Pt(20))
    source = _box(slide, Emu(5_600_000), Emu(900_000))
    _fill(source, [plain(title.source), title.link], Pt(12))
    source.paragraphs[-1].runs[0].hyperlink.address = title.link
    slide.notes_slide.notes_text_frame.text = "\n".join([title.page, title.view, title.made, title.link])


_MARGIN = Emu(457_200)  # half an inch each side
_TEXT_WIDTH = SLIDE_WIDTH - 2 * _MARGIN


def _box(slide: object, top: Emu, height: Emu) -> TextFrame:
    """A text box the slide's width less its margins, from `top`, `height` tall."""
    return slide.shapes.add_textbox(_MARGIN, top, _TEXT_WIDTH, height).text_frame  # type: ignore[attr-defined]


def _fill(frame: TextFrame, lines: Sequence[str], size: Pt, bold: bool = False) -> None:
    """`lines` as paragraphs at `size`, wrapped in the box, the box never resized nor its text shrunk, anchored at
    its top (a viewer that measures the font differently then lets a line run down, never up into the box above)."""
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.text = lines[0]
    for line in lines[1:]:
        frame.add_paragraph().text = line
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT  # the title placeholder's own is centred
        for run in paragraph.runs:
            run.font.size = size
            run.font.bold = bold


def _chart_slide(prs: object, chart: ChartSlide) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[BLANK_LAYOUT])  # type: ignore[attr-defined]
    picture = slide.shapes.add_picture(io.BytesIO(chart.image), 0, 0, width=SLIDE_WIDTH, height=SLIDE_HEIGHT)
    words = [plain(chart.title), plain(chart.subtitle), chart.sentence, plain(chart.source), chart.link]
    picture._element.nvPicPr.cNvPr.set("descr", "\n".join(w for w in words if w))  # the alternative text
    picture.name = plain(chart.title)[:120] or "chart"
    if chart.link:
        picture.click_action.hyperlink.address = chart.link
    slide.notes_slide.notes_text_frame.text = "\n".join(w for w in words if w)
