"""The province profile's figures: the dimension radar, trends against the country, and the rank history."""

from __future__ import annotations

import math

import pandas as pd

from papi_data.schema import EIGHT_DIMENSION_YEAR, GROUPS
from ui.charts.frame import Frame, base_layout
from ui.charts.palette import (
    BAND,
    COMPARE,
    ERA_BREAK,
    FAINT,
    FRONTIER,
    GRID,
    GROUP_COLOURS,
    NATIONAL,
    PROVINCE,
    PROVINCE_FILL,
)
from ui.i18n import t
from ui.numbers import fmt_number


def radar_figure(
    axes: list[str],
    series: list[dict],
    *,
    lang: str,
    frame: Frame,
) -> dict:
    """A radar on the fixed 1–10 scale. Each series: name, values (None = no data, a gap), and a style key
    ("province", "compare", "national", "frontier", "other_year") that sets its look."""
    traces = []
    compare_i = 0
    for s in series:
        values = list(s["values"])
        closed_r = [*values, values[0]]
        closed_theta = [*axes, axes[0]]
        style = s["style"]
        if style == "compare":
            colour, dash, width, fill = COMPARE[compare_i % len(COMPARE)], "solid", 2, "none"
            compare_i += 1
        else:
            colour, dash, width, fill = {
                "province": (PROVINCE, "solid", 3, "toself"),
                "national": (NATIONAL, "dash", 2, "none"),
                "frontier": (FRONTIER, "dot", 2, "none"),
                "other_year": (PROVINCE, "dashdot", 2, "none"),
            }[style]
        traces.append(
            {
                "type": "scatterpolar",
                "r": closed_r,
                "theta": closed_theta,
                "name": s["name"],
                "mode": "lines+markers",
                "line": {"color": colour, "dash": dash, "width": width},
                "marker": {"size": 6 if style == "province" else 4},
                "fill": fill,
                "fillcolor": PROVINCE_FILL,
                "connectgaps": False,
                "text": [fmt_number(v, lang) for v in closed_r],
                "hovertemplate": "%{theta}: %{text}<extra>%{fullData.name}</extra>",
            }
        )
    layout = base_layout(
        frame,
        lang,
        height=640 + 27 * len(series),
        left=150,
        right=150,
        below=30,
        legend="below",
        legend_rows=len(series),
    )
    layout["legend"]["orientation"] = "v"  # one entry a line: the plot between the axis names is narrow
    layout["polar"] = {
        "radialaxis": {"range": [1, 10], "tickvals": [2, 4, 6, 8, 10], "angle": 90, "tickangle": 90},
        "angularaxis": {"direction": "clockwise", "rotation": 90, "tickfont": {"size": 13}},
    }
    return {"data": traces, "layout": layout}


def radar_axis_label(code: str, short_name: str) -> str:
    """ "D2<br>Công khai minh bạch": the code on its own line keeps the long names inside the chart."""
    return f"{code}<br>{short_name}"


def _years_axis(years: list[int]) -> dict:
    """Year ticks a panel can hold: every year for a short span, every third year for a long one."""
    shown = years if len(years) <= 8 else years[::3]
    return {"tickmode": "array", "tickvals": shown, "ticktext": [str(y) for y in shown], "showgrid": False}


def trends_figure(
    panels: list[dict],
    *,
    lang: str,
    frame: Frame,
    province_name: str,
) -> dict:
    """Small multiples, one panel per metric: the province's line (gaps where no data), the national mean and the
    25th–75th percentile band. Each panel: name, years, values (None = no data), mean, q25, q75, range (y limits).
    Every panel has its own y axis, so the 6–60 and 8–80 totals are never on one axis."""
    cols = min(4, len(panels))
    rows = math.ceil(len(panels) / cols)
    gap_x, gap_y = 0.05, 0.16 if rows > 1 else 0.0
    width = (1 - gap_x * (cols - 1)) / cols
    height = (1 - gap_y * (rows - 1)) / rows
    traces: list[dict] = []
    layout: dict = {}
    annotations = []
    for i, panel in enumerate(panels):
        r, c = divmod(i, cols)
        axis = "" if i == 0 else str(i + 1)
        x0 = c * (width + gap_x)
        y1 = 1 - r * (height + gap_y)
        layout[f"xaxis{axis}"] = {**_years_axis(panel["years"]), "domain": [x0, x0 + width], "anchor": f"y{axis}"}
        layout[f"yaxis{axis}"] = {
            "domain": [y1 - height, y1],
            "anchor": f"x{axis}",
            "range": panel["range"],
            "gridcolor": GRID,
        }
        ref = {"xaxis": f"x{axis}", "yaxis": f"y{axis}", "showlegend": i == 0}
        band_x = [*panel["years"], *reversed(panel["years"])]
        band_y = [*panel["q75"], *reversed(panel["q25"])]
        traces += [
            {
                "type": "scatter",
                "x": band_x,
                "y": band_y,
                "fill": "toself",
                "fillcolor": BAND,
                "mode": "lines",
                "line": {"width": 0},
                "hoverinfo": "skip",
                "name": t("band_25_75", lang),
                "legendgroup": "band",
                **ref,
            },
            {
                "type": "scatter",
                "x": panel["years"],
                "y": panel["mean"],
                "mode": "lines",
                "line": {"color": NATIONAL, "dash": "dash", "width": 1.5},
                "name": t("national_mean", lang),
                "legendgroup": "mean",
                "hovertemplate": "%{x}: %{y:.2f}<extra>" + t("national_mean", lang) + "</extra>",
                **ref,
            },
            {
                "type": "scatter",
                "x": panel["years"],
                "y": panel["values"],
                "mode": "lines+markers",
                "connectgaps": False,  # a year without data is a gap, never a joined line
                "line": {"color": PROVINCE, "width": 2.5},
                "marker": {"size": 5},
                "name": province_name,
                "legendgroup": "province",
                "hovertemplate": "%{x}: %{y:.2f}<extra>" + province_name + "</extra>",
                **ref,
            },
        ]
        annotations.append(
            {
                "text": f"<b>{panel['name']}</b>",
                "xref": "paper",
                "yref": "paper",
                "x": x0,
                "y": y1 + 0.01,
                "xanchor": "left",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 12},
            }
        )
    layout.update(base_layout(frame, lang, height=260 * rows + 170, left=40, below=30, above=22, legend="below"))
    layout["annotations"] = [*annotations, *layout["annotations"]]
    layout["hovermode"] = "closest"
    return {"data": traces, "layout": layout}


