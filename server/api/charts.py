"""Chart images by URL: the map, the ranking, a province's radar and a metric's trend, built by the pages' own
recipes (ui/charts: the same builders, the same frame with title, source line and the link of the page that shows
the view) and rendered by the exports' shared browser (ui/exports/renderer.py).

An image is made once per build and view (chart, format, year, metric, province, language, size) and kept in a
bounded memory; requests for an image that is being rendered wait for that rendering.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from urllib.parse import urlencode

import pandas as pd

from geo import loader, static_files
from papi_data.citation import citation
from papi_data.overview import year_metric
from papi_data.stats import colour_range
from papi_data.store.schema import TOTAL, era
from papi_data.subdimensions import is_subdimension
from server.api import params, tables
from server.api.cache import OnceCache
from server.api.params import BadRequest
from ui.charts.choropleth import hover_texts, map_figure
from ui.charts.common import Chart
from ui.charts.frame import Canvas, Frame, source_line
from ui.charts.profile_charts import (
    Lines,
    metric_panel,
    radar_axis_label,
    radar_figure,
    total_panels,
    trend_panel_figure,
)
from ui.charts.ranking_bar import ranking_figure
from ui.core.i18n import t
from ui.exports import renderer

KINDS = ("map", "ranking", "radar", "trend")
IMAGE_FORMATS = ("svg", "png")
DEFAULT_SIZE = (1200, 675)
DEFAULT_PROVINCE = "01"  # Hà Nội, for a radar or trend asked for without a province
GEOMETRY_URL = f"/app/static/{static_files.PROVINCES_63}"  # the export browser gets the geometry inline
PAGES = {"map": "ban-do", "ranking": "ban-do", "radar": "ho-so-tinh", "trend": "ho-so-tinh"}
CHART_PARAMS = ("year", "metric", "province", "width", "height")
images = OnceCache(max_entries=256, max_bytes=64 * 2**20)


@dataclass(frozen=True)
class View:
    kind: str
    fmt: str
    year: int
    metric: str
    province: str | None
    lang: str
    width: int
    height: int


def read_view(kind: str, fmt: str, query: dict[str, str], tbl: tables.Tables) -> View:
    lang = params.choice(query, "lang", params.LANGS, "vi")
    year = params.one_year(query, tbl.years)
    hint = "metric ids (see /api/v1/metrics)"
    metric = params.choice(query, "metric", tbl.metrics.ids, TOTAL, hint)
    if kind in ("radar", "trend") and is_subdimension(metric):
        raise BadRequest("bad_value", "metric", metric, "the total or a dimension id (a radar or trend of one)")
    if kind != "radar" and not tbl.metrics.measured(metric, year):
        first, last = tbl.metrics.years[metric]
        raise BadRequest("bad_value", "year", str(year), f"a year {metric} was measured in, within {first}–{last}")
    codes = params.provinces(query, set(tbl.store.provinces["code"]), tbl.province_named)
    if codes is not None and len(codes) > 1:
        raise BadRequest("bad_value", "province", query["province"], "one province")
    province = codes[0] if codes else (DEFAULT_PROVINCE if kind in ("radar", "trend") else None)
    width = params.size(query, "width", params.WIDTH, DEFAULT_SIZE[0])
    height = params.size(query, "height", params.HEIGHT, DEFAULT_SIZE[1])
    return View(kind, fmt, year, metric, province, lang, width, height)


def page_link(view: View, origin: str) -> str:
    """The address of the page that shows this view, printed in the image's footer."""
    query = {"lang": view.lang, "year": view.year, "province": view.province or ""}
    if view.kind in ("map", "ranking"):
        query["metric"] = view.metric
    return f"{origin.rstrip('/')}/{PAGES[view.kind]}?{urlencode({k: v for k, v in query.items() if v != ''})}"


def _frame(tbl: tables.Tables, title: str, subtitle: str, view: View, years: list[int], link: str, map_: bool) -> Frame:
    cited = citation(tbl.store.report_partners, tbl.store.partners, years, view.lang)
    return Frame(title=title, subtitle=subtitle, source=source_line(cited, view.lang, map_), link=link)


