"""Uncertainty of the total: the published SEs and 90% intervals in the store, their checks at build, rank ranges.

Real tests read a store built from papi_data/sources into a temporary folder (conftest.py); rejection tests edit a
private copy of the sources (synthetic breakages). Tables made by `synthetic()` are synthetic test data.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from papi_data.ranking import with_ranks
from papi_data.store.load import PapiStore
from papi_data.store.problems import SourceProblem
from papi_data.store.readers.uncertainty import read_uncertainty
from papi_data.store.schema import Z90
from papi_data.uncertainty import (
    METHOD_EN,
    METHOD_VI,
    rank_range,
    rank_ranges,
    with_intervals,
    years_with_intervals,
)
from tests.unit.test_build import Expect, assert_rejected, assert_reported, find_line, row_at, set_cell

CI = "papi_total_ci_2018_2019_2022_2023.csv"


@pytest.fixture(scope="module")
def totals(real_store: PapiStore) -> pd.DataFrame:
    return with_ranks(real_store.scores)


def ci_line(sources: Path, code: str, year: int) -> int:
    return find_line(sources / CI, province_code=code, year=year)


# --- the store ------------------------------------------------------------------------------------------------------


def test_intervals_in_the_store(real_store: PapiStore) -> None:
    u = real_store.uncertainty
    assert len(u) == 187 and not u.duplicated(["year", "province_code"]).any()
    assert u.groupby("year").size().to_dict() == {2019: 63, 2022: 63, 2023: 61}
    assert years_with_intervals(u) == [2019, 2022, 2023]
    with_ci = u[u["ci90_low"].notna()]
    assert with_ci.groupby("year").size().to_dict() == {2019: 63, 2022: 58, 2023: 61}
    assert (with_ci["se"] > 0).all()
    totals = real_store.scores[real_store.scores["dimension"] == "total"].set_index(["year", "province_code"])["score"]
    score = totals.reindex(list(zip(with_ci["year"], with_ci["province_code"], strict=True))).to_numpy()
    assert abs(with_ci["ci90_high"].to_numpy() - (score + Z90 * with_ci["se"].to_numpy())).max() < 1e-4
    assert abs(with_ci["ci90_low"].to_numpy() - (score - Z90 * with_ci["se"].to_numpy())).max() < 1e-4
    assert u.loc[u["year"] == 2019, "respondents"].isna().all()
    assert u.loc[u["year"] >= 2022, "respondents"].notna().all()


def test_no_interval_where_none_was_published(real_store: PapiStore) -> None:
    u = real_store.uncertainty.set_index(["year", "province_code"])
    for code in ("94", "95", "96"):  # Sóc Trăng, Bạc Liêu, Cà Mau 2022: SE 0 in the workbook
        assert pd.isna(u.at[(2022, code), "se"]) and pd.isna(u.at[(2022, code), "ci90_low"])
    for code in ("24", "27"):  # Bắc Giang, Bắc Ninh 2022: no total, respondents only
        assert pd.isna(u.at[(2022, code), "ci90_low"]) and u.at[(2022, code), "respondents"] > 0
    assert 2018 not in u.index.get_level_values("year")  # the 2018 sheet has no SE rows
    assert u.at[(2023, "01"), "respondents"] == 1120


# --- rank ranges ----------------------------------------------------------------------------------------------------


def test_ha_noi_2023_rank_range(real_store: PapiStore, totals: pd.DataFrame) -> None:
    r = rank_range(totals, real_store.uncertainty, "01", 2023)
    assert r is not None
    assert (r.rank, r.n, r.best, r.worst) == (15, 61, 8, 26)
    assert (round(r.score, 2), round(r.ci90_low, 2), round(r.ci90_high, 2)) == (43.96, 43.70, 44.22)
    assert len(r.tied_with) == 18 and "01" not in r.tied_with
    # the docstring's and the about page's worked example say the same
    for text in (METHOD_EN, METHOD_VI):
        assert "15" in text and "8" in text and "26" in text
    assert "rank 15, plausibly 8–26" in METHOD_EN and "hạng 15, có thể từ 8 đến 26" in METHOD_VI


def test_no_range_for_years_or_provinces_without_an_interval(real_store: PapiStore, totals: pd.DataFrame) -> None:
    assert rank_range(totals, real_store.uncertainty, "01", 2024) is None  # PAPI published none for 2024
    assert rank_range(totals, real_store.uncertainty, "95", 2022) is None  # Bạc Liêu 2022: SE 0
    assert rank_range(totals, real_store.uncertainty, "27", 2022) is None  # Bắc Ninh 2022: no total
    ranges = rank_ranges(totals, real_store.uncertainty, 2024)
    assert len(ranges) == 61 and ranges["best"].isna().all()


def test_every_range_holds_the_rank_and_tie_lists_are_symmetric(real_store: PapiStore, totals: pd.DataFrame) -> None:
    for year in years_with_intervals(real_store.uncertainty):
        ranges = rank_ranges(totals, real_store.uncertainty, year)
        with_range = ranges[ranges["best"].notna()]
        assert (with_range["best"] <= with_range["rank"]).all() and (with_range["rank"] <= with_range["worst"]).all()
        assert (with_range["best"] >= 1).all() and (with_range["worst"] <= with_range["n"]).all()
        tied = dict(zip(with_range["province_code"], with_range["tied_with"], strict=True))
        for code, others in tied.items():
            for other in others:
                assert other not in tied or code in tied[other], (year, code, other)


def synthetic(scores: dict[str, float], half_widths: dict[str, float | None]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Synthetic totals for 2022 and their intervals (score ± half-width; None: no interval)."""
    table = with_ranks(
        pd.DataFrame(
            {"year": 2022, "province_code": list(scores), "dimension": "total", "score": list(scores.values())}
        )
    )
    rows = [
        {
            "year": 2022,
            "province_code": code,
            "se": None if w is None else w / Z90,
            "ci90_low": None if w is None else scores[code] - w,
            "ci90_high": None if w is None else scores[code] + w,
            "respondents": None,
            "source": "synthetic",
            "source_file": "synthetic",
            "source_line": 0,
        }
        for code, w in half_widths.items()
    ]
    return table, pd.DataFrame(rows)


