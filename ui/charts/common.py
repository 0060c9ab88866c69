"""What every chart shares: colours, the title with its subtitle, the source line, plotly's display config."""

from __future__ import annotations

import plotly.graph_objects as go

from papi_data.schema import GROUPS
from ui.i18n import t
from ui.strings.plotly import PLOTLY_VI

# Four groups, best to poor: a blue–orange scheme that stays distinct for the common colour-vision deficiencies.
GROUP_COLOURS = dict(zip(GROUPS, ["#08519c", "#6baed6", "#fdae6b", "#d94801"], strict=True))
NO_DATA_COLOUR = "#d4d4d4"
HIGHLIGHT_COLOUR = "#111111"
# ColorBrewer YlGnBu from its second step, light to dark: the lowest score pale yellow, the highest dark blue (darker =
# better, as the colour bar reads), colour-blind safe, no grey in it (grey means no data). Written out: plotly.js's
# own "YlGnBu" runs the other way (dark at the low end), so the best provinces came out near-white.
CONTINUOUS_SCALE = [
    [i / 7, colour]
    for i, colour in enumerate(["#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"])
]
# A system font: plotly sizes legends and labels by measuring text, which goes wrong with a web font still loading.
FONT = dict(family="Arial, Helvetica, sans-serif", size=14, color="#222222")


def title(text: str, subtitle: str | None = None) -> dict:
    """A chart title with its subtitle, so a screenshot says what, where and when."""
    out: dict = {"text": f"<b>{text}</b>", "x": 0, "xanchor": "left", "font": {"size": 20}}
    if subtitle:
        out["subtitle"] = {"text": subtitle, "font": {"size": 14, "color": "#555555"}}
    return out


def source_annotation(lang: str, with_map: bool = False, y: float = -0.02) -> dict:
    """The source line written into the figure itself (it survives a screenshot or a PNG export); a map's boundary
    credit on a line of its own, so that a narrow map does not cut it."""
    text = t("source_line", lang) + ("<br>" + t("geo_credit", lang) if with_map else "")
    return {
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": y,
        "xanchor": "left",
        "yanchor": "top",
        "showarrow": False,
        "font": {"size": 11, "color": "#666666"},
    }


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
