"""The province profile's figures: the dimension radar, trends against the country, and the rank history."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

import pandas as pd

from papi_data.eras import split_by_set
from papi_data.store.schema import EIGHT_DIMENSION_YEAR, GROUPS
from ui.charts.frame import (
    GAP,
    LINE,
    PAD,
    PHONE_COLUMN_PX,
    TEXT_PX,
    TITLE_PX,
    Frame,
    base_layout,
    footer_height,
    header_height,
    page_head_height,
    text_under_plot,
    words_beside,
)
from ui.charts.palette import (
    BAND,
    COMPARE,
    ERA_BREAK,
    FAINT,
    FRONTIER,
    GRID,
    GROUP_COLOURS,
    INK,
    MUTED,
    NATIONAL,
    PROVINCE,
    PROVINCE_FILL,
)
from ui.core.i18n import t
from ui.core.numbers import fmt_number

PANEL_PLOT_PX = 170  # the plot area of a small multiple
PANEL_FOOTER_CHARS = 40  # a footer line of a small multiple (about 230 px, a quarter of a wide page)
RADAR_FOOTER_CHARS = 60  # a footer line under the radar (a phone's width)
LEGEND_LINE_PX = 27  # a line of a vertical legend


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
    present = frame.scale > 1 and frame.width is None  # present mode (a slide has a width)
    side = present and frame.beside  # the radar the screen's height, its words beside it
    frame = replace(frame, line_chars=RADAR_SIDE_CHARS if side else RADAR_FOOTER_CHARS)
    names = axes
    if present:  # the axes by their codes, the names listed beside or under the radar: labels around it take its room
        axes = [label.split("<br>")[0] for label in names]
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
    if present and not side:
        return {"data": traces, "layout": _radar_on_a_phone(frame, lang, names, len(series))}
    layout = base_layout(
        frame,
        lang,
        height=height or 640 + 27 * len(series),
        # the axis names are broken in two (radar_axis_label), so a phone's width still leaves a radar
        left=frame.px(100),
        right=frame.px(100),
        above=frame.px(20),  # the top axis name's two lines, inside the canvas when the height bounds the radar
        below=frame.px(50),  # the lowest axis name, in up to three lines, clear of the legend under it
        legend="column",  # one entry a line: the plot between the axis names is narrow
        legend_rows=len(series),
    )
    layout["polar"] = _polar(frame, len(axes))
    if side:
        _words_beside_radar(layout, frame, names, len(series), max(height or 0, PRESENT_RADAR_PX))
    return {"data": traces, "layout": layout}


RADAR_NAMES_PX = 40  # the top and the bottom axis names' room beyond the margins, once the circle takes the width


def radar_height_beyond_width(figure: dict) -> int:
    """The pixels a radar's canvas needs beyond its width for the circle to take the plot's whole width: the margins
    above and below (the legend's lines among them) less those beside, and the axis names' room. The page makes the
    canvas its column's width plus this (the server does not know that width: ui/core/app.css)."""
    margin = figure["layout"]["margin"]
    return int(margin["t"] + margin["b"] - margin["l"] - margin["r"] + RADAR_NAMES_PX)


def _polar(frame: Frame, n_axes: int) -> dict:
    """The radar's axes. The scale's numbers between the first two axes, under the shapes, so they never sit on a
    province's line."""
    return {
        "radialaxis": {
            "range": [1, 10],
            "tickvals": [2, 4, 6, 8, 10],
            "angle": 90 - 180 / n_axes,
            "tickangle": 90 - 180 / n_axes,
            "tickfont": {"size": frame.px(11), "color": FAINT},
            "layer": "below traces",
        },
        "angularaxis": {"direction": "clockwise", "rotation": 90, "tickfont": {"size": frame.px(13)}},
    }


PHONE_RADAR_PX = 250  # the radar's height in present mode on a phone: the narrowest phone's column less its codes


def _radar_on_a_phone(frame: Frame, lang: str, names: list[str], n_series: int) -> dict:
    """Present mode on a phone: the title above the radar, which takes the screen's width with its axes by their codes;
    under it the axes' names, one a line, then the legend and the footer. The figure is as tall as that needs."""
    frame = replace(frame, width=PHONE_COLUMN_PX)  # the title too wrapped to the narrowest phone's column
    label_px = round(frame.px(13) * LINE) + PAD  # a code's line above and below the circle
    names_px = round(len(names) * frame.px(TEXT_PX) * LINE) + GAP
    margin = frame.px(30)  # a code beside the circle
    height = (
        header_height(frame)
        + PHONE_RADAR_PX
        + 2 * label_px
        + names_px
        + round(n_series * frame.px(TEXT_PX) * 1.9)
        + footer_height(frame)
    )
    layout = base_layout(
        frame,
        lang,
        height=height,
        left=margin,
        right=margin,
        above=label_px,
        below=label_px + names_px,
        legend="column",
        legend_rows=n_series,
    )
    layout["polar"] = _polar(frame, len(names))
    key = "<br>".join(" ".join(name.split("<br>")) for name in names)  # "D3 Trách nhiệm giải trình"
    layout["annotations"].append(text_under_plot(key, frame.px(TEXT_PX), INK, left=margin, shift=label_px))
    return layout


PRESENT_RADAR_PX = 600  # the radar's figure in present mode: a 1280×720 screen less the toolbar
RADAR_DOMAIN = 0.56  # its share of the figure's width; the words, the axes' names and the legend to its right
RADAR_SIDE_CHARS = 52  # a footer line in that column, at the screen's footer size


def _words_beside_radar(layout: dict, frame: Frame, names: list[str], n_series: int, height: int) -> None:
    """The title across the top; under it the radar on the left and, in a column on the right, the subtitle, the axes'
    names, the legend and (from the bottom) the footer. A frame drawn on the page leaves the column the axes' names
    and the legend (the page shows the title and subtitle above the canvas, the footer under it)."""
    label_px = round(frame.px(13) * LINE) + PAD  # a code's line above and below the circle
    title_px = 0 if frame.on_page else PAD + round(frame.px(TITLE_PX) * LINE)
    if frame.on_page:
        height -= page_head_height(frame)  # the screen holds the title and subtitle above the canvas too
    layout["height"] = height
    layout["margin"].update(l=frame.px(40), r=PAD)
    subtitle = {"text": ""}
    if not frame.on_page:
        words_beside(layout, RADAR_DOMAIN + 0.06)
        subtitle = layout["title"].pop("subtitle", subtitle)
        layout["title"].update(x=0, xref="container", pad={"t": PAD, "l": PAD})
    layout["margin"].update(t=title_px + label_px, b=label_px)
    layout["polar"]["domain"] = {"x": [0, RADAR_DOMAIN], "y": [0, 1]}
    names_text = "<br>".join(" ".join(name.split("<br>")) for name in names)  # "D3 Trách nhiệm giải trình"
    line = frame.px(TEXT_PX) * LINE
    footer_px = sum((a["text"].count("<br>") + 1) * a["font"]["size"] * LINE for a in layout["annotations"])
    room = height - title_px - 2 * label_px - footer_px - n_series * frame.px(LEGEND_LINE_PX) - GAP
    lead = f"<span style='color:{MUTED}'>{subtitle['text']}</span><br><br>" if subtitle["text"] else ""
    if (lead + names_text).count("<br>") + 1 > room / line:  # the subtitle only where the column holds it
        lead = ""
    key = lead + names_text
    head = -label_px
    layout["annotations"].append(
        {
            "text": key,
            "xref": "paper",
            "yref": "paper",
            "x": RADAR_DOMAIN + 0.06,
            "y": 1,
            "xanchor": "left",
            "yanchor": "top",
            "yshift": -head,
            "align": "left",
            "showarrow": False,
            "font": {"size": frame.px(TEXT_PX), "color": INK},
        }
    )
    key_px = (key.count("<br>") + 1) * frame.px(TEXT_PX) * LINE + GAP
    plot = height - 2 * label_px
    layout["legend"].update(
        x=RADAR_DOMAIN + 0.06, xanchor="left", y=max(0.0, 1 - (head + key_px) / plot), yref="paper", yanchor="top"
    )


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
        "ticklabelstandoff": 6,  # the first year clear of the lowest score's label at the corner of a narrow panel
        "showgrid": False,
    }


