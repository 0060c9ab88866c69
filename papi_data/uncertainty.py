"""How sure a rank is: the range of ranks a province could plausibly hold, from PAPI's published 90% intervals.

Method (the about page shows METHOD_VI / METHOD_EN). A score is an estimate from a survey; PAPI published, for the
total in 2019, 2022 and 2023, a 90% interval around each province's score. Two provinces whose intervals overlap are
not told apart by this rule (the non-overlap rule; it does not make them equal). So for a province:
- every province whose interval lies wholly above its interval is surely ahead of it: its best plausible rank is one
  more than the number of those provinces;
- every province whose interval lies wholly below its interval is surely behind it: its worst plausible rank is N
  (the provinces with a score that year) minus the number of those;
- every other province is not placed above or below it by the rule.
A province with a score but no published interval (2022: Bạc Liêu, Cà Mau, Sóc Trăng, whose SE is 0 in the workbook)
gets no range of its own and is compared with the others by its score alone. No interval is ever computed or assumed
for a year or a metric PAPI published none for: those years have no range.

Worked example, Hà Nội 2023: score 43.96, interval 43.70–44.22, rank 15 of 61. Seven provinces' intervals lie wholly
above 43.70–44.22 and 35 wholly below, so "rank 15, plausibly 8 to 26"; the other 18 provinces are not told apart
from it by the rule.

Non-overlap of two 90% intervals is a strict test (about a 2% test of the difference for equal SEs: 2 × 1.645 / √2 =
2.33 standard errors), so provinces whose intervals overlap may in fact differ and the range has no stated coverage;
chosen because it is what a person sees on the ranking chart's error bars and can check by eye.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from papi_data.store.schema import TOTAL

METHOD_VI = (
    "Điểm PAPI là ước lượng từ một cuộc khảo sát, nên có sai số. Với các năm PAPI công bố khoảng tin cậy 90% của điểm "
    "tổng hợp (2019, 2022, 2023), ứng dụng dùng quy tắc không chồng nhau: một tỉnh chỉ được coi là chắc chắn xếp "
    "trên (hay dưới) một tỉnh khác khi hai khoảng tin cậy 90% hoàn toàn tách nhau. Đây là một quy tắc thận trọng: "
    "hai khoảng 90% không chồng nhau tương ứng với một kiểm định khác biệt ở mức khoảng 2% (khi hai sai số bằng "
    "nhau), chặt hơn kiểm định 10%; vì vậy hai tỉnh có khoảng chồng nhau vẫn có thể khác nhau thật, và khoảng "
    "thứ hạng dưới đây rộng hơn cần thiết. Đó không phải khoảng tin cậy 90% của thứ hạng và không có độ phủ xác "
    "định; không tỉnh nào được gọi là “ngang nhau” chỉ vì khoảng chồng nhau. Thứ hạng có thể của một tỉnh: "
    "cao nhất là 1 cộng "
    "số tỉnh có cả khoảng tin cậy nằm trên khoảng của tỉnh đó (chắc chắn xếp trên), thấp nhất là số tỉnh có dữ liệu "
    "trừ số tỉnh có cả khoảng tin cậy nằm dưới (chắc chắn xếp dưới). Ví dụ: Hà Nội năm 2023 đạt 43,96 điểm "
    "(khoảng 43,70–44,22), hạng 15/61; 7 tỉnh chắc chắn xếp trên, 35 tỉnh chắc chắn xếp dưới, nên Hà Nội "
    "“hạng 15, có thể từ 8 đến 26”. Năm 2022, sai số chuẩn của Bạc Liêu, Cà Mau và Sóc Trăng trong bảng của PAPI "
    "bằng 0: ứng dụng không coi đó là điểm chính xác tuyệt đối mà coi là không có khoảng tin cậy; ba tỉnh này không "
    "có khoảng thứ hạng riêng, và khi xếp các tỉnh khác, điểm của chúng được dùng như một điểm đơn (không có khoảng). "
    "Các năm khác PAPI không công bố khoảng tin cậy, nên không có khoảng thứ hạng."
)
METHOD_EN = (
    "A PAPI score is an estimate from a survey, so it carries error. For the years in which PAPI published a 90% "
    "interval for the total (2019, 2022, 2023), the app uses the non-overlap rule: a province counts as surely ahead "
    "of (or behind) another only when their two 90% intervals do not overlap at all. The rule is cautious: two 90% "
    "intervals that do not overlap amount to a test of the difference at about the 2% level (for equal standard "
    "errors), stricter than a 10% test; so provinces whose intervals overlap may still truly differ, and the range "
    "below is wider than it need be. It is not a 90% interval of the rank and has no stated coverage; no province is "
    "called “tied” because intervals overlap. A province's plausible rank is therefore a range: at best 1 plus the "
    "number of "
    "provinces whose whole interval lies above its own (surely ahead), at worst the number of provinces with data "
    "minus those whose whole interval lies below (surely behind). For example, Hà Nội scored 43.96 in 2023 (interval "
    "43.70–44.22), rank 15 of 61; 7 provinces are surely ahead and 35 surely behind, so Hà Nội is “rank 15, "
    "plausibly 8–26”. In 2022 the standard errors of Bạc Liêu, Cà Mau and Sóc Trăng are 0 in PAPI's table: the app "
    "does not read that as an exact score but as no interval; those three have no rank range of their own, and when "
    "the others are placed their scores count as single points (no interval). PAPI published no interval for the "
    "other years, so they have no rank range."
)


@dataclass(frozen=True)
class RankRange:
    """A province's total rank in a year with the ranks it could plausibly hold (best ≤ rank ≤ worst)."""

    code: str
    year: int
    score: float
    rank: int
    n: int  # provinces with a score that year
    ci90_low: float
    ci90_high: float
    best: int
    worst: int
    tied_with: tuple[str, ...]  # codes of the provinces statistically indistinguishable from it, best score first


