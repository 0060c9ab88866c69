"""Domain rules: ranks, PAPI's groups, national statistics, year-on-year change and the overview figures.

The "real" tests use a store built from papi_data/sources into a temporary folder (session fixtures in conftest.py).
Tables made by `synthetic()` are synthetic test data, not PAPI figures.
"""

from __future__ import annotations

import csv
import math

import numpy as np
import pandas as pd
import pytest

from papi_data.overview import leaders, province_year, without_data
from papi_data.ranking import group_cuts, group_within, with_ranks
from papi_data.stats import national, with_change
from papi_data.store.paths import SOURCES_DIR

GROUP_SIZES = {"best": 16, "high_average": 16, "low_average": 15, "poor": 16}


def synthetic(scores: dict[str, float | None], year: int = 2020, dimension: str = "total") -> pd.DataFrame:
    """A synthetic long score table (province code → score) for one year and metric."""
    return pd.DataFrame(
        {
            "year": year,
            "province_code": list(scores),
            "dimension": dimension,
            "score": [np.nan if s is None else s for s in scores.values()],
        }
    )


def _one(table: pd.DataFrame, code: str, year: int, dimension: str = "total") -> pd.Series:
    hit = table[(table["province_code"] == code) & (table["year"] == year) & (table["dimension"] == dimension)]
    assert len(hit) == 1
    return hit.iloc[0]


# --- with_ranks ---------------------------------------------------------------------------------------------------


def test_ties_share_the_best_rank_and_leave_a_gap() -> None:
    ranks = with_ranks(synthetic({"01": 9.0, "02": 8.0, "04": 8.0, "06": 7.0}))["rank"]
    assert ranks.tolist() == [1, 2, 2, 4]
    assert ranks.dtype == "Int16"


def test_no_score_no_rank() -> None:
    ranks = with_ranks(synthetic({"01": 7.0, "02": None, "04": 9.0, "06": 8.0}))["rank"]
    assert ranks.isna().tolist() == [False, True, False, False]
    assert ranks.dropna().tolist() == [3, 1, 2]


def test_a_year_without_any_score_has_no_rank() -> None:
    ranks = with_ranks(synthetic({"01": None, "02": None}))["rank"]
    assert ranks.isna().all() and len(ranks) == 2


def test_with_ranks_counts_only_provinces_with_data() -> None:
    table = pd.concat(
        [
            synthetic({"01": 40.0, "02": None, "04": 42.0, "06": 41.0}),
            synthetic({"01": 5.0, "02": 6.0, "04": None, "06": None}, dimension="d1_participation"),
        ],
        ignore_index=True,
    )
    ranked = with_ranks(table)
    total = ranked[ranked["dimension"] == "total"].set_index("province_code")
    assert total["n"].tolist() == [3, 3, 3, 3]
    assert total["rank"].drop("02").to_dict() == {"01": 3, "04": 1, "06": 2}
    assert pd.isna(total.at["02", "rank"])
    d1 = ranked[ranked["dimension"] == "d1_participation"].set_index("province_code")
    assert d1["n"].tolist() == [2, 2, 2, 2]
    assert d1.at["02", "rank"] == 1 and d1.at["01", "rank"] == 2
    assert pd.isna(d1.at["04", "rank"]) and pd.isna(d1.at["04", "group"])
    assert len(ranked) == len(table) and ranked.index.equals(table.index)


@pytest.mark.parametrize(
    ("year", "rank", "n", "score"),
    [(2020, 48, 63, 41.63), (2021, 9, 60, 44.45), (2022, 12, 61, 43.90), (2023, 15, 61, 43.96), (2024, 29, 61, 43.77)],
)
def test_ha_noi_total_rank(ranked: pd.DataFrame, year: int, rank: int, n: int, score: float) -> None:
    row = _one(ranked, "01", year)
    assert (row["rank"], row["n"]) == (rank, n)
    assert round(row["score"], 2) == score


def test_ranks_equal_the_sources_rank_derived(ranked: pd.DataFrame) -> None:
    with (SOURCES_DIR / "papi_scores_long.csv").open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        given = {}
        published = {}
        for row in reader:
            if row["rank_derived"]:
                given[reader.line_num] = int(row["rank_derived"])
            if row["rank"]:
                published[reader.line_num] = int(row["rank"])
    assert len(given) == 869 and len(published) == 23
    by_line = ranked.set_index("source_line")["rank"]
    derived = {line: int(by_line[line]) for line in given}
    assert derived == given
    assert {line: int(by_line[line]) for line in published} == published


