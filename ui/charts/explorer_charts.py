"""The explorer's charts, drawn from the filtered rows: two metrics against each other with the least-squares line and
Pearson's r, one metric's spread by region, and the change of one metric between two years (a slope chart)."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import pandas as pd

from papi_data.explore import Fit, comparable, linear_fit, paired
from papi_data.subdimensions import is_subdimension
from ui.charts.common import Chart
from ui.charts.frame import CHAR_EM, LINE, TEXT_PX, Frame, Legend, base_layout, wrapped
from ui.charts.palette import CLEAR, DOWN, GRID, INK, LEGEND_BACKGROUND, REGION_COLOURS, SAME, UP, WHITE
from ui.charts.sentences import map_sentence, scatter_sentence, slope_sentence
from ui.core.i18n import t, tn
from ui.core.labels import Labels
from ui.core.numbers import fmt_change, fmt_number

BELOW_AXIS = 62  # pixels under the plot for the x axis's tick labels and title
NAME_CHARS = 16  # a region's name in lines this long: in full it took half a phone's width from the plot


def _layout(frame: Frame, lang: str, height: int, legend: Legend = "right", left: int = 60) -> dict:
    return base_layout(frame, lang, height=height, left=left, right=30, below=frame.px(BELOW_AXIS), legend=legend)


def _axis(text: str) -> dict:
    return {"title": {"text": text}, "showgrid": True, "gridcolor": GRID, "zeroline": False, "automargin": True}


def _apart(values: list[float], gap: float) -> list[float]:
    """Label heights for sorted `values`, each at least `gap` above the one below, so that no two labels overlap."""
    out: list[float] = []
    for value in values:
        out.append(round(max(value, out[-1] + gap) if out else value, 4))
    return out


def scatter_figure(
    points: pd.DataFrame,
    fit: Fit | None,
    *,
    lang: str,
    frame: Frame,
    x_title: str,
    y_title: str,
    regions: list[str],
    height: int | None = None,
) -> dict:
    """`points`: name, region (a name from `regions`, which fixes the colours), x, y. One dot per province, coloured
    by region; the least-squares line and "r, n" on the chart when `fit` is given."""
    traces = []
    for region, colour in zip(regions, REGION_COLOURS, strict=False):
        part = points[points["region"] == region]
        if part.empty:
            continue
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": region,
                "x": part["x"].round(4).tolist(),
                "y": part["y"].round(4).tolist(),
                "text": [
                    f"<b>{name}</b><br>{x_title}: {fmt_number(x, lang)}<br>{y_title}: {fmt_number(y, lang)}"
                    for name, x, y in zip(part["name"], part["x"], part["y"], strict=True)
                ],
                "hovertemplate": "%{text}<extra></extra>",
                "marker": {"size": 10, "color": colour, "line": {"color": WHITE, "width": 1}, "opacity": 0.9},
            }
        )
    layout = _layout(frame, lang, height or 620)
    layout.update(xaxis=_axis(x_title), yaxis=_axis(y_title))
    if fit is not None:
        ends = [float(points["x"].min()), float(points["x"].max())]
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "name": t("ex_fit", lang),
                "x": ends,
                "y": [fit.slope * x + fit.intercept for x in ends],
                "line": {"color": INK, "width": 2, "dash": "dash"},
                "hoverinfo": "skip",
            }
        )
        stats = t("ex_fit_stats", lang, r=fmt_number(fit.r, lang), n=fit.n)
        layout["annotations"].append(
            {
                "text": f"<b>{stats}</b>",
                "xref": "paper",
                "yref": "paper",
                # in the bottom corner the fitted line leaves empty (right for a rising line, left for a falling
                # one), away from the legend's rows on the plot's top edge
                "x": 0.99 if fit.slope >= 0 else 0.01,
                "y": 0.01,
                "xanchor": "right" if fit.slope >= 0 else "left",
                "yanchor": "bottom",
                "showarrow": False,
                "bgcolor": LEGEND_BACKGROUND,
            }
        )
    return {"data": traces, "layout": layout}


def region_spread_figure(
    rows: pd.DataFrame, *, lang: str, frame: Frame, x_title: str, regions: list[str], height: int | None = None
) -> dict:
    """`rows`: name, region (from `regions`, top to bottom), score. A box per region with every province as a dot."""
    names = {region: wrapped(region, NAME_CHARS) for region in regions}
    traces = []
    for region, colour in zip(regions, REGION_COLOURS, strict=False):
        part = rows[rows["region"] == region]
        if part.empty:
            continue
        traces.append(
            {
                "type": "box",
                "orientation": "h",
                "name": region,
                "x": part["score"].round(4).tolist(),
                "y": [names[region]] * len(part),
                "boxpoints": "all",
                "jitter": 0.5,
                "pointpos": 0,
                "fillcolor": CLEAR,
                "line": {"color": colour, "width": 2},
                "marker": {"color": colour, "size": 8, "opacity": 0.85},
                "text": [
                    f"<b>{n}</b>: {fmt_number(s, lang)}" for n, s in zip(part["name"], part["score"], strict=True)
                ],
                "hoveron": "points",
                "hovertemplate": "%{text}<extra></extra>",
                "showlegend": False,
            }
        )
    chars = max(len(line) for name in names.values() for line in name.split("<br>"))
    names_px = round(frame.px(TEXT_PX) * CHAR_EM * chars)  # the tick labels' size: present mode's is 18 px
    layout = _layout(frame, lang, height or 560, legend="none", left=names_px)
    # the axis's title breaks before its scale: in one line it ran past a phone's plot
    layout.update(
        xaxis=_axis(x_title.replace(" (", "<br>(", 1)),
        yaxis={"categoryorder": "array", "categoryarray": [names[r] for r in regions[::-1]]},
    )
    return {"data": traces, "layout": layout}


def slope_figure(
    pairs: pd.DataFrame,
    *,
    lang: str,
    frame: Frame,
    y_title: str,
    start: int,
    end: int,
    labelled: int = 3,
    height: int | None = None,
) -> dict:
    """`pairs`: name, first (the score in `start`), second (in `end`). A line per province, blue where it rose and
    orange where it fell; the `labelled` largest rises and falls carry the province's name."""
    change = pairs["second"] - pairs["first"]
    years = [str(start), str(end)]
    traces = []
    for key, colour, moved in (
        ("ex_up", UP, change > 0),
        ("ex_down", DOWN, change < 0),
        ("ex_same", SAME, change == 0),
    ):
        part = pairs[moved]
        if part.empty:
            continue
        xs: list = []
        ys: list = []
        texts: list = []
        for name, a, b in zip(part["name"], part["first"], part["second"], strict=True):
            xs += [*years, None]  # None breaks the line between provinces: one trace per direction, not 63
            ys += [round(a, 4), round(b, 4), None]
            hover = f"<b>{name}</b><br>{start}: {fmt_number(a, lang)}<br>{end}: {fmt_number(b, lang)}"
            texts += [f"{hover}<br>{fmt_change(b - a, lang)}"] * 2 + [""]
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": f"{t(key, lang)} ({len(part)})",
                "x": xs,
                "y": ys,
                "text": texts,
                "hovertemplate": "%{text}<extra></extra>",
                "line": {"color": colour, "width": 1.5},
                "marker": {"color": colour, "size": 6},
                "opacity": 0.8,
            }
        )
    ordered = pairs.assign(change=change).sort_values("change")
    marked = pd.concat([ordered.head(labelled), ordered.tail(labelled)]).drop_duplicates("name")
    marked = marked[marked["change"] != 0].sort_values("second")
    if not marked.empty:
        low, high = min(pairs["first"].min(), pairs["second"].min()), max(pairs["first"].max(), pairs["second"].max())
        # a label's height in score units: its text's line over the plot's pixels, plus a fifth for the axis's padding
        plot_px = (height or 660) - frame.px(40) - frame.px(14) * 4
        gap = (high - low) * 1.2 * frame.px(12) * LINE / max(plot_px, 1)
        traces.append(
            {
                "type": "scatter",
                "mode": "text",
                "x": [years[1]] * len(marked),
                "y": _apart(marked["second"].tolist(), max(gap, (high - low) / 25)),
                "text": [
                    f"  {n} ({fmt_change(c, lang)})" for n, c in zip(marked["name"], marked["change"], strict=True)
                ],
                "textposition": "middle right",
                "textfont": {"size": frame.px(12), "color": INK},
                "hoverinfo": "skip",
                "showlegend": False,
                "cliponaxis": False,
            }
        )
    # the names at the right
    layout = base_layout(frame, lang, height=height or 660, left=60, right=frame.px(230), below=40, legend="above")
    layout.update(
        xaxis={"type": "category", "categoryorder": "array", "categoryarray": years, "showgrid": False},
        yaxis=_axis(y_title),
    )
    return {"data": traces, "layout": layout}


