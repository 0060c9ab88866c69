"""The ranking beside the map: every province with data as a dot at its score, best at the top, the plan provinces
and the selected one marked.

A dot plot, not bars: scores sit in a narrow band of a wide scale, so bars from zero would all look the same length,
and bars cut short of zero would show lengths that are not the scores.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ui.charts.frame import Frame, base_layout, footer_height, header_height
from ui.charts.palette import CONTINUOUS_SCALE, FAINT, GRID, GROUP_COLOURS, HIGHLIGHT, HOVER_BACKGROUND, INK, WHITE
from ui.core.i18n import t
from ui.core.numbers import fmt_number

NAME_PX = 12  # the names and values on screen (18 px in present mode, the frame's smallest text)
ROW_EM = 1.45  # a province's row, in names' heights
FOOTER_CHARS = 50  # a footer line under the map (about 340 px: a phone's width)
NAME_EM = 0.62  # a province name's character width in ems (the longest, "Bà Rịa - Vũng Tàu ◀", in bold, fits)
BELOW = 30  # the score axis's tick labels


def names_margin(names: list[str], px: int) -> int:
    """The left margin that holds province names at `px` pixels. Set by the chart, not by plotly's automargin, which
    would move the plot area and with it a frame's footer (placed from the plot's left edge) out of the column."""
    return 10 + round(max((len(name) for name in names), default=0) * px * NAME_EM)


def ranking_figure(
    rows: pd.DataFrame,
    *,
    lang: str,
    frame: Frame,
    colour_by_group: bool,
    highlight: set[str],
    colour_range: tuple[float, float] | None = None,
    height: int | None = None,
    intervals: pd.DataFrame | None = None,
) -> dict:
    """Dots in rank order, coloured as the map colours them (`colour_range` as in choropleth.map_figure). The score
    axis spans `colour_range` when given, so that a dot keeps its place on the axis through a play-through. The
    column beside the map is narrow: the footer's lines are kept short. `height` (a canvas's) or a row per province;
    the names and values are as large as the frame's scale asks, but never taller than a row. `intervals`
    (province_code, ci90_low, ci90_high: the 90% intervals PAPI published for the year) are drawn as whiskers, where
    there are any; the values then go to the hover text, since the whiskers take the space beside the dots."""
    frame = replace(frame, line_chars=FOOTER_CHARS)
    ranked = rows[rows["score"].notna()].sort_values(["rank", "code"])
    chrome = BELOW + header_height(frame) + footer_height(frame)
    if frame.width is None or height is None:  # on a page, as tall as readable names need (the page scrolls)
        height = round(frame.px(NAME_PX) * ROW_EM * len(ranked)) + chrome
    row_px = (height - chrome) / max(len(ranked), 1)
    label_px = min(frame.px(NAME_PX), int(row_px / ROW_EM * 1.1))  # a slide's fixed height: names as large as fit
    shown = [
        f"{name} ◀" if code in highlight else name
        for code, name in zip(ranked["code"], ranked[f"name_{lang}"], strict=True)
    ]
    names = [f"<b>{name}</b>" if name.endswith("◀") else name for name in shown]
    layout = base_layout(frame, lang, height=height, left=names_margin(shown, label_px), right=40, below=BELOW)
    if colour_range is not None:
        low, high = colour_range
    else:
        low, high = (ranked["score"].min(), ranked["score"].max()) if len(ranked) else (0.0, 1.0)
    marker: dict = {
        "size": 9,
        "line": {"color": [HIGHLIGHT if c in highlight else WHITE for c in ranked["code"]], "width": 1.5},
    }
    if colour_by_group:
        marker["color"] = [GROUP_COLOURS[g] for g in ranked["group"]]
    else:
        marker.update(color=ranked["score"].round(4).tolist(), colorscale=CONTINUOUS_SCALE, cmin=low, cmax=high)
    whiskers: dict = {}
    hover = "%{y}: %{text}<extra></extra>"
    if intervals is not None and not intervals.empty:
        ends = intervals.set_index("province_code")
        lows, highs = ranked["code"].map(ends["ci90_low"]), ranked["code"].map(ends["ci90_high"])
        whiskers["error_x"] = {
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
        whiskers["hovertext"] = [
            "" if pd.isna(lo) else f"<br>{t('interval_90', lang)}: {fmt_number(lo, lang)}–{fmt_number(h, lang)}"
            for lo, h in zip(lows, highs, strict=True)
        ]
        whiskers["mode"] = "markers"
        hover = "%{y}: %{text}%{hovertext}<extra></extra>"
        low, high = min(low, lows.min(skipna=True)), max(high, highs.max(skipna=True))
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
                "textfont": {"size": label_px, "color": FAINT},
                "cliponaxis": False,
                "hovertemplate": hover,
                "hoverlabel": {"bgcolor": HOVER_BACKGROUND},  # else plotly tries the numeric marker colour as a colour
                "customdata": ranked["code"].tolist(),
                **whiskers,
            }
        ],
        "layout": {
            **layout,
            "xaxis": {"range": [low - pad, high + pad * 3], "showgrid": True, "gridcolor": GRID, "zeroline": False},
            "yaxis": {
                "autorange": "reversed",
                "tickfont": {"size": label_px},
                "automargin": False,
                "dtick": 1,
                "showgrid": True,
                "gridcolor": GRID,
            },
        },
    }
