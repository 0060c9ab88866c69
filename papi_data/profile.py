"""One province's story: its dimensions against the best province (the frontier), and its rank through the years."""

from __future__ import annotations

import pandas as pd

from papi_data.eras import same_set
from papi_data.store.schema import TOTAL, era


def frontier(table: pd.DataFrame, year: int) -> pd.DataFrame:
    """The best score on each metric in a year and who holds it (ties: every holder, in code order).

    Columns: dimension, best, best_codes (list of province codes).
    """
    rows = table.loc[(table["year"] == year) & table["score"].notna(), ["dimension", "province_code", "score"]]
    best = rows.groupby("dimension")["score"].max()
    leaders = rows[rows["score"].to_numpy() == best.reindex(rows["dimension"]).to_numpy()]
    codes = {dimension: sorted(group) for dimension, group in leaders.groupby("dimension")["province_code"]}
    return pd.DataFrame(
        {"dimension": best.index, "best": best.to_numpy(), "best_codes": [codes[d] for d in best.index]}
    )


def dimension_profile(
    table: pd.DataFrame, code: str, year: int, metrics: list[str], best: pd.DataFrame | None = None
) -> pd.DataFrame:
    """A province's row per metric in a year: score, rank, n, group, change (with `change_gap`, why it is missing,
    where the table has it: papi_data.stats.with_change) and gap to the best province.

    `metrics` lists the dimensions of that year's era in order, then the total. A metric without a score keeps its row
    with empty values (shown as "no data"); `gap_to_best` is score − best, so 0 for the leader and negative otherwise.
    `best` is that year's `frontier` when the caller has it already.
    """
    figures = ["score", "rank", "group", "change", *(["change_gap"] if "change_gap" in table else [])]
    rows = table.loc[table["year"] == year, ["year", "province_code", "dimension", *figures]]
    mine = rows[rows["province_code"] == code].set_index("dimension")[figures]
    n = rows[rows["score"].notna()].groupby("dimension").size().rename("n")
    out = (
        pd.DataFrame(index=pd.Index(metrics, name="dimension"))
        .join(mine)
        .join((frontier(rows, year) if best is None else best).set_index("dimension"))
        .join(n)
    )
    out["n"] = out["n"].fillna(0).astype(int)
    out["best_codes"] = [codes if isinstance(codes, list) else [] for codes in out["best_codes"]]
    out["gap_to_best"] = out["score"] - out["best"]
    return out.reset_index()


def era_years(years: list[int], year: int) -> list[int]:
    """The years on the same total scale as `year` (2011–2017 or 2018 on) and of the same provinces (papi_data.eras)."""
    return [y for y in years if era(y) == era(year) and same_set(y, year)]


def rank_history(table: pd.DataFrame, code: str) -> pd.DataFrame:
    """The total's rank by year with N and group; years without a total keep a row with no rank."""
    totals = table.loc[table["dimension"] == TOTAL, ["year", "province_code", "score", "rank", "group"]]
    n = totals[totals["score"].notna()].groupby("year").size().rename("n")
    mine = totals[totals["province_code"] == code].set_index("year")[["score", "rank", "group"]]
    return mine.join(n).reset_index().sort_values("year", ignore_index=True)


def nearest_year_with_data(table: pd.DataFrame, code: str, year: int, dimension: str = TOTAL) -> int | None:
    """The closest year (earlier first on a tie) in which the province has a score on `dimension`."""
    have = table[(table["province_code"] == code) & (table["dimension"] == dimension) & table["score"].notna()]
    years = sorted(have["year"].unique(), key=lambda y: (abs(int(y) - year), y))
    return int(years[0]) if years else None
