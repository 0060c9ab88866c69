"""AppTest: the province profile for every province in a year of each era, search, overlays and bad links."""

from __future__ import annotations

import json

import pytest

from harness.apptest import open_app
from tests.app.conftest import find, framed
from ui.core.shell import search_hits_key


def radar(at) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def axes(at) -> int:
    return len(radar(at)["data"][0]["theta"]) - 1  # the line is closed back to its first axis


@pytest.mark.parametrize(("year", "expected_axes"), [(2016, 6), (2024, 8)])
def test_every_province_builds_the_radar_with_the_era_s_axes(year: int, expected_axes: int, store) -> None:
    at = open_app("pages/profile.py", year=str(year))
    for code in store.provinces["code"]:
        at.selectbox(key="w_province").select(code).run()
        assert not at.exception, code
        assert axes(at) == expected_axes, code
        assert at.query_params["province"] == code
        spec = radar(at)
        assert spec["layout"]["polar"]["radialaxis"]["range"] == [1, 10]
        # the radar, a panel per dimension measured in any year (8), the total's two panels, the rank history; and
        # "what moved" where the province has a total in both years (tests/app/test_moved.py)
        assert len([c for c in at.get("plotly_chart") if c.key != "moved"]) == 1 + 8 + 2 + 1


@pytest.mark.parametrize(
    ("query", "name"), [("ha noi", "Hà Nội"), ("HCM", "TP. Hồ Chí Minh"), ("bac ninh", "Bắc Ninh")]
)
def test_search_forgives_diacritics(query: str, name: str) -> None:
    """The sidebar's province search (the same on every page): here a hit opens that province's profile."""
    at = open_app("pages/profile.py")
    at.text_input(key="province_search").input(query).run()
    hit = next(b for b in at.sidebar.button if b.key and b.key.startswith("search_hit_"))
    assert hit.label == name
    hit.click().run()
    assert at.title[0].value.startswith(name)


def test_search_hits_sit_in_the_block_enter_opens() -> None:
    """Enter opens the first hit in the block keyed by the query in the box (static/browser.js clicks it): the block
    names the query, so a list left from fewer letters is never the one opened."""
    at = open_app("pages/profile.py")
    for query, first in (("ha", "Hà Giang"), ("ha noi ", "Hà Nội")):
        at.text_input(key="province_search").input(query).run()
        block = find(at.sidebar, search_hits_key(query))
        assert block is not None and block.key == "search_hits_" + query.strip().encode().hex()
        assert block.button[0].label == first
    assert find(at.sidebar, search_hits_key("ha")) is None  # the list of the shorter query is gone
    at.text_input(key="province_search").input("xyz").run()
    assert not [b for b in at.sidebar.button if b.key and b.key.startswith("search_hit_")]


def test_the_compare_box_forgives_diacritics() -> None:
    """Typed "ha noi" + Enter in the "add up to 4 provinces" box (the box's own filter needs the diacritics): Hà Nội
    is added, by its code; text with no province, and the profile's own province, are left out."""
    at = open_app("pages/profile.py", province="27", year="2024")
    at.multiselect(key="w_compare").set_value(["ha noi"]).run()
    assert not at.exception
    assert at.query_params["compare"] == "01" and list(at.multiselect(key="w_compare").value) == ["01"]
    at.multiselect(key="w_compare").set_value(["01", "sai gon", "xyz", "bac ninh"]).run()
    assert at.query_params["compare"] == "01,79"
    assert list(at.multiselect(key="w_compare").value) == ["01", "79"]


def test_overlays_and_their_url() -> None:
    at = open_app("pages/profile.py", province="27", year="2024", compare="01,79", vs="2019")
    names = [trace["name"] for trace in radar(at)["data"]]
    assert names == [
        "Bắc Ninh 2024",
        "Bắc Ninh 2019",
        "Hà Nội",
        "TP. Hồ Chí Minh",
        "Trung bình toàn quốc",
        "Cao nhất mỗi lĩnh vực",
    ]
    at.toggle(key="w_mean").set_value(False).run()
    at.toggle(key="w_best").set_value(False).run()
    assert [trace["name"] for trace in radar(at)["data"]][-1] == "TP. Hồ Chí Minh"
    assert at.query_params["mean"] == "0" and at.query_params["compare"] == "01,79"


def test_other_year_from_another_era_is_dropped() -> None:
    at = open_app("pages/profile.py", province="01", year="2024", vs="2015")
    assert "vs" not in at.query_params
    assert len(radar(at)["data"]) == 3


