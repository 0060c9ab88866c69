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
from papi_data.citation import citation
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
from papi_data.plans.evaluate import SET_CHANGE, dimension_checks, evaluate
from papi_data.ranking import with_ranks
from papi_data.stats import colour_range, national, with_change
from papi_data.store.files import current_build
from papi_data.store.load import load_store
from papi_data.store.paths import SOURCES_DIR
from papi_data.store.problems import SourceRejected
from papi_data.store.schema import TOTAL
from tests.synthetic.year_2025 import (
    SYNTHETIC_SOURCE,
    rows_2025,
    sources_with_2025,
    subdimension_rows_2025,
    write_rows,
)

LAST = 2025  # the latest year a score may have in these builds (the report of 2025 is published in 2026)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("eras")
    sources = sources_with_2025(folder)
    with (sources / "plans.yaml").open("a", encoding="utf-8") as f:  # a plan of a province of the 34 (SYNTHETIC)
        f.write(_new_province_plan("n80", "top5", "[2025, 2026]", among="        among: southeast\n"))
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
    # the map's colour ranges, made by the build, are per set too: for the total, a dimension and a sub-dimension
    made = store.table("colour_ranges")
    for metric in (TOTAL, "d1_participation", "d5.land_titles"):
        spans = made[(made["metric"] == metric) & ~made["one_year"]].set_index("year")
        assert (spans.at[2025, "first"], spans.at[2025, "last"]) == (2025, 2025), metric
        assert spans.at[2024, "last"] == 2024, metric


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
    assert "Report partners: CECODES, RTA, UNDP (assumed: as the 2024 report; report_partners.csv names none" in report
    assert "papi_subdimensions_2025.csv: 2025, the 34 provinces" in report
    assert "Provinces found: 34/34 (provinces with dimension scores)" in report
    assert "Note: subdimension_periods.csv ends in 2024: 2025 is read with the sub-dimensions" in report
    assert "Sub-dimensions not adding up to their dimension (±0.001): none" in report
    assert "No problem" in report


def test_a_new_year_without_partner_lines_is_cited_as_assumed(built) -> None:
    """report_partners.csv names no 2025 partners: 2025 is cited with 2024's, and every citation says they are
    assumed; the years report_partners.csv names keep their own lines."""
    store, _ = built
    rows = store.report_partners[store.report_partners["year"] == 2025]
    assert list(rows["partner_id"]) == ["CECODES", "RTA", "UNDP"] and rows["basis"].str.startswith("assumed").all()
    assert citation(store.report_partners, store.partners, 2025, "vi") == (
        "PAPI 2025 — CECODES, RTA & UNDP (đối tác năm 2025: giả định, chưa có tài liệu), papi.org.vn"
    )
    assert len(store.report_partners[store.report_partners["year"] < 2025]) == 48


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


def test_counting_rules_are_read_on_the_new_province(built) -> None:
    """Rules over several dimensions map to the province of 2025 as single-metric rules do: TP.HCM's strong
    dimensions (picked from its 2024 scores) are checked on the new TP.HCM's 2025 scores; its weak dimensions'
    improvement would compare another territory's scores (no data, set change); Lai Châu kept its borders, so its
    own 2024 scores compare with the new Lai Châu's 2025 ones."""
    store, _ = built
    by_id = store.targets.set_index("id")
    chosen = by_id.loc[["hcm-2024-strong-dims-hold", "hcm-2024-weak-dims-improve"]].reset_index()
    chosen["target_years"] = [[2025], [2025]]
    chosen["baseline_year"] = 2024
    laichau = chosen.iloc[[1]].assign(id="laichau-weak", province_code="12")
    targets = pd.concat([chosen, laichau], ignore_index=True)
    result = evaluate(targets, store.table("plan_table"), 2025, store.provinces, store.table("national")).set_index(
        "target_id"
    )
    checks = dimension_checks(targets, store.table("plan_table"), 2025, store.table("national"), store.provinces)
    strong = checks[checks["target_id"] == "hcm-2024-strong-dims-hold"]
    scores = store.scores[(store.scores["year"] == 2025) & (store.scores["province_code"] == "n79")]
    new_hcm = dict(zip(scores["dimension"], scores["score"], strict=True))
    assert len(strong) and strong["ok"].notna().all()
    assert all(row.score == pytest.approx(new_hcm[row.dimension]) for row in strong.itertuples())
    assert result.loc["hcm-2024-strong-dims-hold", "status"] in ("achieved", "missed")
    assert result.loc["hcm-2024-strong-dims-hold", "measured_code"] == "n79"
    assert tuple(result.loc["hcm-2024-weak-dims-improve", ["status", "reason"]]) == ("no_data", SET_CHANGE)
    assert result.loc["laichau-weak", "status"] in ("achieved", "missed")
    weak = checks[checks["target_id"] == "laichau-weak"]
    assert len(weak) and weak["ok"].notna().all()


def test_a_year_of_subdimensions_is_one_file(built) -> None:
    """papi_subdimensions_2025.csv (SYNTHETIC) enters the store for the 34, on the sub-dimensions still running in
    2024 (carried on to 2025 in the stored reference); ranks are taken over the 34."""
    store, _ = built
    subs = store.subdimension_scores[store.subdimension_scores["year"] == 2025]
    assert set(subs["province_code"]) == set(store.provinces.loc[store.provinces["province_set"] == SET_34, "code"])
    assert len(subs) == len(subdimension_rows_2025()) and (subs["source_file"] == "papi_subdimensions_2025.csv").all()
    periods = store.subdimension_periods
    assert periods.loc[periods["subdimension"] == "d5.land_titles", "last_year"].max() == 2025
    assert periods.loc[periods["subdimension"] == "d5.construction_permits", "last_year"].max() == 2020
    ranked = store.table("ranked_subdimensions")
    land = ranked[(ranked["year"] == 2025) & (ranked["dimension"] == "d5.land_titles")]
    assert len(land) == 34 and land["n"].max() == 34