def test_synthetic_overlap_rule() -> None:
    # a 50 ± 1, b 48.5 ± 1 (overlaps a and c), c 47 ± 1, d 40 with no interval, e 45 ± 0.1
    table, u = synthetic(
        {"a": 50.0, "b": 48.5, "c": 47.0, "d": 40.0, "e": 45.0}, {"a": 1, "b": 1, "c": 1, "d": None, "e": 0.1}
    )
    ranges = rank_ranges(table, u, 2022).set_index("province_code")
    assert ranges.loc["a", ["rank", "best", "worst"]].tolist() == [1, 1, 2]
    assert ranges.loc["b", ["rank", "best", "worst"]].tolist() == [2, 1, 3]
    assert ranges.loc["c", ["rank", "best", "worst"]].tolist() == [3, 2, 3]
    assert ranges.at["b", "tied_with"] == ("a", "c")
    assert ranges.at["e", "tied_with"] == () and ranges.loc["e", ["best", "worst"]].tolist() == [4, 4]
    assert pd.isna(ranges.at["d", "best"])  # no interval: no range of its own, compared by its score by the others
    assert ranges.at["c", "tied_with"] == ("b",)


def test_touching_intervals_count_as_tied() -> None:
    table, u = synthetic({"a": 50.0, "b": 48.0}, {"a": 1, "b": 1})  # synthetic: 49–51 and 47–49 touch at 49
    assert rank_ranges(table, u, 2022).set_index("province_code").at["a", "tied_with"] == ("b",)


def test_with_intervals_adds_columns_to_the_totals(real_store: PapiStore, totals: pd.DataFrame) -> None:
    rows = with_intervals(totals, real_store.uncertainty)
    assert len(rows) == int((totals["dimension"] == "total").sum())
    hanoi = rows[(rows["province_code"] == "01") & (rows["year"] == 2023)].iloc[0]
    assert hanoi["ci90_low"] < hanoi["score"] < hanoi["ci90_high"]
    assert (hanoi["interval_source_file"], hanoi["interval_source_line"]) == (CI, 189)
    assert hanoi["interval_source"].endswith("sheet 2023") and hanoi["source_file"] == "papi_scores_long.csv"
    assert math.isnan(rows[(rows["province_code"] == "01") & (rows["year"] == 2024)]["se"].iloc[0])


# --- rejected at build ----------------------------------------------------------------------------------------------


def _interval_not_from_se(s: Path) -> Expect:
    line = ci_line(s, "01", 2023)
    set_cell(s / CI, line, "total_unweighted_ci90_high", "44.23")
    return Expect(CI, line, "total_unweighted_ci90_high", "is not score ± 1.645 × SE")


def _interval_at_95_percent(s: Path) -> Expect:
    line = ci_line(s, "01", 2023)
    row = row_at(s / CI, line)
    score, se = float(row["total_unweighted_score"]), float(row["total_unweighted_se"])
    set_cell(s / CI, line, "total_unweighted_ci90_low", f"{score - 1.96 * se:.6f}")
    set_cell(s / CI, line, "total_unweighted_ci90_high", f"{score + 1.96 * se:.6f}")
    return Expect(CI, line, "total_unweighted_ci90_low", "is not score ± 1.645 × SE")


def _interval_without_se(s: Path) -> Expect:
    line = ci_line(s, "95", 2022)  # Bạc Liêu: SE left empty in the source
    set_cell(s / CI, line, "total_unweighted_ci90_low", "44.4")
    set_cell(s / CI, line, "total_unweighted_ci90_high", "45.4")
    return Expect(CI, line, "total_unweighted_ci90_low", "SE is 0 or missing")


