"""AppTest: the explorer page for combinations of filters, its links (good, bad and corrected), its charts, and every
download opened and read back."""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from collections.abc import Callable
from typing import ClassVar

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pyarrow.parquet as pq
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import app_test

from harness.apptest import open_app
from papi_data.explore import Filters, apply_filters
from papi_data.ranking import with_ranks
from tests.app.conftest import framed

PAGE = "pages/explorer.py"


class RecordingFiles(MediaFileManager):
    """The test runtime's file manager, keeping each deferred download so a test can produce it as a click would."""

    made: ClassVar[dict[str, tuple[Callable, str | None]]] = {}

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, *, element_id=""):
        file_id = super().add_deferred(data_callable, mimetype, coordinates, file_name, element_id=element_id)
        RecordingFiles.made[file_id] = (data_callable, file_name)
        return file_id


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> Callable:
    """`download(at, kind)` → (bytes, file name) of the page's download button for `kind`."""
    monkeypatch.setattr(app_test, "MediaFileManager", RecordingFiles)

    def download(at, kind: str) -> tuple[bytes, str]:
        build, name = RecordingFiles.made[at.download_button(key=f"download_{kind}").proto.deferred_file_id]
        return build(), name

    return download


@pytest.fixture(scope="module")
def ranked(store) -> pd.DataFrame:
    return with_ranks(store.scores)


def texts(at) -> str:
    return "\n".join(e.value for e in [*at.markdown, *at.caption, *at.warning, *at.info, *at.title])


def summary(at) -> str:
    return next(m.value for m in at.markdown if "tỉnh-năm" in m.value or "province-years" in m.value)


def table(at) -> pd.DataFrame:
    return at.dataframe[0].value


def keys(frame: pd.DataFrame) -> list[tuple]:
    return list(zip(frame["province_code"], frame["year"].astype(int), frame["metric"], strict=True))


def figure(at) -> dict:
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    go.Figure(spec)  # the page skips plotly's validation (CheckedFigure): check the dict here
    return spec


def heading(at) -> tuple[str, str]:
    """The chart's title and subtitle as the page shows them, above it (the canvas holds neither)."""
    head, _ = framed(at, at.get("plotly_chart")[0].key)
    title, subtitle = (html.unescape(" ".join(re.sub("<[^>]+>", " ", p).split())) for p in head.split("</p>")[:2])
    return title, subtitle


# --- what is shown ----------------------------------------------------------------------------------------------------


def test_default_view_in_vietnamese() -> None:
    at = open_app(PAGE)
    assert not at.exception
    assert summary(at).startswith("**63/63 tỉnh, thành phố, 2018–2024, 11 tỉnh-năm không có dữ liệu** · 3.969 dòng")
    assert len(table(at)) == 63 * 7 * 9
    assert at.query_params["years"] == "2018-2024" and at.query_params["metrics"] == "all"
    assert [b.label for b in at.download_button] == [
        "CSV",
        "Excel (.xlsx)",
        "Parquet",
        "Gói dữ liệu (ZIP): Đang hiển thị",
        "Gói dữ liệu (ZIP): Toàn bộ dữ liệu",
    ]
    config = json.loads(at.dataframe[0].proto.columns)
    assert config["score"]["label"] == "Điểm" and config["change_base"]["label"] == "Thay đổi so với 2018"
    assert config["score"]["type_config"]["format"] == "localized"


def test_english_labels_and_numbers() -> None:
    at = open_app(PAGE, lang="en", years="2024", metrics="total")
    assert summary(at).startswith("**63 of 63 provinces, 2024, 2 province-years without data** · 63 rows")
    config = json.loads(at.dataframe[0].proto.columns)
    # "localized" in both languages: static/browser.js makes the browser format in the app's language, not its own
    assert config["score"]["type_config"]["format"] == "localized" and config["rank_of"]["label"] == "Rank of N"
    hanoi = table(at).set_index("province_code").loc["01"]
    assert (hanoi["province_en"], hanoi["rank_of"], hanoi["group"]) == ("Ha Noi", "29/61", "High average")


