"""The metrics a page can show (the total, a dimension or a sub-dimension) and how they are named and scaled."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from papi_data.cells import as_int
from papi_data.store.schema import DIMENSION_RANGE, TOTAL, total_range
from papi_data.subdimensions import is_subdimension, segments
from ui.core.i18n import t
from ui.core.numbers import fmt_plain

SUB_MARK = "›"  # "D5 › Thủ tục liên quan đến giấy chứng nhận quyền sử dụng đất": a sub-dimension under its dimension
TRANSLATED_MARK = "†"  # after a Vietnamese name that is the project's translation (PAPI has no official one)


def metric_ids(dimensions: pd.DataFrame) -> list[str]:
    """The headline metrics: the total and the dimensions."""
    return [TOTAL, *dimensions["id"]]


def metric_name(metric: str, dimensions: pd.DataFrame, lang: str, short: bool = False) -> str:
    if metric == TOTAL:
        return t("total", lang)
    column = ("short_" if short else "name_") + lang
    names = dict(zip(dimensions["id"], zip(dimensions["order"], dimensions[column], strict=True), strict=True))
    order, name = names[metric]  # plain dict: this runs dozens of times a page run
    return f"D{order} {name}"


def metric_scale(metric: str, year: int, lang: str) -> str:
    """The scale a headline metric is on in that year: 1–10 for a dimension; 6–60 or 8–80 for the total."""
    low, high = (1, 10) if metric != TOTAL else map(int, total_range(year))
    return t("scale", lang, low=low, high=high)


def first_year(metric: str, dimensions: pd.DataFrame) -> int:
    if metric == TOTAL:
        return int(dimensions["first_year"].min())
    return as_int(dimensions.set_index("id").at[metric, "first_year"])


@dataclass(frozen=True)
class Metrics:
    """Every metric a page can offer: the total, each dimension and, after it, its sub-dimensions (one id per concept,
    papi_data.subdimensions), with their names, the years each is measured in and its scale in each year.

    Built once per store (ui/core/data.py); plain dicts inside, since pickers and tables look names up many times a run.
    """

    ids: tuple[str, ...]  # picker order
    headline: tuple[str, ...]  # the total and the dimensions
    dimensions: pd.DataFrame
    parent: dict[str, str]  # metric → its dimension (the total's and a dimension's: itself)
    names: dict[tuple[str, str], str]  # (sub-dimension, lang) → name
    translated: frozenset[str]  # sub-dimensions whose Vietnamese name is the project's translation
    years: dict[str, tuple[int, int]]  # metric → first and last year measured
    scales: dict[tuple[str, int], tuple[float, float]]  # (sub-dimension, year) → scale
    numbers: dict[tuple[str, int], str]  # (sub-dimension, year) → PAPI's official number ("5.3")
    segments: dict[tuple[str, int], str]  # (sub-dimension, year) → its segment ("2011–2017"): comparable years
    headline_names: dict[tuple[str, str, bool], str]  # (total or dimension, lang, short) → metric_name

    def name(self, metric: str, lang: str, short: bool = False, mark: bool = False) -> str:
        """ "D5 Thủ tục hành chính công", or for a sub-dimension "D5 › Thủ tục liên quan đến …"; with `mark`, a
        Vietnamese name that is the project's translation carries TRANSLATED_MARK (explained where it is shown)."""
        if not is_subdimension(metric):
            return self.headline_names[metric, lang, short]
        parent = self.headline_names[self.parent[metric], lang, False].split(" ", 1)[0]
        marked = mark and lang == "vi" and metric in self.translated
        return f"{parent} {SUB_MARK} {self.names[metric, lang]}" + (f" {TRANSLATED_MARK}" if marked else "")

    def is_translated(self, metric: str, lang: str) -> bool:
        return lang == "vi" and metric in self.translated

    def measured(self, metric: str, year: int) -> bool:
        first, last = self.years[metric]
        return first <= year <= last and (not is_subdimension(metric) or (metric, year) in self.scales)

    def scale(self, metric: str, year: int) -> tuple[float, float]:
        """The metric's scale in `year` (a sub-dimension's in its last year when it was not measured in `year`)."""
        if metric == TOTAL:
            return total_range(year)
        if not is_subdimension(metric):
            return DIMENSION_RANGE
        return self.scales.get((metric, year)) or self.scales[metric, self.years[metric][1]]

    def scale_text(self, metric: str, year: int, lang: str) -> str:
        """ "thang 8–80", "thang 0,33–3,33"."""
        if not is_subdimension(metric):
            return metric_scale(metric, year, lang)
        low, high = self.scale(metric, year)
        return t("scale", lang, low=fmt_plain(low, lang), high=fmt_plain(high, lang))

    def number(self, metric: str, year: int) -> str:
        """PAPI's number of the metric in `year`: "D5", "5.3"; "" for the total."""
        if metric == TOTAL:
            return ""
        if not is_subdimension(metric):
            return self.headline_names[metric, "en", False].split(" ", 1)[0]
        return self.numbers.get((metric, year), "")

    def segment_years(self, metric: str, years: Sequence[int]) -> list[list[int]]:
        """The years of `years` a sub-dimension is measured in, split where its definition or scale changes: a trend
        is drawn as one line per part, never across a change."""
        parts: list[list[int]] = []
        previous = None
        for year in years:
            segment = self.segments.get((metric, year))
            if segment is None:
                continue
            if segment != previous:
                parts.append([])
            parts[-1].append(year)
            previous = segment
        return parts

    def children(self, dimension: str, year: int | None = None) -> list[str]:
        """A dimension's sub-dimensions (those measured in `year` if given), in picker order."""
        return [
            m
            for m in self.ids
            if self.parent[m] == dimension and m != dimension and (year is None or self.measured(m, year))
        ]