def _interval_with_se_zero(s: Path) -> Expect:
    line = ci_line(s, "95", 2022)
    set_cell(s / CI, line, "total_unweighted_se", "0")
    set_cell(s / CI, line, "total_unweighted_ci90_low", "44.91")
    set_cell(s / CI, line, "total_unweighted_ci90_high", "44.92")
    return Expect(CI, line, "total_unweighted_ci90_low", "SE is 0 or missing")


def _se_without_interval(s: Path) -> Expect:
    line = ci_line(s, "01", 2023)
    set_cell(s / CI, line, "total_unweighted_ci90_low", "")
    set_cell(s / CI, line, "total_unweighted_ci90_high", "")
    return Expect(CI, line, "total_unweighted_ci90_low", "without its 90% interval")


def _negative_se(s: Path) -> Expect:
    line = ci_line(s, "01", 2023)
    set_cell(s / CI, line, "total_unweighted_se", "-0.15")
    return Expect(CI, line, "total_unweighted_se", "cannot be negative")


def _total_not_the_stores(s: Path) -> Expect:
    line = ci_line(s, "01", 2023)
    set_cell(s / CI, line, "total_unweighted_score", "43.97")
    return Expect(CI, line, "total_unweighted_score", "is not the store's total")


def _total_where_the_store_has_none(s: Path) -> Expect:
    line = ci_line(s, "27", 2022)  # Bắc Ninh 2022: no published total
    set_cell(s / CI, line, "total_unweighted_score", "44.0")
    return Expect(CI, line, "total_unweighted_score", "where the store has no total")


def _respondents_not_whole(s: Path) -> Expect:
    line = ci_line(s, "01", 2023)
    set_cell(s / CI, line, "n_observations", "1120.5")
    return Expect(CI, line, "n_observations", "positive whole number")


def _unknown_province(s: Path) -> Expect:
    line = ci_line(s, "01", 2023)
    set_cell(s / CI, line, "province_code", "00")
    return Expect(CI, line, "province_code", "unknown province code '00'")


def _year_without_scores(s: Path) -> Expect:
    line = ci_line(s, "01", 2023)
    set_cell(s / CI, line, "year", "2025")
    return Expect(CI, line, "year", "not a year of the scores")


REJECTIONS: list[Callable[[Path], Expect]] = [
    _interval_not_from_se,
    _interval_at_95_percent,
    _interval_without_se,
    _interval_with_se_zero,
    _se_without_interval,
    _negative_se,
    _total_not_the_stores,
    _total_where_the_store_has_none,
    _respondents_not_whole,
    _unknown_province,
    _year_without_scores,
]


@pytest.mark.parametrize("break_sources", REJECTIONS, ids=lambda f: f.__name__.strip("_"))
def test_rejected_uncertainty_rows(
    break_sources: Callable[[Path], Expect], sources_copy: Path, real_store: PapiStore
) -> None:
    """Every rule, through the reader at fault, against the real store's provinces and scores."""
    expect = break_sources(sources_copy)
    problems: list[SourceProblem] = []
    read_uncertainty(sources_copy, real_store.provinces, real_store.scores, problems)
    assert_reported(problems, expect, alone=True)


def test_rejected_uncertainty_file_stops_the_build_and_keeps_the_store(
    sources_copy: Path, good_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The whole build (CLI) on a full-size store, once for this file: exit 1, file:line, the store untouched."""
    assert_rejected(_interval_not_from_se(sources_copy), sources_copy, good_store, capsys, alone=True)


def test_se_zero_is_kept_without_an_interval(
    sources_copy: Path, source_tables: Callable[[Path], dict[str, pd.DataFrame]]
) -> None:
    line = ci_line(sources_copy, "95", 2022)  # synthetic: the workbook's SE of 0 written out
    set_cell(sources_copy / CI, line, "total_unweighted_se", "0")
    row = source_tables(sources_copy)["uncertainty"].set_index("source_line").loc[line]
    assert row["se"] == 0 and pd.isna(row["ci90_low"]) and pd.isna(row["ci90_high"])


def test_the_method_is_described_exactly_and_claims_no_tie() -> None:
    """Non-overlap of two 90% intervals (equal SEs) is a test of the difference at 2 × 1.645 / √2 = 2.33 standard
    errors: two-sided about 2%, as the about page says; overlap never reads as "tied", and SE 0 is named."""
    z = 2 * Z90 / math.sqrt(2)
    assert round(z, 2) == 2.33 and round(math.erfc(z / math.sqrt(2)), 2) == 0.02
    assert "2%" in METHOD_EN and "2%" in METHOD_VI and "no stated coverage" in METHOD_EN
    assert "statistically tied" not in METHOD_EN and "ngang nhau về mặt thống kê" not in METHOD_VI
    for text in (METHOD_EN, METHOD_VI):
        assert all(name in text for name in ("Bạc Liêu", "Cà Mau", "Sóc Trăng"))
    assert "not read that as an exact score" in METHOD_EN