@pytest.mark.parametrize(
    ("params", "filters", "line"),
    [
        (
            {"years": "2021", "metrics": "total"},
            Filters((2021, 2021), ("total",)),
            "63/63 tỉnh, thành phố, 2021, 3 tỉnh",
        ),
        (
            {"years": "2011-2024", "metrics": "total,d1_participation", "q": "ha noi, hcm"},
            Filters((2011, 2024), ("total", "d1_participation"), provinces=("01", "79")),
            "2/63 tỉnh, thành phố, 2011–2024, 0 tỉnh",
        ),
        (
            {"regions": "red_river_delta,southeast", "groups": "best", "metrics": "total"},
            Filters((2018, 2024), ("total",), ("red_river_delta", "southeast"), ("best",)),
            "tỉnh, thành phố, 2018–2024, 7 tỉnh-năm",  # Quảng Ninh ×3, Bắc Ninh ×2, Vĩnh Phúc, Bình Dương
        ),
        (
            {"scores": "5.5-6", "years": "2011-2024", "metrics": "total,d3_vertical_accountability"},
            Filters((2011, 2024), ("total", "d3_vertical_accountability"), scores=(5.5, 6.0)),
            "2011–2024, 13 tỉnh-năm",
        ),
        (
            {"years": "2011-2024", "metrics": "d7_environmental_governance", "groups": "poor,low_average"},
            Filters((2011, 2024), ("d7_environmental_governance",), groups=("poor", "low_average")),
            "2011–2024, 7 tỉnh-năm",  # D7 exists from 2018 only: earlier years are not "without data"
        ),
    ],
)
def test_filter_combinations_show_the_filtered_rows(store, ranked, params: dict, filters: Filters, line: str) -> None:
    at = open_app(PAGE, **params)
    assert not at.exception
    expected = apply_filters(ranked, store.provinces, filters)
    assert keys(table(at)) == keys(expected.rename(columns={"dimension": "metric"}))
    assert line in summary(at)


def test_widgets_change_the_filters_and_the_link() -> None:
    at = open_app(PAGE)
    at.multiselect(key="w_metrics").set_value(["total"]).run()
    at.slider(key="w_years").set_value((2020, 2022)).run()
    at.text_input(key="w_q").set_value("bac ninh, Quảng Ninh").run()
    assert not at.exception
    assert set(table(at)["province_vi"]) == {"Bắc Ninh", "Quảng Ninh"} and len(table(at)) == 6
    assert "Khớp 2: Bắc Ninh, Quảng Ninh" in texts(at)
    assert summary(at).startswith("**2/63 tỉnh, thành phố, 2020–2022, 3 tỉnh-năm không có dữ liệu**")  # 2021 ×2, 2022
    assert at.query_params["years"] == "2020-2022" and at.query_params["metrics"] == "total"
    assert at.query_params["q"] == "bac ninh, Quảng Ninh"
    at.select_slider(key="w_scores").set_value((4.5, 5.5)).run()
    at.selectbox(key="w_base").select(2021).run()
    assert at.query_params["scores"] == "4.5-5.5" and at.query_params["base"] == "2021"
    assert "điểm tổng hợp 27,0–33,0 trước 2018, 36,0–44,0 từ 2018" in texts(at)
    assert "Khi lọc theo nhóm hoặc khoảng điểm" in texts(at)  # the rows without data are counted, not listed


def test_empty_selection_is_a_friendly_state_and_clearing_restores_the_view() -> None:
    at = open_app(PAGE, q="zzzz")
    assert not at.exception
    assert "Không có dòng nào khớp" in texts(at) and "Không có tỉnh nào khớp" in texts(at)
    assert not at.dataframe and not at.download_button
    assert summary(at).startswith("**0/63 tỉnh, thành phố")
    at.button(key="clear_empty").click().run()
    assert len(table(at)) == 3969 and "q" not in at.query_params


# --- links --------------------------------------------------------------------------------------------------------


OUT_OF_RANGE = "Giá trị “{param}” trong liên kết nằm ngoài phạm vi; đã chỉnh về giá trị hợp lệ gần nhất: {value}."
REVERSED = "Khoảng “{param}” trong liên kết bị đảo ngược; đã đổi lại thứ tự: {value}."
UNKNOWN = "Liên kết có mục “{param}” không tồn tại; đã bỏ các mục đó, còn: {value}."


