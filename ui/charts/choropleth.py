"""The province map: a choropleth of one year and metric, coloured continuously or by PAPI's four groups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from papi_data.cells import as_int, as_str, float_or_none, str_or_none
from papi_data.store.schema import GROUPS
from ui.charts.frame import (
    GAP,
    LINE,
    PAD,
    PHONE_COLUMN_PX,
    TEXT_PX,
    Frame,
    base_layout,
    footer_height,
    header_height,
    words_beside,
)
from ui.charts.palette import (
    CLEAR,
    CONTINUOUS_SCALE,
    GROUP_COLOURS,
    HIGHLIGHT,
    INK,
    LEGEND_BACKGROUND,
    NO_DATA,
    OUTLINES_2025,
    WHITE,
)
from ui.core.i18n import t
from ui.core.numbers import change_text, fmt_change, fmt_number

FOOTER_CHARS = 50  # a footer line under the map: about 340 px, a phone's width
SIDE_TEXT = 0.63  # on a large canvas (present mode, a slide) the map takes the left of the figure, its words the right
SIDE_CHARS = 50  # a line of the words' column in present mode (its text is larger: about 330 px at 1024×768)
COLOURBAR_PX = 14
COLOURBAR_CHARS = 16  # the colour bar's length in characters of its title, which is centred over it
# Mainland and both archipelagos (Trường Sa reaches ~117.5°E, ~6.5°N).
LON_RANGE = (102.0, 117.1)
LAT_RANGE = (6.8, 23.5)


def hover_texts(rows: pd.DataFrame, lang: str, with_2025: bool) -> list[str]:
    """One hover line block per province: name, score, rank of N, group, change; the 2025 province if asked."""
    texts = []
    for r in rows.itertuples():
        lines = [f"<b>{getattr(r, f'name_{lang}')}</b>"]
        score = float_or_none(r.score)
        if score is None:
            lines.append(t("no_data", lang))
        else:
            lines.append(f"{t('col_score', lang)}: {fmt_number(score, lang)}")
            rank, n, group = as_int(r.rank), as_int(r.n), as_str(r.group)
            lines.append(f"{t('rank_of', lang, rank=rank, n=n)} · {t('group_' + group, lang)}")
            year, change = as_int(r.year), float_or_none(r.change)
            gap = str_or_none(getattr(r, "change_gap", None))
            lines.append(
                change_text(None, gap, year, lang)
                if change is None
                else f"{t('change_vs_prev', lang, year=year - 1)}: {fmt_change(change, lang)}"
            )
        if with_2025:
            lines.append(t("since_2025", lang, new=getattr(r, f"name_2025_{lang}")))
        texts.append("<br>".join(lines))
    return texts


# Every colour stays true whatever plotly's own selection holds (a click selects a point in plotly, which would fade
# all the others): the app marks the selected province with an outline instead.
_NO_FADING = {"selected": {"marker": {"opacity": 1}}, "unselected": {"marker": {"opacity": 1}}}


def _layer(rows: pd.DataFrame, geojson_url: str, texts: list[str], colour: str, name: str, legend: bool) -> dict:
    """A single-colour choropleth layer (one group, or the no-data layer). The geometry is fetched by the browser from
    `geojson_url`, once per page (plotly keeps it by URL), so a figure carries only codes, values and hover texts."""
    return {
        "type": "choropleth",
        "geojson": geojson_url,
        "featureidkey": "properties.code",
        "locations": rows["code"].tolist(),
        "z": [1] * len(rows),
        "colorscale": [[0, colour], [1, colour]],
        "showscale": False,
        "marker": {"line": {"color": WHITE, "width": 0.6}},
        "text": texts,
        "hovertemplate": "%{text}<extra></extra>",
        "name": name,
        "showlegend": legend,
        **_NO_FADING,
    }


def map_figure(
    rows: pd.DataFrame,
    geojson_url: str,
    hover: Sequence[str],
    *,
    lang: str,
    frame: Frame,
    colour_by_group: bool,
    colorbar_title: str,
    colour_range: tuple[float, float] | None = None,
    selected: str | None = None,
    outlines_2025: tuple[Sequence, Sequence] | None = None,
    archipelagos: Sequence[dict] = (),
    height: int | None = None,
) -> dict:
    """The figure as a plain dict (validated in the tests, not on every run).

    `rows` holds every province (see papi_data.overview.year_metric), `hover` their hover texts (hover_texts); those
    without a score go on a grey layer named "no data", never on the colour scale. On the continuous scale the
    colours span `colour_range` (see papi_data.stats.colour_range; the year's own scores if None), light for the
    lowest score, dark for the highest. The selected province is outlined; no colour changes. `height` is the
    figure's before the page fits it to the screen.
    """
    side = frame.beside  # present mode or a slide: a wide canvas, the words beside the map
    phone = frame.scale > 1 and not side  # present mode on a phone: the words above and below the map
    frame = replace(
        frame,
        line_chars=SIDE_CHARS if side else FOOTER_CHARS,
        width=round(frame.width * (1 - SIDE_TEXT)) if side and frame.width else None,
    )
    texts = pd.Series(list(hover), index=rows.index)
    has = rows["score"].notna()
    traces: list[dict] = []
    if colour_by_group:
        for group in GROUPS:
            part = rows[rows["group"] == group]
            traces.append(
                _layer(
                    part, geojson_url, texts[part.index].tolist(), GROUP_COLOURS[group], t("group_" + group, lang), True
                )
            )
    else:
        part = rows[has]
        low, high = colour_range or (part["score"].min(), part["score"].max())
        traces.append(
            {
                **_layer(part, geojson_url, texts[part.index].tolist(), INK, colorbar_title, False),
                "z": part["score"].round(4).tolist(),
                "zmin": low,
                "zmax": high,
                "colorscale": CONTINUOUS_SCALE,
                "showscale": True,
                "colorbar": _colourbar(frame, colorbar_title, lang, side, phone, height or 820),
            }
        )
    missing = rows[~has]
    traces.append(_layer(missing, geojson_url, texts[missing.index].tolist(), NO_DATA, t("no_data_legend", lang), True))
    if outlines_2025 is not None:
        lons, lats = outlines_2025
        traces.append(
            {
                "type": "scattergeo",
                "lon": list(lons),
                "lat": list(lats),
                "mode": "lines",
                "line": {"color": OUTLINES_2025, "width": 1.6},
                "hoverinfo": "skip",
                "name": t("outlines_2025", lang),
            }
        )
    if selected is not None and selected in set(rows["code"]):
        traces.append(
            {
                **_layer(rows[rows["code"] == selected], geojson_url, [""], CLEAR, "", False),
                "marker": {"line": {"color": HIGHLIGHT, "width": 3}},
                "hoverinfo": "skip",
                "hovertemplate": None,
            }
        )
    if archipelagos:
        traces.append(
            {
                "type": "scattergeo",
                "lon": [a["lon"] for a in archipelagos],
                "lat": [a["lat"] for a in archipelagos],
                "mode": "text",
                "text": [t("archipelago", lang, name=a[f"name_{lang}"]) for a in archipelagos],
                "textfont": {"size": frame.px(12), "color": INK},
                "textposition": [
                    (_ARCHIPELAGO_LABEL_PHONE if phone else _ARCHIPELAGO_LABEL).get(a["name_en"], "bottom center")
                    for a in archipelagos
                ],
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )
    if phone:
        layout = _phone_layout(frame, lang, colour_by_group, sum(trace.get("showlegend", True) for trace in traces))
    else:
        layout = _layout(frame, lang, height or 820, side)
    if colour_by_group and not (side or phone):  # the groups in the open sea between the archipelagos, over no province
        layout["legend2"] = {**layout["legend"]}  # "no data" (and the 2025 outlines) stay above Hoàng Sa
        layout["legend"].update(
            y=BETWEEN_ARCHIPELAGOS_Y, yanchor="middle", font={"size": frame.px(12)}, tracegroupgap=0
        )
        for trace in traces[len(GROUPS) :]:
            trace["legend"] = "legend2"
    layout.update(
        geo={
            "domain": {"x": [0, SIDE_TEXT if side else 1], "y": [0, 1]},
            # No base layers: the provinces are the map, and plotly then needs no world file from a CDN.
            "visible": False,
            "projection": {"type": "mercator"},
            "lonaxis": {"range": list(LON_RANGE)},
            "lataxis": {"range": list(LAT_RANGE)},
            "bgcolor": CLEAR,
        },
        dragmode=False,
        uirevision="map",
    )
    return {"data": traces, "layout": layout}


# The middle of the groups' legend on the screen: in the open sea between Hoàng Sa's southernmost islands (0.52 of the
# map's height) and Trường Sa's northernmost reefs (0.27 and their outline's width), over no province ("no data" has
# a legend of its own above Hoàng Sa).
BETWEEN_ARCHIPELAGOS_Y = 0.42

# Where each archipelago's name goes beside its islands: in the open sea, clear of the mainland and of the other.
_ARCHIPELAGO_LABEL = {"Hoang Sa": "middle right", "Truong Sa": "top center"}
# In present mode on a phone the names are larger than the sea right of Hoàng Sa: above its islands instead.
_ARCHIPELAGO_LABEL_PHONE = {**_ARCHIPELAGO_LABEL, "Hoang Sa": "top center"}


def _side_top(frame: Frame, height: int, under_legend: bool = False) -> float:
    """Where the legend (or the colour bar under it) starts in the words' column, as a share of the plot's height:
    under the title and subtitle however many lines they take. The figure on the screen is at least `height` tall (a
    taller one only spreads them further apart)."""
    legend_px = round(frame.px(13) * 1.9) + GAP if under_legend else 0  # one entry: "no data"
    return 1 - (header_height(frame) + GAP + legend_px) / (height - 2 * PAD)


def _colourbar(frame: Frame, title: str, lang: str, side: bool, phone: bool, height: int) -> dict:
    """A short horizontal colour bar that says which way is better, in the open sea east of the mainland (on a large
    canvas, in the words' column; in present mode on a phone, under the map)."""
    bar = {
        "orientation": "h",
        "title": {"text": f"{t('darker_better', lang)}<br>{title}", "side": "top", "font": {"size": frame.px(12)}},
        "tickfont": {"size": frame.px(12)},
        "thickness": frame.px(COLOURBAR_PX),
        "lenmode": "pixels",
        "len": frame.px(12) * COLOURBAR_CHARS,
        "x": SIDE_TEXT + 0.02 if side else 1,
        "xanchor": "left" if side else "right",
        "y": _side_top(frame, height, under_legend=True) if side else 0.52,
        "yanchor": "top",
    }
    if phone:
        bar.update(x=0, xanchor="left", xref="container", xpad=PAD, y=0, yanchor="top", ypad=GAP)
    return bar


def _colourbar_px(frame: Frame) -> int:
    """Pixels the colour bar takes under the map in present mode on a phone: its title's two lines, the bar, its
    numbers."""
    return round(2 * frame.px(12) * LINE + frame.px(COLOURBAR_PX) + frame.px(12) * LINE + 3 * GAP)


PHONE_MAP_PX = 420  # the map's height in present mode on a phone: the whole country at a 390 px screen's width


def _phone_layout(frame: Frame, lang: str, colour_by_group: bool, rows: int) -> dict:
    """Present mode on a phone: the title and subtitle above the map, which takes the screen's width; under it the
    colour bar, the legend (`rows` entries, one a row: two side by side do not fit a phone's width) and the footer.
    The figure is as tall as that needs."""
    frame = replace(frame, width=PHONE_COLUMN_PX)  # its words wrapped to the narrowest phone's column
    below = 0 if colour_by_group else _colourbar_px(frame)
    legend_px = round(rows * frame.px(TEXT_PX) * 1.9)
    height = header_height(frame) + PHONE_MAP_PX + below + legend_px + footer_height(frame)
    layout = base_layout(frame, lang, height=height, left=0, right=0, below=below, legend="below", legend_rows=rows)
    layout["legend"].update(font={"size": frame.px(13)}, entrywidthmode="fraction", entrywidth=1)
    layout["showlegend"] = True
    layout["margin"]["autoexpand"] = False  # the colour bar under the map is in the margin made for it
    return layout


def _layout(frame: Frame, lang: str, height: int, side: bool) -> dict:
    """The frame around the map, so that the provinces take the figure's whole height: on the screen the title at the
    top right, over the open sea, and the source and link under the map; on a large canvas every word in the column
    right of the map."""
    layout = base_layout(frame, lang, height=height, left=0, right=0, below=0)
    if side:
        words_beside(layout, SIDE_TEXT + 0.02)
        layout["legend"] = {"x": SIDE_TEXT + 0.02, "xanchor": "left", "y": _side_top(frame, height), "yanchor": "top"}
    else:
        layout["margin"].update(t=PAD, b=footer_height(frame))
        layout["title"].update(x=1, xanchor="right", pad={"t": PAD, "r": PAD})
        layout["legend"] = {"x": 1, "xanchor": "right", "y": 0.7, "yanchor": "top"}
    layout["legend"].update(bgcolor=LEGEND_BACKGROUND, font={"size": frame.px(13)})
    layout["showlegend"] = True
    return layout
