"""The ranking beside the map: every province with data as a dot at its score, best at the top, the plan provinces
and the selected one marked.

A dot plot, not bars: scores sit in a narrow band of a wide scale, so bars from zero would all look the same length,
and bars cut short of zero would show lengths that are not the scores.
"""

from __future__ import annotations

import pandas as pd

from ui.charts.common import CONTINUOUS_SCALE, FONT, GROUP_COLOURS, HIGHLIGHT_COLOUR, source_annotation, title
from ui.i18n import t
from ui.numbers import fmt_number

ROW_PX = 13  # height per province: the names stay readable at 10 px


def ranking_figure(
    rows: pd.DataFrame,
    *,
    lang: str,
    heading: str,
    subtitle: str,
    colour_by_group: bool,
    highlight: set[str],
    colour_range: tuple[float, float] | None = None,
) -> dict:
    """Dots in rank order, coloured as the map colours them (`colour_range` as in choropleth.map_figure). The score
    axis spans `colour_range` when given, so that a dot keeps its place on the axis through a play-through."""
    ranked = rows[rows["score"].notna()].sort_values(["rank", "code"])
    names = [
        f"<b>{name} ◀</b>" if code in highlight else name
        for code, name in zip(ranked["code"], ranked[f"name_{lang}"], strict=True)
    ]
    if colour_range is not None:
        low, high = colour_range
    else:
        low, high = (ranked["score"].min(), ranked["score"].max()) if len(ranked) else (0.0, 1.0)
    marker: dict = {
        "size": 9,
        "line": {"color": [HIGHLIGHT_COLOUR if c in highlight else "#ffffff" for c in ranked["code"]], "width": 1.5},
    }
    if colour_by_group:
        marker["color"] = [GROUP_COLOURS[g] for g in ranked["group"]]
    else:
        marker.update(color=ranked["score"].round(4).tolist(), colorscale=CONTINUOUS_SCALE, cmin=low, cmax=high)
    pad = (high - low) * 0.04
    return {
        "data": [
            {
                "type": "scatter",
                "mode": "markers+text",
                "x": ranked["score"].round(4).tolist(),
                "y": names,
                "marker": marker,
                "text": [fmt_number(s, lang) for s in ranked["score"]],
                "textposition": "middle right",
                "textfont": {"size": 9, "color": "#555555"},
                "cliponaxis": False,
                "hovertemplate": "%{y}: %{text}<extra></extra>",
                "hoverlabel": {"bgcolor": "#ffffff"},  # else plotly tries the numeric marker colour as a colour
                "customdata": ranked["code"].tolist(),
            }
        ],
        "layout": {
            "title": title(heading, subtitle),
            "font": FONT,
            "height": ROW_PX * len(ranked) + 140,
            "margin": {"l": 10, "r": 40, "t": 80, "b": 50},
            "xaxis": {
                "range": [low - pad, high + pad * 3],
                "showgrid": True,
                "gridcolor": "#eeeeee",
                "zeroline": False,
            },
            "yaxis": {
                "autorange": "reversed",
                "tickfont": {"size": 10},
                "automargin": True,
                "dtick": 1,
                "showgrid": True,
                "gridcolor": "#f3f3f3",
            },
            # The short source line, under the scores: the column beside the map is narrow.
            "annotations": [
                {
                    **source_annotation(lang, y=0),
                    "text": t("source_short", lang),
                    "x": 1,
                    "xanchor": "right",
                    "yshift": -30,
                }
            ],
            "separators": ",." if lang == "vi" else ".,",
            "plot_bgcolor": "#ffffff",
            "showlegend": False,
        },
    }
