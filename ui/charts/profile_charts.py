"""The province profile's figures: the dimension radar, trends against the country, and the rank history."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from papi_data.schema import EIGHT_DIMENSION_YEAR, GROUPS
from ui.charts.frame import Frame, base_layout, footer_height, header_height
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

PANEL_PLOT_PX = 170  # the plot area of a small multiple
PANEL_FOOTER_CHARS = 40  # a footer line of a small multiple (about 230 px, a quarter of a wide page)
RADAR_FOOTER_CHARS = 60  # a footer line under the radar (a phone's width)


def radar_figure(
    axes: list[str],
    series: list[dict],
    *,
    lang: str,
    frame: Frame,
    height: int | None = None,
) -> dict:
    """A radar on the fixed 1–10 scale. Each series: name, values (None = no data, a gap), and a style key
    ("province", "compare", "national", "frontier", "other_year") that sets its look.

    A series with a gap is drawn as points only: a line or a filled shape would join the dimensions it has across
    the one it lacks, a polygon that PAPI's figures do not describe (Bắc Ninh 2022 has four of eight)."""
    frame = replace(frame, line_chars=RADAR_FOOTER_CHARS)
    traces = []
    compare_i = 0
    for s in series:
        values = list(s["values"])
        partial = None in values
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
                "mode": "markers" if partial else "lines+markers",
                "line": {"color": colour, "dash": dash, "width": width},
                "marker": {"size": (6 if style == "province" else 4) + (4 if partial else 0), "color": colour},
                "fill": "none" if partial else fill,
                "fillcolor": PROVINCE_FILL,
                "connectgaps": False,
                "text": [fmt_number(v, lang) for v in closed_r],
                "hovertemplate": "%{theta}: %{text}<extra>%{fullData.name}</extra>",
            }
        )
    layout = base_layout(
        frame,
        lang,
        height=height or 640 + 27 * len(series),
        left=frame.px(
            100
        ),  # the axis names are broken in two (radar_axis_label), so a phone's width still leaves a radar
        right=frame.px(100),
        below=30,
        legend="below",
        legend_rows=len(series),
    )
    layout["legend"]["orientation"] = "v"  # one entry a line: the plot between the axis names is narrow
    layout["polar"] = {
        "radialaxis": {"range": [1, 10], "tickvals": [2, 4, 6, 8, 10], "angle": 90, "tickangle": 90},
        "angularaxis": {"direction": "clockwise", "rotation": 90, "tickfont": {"size": frame.px(13)}},
    }
    return {"data": traces, "layout": layout}


RADAR_LABEL_LINE = 14  # characters: a longer short name is broken in two at a space
YEAR_TICKS = 5  # at most, so that a panel as narrow as a phone's holds them level


def radar_axis_label(code: str, short_name: str) -> str:
    """ "D3<br>Trách nhiệm<br>giải trình": the code on its own line and a long name on two keep the labels narrow,
    so they stay inside the chart and apart from each other on a phone too."""
    if len(short_name) > RADAR_LABEL_LINE and " " in short_name:
        words = short_name.split(" ")
        cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(short_name) / 2))
        short_name = " ".join(words[:cut]) + "<br>" + " ".join(words[cut:])
    return f"{code}<br>{short_name}"


def _years_axis(years: list[int]) -> dict:
    """Year ticks a small panel can hold level: every year, every second or every third, at most YEAR_TICKS."""
    shown = years[:: -(-len(years) // YEAR_TICKS)]
    return {
        "tickmode": "array",
        "tickvals": shown,
        "ticktext": [str(y) for y in shown],
        "tickangle": 0,
        "showgrid": False,
    }


def trend_panel_figure(panel: dict, *, lang: str, frame: Frame, province_name: str, height: int | None = None) -> dict:
    """One metric over the years, a small multiple: the province's line (gaps where no data), the national mean and
    the 25th–75th percentile band. `panel`: name, years, values (None = no data), mean, q25, q75, range (y limits).

    One figure per metric, so that the page lays the panels out in columns, which stack on a phone. Each has its own
    y axis, so the 6–60 and 8–80 totals are never on one axis; each carries its frame (the metric, the province, the
    source), so that a panel exported on its own still says what it shows. The page says once what the line, the
    dashes and the band are."""
    frame = replace(frame, line_chars=PANEL_FOOTER_CHARS)
    band_x = [*panel["years"], *reversed(panel["years"])]
    band_y = [*panel["q75"], *reversed(panel["q25"])]
    traces = [
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
        },
        {
            "type": "scatter",
            "x": panel["years"],
            "y": panel["mean"],
            "mode": "lines",
            "line": {"color": NATIONAL, "dash": "dash", "width": 1.5},
            "name": t("national_mean", lang),
            "hovertemplate": "%{x}: %{y:.2f}<extra>" + t("national_mean", lang) + "</extra>",
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
            "hovertemplate": "%{x}: %{y:.2f}<extra>" + province_name + "</extra>",
        },
    ]
    height = height or PANEL_PLOT_PX + header_height(frame) + footer_height(frame) + 30
    layout = base_layout(frame, lang, height=height, left=frame.px(40), below=frame.px(30))
    layout.update(
        xaxis=_years_axis(panel["years"]),
        yaxis={"range": panel["range"], "gridcolor": GRID},
        hovermode="closest",
    )
    return {"data": traces, "layout": layout}


def rank_history_figure(
    history: pd.DataFrame,
    bands: pd.DataFrame,
    *,
    lang: str,
    frame: Frame,
    province_name: str,
    height: int | None = None,
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
            "textfont": {"size": frame.px(11)},
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
            "font": {"size": frame.px(11), "color": FAINT},
        }
        for y in missing
    ]
    years = history["year"].tolist()
    layout = base_layout(frame, lang, height=height or 500, left=frame.px(50), below=frame.px(30), legend="below")
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
    """The total's two panels (2011–2017 on 6–60, 2018 on 8–80) for trend_panel_figure; both frames hold only the
    total."""
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
