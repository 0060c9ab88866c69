"""The frame every chart carries, so that a screenshot, a slide or a printout explains itself: the title and subtitle at
the top, the source line (with the boundary credit on a map) and the view's link at the bottom, and the fonts.

A chart drawn at a known width (a slide, the deck, the brief, a small multiple) holds its frame in its canvas. A chart
drawn at its page column's width (`Frame.on_page`) leaves it to the page, which draws it in HTML around the canvas
(`page_frame`), as Our World in Data, Datawrapper and the FT do: the server does not know the screen's width, and
plotly's text never wraps, so a frame wrapped for a wide column was cut on a phone or beside the sidebar; HTML wraps
at any width. Its canvas then holds only the picture: axes, legend and annotations.

Everything is placed in pixels from the figure's edges: the title is anchored to the top of the figure, and the
footer lines sit a fixed number of pixels below the plot area (annotations can only be placed relative to the plot,
so they are shifted by the pixels the chart says it needs below it: axis labels, axis title). The margins are
computed from the lines the frame holds, so nothing is clipped and no chart tunes its own offsets.
"""

from __future__ import annotations

import html
import re
import textwrap
from dataclasses import dataclass, replace
from typing import Literal

from ui.charts.palette import CLEAR, FAINT, HOVER_BACKGROUND, INK, LEGEND_BACKGROUND, MUTED, WHITE
from ui.core.i18n import t

# A system font: plotly sizes legends and labels by measuring text, which goes wrong with a web font still loading.
FAMILY = "Arial, Helvetica, sans-serif"
TEXT_PX, TITLE_PX, SUBTITLE_PX, FOOTER_PX = 14, 20, 14, 11
LINE = 1.35  # line height, as a multiple of the font size
PAD = 12  # pixels between the figure's edge and the frame's text
GAP = 8  # pixels between the plot area (with what the chart needs below it) and the footer
LINK_WIDTH = 110  # characters per line of a long link at the screen's footer size (it wraps at "&")
CHAR_EM = 0.6  # a footer character's width in ems, a little over Arial's average so that a line never runs off
BOLD_EM = 0.65  # the same for the title's bold letters
# plotly draws a title of several lines anchored at its top this much (in ems) higher than a title of one line, so
# the first line would be cut by the figure's edge: such a title is padded down by as much.
MULTILINE_TITLE_SHIFT = 0.7

# Where a legend goes: none, right of the plot, in rows above or below it, or below it one entry a line ("column").
Legend = Literal["none", "right", "below", "above", "column"]


@dataclass(frozen=True)
class Frame:
    """What a chart says about itself. `source` is the source line (see `source_line`); `link` the address of the view
    (empty: none shown); `scale` enlarges every text, for a projector or a slide, and `min_px` is the smallest text
    it allows (present mode keeps every text at 18 px or more); `line_chars` the characters a footer line holds at
    the screen's size (fewer for a narrow chart: the ranking beside the map, a small multiple, so nothing runs off
    it); where `width` is known, a footer line is as long as the width holds."""

    title: str
    subtitle: str = ""
    source: str = ""
    link: str = ""
    scale: float = 1.0
    min_px: int = 0
    line_chars: int = LINK_WIDTH
    width: int | None = None  # the figure's width in pixels where it is known (a slide); else the page's column
    on_page: bool = False  # the page draws the frame around the canvas in HTML (`page_frame`), the canvas none of it
    beside: bool = False  # a wide canvas: the words beside the picture (see `words_beside`), not above and below it

    def px(self, size: float) -> int:
        """A text size of the screen chart (`size` pixels) at this frame's scale."""
        return max(round(size * self.scale), self.min_px)

    def with_link(self, link: str) -> Frame:
        return replace(self, link=link)


def source_line(citation: str, lang: str, with_map: bool = False) -> str:
    """ "Nguồn: PAPI 2024 — CECODES, RTA & UNDP, papi.org.vn" (the citation of the years shown, see
    papi_data.citation) and, on a map, the boundary credit on a line of its own."""
    return t("source_line", lang, citation=citation) + (f"<br>{t('geo_credit', lang)}" if with_map else "")


def accessible_name(frame: Frame, sentence: str = "") -> str:
    """What a screen reader says for a chart: its title and subtitle as plain text and, where the page has one, the
    sentence that says what the chart shows. static/browser.js puts it on the chart (role "figure", aria-label) from
    the figure's `layout.meta.accessible_name`, which base_layout sets; a page with a sentence for a chart sets
    `figure["layout"]["meta"]["accessible_name"] = accessible_name(frame, sentence)`."""
    parts = [frame.title, frame.subtitle.replace("<br>", " "), sentence]
    text = ". ".join(" ".join(html.unescape(_TAGS.sub("", part)).split()) for part in parts if part)
    return text.replace("..", ".")


