"""The store build: the real sources, every rejection rule, and the atomic write / load_store contract.

Every build here writes into a pytest temporary folder, never into papi_data/built/. Rejection tests edit a private
copy of papi_data/sources (the `sources_copy` fixture); the edits are synthetic breakages, made by the helpers below.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import pyarrow.parquet as pq
import pytest

from papi_data.build import assemble, build, main, write_store
from papi_data.store.files import build_folder, current_build
from papi_data.store.load import PapiStore, StoreUnavailable, load_store
from papi_data.store.paths import MANIFEST, SOURCES_DIR
from papi_data.store.problems import SourceProblem, SourceRejected
from papi_data.store.schema import DERIVED_TABLES, SCHEMA_VERSION, TABLES

SCORES = "papi_scores_long.csv"
PROVINCES = "provinces_63.csv"
REGIONS = "regions.csv"
MAPPING = "province_mapping_63_to_34.csv"
YEARS = list(range(2011, 2025))
D1, D2, D3 = "d1_participation", "d2_transparency", "d3_vertical_accountability"
D4, D5, D6 = "d4_control_of_corruption", "d5_public_admin_procedures", "d6_public_service_delivery"
D7, D8 = "d7_environmental_governance", "d8_e_governance"
DIMS_2011 = [D1, D2, D3, D4, D5, D6]
DIMS_2018 = [*DIMS_2011, D7, D8]
STORE_ROWS = {  # rows per table built from the real sources
    "provinces": 63,
    "regions": 6,
    "dimensions": 8,
    "scores": 7056,
    "plans": 12,
    "targets": 20,
    "subdimensions": 31,
    "subdimension_periods": 40,
    "subdimension_scores": 21891,
    "uncertainty": 187,
    "published_means": 7,
    "published_group_sizes": 17,
    "press_figures": 57,
    "partners": 4,
    "report_partners": 48,
    # the derived tables (papi_data/derived.py)
    "ranked_scores": 7056,
    "ranked_subdimensions": 21891,
    "national": 464,
    "group_bands": 56,
    "near_ties": 3593,
    "total_changes": 20608,
    "rank_ranges": 185,
    "explorer_table": 28947,
    "colour_ranges": 928,
    "plan_table": 28947,
    "plan_evaluation": 32,
    "plan_checks": 18,
    "target_ranks": 168,
    "target_bands": 560,
}


# --- helpers: read and edit one CSV by physical line number (line 1 is the header) ------------------------------------


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def _fields(line: str) -> list[str]:
    return next(csv.reader([line]))


def _render(fields: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(fields)
    return buffer.getvalue()


def header(path: Path) -> list[str]:
    return _fields(_lines(path)[0])


def row_at(path: Path, line: int) -> dict[str, str]:
    return dict(zip(header(path), _fields(_lines(path)[line - 1]), strict=True))


def find_line(path: Path, **where: object) -> int:
    """The line number of the first row whose cells equal `where` (values compared as text)."""
    columns = header(path)
    for number, line in enumerate(_lines(path)[1:], start=2):
        row = dict(zip(columns, _fields(line), strict=True))
        if all(row[k] == str(v) for k, v in where.items()):
            return number
    raise LookupError(f"no row {where} in {path.name}")


def set_cell(path: Path, line: int, column: str, value: str) -> str:
    """Rewrite one cell; returns the old value. Every other line keeps its bytes."""
    lines = _lines(path)
    fields = _fields(lines[line - 1])
    index = header(path).index(column)
    old, fields[index] = fields[index], value
    lines[line - 1] = _render(fields)
    path.write_text("".join(lines), encoding="utf-8")
    return old


def delete_line(path: Path, line: int) -> None:
    lines = _lines(path)
    del lines[line - 1]
    path.write_text("".join(lines), encoding="utf-8")


def insert_copy(path: Path, line: int, **changes: str) -> int:
    """Insert a copy of `line` (with some cells changed) right after it; returns the new row's line number."""
    lines = _lines(path)
    columns = header(path)
    fields = _fields(lines[line - 1])
    for column, value in changes.items():
        fields[columns.index(column)] = value
    lines.insert(line, _render(fields))
    path.write_text("".join(lines), encoding="utf-8")
    return line + 1