@pytest.mark.parametrize(
    ("param", "raw", "shown", "notice", "value"),
    [
        ("years", "2024-2015", "2015-2024", REVERSED, "2015–2024"),
        ("years", "2005-2030", "2011-2024", OUT_OF_RANGE, "2011–2024"),  # beyond the data
        ("scores", "0-12", "1-10", OUT_OF_RANGE, "1,0–10,0"),  # off the 1–10 scale
        ("scores", "8-3", "3-8", REVERSED, "3,0–8,0"),
        ("regions", "southeast,atlantis", "southeast", UNKNOWN, "Đông Nam Bộ"),  # an unknown region dropped
        ("base", "1999", "2011", OUT_OF_RANGE, "2011"),
    ],
)
def test_link_values_out_of_range_are_corrected_with_a_notice(
    param: str, raw: str, shown: str, notice: str, value: str
) -> None:
    at = open_app(PAGE, **{param: raw})
    assert not at.exception
    assert [w.value for w in at.warning] == [notice.format(param=param, value=value)]
    assert at.query_params[param] == shown
    at.run()
    assert not at.warning  # said once, when the link is opened


@pytest.mark.parametrize(
    ("param", "raw"), [("years", "soon"), ("metrics", "happiness"), ("chart", "pie"), ("groups", "<script>x</script>")]
)
def test_link_values_that_make_no_sense_fall_back_to_the_default(param: str, raw: str) -> None:
    at = open_app(PAGE, lang="en", **{param: raw})
    assert not at.exception
    assert len(at.warning) == 1 and f"“{param}”" in at.warning[0].value and "<script>" not in texts(at)
    assert len(table(at)) == 3969


def test_link_restores_the_chart_choices() -> None:
    params = {
        "chart": "slope",
        "chart_metric": "d1_participation",
        "start": "2019",
        "end": "2024",
        "years": "2011-2024",
    }
    at = open_app(PAGE, lang="en", **params)
    assert at.button_group(key="w_chart").value == "slope"
    assert (at.selectbox(key="w_start").value, at.selectbox(key="w_end").value) == (2019, 2024)
    assert heading(at)[0] == "D1 Participation at Local Levels: 2019 → 2024"
    assert {k: at.query_params[k] for k in params} == params


def test_old_links_with_renamed_parameters_open_the_same_view() -> None:
    old = {"view": "slope", "chart_metric": "d1_participation", "from": "2019", "to": "2024", "years": "2011-2024"}
    at = open_app(PAGE, lang="en", **old)
    assert not at.warning
    assert at.button_group(key="w_chart").value == "slope"
    assert (at.selectbox(key="w_start").value, at.selectbox(key="w_end").value) == (2019, 2024)
    assert {k: at.query_params[k] for k in ("chart", "start", "end")} == {
        "chart": "slope",
        "start": "2019",
        "end": "2024",
    }
    assert not {"view", "from", "to"} & set(at.query_params)


# --- charts -------------------------------------------------------------------------------------------------------


def test_scatter_has_the_fitted_line_and_the_correlation() -> None:
    at = open_app(PAGE, chart="scatter", years="2024")
    spec = figure(at)
    assert "D2 Công khai, minh bạch" in heading(at)[0] and "title" not in spec["layout"]
    assert any(a["text"] == "<b>r Pearson = 0,72 · n = 61</b>" for a in spec["layout"]["annotations"])
    _, foot = framed(at, "explorer_scatter")
    assert "Nguồn: PAPI" in foot and '<a href="' in foot  # the source line and the view's link, under the chart
    # plotly's own image button would save the chart without that frame: only the page's image buttons are offered
    assert "toImage" in json.loads(at.get("plotly_chart")[0].proto.config)["modeBarButtonsToRemove"]
    assert spec["layout"]["separators"] == ",."
    fit = next(d for d in spec["data"] if d["mode"] == "lines")
    assert fit["name"] == "Đường hồi quy (bình phương nhỏ nhất)" and len(fit["x"]) == 2
    assert sum(len(d["x"]) for d in spec["data"] if d["mode"] == "markers") == 61
    at.selectbox(key="w_y").select("d1_participation").run()
    assert "Chọn hai chỉ số khác nhau" in texts(at)


