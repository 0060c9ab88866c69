"""What moved a score (papi_data.decompose) and the sentences under charts (ui.charts.sentences).

The figures in the sentences below were checked by hand against papi_data/sources/papi_scores_long.csv (e.g. Hà Nội's
total 43.774715 in 2024 and 43.960304 in 2023: −0.1856, shown −0,19; D6 7.568981 − 7.8485813 = −0.2796, shown −0,28;
TP. Hồ Chí Minh's D3 −0.1295 and D5 −0.1258, both shown −0,13: a tie; Tuyên Quang 2013 D6 −0.0041, shown ±0,00).
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import plotly.graph_objects as go
import pytest

from papi_data.decompose import (
    Change,
    Part,
    comparable_bases,
    comparison_gap,
    dimension_change,
    movers,
    total_change,
    total_changes,
)
from papi_data.profile import rank_history
from papi_data.ranking import near_tie
from papi_data.store.load import PapiStore
from papi_data.store.schema import TOTAL, era
from papi_data.subdimensions import metric_rows
from ui.charts.sentences import (
    change_sentence,
    movers_sentence,
    radar_sentence,
    rank_history_sentence,
    rank_move,
    sub_change_sentence,
)
from ui.charts.waterfall import waterfall_figure
from ui.core.metrics import Metrics, build_metrics


@pytest.fixture(scope="module")
def catalogue(real_store: PapiStore) -> Metrics:
    s = real_store
    return build_metrics(s.dimensions, s.subdimensions, s.subdimension_periods, max(s.years))


@pytest.fixture(scope="module")
def subs(real_store: PapiStore) -> pd.DataFrame:
    return metric_rows(real_store.subdimension_scores, real_store.subdimension_periods)


def _dims(store: PapiStore) -> list[str]:
    return list(store.dimensions["id"])


def _names(store: PapiStore, lang: str) -> dict[str, str]:
    return dict(zip(store.provinces["code"], store.provinces[f"name_{lang}"], strict=True))


def _rank(ranked: pd.DataFrame, code: str, year: int) -> tuple[int | None, int]:
    row = ranked[(ranked["province_code"] == code) & (ranked["year"] == year) & (ranked["dimension"] == TOTAL)].iloc[0]
    return (None if pd.isna(row["rank"]) else int(row["rank"])), int(row["n"])


# --- The decomposition -----------------------------------------------------------------------------------------------


def test_the_dimensions_add_up_to_the_total_s_change_for_every_pair_shown(real_store: PapiStore) -> None:
    """Every province and every pair of years of one scale (what the profile's "compared with" offers): the parts'
    changes sum to the total's within 0.001, one part per dimension of the era, and a rank among both years'."""
    years = sorted(real_store.years)
    made = 0
    for year in years:
        for base in comparable_bases(years, year):
            for change in total_changes(real_store.scores, _dims(real_store), year, base).values():
                if change.gap is None:
                    assert change.change is not None
                    assert abs(change.parts_sum - change.change) < 0.001, (change.code, year, base)
                    assert len(change.parts) == (6 if era(year) == era(2011) else 8)
                    assert change.rank is not None and 1 <= change.rank <= change.n
                    made += 1
                else:
                    assert change.gap in ("no_score", "base_missing") and not change.parts
    assert made > 2500  # 63 provinces × 42 pairs, less the province-years without a total


def test_never_across_the_2018_scale_change(real_store: PapiStore) -> None:
    assert comparison_gap(2018, 2017) == "scale_change" and comparison_gap(2024, 2011) == "scale_change"
    assert comparison_gap(2024, 2024) == "same_year" and comparison_gap(2019, 2018) is None
    assert comparable_bases(real_store.years, 2018) == [] and comparable_bases(real_store.years, 2020) == [2019, 2018]
    change = total_change(real_store.scores, _dims(real_store), "01", 2018, 2017)
    assert change.gap == "scale_change" and change.change is None and not change.parts


def test_missing_years_are_named_not_zero(real_store: PapiStore) -> None:
    dims = _dims(real_store)
    assert total_change(real_store.scores, dims, "26", 2024, 2023).gap == "no_score"  # Vĩnh Phúc 2024
    assert total_change(real_store.scores, dims, "27", 2023, 2022).gap == "base_missing"  # Bắc Ninh 2022
    assert total_change(real_store.scores, dims, "27", 2023, 2020).gap is None


def test_rank_change_is_among_the_provinces_of_both_years(real_store: PapiStore) -> None:
    change = total_change(real_store.scores, _dims(real_store), "01", 2024, 2023)
    # 61 provinces in 2023 and in 2024, 59 in both (Quảng Ninh, Bình Dương missing 2023; Vĩnh Phúc, Tiền Giang 2024)
    assert (change.n, change.base_rank, change.rank) == (59, 15, 27)


def test_a_dimension_splits_into_its_sub_dimensions_only_with_the_same_definitions(
    real_store: PapiStore, subs: pd.DataFrame
) -> None:
    scores = real_store.scores
    d6 = dimension_change(scores, subs, "01", "d6_public_service_delivery", 2024, 2023)
    assert d6.gap is None and [p.metric for p in d6.parts][:2] == ["d6.public_healthcare", "d6.primary_education"]
    assert d6.change is not None and abs(d6.parts_sum - d6.change) < 0.002
    assert dimension_change(scores, subs, "01", "d5_public_admin_procedures", 2021, 2020).gap == "definition_change"
    assert dimension_change(scores, subs, "01", "d2_transparency", 2018, 2017).gap == "definition_change"


def test_every_sub_dimension_split_adds_up(real_store: PapiStore, subs: pd.DataFrame) -> None:
    """Sub-dimensions add up to their dimension within 0.001 in each year (the build checks it): so their changes to
    the dimension's within 0.002, for every split the profile can show against the previous year."""
    checked = 0
    for code in ["01", "79", "27", "48", "92"]:
        for dimension in _dims(real_store):
            for year in range(2012, 2025):
                change = dimension_change(real_store.scores, subs, code, dimension, year, year - 1)
                if change.gap is None:
                    assert abs(change.parts_sum - (change.change or 0)) < 0.002
                    checked += 1
    assert checked > 200


def test_movers_are_the_largest_rises_and_falls(real_store: PapiStore) -> None:
    rising, falling = movers(total_changes(real_store.scores, _dims(real_store), 2024, 2023), 3)
    assert [c.code for c in rising] == ["72", "60", "96"] and [c.code for c in falling] == ["95", "56", "91"]
    assert all((c.change or 0) > 0 for c in rising) and all((c.change or 0) < 0 for c in falling)
    rising, falling = movers(total_changes(real_store.scores, _dims(real_store), 2018, 2017), 3)
    assert rising == [] and falling == []  # no comparison across the scale change


def test_ties_at_the_shown_precision_are_all_named() -> None:
    change = Change("x", TOTAL, 2024, 2023, before=1.0, after=1.0, parts=(Part("a", 1, 0.8705), Part("b", 1, 0.8742)))
    assert [p.metric for p in change.largest(-1)] == ["a", "b"]  # −0.1295 and −0.1258 both show as −0,13
    assert change.largest(1) == ()


def test_the_waterfall_ends_where_its_parts_do(real_store: PapiStore, catalogue: Metrics) -> None:
    from ui.charts.frame import Frame

    change = total_change(real_store.scores, _dims(real_store), "01", 2024, 2023)
    label = partial(catalogue.name, lang="vi", short=True)
    figure = waterfall_figure(change, label, "Điểm tổng hợp", lang="vi", frame=Frame("t"))
    trace = figure["data"][0]
    assert trace["measure"] == ["relative"] * 8 + ["total"] and trace["text"][-1] == "−0,19"
    assert abs(sum(trace["x"][:-1]) - trace["x"][-1]) < 0.001
    assert trace["y"][5] == "D6 Dịch vụ công" and trace["text"][5] == "−0,28"
    go.Figure(figure)  # a valid plotly figure (the page hands it over unvalidated)


# --- Twenty sentences, hand-checked ----------------------------------------------------------------------------------


CHANGES = [
    (
        "01",
        2024,
        2023,
        "Hà Nội 2024: 43,77 điểm (−0,19 so với 2023), hạng 29/61; giảm nhiều nhất ở D6 Dịch vụ công (−0,28), tăng "
        "nhiều nhất ở D3 Trách nhiệm giải trình (+0,09).",
        "Ha Noi 2024: 43.77 points (−0.19 on 2023), rank 29 of 61; the largest fall in D6 Public services (−0.28), "
        "the largest rise in D3 Accountability (+0.09).",
    ),
    (  # a tie at the shown precision: both named, the figure shared
        "79",
        2024,
        2023,
        "TP. Hồ Chí Minh 2024: 42,81 điểm (+1,04 so với 2023), hạng 41/61; giảm nhiều nhất ở D3 Trách nhiệm giải "
        "trình và D5 Thủ tục hành chính (cùng −0,13), tăng nhiều nhất ở D4 Kiểm soát tham nhũng (+0,32).",
        "Ho Chi Minh City 2024: 42.81 points (+1.04 on 2023), rank 41 of 61; the largest fall in D3 Accountability "
        "and D5 Admin. procedures (−0.13 each), the largest rise in D4 Control of corruption (+0.32).",
    ),
    (  # every dimension rose
        "02",
        2012,
        2011,
        "Hà Giang 2012: 35,41 điểm (+3,16 so với 2011), hạng 47/63; tăng ở cả 6 lĩnh vực, nhiều nhất ở D6 Dịch vụ "
        "công (+0,94).",
        "Ha Giang 2012: 35.41 points (+3.16 on 2011), rank 47 of 63; a rise in all 6 dimensions, the largest in D6 "
        "Public services (+0.94).",
    ),
    (  # every dimension fell; the last rank
        "56",
        2012,
        2011,
        "Khánh Hòa 2012: 31,83 điểm (−2,69 so với 2011), hạng 63/63; giảm ở cả 6 lĩnh vực, nhiều nhất ở D4 Kiểm "
        "soát tham nhũng (−0,77).",
        "Khanh Hoa 2012: 31.83 points (−2.69 on 2011), rank 63 of 63; a fall in all 6 dimensions, the largest in D4 "
        "Control of corruption (−0.77).",
    ),
    (  # D6 moved −0.0041: shown ±0,00, so it neither rose nor fell
        "08",
        2013,
        2012,
        "Tuyên Quang 2013: 38,04 điểm (+1,86 so với 2012), hạng 13/63; tăng ở 5/6 lĩnh vực, nhiều nhất ở D2 Công "
        "khai minh bạch (+0,59), không lĩnh vực nào giảm.",
        "Tuyen Quang 2013: 38.04 points (+1.86 on 2012), rank 13 of 63; a rise in 5 of 6 dimensions, the largest in "
        "D2 Transparency (+0.59), none fell.",
    ),
    (  # missing data: the base year
        "27",
        2023,
        2022,
        "PAPI không công bố điểm tổng hợp của Bắc Ninh năm 2022: hãy chọn năm khác để so sánh.",
        "PAPI published no total for Bac Ninh in 2022: choose another year to compare with.",
    ),
    (  # missing data: the year itself
        "26",
        2024,
        2023,
        "PAPI không công bố điểm tổng hợp của Vĩnh Phúc năm 2024: không có gì để so sánh.",
        "PAPI published no total for Vinh Phuc in 2024: nothing to compare.",
    ),
    (  # the scale change
        "01",
        2018,
        2017,
        "Không so sánh 2018 với 2017: từ năm 2018 PAPI có 8 lĩnh vực, điểm tổng hợp trên thang 8–80 (trước đó 6 "
        "lĩnh vực, thang 6–60), nên hai điểm tổng hợp không cùng thang đo.",
        "2018 is not compared with 2017: from 2018 PAPI has eight dimensions and the total runs 8–80 (before, six "
        "dimensions on 6–60), so the two totals are not on one scale.",
    ),
]


@pytest.mark.parametrize(("code", "year", "base", "vi", "en"), CHANGES)
def test_change_sentences(
    code: str, year: int, base: int, vi: str, en: str, real_store: PapiStore, ranked: pd.DataFrame, catalogue: Metrics
) -> None:
    change = total_change(real_store.scores, _dims(real_store), code, year, base)
    rank, n = _rank(ranked, code, year)
    for lang, expected in (("vi", vi), ("en", en)):
        label = partial(catalogue.name, lang=lang, short=True)
        assert change_sentence(change, _names(real_store, lang)[code], rank, n, label, lang) == expected


SUB_CHANGES = [
    (  # English plural and the sub-dimensions' own numbers; 8.1 moved +0.0013: shown +0,00
        "01",
        "d8_e_governance",
        2024,
        "Hà Nội 2024, D8 Quản trị điện tử: 4,05 điểm (+0,07 so với 2023); tăng ở 2/3 chỉ số thành phần, nhiều nhất ở "
        "8.2 Tiếp cận và sử dụng Internet tại địa phương (+0,04), không chỉ số thành phần nào giảm.",
        "Ha Noi 2024, D8 E-governance: 4.05 points (+0.07 on 2023); a rise in 2 of 3 sub-dimensions, the largest in "
        "8.2 Access to the Internet (+0.04), none fell.",
    ),
    (
        "01",
        "d6_public_service_delivery",
        2024,
        "Hà Nội 2024, D6 Dịch vụ công: 7,57 điểm (−0,28 so với 2023); giảm nhiều nhất ở 6.2 Giáo dục tiểu học công "
        "lập (−0,24), tăng nhiều nhất ở 6.4 An ninh, trật tự khu dân cư (+0,02).",
        "Ha Noi 2024, D6 Public services: 7.57 points (−0.28 on 2023); the largest fall in 6.2 Public Primary "
        "Education (−0.24), the largest rise in 6.4 Law and Order (+0.02).",
    ),
    (  # a change of definition: not split, and why
        "01",
        "d5_public_admin_procedures",
        2021,
        "Không tách D5 Thủ tục hành chính thành các chỉ số thành phần giữa 2020 và 2021: bộ chỉ số thành phần hoặc "
        "định nghĩa của chúng đã thay đổi giữa hai năm.",
        "D5 Admin. procedures is not split into sub-dimensions between 2020 and 2021: its set of sub-dimensions or "
        "their definitions changed between the two years.",
    ),
]


@pytest.mark.parametrize(("code", "dimension", "year", "vi", "en"), SUB_CHANGES)
def test_sub_dimension_sentences(
    code: str, dimension: str, year: int, vi: str, en: str, real_store: PapiStore, subs: pd.DataFrame, catalogue
) -> None:
    change = dimension_change(real_store.scores, subs, code, dimension, year, year - 1)
    for lang, expected in (("vi", vi), ("en", en)):

        def label(metric: str, lang: str = lang) -> str:
            return f"{catalogue.number(metric, year)} {catalogue.names[metric, lang]}"

        name = catalogue.name(dimension, lang, short=True)
        assert sub_change_sentence(change, _names(real_store, lang)[code], name, label, lang) == expected


RADARS = [
    (
        "01",
        2024,
        "Hà Nội 2024: cao nhất ở D6 Dịch vụ công (7,57), thấp nhất ở D7 Quản trị môi trường (2,87), trên thang 1–10.",
        "Ha Noi 2024: highest in D6 Public services (7.57), lowest in D7 Environment (2.87), on a 1–10 scale.",
    ),
    (  # missing dimensions counted apart, never as 0
        "24",
        2022,
        "Bắc Giang 2022: cao nhất ở D6 Dịch vụ công (8,08), thấp nhất ở D8 Quản trị điện tử (3,43), trên thang 1–10; "
        "không có dữ liệu ở 4 lĩnh vực.",
        "Bac Giang 2022: highest in D6 Public services (8.08), lowest in D8 E-governance (3.43), on a 1–10 scale; no "
        "data on 4 dimensions.",
    ),
    (
        "24",
        2021,
        "Bắc Giang 2021: PAPI không công bố điểm lĩnh vực nào.",
        "Bac Giang 2021: PAPI published no dimension score.",
    ),
]


@pytest.mark.parametrize(("code", "year", "vi", "en"), RADARS)
def test_radar_sentences(code: str, year: int, vi: str, en: str, real_store: PapiStore, catalogue: Metrics) -> None:
    dims = real_store.dimensions
    metrics = [d for d, first in zip(dims["id"], dims["first_year"], strict=True) if year >= first]
    rows = real_store.scores[(real_store.scores["province_code"] == code) & (real_store.scores["year"] == year)]
    have = rows.set_index("dimension")["score"]
    scores = {m: (None if pd.isna(have.get(m)) else float(have[m])) for m in metrics}
    for lang, expected in (("vi", vi), ("en", en)):
        label = partial(catalogue.name, lang=lang, short=True)
        assert radar_sentence(_names(real_store, lang)[code], year, scores, label, lang) == expected


HISTORIES = [
    (
        "01",
        "Hà Nội: hạng 29/61 năm 2024; tốt nhất hạng 9 (2021), thấp nhất hạng 59 (2019) trong 14 năm có điểm tổng hợp.",
        "Ha Noi: rank 29 of 61 in 2024; best rank 9 (2021), lowest rank 59 (2019) over 14 years with a total.",
    ),
    (  # years without a total named; a best rank held in several years
        "22",
        "Quảng Ninh: hạng 1/61 năm 2024; tốt nhất hạng 1 (2020, 2022, 2024), thấp nhất hạng 62 (2016) trong 11 năm "
        "có điểm tổng hợp; không có dữ liệu năm 2018, 2021, 2023.",
        "Quang Ninh: rank 1 of 61 in 2024; best rank 1 (2020, 2022, 2024), lowest rank 62 (2016) over 11 years with "
        "a total; no data in 2018, 2021, 2023.",
    ),
]


@pytest.mark.parametrize(("code", "vi", "en"), HISTORIES)
def test_rank_history_sentences(code: str, vi: str, en: str, real_store: PapiStore, ranked: pd.DataFrame) -> None:
    history = rank_history(ranked, code)
    rows = [
        (int(y), None if pd.isna(r) else int(r), int(n))
        for y, r, n in zip(history["year"], history["rank"], history["n"], strict=True)
    ]
    for lang, expected in (("vi", vi), ("en", en)):
        assert rank_history_sentence(_names(real_store, lang)[code], 2024, rows, lang) == expected


def test_movers_sentence(real_store: PapiStore) -> None:
    rising, falling = movers(total_changes(real_store.scores, _dims(real_store), 2024, 2023), 3)
    assert movers_sentence(2024, 2023, rising, falling, _names(real_store, "vi"), "vi") == (
        "2024 so với 2023: tăng nhiều nhất Tây Ninh (+8,11), Bình Thuận (+4,65) và Cà Mau (+4,42); giảm nhiều nhất "
        "Bạc Liêu (−1,48), Khánh Hòa (−1,14) và Kiên Giang (−1,08)."
    )
    assert movers_sentence(2024, 2023, rising[:1], [], _names(real_store, "en"), "en") == (
        "2024 on 2023: the largest rises Tay Ninh (+8.11); the largest falls none."
    )


def test_rank_moves_in_both_languages_with_english_plurals() -> None:
    assert [rank_move(5, 2, "vi"), rank_move(5, 6, "vi"), rank_move(5, 5, "vi")] == [
        "lên 3 bậc",
        "xuống 1 bậc",
        "giữ nguyên",
    ]
    assert [rank_move(5, 2, "en"), rank_move(5, 6, "en"), rank_move(5, 5, "en")] == [
        "up 3 places",
        "down 1 place",
        "unchanged",
    ]


def test_nothing_moved_at_the_shown_precision() -> None:
    still = Change("x", TOTAL, 2024, 2023, before=5.0, after=5.001, parts=(Part("d1", 1, 1.001), Part("d2", 4, 4)))
    names = {"d1": "D1", "d2": "D2"}
    assert change_sentence(still, "X", 3, 60, names.__getitem__, "vi") == (
        "X 2024: 5,00 điểm (±0,00 so với 2023), hạng 3/60; không lĩnh vực nào thay đổi."
    )
    assert change_sentence(still, "X", 3, 60, names.__getitem__, "en").endswith("; no dimension changed.")


# --- Near-ties in ranks ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "year", "dimension", "expected"),
    [
        ("27", 2023, "d4_control_of_corruption", (11, 13, 0.0074)),  # Bắc Ninh: press 11, store 12
        ("27", 2023, "d7_environmental_governance", (35, 38, 0.0075)),  # press 35, store 37
        ("01", 2018, "d4_control_of_corruption", (55, 56, 0.0034)),  # Hà Nội: press 55, store 56
        ("01", 2024, TOTAL, None),  # no province within 0.01 points
    ],
)
def test_near_ties_below_the_published_precision(
    code: str, year: int, dimension: str, expected: tuple | None, real_store: PapiStore
) -> None:
    s = real_store.scores
    scores = s[(s["year"] == year) & (s["dimension"] == dimension) & s["score"].notna()]
    tie = near_tie(scores.set_index("province_code")["score"], code)
    if expected is None:
        assert tie is None
    else:
        assert tie is not None and tie[:2] == expected[:2] and round(tie[2], 4) == expected[2]