def rank_history_figure(
    history: pd.DataFrame,
    bands: pd.DataFrame,
    *,
    lang: str,
    frame: Frame,
    province_name: str,
) -> dict:
    """The total's rank by year (1 at the top) over PAPI's four group bands; years without a rank are gaps."""
    traces = []
    for group in GROUPS:
        part = bands[bands["group"] == group]
        traces.append(
            {
                "type": "bar",
                "x": part["year"].tolist(),
                "base": (part["first_rank"] - 0.5).tolist(),
                "y": (part["last_rank"] - part["first_rank"] + 1).tolist(),
                "marker": {"color": GROUP_COLOURS[group], "opacity": 0.22, "line": {"width": 0}},
                "name": t("group_" + group, lang),
                "hoverinfo": "skip",
                "width": 0.9,
            }
        )
    ranks = [None if pd.isna(r) else int(r) for r in history["rank"]]
    labels = [t("no_data", lang) if r is None else f"{r}/{n}" for r, n in zip(ranks, history["n"], strict=True)]
    traces.append(
        {
            "type": "scatter",
            "x": history["year"].tolist(),
            "y": ranks,
            "mode": "lines+markers+text",
            "connectgaps": False,
            "text": [lbl if r is not None else "" for lbl, r in zip(labels, ranks, strict=True)],
            "textposition": "top center",
            "textfont": {"size": 11},
            "line": {"color": PROVINCE, "width": 3},
            "marker": {"size": 8},
            "name": province_name,
            "customdata": labels,
            "hovertemplate": "%{x}: %{customdata}<extra></extra>",
        }
    )
    missing = [int(y) for y, r in zip(history["year"], ranks, strict=True) if r is None]
    annotations = [
        {
            "x": y,
            "y": 32,
            "text": t("no_data", lang),
            "showarrow": False,
            "textangle": -90,
            "font": {"size": 11, "color": FAINT},
        }
        for y in missing
    ]
    years = history["year"].tolist()
    layout = base_layout(frame, lang, height=500, left=50, below=30, legend="below")
    layout.update(
        barmode="overlay",
        xaxis={"tickmode": "array", "tickvals": years, "ticktext": [f"'{str(y)[2:]}" for y in years]},
        yaxis={"autorange": "reversed", "title": {"text": t("col_rank", lang)}, "range": [64, 0]},
        shapes=[
            {
                "type": "line",
                "x0": EIGHT_DIMENSION_YEAR - 0.5,
                "x1": EIGHT_DIMENSION_YEAR - 0.5,
                "y0": 0,
                "y1": 1,
                "yref": "paper",
                "line": {"color": ERA_BREAK, "dash": "dot", "width": 1},
            }
        ],
        annotations=[*annotations, *layout["annotations"]],
    )
    return {"data": traces, "layout": layout}


def total_panels(national: pd.DataFrame, mine: pd.DataFrame, years: list[int], lang: str) -> list[dict]:
    """The total's two panels (2011–2017 on 6–60, 2018 on 8–80) for trends_figure; both frames hold only the total."""
    early = [y for y in years if y < EIGHT_DIMENSION_YEAR]
    late = [y for y in years if y >= EIGHT_DIMENSION_YEAR]
    return [
        metric_panel(national, mine, early, f"{t('total', lang)} (6–60)"),
        metric_panel(national, mine, late, f"{t('total', lang)} (8–80)"),
    ]


def metric_panel(national: pd.DataFrame, mine: pd.DataFrame, years: list[int], name: str) -> dict:
    """One panel over `years` (a missing year stays None): `national` is one metric's rows of papi_data.stats.national,
    `mine` the same metric's rows of the province in the scores table. Plain dicts: this runs ten times a page run."""
    columns = ("mean", "q25", "q75", "min", "max")
    nat = {column: dict(zip(national["year"], national[column], strict=True)) for column in columns}
    own = dict(zip(mine["year"], mine["score"], strict=True))

    def series(values: dict) -> list[float | None]:
        return [None if pd.isna(values.get(y)) else round(float(values[y]), 4) for y in years]

    spread = [v for v in [*series(own), *series(nat["min"]), *series(nat["max"])] if v is not None]
    pad = 0.05 * (max(spread) - min(spread)) if spread else 1
    return {
        "name": name,
        "years": years,
        "values": series(own),
        "mean": series(nat["mean"]),
        "q25": series(nat["q25"]),
        "q75": series(nat["q75"]),
        "range": [min(spread) - pad, max(spread) + pad] if spread else [1, 10],
    }
