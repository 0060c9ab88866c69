"""The target planner's chart: every province's score in the latest year, best at the top, coloured by group, the
province marked, the provinces it would pass outlined, and the score the goal needs as a line.

A bar a row with the province's name beside it, as the ranking beside the map: 63 names at a readable size need a row
each, and a column holds them at any width, where names under vertical bars ran into each other."""

from __future__ import annotations

import math

import pandas as pd

from ui.charts.frame import LINE, Frame, base_layout, footer_height, header_height
from ui.charts.palette import CLEAR, GRID, GROUP_COLOURS, HIGHLIGHT, HOVER_BACKGROUND, PROVINCE, TARGET
from ui.charts.ranking_bar import NAME_PX, ROW_EM, names_margin
from ui.core.i18n import t
from ui.core.numbers import fmt_number

BELOW = 50  # the score axis's tick labels and its title


def ladder_figure(
    scores: pd.Series,
    groups: pd.Series,
    names: pd.Series,
    *,
    province: str,
    target: float | None,
    passes: set[str],
    lang: str,
    frame: Frame,
    height: int | None = None,
) -> dict:
    """`scores` and `groups` by province code (the provinces with data), `names` by code; `target` the score the goal
    needs (None: none on the scale does). On a page the chart is as tall as a row per name needs (the page scrolls);
    on a canvas of known size (a slide) the names are as large as its height holds."""
    order = scores.sort_values(ascending=False, kind="stable")
    codes = list(order.index)
    colours = [PROVINCE if c == province else GROUP_COLOURS[str(groups[c])] for c in codes]
    outline = [HIGHLIGHT if c in passes else CLEAR for c in codes]
    shown = [f"{names[c]} ◀" if c == province else str(names[c]) for c in codes]
    labels = [f"<b>{name}</b>" if c == province else name for c, name in zip(codes, shown, strict=True)]
    values = [round(float(v), 4) for v in order]
    top = max([*values, target or values[0]])
    bottom = min(values)
    pad = (top - bottom) * 0.08 or 0.5
    above = round(frame.px(12) * LINE) + 4 if target is not None else 0  # the target line's label over the plot
    chrome = header_height(frame) + footer_height(frame) + above + frame.px(BELOW)
    if frame.width is None or height is None:
        height = round(frame.px(NAME_PX) * ROW_EM * len(codes)) + chrome
    label_px = min(frame.px(NAME_PX), int((height - chrome) / max(len(codes), 1) / ROW_EM * 1.1))
    layout = base_layout(
        frame,
        lang,
        height=height,
        left=names_margin(shown, label_px),
        right=20,
        below=frame.px(BELOW),
        above=above,
    )
    layout["yaxis"] = {
        "type": "category",
        "autorange": "reversed",
        "tickfont": {"size": label_px},
        "automargin": False,
    }
    layout["xaxis"] = {
        "range": [math.floor((bottom - pad) * 10) / 10, math.ceil((top + pad) * 10) / 10],
        "gridcolor": GRID,
        "title": {"text": t("planner_axis_score", lang)},
    }
    layout["bargap"] = 0.15
    if target is not None:
        x = round(target, 4)
        layout["shapes"] = [
            {
                "type": "line",
                "yref": "paper",
                "y0": 0,
                "y1": 1,
                "x0": x,
                "x1": x,
                "line": {"color": TARGET, "width": 2, "dash": "dash"},
            }
        ]
        layout["annotations"].append(
            {
                "yref": "paper",
                "y": 1,
                "x": x,
                "xanchor": "right" if x > sum(layout["xaxis"]["range"]) / 2 else "left",
                "yanchor": "bottom",
                "text": t("planner_target_line", lang, x=fmt_number(target, lang)),
                "showarrow": False,
                "font": {"color": TARGET, "size": frame.px(12)},
            }
        )
    return {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "y": labels,
                "x": values,
                "marker": {"color": colours, "line": {"color": outline, "width": 2}},
                "text": [fmt_number(v, lang) for v in values],
                "hovertemplate": "%{y}: %{text}<extra></extra>",
                "hoverlabel": {"bgcolor": HOVER_BACKGROUND},
                "textposition": "none",
            }
        ],
        "layout": layout,
    }