def test_a_chart_with_a_sentence_is_named_by_it_on_every_canvas() -> None:
    from ui.charts.common import Chart
    from ui.charts.frame import PRESENT, Frame, base_layout

    def build(frame: Frame, height: int) -> dict:
        return {"data": [], "layout": base_layout(frame, "vi", height=height)}

    frame = Frame("Hà Nội", "Điểm tổng hợp")
    said = Chart(build, frame, sentence="Hà Nội 2024: 43,77 điểm.")
    for canvas in (None, PRESENT):
        figure = said.figure() if canvas is None else said.figure(canvas)
        assert figure["layout"]["meta"]["accessible_name"] == "Hà Nội. Điểm tổng hợp. Hà Nội 2024: 43,77 điểm."
    assert Chart(build, frame).figure()["layout"]["meta"]["accessible_name"] == "Hà Nội. Điểm tổng hợp"


# --- The map and its ranking (hand-checked: Quảng Ninh 2024 total 47.821236, Kiên Giang 39.912186: 7,91 apart) -------


def _map_scores(store: PapiStore, year: int, metric: str, lang: str) -> dict[str, float | None]:
    from papi_data.overview import year_metric

    rows = year_metric(store.table("ranked_scores"), store.provinces, year, metric)
    return dict(zip(rows[f"name_{lang}"], rows["score"].astype(float), strict=True))


