"""The explorer's downloads: the table as the reader sees it, and its CSV (a plain table), Excel and Parquet bytes read
back, the last two with the note of filters, date and citation; Vietnamese intact, missing values empty (never 0)."""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import unicodedata
import zipfile

import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest

from papi_data.citation import citation
from papi_data.explore import Filters, apply_filters, explorer_table, summarise, with_base_change
from papi_data.ranking import with_ranks
from papi_data.stats import with_change
from papi_data.subdimensions import metric_rows
from ui.core.i18n import t
from ui.core.metrics import build_metrics
from ui.explorer.downloads import (
    COLUMNS,
    Note,
    _column_letter,
    download_note,
    score_range_text,
    to_csv,
    to_package,
    to_parquet,
    to_xlsx,
    view_table,
)

FILTERS = Filters(years=(2020, 2022), metrics=("total", "d1_participation"), regions=("red_river_delta",))
NUMBERS = ["score", "rank", "n", "change_prev", "change_base", "se", "ci90_low", "ci90_high", "respondents"]


@pytest.fixture(scope="module")
def named(ranked, real_store) -> pd.DataFrame:
    """The real scores and sub-dimension scores with names and the total's intervals, as the build's explorer_table
    gives them to the page."""
    names = real_store.provinces[["code", "name_vi", "name_en", "region_id"]].rename(columns={"code": "province_code"})
    subs = with_change(with_ranks(metric_rows(real_store.subdimension_scores, real_store.subdimension_periods)))
    table = explorer_table(ranked, subs, real_store.uncertainty)
    return table.merge(names, on="province_code", how="left")


@pytest.fixture(scope="module")
def metrics(real_store):
    return build_metrics(
        real_store.dimensions, real_store.subdimensions, real_store.subdimension_periods, max(real_store.years)
    )