def scores_line(sources: Path, name: str, year: int, dimension: str) -> int:
    return find_line(sources / SCORES, province_name_vi=name, year=year, dimension=dimension)


def live(store: Path) -> Path:
    """The folder of the store's live build."""
    return build_folder(store, current_build(store) or "")


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file (and folder) under `folder` with its SHA-256: equal digests mean a byte-for-byte equal tree."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "<dir>"
        for p in sorted(folder.rglob("*"))
    }


def test_csv_helpers_round_trip(sources_copy: Path) -> None:
    """The editing helpers change only what they are asked to (so the line numbers below stay meaningful)."""
    path = sources_copy / SCORES
    original = path.read_bytes()
    line = scores_line(sources_copy, "Hà Nội", 2020, D2)  # its dimension_vi holds a quoted comma
    assert line == 4350
    old = set_cell(path, line, "score", "9.99")
    assert row_at(path, line)["score"] == "9.99"
    set_cell(path, line, "score", old)
    assert path.read_bytes() == original


# --- the real sources ------------------------------------------------------------------------------------------------


def test_real_sources_build_the_full_panel(real_store: PapiStore) -> None:
    scores, provinces = real_store.scores, real_store.provinces
    assert len(provinces) == 63 and provinces["code"].is_unique
    assert real_store.years == YEARS
    assert len(scores) == 7056
    assert int(scores["score"].notna().sum()) == 6963
    assert not scores.duplicated(["year", "province_code", "dimension"]).any()
    per_year = scores.groupby("year").agg(provinces=("province_code", "nunique"), rows=("score", "size"))
    assert (per_year["provinces"] == 63).all()
    assert per_year.loc[2011:2017, "rows"].eq(63 * 7).all()  # six dimensions and the total
    assert per_year.loc[2018:2024, "rows"].eq(63 * 9).all()  # eight dimensions and the total
    assert set(scores.loc[scores["year"] < 2018, "dimension"]) == {*DIMS_2011, "total"}
    assert set(scores.loc[scores["year"] >= 2018, "dimension"]) == {*DIMS_2018, "total"}
    assert len(real_store.regions) == 6 and len(real_store.dimensions) == 8
    assert real_store.manifest["schema_version"] == SCHEMA_VERSION
    assert real_store.manifest["rows"] == STORE_ROWS


def test_scores_table_columns_and_dtypes(real_store: PapiStore, pristine_store: Path) -> None:
    scores = real_store.scores
    assert list(scores.columns) == [
        "year",
        "province_code",
        "dimension",
        "score",
        "source",
        "source_file",
        "source_line",
        "note",
    ]
    assert scores["year"].dtype == "int16"
    assert scores["score"].dtype == "float64"
    assert scores["source_line"].dtype == "int32"
    for column in ["province_code", "dimension", "source", "source_file", "note"]:
        assert pd.api.types.is_string_dtype(scores[column]), column
    for name, schema in TABLES.items():
        assert pq.read_schema(live(pristine_store) / f"{name}.parquet").equals(schema, check_metadata=False), name


def test_every_score_row_points_at_its_source_line(real_store: PapiStore) -> None:
    scores, provinces = real_store.scores, real_store.provinces
    assert scores["source"].str.len().gt(0).all()
    assert set(scores["source_file"]) == {SCORES}
    lines = _lines(SOURCES_DIR / SCORES)
    columns = _fields(lines[0])
    assert sorted(scores["source_line"]) == list(range(2, len(lines) + 1))  # each data line exactly once
    spellings = {row.code: {row.name_vi, *row.aliases} for row in provinces.itertuples()}
    for row in scores.itertuples():
        source = dict(zip(columns, _fields(lines[row.source_line - 1]), strict=True))
        assert source["province_name_vi"] in spellings[row.province_code], row
        assert int(source["year"]) == row.year, row
        assert source["dimension"] == row.dimension, row
        assert source["source"] == row.source, row
        if source["score"] == "":
            assert math.isnan(row.score), row
        else:
            assert float(source["score"]) == row.score, row


