"""Headline figures for one year: a province's card, the best and lowest provinces, who has no data."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from papi_data.cells import float_or_none, int_or_none, str_or_none
from papi_data.eras import provinces_of
from papi_data.store.schema import TOTAL


@dataclass(frozen=True)
class ProvinceYear:
    """A province's standing on one metric in one year. `score` is None where PAPI published none."""

    code: str
    year: int
    score: float | None
    rank: int | None
    n: int  # provinces with data that year, the denominator of the rank
    group: str | None
    change: float | None  # None where the previous year has no data or is on another scale (2017 → 2018 total)
    change_gap: str | None = None  # why there is no change (papi_data.stats.CHANGE_GAPS), where the table says

    @property
    def has_data(self) -> bool:
        return self.score is not None


def province_year(table: pd.DataFrame, code: str, year: int, dimension: str = TOTAL) -> ProvinceYear:
    """The card figures from a table made by `with_change(with_ranks(scores))`."""
    rows = table[(table["year"] == year) & (table["dimension"] == dimension)]
    n = int(rows["score"].notna().sum())
    row = rows[rows["province_code"] == code]
    if row.empty:
        return ProvinceYear(code, year, None, None, n, None, None)
    r = row.iloc[0]
    return ProvinceYear(
        code=code,
        year=year,
        score=float_or_none(r["score"]),
        rank=int_or_none(r["rank"]),
        n=n,
        group=str_or_none(r["group"]),
        change=float_or_none(r["change"]),
        change_gap=str_or_none(r.get("change_gap")),
    )


def leaders(table: pd.DataFrame, year: int, k: int = 5, dimension: str = TOTAL, best: bool = True) -> pd.DataFrame:
    """The k best (or lowest) provinces with data; ties at the edge are all kept so no one is cut arbitrarily."""
    rows = table[(table["year"] == year) & (table["dimension"] == dimension) & table["score"].notna()]
    if best:
        return rows[rows["rank"] <= rows["rank"].nsmallest(k).max()].sort_values(["rank", "province_code"])
    cut = rows["score"].nsmallest(k).max()
    return rows[rows["score"] <= cut].sort_values(["rank", "province_code"], ascending=[False, True])


def without_data(table: pd.DataFrame, year: int, dimension: str = TOTAL) -> list[str]:
    """Codes of the provinces that have no score for this year and metric."""
    rows = table[(table["year"] == year) & (table["dimension"] == dimension) & table["score"].isna()]
    return sorted(rows["province_code"])


def year_metric(table: pd.DataFrame, provinces: pd.DataFrame, year: int, dimension: str = TOTAL) -> pd.DataFrame:
    """Every province's row for one year and metric, in province order, with NaN where there is no score.

    Provinces without a row at all (a dimension not yet measured that year) are included as missing, so a map or a
    count always covers all provinces of the year's set (papi_data.eras) and says who has no data.
    """
    provinces = provinces_of(provinces, year)
    measured = ["score", "rank", "group", "change", *(["change_gap"] if "change_gap" in table else [])]
    measured += ["source", "source_file", "source_line"]
    rows = table.loc[(table["year"] == year) & (table["dimension"] == dimension), ["province_code", *measured]]
    out = provinces.merge(rows, left_on="code", right_on="province_code", how="left").drop(columns="province_code")
    out["year"] = year
    out["dimension"] = dimension
    out["n"] = int(out["score"].notna().sum())
    return out.sort_values("code", ignore_index=True)