def test_region_spread_names_regions_in_the_readers_language() -> None:
    at = open_app(PAGE, lang="en", chart="regions", years="2024", metrics="total")
    spec = figure(at)
    assert [d["name"] for d in spec["data"]][:2] == ["Northern Midlands and Mountains", "Red River Delta"]
    assert sum(len(d["x"]) for d in spec["data"]) == 61 and spec["layout"]["separators"] == ".,"
    assert "scale 8–80" in heading(at)[1]


def test_slope_chart_refuses_totals_across_the_2018_scale_change() -> None:
    at = open_app(PAGE, chart="slope", years="2011-2024", metrics="total", start="2011", end="2024")
    assert not at.get("plotly_chart")
    assert "thang 6–60" in at.info[0].value and "thang 8–80" in at.info[0].value
    at.selectbox(key="w_chart_metric").select("total").run()
    at.selectbox(key="w_start").select(2018).run()
    assert "59 tỉnh có điểm cả hai năm: 19 tăng, 40 giảm" in heading(at)[1]


def test_slope_chart_refuses_a_sub_dimension_across_a_change_of_definition() -> None:
    at = open_app(PAGE, chart="slope", years="2018-2024", metrics="d5.land_titles", start="2019", end="2023")
    assert not at.get("plotly_chart") and "đo theo hai cách khác nhau" in at.info[0].value
    assert "thang 0,25–2,5" in at.info[0].value and "thang 0,33–3,33" in at.info[0].value
    at.selectbox(key="w_start").select(2021).run()
    assert "thang 0,33–3,33" in heading(at)[1]


# --- sub-dimensions ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "name", "scale", "group"),
    [
        ("vi", "D7 › Chất lượng nước", "thang 0,33–3,33", "Nhóm thấp nhất"),
        ("en", "D7 › Quality of Water", "scale 0.33–3.33", "Poor performers"),
    ],
)
def test_a_sub_dimension_is_a_metric_with_its_ranks_groups_and_scale(
    lang: str, name: str, scale: str, group: str
) -> None:
    at = open_app(PAGE, lang=lang, years="2023", metrics="d7_environmental_governance,d7.water_quality")
    assert not at.exception
    shown = table(at)
    assert shown["metric"].drop_duplicates().tolist() == ["d7_environmental_governance", "d7.water_quality"]
    hanoi = shown[(shown["province_code"] == "01") & (shown["metric"] == "d7.water_quality")].iloc[0]
    assert (hanoi["metric_name"], hanoi["scale"], hanoi["rank_of"], hanoi["group"]) == (name, scale, "61/61", group)
    assert hanoi["parent_dimension"] == "d7_environmental_governance"
    picker = at.multiselect(key="w_metrics")
    assert list(picker.value) == ["d7_environmental_governance", "d7.water_quality"]
    d7 = picker.options.index(picker.format_func("d7_environmental_governance"))
    assert picker.options[d7 + 3] == name  # the picker lists each dimension's sub-dimensions right after it


def test_no_metric_chosen_means_the_total_and_the_dimensions() -> None:
    at = open_app(PAGE, years="2024")
    assert set(table(at)["metric"]) == {"total", *(f for f in table(at)["metric"] if "." not in f)}
    assert not any("." in m for m in table(at)["metric"])


def test_a_sub_dimension_score_range_is_on_its_own_scale(store) -> None:
    at = open_app(PAGE, years="2024", metrics="d5.land_titles", scores="4-6")
    scores = table(at)["score"]
    assert len(scores) and scores.between(0.33 + 3 / 3, 0.33 + 5 / 3).all()  # 4–6 of 1–10 on 0.33–3.33


def test_the_table_carries_the_total_s_published_interval() -> None:
    at = open_app(PAGE, years="2023", metrics="total", lang="en")
    hanoi = table(at).set_index("province_code").loc["01"]
    assert (round(hanoi["ci90_low"], 2), round(hanoi["ci90_high"], 2)) == (43.70, 44.22)
    assert hanoi["respondents"] > 0 and hanoi["interval_source"].startswith("github:HungNT1st")
    config = json.loads(at.dataframe[0].proto.columns)
    assert config["ci90_low"]["label"] == "90% interval from"