@pytest.mark.parametrize(
    ("code", "year", "dimension", "line", "score"),
    [
        ("01", 2024, "total", None, 43.774715),  # Hà Nội
        ("01", 2020, "total", 4357, 41.6286),
        ("01", 2017, D6, 2751, 7.0160146),
        ("27", 2021, "total", 4942, None),  # Bắc Ninh, not published
    ],
)
def test_named_rows_carry_their_line(
    real_store: PapiStore, code: str, year: int, dimension: str, line: int | None, score: float | None
) -> None:
    scores = real_store.scores
    row = scores[(scores["province_code"] == code) & (scores["year"] == year) & (scores["dimension"] == dimension)]
    assert len(row) == 1
    source_line = int(row["source_line"].iloc[0])
    if line is not None:
        assert source_line == line
    text = _lines(SOURCES_DIR / SCORES)[source_line - 1]
    assert f",{year},{dimension}," in text
    assert _fields(text)[5] == ("" if score is None else repr(score))
    stored = row["score"].iloc[0]
    assert math.isnan(stored) if score is None else stored == score


def test_provinces_carry_region_2025_province_and_aliases(real_store: PapiStore) -> None:
    provinces = real_store.provinces.set_index("code")
    regions = real_store.regions.set_index("region_id")
    assert set(provinces["region_id"]) == set(regions.index)
    for code, row in provinces.iterrows():
        assert row["region_vi"] == regions.at[row["region_id"], "name_vi"], code
        assert row["region_en"] == regions.at[row["region_id"], "name_en"], code
    assert provinces.at["01", "region_id"] == "red_river_delta"
    assert provinces.at["01", "region_vi"] == "Đồng bằng sông Hồng"
    assert provinces.at["96", "region_id"] == "mekong_delta"

    with (SOURCES_DIR / MAPPING).open(encoding="utf-8") as handle:
        mapping = {r["old_code"]: r for r in csv.DictReader(handle)}
    assert set(mapping) == set(provinces.index)
    for code, row in provinces.iterrows():
        assert row["code_2025"] == mapping[code]["new_code"], code
        assert row["name_2025_vi"] == mapping[code]["new_name_vi"], code
    for code in ["74", "77", "79"]:  # Bình Dương and Bà Rịa - Vũng Tàu join Hồ Chí Minh
        assert provinces.at[code, "code_2025"] == "79"
        assert provinces.at[code, "name_2025_vi"] == "Hồ Chí Minh"
    assert provinces.at["74", "name_vi"] == "Bình Dương"
    assert provinces.at["77", "name_vi"] == "Bà Rịa - Vũng Tàu"
    assert provinces.at["24", "name_vi"] == "Bắc Giang"
    assert (provinces.at["24", "code_2025"], provinces.at["24", "name_2025_vi"]) == ("24", "Bắc Ninh")
    assert (provinces.at["27", "code_2025"], provinces.at["27", "name_2025_vi"]) == ("24", "Bắc Ninh")

    assert provinces.at["79", "name_vi"] == "TP. Hồ Chí Minh"
    assert list(provinces.at["79", "aliases"]) == ["Hồ Chí Minh"]
    assert {code for code, a in provinces["aliases"].items() if len(a)} == {"79"}


def test_all_stored_text_is_nfc(real_store: PapiStore) -> None:
    checked = 0
    for name in TABLES:
        frame: pd.DataFrame = getattr(real_store, name)
        for column in frame.columns:
            if column == "aliases":
                values = [a for aliases in frame[column] for a in aliases]
            elif pd.api.types.is_string_dtype(frame[column]):
                values = list(frame[column].dropna())
            else:
                continue
            bad = [v for v in values if unicodedata.normalize("NFC", v) != v]
            assert bad == [], (name, column, bad[:3])
            checked += len(values)
    assert checked > 7056 * 5


# Province-years PAPI did not publish, from PROVENANCE.md: (year, province, dimensions left empty).
_ALL = "all"
UNPUBLISHED = [
    (2014, "24", _ALL),
    (2014, "87", _ALL),
    (2018, "22", [D2, D4, "total"]),
    (2018, "87", [D2, D4, "total"]),
    (2021, "24", _ALL),
    (2021, "27", _ALL),
    (2021, "22", _ALL),
    (2022, "24", [D1, D2, D4, D5, "total"]),
    (2022, "27", [D2, D3, D4, D8, "total"]),
    (2023, "22", _ALL),
    (2023, "74", _ALL),
    (2024, "26", _ALL),
    (2024, "82", _ALL),
]