def test_year_without_data_says_so_and_offers_the_nearest() -> None:
    at = open_app("pages/profile.py", province="27", year="2021")
    assert not at.exception
    assert at.warning[0].value == "PAPI không công bố điểm của Bắc Ninh năm 2021."
    assert all(v is None for v in radar(at)["data"][0]["r"])  # gaps, never zeros
    at.button(key="nearest").click().run()
    assert at.query_params["year"] == "2020" and not at.warning


def test_table_rows_and_no_data_cells() -> None:
    at = open_app("pages/profile.py", province="27", year="2022", lang="en")
    table = at.dataframe[0].value
    assert len(table) == 9  # eight dimensions and the total
    assert table.iloc[-1]["Score"] == "no data"
    assert table.iloc[0]["Score"] == "5.82"


def test_since_2025_names_the_partners() -> None:
    at = open_app("pages/profile.py", province="79")
    texts = " ".join(m.value for m in at.markdown)
    assert "Hồ Chí Minh mới" in texts
    labels = {b.label for b in at.button}
    assert {"Hồ sơ Bà Rịa - Vũng Tàu", "Hồ sơ Bình Dương"} <= labels
    at.button(key="partner_74").click().run()
    assert at.query_params["province"] == "74"
    hanoi = open_app("pages/profile.py", province="01")
    assert any("giữ nguyên địa giới" in m.value for m in hanoi.markdown)


@pytest.mark.parametrize(
    "params",
    [{"province": "xx"}, {"province": "<script>alert(1)</script>"}, {"compare": "zz"}, {"compare_year": "1999"}],
)
def test_bad_link_gives_a_notice_and_a_sensible_view(params: dict[str, str]) -> None:
    at = open_app("pages/profile.py", **params)
    assert not at.exception
    assert len(at.warning) == 1 and f"“{next(iter(params))}”" in at.warning[0].value
    assert at.title[0].value.startswith("Hà Nội")
    assert "<script>" not in "".join(str(e.proto) for e in at.main)


def test_a_link_holds_to_the_widgets_limits() -> None:
    at = open_app("pages/profile.py", compare="79,27,48,31,92")  # five where the radar takes four
    assert not at.exception
    assert at.query_params["compare"] == "79,27,48,31"
    assert [w.value for w in at.warning] == [
        "Liên kết có quá nhiều mục “compare”; chỉ giữ các mục đầu: TP. Hồ Chí Minh, Bắc Ninh, Đà Nẵng, Hải Phòng."
    ]


def test_a_province_is_not_compared_with_itself() -> None:
    at = open_app("pages/profile.py", province="79", compare="79,27", lang="en")
    assert at.query_params["compare"] == "27" and list(at.multiselect(key="w_compare").value) == ["27"]
    assert [w.value for w in at.warning] == [
        "A province is not compared with itself; it was taken out of “compare”, leaving: Bac Ninh."
    ]


def test_old_links_with_vs_open_the_comparison_year() -> None:
    at = open_app("pages/profile.py", province="27", year="2024", vs="2023")
    assert not at.warning
    assert at.selectbox(key="w_compare_year").value == 2023
    assert at.query_params["compare_year"] == "2023" and "vs" not in at.query_params


# --- sub-dimensions and how sure the rank is ----------------------------------------------------------------------


def figure(at, key: str) -> dict:
    return next(json.loads(c.proto.spec) for c in at.get("plotly_chart") if c.key == key)


def charts(at, prefix: str) -> list[dict]:
    """The figures whose element key starts with `prefix`, in page order (the small multiples of one section)."""
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart") if c.key and c.key.startswith(prefix)]


@pytest.mark.parametrize(
    ("lang", "heading", "water"),
    [
        ("vi", "các chỉ số thành phần của D7", "7.3 Chất lượng nước"),
        ("en", "the sub-dimensions of D7", "7.3 Quality of Water"),
    ],
)
def test_a_dimension_opens_to_its_sub_dimensions(lang: str, heading: str, water: str) -> None:
    at = open_app(
        "pages/profile.py", province="01", year="2023", open="d7_environmental_governance", compare="79", lang=lang
    )
    assert not at.exception
    # the radar, the open dimension's three sub-dimensions, eight dimensions, the total's two panels, the ranks
    assert len(at.get("plotly_chart")) == 1 + 1 + 3 + 8 + 2 + 1  # with "what moved"
    table = at.dataframe[1].value
    assert table.iloc[:, 0].tolist() == ["7.1", "7.2", "7.3"] and table.iloc[2, 2] == {"vi": "0,35", "en": "0.35"}[lang]
    assert table.iloc[2, 3] == "61/61"
    assert any(heading in m.value for m in at.markdown)
    panels = charts(at, "subdims_trend_d7")
    names = {trace["name"] for trace in panels[2]["data"]}
    assert {"Hà Nội" if lang == "vi" else "Ha Noi", "TP. Hồ Chí Minh" if lang == "vi" else "Ho Chi Minh City"} <= names
    assert panels[2]["layout"]["title"]["text"].replace("<br>", " ") == f"<b>{water}</b>"
    assert at.query_params["open"] == "d7_environmental_governance"