def test_every_year_and_dimension_is_ranked_1_to_n(ranked: pd.DataFrame) -> None:
    for (year, dimension), rows in ranked.groupby(["year", "dimension"]):
        present = rows[rows["score"].notna()]
        assert rows["n"].eq(len(present)).all(), (year, dimension)
        assert rows.loc[rows["score"].isna(), "rank"].isna().all(), (year, dimension)
        assert present["rank"].min() == 1 and present["rank"].max() <= len(present), (year, dimension)
        best = present.loc[present["rank"] == 1, "score"]
        assert (best == present["score"].max()).all(), (year, dimension)


# --- group_within ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2017, 2019, 2020])
def test_published_group_sizes(ranked: pd.DataFrame, year: int) -> None:
    total = ranked[(ranked["year"] == year) & (ranked["dimension"] == "total")]
    assert total["group"].value_counts().to_dict() == GROUP_SIZES
    assert total["group"].notna().sum() == 63


def test_published_best_group_of_2023(ranked: pd.DataFrame) -> None:
    """PAPI reported 15 provinces in the best group of 2023 (numpy's default percentile gave 16)."""
    total = ranked[(ranked["year"] == 2023) & (ranked["dimension"] == "total")]
    assert (total["group"] == "best").sum() == 15
    assert (total["group"] == "best").sum() != (group_within(total["score"], "linear") == "best").sum()


def test_poor_group_of_2022_is_one_more_than_published(ranked: pd.DataFrame) -> None:
    """PAPI reported 14 poor provinces in 2022; no percentile definition gives it (see test_published.py). Here the
    15th lowest, Phú Yên (code 54), is poor."""
    total = ranked[(ranked["year"] == 2022) & (ranked["dimension"] == "total")]
    poor = total[total["group"] == "poor"].sort_values("score")
    assert len(poor) == 15
    assert poor["province_code"].iloc[-1] == "54" and poor["score"].iloc[-1] == pytest.approx(40.74233)


def test_tay_ninh_2021_at_the_median_is_low_average(ranked: pd.DataFrame) -> None:
    """Tây Ninh 2021: rank 31 of 60 (plans_more README). With 60 provinces the median is halfway between the 30th and
    31st (42.2694), so the 31st is just below it: low average, as under every interpolating definition."""
    row = _one(ranked, "72", 2021)
    assert (row["rank"], row["n"], row["group"]) == (31, 60, "low_average")
    median = ranked[(ranked["year"] == 2021) & (ranked["dimension"] == "total")]["score"].median()
    assert row["score"] < median == pytest.approx(42.26939)


# synthetic: eight scores whose Hazen percentiles fall between equal neighbours: P25 = 2, P50 = 3, P75 = 4 exactly
EXACT_CUTS = [1.0, 2.0, 2.0, 3.0, 3.0, 4.0, 4.0, 5.0]
EXACT_GROUPS = ["poor", *["low_average"] * 2, *["high_average"] * 2, *["best"] * 3]


def test_group_boundaries_belong_to_the_better_group() -> None:
    assert group_cuts(np.array(EXACT_CUTS)) == (2.0, 3.0, 4.0)
    assert group_within(pd.Series(EXACT_CUTS)).tolist() == EXACT_GROUPS


def test_groups_use_hazen_percentiles() -> None:
    # synthetic: with 8 scores the k-th sits at (k − 0.5)/8, so P75 lies halfway between the 6th and 7th: 6.225
    scores = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0, 6.2, 6.25, 8.0])
    assert group_cuts(scores.to_numpy())[2] == pytest.approx(6.225)
    groups = group_within(scores)
    assert groups.iloc[6] == "best" and groups.iloc[5] == "high_average"
    # numpy's default, "linear", sits the k-th at (k − 1)/(n − 1): P25 is 2.75 there, 2.5 by Hazen
    assert group_cuts(scores.to_numpy())[0] == pytest.approx(2.5)
    assert group_cuts(scores.to_numpy(), "linear")[0] == pytest.approx(2.75)


