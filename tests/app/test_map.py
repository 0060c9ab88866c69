"""AppTest: the map page for every year and every metric, its URL state, and bad links."""

from __future__ import annotations

import json

import pytest

from harness.apptest import open_app
from papi_data.store.schema import TOTAL

YEARS = list(range(2011, 2025))


def map_spec(at) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def choropleth_codes(spec: dict) -> tuple[list[str], list[str]]:
    """(all province codes drawn, codes on the "no data" layer)."""
    layers = [d for d in spec["data"] if d["type"] == "choropleth" and d["name"]]  # the selection outline has none
    drawn = [code for layer in layers for code in layer["locations"]]
    no_data = [c for layer in layers if layer["name"] in {"Không có dữ liệu", "No data"} for c in layer["locations"]]
    return drawn, no_data


def test_every_year_then_every_metric_runs(store) -> None:
    """The page for each year and each metric (the full year × metric × colouring sweep of the figure itself is a unit
    test of map_figure, tests/unit/test_charts.py)."""
    at = open_app("pages/map.py", colour="groups")
    for year in YEARS:
        at.select_slider(key="w_year").set_value(year).run()
        assert not at.exception, year
        assert len(choropleth_codes(map_spec(at))[0]) == 63, year
    for metric in [TOTAL, *store.dimensions["id"]]:
        at.selectbox(key="w_metric").select(metric).run()
        assert not at.exception, metric
        assert len(choropleth_codes(map_spec(at))[0]) == 63, metric


def test_group_legend_and_scale_named_in_the_user_language() -> None:
    at = open_app("pages/map.py", colour="groups", lang="en", year="2019")
    spec = map_spec(at)
    names = [d["name"] for d in spec["data"] if d["type"] == "choropleth" and d.get("showlegend")]
    assert names[:4] == ["Best performers", "High average", "Low average", "Poor performers"]
    sizes = [len(d["locations"]) for d in spec["data"][:4]]
    assert sizes == [16, 16, 15, 16]
    assert "scale 8–80" in spec["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")
    at = open_app("pages/map.py", metric="d3_vertical_accountability", year="2015")
    assert "thang 1–10" in map_spec(at)["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")


def test_hover_says_score_rank_group_and_change() -> None:
    spec = map_spec(open_app("pages/map.py", year="2024"))
    layer = spec["data"][0]
    hanoi = layer["text"][layer["locations"].index("01")]
    assert "Hà Nội" in hanoi and "43,77" in hanoi and "Hạng 29/61" in hanoi and "Nhóm trung bình cao" in hanoi
    assert "−0,19" in hanoi
    no_data = next(d for d in spec["data"] if d.get("name") == "Không có dữ liệu")
    assert all("không có dữ liệu" in text for text in no_data["text"])


def test_archipelagos_are_labelled() -> None:
    spec = map_spec(open_app("pages/map.py"))
    labels = [text for d in spec["data"] if d["type"] == "scattergeo" for text in d.get("text", [])]
    assert "QĐ. Hoàng Sa" in labels and "QĐ. Trường Sa" in labels


def test_2025_overlay_names_the_new_province() -> None:
    at = open_app("pages/map.py", show2025="1")
    spec = map_spec(at)
    assert any(d["type"] == "scattergeo" and d.get("mode") == "lines" for d in spec["data"])
    layer = spec["data"][0]
    binh_duong = layer["text"][layer["locations"].index("74")]
    assert "Từ 1/7/2025 thuộc Hồ Chí Minh" in binh_duong
    assert at.query_params["show2025"] == "1"


def test_selected_province_from_the_link() -> None:
    at = open_app("pages/map.py", province="27", year="2021")
    assert not at.exception
    assert any("Bắc Ninh, 2021" in m.value for m in at.markdown)  # the selected province's card, beside the map
    assert at.metric[0].value == "không có dữ liệu"
    assert at.query_params["province"] == "27"
    at.button(key="clear_selection").click().run()
    assert "province" not in at.query_params


def test_url_carries_the_whole_view() -> None:
    at = open_app("pages/map.py")
    at.selectbox(key="w_metric").select("d8_e_governance").run()
    at.segmented_control(key="w_colour").set_value("groups").run()
    at.select_slider(key="w_year").set_value(2020).run()
    assert dict(at.query_params) == {
        "lang": "vi",
        "year": "2020",
        "metric": "d8_e_governance",
        "colour": "groups",
        "fit": "0",
        "show2025": "0",
    }