@pytest.mark.parametrize(
    ("year", "metric", "vi", "en"),
    [
        (
            2024,
            TOTAL,
            "Tổng hợp 2024: 61 tỉnh có dữ liệu; cao nhất Quảng Ninh (47,82), thấp nhất Kiên Giang (39,91); không có "
            "dữ liệu ở 2 tỉnh.",
            "Total 2024: 61 provinces with data; highest Quang Ninh (47.82), lowest Kien Giang (39.91); no data for 2 "
            "provinces.",
        ),
        (
            2022,
            "d7_environmental_governance",
            "Tổng hợp 2022: 63 tỉnh có dữ liệu; cao nhất Đồng Tháp (4,63), thấp nhất Hải Dương (2,82).",
            "Total 2022: 63 provinces with data; highest Dong Thap (4.63), lowest Hai Duong (2.82).",
        ),
        (2025, TOTAL, "Tổng hợp 2025: không tỉnh nào có dữ liệu.", "Total 2025: no province has data."),
    ],
)
def test_map_sentences(year: int, metric: str, vi: str, en: str, real_store: PapiStore) -> None:
    from ui.charts.sentences import map_sentence

    for lang, expected, word in (("vi", vi, "Tổng hợp"), ("en", en, "Total")):
        assert map_sentence(year, word, _map_scores(real_store, year, metric, lang), lang) == expected


