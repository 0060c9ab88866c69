"""What moved a score between two years: the change of a total split into its dimensions' changes, and a dimension's
into its sub-dimensions', with the rank change among the provinces present in both years.

PAPI's total is the sum of its dimensions and a dimension the sum of its sub-dimensions, so the change of the whole is
exactly the sum of its parts' changes: no weights, no model. A comparison is refused (with the reason) across the
2018 scale change (six dimensions on 6–60, then eight on 8–80), across a change of a dimension's sub-dimensions
(another set or definition: another `segment`), and where either year has no score.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from papi_data.cells import as_float, float_or_none
from papi_data.store.schema import TOTAL, era

# Why a comparison is not made, in the order they are checked.
GAPS = ("same_year", "scale_change", "definition_change", "no_score", "base_missing")


@dataclass(frozen=True)
class Part:
    """One part of a whole between two years: `before` (base year) and `after`; `change` = after − before."""

    metric: str
    before: float
    after: float

    @property
    def change(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class Change:
    """A whole's change between `base` and `year` for one province, split into parts; or why there is none (`gap`).

    `rank` and `base_rank` are the total's ranks among the `n` provinces with a total in both years (None for a
    dimension, or where the comparison is not made)."""

    code: str
    metric: str
    year: int
    base: int
    gap: str | None = None
    before: float | None = None
    after: float | None = None
    parts: tuple[Part, ...] = ()
    rank: int | None = None
    base_rank: int | None = None
    n: int = 0

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before

    @property
    def parts_sum(self) -> float:
        """The parts' changes added up: the whole's change, to the source's rounding (within 0.001)."""
        return float(sum(p.change for p in self.parts))

    def largest(self, sign: int) -> tuple[Part, ...]:
        """The parts that rose most (`sign` 1) or fell most (−1), every part tied at 0.01 points (the shown precision);
        none where no part moved that way."""
        moved = [p for p in self.parts if sign * p.change > 0]
        if not moved:
            return ()
        top = max(round(sign * p.change, 2) for p in moved)
        return tuple(p for p in moved if round(sign * p.change, 2) == top)


def comparison_gap(year: int, base: int) -> str | None:
    """Why two years' totals cannot be compared at all (`same_year`, `scale_change`), else None."""
    if year == base:
        return "same_year"
    return "scale_change" if era(year) != era(base) else None


def _scores_of(scores: pd.DataFrame, year: int) -> pd.DataFrame:
    """Province × dimension scores of one year (NaN where none)."""
    rows = scores[scores["year"] == year]
    return rows.pivot_table(index="province_code", columns="dimension", values="score", aggfunc="first", dropna=False)


def _ranks_in_both(totals: pd.DataFrame, year: int, base: int) -> tuple[pd.Series, pd.Series]:
    """The total's ranks (1 = best, ties share the best rank) in `year` and `base` among the provinces with a
    total in both."""
    wide = totals[totals["year"].isin([year, base])].pivot_table(
        index="province_code", columns="year", values="score", aggfunc="first"
    )
    both = wide.dropna()
    if both.empty or year not in both or base not in both:
        empty = pd.Series(dtype="Int64")
        return empty, empty
    return (
        both[year].rank(method="min", ascending=False).astype(int),
        both[base].rank(method="min", ascending=False).astype(int),
    )