def test_a_trend_never_crosses_a_change_of_definition() -> None:
    at = open_app("pages/profile.py", province="01", year="2022", open="d5_public_admin_procedures")
    spec = charts(at, "subdims_trend_d5")[1]  # land titles
    province = [trace for trace in spec["data"] if trace["name"] == "Hà Nội"]
    spans = sorted((min(trace["x"]), max(trace["x"])) for trace in province)
    assert spans == [(2011, 2017), (2018, 2020), (2021, 2024)]  # one line per definition and scale
    assert [shape["x0"] for shape in spec["layout"]["shapes"]] == [2017.5, 2020.5]


def test_closed_dimensions_cost_nothing_and_say_what_they_hold() -> None:
    at = open_app("pages/profile.py", province="27", year="2022")
    labels = [e.label for e in at.expander]
    assert len(labels) == 8 and len(at.get("plotly_chart")) == 1 + 8 + 2 + 1  # no sub-dimension chart, no "what moved"
    assert labels[1].startswith("**D2 Công khai") and "không có dữ liệu" in labels[1]  # Bắc Ninh 2022: D2 unpublished
    assert "Hạng" in labels[0]  # D1 was published: four dimensions were, only the total was not


def test_where_it_is_furthest_from_the_best() -> None:
    at = open_app("pages/profile.py", province="01", year="2023")
    lines = next(m.value for m in at.markdown if m.value.startswith("- **7.3 Chất lượng nước**"))
    assert lines.count("\n- ") == 2 and "hạng 61/61" in lines and "35% thang 0,33–3,33" in lines


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"province": "01", "year": "2023"}, "hạng 15, có thể từ 8 đến 26 trong 61 tỉnh có dữ liệu"),
        ({"province": "01", "year": "2023", "lang": "en"}, "rank 15, plausibly 8–26 of the 61 provinces with data"),
        ({"province": "01", "year": "2024"}, "PAPI không công bố khoảng tin cậy của điểm tổng hợp năm 2024"),
        ({"province": "95", "year": "2022"}, "PAPI không công bố khoảng tin cậy của Bạc Liêu năm 2022"),
        ({"province": "27", "year": "2022"}, "Bắc Ninh không có điểm tổng hợp năm 2022"),
    ],
)
def test_the_total_s_rank_says_how_sure_it_is(params: dict[str, str], words: str) -> None:
    at = open_app("pages/profile.py", **params)
    assert any(words in c.value for c in at.caption)


def test_error_bars_only_where_papi_published_intervals() -> None:
    at = open_app("pages/profile.py", province="01", year="2024")
    early_panel, late_panel = charts(at, "total_")
    late = next(t for t in late_panel["data"] if t["name"] == "Hà Nội")
    bars = dict(zip(late["x"], late["error_y"]["array"], strict=True))
    assert {y for y, v in bars.items() if v is not None} == {2019, 2022, 2023}
    early = next(t for t in early_panel["data"] if t["name"] == "Hà Nội")
    assert "error_y" not in early  # PAPI published no interval before 2019
    ranks = figure(at, "rank_history")["data"][-1]
    assert "thứ hạng điểm tổng hợp" in framed(at, "rank_history")[0]
    bars = zip(ranks["error_y"]["arrayminus"], ranks["error_y"]["array"], strict=True)
    plausible = dict(zip(ranks["x"], bars, strict=True))
    assert plausible[2023] == (15 - 8, 26 - 15) and plausible[2024] == (None, None)


def test_the_table_says_why_a_change_is_missing() -> None:
    at = open_app("pages/profile.py", province="01", year="2018")
    assert at.dataframe[0].value.iloc[-1]["Thay đổi so với năm trước"] == "không so được: thang điểm đổi năm 2018"
    at = open_app("pages/profile.py", province="27", year="2023", lang="en")
    assert at.dataframe[0].value.iloc[-1]["Change on previous year"] == "no comparison: no data for 2022"
