"""The province profile's figures: the dimension radar, trends against the country, and the rank history."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

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
    """Year ticks a panel can hold: every year for a short span, every other or every third year for longer ones."""
    shown = years if len(years) <= 5 else years[::2] if len(years) <= 8 else years[::3]
    return {"tickmode": "array", "tickvals": shown, "ticktext": [str(y) for y in shown], "showgrid": False}


def trends_figure(
    panels: list[dict],
    *,
    lang: str,
    frame: Frame,
    province_name: str,
    columns: int = 4,
    vertical_legend: bool = False,
) -> dict:
    """Small multiples, one panel per metric: the province's line (gaps where no data; error bars where PAPI
    published an interval), the lines of the provinces it is compared with, the national mean and the 25th–75th
    percentile band. Each panel (see `trend_panel`): name, range (y limits), breaks (x of a change of definition,
    drawn as a dotted line) and parts, each drawn as its own lines: years, values (None = no data), low and high (the
    interval's ends, or None), mean, q25, q75, others ([(name, values)]). Every panel has its own y axis, so the 6–60
    and 8–80 totals are never on one axis, and no line crosses from one part to the next. With `vertical_legend`
    the legend lists one entry a line, so it never runs into the source line however narrow the screen."""
    cols = min(columns, len(panels))
    rows = math.ceil(len(panels) / cols)
    gap_x, gap_y = 0.05, 0.16 if rows > 1 else 0.0
    width = (1 - gap_x * (cols - 1)) / cols
    height = (1 - gap_y * (rows - 1)) / rows
    traces: list[dict] = []
    layout: dict = {}
    annotations = []
    shapes = []
    legend: set[str] = set()
    colours: dict[str, str] = {}

    def shown(name: str) -> bool:
        first = name not in legend
        legend.add(name)
        return first

    for i, panel in enumerate(panels):
        r, c = divmod(i, cols)
        axis = "" if i == 0 else str(i + 1)
        x0 = c * (width + gap_x)
        y1 = 1 - r * (height + gap_y)
        years = [y for part in panel["parts"] for y in part["years"]]
        layout[f"xaxis{axis}"] = {**_years_axis(years), "domain": [x0, x0 + width], "anchor": f"y{axis}"}
        if years:
            layout[f"xaxis{axis}"]["range"] = [min(years) - 0.5, max(years) + 0.5]
        layout[f"yaxis{axis}"] = {
            "domain": [y1 - height, y1],
            "anchor": f"x{axis}",
            "range": panel["range"],
            "gridcolor": GRID,
        }
        ref = {"xaxis": f"x{axis}", "yaxis": f"y{axis}"}
        for part in panel["parts"]:
            traces += _part_traces(part, ref, lang, province_name, shown, colours)
        for x in panel["breaks"]:
            shapes.append(
                {
                    "type": "line",
                    "xref": f"x{axis}",
                    "yref": f"y{axis} domain",
                    "x0": x,
                    "x1": x,
                    "y0": 0,
                    "y1": 1,
                    "line": {"color": ERA_BREAK, "dash": "dot", "width": 1},
                }
            )
        annotations.append(
            {
                "text": f"<b>{panel['name']}</b>",
                "xref": "paper",
                "yref": "paper",
                "x": x0,
                "y": y1 + 0.01,
                "xanchor": "left",
                "yanchor": "bottom",
                "align": "left",
                "showarrow": False,
                "font": {"size": 12},
            }
        )
    # A vertical legend needs a line per entry (and a little more than a wrapped one); a heading a line per <br>.
    legend_rows = len(legend) + 1 if vertical_legend else 1 + len(colours) // 3
    heading_lines = max((panel["name"].count("<br>") + 1 for panel in panels), default=1)
    height = 260 * rows + 170 + (27 * (legend_rows - 1) if vertical_legend else 0) + 17 * (heading_lines - 1)
    layout.update(
        base_layout(
            frame,
            lang,
            height=height,
            left=40,
            below=30,
            above=22 + 17 * (heading_lines - 1),
            legend="below",
            legend_rows=legend_rows,
        )
    )
    if vertical_legend:
        layout["legend"]["orientation"] = "v"
    layout["annotations"] = [*annotations, *layout["annotations"]]
    layout["shapes"] = shapes
    layout["hovermode"] = "closest"
    return {"data": traces, "layout": layout}


def _part_traces(
    part: dict, ref: dict, lang: str, province_name: str, shown: Callable[[str], bool], colours: dict[str, str]
) -> list[dict]:
    """The lines of one part of a panel: band, national mean, the provinces compared with, the province."""
    years = part["years"]
    band_name, mean_name = t("band_25_75", lang), t("national_mean", lang)
    traces = [
        {
            "type": "scatter",
            "x": [*years, *reversed(years)],
            "y": [*part["q75"], *reversed(part["q25"])],
            "fill": "toself",
            "fillcolor": BAND,
            "mode": "lines",
            "line": {"width": 0},
            "hoverinfo": "skip",
            "name": band_name,
            "legendgroup": "band",
            "showlegend": shown(band_name),
            **ref,
        },
        {
            "type": "scatter",
            "x": years,
            "y": part["mean"],
            "mode": "lines",
            "line": {"color": NATIONAL, "dash": "dash", "width": 1.5},
            "name": mean_name,
            "legendgroup": "mean",
            "showlegend": shown(mean_name),
            "hovertemplate": "%{x}: %{y:.2f}<extra>" + mean_name + "</extra>",
            **ref,
        },
    ]
    for name, values in part.get("others", []):
        colour = colours.setdefault(name, COMPARE[len(colours) % len(COMPARE)])
        traces.append(
            {
                "type": "scatter",
                "x": years,
                "y": values,
                "mode": "lines+markers",
                "connectgaps": False,
                "line": {"color": colour, "width": 1.8},
                "marker": {"size": 4},
                "name": name,
                "legendgroup": f"other-{name}",
                "showlegend": shown(name),
                "hovertemplate": "%{x}: %{y:.2f}<extra>" + name + "</extra>",
                **ref,
            }
        )
    mine: dict = {
        "type": "scatter",
        "x": years,
        "y": part["values"],
        "mode": "lines+markers",
        "connectgaps": False,  # a year without data is a gap, never a joined line
        "line": {"color": PROVINCE, "width": 2.5},
        "marker": {"size": 5},
        "name": province_name,
        "legendgroup": "province",
        "showlegend": shown(province_name),
        "hovertemplate": "%{x}: %{y:.2f}<extra>" + province_name + "</extra>",
        **ref,
    }
    if any(low is not None for low in part.get("low", [])):
        mine["error_y"] = {
            "type": "data",
            "symmetric": False,
            "array": [
                None if h is None or v is None else h - v for v, h in zip(part["values"], part["high"], strict=True)
            ],
            "arrayminus": [
                None if lo is None or v is None else v - lo for v, lo in zip(part["values"], part["low"], strict=True)
            ],
            "color": PROVINCE,
            "thickness": 1.5,
            "width": 4,
        }
        interval = t("interval_90", lang)
        mine["customdata"] = [
            "" if lo is None else f"<br>{interval}: {fmt_number(lo, lang)}–{fmt_number(h, lang)}"
            for lo, h in zip(part["low"], part["high"], strict=True)
        ]
        mine["hovertemplate"] = "%{x}: %{y:.2f}%{customdata}<extra>" + province_name + "</extra>"
    return [*traces, mine]


def rank_history_figure(
    history: pd.DataFrame,
    bands: pd.DataFrame,
    *,
    lang: str,
    frame: Frame,
    province_name: str,
    ranges: pd.DataFrame | None = None,
) -> dict:
    """The total's rank by year (1 at the top) over PAPI's four group bands; years without a rank are gaps. `ranges`
    (year, best, worst: papi_data.uncertainty.rank_ranges of this province) adds the plausible ranks as error bars in
    the years PAPI published intervals for."""
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
    plausible: dict[int, tuple[int, int]] = {}
    if ranges is not None:
        known = ranges[ranges["best"].notna()]
        plausible = {
            int(y): (int(b), int(w)) for y, b, w in zip(known["year"], known["best"], known["worst"], strict=True)
        }
    hover = [
        label + (f" · {t('plausibly', lang, best=plausible[y][0], worst=plausible[y][1])}" if y in plausible else "")
        for label, y in zip(labels, history["year"], strict=True)
    ]
    line: dict = {}
    if plausible:
        years_ranks = list(zip(history["year"], ranks, strict=True))
        line["error_y"] = {
            "type": "data",
            "symmetric": False,
            "array": [plausible[y][1] - r if y in plausible and r is not None else None for y, r in years_ranks],
            "arrayminus": [r - plausible[y][0] if y in plausible and r is not None else None for y, r in years_ranks],
            "color": PROVINCE,
            "thickness": 1.5,
            "width": 5,
        }
    traces.append(
        {
            **line,
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
            "customdata": hover,
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


Lines = Mapping[str, Mapping[int, float]]  # a column ("score", "mean", "ci90_low", …) → year → value


def total_panels(
    national: Lines,
    mine: Lines,
    years: list[int],
    lang: str,
    others: Sequence[tuple[str, Lines]] = (),
) -> list[dict]:
    """The total's two panels (2011–2017 on 6–60, 2018 on 8–80) for trends_figure; both frames hold only the total.
    The province's published 90% intervals (`mine`'s ci90_low and ci90_high, where PAPI published any) are drawn as
    error bars."""
    early = [y for y in years if y < EIGHT_DIMENSION_YEAR]
    late = [y for y in years if y >= EIGHT_DIMENSION_YEAR]
    return [
        trend_panel(f"{t('total', lang)} (6–60)", [trend_part(national, mine, early, others, intervals=True)]),
        trend_panel(f"{t('total', lang)} (8–80)", [trend_part(national, mine, late, others, intervals=True)]),
    ]


def metric_panel(
    national: Lines, mine: Lines, years: list[int], name: str, others: Sequence[tuple[str, Lines]] = ()
) -> dict:
    """One panel over `years` (a missing year stays None): see `trend_part`."""
    return trend_panel(name, [trend_part(national, mine, years, others)])


def segmented_panel(
    national: Lines, mine: Lines, parts: list[list[int]], name: str, others: Sequence[tuple[str, Lines]] = ()
) -> dict:
    """A sub-dimension's panel: one part per stretch of years on one definition and scale (ui.metrics.Metrics.
    segment_years), with a dotted line where it changes."""
    return trend_panel(name, [trend_part(national, mine, years, others) for years in parts])


def trend_part(
    national: Lines,
    mine: Lines,
    years: list[int],
    others: Sequence[tuple[str, Lines]] = (),
    intervals: bool = False,
) -> dict:
    """One stretch of years: `national` holds one metric's mean, q25, q75, min and max by year, `mine` the province's
    score (and ci90_low, ci90_high: the published intervals) by year, `others` (name, lines) the provinces compared
    with. A year without a value is None, never 0."""
    part = {
        "years": years,
        "values": _at(mine.get("score", {}), years),
        **{column: _at(national.get(column, {}), years) for column in ("mean", "q25", "q75", "min", "max")},
        "others": [(name, _at(lines.get("score", {}), years)) for name, lines in others],
    }
    if intervals and mine.get("ci90_low"):
        part["low"] = _at(mine["ci90_low"], years)
        part["high"] = _at(mine["ci90_high"], years)
    return part


def trend_panel(name: str, parts: list[dict]) -> dict:
    """A panel of one or more parts, its y range fitting every line and the national minimum and maximum."""
    spread = [
        v
        for part in parts
        for series in (part["values"], part["min"], part["max"], *(values for _, values in part["others"]))
        for v in series
        if v is not None
    ]
    spread += [v for part in parts for v in (*part.get("low", []), *part.get("high", [])) if v is not None]
    pad = 0.05 * (max(spread) - min(spread)) if spread else 1
    return {
        "name": name,
        "parts": parts,
        "breaks": [part["years"][0] - 0.5 for part in parts[1:] if part["years"]],
        "range": [min(spread) - pad, max(spread) + pad] if spread else [1, 10],
    }


def _at(values: Mapping[int, float], years: list[int]) -> list[float | None]:
    return [round(values[y], 4) if y in values else None for y in years]