def build_metrics(
    dimensions: pd.DataFrame, subdimensions: pd.DataFrame, periods: pd.DataFrame, last_year: int
) -> Metrics:
    """The catalogue from the store's reference tables; `last_year` is the latest year with scores."""
    dims = dimensions.sort_values("order")
    subs = subdimensions.sort_values(["dimension", "order"])
    ids = [TOTAL]
    for dimension in dims["id"]:
        ids += [dimension, *subs.loc[subs["dimension"] == dimension, "id"]]
    years = {TOTAL: (int(dims["first_year"].min()), last_year)}
    years |= {str(d): (int(f), last_year) for d, f in zip(dims["id"], dims["first_year"], strict=True)}
    years |= {
        str(s): (int(f), int(last))
        for s, f, last in zip(subs["id"], subs["first_year"], subs["last_year"], strict=True)
    }
    valid = segments(periods)
    keys = list(zip(valid["subdimension"], valid["year"].astype(int), strict=True))
    return Metrics(
        ids=tuple(ids),
        headline=tuple(metric_ids(dims)),
        dimensions=dims,
        parent={TOTAL: TOTAL}
        | {str(d): str(d) for d in dims["id"]}
        | dict(zip(subs["id"], subs["dimension"], strict=True)),
        names={
            (str(s), lang): str(n)
            for lang in ("vi", "en")
            for s, n in zip(subs["id"], subs[f"name_{lang}"], strict=True)
        },
        translated=frozenset(subs.loc[~subs["name_vi_official"].astype(bool), "id"]),
        years=years,
        scales=dict(zip(keys, zip(valid["scale_low"], valid["scale_high"], strict=True), strict=True)),
        numbers=dict(zip(keys, valid["official_number"], strict=True)),
        segments=dict(zip(keys, valid["segment"], strict=True)),
        headline_names={
            (m, lang, short): metric_name(m, dims, lang, short)
            for m in metric_ids(dims)
            for lang in ("vi", "en")
            for short in (False, True)
        },
    )