def test_ranking_sentences(real_store: PapiStore) -> None:
    from ui.charts.sentences import ranking_sentence

    assert ranking_sentence(2024, "Tổng hợp", _map_scores(real_store, 2024, TOTAL, "vi"), "vi") == (
        "Tổng hợp 2024: đứng đầu Quảng Ninh, đứng cuối Kiên Giang, cách nhau 7,91 điểm (61 tỉnh có dữ liệu)."
    )
    assert ranking_sentence(2021, "Total", _map_scores(real_store, 2021, TOTAL, "en"), "en") == (
        "Total 2021: Thua Thien Hue first, Dien Bien last, 10.84 points apart (60 provinces with data)."
    )


def test_map_sentences_name_ties_as_shown_and_count_one_in_the_singular() -> None:
    from ui.charts.sentences import map_sentence, ranking_sentence

    scores = {"A": 5.004, "B": 4.996, "C": 3.0, "D": None}  # A and B both shown 5,00: tied
    assert map_sentence(2024, "D1", scores, "vi") == (
        "D1 2024: 3 tỉnh có dữ liệu; cao nhất A và B (5,00), thấp nhất C (3,00); không có dữ liệu ở 1 tỉnh."
    )
    assert map_sentence(2024, "D1", scores, "en").endswith("lowest C (3.00); no data for 1 province.")
    assert (
        ranking_sentence(2024, "D1", {"A": 5.0}, "en")
        == "D1 2024: A first, A last, 0.00 points apart (1 province with data)."
    )