def test_nothing_missing_became_zero(real_store: PapiStore) -> None:
    scores = real_store.scores
    assert not (scores["score"] == 0).any()
    expected = set()
    for year, code, dims in UNPUBLISHED:
        all_dims = DIMS_2018 if year >= 2018 else DIMS_2011
        expected |= {(year, code, d) for d in ([*all_dims, "total"] if dims == _ALL else dims)}
    missing = scores[scores["score"].isna()]
    assert set(zip(missing["year"], missing["province_code"], missing["dimension"], strict=True)) == expected
    assert len(expected) == 93

    def score(code: str, year: int, dimension: str) -> float:
        hit = scores[(scores["province_code"] == code) & (scores["year"] == year) & (scores["dimension"] == dimension)]
        assert len(hit) == 1
        return hit["score"].iloc[0]

    assert math.isnan(score("27", 2021, "total"))  # Bắc Ninh 2021
    vinh_phuc_2024 = scores[(scores["province_code"] == "26") & (scores["year"] == 2024)]
    assert len(vinh_phuc_2024) == 9 and vinh_phuc_2024["score"].isna().all()
    assert score("27", 2022, D1) > 0  # Bắc Ninh 2022 kept the dimensions it has


def test_decomposed_province_name_is_resolved_and_stored_nfc(
    sources_copy: Path, source_tables: Callable[[Path], dict[str, pd.DataFrame]]
) -> None:
    # synthetic: one row spells "Hà Nội" in decomposed (NFD) form
    line = scores_line(sources_copy, "Hà Nội", 2020, D1)
    set_cell(sources_copy / SCORES, line, "province_name_vi", unicodedata.normalize("NFD", "Hà Nội"))
    tables = source_tables(sources_copy)
    row = tables["scores"][tables["scores"]["source_line"] == line]
    assert row["province_code"].tolist() == ["01"]
    hanoi = tables["provinces"].set_index("code").loc["01"]
    assert list(hanoi["aliases"]) == []  # the NFD spelling is the same name, not an alias


def test_decomposed_source_and_note_are_stored_nfc(
    sources_copy: Path, source_tables: Callable[[Path], dict[str, pd.DataFrame]]
) -> None:
    """text.py: "NFC for everything stored". Synthetic: a row whose source and note are typed in NFD."""
    line = scores_line(sources_copy, "Hà Nội", 2020, D1)
    set_cell(sources_copy / SCORES, line, "source", unicodedata.normalize("NFD", "Báo Hà Nội mới, 2021"))
    set_cell(sources_copy / SCORES, line, "note", unicodedata.normalize("NFD", "điểm đã kiểm tra"))
    row = source_tables(sources_copy)["scores"].set_index("source_line").loc[line]
    assert row["source"] == unicodedata.normalize("NFC", "Báo Hà Nội mới, 2021")
    assert row["note"] == unicodedata.normalize("NFC", "điểm đã kiểm tra")


# --- rejections: one case per rule, each checked through build() and through the CLI ----------------------------------


class Expect(NamedTuple):
    file: str
    line: int | None
    column: str | None
    words: str  # a fragment the reason must contain


def _duplicate_row(s: Path) -> Expect:
    line = scores_line(s, "Hà Nội", 2020, D1)
    return Expect(SCORES, insert_copy(s / SCORES, line), None, f"duplicate of line {line}")


def _unknown_province(s: Path) -> Expect:
    line = scores_line(s, "Hà Nội", 2020, D1)
    set_cell(s / SCORES, line, "province_name_vi", "Hà Nội Mới")
    return Expect(SCORES, line, "province_name_vi", "unknown province")


def _unknown_dimension(s: Path) -> Expect:
    line = scores_line(s, "Hà Nội", 2020, D1)
    set_cell(s / SCORES, line, "dimension", "d9_happiness")
    return Expect(SCORES, line, "dimension", "unknown dimension")


def _d7_before_2018(s: Path) -> Expect:
    line = scores_line(s, "Hà Nội", 2017, D6)
    return Expect(SCORES, insert_copy(s / SCORES, line, dimension=D7), "dimension", "not measured before 2018")


def _dimension_zero(s: Path) -> Expect:
    line = scores_line(s, "Hà Nội", 2020, D1)
    set_cell(s / SCORES, line, "score", "0")
    return Expect(SCORES, line, "score", "outside 1–10")


