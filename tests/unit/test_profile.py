"""The profile's rules: the frontier (best score per dimension), the gap to the best, rank history and bands."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from papi_data.profile import (
    dimension_profile,
    era_years,
    frontier,
    nearest_year_with_data,
    rank_history,
)
from papi_data.ranking import group_bands, with_ranks
from papi_data.stats import with_change
from papi_data.store.load import load_store


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return with_change(with_ranks(load_store().scores))


def synthetic(rows: list[tuple[str, str, float | None]], year: int = 2020) -> pd.DataFrame:
    """SYNTHETIC test data: (province, dimension, score) rows of one year."""
    frame = pd.DataFrame(rows, columns=["province_code", "dimension", "score"]).assign(year=year)
    return with_change(with_ranks(frame))


def test_frontier_is_the_best_score_and_keeps_every_tied_holder() -> None:
    table = synthetic([("01", "d1", 6.0), ("02", "d1", 6.0), ("03", "d1", 5.0), ("04", "d1", None), ("01", "d2", 3.0)])
    best = frontier(table, 2020).set_index("dimension")
    assert best.at["d1", "best"] == 6.0 and best.at["d1", "best_codes"] == ["01", "02"]
    assert best.at["d2", "best_codes"] == ["01"]


def test_frontier_on_the_real_store(table: pd.DataFrame) -> None:
    best = frontier(table, 2024).set_index("dimension")
    year = table[(table["year"] == 2024)]
    for dimension, row in best.iterrows():
        scores = year[year["dimension"] == dimension]["score"]
        assert row["best"] == scores.max()
    assert best.at["total", "best_codes"] == ["22"]  # Quảng Ninh, rank 1 in 2024


def test_gap_to_best_is_score_minus_best_and_zero_for_the_leader() -> None:
    table = synthetic([("01", "d1", 6.5), ("02", "d1", 5.25), ("03", "d1", None), ("01", "total", 40.0)])
    leader = dimension_profile(table, "01", 2020, ["d1"]).iloc[0]
    assert leader["gap_to_best"] == 0 and leader["rank"] == 1 and leader["n"] == 2
    second = dimension_profile(table, "02", 2020, ["d1"]).iloc[0]
    assert second["gap_to_best"] == pytest.approx(-1.25) and second["rank"] == 2
    missing = dimension_profile(table, "03", 2020, ["d1", "total"])
    assert missing["score"].isna().all() and missing["gap_to_best"].isna().all() and missing["rank"].isna().all()


def test_profile_of_bac_ninh_2022_keeps_its_missing_dimensions(table: pd.DataFrame) -> None:
    metrics = [
        "d1_participation",
        "d2_transparency",
        "d3_vertical_accountability",
        "d4_control_of_corruption",
        "d5_public_admin_procedures",
        "d6_public_service_delivery",
        "d7_environmental_governance",
        "d8_e_governance",
        "total",
    ]
    profile = dimension_profile(table, "27", 2022, metrics).set_index("dimension")
    published = {
        "d1_participation",
        "d5_public_admin_procedures",
        "d6_public_service_delivery",
        "d7_environmental_governance",
    }  # PROVENANCE.md
    assert set(profile.index[profile["score"].notna()]) == published
    d1 = profile.loc["d1_participation"]
    year = table[(table["year"] == 2022) & (table["dimension"] == "d1_participation")]
    assert math.isclose(d1["gap_to_best"], d1["score"] - year["score"].max())


def test_rank_history_has_every_year_and_gaps_where_no_total(table: pd.DataFrame) -> None:
    history = rank_history(table, "27").set_index("year")
    assert list(history.index) == list(range(2011, 2025))
    assert history.loc[[2021, 2022], "rank"].isna().all()
    assert history.at[2020, "rank"] == 4 and history.at[2020, "n"] == 63
    assert history.at[2021, "n"] == 60


def test_group_bands_cover_every_rank_of_the_year(table: pd.DataFrame) -> None:
    bands = group_bands(table)
    y2019 = bands[bands["year"] == 2019]
    assert list(y2019["group"]) == ["best", "high_average", "low_average", "poor"]
    assert list(zip(y2019["first_rank"], y2019["last_rank"], strict=True)) == [(1, 16), (17, 32), (33, 47), (48, 63)]


def test_era_years_and_nearest_year(table: pd.DataFrame) -> None:
    years = list(range(2011, 2025))
    assert era_years(years, 2015) == list(range(2011, 2018))
    assert era_years(years, 2021) == list(range(2018, 2025))
    assert nearest_year_with_data(table, "27", 2021) == 2020  # one year away; 2022 has no total
    assert nearest_year_with_data(table, "27", 2022) == 2023
