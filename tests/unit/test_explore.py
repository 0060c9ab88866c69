"""The explorer's rules: the filter function, change against a base year, the counts of the "what is shown" line, the
fitted line, and the URL parsers that correct a link's filters.

Tables made by `synthetic()` are synthetic test data, not PAPI figures; the other tests use the real store built into a
temporary folder (session fixtures in conftest.py).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from papi_data.explore import (
    Filters,
    apply_filters,
    comparable,
    linear_fit,
    on_scale,
    paired,
    provinces_matching,
    scale_bounds,
    summarise,
    with_base_change,
)
from papi_data.store.schema import GROUPS

BAC_NINH, QUANG_NINH, HA_NOI, HCM = "27", "22", "01", "79"
PROVINCES = pd.DataFrame({"code": ["01", "02", "03"], "region_id": ["north", "north", "south"]})


def synthetic(rows: list[tuple[int, str, str, float | None]], group: str | None = None) -> pd.DataFrame:
    """A long table of (year, province_code, dimension, score) rows with every row in `group`; synthetic data."""
    table = pd.DataFrame(rows, columns=["year", "province_code", "dimension", "score"])
    table["score"] = table["score"].astype(float)
    table["rank"] = pd.array([1] * len(table), dtype="Int16")
    table["group"] = pd.array([group] * len(table), dtype="string")
    return table


def one(table: pd.DataFrame, code: str, year: int, dimension: str = "total") -> pd.Series:
    hit = table[(table["province_code"] == code) & (table["year"] == year) & (table["dimension"] == dimension)]
    assert len(hit) == 1
    return hit.iloc[0]


# --- apply_filters ----------------------------------------------------------------------------------------------------


def test_years_metrics_regions_and_provinces_select_rows(ranked, real_store) -> None:
    provinces = real_store.provinces
    shown = apply_filters(ranked, provinces, Filters(years=(2019, 2020), metrics=("total", "d1_participation")))
    assert set(shown["year"]) == {2019, 2020} and set(shown["dimension"]) == {"total", "d1_participation"}
    assert len(shown) == 2 * 2 * 63
    southeast = set(provinces.loc[provinces["region_id"] == "southeast", "code"])
    shown = apply_filters(ranked, provinces, Filters(years=(2024, 2024), regions=("southeast",)))
    assert set(shown["province_code"]) == southeast
    shown = apply_filters(ranked, provinces, Filters(years=(2024, 2024), provinces=(HA_NOI, HCM)))
    assert set(shown["province_code"]) == {HA_NOI, HCM} and len(shown) == 2 * 9


def test_no_metric_region_or_group_means_all_but_an_empty_search_means_none(ranked, real_store) -> None:
    everything = apply_filters(ranked, real_store.provinces, Filters(years=(2011, 2024)))
    assert len(everything) == len(ranked)
    assert apply_filters(ranked, real_store.provinces, Filters(years=(2011, 2024), provinces=())).empty


def test_rows_without_data_stay_unless_a_filter_looks_at_scores(ranked, real_store) -> None:
    provinces = real_store.provinces
    plain = apply_filters(ranked, provinces, Filters(years=(2021, 2021), metrics=("total",)))
    assert len(plain) == 63 and plain["score"].isna().sum() == 3  # Bắc Giang, Bắc Ninh, Quảng Ninh: not zero, kept
    grouped = apply_filters(ranked, provinces, Filters(years=(2021, 2021), metrics=("total",), groups=("poor",)))
    assert grouped["score"].notna().all() and set(grouped["group"]) == {"poor"}
    scored = apply_filters(ranked, provinces, Filters(years=(2021, 2021), metrics=("total",), scores=(1.0, 9.9)))
    assert scored["score"].notna().all() and len(scored) == 60


def test_group_is_the_rows_own_year_and_metric() -> None:
    table = pd.concat(
        [
            synthetic([(2020, "01", "total", 40.0), (2020, "02", "total", 30.0)], group="best"),
            synthetic([(2020, "01", "d1_participation", 4.0)], group="poor"),
        ],
        ignore_index=True,
    )
    shown = apply_filters(table, PROVINCES, Filters(years=(2020, 2020), groups=("best",)))
    assert list(zip(shown["province_code"], shown["dimension"], strict=True)) == [("01", "total"), ("02", "total")]


def test_score_range_is_per_dimension_and_scales_each_eras_total() -> None:
    table = synthetic(
        [
            (2017, "01", "total", 36.0),  # 6.0 per dimension (6–60 scale)
            (2017, "02", "total", 42.0),  # 7.0
            (2018, "01", "total", 48.0),  # 6.0 per dimension (8–80 scale)
            (2018, "02", "total", 42.0),  # 5.25
            (2018, "01", "d1_participation", 6.0),
            (2018, "02", "d1_participation", 6.5),
        ]
    )
    shown = apply_filters(table, PROVINCES, Filters(years=(2017, 2018), scores=(5.0, 6.0)))
    kept = set(zip(shown["year"], shown["province_code"], shown["dimension"], strict=True))
    assert kept == {
        (2017, "01", "total"),
        (2018, "01", "total"),
        (2018, "02", "total"),
        (2018, "01", "d1_participation"),
    }
    low, high = scale_bounds(table)
    assert low.tolist() == [6, 6, 8, 8, 1, 1] and high.tolist() == [60, 60, 80, 80, 10, 10]


def test_a_sub_dimension_is_held_to_the_same_place_on_its_own_scale() -> None:
    table = synthetic(
        [
            (2020, "01", "d5.land_titles", 1.0),  # 4.0 on the 1–10 scale (0.25–2.5: a quarter)
            (2020, "02", "d5.land_titles", 1.6),  # 6.4
            (2021, "01", "d5.land_titles", 0.33 + 5 / 3),  # 6.0 exactly on 0.33–3.33
            (2021, "02", "d5.land_titles", 0.33 + 1 / 3),  # 2.0
            (2020, "01", "d5_public_admin_procedures", 5.0),
        ]
    )
    table["scale_low"] = [0.25, 0.25, 0.33, 0.33, None]
    table["scale_high"] = [2.5, 2.5, 3.33, 3.33, None]
    low, high = scale_bounds(table)
    assert on_scale(4.0, low, high).round(6).tolist() == [1.0, 1.0, 1.33, 1.33, 4.0]
    assert on_scale(10.0, low, high).round(6).tolist() == [2.5, 2.5, 3.33, 3.33, 10.0]  # the ends land on the ends
    assert on_scale(1.0, low, high).round(6).tolist() == [0.25, 0.25, 0.33, 0.33, 1.0]
    metrics = ("d5.land_titles", "d5_public_admin_procedures")
    shown = apply_filters(table, PROVINCES, Filters(years=(2020, 2021), metrics=metrics, scores=(4.0, 6.0)))
    kept = set(zip(shown["year"], shown["province_code"], shown["dimension"], strict=True))
    assert kept == {(2020, "01", "d5.land_titles"), (2021, "01", "d5.land_titles"), (2020, "01", metrics[1])}


def test_with_no_metric_chosen_the_headline_metrics_are_shown_and_sub_dimensions_only_when_chosen() -> None:
    table = synthetic(
        [
            (2020, "01", "total", 40.0),
            (2020, "01", "d5_public_admin_procedures", 5.0),
            (2020, "01", "d5.land_titles", 1.2),
            (2020, "01", "d5.certification", 1.3),
        ]
    )
    every = apply_filters(table, PROVINCES, Filters(years=(2020, 2020)))
    assert every["dimension"].tolist() == ["total", "d5_public_admin_procedures"]
    chosen = Filters(years=(2020, 2020), metrics=("d5.land_titles", "d5_public_admin_procedures", "d5.certification"))
    shown = apply_filters(table, PROVINCES, chosen)
    assert shown["dimension"].tolist() == ["d5_public_admin_procedures", "d5.certification", "d5.land_titles"]
    assert summarise(table, PROVINCES, chosen, shown).without_data == 2  # 02 and 03 have none of the three


def test_the_whole_scale_filters_nothing() -> None:
    assert not Filters(years=(2020, 2020)).by_value
    assert Filters(years=(2020, 2020), scores=(1.0, 9.5)).by_score
    assert Filters(years=(2020, 2020), groups=("best",)).by_value


def test_order_is_total_first_then_year_then_rank(ranked, real_store) -> None:
    shown = apply_filters(
        ranked, real_store.provinces, Filters(years=(2023, 2024), metrics=("d1_participation", "total"))
    )
    assert shown["dimension"].iloc[0] == "total" and shown["dimension"].iloc[-1] == "d1_participation"
    first = shown[(shown["dimension"] == "total") & (shown["year"] == 2023)]
    ranks = first["rank"].dropna().tolist()
    assert ranks == sorted(ranks) and first["score"].isna().tolist()[-2:] == [True, True]  # no data last, not dropped


# --- change columns ---------------------------------------------------------------------------------------------------


def test_change_against_the_previous_year_skips_a_missing_year(ranked) -> None:
    assert math.isnan(one(ranked, BAC_NINH, 2022, "d1_participation")["change"])  # 2021 has no data
    hanoi = one(ranked, HA_NOI, 2024)
    assert hanoi["change"] == pytest.approx(hanoi["score"] - one(ranked, HA_NOI, 2023)["score"])


def test_change_against_a_base_year_across_a_missing_year(ranked) -> None:
    based = with_base_change(ranked, 2020)
    d1 = one(based, BAC_NINH, 2022, "d1_participation")
    assert d1["change_base"] == pytest.approx(d1["score"] - one(ranked, BAC_NINH, 2020, "d1_participation")["score"])
    assert math.isnan(one(based, BAC_NINH, 2021, "d1_participation")["change_base"])  # no score in 2021 itself


def test_change_of_the_total_is_not_defined_across_the_2018_scale_change(ranked) -> None:
    based = with_base_change(ranked, 2017)
    assert math.isnan(one(based, HA_NOI, 2024)["change_base"])  # 8–80 against 6–60
    assert not math.isnan(one(based, HA_NOI, 2015)["change_base"])  # both 6–60
    d1 = one(based, HA_NOI, 2024, "d1_participation")  # dimensions are 1–10 in both eras
    assert d1["change_base"] == pytest.approx(d1["score"] - one(ranked, HA_NOI, 2017, "d1_participation")["score"])
    assert math.isnan(one(ranked, HA_NOI, 2018)["change"])  # and against the previous year, likewise


def test_change_of_the_total_is_not_defined_where_the_total_is_missing(ranked) -> None:
    based = with_base_change(ranked, 2019)
    assert math.isnan(one(based, QUANG_NINH, 2018)["change_base"])  # 2018: D2 and D4 missing, hence no total
    assert math.isnan(one(with_base_change(ranked, 2018), QUANG_NINH, 2020)["change_base"])  # the base has none
    assert not math.isnan(one(with_base_change(ranked, 2018), QUANG_NINH, 2020, "d1_participation")["change_base"])


def test_base_year_itself_is_zero_and_labels_are_kept(ranked) -> None:
    based = with_base_change(ranked, 2020)
    assert one(based, HA_NOI, 2020)["change_base"] == 0
    assert based.index.equals(ranked.index) and (based["score"].fillna(-1) == ranked["score"].fillna(-1)).all()
    assert based["change_base"].isna().sum() > 0 and (based["change_base"].dropna() != 0).any()


def test_a_dimension_not_measured_in_the_base_year_has_no_change(ranked) -> None:
    assert math.isnan(one(with_base_change(ranked, 2015), HA_NOI, 2020, "d7_environmental_governance")["change_base"])


@pytest.mark.parametrize(
    ("metric", "year", "other", "expected"),
    [("total", 2017, 2018, False), ("total", 2018, 2024, True), ("total", 2011, 2017, True), ("d1", 2011, 2024, True)],
)
def test_comparable(metric: str, year: int, other: int, expected: bool) -> None:
    assert comparable(metric, year, other) is expected


@pytest.mark.parametrize(
    ("segments", "expected"),
    [(("2021–2024", "2021–2024"), True), (("2018–2020", "2021–2024"), False), ((None, "2021–2024"), False)],
)
def test_a_sub_dimension_is_comparable_only_within_its_segment(segments, expected: bool) -> None:
    assert comparable("d5.land_titles", 2020, 2022, segments) is expected


def test_change_against_a_base_year_stays_within_a_sub_dimension_s_segment() -> None:
    table = synthetic(
        [
            (2020, "01", "d5.land_titles", 1.5),
            (2021, "01", "d5.land_titles", 2.0),
            (2022, "01", "d5.land_titles", 2.4),
            (2020, "01", "d5_public_admin_procedures", 6.0),
            (2022, "01", "d5_public_admin_procedures", 7.0),
        ]
    )
    table["segment"] = ["2018–2020", "2021–2024", "2021–2024", None, None]
    across = with_base_change(table, 2020)
    assert math.isnan(one(across, "01", 2022, "d5.land_titles")["change_base"])  # 0.25–2.5 → 0.33–3.33: not defined
    assert one(across, "01", 2022, "d5_public_admin_procedures")["change_base"] == pytest.approx(1.0)
    within = with_base_change(table, 2021)
    assert one(within, "01", 2022, "d5.land_titles")["change_base"] == pytest.approx(0.4)


# --- summarise ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "provinces", "without"),
    [
        (Filters(years=(2018, 2024), metrics=("total",)), 63, 11),  # 2 + 3 + 2 + 2 + 2, per PROVENANCE.md
        (Filters(years=(2011, 2024)), 63, 13),  # province-years with any score missing
        (Filters(years=(2018, 2018), metrics=("d1_participation",)), 63, 0),  # Quảng Ninh, Đồng Tháp have D1 in 2018
        (Filters(years=(2018, 2018), metrics=("d2_transparency",)), 63, 2),
        (Filters(years=(2022, 2022), metrics=("d3_vertical_accountability",)), 63, 1),  # Bắc Ninh only
        (Filters(years=(2021, 2021), metrics=("total",), groups=("best",)), 15, 3),  # counted, though not listed
        (Filters(years=(2024, 2024), provinces=(HA_NOI, "82")), 2, 1),  # Tiền Giang's rows: shown, without data
        (Filters(years=(2024, 2024), provinces=(HA_NOI, "82"), groups=GROUPS), 1, 1),  # … and not listed
        (Filters(years=(2011, 2017), metrics=("d7_environmental_governance",)), 0, 0),  # not measured: not missing
    ],
)
def test_summary_counts(ranked, real_store, filters: Filters, provinces: int, without: int) -> None:
    shown = apply_filters(ranked, real_store.provinces, filters)
    summary = summarise(ranked, real_store.provinces, filters, shown)
    assert (summary.provinces, summary.without_data, summary.rows) == (provinces, without, len(shown))
    assert summary.all_provinces == 63 and summary.years == filters.years


def test_an_absent_row_counts_as_without_data() -> None:
    table = synthetic([(2020, "01", "total", 40.0), (2020, "02", "total", 30.0)])  # "03" has no row at all
    filters = Filters(years=(2020, 2020))
    assert summarise(table, PROVINCES, filters, apply_filters(table, PROVINCES, filters)).without_data == 1


# --- scatter and slope data -------------------------------------------------------------------------------------------


def test_linear_fit_on_a_known_line() -> None:
    fit = linear_fit(pd.Series([1.0, 2.0, 3.0, 4.0, np.nan]), pd.Series([3.0, 5.0, 7.0, 9.0, 1.0]))
    assert fit is not None and fit.n == 4
    assert (fit.slope, fit.intercept, fit.r) == (pytest.approx(2.0), pytest.approx(1.0), pytest.approx(1.0))
    anti = linear_fit(pd.Series([1.0, 2.0, 3.0]), pd.Series([3.0, 1.0, 2.0]))
    assert anti is not None and anti.r == pytest.approx(-0.5)


@pytest.mark.parametrize(("x", "y"), [([1.0, 2.0], [1.0, 2.0]), ([1.0, 1.0, 1.0], [1.0, 2.0, 3.0]), ([], [])])
def test_linear_fit_is_not_defined_without_three_points_and_spread(x: list, y: list) -> None:
    assert linear_fit(pd.Series(x, dtype=float), pd.Series(y, dtype=float)) is None


def test_paired_keeps_provinces_with_both_values(ranked) -> None:
    year = ranked[ranked["year"] == 2021]
    pairs = paired(year, "dimension", "d1_participation", "total")
    assert len(pairs) == 60 and BAC_NINH not in set(pairs["province_code"])
    hanoi = pairs[pairs["province_code"] == HA_NOI].iloc[0]
    assert hanoi["second"] == one(ranked, HA_NOI, 2021)["score"]
    slope = paired(ranked[ranked["dimension"] == "total"], "year", 2023, 2024)
    assert len(slope) == 59  # Quảng Ninh, Bình Dương (2023) and Vĩnh Phúc, Tiền Giang (2024) have no total
    assert paired(year, "dimension", "d1_participation", "nothing").empty


# --- province search --------------------------------------------------------------------------------------------------


def test_search_without_diacritics_for_several_provinces(real_store) -> None:
    provinces = real_store.provinces
    assert provinces_matching(provinces, "ha noi, hcm") == (HA_NOI, HCM)
    assert provinces_matching(provinces, "Hà Nội") == provinces_matching(provinces, "HA NOI") == (HA_NOI,)
    assert provinces_matching(provinces, " , ") is None and provinces_matching(provinces, "") is None
    assert provinces_matching(provinces, "zzz") == ()
