"""AppTest: Kế hoạch và kết quả / Plans and results, for every plan in both languages, the filter, and bad links."""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest

from papi_data.build import build
from papi_data.store.paths import SOURCES_DIR
from tests.app.conftest import find, open_app

PAGE = "pages/plans.py"
# plan → number of targets, charts drawn
PLANS = {
    "hn-2021-rise-5": (1, 1),
    "hn-2022-tb441": (1, 1),
    "hn-2023-kh157": (1, 1),
    "bn-2020-kh176": (1, 1),
    "hcm-2024-papi": (3, 3),
    "laocai-2021-kh246": (6, 6),
    "kontum-2021-tu": (1, 1),
    "nghean-2019-tu": (1, 1),
    "tayninh-2021-da": (1, 1),
    "laichau-2025-kh1331": (1, 1),
    "caobang-2025-kh2163": (2, 2),
    "tayninh-2025-kh315": (1, 1),
}
SUMMARISED = {"laocai-2021-kh246", "kontum-2021-tu", "nghean-2019-tu", "tayninh-2021-da", "laichau-2025-kh1331"}
SUMMARISED |= {"caobang-2025-kh2163", "tayninh-2025-kh315"}
TARGET_WORD = {"vi": "Mục tiêu", "en": "Target"}
ALL_ROWS = 29  # every target year of every plan


def plain(text: str) -> str:
    """Markdown source as the reader sees it (the page escapes every Markdown character of data text)."""
    return re.sub(r"\\(.)", r"\1", text)


def texts(at) -> str:
    return plain(
        "\n".join(
            e.value for e in [*at.markdown, *at.caption, *at.warning, *at.info, *at.error, *at.title, *at.subheader]
        )
    )


def overview(at) -> pd.DataFrame:
    """The overview table (Markdown in the block keyed plans_overview) as the reader sees it: one row per line, each
    status cell without its background directive."""
    block = find(at.main, "plans_overview")
    assert block is not None
    lines = block.markdown[0].value.splitlines()
    split = [[plain(c.strip()) for c in re.split(r"(?<!\\)\|", line)[1:-1]] for line in lines]
    rows = [[re.sub(r"^:[a-z]+-background\[(.*)\]$", r"\1", c) for c in row] for row in split[2:]]
    return pd.DataFrame(rows, columns=split[0])


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("plan", list(PLANS))
def test_each_plan_in_both_languages(plan: str, lang: str, store) -> None:
    at = open_app(PAGE, plan=plan, lang=lang)
    assert not at.exception
    assert at.query_params["plan"] == plan and at.query_params["province"] == "all"
    card = store.plans.set_index("id").loc[plan]
    headings = [plain(s.value) for s in at.subheader]
    assert card[f"title_{lang}"] in headings
    targets = store.targets[store.targets["plan_id"] == plan]
    numbered = [h for h in headings if re.match(rf"{TARGET_WORD[lang]} \d+: ", h)]
    assert len(numbered) == len(targets) == PLANS[plan][0]
    shown = texts(at)
    quotes = [plain(m.value) for m in at.markdown if m.value.startswith("> ")]
    if plan in SUMMARISED:  # a summary in our words, with its source: never shown as a quotation
        assert quotes == []
        assert ("Tóm tắt (bằng lời của chúng tôi" if lang == "vi" else "Summary (in our words") in shown
        assert card[f"summary_{lang}"] in shown and card["source_url"] in shown
    else:
        assert quotes == [f"> {q}" for q in targets["quote_vi"]]  # quoted verbatim, as a blockquote
    if targets[f"interpretation_{lang}"].notna().any():
        assert ("Cách hiểu của chúng tôi:" if lang == "vi" else "Our reading:") in shown
    assert len(at.get("plotly_chart")) == PLANS[plan][1]
    assert len(overview(at)) == ALL_ROWS
    links = at.get("link_button")
    assert len(links) == (0 if pd.isna(card["source_url"]) else 1)


def test_hanoi_targets_in_the_overview() -> None:
    rows = overview(open_app(PAGE)).set_index(["Tỉnh/thành phố", "Năm"])
    hanoi = rows.loc["Hà Nội"]
    assert hanoi.loc["2021", "Trạng thái"] == "✔ Đạt"
    assert hanoi.loc["2021", "Kết quả so với mục tiêu"] == "Hạng 9/60, mục tiêu ≤ 43: vượt 34 bậc"
    assert hanoi.loc["2023", "Trạng thái"] == "✘ Không đạt"
    assert hanoi.loc["2023", "Kết quả so với mục tiêu"] == "Hạng 15/61, mục tiêu ≤ 11: thiếu 4 bậc"
    bac_ninh = rows.loc["Bắc Ninh"]
    assert bac_ninh.loc["2021", "Trạng thái"] == "— Không có dữ liệu"
    assert bac_ninh.loc["2025", "Trạng thái"] == "○ Chưa có kết quả"
    assert "địa giới đổi từ 1/7/2025" in bac_ninh.loc["2025", "Kết quả so với mục tiêu"]