def _dimension_eleven(s: Path) -> Expect:
    line = scores_line(s, "Hà Nội", 2020, D3)
    set_cell(s / SCORES, line, "score", "11")
    return Expect(SCORES, line, "score", "outside 1–10")


def _zero_for_unpublished_dimension(s: Path) -> Expect:
    line = scores_line(s, "Bắc Ninh", 2021, D1)
    assert set_cell(s / SCORES, line, "score", "0") == ""
    return Expect(SCORES, line, "score", "leave it empty")


def _zero_for_unpublished_total(s: Path) -> Expect:
    line = scores_line(s, "Bắc Ninh", 2021, "total")
    assert set_cell(s / SCORES, line, "score", "0") == ""
    return Expect(SCORES, line, "score", "outside 8–80")


def _non_numeric_score(s: Path) -> Expect:
    line = scores_line(s, "Hà Nội", 2020, D1)
    set_cell(s / SCORES, line, "score", "n/a")
    return Expect(SCORES, line, "score", "not a number")


def _total_2017_above_6_to_60(s: Path) -> Expect:
    line = scores_line(s, "Hà Nội", 2017, "total")
    set_cell(s / SCORES, line, "score", "61")  # fine on the 8–80 scale, not on 2017's 6–60
    return Expect(SCORES, line, "score", "outside 6–60")


def _total_2018_below_8_to_80(s: Path) -> Expect:
    line = scores_line(s, "Hà Nội", 2018, "total")
    set_cell(s / SCORES, line, "score", "7.5")  # fine on the 6–60 scale, not on 2018's 8–80
    return Expect(SCORES, line, "score", "outside 8–80")


def _total_off_by_a_hundredth(s: Path) -> Expect:
    line = scores_line(s, "Hà Nội", 2020, "total")
    set_cell(s / SCORES, line, "score", f"{float(row_at(s / SCORES, line)['score']) + 0.01:.6f}")
    return Expect(SCORES, line, "score", "not the sum of the dimensions")


def _total_with_an_empty_dimension(s: Path) -> Expect:
    set_cell(s / SCORES, scores_line(s, "Hà Nội", 2020, D2), "score", "")
    line = scores_line(s, "Hà Nội", 2020, "total")
    return Expect(SCORES, line, "score", "some dimensions have no score")


def _wrong_dimension_scale(s: Path) -> Expect:
    line = scores_line(s, "Hà Nội", 2020, D1)
    set_cell(s / SCORES, line, "scale", "0-100")
    return Expect(SCORES, line, "scale", "should be 1-10")


def _old_scale_on_2018_total(s: Path) -> Expect:
    line = scores_line(s, "Hà Nội", 2018, "total")
    set_cell(s / SCORES, line, "scale", "6-60 (sum of D1-D6)")
    return Expect(SCORES, line, "scale", "should be 8-80")


def _missing_row(s: Path) -> Expect:
    delete_line(s / SCORES, scores_line(s, "Hà Nội", 2020, D3))
    return Expect(SCORES, None, "dimension", "2020, province 01: no row for d3_vertical_accountability")


def _year_not_an_integer(s: Path) -> Expect:
    line = scores_line(s, "Hà Nội", 2020, D1)
    set_cell(s / SCORES, line, "year", "2020.5")
    return Expect(SCORES, line, "year", "not a year")


def _year_before_2011(s: Path) -> Expect:
    line = scores_line(s, "Hà Nội", 2011, D1)
    set_cell(s / SCORES, line, "year", "2010")
    return Expect(SCORES, line, "year", "2010 is outside 2011–")


def _missing_required_column(s: Path) -> Expect:
    lines = _lines(s / SCORES)
    lines[0] = lines[0].replace(",score,", ",value,")
    (s / SCORES).write_text("".join(lines), encoding="utf-8")
    return Expect(SCORES, 1, "score", "required column")


def _missing_source(s: Path) -> Expect:
    line = scores_line(s, "Hà Nội", 2020, D5)
    set_cell(s / SCORES, line, "source", "")
    return Expect(SCORES, line, "source", "needs its source")


def _unknown_region(s: Path) -> Expect:
    line = find_line(s / PROVINCES, code="01")
    set_cell(s / PROVINCES, line, "region_id", "atlantis")
    return Expect(PROVINCES, line, "region_id", "unknown region 'atlantis'")