def test_missing_scores_get_no_group() -> None:
    values = [*EXACT_CUTS[:1], np.nan, *EXACT_CUTS[1:]]  # synthetic
    groups = group_within(pd.Series(values, index=list("abcdefghi")))
    assert pd.isna(groups["b"])
    assert groups.drop("b").tolist() == EXACT_GROUPS


def test_all_missing_gives_all_na() -> None:
    groups = group_within(pd.Series([np.nan, np.nan, np.nan]))  # synthetic
    assert len(groups) == 3 and groups.isna().all()


def test_groups_on_the_real_store(ranked: pd.DataFrame) -> None:
    assert _one(ranked, "01", 2024)["group"] == "high_average"
    assert pd.isna(_one(ranked, "27", 2021)["group"])  # Bắc Ninh 2021: no data
    assert _one(ranked, "22", 2024)["group"] == "best"  # Quảng Ninh, rank 1


# --- national / with_change -----------------------------------------------------------------------------------------


def test_national_mean_2019_matches_published(real_store) -> None:
    stats = national(real_store.scores).set_index(["year", "dimension"])
    assert stats.at[(2019, "total"), "mean"] == pytest.approx(43.61, abs=0.01)
    assert stats.at[(2019, "total"), "n"] == 63
    assert stats.at[(2024, "total"), "n"] == 61
    assert stats.at[(2021, "total"), "n"] == 60
    assert stats["n"].dtype == "Int16"
    assert len(stats) == 7 * 7 + 7 * 9


def test_national_ignores_missing_scores() -> None:
    table = synthetic({"01": 10.0, "02": None, "04": 20.0, "06": 30.0})  # synthetic
    row = national(table).iloc[0]
    assert (row["mean"], row["median"], row["min"], row["max"], row["n"]) == (20.0, 20.0, 10.0, 30.0, 3)


def test_change_across_a_missing_year_is_nan(ranked: pd.DataFrame) -> None:
    assert math.isnan(_one(ranked, "27", 2022)["score"])  # Bắc Ninh 2022 total not published
    assert math.isnan(_one(ranked, "27", 2023)["change"])
    assert not math.isnan(_one(ranked, "27", 2023)["score"])


def test_total_change_is_not_defined_across_the_2018_scale_change(ranked: pd.DataFrame) -> None:
    assert math.isnan(_one(ranked, "01", 2018)["change"])
    d1 = _one(ranked, "01", 2018, "d1_participation")
    assert d1["change"] == pytest.approx(d1["score"] - _one(ranked, "01", 2017, "d1_participation")["score"])
    assert not math.isnan(d1["change"])
    assert math.isnan(_one(ranked, "01", 2018, "d7_environmental_governance")["change"])  # D7 starts in 2018


def test_normal_change_is_the_difference(ranked: pd.DataFrame) -> None:
    assert _one(ranked, "01", 2024)["change"] == pytest.approx(43.774715 - 43.960304, abs=1e-9)
    assert _one(ranked, "01", 2018)["score"] == pytest.approx(42.319466)
    assert _one(ranked, "01", 2019)["change"] == pytest.approx(41.53302 - 42.319466, abs=1e-9)
    assert math.isnan(_one(ranked, "01", 2011)["change"])  # first year


def test_change_needs_the_year_just_before() -> None:
    table = pd.concat([synthetic({"01": 40.0}, year=2019), synthetic({"01": 43.0}, year=2021)], ignore_index=True)
    changed = with_change(table)
    assert math.isnan(changed.loc[changed["year"] == 2021, "change"].iloc[0])
    assert len(changed) == 2


# --- overview -------------------------------------------------------------------------------------------------------


def test_province_year_without_data(ranked: pd.DataFrame) -> None:
    card = province_year(ranked, "27", 2021)  # Bắc Ninh
    assert (card.score, card.rank, card.n, card.group, card.change) == (None, None, 60, None, None)
    assert card.has_data is False


def test_province_year_ha_noi_2024(ranked: pd.DataFrame) -> None:
    card = province_year(ranked, "01", 2024)
    assert (card.code, card.year, card.rank, card.n, card.group) == ("01", 2024, 29, 61, "high_average")
    assert card.score == pytest.approx(43.774715)
    assert card.change == pytest.approx(43.774715 - 43.960304, abs=1e-9)
    assert card.has_data is True
    assert type(card.rank) is int


