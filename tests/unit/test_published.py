"""PAPI's own published figures beside the store: national means, group sizes, press figures; partners; rounding.

Real tests read a store built from papi_data/sources into a temporary folder (conftest.py). Values given to
`classify_value` and the rejection edits are synthetic test data.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from papi_data.citation import citation, report_partners
from papi_data.numbers import round_half_up
from papi_data.published import (
    GROUP_DEFINITION_EN,
    GROUP_DEFINITION_VI,
    REASONS,
    classify_value,
    group_size_check,
    national_mean,
    percentile_method_check,
    press_comparison,
    press_counts,
)
from papi_data.ranking import PERCENTILE_METHOD, with_ranks
from papi_data.store.load import PapiStore
from papi_data.store.problems import SourceProblem
from papi_data.store.readers.published import read_group_sizes, read_partners, read_press_figures, read_published_means
from tests.unit.test_build import Expect, assert_rejected, assert_reported, find_line, set_cell


@pytest.fixture(scope="module")
def totals(real_store: PapiStore) -> pd.DataFrame:
    return with_ranks(real_store.scores)


@pytest.fixture(scope="module")
def comparison(real_store: PapiStore, totals: pd.DataFrame) -> pd.DataFrame:
    return press_comparison(real_store.press_figures, totals)


# --- display rounding -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (-0.125, 2, -0.13),
        (0.125, 2, 0.13),
        (2.675, 2, 2.68),  # binary 2.67499…: round() gives 2.67
        (1.005, 2, 1.01),
        (-0.004, 2, -0.0),
        (43.77471, 2, 43.77),
        (44.9419355, 4, 44.9419),
        (0.5, 0, 1.0),
        (-2.5, 0, -3.0),
    ],
)
def test_round_half_up(value: float, digits: int, expected: float) -> None:
    assert round_half_up(value, digits) == expected
    assert f"{round_half_up(value, digits):.{digits}f}" == f"{expected:.{digits}f}"


def test_round_half_up_differs_from_pythons_round() -> None:
    assert round(-0.125, 2) == -0.12 and f"{-0.125:.2f}" == "-0.12"
    assert round_half_up(-0.125, 2) == -0.13
    assert round_half_up(float("nan"), 2) != round_half_up(float("nan"), 2)  # NaN stays NaN


# --- the press table ------------------------------------------------------------------------------------------------


def test_press_figures_in_the_store(real_store: PapiStore) -> None:
    press = real_store.press_figures
    assert len(press) == 57
    assert press["scope"].value_counts().to_dict() == {"province": 55, "national_mean": 2}
    assert press.loc[press["scope"] == "national_mean", "province_code"].isna().all()
    assert press.loc[press["scope"] == "province", "province_code"].notna().all()
    assert (press["score_printed"].dropna() == press["score_printed"].dropna().str.strip()).all()
    row = press[press["source_line"] == 24].iloc[0]  # An Giang 2022, printed "41.0": one decimal
    assert (row["score_printed"], row["rank"], row["province_code"]) == ("41.0", 32, "89")


def test_press_comparison_counts(comparison: pd.DataFrame) -> None:
    counts = press_counts(comparison)
    assert (counts.figures, counts.agree) == (95, 75)
    assert counts.by_figure == {"rank": (41, 47), "score": (34, 48)}
    assert counts.by_reason == {
        "truncated": 5,
        "unexplained": 5,
        "one_digit": 4,
        "rounded_twice": 1,
        "median": 1,
        "digits_swapped": 1,
        "adjacent_year": 1,
        "close_tie": 2,
    }
    assert set(comparison["reason"]) <= set(REASONS)
    assert comparison["agrees"].eq(comparison["reason"] == "agree").all()


@pytest.mark.parametrize(
    ("line", "figure", "reason", "store"),
    [
        (2, "score", "agree", "41.9929"),  # Bà Rịa - Vũng Tàu 2022: four decimals
        (4, "score", "rounded_twice", "40.61"),  # 40.6146 → 40.615 → 40.62
        (8, "score", "truncated", "41.63"),  # Kon Tum 2020: 41.62696 cut to 41.62
        (56, "score", "digits_swapped", "44.15"),  # Bình Thuận 2021 printed 44.51
        (24, "rank", "adjacent_year", "44"),  # An Giang 2022 printed 32: its 2021 rank
        (53, "rank", "close_tie", "2"),  # Bến Tre 2017 printed 1st: Quảng Bình 0.011 ahead
        (40, "rank", "close_tie", "16"),  # Quảng Nam 2013 printed 17th: Lạng Sơn 0.006 behind
        (57, "score", "median", "42.408"),  # national 2021: 42.269 is the median of 60 provinces
        (58, "score", "agree", "42.34"),  # national 2022
        (48, "score", "unexplained", "34.22"),  # Cần Thơ 2014 printed 33.99
    ],
)
def test_press_rows(comparison: pd.DataFrame, line: int, figure: str, reason: str, store: str) -> None:
    row = comparison[(comparison["source_line"] == line) & (comparison["figure"] == figure)].iloc[0]
    assert (row["reason"], row["store"]) == (reason, store)


def test_close_tie_and_adjacent_year_name_what_they_found(comparison: pd.DataFrame) -> None:
    rows = comparison.set_index(["source_line", "figure"])
    assert rows.at[(53, "rank"), "other_province"] == "44"  # Quảng Bình
    assert rows.at[(24, "rank"), "other_year"] == 2021


@pytest.mark.parametrize(
    ("printed", "value", "expected"),
    [
        ("43.78", 43.775, ("agree", None)),
        ("43.77", 43.779, ("truncated", None)),
        ("43.8", 43.7496, ("rounded_twice", None)),  # 43.7496 → 43.75 → 43.8
        ("34.34", 43.43, ("unexplained", None)),  # four digits moved, not one swap
        ("43.34", 43.43, ("digits_swapped", None)),
        ("41.43", 43.43, ("one_digit", None)),
        ("42.00", None, ("no_store_value", None)),
    ],
)
def test_classify_value(printed: str, value: float | None, expected: tuple[str, int | None]) -> None:
    assert classify_value(printed, value) == expected


def test_classify_value_with_median_and_adjacent_years() -> None:
    assert classify_value("42.27", 42.41, median=42.269) == ("median", None)
    assert classify_value("40.15", 40.98, adjacent={2020: 40.1514, 2022: 39.0}) == ("adjacent_year", 2020)


# --- national means ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "n", "mean", "published"),
    [
        (2018, 61, 44.0777, [("43.78", "unexplained")]),
        (2019, 63, 43.6163, [("43.61", "truncated")]),
        (2021, 60, 42.4078, [("42.269", "median")]),
        (2022, 61, 42.3423, [("42.34", "agree"), ("41.56", "unexplained")]),
        (2023, 61, 42.4212, [("42.3265", "median")]),
        (2024, 61, 43.4337, [("41.43", "one_digit")]),
        (2020, 63, 42.7765, []),
    ],
)
def test_national_mean_beside_the_published_one(
    real_store: PapiStore, totals: pd.DataFrame, year: int, n: int, mean: float, published: list[tuple[str, str]]
) -> None:
    result = national_mean(totals, real_store.published_means, year)
    assert (result.year, result.n) == (year, n)
    assert result.mean == pytest.approx(mean, abs=1e-4)
    assert [(p.printed, p.reason) for p in result.published] == published
    assert all(p.source for p in result.published)
    assert result.label("vi") == f"trung bình cộng của {n} tỉnh có dữ liệu"
    assert result.label("en") == f"plain mean of the {n} provinces with data"


# --- group sizes ---------------------------------------------------------------------------------------------------


def test_group_sizes_against_the_published_ones(real_store: PapiStore, totals: pd.DataFrame) -> None:
    """Every published size reproduced (17/17): 2022 by PAPI's own published ranges, the other years by Hazen."""
    check = group_size_check(totals, real_store.published_group_sizes)
    assert len(check) == 17 and check["agrees"].all()
    assert check.groupby("year")["basis"].first().to_dict() == {
        2017: "percentile",
        2019: "percentile",
        2020: "percentile",
        2022: "published",
        2023: "percentile",
    }
    # Hazen alone would not: 15 poor in 2022, Phú Yên (40.74, the 15th lowest) the province at the boundary
    hazen = group_size_check(totals, real_store.published_group_sizes, use_published=False)
    assert hazen["agrees"].sum() == 15
    miss = hazen[~hazen["agrees"]].set_index("group").loc["poor"]
    assert (miss["year"], miss["published"], miss["computed"], miss["n"]) == (2022, 14, 15, 61)
    assert miss["boundary_code"] == "54" and miss["boundary_score"] == pytest.approx(40.74233)
    provinces = real_store.provinces.set_index("code")
    assert provinces.at["54", "name_vi"] == "Phú Yên"
    assert "Phú Yên" in GROUP_DEFINITION_VI and "Phú Yên" in GROUP_DEFINITION_EN and "40.74" in GROUP_DEFINITION_EN