def test_hanoi_2023_card_shows_the_gap_and_what_it_would_take() -> None:
    at = open_app(PAGE, plan="hn-2023-kh157", lang="en")
    shown = texts(at)
    assert ":red-badge[✘ Missed] **2023**: Rank 15 of 61, target ≤ 11: 4 places short" in shown
    assert "In 2023: 0.29 more total points would have met the target" in shown
    assert "Number:** 157/KH-UBND" in shown and "Issued on:** 26 May 2023" in shown


@pytest.mark.parametrize(
    ("plan", "lang", "article"),
    [
        (
            "hn-2023-kh157",
            "vi",
            "**Bài báo:** “Hà Nội: Nâng cao chỉ số Hiệu quả quản trị và hành chính công năm 2023”"
            " · Hà Nội portal · 8/6/2023",
        ),
        (
            "bn-2020-kh176",
            "en",
            "**Article:** “Bắc Ninh: Nâng cao hiệu quả quản trị và hành chính công cấp tỉnh giai"
            " đoạn 2020 – 2025” · Cổng thông tin điện tử tỉnh Bắc Ninh · 19 June 2020",
        ),
        ("hn-2021-rise-5", "vi", "**Bài báo:** bài báo không có tiêu đề · Công luận"),
    ],
)
def test_a_quoted_plan_card_names_its_article_never_its_file(plan: str, lang: str, article: str) -> None:
    at = open_app(PAGE, plan=plan, lang=lang)
    shown = texts(at)
    assert article in shown
    assert ".txt" not in shown


def test_bac_ninh_card_says_the_2025_result_is_for_the_merged_province() -> None:
    at = open_app(PAGE, plan="bn-2020-kh176")
    assert len(at.warning) == 1
    assert "Bắc Ninh cùng Bắc Giang hợp thành tỉnh Bắc Ninh mới" in plain(at.warning[0].value)
    assert ":orange-badge[○ Chưa có kết quả] **2025**" in texts(at)


def test_province_filter_narrows_the_table_and_the_plans() -> None:
    at = open_app(PAGE, province="79")
    assert not at.exception
    assert set(overview(at)["Tỉnh/thành phố"]) == {"TP. Hồ Chí Minh"}
    assert at.query_params["plan"] == "hcm-2024-papi"  # the link's default plan was another province's
    assert at.selectbox(key="w_plan").options == ["TP. Hồ Chí Minh · Kế hoạch năm 2024 (không nêu số hiệu)"]
    at.selectbox(key="w_province").set_value("27").run()
    assert at.query_params["province"] == "27" and at.query_params["plan"] == "bn-2020-kh176"
    assert len(overview(at)) == 6
    at.selectbox(key="w_province").set_value("all").run()
    assert len(overview(at)) == ALL_ROWS and at.query_params["plan"] == "bn-2020-kh176"


def test_region_and_status_filters() -> None:
    at = open_app(PAGE, region="northern_midlands_mountains")
    assert set(overview(at)["Tỉnh/thành phố"]) == {"Lào Cai", "Lai Châu", "Cao Bằng"}
    assert at.query_params["plan"] == "caobang-2025-kh2163"  # the newest plan the filter keeps (12/7/2025)
    at.selectbox(key="w_status").set_value("missed").run()
    rows = overview(at)
    assert set(rows["Trạng thái"]) == {"✘ Không đạt"} and set(rows["Tỉnh/thành phố"]) == {"Lào Cai"}
    assert at.query_params["status"] == "missed" and at.query_params["plan"] == "laocai-2021-kh246"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["✘ Không đạt"] == "6" and metrics["✔ Đạt"] == "0"
    at.selectbox(key="w_status").set_value("no_data").run()  # no plan of the region lacks data
    assert not at.exception and "Không có kế hoạch nào khớp bộ lọc" in at.info[-1].value
    assert find(at.main, "plans_overview") is None