def trend_panel_figure(panel: dict, *, lang: str, frame: Frame, province_name: str, height: int | None = None) -> dict:
    """One metric over the years, a small multiple: the province's line (gaps where no data; error bars where PAPI
    published an interval), the lines of the provinces it is compared with, the national mean and the 25th–75th
    percentile band. `panel` (see `trend_panel`): name, range (y limits), breaks (x of a change of definition, drawn
    as a dotted line) and parts, each drawn as its own lines so that no line crosses from one part to the next.

    One figure per metric, so that the page lays the panels out in columns, which stack on a phone. Each has its own
    y axis, so the 6–60 and 8–80 totals are never on one axis; each carries its frame (the metric, the province, the
    source), so that a panel exported on its own still says what it shows. The page says once what the line, the
    dashes and the band are; a panel with provinces compared lists them in a legend, one a line."""
    frame = replace(frame, line_chars=PANEL_FOOTER_CHARS)
    legend: set[str] = set()
    colours: dict[str, str] = {}

    def shown(name: str) -> bool:
        first = name not in legend
        legend.add(name)
        return first

    traces = [trace for part in panel["parts"] for trace in _part_traces(part, {}, lang, province_name, shown, colours)]
    years = [y for part in panel["parts"] for y in part["years"]]
    compared = bool(colours)
    legend_rows = 2 + len(colours) if compared else 0  # the province, the compared, the mean (the band unlisted)
    height = height or (
        PANEL_PLOT_PX + header_height(frame) + footer_height(frame) + 30 + legend_rows * frame.px(LEGEND_LINE_PX)
    )
    layout = base_layout(
        frame,
        lang,
        height=height,
        left=frame.px(40),
        below=frame.px(30),
        legend="column" if compared else "none",
        legend_rows=max(legend_rows, 1),
    )
    if compared:
        for trace in traces:
            trace["showlegend"] = trace["showlegend"] and trace["legendgroup"] != "band"
    layout.update(
        xaxis={**_years_axis(years), **({"range": [min(years) - 0.5, max(years) + 0.5]} if years else {})},
        yaxis={"range": panel["range"], "gridcolor": GRID},
        shapes=[
            {
                "type": "line",
                "xref": "x",
                "yref": "y domain",
                "x0": x,
                "x1": x,
                "y0": 0,
                "y1": 1,
                "line": {"color": ERA_BREAK, "dash": "dot", "width": 1},
            }
            for x in panel["breaks"]
        ],
        hovermode="closest",
    )
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
    height: int | None = None,
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
            "text": _labelled(history["year"].tolist(), ranks, labels),
            "textposition": "top center",
            "textfont": {"size": frame.px(11)},
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
            "font": {"size": frame.px(11), "color": FAINT},
        }
        for y in missing
    ]
    years = history["year"].tolist()
    layout = base_layout(
        frame,
        lang,
        height=height or 500,
        left=frame.px(50),
        below=frame.px(30),
        legend="below",
        legend_rows=2,  # four groups and the province: two rows on a narrow canvas (the brief's, a phone's)
    )
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


