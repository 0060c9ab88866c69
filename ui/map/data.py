"""The map's selections, once per store build: a year and metric's rows with their hover texts, and the span its
colours cover (the build's colour_ranges table)."""

from __future__ import annotations

import pandas as pd

from papi_data.overview import year_metric
from papi_data.stats import ColourRange
from papi_data.store.load import PapiStore
from papi_data.subdimensions import is_subdimension
from ui.charts.choropleth import hover_texts
from ui.core.data import per_build


@per_build
def map_layer(store: PapiStore, lang: str, year: int, metric: str, with_2025: bool) -> tuple[pd.DataFrame, list[str]]:
    """Every province's row for the map of a year and metric (papi_data.overview.year_metric) and its hover text: what
    a year change needs from the store, picked once per year and metric."""
    table = store.table("ranked_subdimensions" if is_subdimension(metric) else "ranked_scores")
    rows = year_metric(table, store.provinces, year, metric)
    return rows, hover_texts(rows, lang, with_2025)


@per_build
def map_colours(store: PapiStore, lang: str, metric: str, year: int, one_year: bool) -> ColourRange | None:
    """The span the map's colours cover (papi_data.stats.colour_range, made by the build); None where the metric has
    no score that year."""
    ranges = store.table("colour_ranges")
    row = ranges[(ranges["metric"] == metric) & (ranges["year"] == year) & (ranges["one_year"] == one_year)]
    if row.empty:
        return None
    r = row.iloc[0]
    return ColourRange(low=float(r["low"]), high=float(r["high"]), first=int(r["first"]), last=int(r["last"]))


def intervals_of(store: PapiStore, year: int) -> pd.DataFrame:
    """The 90% intervals of the total PAPI published for `year` (province_code, ci90_low, ci90_high): none for most
    years, and none for a province whose SE was 0."""
    published = store.uncertainty
    return published.loc[
        (published["year"] == year) & published["ci90_low"].notna(), ["province_code", "ci90_low", "ci90_high"]
    ]