REJECTIONS: list[Callable[[Path], Expect]] = [
    _duplicate_row,
    _unknown_province,
    _unknown_dimension,
    _d7_before_2018,
    _dimension_zero,
    _dimension_eleven,
    _zero_for_unpublished_dimension,
    _zero_for_unpublished_total,
    _non_numeric_score,
    _total_2017_above_6_to_60,
    _total_2018_below_8_to_80,
    _total_off_by_a_hundredth,
    _total_with_an_empty_dimension,
    _wrong_dimension_scale,
    _old_scale_on_2018_total,
    _missing_row,
    _year_not_an_integer,
    _year_before_2011,
    _missing_required_column,
    _missing_source,
    _unknown_region,
]


def _matching(problems: list[SourceProblem], expect: Expect) -> list[SourceProblem]:
    return [p for p in problems if (p.file, p.line, p.column) == (expect.file, expect.line, expect.column)]


def assert_reported(problems: list[SourceProblem], expect: Expect, alone: bool = False) -> None:
    """A reader's problems name the breakage once (file, line, column) with its reason; `alone`: and nothing else."""
    hits = _matching(problems, expect)
    assert len(hits) == 1, problems
    assert expect.words in hits[0].reason, hits[0]
    if alone:
        assert len(problems) == 1, problems


@pytest.mark.parametrize("break_sources", REJECTIONS, ids=lambda f: f.__name__.strip("_"))
def test_rejected_names_file_line_column_and_reason(
    break_sources: Callable[[Path], Expect], scores_cut_copy: Path
) -> None:
    """Every rule, through assemble() on a cut of the sources (tests/unit/conftest.py): the validation build() runs
    before it writes anything, and these rules stop it at the reader at fault (that a rejected build leaves the store
    byte for byte as it was is checked once per source file on the full sources below, and through the CLI)."""
    expect = break_sources(scores_cut_copy)
    with pytest.raises(SourceRejected) as rejected:
        assemble(scores_cut_copy)
    hits = _matching(rejected.value.problems, expect)
    assert len(hits) == 1, rejected.value.problems
    assert expect.words in hits[0].reason


# One breakage per source file these rules read, through build() on a full-size store.
UNTOUCHED = [_duplicate_row, _unknown_region]


@pytest.mark.parametrize("break_sources", UNTOUCHED, ids=lambda f: f.__name__.strip("_"))
def test_rejected_by_build_leaves_store_untouched(
    break_sources: Callable[[Path], Expect], sources_copy: Path, good_store: Path
) -> None:
    expect = break_sources(sources_copy)
    before = tree_digest(good_store)
    with pytest.raises(SourceRejected) as rejected:
        build(sources_copy, target=good_store)
    hits = _matching(rejected.value.problems, expect)
    assert len(hits) == 1, rejected.value.problems
    assert expect.words in hits[0].reason
    assert tree_digest(good_store) == before
    assert sorted(p.name for p in good_store.parent.iterdir()) == ["store"]