# --- The profile's trend panels (Quảng Ninh has no 2023 total: its 2024 is compared with 2022) -----------------------


def _lines(store: PapiStore, code: str, metric: str) -> tuple[dict, dict]:
    s, n = store.scores, store.table("national")
    mine = s[(s["province_code"] == code) & (s["dimension"] == metric) & s["score"].notna()]
    national = n[n["dimension"] == metric]
    columns = ("mean", "q25", "q75", "min", "max")
    return {c: dict(zip(national["year"], national[c], strict=True)) for c in columns}, {
        "score": dict(zip(mine["year"], mine["score"], strict=True))
    }


@pytest.mark.parametrize(
    ("code", "vi", "en"),
    [
        (
            "01",
            [
                "Hà Nội, Điểm tổng hợp (6–60): 34,63 năm 2017 (+0,83 so với 2016); trung bình cả nước 36,56.",
                "Hà Nội, Điểm tổng hợp (8–80): 43,77 năm 2024 (−0,19 so với 2023); trung bình cả nước 43,43.",
            ],
            [
                "Ha Noi, Total score (6–60): 34.63 in 2017 (+0.83 on 2016); national mean 36.56.",
                "Ha Noi, Total score (8–80): 43.77 in 2024 (−0.19 on 2023); national mean 43.43.",
            ],
        ),
        (
            "22",
            [
                "Quảng Ninh, Điểm tổng hợp (6–60): 36,72 năm 2017 (+3,74 so với 2016); trung bình cả nước 36,56.",
                "Quảng Ninh, Điểm tổng hợp (8–80): 47,82 năm 2024 (−0,06 so với 2022); trung bình cả nước 43,43.",
            ],
            [
                "Quang Ninh, Total score (6–60): 36.72 in 2017 (+3.74 on 2016); national mean 36.56.",
                "Quang Ninh, Total score (8–80): 47.82 in 2024 (−0.06 on 2022); national mean 43.43.",
            ],
        ),
    ],
)
def test_total_panel_sentences(code: str, vi: list[str], en: list[str], real_store: PapiStore) -> None:
    from ui.charts.profile_charts import total_panels
    from ui.charts.sentences import trend_sentence

    national, mine = _lines(real_store, code, TOTAL)
    for lang, expected in (("vi", vi), ("en", en)):
        panels = total_panels(national, mine, sorted(real_store.years), lang)
        assert [trend_sentence(p, _names(real_store, lang)[code], lang) for p in panels] == expected


