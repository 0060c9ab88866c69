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


Scores = dict[tuple[int, str, str], float]  # (year, province_code, dimension): score, where there is one


def _scores(scores: pd.DataFrame) -> Scores:
    """Every score by year, province and dimension (the first where the table repeats one): looked up, not filtered,
    so that the build splits every pair of years in a second."""
    out: Scores = {}
    for key in zip(scores["year"], scores["province_code"], scores["dimension"], scores["score"], strict=True):
        year, code, dim, score = int(key[0]), str(key[1]), str(key[2]), float_or_none(key[3])
        if score is not None:
            out.setdefault((year, code, dim), score)
    return out


def _ranks(totals: dict[str, float]) -> dict[str, int]:
    """1 = best, ties share the best rank."""
    ranked = pd.Series(totals, dtype=float).rank(method="min", ascending=False)
    return {str(code): int(rank) for code, rank in ranked.items()}


def total_changes(scores: pd.DataFrame, dimensions: list[str], year: int, base: int) -> dict[str, Change]:
    """Every province's total change from `base` to `year`, split into the `dimensions` measured in both years.

    `scores` is the store's long score table (year, province_code, dimension, score; the total as `TOTAL`).
    """
    return _changes(_scores(scores), sorted(scores["province_code"].unique()), dimensions, year, base)


def _changes(values: Scores, codes: list[str], dimensions: list[str], year: int, base: int) -> dict[str, Change]:
    gap = comparison_gap(year, base)
    if gap:
        return {c: Change(c, TOTAL, year, base, gap=gap) for c in codes}
    measured_in = {(y, d) for y, _, d in values}
    measured = [d for d in dimensions if (year, d) in measured_in and (base, d) in measured_in]
    # the total's ranks in `year` and `base` among the provinces with a total in both
    both = [c for c in codes if (year, c, TOTAL) in values and (base, c, TOTAL) in values]
    rank = _ranks({c: values[year, c, TOTAL] for c in both})
    base_rank = _ranks({c: values[base, c, TOTAL] for c in both})
    out = {}
    for code in codes:
        after, before = values.get((year, code, TOTAL)), values.get((base, code, TOTAL))
        if after is None:
            out[code] = Change(code, TOTAL, year, base, gap="no_score")
        elif before is None:
            out[code] = Change(code, TOTAL, year, base, gap="base_missing")
        else:
            # A total exists only with every dimension of its year (the build checks it), so no part is missing.
            pairs = [(d, values.get((base, code, d)), values.get((year, code, d))) for d in measured]
            parts = tuple(Part(d, b, a) for d, b, a in pairs if b is not None and a is not None)
            out[code] = Change(
                code,
                TOTAL,
                year,
                base,
                before=before,
                after=after,
                parts=parts,
                rank=rank[code],
                base_rank=base_rank[code],
                n=len(rank),
            )
    return out


# The changes table's columns (papi_data.store.schema.DERIVED_TABLES["total_changes"]): per pair of years and
# province, the total's row (`metric` TOTAL: its gap or its values, ranks and N), then one row per part, in order.
CHANGE_COLUMNS = ["year", "base", "province_code", "metric", "gap", "before", "after", "rank", "base_rank", "n"]


def changes_table(scores: pd.DataFrame, dimensions: list[str]) -> pd.DataFrame:
    """`total_changes` of every pair of comparable years of `scores` (newer first), as rows (CHANGE_COLUMNS)."""
    values, codes = _scores(scores), sorted(scores["province_code"].unique())
    years = sorted({y for y, _, _ in values})
    rows: list[tuple[object, ...]] = []
    for year in years:
        for base in comparable_bases(years, year):
            for c in _changes(values, codes, dimensions, year, base).values():
                made = c.gap is None
                rank, base_rank, n = (c.rank, c.base_rank, c.n) if made else (None, None, None)
                rows.append((year, base, c.code, TOTAL, c.gap, c.before, c.after, rank, base_rank, n))
                rows.extend((year, base, c.code, p.metric, None, p.before, p.after, None, None, None) for p in c.parts)
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def changes_of(table: pd.DataFrame, codes: list[str], year: int, base: int) -> dict[str, Change]:
    """`total_changes(…, year, base)` read back from the changes table (`codes`: every province of the scores)."""
    gap = comparison_gap(year, base)
    if gap:
        return {c: Change(c, TOTAL, year, base, gap=gap) for c in codes}
    rows = table[(table["year"] == year) & (table["base"] == base)]
    out: dict[str, Change] = {}
    parts: list[Part] = []
    # rows come as the build wrote them: a province's total row, then its parts; read backwards to gather the parts
    for code, metric, gap_, before, after, rank, base_rank, n in zip(
        *(rows[c].to_numpy()[::-1] for c in CHANGE_COLUMNS[2:]), strict=True
    ):
        if metric != TOTAL:
            parts.append(Part(str(metric), float(before), float(after)))
            continue
        if isinstance(gap_, str):
            out[code] = Change(code, TOTAL, year, base, gap=gap_)
        else:
            out[code] = Change(
                code,
                TOTAL,
                year,
                base,
                before=float(before),
                after=float(after),
                parts=tuple(parts[::-1]),
                rank=int(rank),
                base_rank=int(base_rank),
                n=int(n),
            )
        parts = []
    return dict(sorted(out.items()))


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
