"""The metric catalogue the pages read (ui.core.metrics.Metrics): the picker order, names, scales, years and segments of
the total, the dimensions and the sub-dimensions, from the real store built into a temporary folder."""

from __future__ import annotations

import pytest

from ui.core.metrics import Metrics, build_metrics


@pytest.fixture(scope="module")
def metrics(real_store) -> Metrics:
    return build_metrics(
        real_store.dimensions, real_store.subdimensions, real_store.subdimension_periods, max(real_store.years)
    )


def test_each_dimension_is_followed_by_its_sub_dimensions(metrics: Metrics, real_store) -> None:
    assert metrics.ids[:2] == ("total", "d1_participation")
    assert len(metrics.ids) == 1 + len(real_store.dimensions) + len(real_store.subdimensions)
    d7 = metrics.ids.index("d7_environmental_governance")
    assert metrics.ids[d7 : d7 + 5] == (
        "d7_environmental_governance",
        "d7.environmental_protection",
        "d7.air_quality",
        "d7.water_quality",
        "d8_e_governance",
    )
    assert metrics.headline == ("total", *real_store.dimensions.sort_values("order")["id"])
    assert all(metrics.parent[m] == m for m in metrics.headline)


def test_names_group_a_sub_dimension_under_its_dimension_and_mark_the_project_s_translations(metrics) -> None:
    assert metrics.name("d5.land_titles", "vi") == "D5 › Thủ tục liên quan đến giấy chứng nhận quyền sử dụng đất"
    assert metrics.name("d5.land_titles", "en") == "D5 › Land Title Procedures"
    assert metrics.name("d3.peoples_inspection_boards", "vi", mark=True) == "D3 › Ban Thanh tra nhân dân †"
    assert metrics.name("d3.peoples_inspection_boards", "en", mark=True) == "D3 › People's Inspection Boards"
    assert metrics.name("d5.land_titles", "vi", mark=True).endswith("đất")  # an official name: no mark
    assert metrics.name("d5_public_admin_procedures", "vi") == "D5 Thủ tục hành chính công"
    assert metrics.translated == {"d3.peoples_inspection_boards", "d3.community_investment_supervision"}


@pytest.mark.parametrize(
    ("metric", "year", "scale", "vi"),
    [
        ("total", 2017, (6.0, 60.0), "thang 6–60"),
        ("total", 2018, (8.0, 80.0), "thang 8–80"),
        ("d5_public_admin_procedures", 2021, (1.0, 10.0), "thang 1–10"),
        ("d5.land_titles", 2020, (0.25, 2.5), "thang 0,25–2,5"),
        ("d5.land_titles", 2021, (0.33, 3.33), "thang 0,33–3,33"),
        ("d8.egov_portals", 2018, (0.5, 5.0), "thang 0,5–5"),
    ],
)
def test_scales_by_year(metrics, metric: str, year: int, scale: tuple[float, float], vi: str) -> None:
    assert metrics.scale(metric, year) == scale and metrics.scale_text(metric, year, "vi") == vi


def test_years_measured_and_official_numbers(metrics) -> None:
    assert metrics.measured("d5.construction_permits", 2020) and not metrics.measured("d5.construction_permits", 2021)
    assert not metrics.measured("d7_environmental_governance", 2017) and metrics.measured("total", 2011)
    assert (metrics.number("d5.land_titles", 2020), metrics.number("d5.land_titles", 2021)) == ("5.3", "5.3")
    assert metrics.number("d3.peoples_inspection_boards", 2015) == "3.2"
    assert metrics.number("d3.peoples_inspection_boards", 2016) == "3.3"  # renumbered: the concept is the same
    assert metrics.children("d3_vertical_accountability", 2016) == [
        "d3.interactions",
        "d3.peoples_inspection_boards",
        "d3.responsiveness_to_appeals",
    ]


def test_a_trend_is_split_where_the_definition_or_scale_changes(metrics, real_store) -> None:
    years = real_store.years
    assert metrics.segment_years("d5.land_titles", years) == [
        list(range(2011, 2018)),
        list(range(2018, 2021)),
        list(range(2021, 2025)),
    ]
    assert metrics.segment_years("d8.egov_portals", years) == [[2018], list(range(2019, 2025))]
    assert metrics.segment_years("d3.community_investment_supervision", years) == [list(range(2011, 2016))]
