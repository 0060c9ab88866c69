"""The profile's selections from the store's derived tables, once per build: a province's series and tables, the
national series, the best province of a year (papi_data.profile, papi_data.subdimensions pick rows; nothing here
ranks)."""

from __future__ import annotations

import pandas as pd

from papi_data.eras import former, successor
from papi_data.profile import dimension_profile, frontier, rank_history
from papi_data.store.load import PapiStore
from papi_data.store.schema import TOTAL
from papi_data.subdimensions import furthest_from_best, subdimension_profile
from ui.core.data import per_build

Series = dict[str, dict[int, float]]  # a column ("score", "mean", …) → year → value: a line on a trend chart
_NATIONAL_COLUMNS = ("mean", "q25", "q75", "min", "max")
_PROVINCE_COLUMNS = ("score", "rank", "n", "ci90_low", "ci90_high")


def _series(rows: pd.DataFrame, columns: tuple[str, ...]) -> dict[str, Series]:
    """Per metric, each column's values by year, where there is one (plain dicts: a page looks them up often)."""
    out: dict[str, Series] = {}
    for metric, part in rows.groupby("dimension"):
        years = part["year"].astype(int).tolist()
        out[str(metric)] = {
            c: {y: float(v) for y, v in zip(years, part[c].tolist(), strict=True) if not pd.isna(v)}
            for c in columns
            if c in part
        }
    return out


@per_build
def national_series(store: PapiStore, lang: str) -> dict[str, Series]:
    """Every metric's national mean, quartiles, min and max by year: metric → column → year → value."""
    return _series(store.table("national"), _NATIONAL_COLUMNS)


@per_build
def province_series(store: PapiStore, lang: str, code: str) -> dict[str, Series]:
    """One province's score, rank, N (and the total's published interval) by year: metric → column → year → value."""
    table = store.table("explorer_table")
    return _series(table[table["province_code"] == code], _PROVINCE_COLUMNS)


@per_build
def frontier_of(store: PapiStore, lang: str, year: int) -> pd.DataFrame:
    """The best score on each metric in a year and who holds it (papi_data.profile.frontier)."""
    return frontier(store.table("ranked_scores"), year)


@per_build
def dimension_profile_of(store: PapiStore, lang: str, code: str, year: int) -> pd.DataFrame:
    """A province-year's dimensions and total: score, rank, N, group, change (and why none), gap to the best."""
    dims = store.dimensions
    metrics = [d for d, first in zip(dims["id"], dims["first_year"], strict=True) if year >= first]
    table = store.table("ranked_scores")
    return dimension_profile(table, code, year, [*metrics, TOTAL], frontier_of(lang, year))


@per_build
def rank_history_of(store: PapiStore, lang: str, code: str) -> pd.DataFrame:
    """A province's rank on the total by year, with N and group (papi_data.profile.rank_history)."""
    return rank_history(store.table("ranked_scores"), code)


@per_build
def subdimension_profile_of(store: PapiStore, lang: str, code: str, year: int) -> pd.DataFrame:
    """A province's sub-dimensions in a year against the national mean and the best province."""
    table = store.table("ranked_subdimensions")
    return subdimension_profile(table, store.subdimensions, store.subdimension_periods, code, year)


@per_build
def furthest_of(store: PapiStore, lang: str, code: str, year: int, k: int) -> pd.DataFrame:
    """The k sub-dimensions where the province is furthest from the best province that year, relative to each scale."""
    return furthest_from_best(subdimension_profile_of(lang, code, year), k)


@per_build
def near_ties_of(store: PapiStore, lang: str, code: str, year: int) -> dict[str, tuple[int, int, float]]:
    """The province's near-ties of a year (papi_data.ranking.near_tie, made by the build): metric → first rank, last
    rank, largest gap."""
    ties = store.table("near_ties")
    mine = ties[(ties["province_code"] == code) & (ties["year"] == year)]
    return {
        str(m): (int(f), int(la), float(g))
        for m, f, la, g in zip(mine["dimension"], mine["first_rank"], mine["last_rank"], mine["gap"], strict=True)
    }


@per_build
def linked_of(store: PapiStore, lang: str, code: str) -> tuple[str, ...]:
    """The provinces of the other era a province is linked to: a new province's former ones, a former province's
    successor (when the store holds the 34)."""
    after = successor(store.provinces, code)
    return (after,) if after else tuple(former(store.provinces, code))
