"""Every chart builder's output is a valid plotly figure (checked here once, so the pages can skip plotly's
per-rerun validation), carries its title, subtitle and source line, and never puts a missing score on the scale."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from geo import loader
from papi_data.overview import year_metric
from papi_data.ranking import with_ranks
from papi_data.stats import colour_range, with_change
from papi_data.store.load import load_store
from papi_data.store.schema import TOTAL
from ui.charts.choropleth import hover_texts, map_figure
from ui.charts.common import CheckedFigure, plotly_config
from ui.charts.frame import PRESENT, PRESENT_PHONE, Frame, source_line
from ui.charts.palette import CONTINUOUS_SCALE
from ui.charts.profile_charts import radar_axis_label, radar_figure, segmented_panel, trend_panel_figure
from ui.charts.ranking_bar import ranking_figure

GEOJSON_URL = "/app/static/geo/vn_provinces_63.json?v=test"


@pytest.fixture(scope="module")
def store():
    return load_store()


@pytest.fixture(scope="module")
def table(store):
    return with_change(with_ranks(store.scores))


def rows_for(store, table, year: int, metric: str = "total"):
    return year_metric(table, store.provinces, year, metric)


def figure(store, table, year: int = 2024, metric: str = "total", **options) -> dict:
    """The map of a year and metric with the page's wording left out (`options` as map_figure takes them)."""
    options = {
        "lang": "vi",
        "frame": Frame("h", "s"),
        "colour_by_group": False,
        "colorbar_title": "s",
        **options,
    }
    rows = rows_for(store, table, year, metric)
    return map_figure(rows, GEOJSON_URL, hover_texts(rows, "vi", False), **options)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("groups", [False, True])
@pytest.mark.parametrize(("year", "metric"), [(2024, "total"), (2021, "total"), (2015, "d7_environmental_governance")])
def test_map_figure_is_valid_and_labelled(store, table, lang: str, groups: bool, year: int, metric: str) -> None:
    rows = rows_for(store, table, year, metric)
    spec = map_figure(
        rows,
        GEOJSON_URL,
        hover_texts(rows, lang, with_2025=True),
        lang=lang,
        frame=Frame("PAPI", "sub", source_line("PAPI 2024", lang, with_map=True)),
        colour_by_group=groups,
        colorbar_title="8–80",
        selected="01",
        outlines_2025=loader.borders_34(),
        archipelagos=loader.archipelago_labels(),
    )
    go.Figure(spec)  # raises on any invalid property
    assert spec["layout"]["title"]["subtitle"]["text"] == "sub"
    footer = [a["text"] for a in spec["layout"]["annotations"] if a.get("name") == "frame"]
    expected = source_line("PAPI 2024", lang, with_map=True)
    assert [f.replace("<br>", " ") for f in footer] == [expected.replace("<br>", " ")]  # wrapped to the map's width
    assert "Open Development Mekong" in footer[0]
    scored = [d for d in spec["data"] if d["type"] == "choropleth" and "z" in d and d.get("showscale")]
    for trace in scored:
        assert None not in trace["z"] and len(trace["z"]) == len(trace["locations"])


@pytest.mark.parametrize("groups", [False, True])
def test_every_year_and_metric_draws_63_provinces_and_flags_the_missing(store, table, groups: bool) -> None:
    scores = store.scores
    for metric in [TOTAL, *store.dimensions["id"]]:
        for year in store.years:
            spec = figure(store, table, year, metric, colour_by_group=groups)
            layers = [d for d in spec["data"] if d["type"] == "choropleth"]
            drawn = [code for layer in layers for code in layer["locations"]]
            no_data = {c for layer in layers if layer["name"] == "Không có dữ liệu" for c in layer["locations"]}
            assert sorted(drawn) == sorted(store.provinces["code"]), (metric, year)
            rows = scores[(scores["year"] == year) & (scores["dimension"] == metric)]
            assert no_data == set(store.provinces["code"]) - set(rows.loc[rows["score"].notna(), "province_code"])


def test_the_geometry_is_named_by_url_never_sent(store, table) -> None:
    """A year change sends codes, values and hover texts; the browser fetches the provinces once (geo/static_files)."""
    for groups in (False, True):
        spec = figure(store, table, colour_by_group=groups, selected="01")
        layers = [d for d in spec["data"] if d["type"] == "choropleth"]
        assert layers and all(d["geojson"] == GEOJSON_URL for d in layers)
        assert len(str(spec)) < 30_000


def luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def test_darker_means_better_on_the_continuous_scale() -> None:
    """The lowest score gets the lightest colour and the highest the darkest, as the colour bar reads (plotly's own
    named "YlGnBu" runs the other way)."""
    stops = [colour for _, colour in CONTINUOUS_SCALE]
    assert CONTINUOUS_SCALE[0][0] == 0 and CONTINUOUS_SCALE[-1][0] == 1
    assert [luminance(c) for c in stops] == sorted((luminance(c) for c in stops), reverse=True)


def test_colours_span_the_metric_on_its_scale_not_the_year(store, table) -> None:
    """Fixed through a play-through: the same span for every year of a scale era (the total) or every year (a
    dimension); the switch fits it to the year shown."""
    scores = store.scores
    late = {colour_range(scores, TOTAL, year) for year in range(2018, 2025)}
    early = {colour_range(scores, TOTAL, year) for year in range(2011, 2018)}
    assert len(late) == 1 and len(early) == 1 and late != early
    (span,) = late
    assert span is not None
    totals = scores[(scores["dimension"] == TOTAL) & (scores["year"] >= 2018)]["score"]
    assert span.low <= totals.min() < span.low + 1 and span.high - 1 < totals.max() <= span.high
    assert (span.first, span.last) == (2018, 2024)
    d1 = {colour_range(scores, "d1_participation", year) for year in store.years}
    assert len(d1) == 1 and next(iter(d1)).first == 2011  # type: ignore[union-attr]
    fitted = colour_range(scores, TOTAL, 2024, one_year=True)
    assert fitted is not None and (fitted.first, fitted.last) == (2024, 2024) and fitted != span
    assert colour_range(scores, "d7_environmental_governance", 2015) is None  # not measured before 2018

    spec = figure(store, table, colour_range=(span.low, span.high))
    scored = next(d for d in spec["data"] if d.get("showscale"))
    assert (scored["zmin"], scored["zmax"]) == (span.low, span.high)


def test_selection_is_an_outline_and_no_colour_fades(store, table) -> None:
    spec = figure(store, table, colour_by_group=True, selected="01")
    layers = [d for d in spec["data"] if d["type"] == "choropleth"]
    assert all(d["unselected"]["marker"]["opacity"] == 1 for d in layers)
    outline = layers[-1]
    assert outline["locations"] == ["01"] and outline["colorscale"][0][1] == "rgba(0,0,0,0)"
    assert outline["marker"]["line"]["width"] >= 2


@pytest.mark.parametrize("groups", [False, True])
def test_ranking_is_a_dot_plot_of_every_province_with_data(store, table, groups: bool) -> None:
    """Dots, not bars cut short of zero: a bar's length would not be its score."""
    spec = ranking_figure(
        rows_for(store, table, 2024),
        lang="vi",
        frame=Frame("h", "s"),
        colour_by_group=groups,
        highlight={"01"},
        colour_range=(37.0, 49.0),
    )
    go.Figure(spec)
    dots = spec["data"][0]
    assert dots["type"] == "scatter" and dots["mode"].startswith("markers")
    assert not any(d["type"] == "bar" for d in spec["data"])
    assert len(dots["y"]) == 61  # provinces with data only
    assert "<b>Hà Nội ◀</b>" in dots["y"]
    low, high = spec["layout"]["xaxis"]["range"]
    assert low <= 37.0 and high >= 49.0
    assert spec["layout"]["separators"] == ",."


def test_a_radar_series_with_a_gap_is_points_not_a_polygon() -> None:
    """Bắc Ninh 2022: four of eight dimensions. A line or a fill would join them across the missing ones."""
    axes = [radar_axis_label(f"D{i}", "x") for i in range(1, 9)]
    partial = [5.5, None, None, None, 7.5, 8.1, 3.4, None]
    spec = radar_figure(
        axes,
        [
            {"name": "Bắc Ninh 2022", "values": partial, "style": "province"},
            {"name": "mean", "values": [5.0] * 8, "style": "national"},
        ],
        lang="vi",
        frame=Frame("h", "s"),
    )
    go.Figure(spec)
    province, mean = spec["data"]
    assert province["mode"] == "markers" and province["fill"] == "none"
    assert mean["mode"] == "lines+markers"


