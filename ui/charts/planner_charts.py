"""The target planner's chart: every province's score in the latest year, best first, coloured by group, the province
marked, the provinces it would pass outlined, and the score the goal needs as a line."""

from __future__ import annotations

import math

import pandas as pd

from ui.charts.frame import Frame, base_layout
from ui.charts.palette import CLEAR, GRID, GROUP_COLOURS, HIGHLIGHT, HOVER_BACKGROUND, PROVINCE, TARGET
from ui.core.i18n import t
from ui.core.numbers import fmt_number


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
    needs (None: none on the scale does)."""
    order = scores.sort_values(ascending=False, kind="stable")
    codes = list(order.index)
    colours = [PROVINCE if c == province else GROUP_COLOURS[str(groups[c])] for c in codes]
    outline = [HIGHLIGHT if c in passes else CLEAR for c in codes]
    labels = [f"<b>{names[c]}</b>" if c == province else str(names[c]) for c in codes]
    values = [round(float(v), 4) for v in order]
    top = max([*values, target or values[0]])
    bottom = min(values)
    pad = (top - bottom) * 0.08 or 0.5
    layout = base_layout(frame, lang, height=height or 480, left=frame.px(60), right=20, below=frame.px(110))
    layout["xaxis"] = {"tickangle": -60, "tickfont": {"size": frame.px(9)}, "type": "category"}
    layout["yaxis"] = {
        "range": [math.floor((bottom - pad) * 10) / 10, math.ceil((top + pad) * 10) / 10],
        "gridcolor": GRID,
        "title": {"text": t("planner_axis_score", lang)},
    }
    layout["bargap"] = 0.15
    if target is not None:
        layout["shapes"] = [
            {
                "type": "line",
                "xref": "paper",
                "x0": 0,
                "x1": 1,
                "y0": round(target, 4),
                "y1": round(target, 4),
                "line": {"color": TARGET, "width": 2, "dash": "dash"},
            }
        ]
        layout["annotations"].append(
            {
                "xref": "paper",
                "x": 1,
                "y": round(target, 4),
                "xanchor": "right",
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
                "x": labels,
                "y": values,
                "marker": {"color": colours, "line": {"color": outline, "width": 2}},
                "text": [fmt_number(v, lang) for v in values],
                "hovertemplate": "%{x}: %{text}<extra></extra>",
                "hoverlabel": {"bgcolor": HOVER_BACKGROUND},
                "textposition": "none",
            }
        ],
        "layout": layout,
    }
