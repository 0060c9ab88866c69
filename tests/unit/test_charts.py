"""Every chart builder's output is a valid plotly figure (checked here once, so the pages can skip plotly's
per-rerun validation), carries its title, subtitle and source line, and never puts a missing score on the scale."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from geo import loader
from papi_data.overview import year_metric
from papi_data.ranking import with_ranks
from papi_data.schema import TOTAL
from papi_data.stats import with_change
from papi_data.store import load_store
from ui.charts.choropleth import map_figure
from ui.charts.common import CheckedFigure
from ui.charts.frame import Frame, source_line
from ui.charts.profile_charts import segmented_panel, trends_figure
from ui.charts.ranking_bar import ranking_figure


@pytest.fixture(scope="module")
def store():
    return load_store()


@pytest.fixture(scope="module")
def table(store):
    return with_change(with_ranks(store.scores))


def rows_for(store, table, year: int, metric: str = "total"):
    return year_metric(table, store.provinces, year, metric)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("groups", [False, True])
@pytest.mark.parametrize(("year", "metric"), [(2024, "total"), (2021, "total"), (2015, "d7_environmental_governance")])
def test_map_figure_is_valid_and_labelled(store, table, lang: str, groups: bool, year: int, metric: str) -> None:
    spec = map_figure(
        rows_for(store, table, year, metric),
        loader.provinces_63(),
        lang=lang,
        frame=Frame("PAPI", "sub", source_line("PAPI 2024", lang, with_map=True)),
        colour_by_group=groups,
        scale_label="8–80",
        selected="01",
        outlines_2025=loader.borders_34(),
        archipelagos=loader.archipelago_labels(),
    )
    go.Figure(spec)  # raises on any invalid property
    assert spec["layout"]["title"]["subtitle"]["text"] == "sub"
    footer = [a["text"] for a in spec["layout"]["annotations"] if a.get("name") == "frame"]
    assert footer == [source_line("PAPI 2024", lang, with_map=True)] and "Open Development Mekong" in footer[0]
    scored = [d for d in spec["data"] if d["type"] == "choropleth" and "z" in d and d.get("showscale")]
    for trace in scored:
        assert None not in trace["z"] and len(trace["z"]) == len(trace["locations"])


@pytest.mark.parametrize("groups", [False, True])
def test_every_year_and_metric_draws_63_provinces_and_flags_the_missing(store, table, groups: bool) -> None:
    scores = store.scores
    for metric in [TOTAL, *store.dimensions["id"]]:
        for year in store.years:
            spec = map_figure(
                rows_for(store, table, year, metric),
                loader.provinces_63(),
                lang="vi",
                frame=Frame("h", "s"),
                colour_by_group=groups,
                scale_label="s",
            )
            layers = [d for d in spec["data"] if d["type"] == "choropleth"]
            drawn = [code for layer in layers for code in layer["locations"]]
            no_data = {c for layer in layers if layer["name"] == "Không có dữ liệu" for c in layer["locations"]}
            assert sorted(drawn) == sorted(store.provinces["code"]), (metric, year)
            rows = scores[(scores["year"] == year) & (scores["dimension"] == metric)]
            assert no_data == set(store.provinces["code"]) - set(rows.loc[rows["score"].notna(), "province_code"])


def test_each_province_geometry_is_sent_once(store, table) -> None:
    spec = map_figure(
        rows_for(store, table, 2024),
        loader.provinces_63(),
        lang="vi",
        frame=Frame("h", "s"),
        colour_by_group=True,
        scale_label="s",
    )
    layers = [d for d in spec["data"] if d["type"] == "choropleth"]
    sent = [f["properties"]["code"] for d in layers for f in d["geojson"]["features"]]
    assert sorted(sent) == sorted(store.provinces["code"])


@pytest.mark.parametrize("groups", [False, True])
def test_ranking_figure_is_valid_and_marks_the_highlighted(store, table, groups: bool) -> None:
    spec = ranking_figure(
        rows_for(store, table, 2024), lang="vi", frame=Frame("h", "s"), colour_by_group=groups, highlight={"01"}
    )
    go.Figure(spec)
    bar = spec["data"][0]
    assert len(bar["y"]) == 61  # provinces with data only
    assert "<b>Hà Nội ◀</b>" in bar["y"]
    assert spec["layout"]["separators"] == ",."


def test_checked_figure_hands_over_the_dict_unchanged() -> None:
    spec = {"data": [{"type": "bar", "x": [1], "y": [2]}], "layout": {}}
    assert CheckedFigure(spec).to_dict() is spec


def test_ranking_error_bars_are_the_published_intervals_and_fit_the_axis(store, table) -> None:
    published = store.uncertainty[(store.uncertainty["year"] == 2022) & store.uncertainty["ci90_low"].notna()]
    rows = rows_for(store, table, 2022)
    spec = ranking_figure(
        rows, lang="en", frame=Frame("h", "s"), colour_by_group=True, highlight=set(), intervals=published
    )
    go.Figure(spec)
    bar = spec["data"][0]
    drawn = [v for v in bar["error_x"]["array"] if v is not None]
    assert len(drawn) == len(published) == 58  # Bạc Liêu, Cà Mau, Sóc Trăng: SE 0, no interval, no bar
    low, high = spec["layout"]["xaxis"]["range"]
    assert low <= published["ci90_low"].min() and high >= published["ci90_high"].max()


def test_trend_panels_never_join_two_definitions() -> None:
    years = [2019, 2020, 2021]
    national = {
        c: dict(zip(years, v, strict=True))
        for c, v in {
            "mean": [1.0, 1.1, 1.5],
            "q25": [0.9] * 3,
            "q75": [1.2] * 3,
            "min": [0.5] * 3,
            "max": [2.0] * 3,
        }.items()
    }  # synthetic
    mine = {"score": {2019: 1.2, 2021: 1.7}}  # synthetic; 2020: no data
    panel = segmented_panel(national, mine, [[2019, 2020], [2021]], "5.3", [("Other", mine)])
    spec = trends_figure([panel], lang="vi", frame=Frame("h", "s"), province_name="P")
    go.Figure(spec)
    lines = [trace for trace in spec["data"] if trace["name"] == "P"]
    assert [line["x"] for line in lines] == [[2019, 2020], [2021]] and lines[0]["y"] == [1.2, None]
    assert [shape["x0"] for shape in spec["layout"]["shapes"]] == [2020.5]
