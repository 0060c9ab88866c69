"""Provinces by era: which set of provinces a year's survey covers, and how the two sets are linked.

PAPI surveys the provinces of its year. Through 2024 that is the 63 provinces (GSO codes "01"–"96"); from 2025 the 34
formed on 1 July 2025 (Resolution 202/2025/QH15; their codes and names are `new_code`, `new_name_*` of
province_mapping_63_to_34.csv). The new GSO codes reuse old ones for other provinces (new "80" Tây Ninh is old "80"
Long An), so in the store a province of the 34 is keyed `n` + its code ("n80") and keeps its GSO code beside it.

Each era's scores stay as published: ranks, groups, national figures and colour ranges are taken over one year's set,
and nothing here (or anywhere) adds or averages former provinces into a new one; the link between the eras is only
the mapping, shown beside the figures.
"""

from __future__ import annotations

import pandas as pd

MERGER_YEAR = 2025  # the first survey year of the 34 provinces
SET_63 = "63"
SET_34 = "34"
NEW_KEY_PREFIX = "n"


def province_set(year: int) -> str:
    """The province set a survey year covers: "63" through 2024, "34" from 2025."""
    return SET_34 if year >= MERGER_YEAR else SET_63


def same_set(year: int, other: int) -> bool:
    """Whether two years cover the same provinces, so a change or comparison between them is defined."""
    return province_set(year) == province_set(other)


def new_key(gso_code: str) -> str:
    """The store's key of a province of the 34 from its GSO code ("80" → "n80")."""
    return f"{NEW_KEY_PREFIX}{gso_code}"


def split_by_set(years: list[int]) -> list[list[int]]:
    """Years in runs of one province set, so that a chart draws no line from a 63-province year to a 34-province
    one: [[2011, …, 2024], [2025, …]] (one run where all are of one set)."""
    runs = [[y for y in years if province_set(y) == s] for s in (SET_63, SET_34)]
    return [run for run in runs if run]


def sets_of(provinces: pd.DataFrame) -> pd.Series:
    """Each province's set; a table without the column (an older store, a test's table) holds the 63."""
    if "province_set" in provinces:
        return provinces["province_set"]
    return pd.Series(SET_63, index=provinces.index)


def provinces_of(provinces: pd.DataFrame, year: int) -> pd.DataFrame:
    """The rows of the provinces table that a year's survey covers (the table holds a set once a year uses it)."""
    return provinces[sets_of(provinces) == province_set(year)]


def successor(provinces: pd.DataFrame, code: str) -> str | None:
    """The store key of the province of the 34 that a former province became, if the store holds the 34."""
    row = provinces.loc[(provinces["code"] == code) & (sets_of(provinces) == SET_63)]
    if row.empty or "code_2025" not in row:
        return None
    key = new_key(str(row["code_2025"].iloc[0]))
    return key if (provinces["code"] == key).any() else None


def former(provinces: pd.DataFrame, key: str) -> list[str]:
    """The codes of the former provinces (63-province era) that formed a province of the 34, in code order."""
    sets = sets_of(provinces)
    gso = provinces.loc[(provinces["code"] == key) & (sets == SET_34), "gso_code"]
    if gso.empty:
        return []
    old = provinces[(sets == SET_63) & (provinces["code_2025"] == gso.iloc[0])]
    return sorted(old["code"])


def key_in_year(provinces: pd.DataFrame, code: str, year: int) -> str | None:
    """The province that stands for `code` in `year`: itself in its own era; a former province's successor from 2025
    (its figures are the new province's, never its own); None before 2025 for a province of the 34 (it did not
    exist: its former provinces have their own figures)."""
    own = sets_of(provinces)[provinces["code"] == code]
    if own.empty:
        return None
    if own.iloc[0] == province_set(year):
        return code
    return successor(provinces, code) if province_set(year) == SET_34 else None
