"""The province map: a choropleth of one year and metric, coloured continuously or by PAPI's four groups."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from papi_data.schema import GROUPS
from ui.charts.common import (
    CONTINUOUS_SCALE,
    FONT,
    GROUP_COLOURS,
    HIGHLIGHT_COLOUR,
    NO_DATA_COLOUR,
    source_annotation,
    title,
)
from ui.i18n import t
from ui.numbers import fmt_change, fmt_number

# Mainland and both archipelagos (Trường Sa reaches ~117.5°E, ~6.5°N).
LON_RANGE = (102.0, 117.6)
LAT_RANGE = (6.2, 23.6)


def hover_texts(rows: pd.DataFrame, lang: str, with_2025: bool) -> list[str]:
    """One hover line block per province: name, score, rank of N, group, change; the 2025 province if asked."""
    texts = []
    for r in rows.itertuples():
        lines = [f"<b>{getattr(r, f'name_{lang}')}</b>"]
        if pd.isna(r.score):
            lines.append(t("no_data", lang))
        else:
            lines.append(f"{t('col_score', lang)}: {fmt_number(r.score, lang)}")
            lines.append(f"{t('rank_of', lang, rank=int(r.rank), n=r.n)} · {t('group_' + r.group, lang)}")
            change = (
                t("change_undefined", lang, year=r.year - 1)
                if pd.isna(r.change)
                else f"{t('change_vs_prev', lang, year=r.year - 1)}: {fmt_change(r.change, lang)}"
            )
            lines.append(change)
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
        "marker": {"line": {"color": "#ffffff", "width": 0.6}},
        "text": texts,
        "hovertemplate": "%{text}<extra></extra>",
        "name": name,
        "showlegend": legend,
        **_NO_FADING,
    }


def map_figure(
    rows: pd.DataFrame,
    geojson_url: str,
    *,
    lang: str,
    heading: str,
    subtitle: str,
    colour_by_group: bool,
    colorbar_title: str,
    colour_range: tuple[float, float] | None = None,
    selected: str | None = None,
    outlines_2025: tuple[Sequence, Sequence] | None = None,
    archipelagos: Sequence[dict] = (),
) -> dict:
    """The figure as a plain dict (validated in the tests, not on every run).

    `rows` holds every province (see papi_data.overview.year_metric); those without a score go on a grey layer
    named "no data", never on the colour scale. On the continuous scale the colours span `colour_range` (see
    papi_data.stats.colour_range; the year's own scores if None), light for the lowest score, dark for the highest.
    The selected province is outlined; no colour changes.
    """
    texts = pd.Series(hover_texts(rows, lang, with_2025=outlines_2025 is not None), index=rows.index)
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
                **_layer(part, geojson_url, texts[part.index].tolist(), "#000", colorbar_title, False),
                "z": part["score"].round(4).tolist(),
                "zmin": low,
                "zmax": high,
                "colorscale": CONTINUOUS_SCALE,
                "showscale": True,
                "colorbar": {
                    "title": {"text": colorbar_title, "side": "right"},
                    "thickness": 14,
                    "len": 0.6,
                    "x": 0.98,
                },
            }
        )
    missing = rows[~has]
    traces.append(
        _layer(missing, geojson_url, texts[missing.index].tolist(), NO_DATA_COLOUR, t("no_data_legend", lang), True)
    )
    if outlines_2025 is not None:
        lons, lats = outlines_2025
        traces.append(
            {
                "type": "scattergeo",
                "lon": list(lons),
                "lat": list(lats),
                "mode": "lines",
                "line": {"color": "#c2185b", "width": 1.6},
                "hoverinfo": "skip",
                "name": t("outlines_2025", lang),
            }
        )
    if selected is not None and selected in set(rows["code"]):
        traces.append(
            {
                **_layer(rows[rows["code"] == selected], geojson_url, [""], "rgba(0,0,0,0)", "", False),
                "marker": {"line": {"color": HIGHLIGHT_COLOUR, "width": 3}},
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
                "textfont": {"size": 12, "color": "#333333"},
                "textposition": "bottom center",
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )
    return {
        "data": traces,
        "layout": {
            "title": title(heading, subtitle),
            "font": FONT,
            "height": 820,
            "margin": {"l": 0, "r": 0, "t": 96, "b": 36},
            "legend": {
                "x": 1,
                "xanchor": "right",
                "y": 0.98,
                "bgcolor": "rgba(255,255,255,0.85)",
                "font": {"size": 13},
            },
            "geo": {
                # No base layers: the provinces are the map, and plotly then needs no world file from a CDN.
                "visible": False,
                "projection": {"type": "mercator"},
                "lonaxis": {"range": list(LON_RANGE)},
                "lataxis": {"range": list(LAT_RANGE)},
                "bgcolor": "rgba(0,0,0,0)",
            },
            "annotations": [source_annotation(lang, with_map=True, y=0.0)],
            "dragmode": False,
            "uirevision": "map",
            "separators": ",." if lang == "vi" else ".,",
        },
    }