def years_with_intervals(uncertainty: pd.DataFrame) -> list[int]:
    """The years for which PAPI published an interval of the total for at least one province."""
    return sorted(int(y) for y in uncertainty.loc[uncertainty["ci90_low"].notna(), "year"].unique())


def with_intervals(table: pd.DataFrame, uncertainty: pd.DataFrame) -> pd.DataFrame:
    """The total's rows of a scores table with se, ci90_low, ci90_high and respondents added (empty where none), and
    where they come from: interval_source (the workbook and sheet), interval_source_file and interval_source_line."""
    columns = ["year", "province_code", "se", "ci90_low", "ci90_high", "respondents"]
    sources = {c: f"interval_{c}" for c in ("source", "source_file", "source_line")}
    added = uncertainty[[*columns, *sources]].rename(columns=sources)
    totals = table[table["dimension"] == TOTAL]
    return totals.merge(added, on=["year", "province_code"], how="left")


def rank_ranges(table: pd.DataFrame, uncertainty: pd.DataFrame, year: int) -> pd.DataFrame:
    """Every province with a score in `year`: rank, N, interval, best and worst plausible rank, and who it is tied with.

    `table` is `with_ranks(scores)`. Provinces without a published interval keep their row with empty range columns.
    Columns: province_code, score, rank, n, ci90_low, ci90_high, best, worst, tied_with (tuple of codes).
    """
    rows = with_intervals(table[(table["year"] == year) & table["score"].notna()], uncertainty)
    rows = rows.sort_values(["score", "province_code"], ascending=[False, True], ignore_index=True)
    low = rows["ci90_low"].fillna(rows["score"]).to_numpy()  # a province without interval: its score alone
    high = rows["ci90_high"].fillna(rows["score"]).to_numpy()
    codes = rows["province_code"].tolist()
    n = len(rows)
    best: list[int | None] = []
    worst: list[int | None] = []
    tied: list[tuple[str, ...]] = []
    for i, has_interval in enumerate(rows["ci90_low"].notna()):
        above = low > high[i]
        below = high < low[i]
        if has_interval:
            best.append(1 + int(above.sum()))
            worst.append(n - int(below.sum()))
            tied.append(tuple(c for j, c in enumerate(codes) if j != i and not above[j] and not below[j]))
        else:
            best.append(None)
            worst.append(None)
            tied.append(())
    out = rows[["province_code", "score", "rank", "n", "ci90_low", "ci90_high"]].copy()
    out["best"] = pd.array(best, dtype="Int16")
    out["worst"] = pd.array(worst, dtype="Int16")
    out["tied_with"] = tied
    return out


def rank_range(table: pd.DataFrame, uncertainty: pd.DataFrame, code: str, year: int) -> RankRange | None:
    """One province's rank with its plausible range, or None where PAPI published no interval for it that year."""
    ranges = rank_ranges(table, uncertainty, year)
    hit = ranges[(ranges["province_code"] == code) & ranges["best"].notna()]
    if hit.empty:
        return None
    r = hit.to_dict("records")[0]
    return RankRange(
        code=code,
        year=year,
        score=float(r["score"]),
        rank=int(r["rank"]),
        n=int(r["n"]),
        ci90_low=float(r["ci90_low"]),
        ci90_high=float(r["ci90_high"]),
        best=int(r["best"]),
        worst=int(r["worst"]),
        tied_with=tuple(r["tied_with"]),
    )