def test_the_2022_groups_are_papis_published_ones(real_store: PapiStore) -> None:
    """The three provinces the percentile groups misplaced in 2022 sit where PAPI's published ranges put them: by
    their score rounded half up to the printed two decimals (Khánh Hòa 43.4369 → 43.44, the best group's first)."""
    shown = with_ranks(real_store.scores, real_store.published_group_sizes)
    year = shown[(shown["year"] == 2022) & (shown["dimension"] == "total")].set_index("province_code")["group"]
    assert year.value_counts().to_dict() == {"best": 16, "high_average": 16, "low_average": 15, "poor": 14}
    assert (year["56"], year["87"], year["54"]) == ("best", "high_average", "low_average")
    other = shown[(shown["year"] == 2023) & (shown["dimension"] == "total")]  # other years: percentile groups
    assert (other["group"] == with_ranks(real_store.scores).loc[other.index, "group"]).all()


def test_hazen_reproduces_the_most_published_sizes_and_none_reproduces_2022(
    real_store: PapiStore, totals: pd.DataFrame
) -> None:
    methods = percentile_method_check(totals, real_store.published_group_sizes).set_index("method")
    assert len(methods) == 13
    best = methods["sizes_reproduced"].max()
    assert methods.at[PERCENTILE_METHOD, "sizes_reproduced"] == best == 15
    assert methods.at[PERCENTILE_METHOD, "years_reproduced"] == (2017, 2019, 2020, 2023)
    assert methods.at["linear", "years_missed"] == (2022, 2023)  # numpy's default: 16 best in 2023
    assert not any(2022 in years and len(years) > 1 for years in methods["years_reproduced"])
    # the about page's claim: every definition that gives 2017, 2019 and 2020 right gives 15 poor in 2022
    right_before = methods[methods["years_reproduced"].map(lambda ys: {2017, 2019, 2020} <= set(ys))]
    assert len(right_before) == 6
    for method in right_before.index:
        check = group_size_check(totals, real_store.published_group_sizes, method, use_published=False)
        poor = check.set_index(["year", "group"])
        assert poor.at[(2022, "poor"), "computed"] == 15, method