@pytest.mark.parametrize(
    "params",
    [
        {"year": "1999"},
        {"metric": "xyz"},
        {"colour": "rainbow"},
        {"show2025": "yes"},
        {"province": "<script>alert(1)</script>"},
        {"province": "99"},
    ],
)
def test_bad_link_gives_the_default_view_with_a_notice(params: dict[str, str]) -> None:
    at = open_app("pages/map.py", **params)
    assert not at.exception
    name = next(iter(params))
    assert len(at.warning) == 1 and f"“{name}”" in at.warning[0].value
    everything = "".join(str(e.proto) for e in at.main)
    assert "<script>" not in everything
    assert len(choropleth_codes(map_spec(at))[0]) == 63


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ({"province": "ZZZ"}, "không chọn"),  # no province, said in words (never "None")
        ({"metric": "xyz"}, "Điểm tổng hợp"),  # the metric's name, never its code ("total")
        ({"show2025": "yes"}, "tắt"),
    ],
)
def test_notices_name_the_value_used_as_a_reader_knows_it(params: dict[str, str], shown: str) -> None:
    at = open_app("pages/map.py", **params)
    assert at.warning[0].value.endswith(f"đang hiển thị mặc định: {shown}.")


# --- sub-dimensions and uncertainty -------------------------------------------------------------------------------


def ranking_spec(at) -> dict:
    return json.loads(at.get("plotly_chart")[1].proto.spec)


@pytest.mark.parametrize(
    ("lang", "label", "scale", "group"),
    [
        ("vi", "D7 › Chất lượng nước", "thang 0,33–3,33", "Nhóm thấp nhất"),
        ("en", "D7 › Quality of Water", "scale 0.33–3.33", "Poor performers"),
    ],
)
def test_a_sub_dimension_on_the_map_with_its_scale_ranks_and_groups(lang, label, scale, group) -> None:
    at = open_app("pages/map.py", metric="d7.water_quality", year="2023", colour="groups", lang=lang)
    assert not at.exception
    spec = map_spec(at)
    assert f"{label} ({scale})" in spec["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")
    drawn, no_data = choropleth_codes(spec)
    assert len(drawn) == 63 and sorted(no_data) == ["22", "74"]  # Quảng Ninh, Bình Dương: no 2023 data
    poor = next(d for d in spec["data"] if d.get("name") == group)
    assert "01" in poor["locations"]  # Hà Nội: 61st of 61 on water quality
    hanoi = poor["text"][poor["locations"].index("01")]
    assert ("Hạng 61/61" if lang == "vi" else "Rank 61 of 61") in hanoi
    assert at.query_params["metric"] == "d7.water_quality"
    options = at.selectbox(key="w_metric").options
    assert (
        options.index(label)
        == options.index(at.selectbox(key="w_metric").format_func("d7_environmental_governance")) + 3
    )


def test_a_sub_dimension_before_it_was_measured_says_when_it_was() -> None:
    at = open_app("pages/map.py", metric="d5.construction_permits", year="2023")
    assert "2011–2020" in at.info[0].value and "2023" in at.info[0].value
    assert not at.get("plotly_chart")  # a message, not a map of grey provinces
    at.button(key="first").click().run()  # to the nearest year it was measured in
    assert not at.exception and "2020" in map_spec(at)["layout"]["title"]["text"]


def test_the_ranking_carries_error_bars_where_papi_published_intervals() -> None:
    bars = ranking_spec(open_app("pages/map.py", year="2023"))["data"][0]
    hanoi = bars["y"].index("<b>Hà Nội ◀</b>")
    assert (bars["error_x"]["arrayminus"][hanoi], bars["error_x"]["array"][hanoi]) == pytest.approx(
        (0.26, 0.26), abs=0.01
    )
    assert "43,70–44,22" in bars["hovertext"][hanoi]
    later = ranking_spec(open_app("pages/map.py", year="2024"))
    assert "error_x" not in later["data"][0]  # none published for 2024: none drawn, none invented
    assert "PAPI không công bố khoảng tin cậy năm này" in later["layout"]["title"]["subtitle"]["text"].replace(
        "<br>", " "
    )
    assert "error_x" not in ranking_spec(open_app("pages/map.py", year="2023", metric="d1_participation"))["data"][0]


def test_the_selected_province_s_rank_in_words_with_its_range() -> None:
    at = open_app("pages/map.py", province="01", year="2023", lang="en")
    assert any("rank 15, plausibly 8–26" in c.value for c in at.caption)
    at = open_app("pages/map.py", province="27", year="2023")
    assert any("không so được: năm 2022 không có dữ liệu" in c.value for c in at.caption)
