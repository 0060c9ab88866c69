"""National statistics and year-on-year change."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from papi_data.schema import TOTAL, era


def national(scores: pd.DataFrame) -> pd.DataFrame:
    """Mean, median, quartiles, min, max and the count of provinces with data, per year and dimension."""
    grouped = scores.groupby(["year", "dimension"])["score"]
    out = grouped.agg(
        mean="mean",
        median="median",
        q25=lambda s: s.quantile(0.25),
        q75=lambda s: s.quantile(0.75),
        min="min",
        max="max",
        n="count",
    ).reset_index()
    out["n"] = out["n"].astype("Int16")
    return out


def with_change(scores: pd.DataFrame) -> pd.DataFrame:
    """Add `change`: score minus the previous year's, where both years have data and share a scale.

    The previous year is year − 1 exactly (a gap year gives no change), and a total never changes across the
    2018 switch from the 6–60 to the 8–80 scale. Dimension scores are 1–10 in both eras, so they do. Where the table
    has a `segment` column (sub-dimensions: papi_data.subdimensions.metric_rows), a change also needs both years in
    the same segment, i.e. on the same scale and definition.
    """
    out = scores.copy()
    kept = ["year", "province_code", "dimension", "score", *(["segment"] if "segment" in out else [])]
    previous = out[kept].rename(columns={"score": "previous_score", "segment": "previous_segment"})
    previous["year"] = previous["year"] + 1
    out = out.merge(previous, on=["year", "province_code", "dimension"], how="left")
    same_scale = (out["dimension"] != TOTAL) | (out["year"].map(era) == (out["year"] - 1).map(era))
    if "segment" in out:
        same_scale &= out["segment"] == out["previous_segment"]
    out["change"] = (out["score"] - out["previous_score"]).where(same_scale)
    return out.drop(columns=["previous_score", "previous_segment"], errors="ignore")


@dataclass(frozen=True)
class ColourRange:
    """The scores a map's colours span (`low`, `high`) and the years whose scores set them (`first`, `last`)."""

    low: float
    high: float
    first: int
    last: int


def colour_range(scores: pd.DataFrame, metric: str, year: int, *, one_year: bool = False) -> ColourRange | None:
    """The span a map colours `metric` over in `year`: the lowest and highest score of every year on the same scale
    (a dimension: every year, on 1–10; the total: 2011–2017 on 6–60, or 2018 on, on 8–80), so that a colour means the
    same score all through a play-through; with `one_year`, that year's scores only, for contrast. The ends are
    rounded outward (to 0.1 on 1–10, to a whole point for the total). None where the metric has no score then."""
    rows = scores[(scores["dimension"] == metric) & scores["score"].notna()]
    if one_year:
        rows = rows[rows["year"] == year]
    elif metric == TOTAL:
        rows = rows[rows["year"].map(era) == era(year)]
    if rows.empty or not (rows["year"] == year).any():
        return None
    step = 1.0 if metric == TOTAL else 0.1
    return ColourRange(
        low=round(math.floor(rows["score"].min() / step + 1e-9) * step, 1),
        high=round(math.ceil(rows["score"].max() / step - 1e-9) * step, 1),
        first=int(rows["year"].min()),
        last=int(rows["year"].max()),
    )