def test_a_trend_panel_says_why_it_compares_with_no_year() -> None:
    from ui.charts.profile_charts import segmented_panel
    from ui.charts.sentences import trend_sentence

    national = {"mean": {2019: 2.0, 2020: 2.5, 2021: 3.0}}
    broken = segmented_panel(national, {"score": {2019: 2.0, 2021: 3.125}}, [[2019, 2020], [2021]], "1.4 X")
    assert trend_sentence(broken, "A", "vi") == (
        "A, 1.4 X: 3,13 năm 2021 (không so sánh với các năm trước 2021: thang đo, định nghĩa hoặc danh sách tỉnh đã "
        "thay đổi); trung bình cả nước 3,00."
    )
    alone = segmented_panel(national, {"score": {2020: 2.5}}, [[2019, 2020, 2021]], "D7")
    assert trend_sentence(alone, "A", "en") == (
        "A, D7: 2.50 in 2020 (no earlier year on the same scale to compare with); national mean 2.50."
    )
    empty = segmented_panel({}, {}, [[2019, 2020]], "D8")
    assert trend_sentence(empty, "A", "en") == "A, D8: PAPI published no figure in the years shown."
    assert trend_sentence(empty, "A", "vi") == "A, D8: PAPI không công bố số liệu năm nào trong các năm hiển thị."


