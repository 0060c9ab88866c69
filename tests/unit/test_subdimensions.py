"""Sub-dimensions: the reference, the scores in the store, their validation at build, and the domain rules.

The "real" tests read a store built from papi_data/sources into a temporary folder (conftest.py). Rejection tests edit
a private copy of the sources (synthetic breakages, made with test_build's CSV helpers) and build over a copy of a good
store, which must stay byte-identical. Tables made in `synthetic_*` functions are synthetic test data, not PAPI figures.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from papi_data.ranking import with_ranks
from papi_data.stats import with_change
from papi_data.store.load import PapiStore
from papi_data.store.paths import SOURCES_DIR
from papi_data.store.problems import SourceProblem
from papi_data.store.readers.subdimensions import read_subdimension_reference, read_subdimension_scores
from papi_data.store.schema import SUBDIMENSION_SCALES
from papi_data.subdimensions import (
    furthest_from_best,
    is_subdimension,
    metric_rows,
    metrics_in_year,
    national_trend,
    segments,
    subdimension_profile,
    trend,
)
from tests.unit.test_build import (
    Expect,
    assert_rejected,
    assert_reported,
    delete_line,
    find_line,
    insert_copy,
    row_at,
    set_cell,
)

SUB = "papi_subdimensions_2011_2024_long.csv"
CONCEPTS = "subdimensions.csv"
PERIODS = "subdimension_periods.csv"


@pytest.fixture(scope="module")
def table(real_store: PapiStore) -> pd.DataFrame:
    """The real sub-dimension scores as metric rows with ranks, N, groups and change. Read-only."""
    return with_change(with_ranks(metric_rows(real_store.subdimension_scores, real_store.subdimension_periods)))


def sub_line(sources: Path, code: str, year: int, dimension: str, position: str) -> int:
    return find_line(sources / SUB, province_code=code, year=year, dimension=dimension, position=position)


# --- the reference -----------------------------------------------------------------------------------------------


def test_reference_has_a_stable_id_per_concept(real_store: PapiStore) -> None:
    concepts, periods = real_store.subdimensions, real_store.subdimension_periods
    assert len(concepts) == 31 and concepts["id"].is_unique
    assert len(periods) == 40
    assert set(periods["subdimension"]) == set(concepts["id"])
    dimension_ids = set(real_store.dimensions["id"]) | {"total"}
    assert not set(concepts["id"]) & dimension_ids  # sub-dimension metric ids cannot collide with dimension ids
    assert all(is_subdimension(i) for i in concepts["id"]) and not any(is_subdimension(i) for i in dimension_ids)
    for row in concepts.itertuples():
        assert re.fullmatch(rf"d{row.dimension[1]}\.[a-z_]+", row.id), row.id


def test_only_the_two_boards_carry_the_projects_own_vietnamese_name(real_store: PapiStore) -> None:
    concepts = real_store.subdimensions.set_index("id")
    own = set(concepts.index[~concepts["name_vi_official"]])
    assert own == {"d3.peoples_inspection_boards", "d3.community_investment_supervision"}
    assert concepts.at["d3.peoples_inspection_boards", "name_vi"] == "Ban Thanh tra nhân dân"
    assert (concepts.loc[list(own), "last_year"] < 2018).all()  # official names exist from 2018 only


def test_names_fix_the_source_typos_and_footnote_marks(real_store: PapiStore) -> None:
    names = pd.concat([real_store.subdimensions["name_vi"], real_store.subdimensions["name_en"]])
    assert not names.str.contains(r"Opportunties|Tittle|Reponsiveness|\*").any()
    concepts = real_store.subdimensions.set_index("id")
    assert concepts.at["d5.land_titles", "name_en"] == "Land Title Procedures"
    assert concepts.at["d8.e_responsiveness", "name_en"] == "E-Responsiveness of Provincial Authorities"
    assert concepts.at["d2.access_to_information", "name_vi"] == "Tiếp cận thông tin"
    for text in names:
        assert unicodedata.normalize("NFC", text) == text
    raw = pd.read_csv(SOURCES_DIR / SUB, usecols=["label_en"])["label_en"]
    assert raw.str.contains("Tittle").any()  # the scores source keeps its raw labels


def test_d5_from_2021_position_is_not_the_official_number(real_store: PapiStore) -> None:
    periods = real_store.subdimension_periods
    land = periods[periods["subdimension"] == "d5.land_titles"].set_index("first_year")
    assert (land.at[2011, "source_position"], land.at[2011, "official_number"]) == ("5.3", "5.3")
    assert (land.at[2021, "source_position"], land.at[2021, "official_number"]) == ("5.2", "5.3")
    assert (land.at[2021, "scale_low"], land.at[2021, "scale_high"]) == (0.33, 3.33)
    commune = periods[(periods["subdimension"] == "d5.commune_services") & (periods["first_year"] == 2021)]
    assert commune[["source_position", "official_number"]].values.tolist() == [["5.3", "5.4"]]


@pytest.mark.parametrize(
    ("year", "dimension", "expected"),
    [
        (2011, "d2_transparency", ["d2.poverty_lists", "d2.communal_budgets", "d2.land_use"]),
        (
            2018,
            "d2_transparency",
            ["d2.access_to_information", "d2.poverty_lists", "d2.communal_budgets", "d2.land_use"],
        ),
        (
            2015,
            "d3_vertical_accountability",
            ["d3.interactions", "d3.peoples_inspection_boards", "d3.community_investment_supervision"],
        ),
        (
            2016,
            "d3_vertical_accountability",
            ["d3.interactions", "d3.responsiveness_to_appeals", "d3.peoples_inspection_boards"],
        ),
        (
            2018,
            "d3_vertical_accountability",
            ["d3.interactions", "d3.responsiveness_to_appeals", "d3.access_to_justice"],
        ),
        (
            2020,
            "d5_public_admin_procedures",
            ["d5.certification", "d5.construction_permits", "d5.land_titles", "d5.commune_services"],
        ),
        (2021, "d5_public_admin_procedures", ["d5.certification", "d5.land_titles", "d5.commune_services"]),
        (2018, "d8_e_governance", ["d8.egov_portals", "d8.internet_access"]),
        (2019, "d8_e_governance", ["d8.egov_portals", "d8.internet_access", "d8.e_responsiveness"]),
        (2017, "d7_environmental_governance", []),
    ],
)
def test_the_set_of_subdimensions_per_era(
    real_store: PapiStore, year: int, dimension: str, expected: list[str]
) -> None:
    metrics = metrics_in_year(real_store.dimensions, real_store.subdimensions, real_store.subdimension_periods, year)
    mine = metrics[(metrics["kind"] == "subdimension") & (metrics["dimension"] == dimension)]
    assert mine["metric"].tolist() == expected
    if expected:
        low, high = mine["scale_low"].iloc[0], mine["scale_high"].iloc[0]
        assert SUBDIMENSION_SCALES[(low, high)] == len(expected)


def test_metrics_in_year_lists_total_dimensions_and_their_subdimensions(real_store: PapiStore) -> None:
    m2017 = metrics_in_year(real_store.dimensions, real_store.subdimensions, real_store.subdimension_periods, 2017)
    m2024 = metrics_in_year(real_store.dimensions, real_store.subdimensions, real_store.subdimension_periods, 2024)
    assert m2017["metric"].iloc[0] == "total"
    assert m2017["kind"].value_counts().to_dict() == {"total": 1, "dimension": 6, "subdimension": 22}
    assert m2024["kind"].value_counts().to_dict() == {"total": 1, "dimension": 8, "subdimension": 28}
    assert m2024["metric"].tolist()[1:6] == [
        "d1_participation",
        "d1.civic_knowledge",
        "d1.participation_opportunities",
        "d1.election_quality",
        "d1.voluntary_contributions",
    ]
    d5 = m2024[m2024["dimension"] == "d5_public_admin_procedures"]
    assert d5["number"].tolist() == ["D5", "5.1", "5.3", "5.4"]  # official numbers, not the file's positions


def test_segments_break_at_the_era_and_at_each_change_of_scale(real_store: PapiStore) -> None:
    seg = segments(real_store.subdimension_periods)
    by = seg.groupby("subdimension")["segment"].unique().map(list)
    assert by["d5.land_titles"] == ["2011–2017", "2018–2020", "2021–2024"]
    assert by["d8.egov_portals"] == ["2018", "2019–2024"]
    assert by["d2.poverty_lists"] == ["2011–2017", "2018–2024"]
    assert by["d3.peoples_inspection_boards"] == ["2011–2017"]  # renumbered in 2016, same scale and era
    assert by["d1.civic_knowledge"] == ["2011–2017", "2018–2024"]


# --- the scores in the store --------------------------------------------------------------------------------------


def test_subdimension_scores_in_the_store(real_store: PapiStore) -> None:
    scores = real_store.subdimension_scores
    assert len(scores) == 21891
    assert not scores.duplicated(["year", "province_code", "subdimension"]).any()
    assert (scores["score"] >= scores["scale_low"]).all() and (scores["score"] <= scores["scale_high"]).all()
    assert set(scores["source_file"]) == {SUB}
    assert sorted(scores["source_line"]) == list(range(2, 21893))
    assert scores["source"].str.startswith("github:hnks-gh/ml-mcdm@").all()


def test_subdimensions_add_up_to_their_dimension(real_store: PapiStore) -> None:
    keys = ["year", "province_code", "dimension"]
    sums = real_store.subdimension_scores.groupby(keys)["score"].sum()
    dims = real_store.scores.set_index(keys)["score"].dropna()
    dims = dims[dims.index.get_level_values("dimension") != "total"]
    assert set(sums.index) == set(dims.index)  # none without a dimension score, none missing where there is one
    gaps = (sums - dims.reindex(sums.index)).abs()
    assert gaps.max() < 0.001
    assert gaps.idxmax() == (2022, "01", "d1_participation")  # Hà Nội 2022 D1, 0.0007 off in the source
    assert gaps.max() == pytest.approx(0.000695, abs=1e-6)


def test_named_row_points_at_its_line(real_store: PapiStore) -> None:
    scores = real_store.subdimension_scores
    row = scores[
        (scores["province_code"] == "01") & (scores["year"] == 2021) & (scores["subdimension"] == "d5.land_titles")
    ]
    line = int(row["source_line"].item())
    assert line == 15078
    source = row_at(SOURCES_DIR / SUB, line)
    assert (source["position"], source["label_en"]) == ("5.2", "Land Tittle Procedures")
    assert float(source["value"]) == row["score"].item()
    assert (row["scale_low"].item(), row["scale_high"].item()) == (0.33, 3.33)


def test_province_years_without_data_have_no_subdimensions(real_store: PapiStore) -> None:
    scores = real_store.subdimension_scores
    bac_ninh_2022 = scores[(scores["province_code"] == "27") & (scores["year"] == 2022)]
    assert set(bac_ninh_2022["dimension"]) == {
        "d1_participation",
        "d5_public_admin_procedures",
        "d6_public_service_delivery",
        "d7_environmental_governance",
    }
    assert scores[(scores["province_code"] == "26") & (scores["year"] == 2024)].empty  # Vĩnh Phúc 2024


# --- the domain -----------------------------------------------------------------------------------------------------


def test_subdimension_ranks_and_groups_follow_the_dimension_rules(table: pd.DataFrame) -> None:
    for (year, metric), rows in table.groupby(["year", "dimension"]):
        assert rows["rank"].min() == 1 and rows["rank"].max() <= len(rows), (year, metric)
        assert rows["n"].eq(len(rows)).all()
    d7 = table[(table["year"] == 2023) & (table["dimension"] == "d7.water_quality")]
    assert len(d7) == 61
    assert d7["group"].value_counts().to_dict() == {"best": 15, "high_average": 16, "low_average": 15, "poor": 15}
    hanoi = d7[d7["province_code"] == "01"].iloc[0]
    assert (hanoi["rank"], hanoi["group"]) == (61, "poor")


def test_change_is_never_taken_across_a_segment(table: pd.DataFrame) -> None:
    land = table[(table["province_code"] == "01") & (table["dimension"] == "d5.land_titles")].set_index("year")
    assert math.isnan(land.at[2018, "change"]) and math.isnan(land.at[2021, "change"])
    assert land.at[2022, "change"] == pytest.approx(land.at[2022, "score"] - land.at[2021, "score"])
    assert land.at[2019, "change"] == pytest.approx(land.at[2019, "score"] - land.at[2018, "score"])


def test_trend_returns_segments_for_every_chosen_province(table: pd.DataFrame) -> None:
    lines = trend(table, "d5.land_titles", ["01", "79"])
    assert set(lines["province_code"]) == {"01", "79"}
    assert lines.groupby("province_code")["segment"].nunique().tolist() == [3, 3]
    first = lines[(lines["province_code"] == "01") & (lines["segment"] == "2021–2024")]
    assert first["year"].tolist() == [2021, 2022, 2023, 2024]
    bac_ninh = trend(table, "d5.land_titles", ["27"])
    assert 2021 not in bac_ninh["year"].tolist()  # no data that year: no point, so no line across it
    national = national_trend(table, "d8.egov_portals")
    assert national.set_index("year").at[2018, "segment"] == "2018"
    assert national.set_index("year").at[2022, "n"] == 62  # Bắc Giang 2022 kept D8


def test_profile_of_ha_noi_2023(table: pd.DataFrame, real_store: PapiStore) -> None:
    profile = subdimension_profile(table, real_store.subdimensions, real_store.subdimension_periods, "01", 2023)
    assert len(profile) == 28
    assert profile["number"].tolist()[:5] == ["1.1", "1.2", "1.3", "1.4", "2.1"]
    civic = profile.set_index("subdimension").loc["d1.civic_knowledge"]
    assert (civic["rank"], civic["n"], civic["best_codes"], civic["gap_to_best"]) == (1, 61, ["01"], 0.0)
    water = profile.set_index("subdimension").loc["d7.water_quality"]
    rows = table[(table["year"] == 2023) & (table["dimension"] == "d7.water_quality")]
    assert water["national_mean"] == pytest.approx(rows["score"].mean())
    assert water["best"] == rows["score"].max()
    assert water["gap_share"] == pytest.approx((water["score"] - water["best"]) / 3.0)
    far = furthest_from_best(profile)
    assert far["subdimension"].tolist() == [
        "d7.water_quality",
        "d4.equity_state_employment",
        "d4.corruption_local_government",
    ]
    assert (far["gap_share"] < 0).all() and far["gap_share"].is_monotonic_increasing


def test_profile_keeps_subdimensions_without_data_as_empty(table: pd.DataFrame, real_store: PapiStore) -> None:
    profile = subdimension_profile(table, real_store.subdimensions, real_store.subdimension_periods, "27", 2022)
    assert len(profile) == 28
    empty = profile[profile["score"].isna()]
    assert set(empty["dimension"]) == {
        "d2_transparency",
        "d3_vertical_accountability",
        "d4_control_of_corruption",
        "d8_e_governance",
    }
    assert empty["rank"].isna().all() and (empty["n"] > 0).all()
    assert set(furthest_from_best(profile, k=30)["subdimension"]).isdisjoint(empty["subdimension"])


def synthetic_metric_rows() -> pd.DataFrame:
    """Synthetic: one sub-dimension, three provinces, two segments (a change of scale between 2020 and 2021)."""
    return pd.DataFrame(
        {
            "year": [2020, 2020, 2020, 2021, 2021, 2021],
            "province_code": ["a", "b", "c", "a", "b", "c"],
            "dimension": "d9.synthetic",
            "score": [1.0, 2.0, np.nan, 3.0, 1.5, 2.5],
            "segment": ["2018–2020"] * 3 + ["2021–2024"] * 3,
        }
    )


def test_synthetic_change_and_ranks_within_segments() -> None:
    table = with_change(with_ranks(synthetic_metric_rows()))
    assert table["change"].isna().all()  # 2020 → 2021 crosses a segment
    assert table.loc[table["year"] == 2020, "n"].tolist() == [2, 2, 2]
    assert table.loc[table["year"] == 2021, "rank"].tolist() == [1, 3, 2]


# --- rejected at build: file, line, column and reason; the old store byte-identical -------------------------------


def _value_above_scale(s: Path) -> Expect:
    line = sub_line(s, "01", 2020, "D1", "1.1")
    set_cell(s / SUB, line, "value", "2.6")
    return Expect(SUB, line, "value", "outside the scale 0.25–2.5")


def _value_below_scale(s: Path) -> Expect:
    line = sub_line(s, "01", 2021, "D5", "5.2")
    set_cell(s / SUB, line, "value", "0.3")
    return Expect(SUB, line, "value", "outside the scale 0.33–3.33")


def _sum_off_the_dimension(s: Path) -> Expect:
    line = sub_line(s, "01", 2019, "D2", "2.3")
    set_cell(s / SUB, line, "value", f"{float(row_at(s / SUB, line)['value']) + 0.002:.6f}")
    first = sub_line(s, "01", 2019, "D2", "2.1")
    return Expect(SUB, first, "value", "not the dimension score")


def _missing_subdimension(s: Path) -> Expect:
    delete_line(s / SUB, sub_line(s, "01", 2020, "D3", "3.2"))
    return Expect(SUB, None, "position", "2020, province 01, d3_vertical_accountability: no row for d3.responsiveness")


def _subdimension_without_dimension_score(s: Path) -> Expect:
    source = sub_line(s, "01", 2020, "D1", "1.1")
    line = insert_copy(s / SUB, source, year="2021", province_code="27", province_name_vi="Bắc Ninh")
    return Expect(SUB, line, "value", "d1_participation has no score for province 27 in 2021")


def _d7_before_2018(s: Path) -> Expect:
    line = insert_copy(s / SUB, sub_line(s, "01", 2018, "D7", "7.1"), year="2017")
    return Expect(SUB, line, "position", "no sub-dimension of D7 sits at position '7.1' in 2017")


def _position_dropped_in_2021(s: Path) -> Expect:
    line = sub_line(s, "01", 2021, "D5", "5.3")
    set_cell(s / SUB, line, "position", "5.4")
    return Expect(SUB, line, "position", "no sub-dimension of D5 sits at position '5.4' in 2021")


def _old_scale_after_2021(s: Path) -> Expect:
    line = sub_line(s, "01", 2021, "D5", "5.2")
    set_cell(s / SUB, line, "scale", "0.25-2.5")
    return Expect(SUB, line, "scale", "should be 0.33-3.33")


def _wrong_count_in_dimension(s: Path) -> Expect:
    line = sub_line(s, "01", 2018, "D8", "8.1")
    set_cell(s / SUB, line, "n_subdims_in_dim", "3")
    return Expect(SUB, line, "n_subdims_in_dim", "D8 has 2 sub-dimensions in 2018")


def _unknown_province_code(s: Path) -> Expect:
    line = sub_line(s, "01", 2020, "D1", "1.1")
    set_cell(s / SUB, line, "province_code", "99")
    return Expect(SUB, line, "province_code", "unknown province code '99'")


def _name_of_another_province(s: Path) -> Expect:
    line = sub_line(s, "01", 2020, "D1", "1.1")
    set_cell(s / SUB, line, "province_name_vi", "Hải Phòng")
    return Expect(SUB, line, "province_name_vi", "is not the province with code 01")


def _duplicate_subdimension(s: Path) -> Expect:
    source = sub_line(s, "01", 2020, "D1", "1.1")
    return Expect(SUB, insert_copy(s / SUB, source), None, f"duplicate of line {source}")


def _value_not_a_number(s: Path) -> Expect:
    line = sub_line(s, "01", 2020, "D4", "4.2")
    set_cell(s / SUB, line, "value", "n/a")
    return Expect(SUB, line, "value", "not a number")


def _value_without_source(s: Path) -> Expect:
    line = sub_line(s, "01", 2020, "D4", "4.2")
    set_cell(s / SUB, line, "source", "")
    return Expect(SUB, line, "source", "needs its source")


def _period_gap(s: Path) -> Expect:
    line = find_line(s / PERIODS, id="d5.certification", first_year=2021)
    set_cell(s / PERIODS, line, "first_year", "2022")
    return Expect(PERIODS, line, "first_year", "d5.certification: period starts in 2022, expected 2021")


def _scale_and_count_disagree(s: Path) -> Expect:
    line = find_line(s / PERIODS, id="d7.air_quality")
    set_cell(s / PERIODS, line, "n_in_dimension", "4")
    return Expect(PERIODS, line, "n_in_dimension", "a scale of 0.33–3.33 means 3 sub-dimensions")


def _scale_not_papis(s: Path) -> Expect:
    line = find_line(s / PERIODS, id="d7.air_quality")
    set_cell(s / PERIODS, line, "scale_high", "3.5")
    return Expect(PERIODS, line, "scale_low", "is not one of PAPI's")


def _id_of_another_dimension(s: Path) -> Expect:
    line = find_line(s / CONCEPTS, id="d1.civic_knowledge")
    set_cell(s / CONCEPTS, line, "dimension", "d2_transparency")
    return Expect(CONCEPTS, line, "id", "must read d2.<name>")


def _name_status_unknown(s: Path) -> Expect:
    line = find_line(s / CONCEPTS, id="d1.civic_knowledge")
    set_cell(s / CONCEPTS, line, "name_vi_status", "maybe")
    return Expect(CONCEPTS, line, "name_vi_status", "not one of official, project")


REJECTIONS: list[Callable[[Path], Expect]] = [
    _value_above_scale,
    _value_below_scale,
    _sum_off_the_dimension,
    _missing_subdimension,
    _subdimension_without_dimension_score,
    _d7_before_2018,
    _position_dropped_in_2021,
    _old_scale_after_2021,
    _wrong_count_in_dimension,
    _unknown_province_code,
    _name_of_another_province,
    _duplicate_subdimension,
    _value_not_a_number,
    _value_without_source,
    _period_gap,
    _scale_and_count_disagree,
    _scale_not_papis,
    _id_of_another_dimension,
    _name_status_unknown,
]


@pytest.mark.parametrize("break_sources", REJECTIONS, ids=lambda f: f.__name__.strip("_"))
def test_rejected_subdimension_rows(
    break_sources: Callable[[Path], Expect], sources_copy: Path, real_store: PapiStore
) -> None:
    """Every rule, through the readers at fault as the build calls them (the reference first; the scores only if the
    reference is sound), against the real store's provinces, dimensions and scores."""
    expect = break_sources(sources_copy)
    problems: list[SourceProblem] = []
    s = real_store
    concepts, periods = read_subdimension_reference(sources_copy, s.dimensions, problems)
    if not problems:
        read_subdimension_scores(sources_copy, s.provinces, s.dimensions, concepts, periods, s.scores, problems)
    assert_reported(problems, expect, alone=True)


# One breakage per source file (the scores, the periods, the concepts), through the whole build on a full-size store.
@pytest.mark.parametrize("break_sources", [_sum_off_the_dimension, _period_gap, _name_status_unknown])
def test_rejected_subdimension_file_stops_the_build_and_keeps_the_store(
    break_sources: Callable[[Path], Expect], sources_copy: Path, good_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_rejected(break_sources(sources_copy), sources_copy, good_store, capsys, alone=True)


def test_sum_within_a_thousandth_is_accepted(
    sources_copy: Path, source_tables: Callable[[Path], dict[str, pd.DataFrame]]
) -> None:
    line = sub_line(sources_copy, "01", 2019, "D2", "2.3")
    set_cell(sources_copy / SUB, line, "value", f"{float(row_at(sources_copy / SUB, line)['value']) + 0.0009:.7f}")
    assert len(source_tables(sources_copy)["subdimension_scores"]) == 21891
