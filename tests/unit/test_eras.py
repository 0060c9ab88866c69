"""Provinces by era (papi_data.eras), a year as one file (papi_scores_<year>.csv), its check report and its refusals,
on a SYNTHETIC 2025 for the 34 provinces generated in the test (tests/synthetic/year_2025.py), built into a temporary
store from a copy of the sources: the shipped sources and store never hold a 2025 figure."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from papi_data.build import assemble, build, main
from papi_data.eras import (
    MERGER_YEAR,
    SET_34,
    SET_63,
    former,
    key_in_year,
    province_set,
    provinces_of,
    same_set,
    split_by_set,
    successor,
)
from papi_data.ranking import with_ranks
from papi_data.stats import colour_range, national, with_change
from papi_data.store.files import current_build
from papi_data.store.load import load_store
from papi_data.store.paths import SOURCES_DIR
from papi_data.store.problems import SourceRejected
from papi_data.store.schema import TOTAL
from tests.synthetic.year_2025 import SYNTHETIC_SOURCE, rows_2025, sources_with_2025, write_rows

LAST = 2025  # the latest year a score may have in these builds (the report of 2025 is published in 2026)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("eras")
    sources = sources_with_2025(folder)
    build(sources, target=folder / "store", last_year=LAST)
    return load_store(folder / "store"), sources


def test_the_set_of_a_year() -> None:
    assert [province_set(y) for y in (2011, 2024, 2025, 2030)] == [SET_63, SET_63, SET_34, SET_34]
    assert same_set(2018, 2024) and not same_set(2024, 2025)
    assert split_by_set([2022, 2023, 2024, 2025, 2026]) == [[2022, 2023, 2024], [2025, 2026]]
    assert split_by_set([2019, 2020]) == [[2019, 2020]]


def test_the_shipped_store_holds_the_63_only(source_tables: Callable[..., dict[str, pd.DataFrame]]) -> None:
    """No 2025 figure is shipped: the real sources build the 63 provinces and no year from 2025."""
    tables = source_tables(SOURCES_DIR, last_year=LAST)
    assert tables["scores"]["year"].max() < MERGER_YEAR
    assert set(tables["provinces"]["province_set"]) == {SET_63} and len(tables["provinces"]) == 63
    assert not list(SOURCES_DIR.glob("papi_scores_2*.csv"))


def test_the_store_holds_both_sets_and_the_mapping(built) -> None:
    store, _ = built
    provinces = store.provinces
    assert provinces["province_set"].value_counts().to_dict() == {SET_63: 63, SET_34: 34}
    assert len(provinces_of(provinces, 2024)) == 63 and len(provinces_of(provinces, 2025)) == 34
    assert successor(provinces, "72") == "n80" and successor(provinces, "80") == "n80"  # Tây Ninh and Long An
    assert former(provinces, "n80") == ["72", "80"] and former(provinces, "n12") == ["12"]
    assert key_in_year(provinces, "72", 2024) == "72" and key_in_year(provinces, "72", 2025) == "n80"
    assert key_in_year(provinces, "n80", 2024) is None
    new = provinces.set_index("code")
    assert new.at["n80", "gso_code"] == "80" and new.at["n80", "name_vi"] == "Tây Ninh"
    assert new.at["n46", "name_vi"] == "Huế" and new.at["n79", "region_id"] == new.at["79", "region_id"]


def test_each_year_holds_only_its_own_set(built) -> None:
    store, _ = built
    scores = store.scores
    sets = store.provinces.set_index("code")["province_set"]
    assert (scores["province_code"].map(sets) == scores["year"].map(province_set)).all()
    year = scores[scores["year"] == 2025]
    assert len(year) == 34 * 9 and year["score"].notna().all()
    for table in (store.subdimension_scores, store.uncertainty):
        assert (table["province_code"].map(sets) == table["year"].map(province_set)).all()


def test_no_score_is_merged_or_averaged(built) -> None:
    """Every score in the store is the one its source file holds at its line: nothing is summed or averaged into a
    new province (which would be a row with no line of its own, or a value no file holds)."""
    store, sources = built
    files: dict[str, dict[int, str]] = {}
    for name in store.scores["source_file"].unique():
        with (sources / name).open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            files[name] = {}
            for row in reader:  # the line a record ends on: every source row here is one line
                files[name][reader.line_num] = row["score"]
    for row in store.scores.itertuples():
        printed = files[row.source_file][row.source_line]
        if pd.isna(row.score):
            assert printed == ""
        else:
            assert abs(float(printed.replace(",", ".")) - row.score) < 1e-9, (row.source_file, row.source_line)
    assert (store.scores.loc[store.scores["year"] == 2025, "source"] == SYNTHETIC_SOURCE).all()


def test_ranks_groups_means_and_colours_are_per_set(built) -> None:
    store, _ = built
    table = with_change(with_ranks(store.scores))
    totals = table[(table["dimension"] == TOTAL) & (table["year"] == 2025)]
    assert sorted(totals["rank"].astype(int)) == list(range(1, 35)) and set(totals["n"]) == {34}
    assert totals["group"].value_counts().sum() == 34
    nat = national(store.scores).set_index(["year", "dimension"])
    assert nat.at[(2025, TOTAL), "n"] == 34 and nat.at[(2024, TOTAL), "n"] == 61
    assert (totals["change_gap"] == "set_change").all() and totals["change"].isna().all()
    span_2025, span_2024 = colour_range(store.scores, TOTAL, 2025), colour_range(store.scores, TOTAL, 2024)
    assert span_2025 is not None and (span_2025.first, span_2025.last) == (2025, 2025)
    assert span_2024 is not None and span_2024.last == 2024


@pytest.mark.usefixtures("without_derived_tables")  # `built` derived them from these very sources
def test_the_check_report(built, capsys: pytest.CaptureFixture[str]) -> None:
    _, sources = built
    assert main(["--sources", str(sources), "--check"]) == 0
    report = capsys.readouterr().out
    assert "papi_scores_2025.csv: 2025, the 34 provinces" in report
    assert "Provinces found: 34/34" in report and "Names not matched: none" in report
    assert (
        "Values outside the scale: none" in report and "Totals not the sum of their dimensions (±0.01): none" in report
    )
    totals = [float(r["score"]) for r in rows_2025() if r["dimension"] == TOTAL]
    assert f"National mean of the total: {sum(totals) / len(totals):.2f} (unweighted, 34 provinces)" in report
    assert "Top five: " in report and "Bottom five: " in report
    assert "No problem" in report


def _refused(tmp_path: Path, rows: list[dict[str, str]], name: str = "papi_scores_2025.csv") -> str:
    sources = sources_with_2025(tmp_path)
    write_rows(sources / name, rows)
    with pytest.raises(SourceRejected) as rejected:
        assemble(sources, last_year=LAST)
    return str(rejected.value)


def _renamed(rows: list[dict[str, str]], old: str, new: str) -> list[dict[str, str]]:
    return [{**r, "province_name_vi": new if r["province_name_vi"] == old else r["province_name_vi"]} for r in rows]


def test_a_63_province_name_in_a_2025_file_is_refused(tmp_path: Path) -> None:
    report = _refused(tmp_path, _renamed(rows_2025(), "Tây Ninh", "Long An"))
    assert "papi_scores_2025.csv:" in report
    assert "'Long An' is one of the 63 provinces (through 2024); from 2025 it is part of Tây Ninh" in report
    assert "no row for Tây Ninh (2025)" in report


def test_a_34_province_name_in_a_2024_file_is_refused(tmp_path: Path) -> None:
    rows = [{"province_name_vi": "Huế", "dimension": TOTAL, "score": "45", "source": SYNTHETIC_SOURCE}]
    report = _refused(tmp_path, rows, "papi_scores_2024.csv")
    assert "papi_scores_2024.csv:2 [province_name_vi]: 'Huế' is one of the 34 provinces (from 2025)" in report


def test_a_missing_province_is_refused(tmp_path: Path) -> None:
    report = _refused(tmp_path, [r for r in rows_2025() if r["province_name_vi"] != "Cà Mau"])
    assert "papi_scores_2025.csv [province_name_vi]: no row for Cà Mau (2025)" in report


def test_a_duplicate_is_refused(tmp_path: Path) -> None:
    rows = rows_2025()
    report = _refused(tmp_path, [*rows, rows[0]])
    assert f"papi_scores_2025.csv:{len(rows) + 2}: duplicate of line 2 (Hà Nội, d1_participation)" in report


def test_a_value_out_of_scale_is_refused(tmp_path: Path) -> None:
    rows = rows_2025()
    rows[3] = {**rows[3], "score": "11.2"}
    report = _refused(tmp_path, rows)
    assert "papi_scores_2025.csv:5 [score]: Hà Nội, d4_control_of_corruption: 11.2 is outside 1–10" in report


def test_a_total_that_is_not_the_sum_is_refused(tmp_path: Path) -> None:
    rows = rows_2025()
    rows[8] = {**rows[8], "score": f"{float(rows[8]['score']) + 0.5:.4f}"}
    report = _refused(tmp_path, rows)
    assert "papi_scores_2025.csv:10 [score]: Hà Nội: total" in report and "is not the sum of the dimensions" in report


def test_names_are_matched_forgiving_diacritics_spacing_and_tp(built) -> None:
    """The synthetic file prints "TP. Hồ Chí Minh", "Thành phố Huế" and "TP.  Hải Phòng"; all found."""
    store, _ = built
    codes = set(store.scores.loc[store.scores["year"] == 2025, "province_code"])
    assert {"n79", "n46", "n31"} <= codes and len(codes) == 34


def test_a_bad_file_leaves_the_live_store_and_check_names_the_lines(
    built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = sources_with_2025(tmp_path)
    target = tmp_path / "store"
    shutil.copytree(built[1].parent / "store", target)  # the store these sources build
    live = current_build(target)
    write_rows(sources / "papi_scores_2025.csv", _renamed(rows_2025(), "Cà Mau", "Bạc Liêu"))
    with pytest.raises(SourceRejected):
        build(sources, target=target, last_year=LAST)
    assert current_build(target) == live
    assert main(["--sources", str(sources), "--check"]) == 1
    out = capsys.readouterr().out
    assert "Provinces found: 33/34" in out and "Missing (1): Cà Mau" in out and "Names not matched: 9" in out
    assert "papi_scores_2025.csv:299 [province_name_vi]: 'Bạc Liêu' is one of the 63 provinces" in out
    assert current_build(target) == live