# --- The explorer's charts (Tây Ninh +8,11 and Bạc Liêu −1,48 as in the map's movers above) ---------------------------


def test_slope_sentences(real_store: PapiStore) -> None:
    from papi_data.explore import paired
    from ui.charts.sentences import slope_sentence

    pairs = paired(real_store.scores[real_store.scores["dimension"] == TOTAL], "year", 2023, 2024)
    for lang, expected in (
        (
            "vi",
            "Tổng hợp 2023 → 2024 (59 tỉnh có dữ liệu cả hai năm): tăng nhiều nhất Tây Ninh (+8,11); giảm nhiều nhất "
            "Bạc Liêu (−1,48).",
        ),
        (
            "en",
            "Total 2023 → 2024 (59 provinces with data in both years): the largest rise Tay Ninh (+8.11); the largest "
            "fall Bac Lieu (−1.48).",
        ),
    ):
        changes = pairs["second"] - pairs["first"]
        named = dict(zip(pairs["province_code"].map(_names(real_store, lang)), changes, strict=True))
        metric = "Tổng hợp" if lang == "vi" else "Total"
        assert slope_sentence(metric, 2023, 2024, named, lang) == expected
    assert slope_sentence("D1", 2023, 2024, {"A": 0.004, "B": 0.5, "C": 0.496}, "en") == (
        "D1 2023 → 2024 (3 provinces with data in both years): the largest rise B and C (+0.50); the largest fall none."
    )


