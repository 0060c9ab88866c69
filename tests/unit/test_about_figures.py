"""The about page's tables and the home page's mean, as text and frames (ui.about.text, ui.core.published_figures), from
the real store built into a temporary folder: the partners by year, the store's counts, the published means, group
sizes and press figures beside the store's."""

from __future__ import annotations

import pytest

from papi_data.published import group_size_check, national_mean, press_comparison, press_counts
from ui.about import text as about_text
from ui.core import published_figures as figures


def test_printed_figures_keep_their_decimals_in_the_reader_s_convention() -> None:
    assert figures.printed("42.3265", "vi") == "42,3265" and figures.printed("42.3265", "en") == "42.3265"


def test_a_web_source_is_a_link_named_by_its_site() -> None:
    assert figures.source_text("https://www.vietnam.vn/a?b=1") == "[vietnam.vn](https://www.vietnam.vn/a?b=1)"
    assert figures.source_text("ddcilaocai.vn") == "ddcilaocai.vn"


def test_the_home_mean_is_labelled_exactly(ranked, real_store) -> None:
    mean = national_mean(ranked, real_store.published_means, 2023)
    assert mean.label("vi") == "trung bình cộng của 61 tỉnh có dữ liệu"
    assert [p.printed for p in mean.published] == ["42.3265"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_means_table_puts_each_published_mean_beside_the_store_s(ranked, real_store, lang: str) -> None:
    years = sorted(int(y) for y in real_store.published_means["year"].unique())
    table = figures.means_table(ranked, real_store.published_means, years, lang)
    assert len(table) == len(real_store.published_means)  # 2022 has two published figures: two rows
    row = table[table.iloc[:, 0] == "2023"].iloc[0]
    assert (
        list(row.iloc[1:6])
        == {
            "vi": ["42,4212", 61, "42,3265", "42,3265", "là trung vị của các tỉnh, không phải trung bình"],
            "en": ["42.4212", 61, "42.3265", "42.3265", "the provinces' median, not their mean"],
        }[lang]
    )


def test_groups_table_reproduces_every_published_size_and_says_how(ranked, real_store) -> None:
    names = real_store.provinces.set_index("code")["name_vi"].to_dict()
    table = figures.groups_table(group_size_check(ranked, real_store.published_group_sizes), names, "vi")
    assert len(table) == 17 and (table.iloc[:, 2] == table.iloc[:, 3]).all() and (table.iloc[:, 5] == "").all()
    basis = dict(zip(table.iloc[:, 0], table.iloc[:, 4], strict=False))
    assert basis["2022"] == "khoảng điểm PAPI công bố" and basis["2019"] == "phân vị do ứng dụng tính (Hazen)"


def test_press_summary_and_table(ranked, real_store) -> None:
    comparison = press_comparison(real_store.press_figures, ranked)
    counts = press_counts(comparison)
    summary = figures.press_summary(counts, "en")
    assert f"printed {counts.figures} PAPI figures" in summary and f"{counts.agree} agree" in summary
    assert figures.press_reasons(counts, "vi").count("\n") == len(counts.by_reason) - 1
    names = real_store.provinces.set_index("code")["name_en"].to_dict()
    differ = figures.press_table(comparison, names, "en", differing_only=True)
    assert len(differ) == counts.figures - counts.agree
    swapped = differ[differ["How it relates to the store"] == "two digits swapped"].iloc[0]
    assert (swapped["Printed"], swapped["Store"]) == ("44.51", "44.15")
    national = differ[differ["Province"] == "National (mean)"]
    assert national["How it relates to the store"].tolist() == ["the provinces' median, not their mean"]


def test_partners_by_report_year(real_store) -> None:
    table = about_text.partners_table(real_store, "vi")
    assert table.iloc[:, 0].tolist() == ["2011–2016", "2017–2022", "2023", "2024"]
    assert "Trung tâm Bồi dưỡng cán bộ và Nghiên cứu khoa học MTTQ Việt Nam (VFF-CRT)" in table.iloc[0, 1]
    assert "VFF-CRT" not in table.iloc[2, 1] and "(RTA)" in table.iloc[2, 1]
    assert table.iloc[3, 2].startswith("giả định")  # 2024: no document names its partners
    english = about_text.partners_table(real_store, "en")
    assert "Centre for Research and Training of the Viet Nam Fatherland Front (VFF-CRT)" in english.iloc[1, 1]


@pytest.mark.parametrize(("lang", "rows", "scores"), [("vi", "7.056", "6.963"), ("en", "7,056", "6,963")])
def test_the_sources_give_the_store_s_rows_and_scores(real_store, lang: str, rows: str, scores: str) -> None:
    text = about_text.sources(real_store, lang)
    assert f"{rows} " in text and f"{scores} " in text
    assert "CC BY-SA 4.0" in text and ("nhìn chung" in text if lang == "vi" else "generally CC BY-SA 4.0" in text)
    assert "PAPI 2024 — CECODES, RTA & UNDP (" in text and ", papi.org.vn" in text  # 2024: partners assumed
    assert (
        "© CECODES, VFF-CRT, RTA" in text and ("không có tệp giấy phép" if lang == "vi" else "no licence file") in text
    )