def recipe(view: View, tbl: tables.Tables, link: str) -> Chart:
    """The view's chart as the page builds it: the same builder and frame."""
    lang, year, metric = view.lang, view.year, view.metric
    if view.kind in ("map", "ranking"):
        return _map_or_ranking(view, tbl, link)
    names = tbl.store.provinces.set_index("code")[f"name_{lang}"]
    code = view.province or DEFAULT_PROVINCE
    name = str(names[code])
    mine = tbl.explorer[tbl.explorer["province_code"] == code]
    if view.kind == "radar":
        dims = tbl.store.dimensions
        metrics = [str(d) for d, first in zip(dims["id"], dims["first_year"], strict=True) if year >= first]
        axes = [radar_axis_label(*tbl.metrics.name(m, lang, short=True).split(" ", 1)) for m in metrics]
        own = mine[mine["year"] == year].set_index("dimension")["score"]
        mean = tbl.national[tbl.national["year"] == year].set_index("dimension")["mean"]
        series = [
            {"name": f"{name} {year}", "values": [_value(own, m) for m in metrics], "style": "province"},
            {"name": t("national_mean", lang), "values": [_value(mean, m) for m in metrics], "style": "national"},
        ]
        frame = _frame(
            tbl,
            t("radar_heading", lang, name=name, year=year),
            t("radar_subtitle", lang, k=len(metrics)),
            view,
            [year],
            link,
            False,
        )
        return Chart(partial(radar_figure, axes, series, lang=lang), frame)
    national = _lines(tbl.national[tbl.national["dimension"] == metric], ("mean", "q25", "q75", "min", "max"))
    own_lines = _lines(mine[mine["dimension"] == metric], ("score", "ci90_low", "ci90_high"))
    if metric == TOTAL:
        early, late = total_panels(national, own_lines, tbl.years, lang)
        panel = late if era(year) == era(tbl.years[-1]) else early
    else:
        first = tbl.metrics.years[metric][0]
        panel = metric_panel(
            national, own_lines, [y for y in tbl.years if y >= first], tbl.metrics.name(metric, lang, short=True)
        )
    years = [y for part in panel["parts"] for y in part["years"]]
    frame = _frame(tbl, f"{panel['name']}: {name}", t("trends_subtitle", lang, name=name), view, years, link, False)
    return Chart(partial(trend_panel_figure, panel, lang=lang, province_name=name), frame)


def _value(values: pd.Series, metric: str) -> float | None:
    """A metric's value, None where there is none (a gap on the radar, never 0)."""
    found = values.get(metric)
    return None if found is None or pd.isna(found) else float(found)


def _lines(rows: pd.DataFrame, columns: tuple[str, ...]) -> Lines:
    """A column → year → value mapping of one metric's rows (a missing value left out: a gap, never 0)."""
    years = rows["year"].astype(int).tolist()
    return {
        c: {y: float(v) for y, v in zip(years, rows[c].tolist(), strict=True) if not pd.isna(v)}
        for c in columns
        if c in rows
    }


def _map_or_ranking(view: View, tbl: tables.Tables, link: str) -> Chart:
    lang, year, metric = view.lang, view.year, view.metric
    rows = year_metric(tbl.explorer, tbl.store.provinces, year, metric)
    span = colour_range(tbl.explorer, metric, year)
    assert span is not None  # read_view checked the metric was measured that year
    short = tbl.metrics.name(metric, lang, short=True)
    scale = tbl.metrics.scale_text(metric, year, lang)
    if view.kind == "map":
        frame = _frame(
            tbl,
            t("map_heading", lang, year=year),
            t("map_subtitle", lang, metric=short, scale=scale, n=int(rows["score"].notna().sum()), total=len(rows)),
            view,
            [year],
            link,
            True,
        )
        build = partial(
            map_figure,
            rows,
            GEOMETRY_URL,
            hover_texts(rows, lang, False),
            lang=lang,
            colour_by_group=False,
            colorbar_title=t("colours_fixed", lang, first=span.first, last=span.last),
            colour_range=(span.low, span.high),
            selected=view.province,
            archipelagos=loader.archipelago_labels(),
        )
        return Chart(build, frame)
    intervals = None
    whiskers = ""
    if metric == TOTAL:
        published = tbl.store.uncertainty
        intervals = published.loc[
            (published["year"] == year) & published["ci90_low"].notna(), ["province_code", "ci90_low", "ci90_high"]
        ]
        shown = [t("ranking_intervals", lang), t("ranking_tied", lang)] if len(intervals) else []
        whiskers = "<br>" + "<br>".join(shown or [t("ranking_no_intervals", lang)])
    frame = _frame(
        tbl, t("ranking_heading", lang, year=year), f"{short} ({scale}){whiskers}", view, [year], link, False
    )
    build = partial(
        ranking_figure,
        rows,
        lang=lang,
        colour_by_group=False,
        highlight={view.province} if view.province else set(),
        colour_range=(span.low, span.high),
        intervals=intervals,
    )
    return Chart(build, frame)


def canvas(view: View) -> Canvas:
    """The image's canvas: text scaled with the image's size, from the screen's at 1280×720 up to a slide's."""
    scale = max(0.8, min(1.5, min(view.width / 1280, view.height / 720) * 1.2))
    return Canvas(width=view.width, height=view.height, scale=round(scale, 2), min_px=10)


def image(view: View, tbl: tables.Tables, origin: str) -> bytes:
    """The image, from memory or rendered once (see the module's docstring)."""
    link = page_link(view, origin)

    def render() -> bytes:
        figure = recipe(view, tbl, link).figure(canvas(view))
        return renderer.shared().image(figure, view.fmt, view.width, view.height)  # type: ignore[arg-type]

    return images.get((tbl.build, view, link), render)