def total_changes(scores: pd.DataFrame, dimensions: list[str], year: int, base: int) -> dict[str, Change]:
    """Every province's total change from `base` to `year`, split into the `dimensions` measured in both years.

    `scores` is the store's long score table (year, province_code, dimension, score; the total as `TOTAL`).
    """
    codes = sorted(scores["province_code"].unique())
    gap = comparison_gap(year, base)
    if gap:
        return {c: Change(c, TOTAL, year, base, gap=gap) for c in codes}
    now, then = _scores_of(scores, year), _scores_of(scores, base)
    measured = [d for d in dimensions if d in now and d in then and now[d].notna().any() and then[d].notna().any()]
    rank, base_rank = _ranks_in_both(scores[scores["dimension"] == TOTAL], year, base)
    out = {}
    for code in codes:
        after = _value(now, code, TOTAL)
        before = _value(then, code, TOTAL)
        if after is None:
            out[code] = Change(code, TOTAL, year, base, gap="no_score")
        elif before is None:
            out[code] = Change(code, TOTAL, year, base, gap="base_missing")
        else:
            # A total exists only with every dimension of its year (the build checks it), so no part is missing.
            pairs = [(d, _value(then, code, d), _value(now, code, d)) for d in measured]
            parts = tuple(Part(d, b, a) for d, b, a in pairs if b is not None and a is not None)
            out[code] = Change(
                code,
                TOTAL,
                year,
                base,
                before=before,
                after=after,
                parts=parts,
                rank=int(rank[code]),
                base_rank=int(base_rank[code]),
                n=len(rank),
            )
    return out


def _value(wide: pd.DataFrame, code: str, column: str) -> float | None:
    if code not in wide.index or column not in wide:
        return None
    return float_or_none(wide.at[code, column])


def total_change(scores: pd.DataFrame, dimensions: list[str], code: str, year: int, base: int) -> Change:
    """One province's total change from `base` to `year` (see total_changes)."""
    return total_changes(scores, dimensions, year, base)[code]


def dimension_change(
    scores: pd.DataFrame, sub_rows: pd.DataFrame, code: str, dimension: str, year: int, base: int
) -> Change:
    """A dimension's change from `base` to `year` split into its sub-dimensions' changes, where the dimension had the
    same sub-dimensions with the same definitions (`segment`) in both years; else `definition_change`.

    `sub_rows` is the sub-dimensions as metrics (papi_data.subdimensions.metric_rows: the concept in `dimension`,
    its dimension in `parent`, its definition's years in `segment`).
    """
    if year == base:
        return Change(code, dimension, year, base, gap="same_year")
    mine = scores[(scores["province_code"] == code) & (scores["dimension"] == dimension)]
    by_year = mine.set_index("year")["score"]
    after, before = float_or_none(by_year.get(year)), float_or_none(by_year.get(base))
    subs = sub_rows[(sub_rows["parent"] == dimension) & sub_rows["year"].isin([year, base])]
    definitions = {y: set(zip(g["dimension"], g["segment"], strict=True)) for y, g in subs.groupby("year")}
    if definitions.get(year) != definitions.get(base) or not definitions.get(year):
        return Change(code, dimension, year, base, gap="definition_change")
    if after is None:
        return Change(code, dimension, year, base, gap="no_score")
    if before is None:
        return Change(code, dimension, year, base, gap="base_missing")
    own = subs[subs["province_code"] == code].pivot_table(index="dimension", columns="year", values="score")
    order = subs.loc[subs["year"] == year, "dimension"].drop_duplicates()  # the source's order: 1.1, 1.2, …
    parts = tuple(Part(str(m), as_float(own.at[m, base]), as_float(own.at[m, year])) for m in order if m in own.index)
    return Change(code, dimension, year, base, before=before, after=after, parts=parts)


def movers(changes: dict[str, Change], k: int) -> tuple[list[Change], list[Change]]:
    """The `k` provinces whose total rose most and the `k` that fell most (largest first; ties broken by code), among
    the comparisons made; a province that did not rise is never a riser, nor one that did not fall a faller."""
    made = [c for c in changes.values() if c.change is not None]
    rising = sorted((c for c in made if (c.change or 0) > 0), key=lambda c: (-np.round(c.change or 0, 6), c.code))
    falling = sorted((c for c in made if (c.change or 0) < 0), key=lambda c: (np.round(c.change or 0, 6), c.code))
    return rising[:k], falling[:k]


def comparable_bases(years: list[int], year: int) -> list[int]:
    """The earlier years a total of `year` can be compared with (same scale), newest first."""
    return sorted((y for y in years if y < year and comparison_gap(year, y) is None), reverse=True)
