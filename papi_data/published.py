"""The store beside what PAPI and the press published: national means, group sizes, printed totals and ranks.

Agreement. A printed score agrees with the store when the store's value, rounded half up to the printed decimals
(papi_data.numbers.round_half_up), reads the same; a printed rank agrees when it equals the store's rank exactly.
Where they differ, the first of these explanations that holds is given (REASONS has them in both languages):

- scores and means: `truncated` (the store's value cut, not rounded, to the printed decimals); `rounded_twice` (rounded
  to one more decimal first, e.g. 40.6146 → 40.615 → 40.62); `median` (a national figure equal to the median of the
  provinces, not their mean); `adjacent_year` (the same province's value of the year before or after); `digits_swapped`
  (two neighbouring digits swapped: 44.15 printed as 44.51); `one_digit` (one digit differs: a typing slip);
- ranks: `close_tie` (one place off, and the province that holds the printed rank in the store is less than
  TIE_POINTS away: a different rounding or basis swaps them); `adjacent_year` (the rank of the year before or after);
- `unexplained` otherwise, and `no_store_value` where the store has no value to compare.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

import pandas as pd

from papi_data.numbers import round_half_up
from papi_data.ranking import (
    PERCENTILE_METHOD,
    PERCENTILE_METHODS,
    PercentileMethod,
    group_cuts,
    group_within,
    groups_by_cut_offs,
    published_cut_offs,
)
from papi_data.store.schema import TOTAL

TIE_POINTS = 0.05  # a twentieth of a point: far inside the 0.13–0.55 standard errors PAPI publishes for a total

REASONS: dict[str, dict[str, str]] = {
    "agree": {"vi": "khớp", "en": "agrees"},
    "truncated": {"vi": "số bị cắt bớt thay vì làm tròn", "en": "truncated instead of rounded"},
    "rounded_twice": {"vi": "làm tròn hai lần", "en": "rounded twice"},
    "median": {"vi": "là trung vị của các tỉnh, không phải trung bình", "en": "the provinces' median, not their mean"},
    "adjacent_year": {"vi": "số liệu của năm liền trước hoặc liền sau", "en": "the year before's or after's figure"},
    "digits_swapped": {"vi": "hai chữ số bị đảo chỗ", "en": "two digits swapped"},
    "one_digit": {"vi": "sai một chữ số (lỗi đánh máy)", "en": "one digit differs (a typing slip)"},
    "close_tie": {
        "vi": "lệch một bậc với một tỉnh chỉ cách dưới 0,05 điểm",
        "en": "one place off a province less than 0.05 points away",
    },
    "unexplained": {"vi": "chưa rõ nguyên nhân", "en": "no explanation found"},
    "no_store_value": {"vi": "kho dữ liệu không có số liệu này", "en": "the store has no such figure"},
}
LABELS: dict[str, dict[str, str]] = {
    "computed_mean": {
        "vi": "trung bình cộng của {n} tỉnh có dữ liệu",
        "en": "plain mean of the {n} provinces with data",
    },
    "published_mean": {"vi": "PAPI công bố (theo {source})", "en": "as published (per {source})"},
}


def _decimals(printed: str) -> int:
    return len(printed.split(".", 1)[1]) if "." in printed else 0


def _shown(value: float, digits: int) -> str:
    return f"{round_half_up(value, digits):.{digits}f}"


def _truncated(value: float, digits: int) -> str:
    return str(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_DOWN))


def _one_digit_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _swapped(a: str, b: str) -> bool:
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y] if len(a) == len(b) else []
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def classify_value(
    printed: str,
    value: float | None,
    median: float | None = None,
    adjacent: dict[int, float] | None = None,
) -> tuple[str, int | None]:
    """(reason, other year) for a printed score or mean against the store's `value` (see the module docstring).

    `median` is offered for national figures only; `adjacent` maps the year before and after to their values.
    """
    if value is None or pd.isna(value):
        return "no_store_value", None
    digits = _decimals(printed)
    shown = _shown(value, digits)
    if shown == printed:
        return "agree", None
    if _truncated(value, digits) == printed:
        return "truncated", None
    if _shown(round_half_up(value, digits + 1), digits) == printed:
        return "rounded_twice", None
    if median is not None and printed in (_shown(median, digits), _truncated(median, digits)):
        return "median", None
    for year, other in sorted((adjacent or {}).items()):
        if printed in (_shown(other, digits), _truncated(other, digits)):
            return "adjacent_year", year
    if _swapped(shown, printed):
        return "digits_swapped", None
    if _one_digit_apart(shown, printed):
        return "one_digit", None
    return "unexplained", None


@dataclass(frozen=True)
class PublishedMean:
    value: float
    printed: str
    source: str
    note: str
    reason: str  # how it relates to the store's mean (a key of REASONS)


@dataclass(frozen=True)
class NationalMean:
    """The store's plain mean of the provinces with data, and what PAPI or the press published, both labelled."""

    year: int
    mean: float | None  # None where no province has a score
    median: float | None
    n: int
    published: tuple[PublishedMean, ...]

    def label(self, lang: str) -> str:
        return LABELS["computed_mean"][lang].format(n=self.n)