def _subdimensions_refused(tmp_path: Path, rows: list[dict[str, str]]) -> str:
    sources = sources_with_2025(tmp_path)
    write_rows(sources / "papi_subdimensions_2025.csv", rows)
    with pytest.raises(SourceRejected) as rejected:
        assemble(sources, last_year=LAST)
    return str(rejected.value)


def test_a_bad_subdimension_file_is_refused_by_line(tmp_path: Path) -> None:
    rows = subdimension_rows_2025()
    rows[0] = {**rows[0], "score": "2.9"}  # Hà Nội d1.civic_knowledge, scale 0.25–2.5
    rows[5] = {**rows[5], "score": f"{float(rows[5]['score']) + 0.01:.6f}"}  # D2 (lines 6–9) no longer adds up
    rows[10] = {**rows[10], "province_name_vi": "Bắc Giang"}  # one of the 63
    rows[12] = {**rows[12], "subdimension": "d5.construction_permits"}  # not measured since 2020
    report = _subdimensions_refused(tmp_path, [*rows, rows[20]])
    assert "papi_subdimensions_2025.csv:2 [score]: Hà Nội, d1.civic_knowledge: 2.9 is outside 0.25–2.5" in report
    assert (
        "papi_subdimensions_2025.csv:6 [score]: Hà Nội: the sub-dimensions of d2_transparency (lines 6, 7, 8, 9)"
        in report
    )
    assert "not the dimension score" in report and "(papi_scores_2025.csv:3)" in report
    assert "papi_subdimensions_2025.csv:12 [province_name_vi]: 'Bắc Giang' is one of the 63 provinces" in report
    assert (
        "papi_subdimensions_2025.csv:14 [subdimension]: 'd5.construction_permits' is not a sub-dimension of 2025"
        in report
    )
    assert f"papi_subdimensions_2025.csv:{len(rows) + 2}: duplicate of line 22" in report


def _new_province_plan(code: str, target: str, years: str = "[2026]", among: str = "", k: int = 5) -> str:
    """A SYNTHETIC plan of a province of the 34 (made up for the test), as plans.yaml writes one."""
    return f"""
  - id: synthetic-{code}-{target}
    province_code: "{code}"
    document_number: null
    kind: other
    issuer: "SYNTHETIC"
    issued_on: null
    period: [2025, 2026]
    title_vi: "Kế hoạch giả định (dữ liệu thử)"
    title_en: "A made-up plan (test data)"
    source_url: "https://example.org/synthetic"
    seed_file: null
    summary_vi: "Dữ liệu thử, không phải kế hoạch thật."
    summary_en: "Test data, not a real plan."
    targets:
      - id: synthetic-{code}-{target}-t
        metric: total_rank
        dimension: null
        rule: {"rank_within_at_most" if among else "rank_at_most"}
        k: {2 if among else k}
{among}        baseline_year: null
        target_years: {years}
        quote_vi: null
        interpretation_vi: null
        interpretation_en: null
"""


def test_a_plan_may_name_a_province_of_the_34(built) -> None:
    """plans.yaml names the new Tây Ninh by its store key (n + GSO code; the plan is added by the `built` fixture):
    its 2025 target is read on its own 2025 rank among the 34 of its region (SYNTHETIC figures), 2026 is pending."""
    store, _ = built
    result = store.table("plan_evaluation").set_index(["target_id", "target_year"])
    ranked = store.table("ranked_scores")
    own = ranked[(ranked["year"] == 2025) & (ranked["province_code"] == "n80") & (ranked["dimension"] == TOTAL)]
    row = result.loc[("synthetic-n80-top5-t", 2025)]
    assert row["measured_code"] == "n80" and row["status"] in ("achieved", "missed")
    provinces = store.provinces
    region = provinces.set_index("code").at["n80", "region_id"]
    same = provinces[(provinces["region_id"] == region) & (provinces["province_set"] == SET_34)]
    assert row["value_n"] == len(same) and row["value"] <= int(own["rank"].iloc[0])
    assert result.loc[("synthetic-n80-top5-t", 2026), "status"] == "pending"


def test_a_plan_of_the_34_is_checked_by_era(tmp_path: Path) -> None:
    sources = sources_with_2025(tmp_path)
    with (sources / "plans.yaml").open("a", encoding="utf-8") as f:
        f.write(_new_province_plan("n80", "early", "[2024, 2025]"))
        f.write(
            _new_province_plan(
                "n80", "mixed", among='        among: {name_vi: "x", name_en: "x", provinces: ["n80", "72"]}\n'
            )
        )
        f.write(_new_province_plan("80", "old", "[2025]"))  # Long An: a former province, mapped from 2025
        f.write(_new_province_plan("79", "top40", "[2025]", k=40))  # "top 40" in 2025: among 34
    with pytest.raises(SourceRejected) as rejected:
        assemble(sources, last_year=LAST)
    report = str(rejected.value)
    assert "[target_years]: n80 is a province of the 34, with figures from 2025: not [2024]" in report
    assert "[provinces]: the provinces of one set only (the 63, or the 34 from 2025)" in report
    assert "[k]: rank_at_most needs k, a whole number from 1 to 34, not 40" in report
    assert "synthetic-80" not in report and report.count("plans.yaml:") == 3