def test_scatter_sentences(real_store: PapiStore) -> None:
    from papi_data.explore import linear_fit, paired
    from ui.charts.sentences import scatter_sentence

    pairs = paired(real_store.scores[real_store.scores["year"] == 2024], "dimension", *_dims(real_store)[:2])
    fit = linear_fit(pairs["first"], pairs["second"])
    assert fit is not None and round(fit.r, 4) == 0.7194
    assert scatter_sentence(2024, "D1", "D2", len(pairs), fit.r, "vi") == (
        "D1 và D2 năm 2024: 61 tỉnh có dữ liệu cả hai; hệ số tương quan Pearson r = 0,72."
    )
    assert scatter_sentence(2024, "D1", "D2", 1, None, "en") == (
        "D1 and D2 in 2024: 1 province with data on both; too few provinces or no spread for a correlation."
    )


# --- The planner's ladder (Hà Nội 2024: 43,77, rank 29/61; rank 10 needs 45,19: 18 passed, 1 tied, as in
# tests/unit/test_planner.py) ----------------------------------------------------------------------------------------


def test_planner_sentences(plan_rows: pd.DataFrame) -> None:
    from papi_data.plans.planner import Goal, answer, year_scores
    from ui.charts.sentences import planner_sentence

    latest = year_scores(plan_rows, 2024)
    rank_10 = answer(latest, Goal("01", TOTAL, "rank", 10, "best", 0.0))
    assert planner_sentence("Hà Nội", rank_10, "vi") == (
        "Hà Nội 2024: 43,77 điểm, hạng 29/61; mục tiêu cần 45,19 điểm (+1,41), vượt 18 tỉnh và ngang 1 tỉnh."
    )
    assert planner_sentence("Ha Noi", rank_10, "en") == (
        "Ha Noi 2024: 43.77 points, rank 29 of 61; the goal needs 45.19 points (+1.41), passing 18 provinces and "
        "tying with 1 province."
    )
    met = answer(latest, Goal("72", TOTAL, "score", 10, "best", 45.0))
    assert planner_sentence("Tây Ninh", met, "vi") == (
        "Tây Ninh 2024: 47,35 điểm, hạng 2/61; đã đạt mục tiêu (cần từ 45,00 điểm)."
    )
    beyond = answer(latest, Goal("01", TOTAL, "score", 10, "best", 81.0))
    assert planner_sentence("Ha Noi", beyond, "en").endswith(
        "; the goal is beyond the scale, even with the other provinces unchanged."
    )
