"""How sure a total's rank is, in words: "hạng 15, có thể từ 8 đến 26" where PAPI published intervals for the year
(papi_data.uncertainty), and otherwise why there is no range. Never an interval PAPI did not publish."""

from __future__ import annotations

from papi_data.cells import as_float, as_int
from papi_data.uncertainty import years_with_intervals
from ui.core import data
from ui.core.i18n import t, tn
from ui.core.numbers import fmt_number


def total_rank_text(code: str, name: str, year: int, lang: str) -> str:
    """The province's total with its 90% interval and its rank with the ranks it could plausibly hold, and how many
    provinces it is statistically tied with; or that PAPI published no interval for the year or the province, or
    that the province has no total that year."""
    published = years_with_intervals(data.store(lang).uncertainty)
    if year not in published:
        return t("interval_none_year", lang, year=year, years=", ".join(map(str, published)))
    ranges = data.rank_ranges_table(lang)
    mine = ranges[(ranges["year"] == year) & (ranges["province_code"] == code)]
    if mine.empty:
        return t("interval_no_score", lang, name=name, year=year)
    r = mine.iloc[0]
    if r.isna()["best"]:
        return t("interval_none_province", lang, name=name, year=year)
    tied = len(r["tied_with"])
    return tn(
        "interval_rank",
        lang,
        tied,
        score=fmt_number(as_float(r["score"]), lang),
        low=fmt_number(as_float(r["ci90_low"]), lang),
        high=fmt_number(as_float(r["ci90_high"]), lang),
        rank=as_int(r["rank"]),
        best=as_int(r["best"]),
        worst=as_int(r["worst"]),
        n=as_int(r["n"]),
        tied=tied,
        name=name,
    )
