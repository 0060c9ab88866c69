"""Ranks and PAPI's four groups, always among the provinces that have a score in that year and dimension."""

from __future__ import annotations

import numpy as np
import pandas as pd

from papi_data.schema import GROUPS, TOTAL

KEYS = ["year", "dimension"]


def rank_within(scores: pd.Series) -> pd.Series:
    """1 = best; ties share the best rank and leave a gap after them (1, 1, 3); no score → no rank."""
    return scores.rank(method="min", ascending=False).astype("Int16")


def group_within(scores: pd.Series) -> pd.Series:
    """PAPI's groups by percentile of the year's scores: best ≥ P75, high average ≥ P50, low average ≥ P25, poor below.

    Percentiles are linear-interpolated over the provinces with data (numpy's default), which gives the published
    16/16/15/16 split of 63 provinces.
    """
    present = scores.dropna()
    out = pd.Series(pd.NA, index=scores.index, dtype="string")
    if present.empty:
        return out
    p25, p50, p75 = np.percentile(present.to_numpy(), [25, 50, 75])
    labels = np.select([present >= p75, present >= p50, present >= p25], list(GROUPS[:3]), default=GROUPS[3])
    out.loc[present.index] = labels
    return out


def with_ranks(scores: pd.DataFrame) -> pd.DataFrame:
    """Add rank, n (provinces with data) and group per year and dimension to a long score table."""
    out = scores.copy()
    by = out.groupby(KEYS, sort=False)["score"]
    out["rank"] = by.transform(rank_within).astype("Int16")
    out["n"] = by.transform("count").astype("Int16")
    out["group"] = by.transform(group_within).astype("string")
    return out


def group_bands(table: pd.DataFrame, dimension: str = TOTAL) -> pd.DataFrame:
    """Per year and group, the ranks it spans and its lowest score: the group bands behind a rank line."""
    rows = table[(table["dimension"] == dimension) & table["score"].notna()]
    out = (
        rows.groupby(["year", "group"], observed=True)
        .agg(first_rank=("rank", "min"), last_rank=("rank", "max"), lowest_score=("score", "min"))
        .reset_index()
    )
    out["order"] = out["group"].map(GROUPS.index)
    return out.sort_values(["year", "order"], ignore_index=True).drop(columns="order")