@pytest.fixture(scope="module", params=["vi", "en"])
def lang(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def view(named, real_store, metrics, lang) -> pd.DataFrame:
    rows = apply_filters(with_base_change(named, 2020), real_store.provinces, FILTERS)
    return view_table(rows, real_store.regions, metrics, lang, 2020)


CITATION = "PAPI 2020–2022 — CECODES, VFF-CRT, RTA & UNDP, papi.org.vn"  # what papi_data.citation gives these years


def test_the_note_cites_the_years_it_holds(real_store) -> None:
    assert citation(real_store.report_partners, real_store.partners, range(2020, 2023), "vi") == CITATION


@pytest.fixture(scope="module")
def note(named, real_store, metrics, lang) -> Note:
    shown = apply_filters(named, real_store.provinces, FILTERS)
    return download_note(
        FILTERS,
        "",
        2020,
        summarise(named, real_store.provinces, FILTERS, shown),
        metrics=metrics,
        regions=real_store.regions,
        provinces=real_store.provinces,
        lang=lang,
        created=dt.date(2025, 5, 1),
        link="http://localhost:8501/kham-pha?years=2020-2022",
        citation=CITATION,
        interval_years=(2019, 2022, 2023),
    )


def rows_of(frame: pd.DataFrame) -> list[tuple]:
    """Each row as a tuple with missing values as None and numbers as floats, for comparing a file with the view."""
    numeric = {*NUMBERS, "year", "base_year"}
    columns = [
        [None if pd.isna(v) else float(v) if name in numeric else v for v in frame[name].tolist()] for name in COLUMNS
    ]
    return list(zip(*columns, strict=True))


# --- the table ----------------------------------------------------------------------------------------------------


def test_view_has_the_stable_columns_and_the_filtered_rows(view, lang) -> None:
    assert list(view.columns) == COLUMNS
    assert len(view) == 2 * 3 * 11  # two metrics, three years, the 11 provinces of the Red River Delta
    assert view["source"].str.startswith("github:tunah72/papi-dashboard").all()
    hanoi = view[(view["province_code"] == "01") & (view["year"] == 2022) & (view["metric"] == "total")].iloc[0]
    assert hanoi["province_vi"] == "Hà Nội" and hanoi["province_en"] == "Ha Noi"
    assert hanoi["rank_of"] == f"{hanoi['rank']}/{hanoi['n']}"
    assert hanoi["metric_name"] == {"vi": "Điểm tổng hợp", "en": "Total score"}[lang]
    assert hanoi["scale"] == {"vi": "thang 8–80", "en": "scale 8–80"}[lang]
    assert hanoi["region"] == {"vi": "Đồng bằng sông Hồng", "en": "Red River Delta"}[lang]


def test_view_carries_the_published_interval_of_the_total_with_its_source(view, lang) -> None:
    hanoi = view[(view["province_code"] == "01") & (view["metric"] == "total")].set_index("year")
    assert hanoi.at[2022, "ci90_low"] == pytest.approx(43.518097) and hanoi.at[2022, "respondents"] == 1102
    assert hanoi.at[2022, "ci90_high"] - hanoi.at[2022, "ci90_low"] == pytest.approx(
        2 * 1.645 * hanoi.at[2022, "se"], abs=1e-4
    )
    assert hanoi.at[2022, "interval_source"].startswith("github:HungNT1st/CS571_Project")
    assert hanoi.at[2022, "interval_source"].endswith("papi_total_ci_2018_2019_2022_2023.csv:126")
    for year in (2020, 2021):  # PAPI published no interval: left empty, never computed
        assert hanoi.loc[year, ["se", "ci90_low", "ci90_high", "respondents", "interval_source"]].isna().all()
    dimension = view[view["metric"] == "d1_participation"]
    assert dimension[["se", "ci90_low", "interval_source"]].isna().all().all()


def test_view_carries_sub_dimensions_under_their_dimension_with_their_scale_and_source(
    named, real_store, metrics, lang
) -> None:
    filters = Filters(years=(2015, 2021), metrics=("d3.peoples_inspection_boards", "d5.land_titles"), provinces=("01",))
    rows = apply_filters(with_base_change(named, 2015), real_store.provinces, filters)
    view = view_table(rows, real_store.regions, metrics, lang, 2015)
    assert set(view["parent_dimension"]) == {"d3_vertical_accountability", "d5_public_admin_procedures"}
    assert view["source"].str.startswith("github:hnks-gh/ml-mcdm").all()
    land = view[view["metric"] == "d5.land_titles"].set_index("year")
    assert land.at[2020, "scale"] == {"vi": "thang 0,25–2,5", "en": "scale 0.25–2.5"}[lang]
    assert land.at[2021, "scale"] == {"vi": "thang 0,33–3,33", "en": "scale 0.33–3.33"}[lang]
    assert land.at[2019, "rank_of"].endswith("/63")
    boards = view[view["metric"] == "d3.peoples_inspection_boards"]
    assert set(boards["year"]) == {2015, 2016, 2017}  # not measured from 2018: no rows, never a 0
    name = {"vi": "D3 › Ban Thanh tra nhân dân †", "en": "D3 › People's Inspection Boards"}[lang]
    assert set(boards["metric_name"]) == {name}  # the Vietnamese name is the project's translation: marked


def test_view_leaves_missing_values_missing(view) -> None:
    bac_ninh = view[(view["province_code"] == "27") & (view["year"] == 2021)]
    assert len(bac_ninh) == 2  # the province-year PAPI did not publish is listed, not dropped
    for column in ["score", "rank", "rank_of", "group", "change_prev", "change_base"]:
        assert bac_ninh[column].isna().all(), column
    assert not (view[NUMBERS].fillna(1) == 0).all(axis=1).any()  # no row turned into zeros


# --- the three files ----------------------------------------------------------------------------------------------


def test_csv_is_a_plain_table_with_a_bom(view) -> None:
    """One header row, no comment lines (the note is in the data package): pandas reads it without options."""
    data = to_csv(view)
    assert data.startswith(b"\xef\xbb\xbfprovince_code,")
    text = data.decode("utf-8-sig")
    assert unicodedata.is_normalized("NFC", text) and not any(line.startswith("#") for line in text.splitlines())
    back = pd.read_csv(io.BytesIO(data), dtype={"province_code": str})
    assert list(back.columns) == COLUMNS
    assert rows_of(back) == rows_of(view)
    assert "Hà Nội" in set(back["province_vi"])
    empty = back[(back["province_code"] == "27") & (back["year"] == 2021)]
    assert empty["score"].isna().all()  # an empty cell, never 0


def test_xlsx_reads_back_with_a_notes_sheet(view, note, lang) -> None:
    data = to_xlsx(view, note)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == list(note.sheet_names)
    sheet = book[note.sheet_names[0]]
    assert [c.value for c in sheet[1]] == COLUMNS and sheet["A1"].font.b
    assert sheet.freeze_panes == "A2"
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows_of(pd.DataFrame(values, columns=COLUMNS)) == rows_of(view)
    assert isinstance(sheet["J2"].value, float) and isinstance(sheet["A2"].value, str)  # scores numbers, codes text
    notes = {row[0]: row[1] for row in book[note.sheet_names[1]].iter_rows(min_row=2, values_only=True)}
    assert notes == dict(note.lines)
    assert pd.read_excel(io.BytesIO(data), sheet_name=0).shape == view.shape


def test_parquet_reads_back_with_the_note_in_its_metadata(view, note) -> None:
    table = pq.read_table(io.BytesIO(to_parquet(view, note)))
    back = table.to_pandas()
    assert rows_of(back) == rows_of(view)
    assert str(back["rank"].dtype) == "Int16"
    metadata = table.schema.metadata
    assert json.loads(metadata[b"papi_note"]) == [list(line) for line in note.lines]
    assert metadata[b"papi_citation"].decode() == CITATION and metadata[b"papi_title"].decode() == note.title


def test_xlsx_escapes_text_and_drops_characters_xml_cannot_hold() -> None:
    frame = pd.DataFrame({"text": ["a < b & c", "bell\x07", "Thừa Thiên Huế"], "x": [1.5, None, 3]})
    data = to_xlsx(frame, Note("t", (("k", "v"),), CITATION))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {"xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"} <= set(archive.namelist())
    rows = list(openpyxl.load_workbook(io.BytesIO(data))["Data"].iter_rows(min_row=2, values_only=True))
    assert rows == [("a < b & c", 1.5), ("bell", None), ("Thừa Thiên Huế", 3)]


@pytest.mark.parametrize(("index", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")])
def test_column_letters(index: int, letters: str) -> None:
    assert _column_letter(index) == letters


# --- the note -----------------------------------------------------------------------------------------------------


def test_note_names_filters_date_link_and_citation(note, lang) -> None:
    lines = dict(note.lines)
    assert lines[note.lines[0][0]] == "2020–2022"
    words = {
        "vi": ("Điểm tổng hợp, D1 Tham gia", "Đồng bằng sông Hồng", "Tất cả"),
        "en": ("Total score, D1 Part", "Red River Delta", "All"),
    }
    metrics, region, every = words[lang]
    assert list(lines.values())[1].startswith(metrics) and list(lines.values())[2] == region
    assert list(lines.values())[3] == every  # no group filter
    assert CITATION in lines.values() and "2025-05-01" in lines.values()
    assert "http://localhost:8501/kham-pha?years=2020-2022" in lines.values()


def test_note_names_the_provinces_a_search_found(named, real_store, metrics) -> None:
    filters = Filters(years=(2024, 2024), provinces=("01", "79"))
    shown = apply_filters(named, real_store.provinces, filters)
    note = download_note(
        filters,
        "ha noi, hcm",
        2018,
        summarise(named, real_store.provinces, filters, shown),
        metrics=metrics,
        regions=real_store.regions,
        provinces=real_store.provinces,
        lang="vi",
        created=dt.date(2025, 5, 1),
        link="x",
        citation=CITATION,
    )
    assert "tìm “ha noi, hcm”: Hà Nội, TP. Hồ Chí Minh" in dict(note.lines).values()


def test_score_range_in_words_gives_each_eras_totals() -> None:
    assert score_range_text((4.0, 6.0), "vi") == "4,0–6,0 (điểm tổng hợp 24,0–36,0 trước 2018, 32,0–48,0 từ 2018)"
    assert score_range_text((4.5, 7.0), "en") == "4.5–7.0 (totals 27.0–42.0 before 2018, 36.0–56.0 from 2018)"


def test_every_download_carries_the_data_s_copyright_and_licences(view, note, lang) -> None:
    rights = {"vi": "Số liệu PAPI © CECODES, VFF-CRT, RTA và UNDP", "en": "PAPI data © CECODES, VFF-CRT, RTA & UNDP"}
    assert dict(note.lines)[{"vi": "Bản quyền và giấy phép", "en": "Copyright and licences"}[lang]].startswith(
        rights[lang]
    )
    with zipfile.ZipFile(io.BytesIO(to_package(view, note, "papi", lang))) as package:  # the CSV's data package
        assert any(rights[lang] in package.read(name).decode("utf-8-sig") for name in package.namelist())
    assert rights[lang] in pq.read_schema(io.BytesIO(to_parquet(view, note))).metadata[b"papi_note"].decode()
    with zipfile.ZipFile(io.BytesIO(to_xlsx(view, note))) as book:
        assert rights[lang] in html.unescape(book.read("xl/sharedStrings.xml").decode("utf-8"))
    assert "no licence file" in t("ex_note_rights_text", "en") and "MIT" in t("ex_note_rights_text", "vi")