LABEL_GAP_YEARS = 3  # years between two labelled ranks: a phone's width holds "12/61" for every third year


def _labelled(years: list[int], ranks: list[int | None], labels: list[str]) -> list[str]:
    """The ranks written beside their points: the latest, the first, the best and the worst, each where no labelled
    one is nearer than LABEL_GAP_YEARS (every year's label ran into the next on a phone); the axis and the hover
    give the others."""
    ranked = [i for i, r in enumerate(ranks) if r is not None]
    if not ranked:
        return [""] * len(ranks)
    chosen: list[int] = []
    for i in (
        ranked[-1],
        ranked[0],
        min(ranked, key=lambda i: ranks[i] or 0),
        max(ranked, key=lambda i: ranks[i] or 0),
    ):
        if all(abs(years[i] - years[j]) >= LABEL_GAP_YEARS for j in chosen):
            chosen.append(i)
    return [label if i in chosen else "" for i, label in enumerate(labels)]


Lines = Mapping[str, Mapping[int, float]]  # a column ("score", "mean", "ci90_low", …) → year → value


def total_panels(
    national: Lines,
    mine: Lines,
    years: list[int],
    lang: str,
    others: Sequence[tuple[str, Lines]] = (),
) -> list[dict]:
    """The total's two panels (2011–2017 on 6–60, 2018 on 8–80) for trend_panel_figure; both frames hold only the total.
    The province's published 90% intervals (`mine`'s ci90_low and ci90_high, where PAPI published any) are drawn as
    error bars."""
    early = [y for y in years if y < EIGHT_DIMENSION_YEAR]
    late = [y for y in years if y >= EIGHT_DIMENSION_YEAR]
    late_parts = [trend_part(national, mine, run, others, intervals=True) for run in split_by_set(late)] or [
        trend_part(national, mine, late, others, intervals=True)
    ]  # the 63 provinces' years, then the 34's: no line crosses 2025
    return [
        trend_panel(f"{t('total', lang)} (6–60)", [trend_part(national, mine, early, others, intervals=True)]),
        trend_panel(f"{t('total', lang)} (8–80)", late_parts),
    ]


def metric_panel(
    national: Lines, mine: Lines, years: list[int], name: str, others: Sequence[tuple[str, Lines]] = ()
) -> dict:
    """One panel over `years` (a missing year stays None): see `trend_part`."""
    return trend_panel(name, [trend_part(national, mine, years, others)])


def segmented_panel(
    national: Lines, mine: Lines, parts: list[list[int]], name: str, others: Sequence[tuple[str, Lines]] = ()
) -> dict:
    """A sub-dimension's panel: one part per stretch of years on one definition and scale (ui.core.metrics.Metrics.
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
