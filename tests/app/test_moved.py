"""What moved, on the pages: the profile's waterfall with its sentence and rank change, a dimension split into its
sub-dimensions or the reason it is not, never across the 2018 scale change; the map's biggest movers."""

from __future__ import annotations

import json

import pytest

from tests.app.conftest import open_app


def _moved(at) -> dict:
    return next(json.loads(c.proto.spec) for c in at.get("plotly_chart") if c.key == "moved")


@pytest.mark.parametrize(
    ("lang", "sentence", "rank"),
    [
        (
            "vi",
            "Hà Nội 2024: 43,77 điểm (−0,19 so với 2023), hạng 29/61; giảm nhiều nhất ở D6 Dịch vụ công (−0,28)",
            "Hạng trong 59 tỉnh có điểm tổng hợp cả năm 2023 và 2024: 15 → 27 (xuống 12 bậc).",
        ),
        (
            "en",
            "Ha Noi 2024: 43.77 points (−0.19 on 2023), rank 29 of 61; the largest fall in D6 Public services (−0.28)",
            "Rank among the 59 provinces with a total in both 2023 and 2024: 15 → 27 (down 12 places).",
        ),
    ],
)
def test_the_profile_says_what_moved(lang: str, sentence: str, rank: str) -> None:
    at = open_app("pages/profile.py", province="01", year="2024", lang=lang)
    assert not at.exception
    trace = _moved(at)["data"][0]
    assert trace["type"] == "waterfall" and len(trace["x"]) == 9
    assert abs(sum(trace["x"][:-1]) - trace["x"][-1]) < 0.001
    captions = [c.value for c in at.caption]
    assert any(c.startswith(sentence) for c in captions)
    assert rank in [m.value for m in at.markdown]


def test_a_dimension_splits_into_sub_dimensions_from_the_link() -> None:
    at = open_app("pages/profile.py", province="01", year="2024", split="d6_public_service_delivery")
    split = next(json.loads(c.proto.spec) for c in at.get("plotly_chart") if c.key == "moved_split")
    assert split["data"][0]["y"][1] == "6.2 Giáo dục tiểu<br>học công lập"  # in lines that leave a phone its bars
    at = open_app("pages/profile.py", province="01", year="2021", split="d5_public_admin_procedures")
    assert not [c for c in at.get("plotly_chart") if c.key == "moved_split"]
    assert any("định nghĩa của chúng đã thay đổi" in i.value for i in at.info)


def test_never_across_the_scale_change() -> None:
    at = open_app("pages/profile.py", province="01", year="2018")
    assert not [c for c in at.get("plotly_chart") if c.key == "moved"]  # 2018 has no earlier year on its scale
    assert any("không có năm nào trước đó cùng thang điểm" in i.value for i in at.info)
    at = open_app("pages/profile.py", province="01", year="2024", base="2016")  # a link across the change: corrected
    assert "base" not in at.query_params and any(
        "cùng thang điểm" in w.value for w in [*at.warning, *at.info, *at.caption]
    )
    assert _moved(at)["data"][0]["x"]


def test_the_map_lists_the_biggest_movers() -> None:
    at = open_app("pages/map.py", year="2024")
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "Tây Ninh: +8,11 điểm" in text and "Bạc Liêu: −1,48 điểm" in text
    assert any(c.value.startswith("2024 so với 2023: tăng nhiều nhất Tây Ninh (+8,11)") for c in at.caption)
    at = open_app("pages/map.py", year="2018")
    assert any("không cùng thang đo" in c.value for c in at.caption)


def test_home_says_what_moved_the_three_provinces() -> None:
    at = open_app(year="2024", lang="en")
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert any(c.startswith("What moved: Ha Noi 2024: 43.77 points (−0.19 on 2023), rank 29 of 61;") for c in captions)
    at = open_app(year="2018")  # the scale change: the card says why, and no sentence claims a change
    assert not any(c.value.startswith("Vì sao thay đổi:") for c in at.caption)


def test_the_profile_shows_near_ties_as_such() -> None:
    """Bắc Ninh 2023, D4: 12th by 0.0073 points; the press printed 11th. The table says the rank is a near-tie."""
    at = open_app("pages/profile.py", province="27", year="2023")
    ranks = at.dataframe[0].value.iloc[:, 2].tolist()
    assert ranks[3] == "12/61 (sát nút: hạng 11–13, chênh tới 0,0074 điểm)"
    assert ranks[0].count("/") == 1 and "sát nút" not in ranks[-1]  # D1 and the total: no near-tie


def test_the_map_and_its_ranking_say_what_they_show_and_name_themselves_by_it() -> None:
    at = open_app("pages/map.py", year="2024")
    assert not at.exception
    charts = {c.key: json.loads(c.proto.spec) for c in at.get("plotly_chart")}
    shown = {
        key.split("_")[0]: figure["layout"]["meta"]["accessible_name"]
        for key, figure in charts.items()
        if key.startswith(("map_chart", "ranking_chart"))
    }
    said = [c.value for c in at.caption]
    map_says = (
        "61 tỉnh có dữ liệu; cao nhất Quảng Ninh (47,82), thấp nhất Kiên Giang (39,91); không có dữ liệu ở 2 tỉnh."
    )
    ranking_says = "đứng đầu Quảng Ninh, đứng cuối Kiên Giang, cách nhau 7,91 điểm (61 tỉnh có dữ liệu)."
    assert any(c.endswith(map_says) for c in said) and shown["map"].endswith(map_says)
    assert any(c.endswith(ranking_says) for c in said) and shown["ranking"].endswith(ranking_says)


def _says_under_a_chart_and_names_it(page: str, said: str, **query: str) -> None:
    """`said` is shown under a chart of the page and ends that chart's accessible name."""
    at = open_app(page, **query)
    assert not at.exception
    assert said in [c.value for c in at.caption]
    names = [json.loads(c.proto.spec)["layout"]["meta"]["accessible_name"] for c in at.get("plotly_chart")]
    assert any(n.endswith(said) for n in names)


def test_the_profile_s_total_panels_say_their_latest_value_and_change() -> None:
    said = "Hà Nội, Điểm tổng hợp (8–80): 43,77 năm 2024 (−0,19 so với 2023); trung bình cả nước 43,43."
    _says_under_a_chart_and_names_it("pages/profile.py", said, province="01", year="2024")


def test_a_plan_chart_says_each_target_year_s_verdict() -> None:
    said = "Hà Nội, tổng hợp: 2023 Không đạt (Hạng 15/61, mục tiêu ≤ 11: thiếu 4 bậc)."
    _says_under_a_chart_and_names_it("pages/plans.py", said, plan="hn-2023-kh157", lang="vi")


def test_the_planner_s_ladder_says_what_the_goal_needs() -> None:
    said = "Hà Nội 2024: 43,77 điểm, hạng 29/61; mục tiêu cần 45,19 điểm (+1,41), vượt 18 tỉnh và ngang 1 tỉnh."
    _says_under_a_chart_and_names_it("pages/planner.py", said, province="01", metric="total", goal="rank", k="10")
