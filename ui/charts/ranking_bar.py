"""The ranked bar chart beside the map: every province with data, best at the top, the plan provinces marked."""

from __future__ import annotations

import math

import pandas as pd

from ui.charts.common import CONTINUOUS_SCALE, FONT, GROUP_COLOURS, HIGHLIGHT_COLOUR, source_annotation, title
from ui.numbers import fmt_number


def ranking_figure(
    rows: pd.DataFrame,
    *,
    lang: str,
    heading: str,
    subtitle: str,
    colour_by_group: bool,
    highlight: set[str],
    height: int = 820,
) -> dict:
    """Horizontal bars in rank order. The axis starts just below the lowest score (scores sit in a narrow band of a
    wide scale), and the subtitle says so through the scale it names."""
    ranked = rows[rows["score"].notna()].sort_values(["rank", "code"])
    names = [
        f"<b>{name} ◀</b>" if code in highlight else name
        for code, name in zip(ranked["code"], ranked[f"name_{lang}"], strict=True)
    ]
    marker: dict = {
        "line": {
            "color": [HIGHLIGHT_COLOUR if c in highlight else "rgba(0,0,0,0)" for c in ranked["code"]],
            "width": 2,
        }
    }
    if colour_by_group:
        marker["color"] = [GROUP_COLOURS[g] for g in ranked["group"]]
    else:
        marker.update(color=ranked["score"].round(4).tolist(), colorscale=CONTINUOUS_SCALE)
    low = math.floor(ranked["score"].min() * 2) / 2 - 0.5 if len(ranked) else 0
    high = math.ceil(ranked["score"].max() * 2) / 2 + 0.5 if len(ranked) else 1
    return {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "x": ranked["score"].round(4).tolist(),
                "y": names,
                "marker": marker,
                "text": [fmt_number(s, lang) for s in ranked["score"]],
                "textposition": "outside",
                "textfont": {"size": 10},
                "cliponaxis": False,
                "hovertemplate": "%{y}: %{text}<extra></extra>",
                "hoverlabel": {"bgcolor": "#ffffff"},  # else plotly tries the numeric bar colour as a colour
                "customdata": ranked["code"].tolist(),
            }
        ],
        "layout": {
            "title": title(heading, subtitle),
            "font": FONT,
            "height": height,
            "margin": {"l": 10, "r": 40, "t": 80, "b": 50},
            "xaxis": {"range": [low, high], "showgrid": True, "gridcolor": "#eeeeee", "tickformat": ".0f"},
            "yaxis": {"autorange": "reversed", "tickfont": {"size": 10}, "automargin": True, "dtick": 1},
            "bargap": 0.25,
            "annotations": [source_annotation(lang, y=-0.04)],
            "separators": ",." if lang == "vi" else ".,",
            "plot_bgcolor": "#ffffff",
        },
    }
