"""How a figure reaches the page: plotly's display config, and the figure handed over without a second validation.

The frame every chart carries is in ui/charts/frame.py, the colours in ui/charts/palette.py."""

from __future__ import annotations

import plotly.graph_objects as go


def plotly_config(filename: str, base_url: str = "/") -> dict:
    """Display options; `topojsonURL` points plotly at the app's own server so no request leaves it."""
    return {
        "displaylogo": False,
        "topojsonURL": f"{base_url.rstrip('/')}/app/static/topojson/",
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
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
