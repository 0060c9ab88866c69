"""What the plan rules read from a ranked table: standings, the score a rank or group needs, ranks among a set of
provinces, and the fair comparisons shown beside a verdict.

`table` here is `plan_table(...)`, or any `with_ranks` output: one row per year, province and metric (the metric id in
`dimension`: "total", a dimension id, or a sub-dimension id such as "d5.land_titles").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import NamedTuple

import numpy as np
import pandas as pd

from papi_data.ranking import with_ranks
from papi_data.store.schema import GROUPS, TOTAL, era
from papi_data.subdimensions import is_subdimension, metric_rows


class Standing(NamedTuple):
    score: float | None
    rank: int | None
    n: int
    group: str | None


NO_STANDING = Standing(None, None, 0, None)


def plan_table(scores: pd.DataFrame, subdimension_scores: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """Totals, dimensions and sub-dimensions in one ranked table (rank, n, group per year and metric); sub-dimension
    rows carry their `segment` (a change of scale or definition) and scale, the others none."""
    columns = ["year", "province_code", "dimension", "score", "segment", "scale_low", "scale_high"]
    sub = metric_rows(subdimension_scores, periods)[columns]
    rows = pd.concat([scores[["year", "province_code", "dimension", "score"]], sub], ignore_index=True)
    return with_ranks(rows)


def standings(table: pd.DataFrame, provinces: Iterable[str]) -> dict[tuple[int, str, str], Standing]:
    """(year, province, metric) → score, rank, N, group for the given provinces."""
    rows = table[table["province_code"].isin(set(provinces))]
    ranks = rows["rank"].astype("float64")  # NaN, not NA, so one test below covers every missing value
    return {
        (int(y), c, d): Standing(None if s != s else s, None if r != r else int(r), int(n), None if pd.isna(g) else g)
        for y, c, d, s, r, n, g in zip(
            rows["year"],
            rows["province_code"],
            rows["dimension"],
            rows["score"],
            ranks,
            rows["n"],
            rows["group"],
            strict=True,
        )
    }


def segment_of(table: pd.DataFrame) -> dict[tuple[int, str], str]:
    """(year, sub-dimension) → its segment: two years of a sub-dimension compare only within one segment."""
    if "segment" not in table:
        return {}
    rows = table[table["segment"].notna()].drop_duplicates(["year", "dimension"])
    return {(int(y), str(d)): str(s) for y, d, s in zip(rows["year"], rows["dimension"], rows["segment"], strict=True)}


def same_scale(metric: str, before: int, after: int, segments: dict[tuple[int, str], str]) -> bool:
    """Whether scores of `metric` in two years are on one scale: a total not across 2018, a sub-dimension within one
    segment, a dimension always (1–10 throughout)."""
    if metric == TOTAL:
        return era(before) == era(after)
    if is_subdimension(metric):
        first, second = segments.get((before, metric)), segments.get((after, metric))
        return first is not None and first == second
    return True


def _year_metric(table: pd.DataFrame, year: int, metric: str, among: Collection[str] | None = None) -> pd.DataFrame:
    rows = table[(table["year"] == year) & (table["dimension"] == metric) & table["score"].notna()]
    return rows if among is None else rows[rows["province_code"].isin(set(among))]


def ranks_among(table: pd.DataFrame, year: int, metric: str, among: Collection[str]) -> dict[str, int]:
    """Each province's rank among the set `among` (those of it with a score that year; ties share the best rank)."""
    rows = _year_metric(table, year, metric, among)
    ranks = rows["score"].rank(method="min", ascending=False)
    return {str(c): int(r) for c, r in zip(rows["province_code"], ranks, strict=True)}


def score_to_reach(
    table: pd.DataFrame,
    year: int,
    metric: str,
    rank: int,
    among: Collection[str] | None = None,
    without: str | None = None,
) -> float | None:
    """The score a province needs to be ranked `rank` or better that year (among `among` if given), other scores
    unchanged: the `rank`-th best of the others' scores (`without` the province itself; ties share the best rank, so
    equalling it is enough). None where fewer than `rank` others have a score: any score will do."""
    rows = _year_metric(table, year, metric, among)
    scores = np.sort(rows.loc[rows["province_code"] != without, "score"].to_numpy(dtype=float))[::-1]
    return float(scores[rank - 1]) if len(scores) >= rank else None


def group_floor(table: pd.DataFrame, year: int, metric: str, group: str) -> float | None:
    """The lowest score in `group` or a better one that year (what a province must equal to be in it)."""
    rows = _year_metric(table, year, metric)
    rows = rows[rows["group"].isin(GROUPS[: GROUPS.index(group) + 1])]
    return None if rows.empty else float(rows["score"].min())


def group_last_rank(table: pd.DataFrame, year: int, metric: str, group: str) -> int | None:
    """The worst rank still in `group` or a better one that year."""
    rows = _year_metric(table, year, metric)
    rows = rows[rows["group"].isin(GROUPS[: GROUPS.index(group) + 1])]
    return None if rows.empty else int(rows["rank"].max())


class FairRanks(NamedTuple):
    """A province's rank in two years among the same provinces: those with a score in both (and in the set)."""

    before: int
    after: int
    n: int


def fair_ranks(
    table: pd.DataFrame, metric: str, code: str, before: int, after: int, among: Collection[str] | None = None
) -> FairRanks | None:
    """The rank change a province would show if the same provinces had been ranked both years; None where it has
    no score in one of them."""
    first = _year_metric(table, before, metric, among).set_index("province_code")["score"]
    second = _year_metric(table, after, metric, among).set_index("province_code")["score"]
    both = first.index.intersection(second.index)
    if code not in both:
        return None
    rank_before = first[both].rank(method="min", ascending=False)
    rank_after = second[both].rank(method="min", ascending=False)
    return FairRanks(int(rank_before[code]), int(rank_after[code]), len(both))
