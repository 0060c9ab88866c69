"""The explorer's data package: a ZIP that a Frictionless validator accepts (the descriptor and the CSV against its
schema), the CSV a plain table, the README in the reader's language with the filters, link, date and citation."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from frictionless import Package, validate

from papi_data.citation import citation
from papi_data.explore import Filters, apply_filters, summarise, with_base_change
from papi_data.store.load import load_store
from ui.core.metrics import build_metrics
from ui.explorer.downloads import download_note, to_package, view_table

FILTERS = Filters(years=(2018, 2023), metrics=("total", "d5.land_titles"), provinces=("01", "27", "79"))


@pytest.fixture(scope="module", params=["vi", "en"])
def package(request: pytest.FixtureRequest, api_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    lang = request.param
    store = load_store(api_store)
    metrics = build_metrics(store.dimensions, store.subdimensions, store.subdimension_periods, max(store.years))
    table = with_base_change(store.table("explorer_table"), 2018)  # the explorer page's table
    shown = apply_filters(table, store.provinces, FILTERS)
    note = download_note(
        FILTERS,
        "ha noi, bac ninh, hcm",
        2018,
        summarise(table, store.provinces, FILTERS, shown),
        metrics=metrics,
        regions=store.regions,
        provinces=store.provinces,
        lang=lang,
        created=dt.date(2026, 12, 7),
        link="http://localhost:8501/kham-pha?years=2018-2023",
        citation=citation(store.report_partners, store.partners, range(2018, 2024), lang),
        interval_years=(2019, 2022, 2023),
    )
    data = to_package(view_table(shown, store.regions, metrics, lang, 2018), note, "papi-explorer", lang)
    folder = tmp_path_factory.mktemp(f"package-{lang}")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sorted(archive.namelist()) == ["README.md", "datapackage.json", "papi.csv"]
        archive.extractall(folder)
    return folder


def test_the_package_is_a_valid_frictionless_data_package(package: Path) -> None:
    report = validate(str(package / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_the_descriptor_says_types_units_missing_values_licence_sources_and_citation(package: Path) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"]: f for f in descriptor["resources"][0]["schema"]["fields"]}
    assert fields["province_code"]["type"] == "string" and fields["score"]["type"] == "number"
    assert fields["score"]["unit"] == "points" and fields["rank"]["type"] == "integer"
    assert descriptor["resources"][0]["schema"]["missingValues"] == [""]
    assert descriptor["licenses"] and descriptor["sources"]
    assert descriptor["citation"].startswith("PAPI 2018–2023 — CECODES, VFF-CRT, RTA & UNDP")
    assert descriptor["created"].startswith("2026-12-07") and descriptor["homepage"].startswith(
        "http://localhost:8501/kham-pha"
    )
    rows = Package(str(package / "datapackage.json")).get_resource("scores").read_rows()
    hanoi = [r for r in rows if r["province_code"] == "01" and r["metric"] == "total"]
    assert len(hanoi) == 6 and all(r["score"] > 8 for r in hanoi)  # numbers (Decimal), on the 8–80 scale
    assert any(r["score"] is None for r in rows)  # Bắc Ninh's missing years: empty, never 0


def test_the_csv_is_a_plain_table(package: Path) -> None:
    frame = pd.read_csv(package / "papi.csv", dtype={"province_code": str})
    assert set(frame["province_code"]) == {"01", "27", "79"}
    assert not (package / "papi.csv").read_text(encoding="utf-8-sig").startswith("#")


def test_the_readme_is_in_the_readers_language(package: Path) -> None:
    readme = (package / "README.md").read_text(encoding="utf-8")
    vietnamese = "Gói dữ liệu PAPI" in readme
    assert vietnamese == package.name.startswith("package-vi")
    assert "ha noi, bac ninh, hcm" in readme and "2026-12-07" in readme and "localhost:8501/kham-pha" in readme