def test_long_radar_labels_are_broken_in_two() -> None:
    assert radar_axis_label("D1", "Tham gia") == "D1<br>Tham gia"
    assert radar_axis_label("D3", "Trách nhiệm giải trình") == "D3<br>Trách nhiệm<br>giải trình"


def test_plotly_speaks_the_reader_language() -> None:
    vi = plotly_config("f", "vi")
    assert vi["locale"] == "vi"
    assert vi["locales"]["vi"]["dictionary"]["Zoom in"] == "Phóng to"
    assert vi["locales"]["vi"]["format"]["decimal"] == ","
    en = plotly_config("f", "en")
    assert en["locale"] == "en" and en["locales"] == {}


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
    spec = trend_panel_figure(panel, lang="vi", frame=Frame("h", "s"), province_name="P")
    go.Figure(spec)
    lines = [trace for trace in spec["data"] if trace["name"] == "P"]
    assert [line["x"] for line in lines] == [[2019, 2020], [2021]] and lines[0]["y"] == [1.2, None]
    assert [shape["x0"] for shape in spec["layout"]["shapes"]] == [2020.5]


@pytest.mark.parametrize(("lang", "words"), [("vi", "Màu đậm hơn = tốt hơn"), ("en", "Darker = better")])
def test_the_colour_bar_says_darker_is_better(store, table, lang: str, words: str) -> None:
    spec = figure(store, table, lang=lang, colorbar_title="màu cố định cho 2018–2024")
    bar = next(d for d in spec["data"] if d.get("showscale"))["colorbar"]
    assert bar["title"]["text"].startswith(f"{words}<br>")
    assert bar["orientation"] == "h"  # short and level, not a title taller than the country


def test_on_a_wide_canvas_the_maps_words_are_beside_it(store, table) -> None:
    spec = figure(store, table, frame=PRESENT.frame(Frame("PAPI", "sub", "source", link="http://x/ban-do?a=1")))
    layout = spec["layout"]
    assert layout["geo"]["domain"]["x"][1] < layout["title"]["x"]  # the title right of the map
    footer = [a for a in layout["annotations"] if a.get("name") == "frame"]
    assert all(a["x"] == layout["title"]["x"] and a["yanchor"] == "bottom" for a in footer)
    assert layout["margin"]["t"] == layout["margin"]["b"]  # the map the figure's whole height


@pytest.mark.parametrize("groups", [False, True])
def test_in_present_mode_on_a_phone_the_map_takes_the_width_its_words_above_and_below(store, table, groups) -> None:
    frame = PRESENT_PHONE.frame(Frame("PAPI", "sub", source_line("PAPI 2024", "vi", with_map=True), "http://x/?a=1"))
    spec = figure(store, table, frame=frame, colour_by_group=groups, archipelagos=loader.archipelago_labels())
    go.Figure(spec)  # raises on any invalid property
    layout = spec["layout"]
    assert layout["geo"]["domain"]["x"] == [0, 1]  # the whole width: no column of words beside it
    assert layout["title"]["x"] == 0 and layout["title"]["xref"] == "container"  # above the map
    assert layout["margin"]["t"] > 0 and layout["margin"]["b"] > 0
    legend_from_top = (1 - layout["legend"]["y"]) * layout["height"]
    assert layout["legend"]["yref"] == "container" and legend_from_top >= layout["height"] - layout["margin"]["b"] - 1
    assert layout["font"]["size"] >= 18


def test_in_present_mode_on_a_phone_the_radar_lists_its_axes_under_it() -> None:
    axes = [radar_axis_label(f"D{i}", "Trách nhiệm giải trình") for i in range(1, 9)]
    series = [{"name": "Hà Nội 2024", "values": [5.0] * 8, "style": "province"}]
    spec = radar_figure(axes, series, lang="vi", frame=PRESENT_PHONE.frame(Frame("Hà Nội: các lĩnh vực năm 2024")))
    go.Figure(spec)
    assert spec["data"][0]["theta"][:8] == [f"D{i}" for i in range(1, 9)]  # the codes around the radar
    names = spec["layout"]["annotations"][-1]
    assert names["text"].startswith("D1 Trách nhiệm giải trình<br>") and names["yanchor"] == "top"
    assert "<br>" in spec["layout"]["title"]["text"]  # the title wrapped to a phone's column