def _totals(table: pd.DataFrame) -> pd.DataFrame:
    return table[(table["dimension"] == TOTAL) & table["score"].notna()]


def national_mean(table: pd.DataFrame, published_means: pd.DataFrame, year: int) -> NationalMean:
    """The computed mean of the total (with N and median) beside the published national means of that year."""
    totals = _totals(table)
    means = totals.groupby("year")["score"].mean()
    scores = totals.loc[totals["year"] == year, "score"]
    mean = float(scores.mean()) if len(scores) else None
    median = float(scores.median()) if len(scores) else None
    adjacent = {int(y): float(means[y]) for y in (year - 1, year + 1) if y in means.index}
    published = tuple(
        PublishedMean(
            value=float(r["value"]),
            printed=r["printed"],
            source=r["source"],
            note=r["note"],
            reason=classify_value(r["printed"], mean, median, adjacent)[0],
        )
        for r in published_means[published_means["year"] == year].to_dict("records")
    )
    return NationalMean(year=year, mean=mean, median=median, n=len(scores), published=published)


def press_comparison(press: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Each printed figure (a press row's score and its rank, separately) beside the store's, agreeing or not, and why.

    `table` is `with_ranks(scores)`. Columns: source_line, year, scope, province_code, figure ("score" or "rank"),
    printed, store (the store's value shown to the printed decimals, or its rank), agrees, reason, other_year,
    other_province (the close tie's province), source.
    """
    totals = {
        (int(r["year"]), str(r["province_code"])): (float(r["score"]), int(r["rank"]))
        for r in _totals(table).to_dict("records")
    }
    stats = _totals(table).groupby("year")["score"].agg(["mean", "median"])
    means = {
        int(y): (float(m), float(md)) for y, m, md in zip(stats.index, stats["mean"], stats["median"], strict=True)
    }
    rows: list[dict] = []
    for r in press.to_dict("records"):
        year, code = int(r["year"]), r["province_code"]
        base = {"source_line": r["source_line"], "year": year, "scope": r["scope"], "province_code": code}
        printed = r["score_printed"]
        if isinstance(printed, str):
            if r["scope"] == "national_mean":
                value, median = means.get(year, (None, None))
                adjacent = {y: means[y][0] for y in (year - 1, year + 1) if y in means}
            else:
                value, median = totals.get((year, code), (None, None))[0], None
                adjacent = {y: totals[y, code][0] for y in (year - 1, year + 1) if (y, code) in totals}
            reason, other_year = classify_value(printed, value, median, adjacent)
            shown = None if value is None else _shown(value, _decimals(printed))
            rows.append(
                {
                    **base,
                    "figure": "score",
                    "printed": printed,
                    "store": shown,
                    "agrees": reason == "agree",
                    "reason": reason,
                    "other_year": other_year,
                    "other_province": None,
                    "source": r["source"],
                }
            )
        if not pd.isna(r["rank"]):
            reason, other_year, other = _classify_rank(int(r["rank"]), year, code, totals)
            stored = totals.get((year, code))
            rows.append(
                {
                    **base,
                    "figure": "rank",
                    "printed": str(int(r["rank"])),
                    "store": None if stored is None else str(stored[1]),
                    "agrees": reason == "agree",
                    "reason": reason,
                    "other_year": other_year,
                    "other_province": other,
                    "source": r["source"],
                }
            )
    out = pd.DataFrame(rows, columns=[*COMPARISON_COLUMNS])
    out["other_year"] = out["other_year"].astype("Int16")
    return out


COMPARISON_COLUMNS = (
    "source_line",
    "year",
    "scope",
    "province_code",
    "figure",
    "printed",
    "store",
    "agrees",
    "reason",
    "other_year",
    "other_province",
    "source",
)


def _classify_rank(
    printed: int, year: int, code: str, totals: dict[tuple[int, str], tuple[float, int]]
) -> tuple[str, int | None, str | None]:
    """(reason, other year, other province) for a printed rank; see the module docstring."""
    if (year, code) not in totals:
        return "no_store_value", None, None
    score, rank = totals[year, code]
    if printed == rank:
        return "agree", None, None
    if abs(printed - rank) == 1:
        close = sorted(
            other
            for (y, other), (other_score, other_rank) in totals.items()
            if y == year and other_rank == printed and abs(other_score - score) < TIE_POINTS
        )
        if close:
            return "close_tie", None, close[0]
    for other_year in (year - 1, year + 1):
        if (other_year, code) in totals and totals[other_year, code][1] == printed:
            return "adjacent_year", other_year, None
    return "unexplained", None, None


@dataclass(frozen=True)
class PressCounts:
    figures: int
    agree: int
    by_figure: dict[str, tuple[int, int]]  # "score"/"rank" → (agreeing, compared)
    by_reason: dict[str, int]  # the reasons of the figures that differ


def press_counts(comparison: pd.DataFrame) -> PressCounts:
    """How many printed figures agree with the store, per kind of figure and per reason where they differ."""
    by_figure = {
        str(figure): (int(comparison.loc[comparison["figure"] == figure, "agrees"].sum()), int(count))
        for figure, count in comparison["figure"].value_counts().sort_index().items()
    }
    differ = comparison.loc[~comparison["agrees"], "reason"].value_counts()
    return PressCounts(
        figures=len(comparison),
        agree=int(comparison["agrees"].sum()),
        by_figure=by_figure,
        by_reason={str(k): int(v) for k, v in differ.items()},
    )


def group_size_check(
    table: pd.DataFrame,
    published_group_sizes: pd.DataFrame,
    method: PercentileMethod = PERCENTILE_METHOD,
    use_published: bool = True,
) -> pd.DataFrame:
    """Each published group size beside the size the app shows, and who sits at the boundary.

    The app's groups are PAPI's own where it published a year's ranges (`basis` "published": the 2022 total), else
    the percentile definition `method` ("percentile"); `use_published` False compares the percentile definition
    alone (for choosing it). `table` is a long score table (only the totals are read). Columns: year, group,
    published, computed, agrees, n, basis, cut (the percentile that bounds the group: P75 for best, P50 for high
    average, P25 for low average and poor), boundary_code and boundary_score: where the sizes differ, the group's
    member nearest the cut, i.e. the province that PAPI, by its published size, must have placed in the next group;
    None where they agree.
    """
    totals = _totals(table)
    cut_offs = published_cut_offs(published_group_sizes) if use_published else {}
    rows = []
    for r in published_group_sizes.to_dict("records"):
        year_rows = totals[totals["year"] == r["year"]]
        lows = cut_offs.get((int(r["year"]), TOTAL))
        groups = (
            pd.Series(groups_by_cut_offs(year_rows["score"].to_numpy(dtype=float), lows), index=year_rows.index)
            if lows
            else group_within(year_rows["score"], method)
        )
        members = year_rows[groups == r["group"]]
        p25, p50, p75 = group_cuts(year_rows["score"].to_numpy(), method)
        cut = {"best": p75, "high_average": p50, "low_average": p25, "poor": p25}[r["group"]]
        boundary = None
        if len(members) != r["size"] and len(members):
            nearest = members.iloc[(members["score"] - cut).abs().argsort()[:1]]
            boundary = (str(nearest["province_code"].iloc[0]), float(nearest["score"].iloc[0]))
        rows.append(
            {
                "year": int(r["year"]),
                "group": r["group"],
                "published": int(r["size"]),
                "computed": len(members),
                "agrees": len(members) == r["size"],
                "n": len(year_rows),
                "basis": "published" if lows else "percentile",
                "cut": cut,
                "boundary_code": None if boundary is None else boundary[0],
                "boundary_score": None if boundary is None else boundary[1],
            }
        )
    return pd.DataFrame(rows)


def percentile_method_check(table: pd.DataFrame, published_group_sizes: pd.DataFrame) -> pd.DataFrame:
    """For each of numpy's percentile definitions, how many published group sizes it reproduces, best first.

    Columns: method, sizes_reproduced, sizes (published), years_reproduced (years whose every published size it
    reproduces), years_missed.
    """
    rows = []
    for method in PERCENTILE_METHODS:
        check = group_size_check(table, published_group_sizes, method, use_published=False)
        by_year = check.groupby("year")["agrees"].all()
        rows.append(
            {
                "method": method,
                "sizes_reproduced": int(check["agrees"].sum()),
                "sizes": len(check),
                "years_reproduced": tuple(int(y) for y in by_year.index[by_year]),
                "years_missed": tuple(int(y) for y in by_year.index[~by_year]),
            }
        )
    out = pd.DataFrame(rows)
    out["chosen"] = out["method"] == PERCENTILE_METHOD
    return out.sort_values(["sizes_reproduced", "chosen"], ascending=False, ignore_index=True)


# For the about page. The facts in it are checked against the data by tests/unit/test_published.py.
GROUP_DEFINITION_VI = (
    "PAPI xếp các tỉnh có điểm vào bốn nhóm theo phân vị điểm của năm đó: nhóm cao nhất (từ phân vị 75 trở lên), "
    "trung bình cao (50–75), trung bình thấp (25–50) và thấp nhất (dưới phân vị 25). Năm nào PAPI công bố khoảng điểm "
    "của từng nhóm, ứng dụng dùng đúng các khoảng đó: năm 2022 (cổng thông tin tỉnh Khánh Hòa, "
    "nhatrang.khanhhoa.gov.vn) nhóm cao nhất 43,44–47,88, trung bình cao 42,15–43,25, trung bình thấp 40,74–42,14, "
    "thấp nhất 38,80–40,72; mỗi tỉnh thuộc nhóm chứa điểm của tỉnh làm tròn đến hai chữ số thập phân như PAPI in, "
    "được 16/16/15/14 tỉnh như PAPI công bố (Khánh Hòa 43,44 thuộc nhóm cao nhất, Đồng Tháp 42,15 trung bình cao, "
    "Phú Yên 40,74 trung bình thấp). Các năm khác, ứng dụng tự tính phân vị theo định nghĩa Hazen (điểm thứ k trong "
    "n điểm đã sắp xếp ứng với phân vị (k − 0,5)/n): trong 13 định nghĩa phân vị của numpy, đây là định nghĩa khớp "
    "nhiều nhất với số tỉnh mỗi nhóm mà PAPI đã công bố: 16/16/15/16 trên 63 tỉnh các năm 2017, 2019, 2020 và 15 tỉnh "
    "nhóm cao nhất trên 61 tỉnh năm 2023. Không định nghĩa nào khớp các năm đó mà khớp cả năm 2022: theo Hazen, Phú "
    "Yên (40,74 điểm, thấp thứ 15) sẽ thuộc nhóm thấp nhất; vì vậy năm 2022 ứng dụng dùng khoảng điểm PAPI công bố."
)
GROUP_DEFINITION_EN = (
    "PAPI places the provinces with a score into four groups by the percentiles of that year's scores: best (75th "
    "percentile and above), high average (50th–75th), low average (25th–50th) and poor (below the 25th). Where PAPI "
    "published a year's group ranges, the app uses them as printed: for 2022 (the Khánh Hòa provincial portal, "
    "nhatrang.khanhhoa.gov.vn) best 43.44–47.88, high average 42.15–43.25, low average 40.74–42.14, poor "
    "38.80–40.72; a province is in the group whose range holds its score rounded to the two decimals PAPI printed, "
    "which gives PAPI's 16/16/15/14 (Khánh Hòa 43.44 in the best group, Đồng Tháp 42.15 high average, Phú Yên 40.74 "
    "low average). For the other years the app computes the percentiles by the Hazen definition (the k-th of n "
    "sorted scores sits at (k − 0.5)/n): of numpy's 13 definitions it reproduces the most group sizes PAPI "
    "published: 16/16/15/16 of 63 provinces in 2017, 2019 and 2020, and 15 in the best group of 61 in 2023. No "
    "definition that reproduces those years reproduces 2022: by Hazen, Phú Yên (40.74, the 15th lowest) would be in "
    "the poor group; so for 2022 the app uses PAPI's published ranges."
)
