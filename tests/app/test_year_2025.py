"""Every page on a store with a SYNTHETIC 2025 for the 34 provinces (tests/synthetic/year_2025.py: made-up numbers,
generated in the test, built into a temporary store; never shipped), in both languages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from papi_data.build import build
from tests.app.conftest import open_app
from tests.synthetic.year_2025 import sources_with_2025
from ui.core.i18n import t
from ui.core.shell import PAGES

FILES = [file for file, *_ in PAGES]


@pytest.fixture(scope="module")
def store_2025(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("year2025")
    build(sources_with_2025(folder), target=folder / "store", last_year=2025)
    return folder / "store"


@pytest.fixture(autouse=True)
def on_the_2025_store(store_2025: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("PAPI_STORE_DIR", str(store_2025))
    yield


def texts(at) -> str:
    parts = [e.value for kind in ("markdown", "caption", "info", "warning", "metric") for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", FILES)
def test_every_page_opens_the_2025_view(page: str, lang: str) -> None:
    at = open_app(page, lang=lang)
    assert not at.exception and not at.error, [e.value for e in at.exception]
    assert any(c.value.startswith(t("source_line", lang, citation="PAPI 20")) for c in at.caption)


def test_home_gives_the_latest_year_by_its_own_set() -> None:
    at = open_app(lang="vi")
    assert at.title[0].value == "PAPI 2025: tổng quan toàn quốc"
    assert next(m.value for m in at.metric if m.label == "Số tỉnh có dữ liệu") == "34/34"
    assert "Điểm tổng hợp PAPI của 34 tỉnh, thành phố năm 2025" in texts(at)
    # the three provinces with plans, read from the new provinces they are part of (Bắc Ninh: the new Bắc Ninh)
    assert [m.label for m in at.metric][-3:] == ["Hà Nội", "Hồ Chí Minh", "Bắc Ninh"]
    assert "Hạng 31/34" in texts(at) and "không so được: từ năm 2025 là 34 tỉnh, thành phố mới" in texts(at)


def map_spec(at) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_map_of_2025_is_the_34_provinces_with_a_note(lang: str) -> None:
    at = open_app("pages/map.py", year="2025", lang=lang, show2025="1")
    spec = map_spec(at)
    layers = [d for d in spec["data"] if d["type"] == "choropleth" and d["name"]]
    codes = [c for d in layers for c in d["locations"]]
    assert len(codes) == 34 and all(c.startswith("n") for c in codes)
    assert all("/geo/vn_provinces_34.json" in d["geojson"] for d in layers)
    assert not any(d["type"] == "scattergeo" and d.get("mode") == "lines" for d in spec["data"])  # no overlay needed
    assert t("map_era_note_34", lang, year=2025) in texts(at)
    subtitle = spec["layout"]["title"]["subtitle"]["text"]
    assert "34/34" in subtitle and "63" not in subtitle  # the provinces with data of the year's own set
    before = open_app("pages/map.py", year="2024", lang=lang)
    assert (
        len([c for d in map_spec(before)["data"] if d["type"] == "choropleth" and d["name"] for c in d["locations"]])
        == 63
    )
    assert t("map_era_note_63", lang, year=2025, year_before=2024) in texts(before)


def test_the_map_keeps_a_former_province_selected_as_its_successor() -> None:
    at = open_app("pages/map.py", year="2025", province="80")  # Long An, since 2025 part of Tây Ninh
    assert "**Tây Ninh, 2025**" in texts(at) and "Tây Ninh, Long An" in texts(at)
    assert at.query_params["province"] == "80"


def test_the_ranking_of_2025_marks_the_plan_provinces_of_its_own_set() -> None:
    """The plan provinces (Hà Nội, TP.HCM, Bắc Ninh) marked by the province that stands for them in 2025."""
    at = open_app("pages/map.py", year="2025")
    ranking = next(json.loads(c.proto.spec) for c in at.get("plotly_chart") if c.key == "ranking_chart")
    marked = {name.removeprefix("<b>").removesuffix("</b>") for name in ranking["data"][0]["y"] if "◀" in name}
    assert marked == {"Hà Nội ◀", "Hồ Chí Minh ◀", "Bắc Ninh ◀"}


@pytest.mark.parametrize(
    ("lang", "labels"),
    [("vi", ["Tây Ninh (từ 2025)", "Tây Ninh (đến 2024)"]), ("en", ["Tay Ninh (from 2025)", "Tay Ninh (until 2024)"])],
)
def test_the_search_tells_the_new_province_from_the_former_one(lang: str, labels: list[str]) -> None:
    at = open_app("pages/map.py", year="2025", lang=lang)
    at.text_input(key="province_search").input("tay ninh").run()
    hits = [b.label for b in at.sidebar.button if b.key and b.key.startswith("search_hit_")]
    assert sorted(hits) == sorted(labels)


def test_a_new_province_profile_draws_its_former_provinces_beside_it() -> None:
    at = open_app("pages/profile.py", province="n80", year="2025", lang="en")
    assert at.title[0].value == "Tay Ninh (from 2025): PAPI profile, 2025"
    assert "compared: Tay Ninh, Long An" in texts(at)
    assert "formed from: Tay Ninh, Long An" in texts(at)
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    panels = [spec for spec in specs if "title" in spec["layout"]]  # the small multiples carry their titles
    trend = next(spec for spec in panels if "Total score (8–80)" in spec["layout"]["title"]["text"])
    names = {d.get("name") for d in trend["data"]}
    assert {"Tay Ninh (from 2025)", "Tay Ninh", "Long An"} <= names  # own lines, never one merged line


def test_a_former_province_profile_points_to_its_new_province() -> None:
    at = open_app("pages/profile.py", province="72", year="2025")
    notice = at.info[0].value
    assert "từ 1/7/2025 Tây Ninh thuộc Tây Ninh (từ 2025)" in notice
    assert any(b.label == "Hồ sơ Tây Ninh (từ 2025)" for b in at.button)
    assert "so sánh: Tây Ninh (từ 2025)" in texts(at)  # the new province's line from 2025, beside its own


def test_explorer_has_the_province_set_and_never_compares_across_it() -> None:
    at = open_app("pages/explorer.py", years="2024-2025", metrics="total", base="2024")
    assert "**97/97 tỉnh, thành phố, 2024–2025" in texts(at)
    assert "Các năm chọn gồm cả 63 tỉnh cũ" in texts(at)
    table = at.dataframe[0].value
    assert set(table["province_set"]) == {63, 34}
    year_2025 = table[table["year"] == 2025]
    assert len(year_2025) == 34 and year_2025["change_prev"].isna().all() and year_2025["change_base"].isna().all()
    only = open_app("pages/explorer.py", years="2025-2025", lang="en")
    assert "**34 of 34 provinces, 2025, 0 province-years without data**" in texts(only)


def test_the_planner_works_for_the_34() -> None:
    at = open_app("pages/planner.py", province="n80", goal="rank", k="3")
    assert len(at.selectbox[0].options) == 34
    assert "Để xếp thứ 3 trở lên theo điểm tổng hợp, Tây Ninh cần thêm" in texts(at)


@pytest.mark.parametrize(
    ("plan", "verdict"),
    [
        ("tayninh-2025-kh315", "✔ Đạt"),  # the new Tây Ninh's 2025 group (synthetic), from the new province's figures
        ("laichau-2025-kh1331", "— Không có dữ liệu"),  # a rank among 63 against a rank among 34: not comparable
        ("caobang-2025-kh2163", "✔ Đạt"),  # score: Cao Bằng kept its borders, same scale
    ],
)
def test_the_three_2025_plans_are_evaluated_from_the_2025_figures(plan: str, verdict: str) -> None:
    at = open_app("pages/plans.py", plan=plan)
    shown = texts(at)
    assert f"{verdict}] **2025**" in shown
    assert "○" not in shown.split("Chi tiết kế hoạch")[-1]  # nothing pending any more


def test_a_merged_province_plan_shows_the_former_provinces_2024_figures() -> None:
    shown = texts(open_app("pages/plans.py", plan="tayninh-2025-kh315"))
    assert (
        "Tây Ninh năm 2024\\: 47,35 điểm, Hạng 2/61" in shown and "Long An năm 2024\\: 42,29 điểm, Hạng 45/61" in shown
    )
    assert "Hạng 8/34" in shown
    rank = texts(open_app("pages/plans.py", plan="laichau-2025-kh1331"))
    assert "thứ hạng năm 2024 \\(trong 63 tỉnh\\) là bối cảnh, không phải mốc so sánh" in rank  # how we read it
    english = texts(open_app("pages/plans.py", plan="caobang-2025-kh2163", lang="en"))
    assert "the 2024 rank is context, not a baseline" in english and "among the 34 provinces" in english
    assert (
        "năm 2024 xếp trong 63 tỉnh cũ \\(Hạng 31/61\\), năm 2025 trong 34 tỉnh, thành phố mới \\(Hạng 4/34\\)" in rank
    )
