"""National statistics and year-on-year change."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from papi_data.eras import province_set
from papi_data.store.schema import TOTAL, era


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


# Why a change against the previous year is not defined (the `change_gap` column), in the order they are checked.
CHANGE_GAPS = ("no_score", "first_year", "scale_change", "set_change", "definition_change", "previous_missing")


def with_change(scores: pd.DataFrame) -> pd.DataFrame:
    """Add `change`: score minus the previous year's, where both years have data and share a scale; and `change_gap`:
    why it is not defined where it is not (else missing), so a page can say it rather than "no data".

    The previous year is year − 1 exactly (a gap year gives no change), and a total never changes across the
    2018 switch from the 6–60 to the 8–80 scale, and no score across the 2025 switch from the 63 provinces to the 34
    (papi_data.eras: a province of the 34 has no year before, and is never compared with its former provinces).
    Dimension scores are 1–10 in both scale eras, so they do. Where the table
    has a `segment` column (sub-dimensions: papi_data.subdimensions.metric_rows), a change also needs both years in
    the same segment, i.e. on the same scale and definition.

    `change_gap`, the first that holds: `no_score` (none this year), `first_year` (no province has a score the year
    before: the metric starts this year), `scale_change` (a total of 2018 against 2017), `set_change` (2025 against
    2024: other provinces), `definition_change` (a
    sub-dimension whose segment starts this year), `previous_missing` (this province has no score the year before).
    """
    out = scores.copy()
    kept = ["year", "province_code", "dimension", "score", *(["segment"] if "segment" in out else [])]
    previous = out[kept].rename(columns={"score": "previous_score", "segment": "previous_segment"})
    previous["year"] = previous["year"] + 1
    out = out.merge(previous, on=["year", "province_code", "dimension"], how="left")
    eras = out["year"].map({y: era(int(y)) for y in out["year"].unique()})
    scale_break = (out["dimension"] == TOTAL) & (eras != (out["year"] - 1).map(era))
    sets = out["year"].map({y: province_set(int(y)) for y in out["year"].unique()})
    set_break = sets.to_numpy() != (out["year"] - 1).map(province_set).to_numpy()
    measured = out.loc[out["score"].notna(), ["year", "dimension"]].drop_duplicates()
    measured_before = pd.MultiIndex.from_frame(measured.assign(year=measured["year"] + 1))
    first_year = ~pd.MultiIndex.from_frame(out[["year", "dimension"]]).isin(measured_before)
    definition_break = np.zeros(len(out), dtype=bool)
    if "segment" in out:
        first_rows = out.dropna(subset=["score"]).drop_duplicates(["year", "dimension"])
        segment_of = first_rows.set_index(["year", "dimension"])["segment"]
        before = pd.MultiIndex.from_arrays([out["year"] - 1, out["dimension"]])
        definition_break = (segment_of.reindex(before).to_numpy() != out["segment"].to_numpy()) & ~first_year
    out["change"] = (out["score"] - out["previous_score"]).where(~scale_break & ~set_break & ~definition_break)
    gaps = [out["score"].isna(), first_year, scale_break, set_break, definition_break, out["previous_score"].isna()]
    reason = np.select([np.asarray(g, dtype=bool) for g in gaps], list(CHANGE_GAPS), default="")
    out["change_gap"] = pd.array([r or None for r in reason], dtype="string")
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
    (a dimension: every year, on 1–10; the total: 2011–2017 on 6–60, or 2018 on, on 8–80; a sub-dimension: the years
    of its `segment`, one definition and scale), so that a colour means the same score all through a play-through;
    with `one_year`, that year's scores only, for contrast. Only years of the same province set count (the 63 through
    2024, the 34 from 2025: papi_data.eras), so each era's colours span its own provinces. The ends are rounded
    outward (to 0.1, to a whole point for the total). None where the metric has no score then."""
    rows = scores[(scores["dimension"] == metric) & scores["score"].notna()]
    rows = rows[rows["year"].map(province_set) == province_set(year)]
    if one_year:
        rows = rows[rows["year"] == year]
    elif metric == TOTAL:
        rows = rows[rows["year"].map(era) == era(year)]
    elif "segment" in rows and rows["segment"].notna().any():
        rows = rows[rows["segment"].isin(rows.loc[rows["year"] == year, "segment"].unique())]
    if rows.empty or not (rows["year"] == year).any():
        return None
    step = 1.0 if metric == TOTAL else 0.1
    return ColourRange(
        low=round(math.floor(rows["score"].min() / step + 1e-9) * step, 1),
        high=round(math.ceil(rows["score"].max() / step - 1e-9) * step, 1),
        first=int(rows["year"].min()),
        last=int(rows["year"].max()),
    )