# --- downloads ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_download_reads_back_with_the_rows_of_the_table(downloads, lang: str) -> None:
    at = open_app(PAGE, lang=lang, years="2020-2022", regions="north_central_coast", q="hue, quang tri, da nang")
    shown = table(at)
    assert len(shown) == 3 * 3 * 9

    data, name = downloads(at, "csv")
    assert name == ("papi-kham-pha-2020-2022.csv" if lang == "vi" else "papi-explorer-2020-2022.csv")
    assert data.startswith(b"\xef\xbb\xbfprovince_code,")  # a plain table: no note lines
    csv = pd.read_csv(io.BytesIO(data), dtype={"province_code": str})
    assert keys(csv) == keys(shown)
    assert set(csv["province_vi"]) == {"Thừa Thiên Huế", "Quảng Trị", "Đà Nẵng"}
    assert csv["source"].notna().all()
    assert {"se", "ci90_low", "ci90_high", "respondents", "interval_source", "parent_dimension"} <= set(csv.columns)

    data, name = downloads(at, "xlsx")
    assert name.endswith(".xlsx")
    book = openpyxl.load_workbook(io.BytesIO(data))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    xlsx = pd.DataFrame(rows[1:], columns=rows[0])
    assert keys(xlsx) == keys(shown) and "Thừa Thiên Huế" in set(xlsx["province_vi"])
    notes = dict(list(book.worksheets[1].iter_rows(min_row=2, values_only=True)))
    assert "hue, quang tri, da nang" in " ".join(notes.values())

    data, name = downloads(at, "parquet")
    parquet = pq.read_table(io.BytesIO(data))
    assert keys(parquet.to_pandas()) == keys(shown)
    assert b"papi_note" in parquet.schema.metadata

    data, name = downloads(at, "package_shown")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        descriptor = json.loads(package.read("datapackage.json"))
        packed = pd.read_csv(io.BytesIO(package.read("papi.csv")), dtype={"province_code": str})
        readme = package.read("README.md").decode("utf-8")
    assert name.endswith(".zip") and keys(packed) == keys(shown)
    assert descriptor["citation"] == "PAPI 2020–2022 — CECODES, VFF-CRT, RTA & UNDP, papi.org.vn"
    assert "hue, quang tri, da nang" in readme


def test_the_all_data_package_holds_every_row_of_the_store(downloads) -> None:
    at = open_app(PAGE, lang="en", years="2024", metrics="total")
    data, name = downloads(at, "package_all")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        everything = pd.read_csv(io.BytesIO(package.read("papi.csv")), dtype={"province_code": str})
        descriptor = json.loads(package.read("datapackage.json"))
    assert name == "papi-all.zip"
    assert len(everything) == 7056 + 21891  # every score and sub-dimension score of the store
    assert everything["year"].min() == 2011 and everything["ci90_low"].notna().any()
    assert descriptor["citation"].startswith("PAPI 2011–2024")


def test_an_over_long_search_is_ignored_with_a_notice() -> None:
    at = open_app(PAGE, q="ha noi " * 40)
    assert [w.value for w in at.warning] == [
        "Giá trị “q” trong liên kết quá dài nên bị bỏ qua; đang hiển thị: không chọn."
    ]
    assert "q" not in at.query_params and len(table(at)) == 3969


def test_no_widget_gets_its_value_twice(monkeypatch, caplog) -> None:
    """Streamlit warns when a widget is given a value and also has one set in the session: ui/state avoids it (the
    score slider, which needs its range as an argument, has its session value cleared instead)."""
    monkeypatch.setattr("streamlit.elements.lib.policies._shown_default_value_warning", False)
    at = open_app(PAGE, scores="4-6", years="2024")
    at.select_slider(key="w_scores").set_value((5.0, 6.0)).run()
    at.button(key="clear_filters").click().run()  # every filter back to its default, from code
    assert at.select_slider(key="w_scores").value == (1.0, 10.0) and "scores" in at.query_params
    assert "set via the Session State API" not in caplog.text


def test_the_grid_rounds_half_up_like_every_other_page() -> None:
    """Khánh Hòa 2021, sub-dimension 1.4 = 0.625: the grid holds 0.63, as the profile shows (unit: test_rounding)."""
    at = open_app(PAGE, years="2021", metrics="d1.voluntary_contributions", q="khanh hoa")
    assert not at.exception
    grid = at.dataframe[0].value
    assert grid["score"].tolist() == [0.63]