def test_published_group_sizes_in_the_store(real_store: PapiStore) -> None:
    sizes = real_store.published_group_sizes
    assert sizes.groupby("year")["size"].sum().to_dict() == {2017: 63, 2019: 63, 2020: 63, 2022: 61, 2023: 15}
    assert sizes["source"].str.len().gt(0).all()


# --- partners and the citation line --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("years", "partners"),
    [
        (2016, ["CECODES", "VFF-CRT", "UNDP"]),
        (2017, ["CECODES", "VFF-CRT", "RTA", "UNDP"]),
        (2022, ["CECODES", "VFF-CRT", "RTA", "UNDP"]),
        (2023, ["CECODES", "RTA", "UNDP"]),
        (range(2011, 2025), ["CECODES", "VFF-CRT", "RTA", "UNDP"]),
    ],
)
def test_partners_by_report_year(real_store: PapiStore, years: int | range, partners: list[str]) -> None:
    assert report_partners(real_store.report_partners, real_store.partners, years) == partners


def test_citation_lines(real_store: PapiStore) -> None:
    rp, p = real_store.report_partners, real_store.partners
    assert citation(rp, p, 2023, "vi") == "PAPI 2023 — CECODES, RTA & UNDP, papi.org.vn"
    assert citation(rp, p, 2016, "en") == "PAPI 2016 — CECODES, VFF-CRT & UNDP, papi.org.vn"
    assert citation(rp, p, range(2011, 2025), "en") == (
        "PAPI 2011–2024 — CECODES, VFF-CRT, RTA & UNDP (2024 partners assumed, not documented), papi.org.vn"
    )
    assert citation(rp, p, [2019, 2022, 2023], "en").startswith("PAPI 2019, 2022, 2023 — ")
    vi = citation(rp, p, 2018, "vi", full=True)
    en = citation(rp, p, 2018, "en", full=True)
    assert "Trung tâm Bồi dưỡng cán bộ và Nghiên cứu khoa học MTTQ Việt Nam (VFF-CRT)" in vi and " và " in vi
    assert "Centre for Research and Training of the Viet Nam Fatherland Front (VFF-CRT)" in en
    assert "Central Committee" not in en


def test_every_year_has_its_partners_and_the_2024_list_is_marked_assumed(real_store: PapiStore) -> None:
    rp = real_store.report_partners
    assert set(rp["year"]) == set(real_store.years)
    assert rp.loc[rp["year"] == 2024, "basis"].str.startswith("assumed").all()
    assert rp.loc[rp["year"] < 2024, "basis"].str.startswith("documented").all()


