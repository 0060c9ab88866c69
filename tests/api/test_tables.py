"""The API's tables and files: the same numbers as the explorer for the same filters, files that pandas reads as they
are, no data as empty or null (never 0), the headers every answer carries, and a rebuild seen at the next request."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from papi_data import explore
from papi_data.build import build
from papi_data.store.load import load_store, store_version
from papi_data.store.paths import SOURCES_DIR
from server import api
from server.api import tables
from server.api.tables import SCORE_COLUMNS

# (API query, the explorer's filters for it): years, metrics, regions, groups, provinces
SAME_FILTERS = [
    ("year=2024&metric=total", explore.Filters(years=(2024, 2024), metrics=("total",))),
    (
        "year=2018-2024&metric=d4_control_of_corruption,d5.land_titles&region=red_river_delta",
        explore.Filters(
            years=(2018, 2024), metrics=("d4_control_of_corruption", "d5.land_titles"), regions=("red_river_delta",)
        ),
    ),
    (
        "year=2011-2017&metric=total,d1_participation&group=best,poor&province=01,ha%20giang,hcm",
        explore.Filters(
            years=(2011, 2017),
            metrics=("total", "d1_participation"),
            groups=("best", "poor"),
            provinces=("01", "02", "79"),
        ),
    ),
]
COMPARED = [
    "year",
    "province_code",
    "metric",
    "score",
    "rank",
    "n_ranked",
    "group",
    "change",
    "se",
    "ci90_low",
    "ci90_high",
]


def _csv(content: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(content), dtype={"province_code": str})


@pytest.mark.parametrize(("query", "filters"), SAME_FILTERS, ids=[q for q, _ in SAME_FILTERS])
def test_scores_are_the_explorers_rows_for_the_same_filters(
    client: TestClient, api_store: Path, query: str, filters: explore.Filters
) -> None:
    """The explorer page's table (the build's explorer_table) filtered by the page's own
    rule (papi_data.explore.apply_filters), against the API's CSV: the same rows in the same order with the same
    unrounded values."""
    store = load_store(api_store)
    shown = explore.apply_filters(store.table("explorer_table"), store.provinces, filters)
    expected = shown.rename(columns={"dimension": "metric", "n": "n_ranked"})[COMPARED].reset_index(drop=True)
    answer = client.get(f"/api/v1/scores.csv?{query}")
    assert answer.status_code == 200
    got = _csv(answer.content)[COMPARED]
    assert len(got) == len(expected) > 0
    assert got["province_code"].tolist() == expected["province_code"].tolist()
    assert got["metric"].tolist() == expected["metric"].tolist()
    for column in ("score", "change", "se", "ci90_low", "ci90_high"):
        assert got[column].to_numpy() == pytest.approx(
            expected[column].astype(float).to_numpy(), nan_ok=True, rel=0, abs=1e-12
        )
    for column in ("rank", "n_ranked"):
        assert got[column].astype("Int64").tolist() == expected[column].astype("Int64").tolist()
    assert got["group"].fillna("").tolist() == expected["group"].astype(object).fillna("").tolist()


def test_csv_opens_in_pandas_as_it_is(client: TestClient) -> None:
    """No byte-order mark, no comment lines, one header row, codes as two-digit text, '.' decimals, empty = no data."""
    content = client.get("/api/v1/scores.csv?year=2018-2024&metric=total").content
    assert not content.startswith(b"\xef\xbb\xbf") and not content.startswith(b"#")
    plain = pd.read_csv(io.BytesIO(content))  # what a new user types first
    assert list(plain.columns) == SCORE_COLUMNS
    typed = _csv(content)
    assert typed["province_code"].str.fullmatch(r"\d{2}").all()
    assert "01" in set(typed["province_code"])
    assert typed["score"].dtype == float
    lines = content.decode("utf-8").splitlines()
    missing = typed["score"].isna()
    assert missing.any()  # some province-years have no total (PROVENANCE.md)
    first_missing = lines[int(missing.to_numpy().argmax()) + 1].split(",")
    assert first_missing[SCORE_COLUMNS.index("score")] == ""


def test_json_has_null_for_no_data_and_the_citation(client: TestClient) -> None:
    body = client.get("/api/v1/scores.json?year=2018-2024&metric=total").json()
    rows = body["data"]
    assert {tuple(r) for r in rows} == {tuple(SCORE_COLUMNS)}
    assert any(r["score"] is None for r in rows) and all(r["score"] != 0 for r in rows)
    assert all(r["rank"] is None for r in rows if r["score"] is None)
    assert body["meta"]["citation"]["plain"].startswith("PAPI 2018–2024 — CECODES, VFF-CRT, RTA & UNDP")
    assert "@misc{" in body["meta"]["citation"]["bibtex"]


def test_parquet_keeps_types_and_metadata(client: TestClient) -> None:
    answer = client.get("/api/v1/scores.parquet?year=2024")
    table = pq.read_table(io.BytesIO(answer.content))
    frame = table.to_pandas()
    assert frame["province_code"].str.fullmatch(r"\d{2}").all()
    assert set(frame["metric"]) >= {"total", "d1_participation", "d5.land_titles"}  # every metric when none is named
    assert b"papi_meta" in table.schema.metadata


@pytest.mark.parametrize("name", ["provinces", "metrics", "plans"])
@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_reference_tables_in_three_formats(client: TestClient, name: str, fmt: str) -> None:
    answer = client.get(f"/api/v1/{name}.{fmt}")
    assert answer.status_code == 200
    if fmt == "csv":
        frame = pd.read_csv(io.BytesIO(answer.content), dtype=str)
    elif fmt == "json":
        frame = pd.DataFrame(answer.json()["data"])
    else:
        frame = pd.read_parquet(io.BytesIO(answer.content))
    expected = {"provinces": 63, "metrics": 40, "plans": 32}[name]
    assert len(frame) == expected


def test_metrics_name_both_languages_years_and_scales(client: TestClient) -> None:
    rows = {r["metric"]: r for r in client.get("/api/v1/metrics.json").json()["data"]}
    assert rows["total"]["scales"] == "2011–2017: 6–60; 2018–2024: 8–80"
    assert rows["d7_environmental_governance"]["first_year"] == 2018
    assert rows["d1_participation"]["name_en"].startswith("D1 ")
    assert rows["d2.poverty_lists"]["scales"] == "2011–2017: 0.33–3.33; 2018–2024: 0.25–2.5"


def test_plans_carry_verdicts_and_sources(client: TestClient) -> None:
    rows = client.get("/api/v1/plans.json?province=ha%20noi").json()["data"]
    assert rows and {r["province_code"] for r in rows} == {"01"}
    assert {r["status"] for r in rows} <= {"achieved", "missed", "no_data", "pending"}
    assert all(r["source"].startswith("plans.yaml:") for r in rows)
    first = next(r for r in rows if r["target_id"] == "hn-157-rank-2023" and r["reading"] == "main")
    assert (first["status"], first["value"], first["threshold"]) == ("missed", 15.0, 11.0)


def test_every_answer_carries_build_caching_and_citation(client: TestClient, api_store: Path) -> None:
    answer = client.get("/api/v1/scores.csv?year=2023&metric=total")
    build_id = store_version(api_store)
    assert answer.headers["etag"] == f'"{build_id}"'
    assert answer.headers["cache-control"] == "public, max-age=86400"
    assert '</api/v1/citation.json?year=2023&lang=vi>; rel="cite-as"' in answer.headers["link"]
    again = client.get("/api/v1/scores.csv?year=2023&metric=total", headers={"if-none-match": f'"{build_id}"'})
    assert again.status_code == 304 and not again.content


def test_citation_in_three_forms(client: TestClient) -> None:
    cited = client.get("/api/v1/citation.json?year=2023&lang=en&link=https://papi.example.gov.vn/ban-do").json()
    assert cited["plain"].startswith("PAPI 2023 — CECODES, RTA & UNDP, papi.org.vn. PAPI Dashboard, https://papi")
    assert "(2023)." in cited["apa"] and "year = {2023}" in cited["bibtex"]
    bib = client.get("/api/v1/citation.bib?year=2018-2024")
    assert bib.text.startswith("@misc{papi20182024") and bib.headers["content-type"].startswith("application/x-bibtex")


def test_a_rebuild_is_served_at_the_next_request(client: TestClient, api_store: Path) -> None:
    before = tables.current().build
    build(SOURCES_DIR, target=api_store)
    after = client.get("/api/v1/provinces.csv")
    assert after.headers["etag"] != f'"{before}"'
    assert after.headers["etag"] == f'"{store_version(api_store)}"'
    assert tables.current() is tables.current()  # one set of tables per build, not one per request


def test_under_a_base_path_the_api_and_its_links_are_under_it(api_store: Path) -> None:
    with TestClient(Starlette(routes=api.routes("papi"))) as under:
        answer = under.get("/papi/api/v1/scores.csv?year=2024&metric=total")
        assert answer.status_code == 200
        assert answer.headers["link"].startswith("</papi/api/v1/citation.json?year=2024&lang=vi>")
        assert "</papi/api/v1/openapi.json>" in answer.headers["link"]
        assert under.get("/api/v1/scores.csv").status_code == 404
