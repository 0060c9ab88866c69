"""AppTest: Đặt mục tiêu / Set a target, in both languages: the answer, its parts, the link, bad links, and the
plans.yaml entry."""

from __future__ import annotations

import re

import pytest

from harness.apptest import open_app

PAGE = "pages/planner.py"


def plain(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def texts(at) -> str:
    return plain("\n".join(e.value for e in [*at.markdown, *at.caption, *at.warning, *at.info, *at.subheader]))


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("vi", ["Hà Nội cần thêm **1,41 điểm**: từ 43,77 lên 45,19", "không phải dự báo", "Các lĩnh vực cách xa nhất"]),
        ("en", ["Ha Noi would need **1.41 more points**: from 43.77 to 45.19", "not a forecast", "furthest behind"]),
    ],
)
def test_the_default_target_in_both_languages(lang: str, words: list[str]) -> None:
    at = open_app(PAGE, lang=lang)
    assert not at.exception and not at.error
    shown = texts(at)
    for word in words:
        assert word in shown
    assert dict(at.query_params) == {
        "lang": lang,
        "province": "01",
        "metric": "total",
        "goal": "rank",
        "k": "10",
        "group": "best",
        "score": "47.4",
    }
    assert len(at.get("plotly_chart")) == 1
    assert len(at.dataframe) == 2  # the dimensions furthest behind, and the same rise in every dimension
    assert len(at.dataframe[0].value) == 8
    entry = plan_entry(at)
    assert "rule: rank_at_most" in entry and "k: 10" in entry and 'province_code: "01"' in entry


def plan_entry(at) -> str:
    """The "add as a plan" entry (the toolbar's citation is a code block too)."""
    return next(str(c.value) for c in at.code if "rule:" in str(c.value))


def test_a_link_opens_its_target() -> None:
    at = open_app(PAGE, province="10", metric="d4_control_of_corruption", goal="group", group="best", lang="en")
    assert not at.exception
    assert at.query_params["province"] == "10" and at.query_params["goal"] == "group"
    assert at.selectbox(key="w_group").value == "best"
    shown = texts(at)
    assert (
        "To be in Best performers by D4 Control of corruption score, Lao Cai would need **0.62 more points**" in shown
    )
    assert "sub-dimensions furthest behind" in shown  # a dimension's parts are its sub-dimensions
    entry = plan_entry(at)
    assert "rule: group_at_least" in entry and "dimension: d4_control_of_corruption" in entry


def test_changing_the_target_moves_into_the_url() -> None:
    at = open_app(PAGE)
    at.segmented_control(key="w_goal").set_value("score").run()
    assert at.query_params["goal"] == "score"
    at.number_input(key="w_score").set_value(46.0).run()
    assert at.query_params["score"] == "46"
    assert "cần thêm **2,23 điểm**: từ 43,77 lên 46,00" in texts(at)
    at.selectbox(key="w_metric").set_value("d7_environmental_governance").run()
    assert float(at.query_params["score"]) <= 10  # a total's 46 is off a dimension's scale: the default for it
    assert not at.exception


def test_a_sub_dimension_has_no_parts() -> None:
    at = open_app(PAGE, metric="d7.water_quality", goal="rank", k="5")
    assert not at.exception
    assert not at.dataframe and "Các tỉnh sẽ vượt qua" in texts(at)


def test_a_province_without_data_says_so() -> None:
    at = open_app(PAGE, province="26")  # Vĩnh Phúc: no 2024 score
    assert not at.exception
    assert "PAPI không công bố điểm tổng hợp của Vĩnh Phúc năm 2024" in texts(at)
    assert not at.get("plotly_chart")


@pytest.mark.parametrize(
    ("params", "name"),
    [({"score": "500"}, "score"), ({"metric": "d9"}, "metric"), ({"k": "70"}, "k"), ({"goal": "<b>"}, "goal")],
)
def test_bad_links_get_a_notice(params: dict[str, str], name: str) -> None:
    at = open_app(PAGE, **{"goal": "score", **params})
    assert not at.exception
    assert len([w for w in at.warning if f"“{name}”" in w.value]) == 1


def test_the_sidebar_search_picks_the_province_and_a_plan_goes_to_the_data_team() -> None:
    at = open_app(PAGE, lang="vi")
    at.sidebar.text_input(key="province_search").input("da nang").run()
    at.button(key="search_hit_48").click().run()
    assert not at.exception
    assert dict(at.query_params)["province"] == "48"
    labels = [e.label for e in at.expander]
    assert labels[-2:] == ["Thêm thành kế hoạch", "Cho nhóm dữ liệu"]
    assert "gửi cho nhóm quản lý dữ liệu" in at.expander[-2].markdown[0].value
    assert at.expander[-1].code[0].value.lstrip().startswith("- id: da-nang-")