# --- rejected at build ----------------------------------------------------------------------------------------------


def _press_unknown_province(s: Path) -> Expect:
    line = find_line(s / "published_values_press.csv", province="Gia Lai", year=2017)
    set_cell(s / "published_values_press.csv", line, "province", "Gia Lai Mới")
    return Expect("published_values_press.csv", line, "province", "unknown province")


def _press_rank_64(s: Path) -> Expect:
    line = find_line(s / "published_values_press.csv", province="Gia Lai", year=2022)
    set_cell(s / "published_values_press.csv", line, "reported_rank", "64.0")
    return Expect("published_values_press.csv", line, "reported_rank", "not a rank from 1 to 63")


def _mean_off_the_scale(s: Path) -> Expect:
    line = find_line(s / "published_national_means.csv", year=2019)
    set_cell(s / "published_national_means.csv", line, "value", "93.61")
    return Expect("published_national_means.csv", line, "value", "outside the 2019 total's scale 8–80")


def _group_sizes_not_adding_up(s: Path) -> Expect:
    line = find_line(s / "published_group_sizes.csv", year=2017, group="poor")
    set_cell(s / "published_group_sizes.csv", line, "size", "17")
    first = find_line(s / "published_group_sizes.csv", year=2017, group="best")
    return Expect("published_group_sizes.csv", first, "size", "the four groups of 2017 hold 64 provinces")


def _group_range_backwards(s: Path) -> Expect:
    line = find_line(s / "published_group_sizes.csv", year=2022, group="best")
    set_cell(s / "published_group_sizes.csv", line, "high", "43.00")
    return Expect("published_group_sizes.csv", line, "low", "the range 43.44–43.00 runs backwards")


def _group_range_half_given(s: Path) -> Expect:
    line = find_line(s / "published_group_sizes.csv", year=2022, group="poor")
    set_cell(s / "published_group_sizes.csv", line, "high", "")
    return Expect("published_group_sizes.csv", line, "low", "needs both ends (low and high) or neither")


def _unknown_partner(s: Path) -> Expect:
    line = find_line(s / "report_partners.csv", year=2023, partner_id="RTA")
    set_cell(s / "report_partners.csv", line, "partner_id", "VFF")
    return Expect("report_partners.csv", line, "partner_id", "unknown partner 'VFF'")


REJECTIONS: list[Callable[[Path], Expect]] = [
    _press_unknown_province,
    _press_rank_64,
    _mean_off_the_scale,
    _group_sizes_not_adding_up,
    _group_range_backwards,
    _group_range_half_given,
    _unknown_partner,
]


@pytest.mark.parametrize("break_sources", REJECTIONS, ids=lambda f: f.__name__.strip("_"))
def test_rejected_published_rows(
    break_sources: Callable[[Path], Expect], sources_copy: Path, real_store: PapiStore
) -> None:
    """Every rule, through the readers of the published figures, against the real store's provinces and scores."""
    expect = break_sources(sources_copy)
    problems: list[SourceProblem] = []
    scores = real_store.scores
    read_published_means(sources_copy, scores, problems)
    read_group_sizes(sources_copy, scores, problems)
    read_press_figures(sources_copy, real_store.provinces, scores, problems)
    read_partners(sources_copy, scores, problems)
    assert_reported(problems, expect, alone=True)


@pytest.mark.parametrize("break_sources", REJECTIONS, ids=lambda f: f.__name__.strip("_"))
def test_rejected_published_file_stops_the_build_and_keeps_the_store(
    break_sources: Callable[[Path], Expect], sources_copy: Path, good_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The whole build (CLI) on a full-size store, once per source file (each case breaks another file)."""
    assert_rejected(break_sources(sources_copy), sources_copy, good_store, capsys, alone=True)


def test_an_assumed_year_s_partners_say_so_wherever_cited(real_store: PapiStore) -> None:
    """2024's partners are an assumption (report_partners.csv): its citation says so, a documented year's does not."""
    partners, table = real_store.partners, real_store.report_partners
    assert citation(table, partners, 2024, "vi") == (
        "PAPI 2024 — CECODES, RTA & UNDP (đối tác năm 2024: giả định, chưa có tài liệu), papi.org.vn"
    )
    assert citation(table, partners, range(2018, 2025), "en") == (
        "PAPI 2018–2024 — CECODES, VFF-CRT, RTA & UNDP (2024 partners assumed, not documented), papi.org.vn"
    )
    assert citation(table, partners, 2023, "en") == "PAPI 2023 — CECODES, RTA & UNDP, papi.org.vn"