# --- From the explorer's rows to a chart ------------------------------------------------------------------------------
# Each takes the filtered rows (papi_data.explore.apply_filters, with names), the reader's choices and the page's frame
# (source line and link; the title is set here), and returns the chart (or None where there is nothing to draw) and a
# message to show beside it (or None).


def scatter_chart(
    shown: pd.DataFrame, x: str, y: str, year: int, labels: Labels, lang: str, frame: Frame
) -> tuple[Chart | None, str | None]:
    if x == y:
        return None, t("ex_need_two_metrics", lang)
    pairs = paired(shown[shown["year"] == year], "dimension", x, y)
    if pairs.empty:
        return None, t("ex_chart_empty", lang)
    fit = linear_fit(pairs["first"], pairs["second"])
    points = pd.DataFrame(
        {
            "name": pairs["province_code"].map(labels.province),
            "region": pairs["province_code"].map(labels.province_region),
            "x": pairs["first"],
            "y": pairs["second"],
        }
    )
    chart = Chart(
        partial(
            scatter_figure,
            points,
            fit,
            lang=lang,
            x_title=f"{labels.short[x]} ({labels.scale(x, year)})",
            y_title=f"{labels.short[y]} ({labels.scale(y, year)})",
            regions=list(labels.region.values()),
        ),
        replace(
            frame,
            title=t("ex_scatter_heading", lang, x=labels.metric[x], y=labels.metric[y], year=year),
            subtitle=tn("ex_scatter_subtitle", lang, len(points), n=len(points)),
        ),
        scatter_sentence(year, labels.short[x], labels.short[y], len(points), fit.r if fit else None, lang),
    )
    return chart, None if fit else t("ex_fit_none", lang)


