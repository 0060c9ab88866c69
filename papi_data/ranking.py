"""Ranks and PAPI's four groups, always among the provinces that have a score in that year and dimension."""

from __future__ import annotations

from typing import Literal, cast, get_args

import numpy as np
import pandas as pd

from papi_data.numbers import round_half_up
from papi_data.store.schema import GROUPS, TOTAL

KEYS = ["year", "dimension"]
# numpy's percentile definitions, all of them candidates for PAPI's; the groups use "hazen" (see group_within).
PercentileMethod = Literal[
    "inverted_cdf",
    "averaged_inverted_cdf",
    "closest_observation",
    "interpolated_inverted_cdf",
    "hazen",
    "weibull",
    "linear",
    "median_unbiased",
    "normal_unbiased",
    "lower",
    "higher",
    "midpoint",
    "nearest",
]
PERCENTILE_METHODS: tuple[PercentileMethod, ...] = get_args(PercentileMethod)
PERCENTILE_METHOD: PercentileMethod = "hazen"


def group_cuts(values: np.ndarray, method: PercentileMethod = PERCENTILE_METHOD) -> tuple[float, float, float]:
    """P25, P50 and P75 of the scores with data, by one of numpy's percentile methods (PAPI's: "hazen")."""
    p25, p50, p75 = np.percentile(values, [25, 50, 75], method=method)
    return float(p25), float(p50), float(p75)


def _group_labels(values: np.ndarray, method: PercentileMethod) -> np.ndarray:
    """Group labels for scores that are all present (no NaN)."""
    p25, p50, p75 = group_cuts(values, method)
    return np.select([values >= p75, values >= p50, values >= p25], list(GROUPS[:3]), default=GROUPS[3])


def group_within(scores: pd.Series, method: PercentileMethod = PERCENTILE_METHOD) -> pd.Series:
    """PAPI's groups by percentile of the year's scores: best ≥ P75, high average ≥ P50, low average ≥ P25, poor below.

    Percentiles are taken over the provinces with data by the "hazen" definition (the k-th of n sorted scores sits at
    (k − 0.5) / n). Of numpy's definitions it reproduces the most group sizes PAPI published: 16/16/15/16 of 63 in
    2017, 2019 and 2020 and 15 best of 61 in 2023; none reproduces 2022's 14 poor provinces (see
    papi_data.published.group_size_check). numpy's default, "linear", gives 16 best in 2023.
    """
    present = scores.dropna()
    out = pd.Series(pd.NA, index=scores.index, dtype="string")
    if not present.empty:
        out.loc[present.index] = _group_labels(present.to_numpy(dtype=float), method)
    return out


def published_cut_offs(group_sizes: pd.DataFrame | None) -> dict[tuple[int, str], list[tuple[str, float]]]:
    """The years whose group cut-offs of the total PAPI published (the store's `published_group_sizes` with `low`):
    (year, TOTAL) → [(group, lowest score of the group as printed)], best group first."""
    if group_sizes is None or "low" not in group_sizes:
        return {}
    rows = group_sizes[group_sizes["low"].notna()]
    out: dict[tuple[int, str], list[tuple[str, float]]] = {}
    for year, part in rows.groupby("year"):
        lows = dict(zip(part["group"], part["low"], strict=True))
        if set(lows) == set(GROUPS):  # only a year with all four ranges replaces the percentile groups
            out[int(str(year)), TOTAL] = [(g, float(lows[g])) for g in GROUPS]
    return out


def groups_by_cut_offs(values: np.ndarray, lows: list[tuple[str, float]]) -> np.ndarray:
    """Groups by PAPI's published ranges: the first group (best first) whose printed lowest score the score reaches
    when rounded half up to the printed two decimals (Khánh Hòa 2022, 43.4369, prints as 43.44: the best group's
    first score); below every range, the last group."""
    shown = np.array([round_half_up(v, 2) for v in values])
    return np.select([shown >= low for _, low in lows], [g for g, _ in lows], default=lows[-1][0])


def with_ranks(scores: pd.DataFrame, group_sizes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add rank, n (provinces with data) and group per year and dimension to a long score table.

    Rank: 1 = best; ties share the best rank and leave a gap after them (1, 1, 3); no score, no rank. Groups as
    group_within, computed group by group on plain arrays (a table of sub-dimension scores has some 400 year-metric
    groups); except where PAPI published a year's group ranges (`group_sizes`, the store's published_group_sizes
    with `low`: the 2022 total), which place the provinces as PAPI did (groups_by_cut_offs).
    """
    published = published_cut_offs(group_sizes)
    out = scores.copy()
    by = out.groupby(KEYS, sort=False)
    out["rank"] = by["score"].rank(method="min", ascending=False).astype("Int16")
    out["n"] = by["score"].transform("count").astype("Int16")
    values = out["score"].to_numpy(dtype=float)
    groups = np.full(len(out), None, dtype=object)
    for key, rows in by.indices.items():
        present = rows[~np.isnan(values[rows])]
        if not len(present):
            continue
        year, dimension = cast(tuple[int, str], key)  # the groupby's two keys
        lows = published.get((int(year), str(dimension)))
        groups[present] = (
            groups_by_cut_offs(values[present], lows) if lows else _group_labels(values[present], PERCENTILE_METHOD)
        )
    out["group"] = pd.array(groups, dtype="string")
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


NEAR = 0.01  # points: a difference PAPI's two-decimal tables cannot show reliably


def near_tie(scores: pd.Series, code: str, within: float = NEAR) -> tuple[int, int, float] | None:
    """Where a province's rank rests on a difference below the published precision: the ranks spanned by the
    provinces less than `within` points from its score (itself included) and the largest of those differences;
    None where no other province is that close. `scores` is one year and metric, province code → score (with data).

    Bắc Ninh 2023, D4: 7.1588 ranks 12th, 0.0073 below Quảng Nam (11th) and 0.0074 above Bắc Giang (13th): "ranks
    11–13"; the press printed 11."""
    return year_ties(scores, within).get(code)


def year_ties(scores: pd.Series, within: float = NEAR) -> dict[str, tuple[int, int, float]]:
    """`near_tie` of every province of one year and metric at once (code → first rank, last rank, largest gap)."""
    values = scores.to_numpy(dtype=float)
    ranks = scores.rank(method="min", ascending=False).to_numpy()
    gaps = np.abs(values[:, None] - values[None, :])
    close = gaps < within
    return {
        str(code): (int(ranks[near].min()), int(ranks[near].max()), float(gaps[i][near].max()))
        for i, (code, near) in enumerate(zip(scores.index, close, strict=True))
        if near.sum() >= 2
    }


def near_ties(table: pd.DataFrame) -> pd.DataFrame:
    """Every near-tie (`near_tie`) of a ranked table: year, province_code, dimension, the ranks it spans (first_rank,
    last_rank) and the largest difference (gap), one row per province and metric whose rank rests on one."""
    rows = []
    for (year, metric), part in table[table["score"].notna()].groupby(["year", "dimension"], observed=True):
        for code, tie in year_ties(part.set_index("province_code")["score"]).items():
            rows.append((year, code, metric, *tie))
    return pd.DataFrame(rows, columns=["year", "province_code", "dimension", "first_rank", "last_rank", "gap"])