def test_a_plan_with_several_targets_for_one_year() -> None:
    """Lào Cai 2021: six targets (score, group, first in Tây Bắc, top three of the region, seven dimensions, D4), each
    with its verdict and fair comparison, and the plan's count."""
    at = open_app(PAGE, plan="laocai-2021-kh246")
    shown = texts(at)
    assert "**2021: 0/6 đạt**" in shown
    assert ":red-badge[✘ Không đạt] **2021**: 40,15 điểm, mục tiêu ≥ 45,33: thiếu 5,18 điểm" in shown
    assert "Hạng 4/6 trong các tỉnh Tây Bắc, mục tiêu ≤ 1: thiếu 3 bậc" in shown
    assert "Hạng 10/13 trong các tỉnh vùng Trung du và miền núi phía Bắc, mục tiêu ≤ 3: thiếu 7 bậc" in shown
    assert "0/8 lĩnh vực đạt (cần ít nhất 7)" in shown
    assert "So sánh công bằng: −2,80; cả nước −0,37 (2020 → 2021)" in shown
    assert "So sánh công bằng: 25 → 49 trong cùng 60 tỉnh có dữ liệu cả năm 2020 và 2021" in shown
    assert len(at.get("plotly_chart")) == 6


def test_hcm_shows_both_readings_and_which_sets_the_status() -> None:
    at = open_app(PAGE, plan="hcm-2024-papi", lang="en")
    shown = texts(at)
    assert ":green-badge[✔ Achieved] **2024**: 42.81 points, target > 41.78: 1.04 points ahead" in shown
    assert "Fair comparison: +1.04; national mean +1.01 (2023 → 2024)" in shown
    assert "Read by rank: ✘ Missed · Rank 41 of 61, target ≤ 35: 6 places short" in shown
    assert "the total score sets the status because" in shown


def test_undated_plan_shows_the_verdict_from_each_plausible_baseline() -> None:
    shown = texts(open_app(PAGE, plan="hn-2021-rise-5"))
    assert "Hạng 9/60, mục tiêu ≤ 43: vượt 34 bậc" in shown
    assert "Nếu năm gốc là 2019: ✔ Đạt · Hạng 9/60, mục tiêu ≤ 54: vượt 45 bậc" in shown
    assert "45 → 9 trong cùng 60 tỉnh" in shown


def test_merged_tay_ninh_shows_the_old_provinces_with_their_own_figures() -> None:
    at = open_app(PAGE, plan="tayninh-2025-kh315")
    shown = texts(at)
    assert "Tây Ninh năm 2024: 47,35 điểm, Hạng 2/61, Nhóm cao nhất" in shown
    assert "Long An năm 2024: 42,29 điểm, Hạng 45/61, Nhóm trung bình thấp" in shown
    assert ":orange-badge[○ Chưa có kết quả] **2025**" in shown
    assert "Cần gì để đạt" not in shown  # the old Tây Ninh's figures say nothing of the new province's needs


def test_plan_choice_moves_into_the_url() -> None:
    at = open_app(PAGE)
    assert at.query_params["plan"] == "tayninh-2025-kh315"  # the newest plan of all by default
    at.selectbox(key="w_plan").set_value("hn-2022-tb441").run()
    assert at.query_params["plan"] == "hn-2022-tb441"
    assert "Hà Nội · Thông báo 441/TB-VP" in [plain(o) for o in at.selectbox(key="w_plan").options]


@pytest.mark.parametrize(
    "params", [{"plan": "xyz"}, {"province": "99"}, {"plan": "<script>alert(1)</script>"}, {"province": "01 OR 1"}]
)
def test_bad_link_falls_back_with_a_notice(params: dict[str, str]) -> None:
    at = open_app(PAGE, **params)
    assert not at.exception
    name = next(iter(params))
    assert len([w for w in at.warning if f"“{name}”" in w.value]) == 1
    assert "<script>" not in texts(at)
    assert at.query_params["province"] == "all" and at.query_params["plan"] == "tayninh-2025-kh315"


def test_language_switch_keeps_the_plan() -> None:
    at = open_app(PAGE, plan="hcm-2024-papi")
    at.sidebar.segmented_control[0].set_value("en").run()
    assert at.query_params["lang"] == "en" and at.query_params["plan"] == "hcm-2024-papi"
    assert "✔ Achieved" in set(overview(at)["Status"])


def test_a_store_without_plans_says_so(tmp_path, monkeypatch) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES_DIR, sources)
    (sources / "plans.yaml").write_text("plans: []\n", encoding="utf-8")  # synthetic: nobody's plan yet
    build(sources, target=tmp_path / "store")
    monkeypatch.setenv("PAPI_STORE_DIR", str(tmp_path / "store"))
    at = open_app(PAGE)
    assert not at.exception
    assert "plans.yaml" in at.info[0].value and not at.markdown


def test_a_plan_of_another_province_is_replaced_with_a_notice() -> None:
    at = open_app(PAGE, province="27", plan="hcm-2024-papi")
    assert at.query_params["plan"] == "bn-2020-kh176"
    notice = at.warning[0].value  # (Bắc Ninh's plan then warns of the 2025 merger too)
    assert "không thuộc tỉnh đã chọn" in notice and "Kế hoạch 176/KH-UBND" in notice and "hcm" not in notice