def assert_rejected(
    expect: Expect, sources: Path, store: Path, capsys: pytest.CaptureFixture[str], alone: bool = False
) -> None:
    """The CLI build exits 1 naming file:line [column] and reason, and leaves `store` byte-identical.

    `alone`: the breakage must be the only problem reported (one bad row is not reported again by later checks).
    """
    before = tree_digest(store)
    assert main(["--sources", str(sources), "--store", str(store)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "the existing store was left as it was" in err
    where = re.escape(expect.file) + ("" if expect.line is None else f":{expect.line}")
    column = "" if expect.column is None else re.escape(f" [{expect.column}]")
    hits = re.findall(rf"^{where}{column}: .*{re.escape(expect.words)}", err, re.MULTILINE)
    assert len(hits) == 1, err
    if alone:
        assert "\n1 problem(s) in the sources:\n" in err, err
    assert tree_digest(store) == before
    assert sorted(p.name for p in store.parent.iterdir()) == ["store"]


# The CLI's report (exit code, file:line [column]: reason) for a row-level and a file-level rule; every rule's reason
# is checked above.
@pytest.mark.parametrize(
    "break_sources", [_total_off_by_a_hundredth, _missing_row], ids=lambda f: f.__name__.strip("_")
)
def test_rejected_by_cli_exits_1_and_names_file_line(
    break_sources: Callable[[Path], Expect], sources_copy: Path, good_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_rejected(break_sources(sources_copy), sources_copy, good_store, capsys)


def test_cli_builds_good_sources_into_a_new_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The one full build of the real sources besides the pristine store's: through the CLI, into folders that do not
    exist yet."""
    target = tmp_path / "a" / "b" / "store"
    assert main(["--sources", str(SOURCES_DIR), "--store", str(target)]) == 0
    out = capsys.readouterr().out
    assert str(target) in out and "7056 scores" in out and "63 provinces" in out
    assert load_store(target).manifest["rows"] == STORE_ROWS
    assert sorted(p.name for p in target.parent.iterdir()) == ["store"]


def test_total_within_tolerance_of_the_sum_is_accepted(
    sources_copy: Path, source_tables: Callable[[Path], dict[str, pd.DataFrame]]
) -> None:
    line = scores_line(sources_copy, "Hà Nội", 2020, "total")
    new = f"{float(row_at(sources_copy / SCORES, line)['score']) + 0.00005:.7f}"
    set_cell(sources_copy / SCORES, line, "score", new)
    scores = source_tables(sources_copy)["scores"].set_index("source_line")
    assert scores.at[line, "score"] == float(new)


def test_scale_text_must_match_not_just_start_with_the_scale(sources_copy: Path, tmp_path: Path) -> None:
    """'1-100' is not the 1–10 scale, but scores_source.py only checks that the text *starts with* '1-10'."""
    line = scores_line(sources_copy, "Hà Nội", 2020, D1)
    set_cell(sources_copy / SCORES, line, "scale", "1-100")
    with pytest.raises(SourceRejected) as rejected:
        build(sources_copy, target=tmp_path / "store")
    assert [(p.line, p.column) for p in rejected.value.problems] == [(line, "scale")]


def test_broken_region_order_is_reported_not_crashed(sources_copy: Path, tmp_path: Path) -> None:
    """A non-numeric `order` in regions.csv must be a SourceRejected with file/line, like dimensions.csv does."""
    line = find_line(sources_copy / REGIONS, region_id="southeast")
    set_cell(sources_copy / REGIONS, line, "order", "five")
    with pytest.raises(SourceRejected) as rejected:
        build(sources_copy, target=tmp_path / "store")
    assert [(p.file, p.line) for p in rejected.value.problems] == [(REGIONS, line)]


def test_last_year_bounds_the_years(good_store: Path, source_tables: Callable[..., dict[str, pd.DataFrame]]) -> None:
    first_2024 = find_line(SOURCES_DIR / SCORES, year=2024)
    with pytest.raises(SourceRejected) as rejected:
        assemble(SOURCES_DIR, last_year=2023)
    problems = rejected.value.problems
    assert len(problems) == 63 * 9  # every 2024 row, and nothing else
    assert {(p.file, p.column) for p in problems} == {(SCORES, "year")}
    assert problems[0].line == first_2024
    assert problems[0].reason == "2024 is outside 2011–2023"

    before = tree_digest(good_store)
    with pytest.raises(SourceRejected):
        build(SOURCES_DIR, target=good_store, last_year=2023)
    assert tree_digest(good_store) == before

    assert len(source_tables(SOURCES_DIR, last_year=2024)["scores"]) == 7056


def test_all_problems_are_reported_in_one_run(sources_copy: Path) -> None:
    path = sources_copy / SCORES
    duplicate = _duplicate_row(sources_copy)  # inserts a copy of Hà Nội 2020 D1 after it
    set_cell(path, scores_line(sources_copy, "Hà Nội", 2020, D4), "score", "abc")
    set_cell(path, scores_line(sources_copy, "Hà Nội", 2019, D5), "source", "")
    with pytest.raises(SourceRejected) as rejected:
        assemble(sources_copy)
    expected = [
        duplicate,
        Expect(SCORES, scores_line(sources_copy, "Hà Nội", 2020, D4), "score", "not a number: 'abc'"),
        Expect(SCORES, scores_line(sources_copy, "Hà Nội", 2019, D5), "source", "needs its source"),
    ]
    for expect in expected:
        assert len(_matching(rejected.value.problems, expect)) == 1, expect
    assert str(rejected.value).startswith(f"{len(rejected.value.problems)} problem(s) in the sources:\n")


# --- atomic write and load_store --------------------------------------------------------------------------------------


def test_rebuild_swaps_in_the_new_store_and_leaves_no_temp_folders(sources_copy: Path, good_store: Path) -> None:
    old_manifest = json.loads((live(good_store) / MANIFEST).read_text(encoding="utf-8"))
    line = scores_line(sources_copy, "Hà Nội", 2020, D1)
    set_cell(sources_copy / SCORES, line, "note", "synthetic note for the rebuild test")
    build(sources_copy, target=good_store)

    assert sorted(p.name for p in good_store.parent.iterdir()) == ["store"]
    manifest = json.loads((live(good_store) / MANIFEST).read_text(encoding="utf-8"))
    new_digest = hashlib.sha256((sources_copy / SCORES).read_bytes()).hexdigest()
    assert manifest["sources"][SCORES] == new_digest != old_manifest["sources"][SCORES]
    files = {p.relative_to(sources_copy).as_posix() for p in sources_copy.rglob("*") if p.is_file()}
    assert manifest["sources"].keys() == files and "seeds/000_767cc3d581214d55.txt" in files
    store = load_store(good_store)
    assert store.scores.set_index("source_line").at[line, "note"] == "synthetic note for the rebuild test"
    tables = [*TABLES, *DERIVED_TABLES]
    assert sorted(p.name for p in live(good_store).iterdir()) == sorted([MANIFEST, *(f"{n}.parquet" for n in tables)])


def test_write_store_failing_midway_keeps_the_old_store(good_store: Path, real_store: PapiStore) -> None:
    before = tree_digest(good_store)
    tables = {
        "provinces": real_store.provinces,
        "regions": real_store.regions,
        "dimensions": real_store.dimensions,
        "scores": real_store.scores.drop(columns="source"),  # synthetic breakage: cannot match the schema
    }
    with pytest.raises(KeyError):
        write_store(tables, SOURCES_DIR, good_store)
    assert tree_digest(good_store) == before
    assert sorted(p.name for p in good_store.parent.iterdir()) == ["store"]


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty"])
def test_damaged_parquet_is_corrupt(good_store: Path, damage: str) -> None:
    file = live(good_store) / "scores.parquet"
    data = file.read_bytes()
    file.write_bytes({"truncate": data[: len(data) // 2], "garbage": b"not a parquet file" * 100, "empty": b""}[damage])
    with pytest.raises(StoreUnavailable) as info:
        load_store(good_store)
    assert info.value.reason == "corrupt"
    assert "scores.parquet" in info.value.detail


def test_parquet_with_other_columns_is_corrupt(good_store: Path) -> None:
    frame = pd.read_parquet(live(good_store) / "regions.parquet").drop(columns="name_en")
    frame.to_parquet(live(good_store) / "regions.parquet")
    with pytest.raises(StoreUnavailable) as info:
        load_store(good_store)
    assert info.value.reason == "corrupt"


def test_unreadable_manifest_is_corrupt(good_store: Path) -> None:
    (live(good_store) / MANIFEST).write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreUnavailable) as info:
        load_store(good_store)
    assert info.value.reason == "corrupt"


def test_missing_folder_is_missing(tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailable) as info:
        load_store(tmp_path / "nowhere")
    assert info.value.reason == "missing"


def test_missing_table_file_is_missing(good_store: Path) -> None:
    (live(good_store) / "dimensions.parquet").unlink()
    with pytest.raises(StoreUnavailable) as info:
        load_store(good_store)
    assert info.value.reason == "missing"
    assert "dimensions.parquet" in info.value.detail


def test_other_schema_version_is_outdated(good_store: Path) -> None:
    manifest = json.loads((live(good_store) / MANIFEST).read_text(encoding="utf-8"))
    manifest["schema_version"] = SCHEMA_VERSION + 1
    (live(good_store) / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(StoreUnavailable) as info:
        load_store(good_store)
    assert info.value.reason == "outdated"


def test_good_store_loads(good_store: Path) -> None:
    store = load_store(good_store)
    assert len(store.scores) == 7056
    assert store.manifest["built_at"]
