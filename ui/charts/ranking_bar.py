"""The ranked bar chart beside the map: every province with data, best at the top, the plan provinces marked."""

from __future__ import annotations

import math

import pandas as pd

from ui.charts.frame import Frame, base_layout
from ui.charts.palette import CLEAR, CONTINUOUS_SCALE, GRID, GROUP_COLOURS, HIGHLIGHT, HOVER_BACKGROUND, INK
from ui.i18n import t
from ui.numbers import fmt_number


def ranking_figure(
    rows: pd.DataFrame,
    *,
    lang: str,
    frame: Frame,
    colour_by_group: bool,
    highlight: set[str],
    height: int = 820,
    intervals: pd.DataFrame | None = None,
) -> dict:
    """Horizontal bars in rank order. The axis starts just below the lowest score (scores sit in a narrow band of a
    wide scale), and the subtitle says so through the scale it names. `intervals` (province_code, ci90_low,
    ci90_high: the 90% intervals PAPI published for the year) are drawn as error bars, where there are any."""
    ranked = rows[rows["score"].notna()].sort_values(["rank", "code"])
    bars: dict = {}
    hover = "%{y}: %{text}<extra></extra>"
    if intervals is not None and not intervals.empty:
        ends = intervals.set_index("province_code")
        lows = ranked["code"].map(ends["ci90_low"])
        highs = ranked["code"].map(ends["ci90_high"])
        bars["error_x"] = {
            "type": "data",
            "symmetric": False,
            "array": [None if pd.isna(h) else round(h - s, 4) for h, s in zip(highs, ranked["score"], strict=True)],
            "arrayminus": [
                None if pd.isna(lo) else round(s - lo, 4) for lo, s in zip(lows, ranked["score"], strict=True)
            ],
            "color": INK,
            "thickness": 1,
            "width": 2,
        }
        bars["hovertext"] = [
            "" if pd.isna(lo) else f"<br>{t('interval_90', lang)}: {fmt_number(lo, lang)}–{fmt_number(h, lang)}"
            for lo, h in zip(lows, highs, strict=True)
        ]
        hover = "%{y}: %{text}%{hovertext}<extra></extra>"
        bars |= {"textposition": "inside", "insidetextanchor": "end"}  # the whiskers take the space past the bar
    names = [
        f"<b>{name} ◀</b>" if code in highlight else name
        for code, name in zip(ranked["code"], ranked[f"name_{lang}"], strict=True)
    ]
    marker: dict = {
        "line": {
            "color": [HIGHLIGHT if c in highlight else CLEAR for c in ranked["code"]],
            "width": 2,
        }
    }
    if colour_by_group:
        marker["color"] = [GROUP_COLOURS[g] for g in ranked["group"]]
    else:
        marker.update(color=ranked["score"].round(4).tolist(), colorscale=CONTINUOUS_SCALE)
    lowest, highest = ranked["score"].min(), ranked["score"].max()
    if "error_x" in bars:
        lowest, highest = lows.fillna(ranked["score"]).min(), highs.fillna(ranked["score"]).max()
    low = math.floor(lowest * 2) / 2 - 0.5 if len(ranked) else 0
    high = math.ceil(highest * 2) / 2 + 0.5 if len(ranked) else 1
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
                "hovertemplate": hover,
                "hoverlabel": {"bgcolor": HOVER_BACKGROUND},  # else plotly tries the numeric bar colour as a colour
                "customdata": ranked["code"].tolist(),
                **bars,
            }
        ],
        "layout": {
            **base_layout(frame, lang, height=height, left=10, right=40, below=30),
            "xaxis": {"range": [low, high], "showgrid": True, "gridcolor": GRID, "tickformat": ".0f"},
            "yaxis": {"autorange": "reversed", "tickfont": {"size": 10}, "automargin": True, "dtick": 1},
            "bargap": 0.25,
        },
    }
