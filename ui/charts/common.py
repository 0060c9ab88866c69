"""How a figure reaches the page: plotly's display config, and the figure handed over without a second validation.

The frame every chart carries is in ui/charts/frame.py, the colours in ui/charts/palette.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go

from ui.charts.frame import SCREEN, Canvas, Frame, accessible_name
from ui.core.strings.plotly import PLOTLY_VI

# plotly's number and date formats in Vietnamese (its own "vi" locale has the month and day names; no chart here shows
# dates): a decimal comma and a dot between thousands.
PLOTLY_LOCALES = {"vi": {"dictionary": PLOTLY_VI, "format": {"decimal": ",", "thousands": "."}}}


def plotly_config(filename: str, lang: str, base_url: str = "/") -> dict:
    """Display options: the toolbar's words and plotly's number formats in the reader's language (the dictionary goes
    with the config, so no locale file is fetched); `topojsonURL` points plotly at the app's own server so no
    request leaves it."""
    return {
        "displaylogo": False,
        "topojsonURL": f"{base_url.rstrip('/')}/app/static/topojson/",
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
        "locale": lang,
        "locales": {lang: PLOTLY_LOCALES[lang]} if lang in PLOTLY_LOCALES else {},
    }


class CheckedFigure(go.Figure):
    """A figure dict handed to st.plotly_chart as is.

    st.plotly_chart re-validates a plain dict property by property through plotly, which costs ~150 ms on the map
    (its province geometry); for a Figure it only calls to_dict(). The builders' dicts are validated once, in the
    unit tests (tests/unit/test_charts.py), not on every rerun. go.Figure's own __init__ is skipped on purpose: it
    copies plotly's default template (~3 ms a figure), and nothing but to_dict() is ever asked of this object.
    """

    def __init__(self, spec: dict):  # not calling go.Figure.__init__, see above
        self._spec = spec

    def to_dict(self) -> dict:
        return self._spec


@dataclass(frozen=True)
class Chart:
    """A chart as a recipe: a figure builder with its arguments bound (`functools.partial`) and the chart's frame, so
    the same chart can be built for the screen, present mode or a slide, each at its own size and text scale, rather
    than a screen figure being resized. Every builder in ui/charts takes `frame` and `height` keywords."""

    build: Callable[..., dict]
    frame: Frame
    # What the chart shows in one sentence (ui/charts/sentences.py): shown under it, and kept in the slide's notes.
    sentence: str = ""

    def figure(self, canvas: Canvas = SCREEN) -> dict:
        """A new figure for `canvas` (a page that draws a chart often keeps the figure in its own cache)."""
        frame = canvas.frame(self.frame)
        figure = self.build(frame=frame, height=canvas.height)
        if self.sentence:  # a screen reader hears what the chart shows, not only its title
            figure["layout"].setdefault("meta", {})["accessible_name"] = accessible_name(frame, self.sentence)
        if canvas.width is not None:
            figure["layout"]["width"] = canvas.width
        return figure