def regions_chart(
    shown: pd.DataFrame, metric: str, year: int, labels: Labels, lang: str, frame: Frame
) -> tuple[Chart | None, str | None]:
    rows = shown[(shown["year"] == year) & (shown["dimension"] == metric) & shown["score"].notna()]
    if rows.empty:
        return None, t("ex_chart_empty", lang)
    scale = labels.scale(metric, year)
    spread = pd.DataFrame(
        {
            "name": rows[f"name_{lang}"],
            "region": rows["province_code"].map(labels.province_region),
            "score": rows["score"],
        }
    )
    chart = Chart(
        partial(
            region_spread_figure,
            spread,
            lang=lang,
            x_title=f"{labels.short[metric]} ({scale})",
            regions=list(labels.region.values()),
        ),
        replace(
            frame,
            title=t("ex_regions_heading", lang, metric=labels.metric[metric], year=year),
            subtitle=tn("ex_regions_subtitle", lang, len(spread), scale=scale, n=len(spread)),
        ),
        map_sentence(
            year,
            labels.short[metric],
            {f"{n} ({r})": float(v) for n, r, v in zip(spread["name"], spread["region"], spread["score"], strict=True)},
            lang,
        ),
    )
    return chart, None


def slope_chart(
    shown: pd.DataFrame, metric: str, start: int, end: int, labels: Labels, lang: str, frame: Frame
) -> tuple[Chart | None, str | None]:
    if start == end:
        return None, t("ex_same_year", lang)
    segments = (labels.metrics.segments.get((metric, start)), labels.metrics.segments.get((metric, end)))
    if not comparable(metric, start, end, segments):
        a, b = labels.scale(metric, start), labels.scale(metric, end)
        if not is_subdimension(metric):
            return None, t("ex_slope_eras", lang, start=start, end=end, a=a, b=b)
        if None in segments:
            return None, t("ex_chart_empty", lang)
        return None, t("ex_slope_segments", lang, metric=labels.metric[metric], start=start, end=end, a=a, b=b)
    pairs = paired(shown[shown["dimension"] == metric], "year", start, end)
    if pairs.empty:
        return None, t("ex_chart_empty", lang)
    change = pairs["second"] - pairs["first"]
    scale = labels.scale(metric, end)
    chart = Chart(
        partial(
            slope_figure,
            pairs.assign(name=pairs["province_code"].map(labels.province)),
            lang=lang,
            y_title=f"{labels.short[metric]} ({scale})",
            start=start,
            end=end,
        ),
        replace(
            frame,
            title=t("ex_slope_heading", lang, metric=labels.metric[metric], start=start, end=end),
            subtitle=tn(
                "ex_slope_subtitle",
                lang,
                len(pairs),
                scale=scale,
                n=len(pairs),
                up=int((change > 0).sum()),
                down=int((change < 0).sum()),
            ),
        ),
        slope_sentence(
            labels.short[metric],
            start,
            end,
            dict(zip(pairs["province_code"].map(labels.province), change.astype(float), strict=True)),
            lang,
        ),
    )
    return chart, None
