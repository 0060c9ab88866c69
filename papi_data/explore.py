"""The explorer's rules: which rows a researcher's filters keep, change against a base year, what the selection holds,
and the straight line through a scatter. Pure pandas and numpy.

Metrics. With no metric chosen the explorer shows the headline metrics, the total and the dimensions; sub-dimensions
(papi_data.subdimensions: their ids hold a dot) are shown when chosen.

The score-range filter is on the 1–10 scale of a dimension, and every metric is held to the same place on its own
scale (the range mapped linearly onto it): a total to the range times the number of dimensions of its year's scale
(× 6 before 2018, × 8 from 2018), a sub-dimension to the same share of its scale (0.25–2.5: a quarter; 0.33–3.33:
0.33 + a third of the way). A range of 4–6 keeps dimension scores of 4–6, totals of 24–36 for 2011–2017 and of 32–48
from 2018, and sub-dimension scores of 1–1.5 on 0.25–2.5. So one range means the same thing for every metric and both
eras, and totals of the two eras are never compared with each other.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from papi_data.eras import province_set, sets_of
from papi_data.search import search_provinces
from papi_data.store.schema import DIMENSION_RANGE, TOTAL, era, total_range
from papi_data.subdimensions import is_subdimension, subdimension_rows
from papi_data.uncertainty import with_intervals

SCALE_SLACK = 1e-9  # a bound carried to another scale lands on its end exactly, not a rounding error inside it


@dataclass(frozen=True)
class Filters:
    """A researcher's selection. For metrics, regions and groups an empty tuple means no restriction; for provinces
    None means no restriction and an empty tuple means none (a search that matched nothing)."""

    years: tuple[int, int]
    metrics: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    scores: tuple[float, float] = DIMENSION_RANGE  # on the 1–10 scale; the whole scale means no score filter
    provinces: tuple[str, ...] | None = None

    @property
    def by_score(self) -> bool:
        return tuple(self.scores) != DIMENSION_RANGE

    @property
    def by_value(self) -> bool:
        """True when a filter looks at the scores (group or score range): rows without a score cannot pass it."""
        return bool(self.groups) or self.by_score


@dataclass(frozen=True)
class Summary:
    """What the selection shows: provinces with a row in the view out of all, the years, and the province-years that
    miss a score for at least one selected metric measured that year (missing rows included)."""

    provinces: int
    all_provinces: int
    years: tuple[int, int]
    without_data: int
    rows: int


@dataclass(frozen=True)
class Fit:
    """The least-squares line y = slope · x + intercept and Pearson's r over n points."""

    n: int
    slope: float
    intercept: float
    r: float