_TAGS = re.compile(r"<[^>]+>")


def _lines(text: str) -> int:
    return text.count("<br>") + 1 if text else 0


def _line_width(frame: Frame) -> int:
    """Characters a footer line holds: what the figure's width holds where it is known, else `line_chars` at the
    screen's size (fewer when the footer's text is larger)."""
    if frame.width is not None:
        return int((frame.width - 2 * PAD) / (frame.px(FOOTER_PX) * CHAR_EM))
    return frame.line_chars * FOOTER_PX // frame.px(FOOTER_PX)


def _link_text(frame: Frame) -> str:
    """The address, escaped for plotly's text, broken at "?" and "&", and a long list after its commas ("%2C"), into
    lines a chart can hold."""
    width = _line_width(frame)
    lines: list[str] = []
    for part in frame.link.replace("?", "?&", 1).split("&"):
        for i, piece in enumerate(_AFTER_COMMA.split(part)):
            joiner = "" if i or (lines and lines[-1].endswith("?")) else "&"
            if lines and len(lines[-1]) + len(piece) + len(joiner) <= width:
                lines[-1] += joiner + piece
            else:
                lines.append((joiner if lines else "") + piece)
    return "<br>".join(html.escape(line) for line in lines)


_AFTER_COMMA = re.compile(r"(?<=%2C)")


def wrapped(text: str, width: int) -> str:
    """Each line of `text` broken between words into lines of at most `width` characters."""
    return "<br>".join(
        "<br>".join(textwrap.wrap(line, width, break_long_words=False)) for line in text.split("<br>") if line
    )


def _source_text(frame: Frame) -> str:
    """The source line, broken into lines the chart can hold."""
    return wrapped(frame.source, _line_width(frame))


def _title_text(frame: Frame) -> str:
    """The title, broken into lines the figure's width holds where it is known (a small multiple, a slide); else as
    written (its column is wide)."""
    if frame.width is None:
        return frame.title
    return wrapped(frame.title, int((frame.width - 2 * PAD) / (frame.px(TITLE_PX) * BOLD_EM)))


