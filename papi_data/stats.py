"""National statistics and year-on-year change."""

from __future__ import annotations

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