def scale_bounds(table: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Each row's scale (low, high): 1–10 for a dimension, 6–60 or 8–80 for a total, a sub-dimension's own scale
    (its `scale_low` and `scale_high` columns, papi_data.subdimensions.metric_rows)."""
    low = pd.Series(DIMENSION_RANGE[0], index=table.index)
    high = pd.Series(DIMENSION_RANGE[1], index=table.index)
    totals = table["dimension"] == TOTAL
    ranges = {y: total_range(int(y)) for y in table.loc[totals, "year"].unique()}
    low[totals] = table.loc[totals, "year"].map({y: r[0] for y, r in ranges.items()})
    high[totals] = table.loc[totals, "year"].map({y: r[1] for y, r in ranges.items()})
    if "scale_low" in table:
        own = table["scale_low"].notna()
        low[own], high[own] = table.loc[own, "scale_low"], table.loc[own, "scale_high"]
    return low, high


def on_scale(value: float, low: pd.Series, high: pd.Series) -> pd.Series:
    """A point of the 1–10 dimension scale carried to the same place on each row's scale (low–high)."""
    dim_low, dim_high = DIMENSION_RANGE
    return low + (value - dim_low) * (high - low) / (dim_high - dim_low)


def comparable(metric: str, year: int, other: int, segments: tuple[str | None, str | None] = (None, None)) -> bool:
    """Whether two years' scores of a metric can be subtracted: always for a dimension (1–10 in both eras); for the
    total only within one era (6–60 before 2018, 8–80 from 2018); for a sub-dimension only within one segment (its
    `segments` in the two years, papi_data.subdimensions: one concept, era and scale)."""
    if is_subdimension(metric):
        return segments[0] is not None and segments[0] == segments[1]
    return metric != TOTAL or era(year) == era(other)


def _metric_order(dimension: pd.Series) -> pd.Series:
    """The total first, then d1 … d8, each dimension ("d5_…" → "d5") before its sub-dimensions ("d5.land_titles")."""
    return dimension.str.replace(r"^([^._]+)_[^.]*$", r"\1", regex=True).where(dimension != TOTAL, "")


def explorer_table(scores: pd.DataFrame, subdimensions: pd.DataFrame, uncertainty: pd.DataFrame) -> pd.DataFrame:
    """The scores and the sub-dimension scores (each with ranks and change, papi_data.subdimensions.metric_rows) in
    one long table with a fresh index; the total's rows carry PAPI's published SE, 90% interval and respondents, and
    where they come from (papi_data.uncertainty.with_intervals), empty where none was published."""
    totals = scores["dimension"] == TOTAL
    with_se = with_intervals(scores, uncertainty)
    added = [c for c in with_se.columns if c not in scores.columns]
    scores = scores.join(with_se[added].set_axis(scores.index[totals]))  # with_intervals keeps the totals' order
    return pd.concat([scores, subdimensions], ignore_index=True)


def provinces_matching(provinces: pd.DataFrame, query: str) -> tuple[str, ...] | None:
    """The provinces a search box names, best match first: each comma-separated part ("ha noi, hcm") searched without
    diacritics by papi_data.search; None for an empty box (no restriction), () when nothing matches."""
    parts = [part for part in query.split(",") if part.strip()]
    if not parts:
        return None
    found = (code for part in parts for code in search_provinces(provinces, part, limit=len(provinces)))
    return tuple(dict.fromkeys(found))


def _province_codes(provinces: pd.DataFrame, filters: Filters) -> pd.Series:
    codes = provinces["code"]
    if filters.regions:
        codes = codes[provinces["region_id"].isin(filters.regions)]
    if filters.provinces is not None:
        codes = codes[codes.isin(filters.provinces)]
    return codes


def _in_years_and_metrics(table: pd.DataFrame, filters: Filters) -> pd.Series:
    keep = table["year"].between(*filters.years)
    if filters.metrics:
        keep &= table["dimension"].isin(filters.metrics)
    else:
        keep &= ~subdimension_rows(table["dimension"])
    return keep


def _selected(table: pd.DataFrame, provinces: pd.DataFrame, filters: Filters) -> pd.Series:
    """Rows within the years, metrics, regions and provinces (the filters that do not look at the scores)."""
    return _in_years_and_metrics(table, filters) & table["province_code"].isin(_province_codes(provinces, filters))


def apply_filters(table: pd.DataFrame, provinces: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of a long score table (one per province, year and metric) that the filters keep, ordered by metric
    (total first), year, rank and province.

    Rows without a score stay (shown as "no data") unless a group or score-range filter is set, which they cannot
    meet; `summarise` still counts them. A group is the row's own (its year's and metric's).
    """
    keep = _selected(table, provinces, filters)
    if filters.groups:
        keep &= table["group"].isin(filters.groups)
    if filters.by_score:
        low, high = scale_bounds(table)
        keep &= table["score"].between(
            on_scale(filters.scores[0], low, high) - SCALE_SLACK, on_scale(filters.scores[1], low, high) + SCALE_SLACK
        )  # a missing score is never between
    keys = table.loc[keep, ["dimension", "year", "rank", "province_code"]]  # sort on the keys, take the rows once
    keys["dimension"] = _metric_order(keys["dimension"])
    order = keys.sort_values(["dimension", "year", "rank", "province_code"], na_position="last").index
    return table.loc[order]


def with_base_change(table: pd.DataFrame, base_year: int) -> pd.DataFrame:
    """Add `change_base`: score minus the same province's and metric's score in `base_year`.

    Defined where both years have a score and, for the total, both lie in one scale era, and for a sub-dimension both
    in one segment (the rule of papi_data.stats.with_change); missing years in between do not matter. In the base
    year itself it is 0.
    """
    segmented = "segment" in table
    kept = ["province_code", "dimension", "score", *(["segment"] if segmented else [])]
    base = table.loc[table["year"] == base_year, kept].rename(columns={"score": "_base", "segment": "_base_segment"})
    out = table.merge(base, on=["province_code", "dimension"], how="left")
    same_scale = (out["dimension"] != TOTAL) | (
        out["year"].map({y: era(y) for y in out["year"].unique()}) == era(base_year)
    )
    if segmented:  # rows without a segment (the total and the dimensions) are held by the rule above
        same_scale &= out["segment"].isna() | (out["segment"] == out["_base_segment"]).fillna(False)
    out["change_base"] = (out["score"] - out["_base"]).where(same_scale)
    return out.drop(columns=["_base", "_base_segment"], errors="ignore").set_axis(
        table.index
    )  # a left merge keeps the order; keep the labels too


def summarise(table: pd.DataFrame, provinces: pd.DataFrame, filters: Filters, shown: pd.DataFrame) -> Summary:
    """The line above the view: `shown` is `apply_filters`' result; `table` the whole long table.

    A province-year counts as without data when one of the selected metrics that PAPI measured that year (some
    province has a row for it) has no score for it, whether its row holds no score or is absent.
    """
    in_scope = table.loc[_in_years_and_metrics(table, filters), ["province_code", "year", "dimension", "score"]]
    expected = in_scope.groupby("year")["dimension"].nunique()  # the selected metrics measured each year
    codes = _province_codes(provinces, filters)
    sets = provinces.assign(province_set=sets_of(provinces)).set_index("code")["province_set"]  # each year its own set
    per_year = {s: int((sets.reindex(codes) == s).sum()) for s in sets.unique()}
    years_in = [int(y) for y in range(filters.years[0], filters.years[1] + 1)]
    all_sets = {province_set(y) for y in years_in}
    chosen = in_scope[in_scope["province_code"].isin(codes) & in_scope["score"].notna()]
    present = chosen.groupby(["province_code", "year"])["dimension"].nunique()
    complete = int((present.to_numpy() == expected.reindex(present.index.get_level_values("year")).to_numpy()).sum())
    return Summary(
        provinces=int(shown["province_code"].nunique()),
        all_provinces=int(sets.isin(all_sets).sum()),
        years=filters.years,
        without_data=sum(per_year.get(province_set(int(y)), 0) for y in expected.index) - complete,
        rows=len(shown),
    )


def linear_fit(x: pd.Series, y: pd.Series) -> Fit | None:
    """OLS line and Pearson's r over the pairs where both values exist; None with fewer than 3 pairs or no spread
    (r is not defined then)."""
    both = pd.DataFrame({"x": x, "y": y}).dropna()
    if len(both) < 3 or both["x"].nunique() < 2 or both["y"].nunique() < 2:
        return None
    slope, intercept = np.polyfit(both["x"], both["y"], 1)
    r = float(np.corrcoef(both["x"], both["y"])[0, 1])
    return Fit(n=len(both), slope=float(slope), intercept=float(intercept), r=r)


def paired(rows: pd.DataFrame, column: str, first: object, second: object) -> pd.DataFrame:
    """Per province with a score at both, the score where `column` is `first` and where it is `second`: columns
    province_code, first, second. Two metrics of one year (a scatter) or two years of one metric (a slope chart);
    `rows` holds one row per province for each of the two."""
    part = rows[rows[column].isin([first, second]) & rows["score"].notna()]
    wide = part.pivot(index="province_code", columns=column, values="score")
    both = wide.reindex(columns=[first, second]).dropna()
    return pd.DataFrame(
        {"province_code": both.index.to_numpy(), "first": both[first].to_numpy(), "second": both[second].to_numpy()}
    )