def _subtitle_text(frame: Frame) -> str:
    """The subtitle, broken into lines the chart can hold (its text is larger than the footer's, except where both are
    at the frame's smallest size: present mode)."""
    return wrapped(frame.subtitle, _line_width(frame) * frame.px(FOOTER_PX) // frame.px(SUBTITLE_PX))


def header_height(frame: Frame) -> int:
    """Pixels the title and subtitle take above the plot area."""
    if frame.on_page:
        return PAD
    title = _lines(_title_text(frame)) * frame.px(TITLE_PX) * LINE
    subtitle = _lines(_subtitle_text(frame)) * frame.px(SUBTITLE_PX) * LINE
    return round(_title_pad(frame) + title + subtitle + 2 * GAP)


def _title_pad(frame: Frame) -> int:
    """Pixels between the figure's top edge and its title (see MULTILINE_TITLE_SHIFT)."""
    return PAD + (round(MULTILINE_TITLE_SHIFT * frame.px(TITLE_PX)) if _lines(_title_text(frame)) > 1 else 0)


def footer_height(frame: Frame) -> int:
    """Pixels the source line and the link take below what the chart needs under its plot area."""
    if frame.on_page:
        return PAD
    link = _link_text(frame) if frame.link else ""
    lines = _lines(_source_text(frame)) + _lines(link)
    return round(GAP + lines * frame.px(FOOTER_PX) * LINE + PAD) if lines else PAD


def base_layout(
    frame: Frame,
    lang: str,
    *,
    height: int,
    left: int = 50,
    right: int = 20,
    below: int = 40,
    above: int = 0,
    legend: Legend = "none",
    legend_rows: int = 1,
) -> dict:
    """The layout every figure starts from: `height` in pixels, `left`/`right` margins, and the pixels the chart needs
    under its plot area (`below`: tick labels, axis title) and over it (`above`: panel names). A legend is placed to
    the right of the plot, or in `legend_rows` rows above or below it (in pixels too), or below it in a column of
    `legend_rows` entries. Charts add their axes, shapes and annotations to it. A frame drawn on the page
    (`Frame.on_page`) leaves the title and the footer out, and puts a legend meant for the right in rows above."""
    if frame.on_page and legend == "right":  # a column beside the plot takes a width the page may not have (a phone)
        legend = "above"
    head = header_height(frame) + above
    rows = legend in ("below", "above") and not frame.on_page  # on the page: rows above the plot, as many as wrap
    legend_px = round(legend_rows * frame.px(TEXT_PX) * 1.9) if rows or legend == "column" else 0
    legend_below = legend_px if legend in ("below", "column") else 0
    foot = footer_height(frame)
    layout: dict = {
        **({} if frame.on_page else {"title": _title(frame)}),
        "font": {"family": FAMILY, "size": frame.px(TEXT_PX), "color": INK},
        "height": height,
        "margin": {
            "l": left,
            "r": right,
            "t": head + (legend_px if legend == "above" else 0),
            "b": below + legend_below + foot,
            "autoexpand": True,
        },
        "annotations": [] if frame.on_page else _footer(frame, left=left, below=below + legend_below),
        "separators": ",." if lang == "vi" else ".,",
        "paper_bgcolor": WHITE,
        "plot_bgcolor": WHITE,
        "hoverlabel": {"bgcolor": HOVER_BACKGROUND, "font": {"family": FAMILY, "size": frame.px(TEXT_PX)}},
        "showlegend": legend != "none",
        "meta": {"accessible_name": accessible_name(frame)},
    }
    if legend == "right":
        layout["legend"] = {"x": 1.01, "xanchor": "left", "y": 1, "yanchor": "top", "bgcolor": LEGEND_BACKGROUND}
    elif legend != "none":
        layout["legend"] = {"orientation": "v" if legend == "column" else "h", "x": 0, "xanchor": "left"}
        layout["legend"].update(bgcolor=CLEAR, **_legend_place(frame, legend, height, head, foot + legend_px))
    return layout


def _legend_place(frame: Frame, legend: Legend, height: int, head: int, from_bottom: int) -> dict:
    """Where a legend above or below the plot goes: in a canvas with its frame, in pixels from the top, between the
    header and the plot or between the plot and the footer. In a canvas without it (`Frame.on_page`) rows go on the
    plot's top edge, in paper coordinates, so that plotly's margin autoexpand makes room for as many rows as the
    legend wraps to at the width the page gives it (below the plot, it would wrap into the axis's labels); a column
    below the plot keeps its place at the canvas's bottom edge, on the page at whatever height the page gives the
    canvas (the radar's follows its column's width: ui/core/app.css)."""
    if frame.on_page and legend in ("below", "above"):
        return {"y": 1, "yref": "paper", "yanchor": "bottom"}
    if frame.on_page and legend == "column":
        return {"y": 0, "yref": "container", "yanchor": "bottom"}
    from_top = head if legend == "above" else height - from_bottom
    return {"y": 1 - from_top / height, "yref": "container", "yanchor": "top"}


def _title(frame: Frame) -> dict:
    """The title and subtitle in the canvas, anchored to its top edge."""
    title: dict = {
        "text": f"<b>{_title_text(frame)}</b>",
        "x": 0,
        "xref": "container",
        "xanchor": "left",
        "y": 1,
        "yref": "container",
        "yanchor": "top",
        "pad": {"t": _title_pad(frame), "l": PAD},
        "font": {"size": frame.px(TITLE_PX), "color": INK},
    }
    if frame.subtitle:
        title["subtitle"] = {"text": _subtitle_text(frame), "font": {"size": frame.px(SUBTITLE_PX), "color": MUTED}}
    return title


def _footer(frame: Frame, *, left: int, below: int) -> list[dict]:
    """The source line, then the link, from the figure's left edge, `below` + GAP pixels under the plot area."""
    texts = [(_source_text(frame), FAINT), (_link_text(frame) if frame.link else "", MUTED)]
    out = []
    shift = below + GAP
    for text, colour in texts:
        if not text:
            continue
        out.append({**text_under_plot(text, frame.px(FOOTER_PX), colour, left=left, shift=shift), "name": "frame"})
        shift += round(_lines(text) * frame.px(FOOTER_PX) * LINE)
    return out


def text_under_plot(text: str, size: int, colour: str, *, left: int, shift: int) -> dict:
    """An annotation of `text` from the figure's left edge (`left`: the plot's left margin), `shift` pixels under the
    plot area."""
    return {
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0,
        "xanchor": "left",
        "yanchor": "top",
        "xshift": PAD - left,
        "yshift": -shift,
        "align": "left",
        "showarrow": False,
        "font": {"size": size, "color": colour},
    }


@dataclass(frozen=True)
class Canvas:
    """Where a chart is drawn: its height in pixels (None: the builder's own screen height), its width (None: the
    page's column) and the text scale; `on_page`: the page draws the chart's frame around it (see `Frame.on_page`).
    Charts are rebuilt for a canvas by their builder, never resized."""

    width: int | None = None
    height: int | None = None
    scale: float = 1.0
    min_px: int = 0
    on_page: bool = False
    beside: bool = False  # wide enough for the words beside the picture (see `words_beside`)

    def frame(self, frame: Frame) -> Frame:
        return replace(
            frame, scale=self.scale, min_px=self.min_px, width=self.width, on_page=self.on_page, beside=self.beside
        )


SCREEN = Canvas()
# Present mode: every chart fits a 1280×720 (and 1024×768) screen under the app's bar and the present toolbar, and no
# text is below 18 px.
PRESENT = Canvas(height=540, scale=1.3, min_px=18, beside=True)
# Present mode on a phone (a screen of 640 px or less): the same text, the words above and below the picture, which
# takes the screen's width; the figure's height is its builder's own. The server does not know the screen's width:
# a page draws the map and the radar on both canvases and the app's CSS shows the one that fits (ui/core/shell.chart).
PRESENT_PHONE = Canvas(scale=1.3, min_px=18)
PHONE_COLUMN_PX = 328  # the page's column on a 360 px phone: what a phone's chart wraps its words to
# A slide image: 1920×1080, text at 1.5× (the image is shown at about 1280 px wide on a projected slide).
SLIDE = Canvas(width=1920, height=1080, scale=1.5, min_px=16, beside=True)


def words_beside(layout: dict, x: float) -> None:
    """Move a figure's title, subtitle and footer into a column from `x` (a share of the plot's width) to the right
    edge, the title at the top and the footer at the bottom, so that the picture takes the figure's whole height (a
    wide canvas: present mode, a slide). The frame's lines must already be wrapped to that column's width."""
    layout["margin"].update(t=PAD, b=PAD)
    layout["title"].update(x=x, xref="paper", xanchor="left", pad={**layout["title"]["pad"], "l": 0})
    shift = 0
    for note in reversed([a for a in layout["annotations"] if a.get("name") == "frame"]):  # the link, then the source
        note.update(x=x, xshift=0, y=0, yanchor="bottom", yshift=shift)
        shift += round((note["text"].count("<br>") + 1) * note["font"]["size"] * LINE)


HTML_AFTER = 0.3  # the space under a paragraph of the page's frame, in ems


def page_frame(frame: Frame) -> tuple[str, str]:
    """The frame of a chart drawn on the page (`Frame.on_page`) as HTML: the title (bold) and the subtitle to go above
    its canvas, the source line and the view's link (small, muted) to go under it, at the frame's text sizes (present
    mode's 18 px and more), in the colours the canvas uses for them. The text is escaped; its lines stay broken where
    the frame breaks them ("<br>"), and HTML wraps them at any width."""
    head = _html_line(frame.title, frame.px(TITLE_PX), INK, bold=True)
    if frame.subtitle:
        head += _html_line(frame.subtitle, frame.px(SUBTITLE_PX), MUTED)
    foot = _html_line(frame.source, frame.px(FOOTER_PX), FAINT) if frame.source else ""
    if frame.link:
        link = html.escape(frame.link)
        foot += (
            f'<p style="{_html_style(frame.px(FOOTER_PX), MUTED)}overflow-wrap:anywhere">'
            f'<a href="{link}" style="color:{MUTED}">{link}</a></p>'
        )
    return f"<div>{head}</div>", f"<div>{foot}</div>" if foot else ""


def page_head_height(frame: Frame) -> int:
    """Pixels `page_frame`'s head takes above the canvas with its lines as the frame breaks them (none wraps on a
    wide screen): what a layout that must fit a screen's height with it leaves (present mode's radar)."""
    lines = [(frame.title, frame.px(TITLE_PX)), (frame.subtitle, frame.px(SUBTITLE_PX))]
    return sum(round(_lines(text) * px * LINE + px * HTML_AFTER) for text, px in lines if text)


def _html_line(text: str, px: int, colour: str, bold: bool = False) -> str:
    """A paragraph of plotly's text (plain text with "<br>" and a few tags) as escaped HTML."""
    lines = (html.escape(html.unescape(_TAGS.sub("", line)).strip()) for line in text.split("<br>"))
    weight = "font-weight:700;" if bold else ""
    return f'<p style="{_html_style(px, colour)}{weight}">{"<br>".join(line for line in lines if line)}</p>'


def _html_style(px: int, colour: str) -> str:
    return f"margin:0 0 {round(px * HTML_AFTER)}px 0;font-size:{px}px;line-height:{LINE};color:{colour};"