def test_province_year_for_a_dimension(ranked: pd.DataFrame) -> None:
    card = province_year(ranked, "27", 2022, "d1_participation")  # Bắc Ninh 2022 kept D1
    assert card.has_data and card.n == 62 and card.rank is not None


def test_leaders_best_2024(ranked: pd.DataFrame) -> None:
    top = leaders(ranked, 2024)
    assert top["rank"].tolist() == [1, 2, 3, 4, 5]
    assert top["province_code"].tolist() == ["22", "72", "60", "19", "58"]
    assert top["score"].is_monotonic_decreasing


def test_leaders_lowest_2024(ranked: pd.DataFrame) -> None:
    bottom = leaders(ranked, 2024, best=False)
    assert bottom["rank"].tolist() == [61, 60, 59, 58, 57]
    assert bottom["score"].notna().all()
    assert "26" not in bottom["province_code"].tolist()  # no data is not "lowest"


def test_leaders_keep_ties_at_the_edge() -> None:
    table = with_ranks(synthetic({"a": 10.0, "b": 9.0, "c": 8.0, "d": 7.0, "e": 6.0, "f": 6.0, "g": 5.0, "h": None}))
    top = leaders(table, 2020)
    assert top["province_code"].tolist() == ["a", "b", "c", "d", "e", "f"]
    assert top["rank"].tolist() == [1, 2, 3, 4, 5, 5]
    assert leaders(table, 2020, k=4)["province_code"].tolist() == ["a", "b", "c", "d"]

    bottom_table = with_ranks(synthetic({"a": 10.0, "b": 9.0, "c": 7.0, "d": 7.0, "e": 6.0, "h": None}))
    bottom = leaders(bottom_table, 2020, k=2, best=False)
    assert bottom["province_code"].tolist() == ["e", "c", "d"]
    assert bottom["rank"].tolist() == [5, 3, 3]


def test_without_data_2024(ranked: pd.DataFrame) -> None:
    assert without_data(ranked, 2024) == ["26", "82"]  # Vĩnh Phúc, Tiền Giang
    assert without_data(ranked, 2019) == []
    assert without_data(ranked, 2021) == ["22", "24", "27"]


# --- why a change is missing ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "year", "dimension", "gap"),
    [
        ("01", 2018, "total", "scale_change"),  # 8–80 against 6–60
        ("27", 2023, "total", "previous_missing"),  # Bắc Ninh: no total for 2022
        ("27", 2022, "total", "no_score"),
        ("27", 2022, "d1_participation", "previous_missing"),  # 2022 published, 2021 not
        ("01", 2011, "total", "first_year"),
        ("01", 2018, "d7_environmental_governance", "first_year"),  # D7 starts in 2018
        ("01", 2018, "d1_participation", None),  # 1–10 in both eras: a change
        ("01", 2024, "total", None),
    ],
)
def test_change_gap_says_why_there_is_no_change(
    ranked: pd.DataFrame, code: str, year: int, dimension: str, gap
) -> None:
    row = _one(ranked, code, year, dimension)
    assert (None if pd.isna(row["change_gap"]) else row["change_gap"]) == gap
    assert pd.isna(row["change"]) is (gap is not None)


def test_change_gap_of_a_sub_dimension_follows_its_segments() -> None:
    rows = pd.concat(
        [
            synthetic({"01": 1.0, "02": 1.2}, year=2020, dimension="d5.land_titles"),
            synthetic({"01": 2.0, "02": None}, year=2021, dimension="d5.land_titles"),
            synthetic({"01": 2.2, "02": 2.0}, year=2022, dimension="d5.land_titles"),
        ],
        ignore_index=True,
    )
    rows["segment"] = ["2018–2020"] * 2 + ["2021–2024"] * 4
    changed = with_change(rows).set_index(["year", "province_code"])
    assert changed.at[(2021, "01"), "change_gap"] == "definition_change"  # 0.25–2.5 → 0.33–3.33
    assert pd.isna(changed.at[(2021, "01"), "change"])
    assert changed.at[(2022, "01"), "change"] == pytest.approx(0.2) and pd.isna(changed.at[(2022, "01"), "change_gap"])
    assert changed.at[(2022, "02"), "change_gap"] == "previous_missing"
    assert changed.at[(2020, "01"), "change_gap"] == "first_year"
