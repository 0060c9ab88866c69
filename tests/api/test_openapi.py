"""The API's OpenAPI 3.1 document: valid (openapi-spec-validator), every route described with an example, and the
document's example rows shaped like the real answers."""

from __future__ import annotations

from openapi_spec_validator import validate
from starlette.testclient import TestClient

from server.api.tables import SCORE_COLUMNS


def test_the_document_is_valid_openapi_3_1(client: TestClient) -> None:
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    validate(document)


def test_every_endpoint_is_described_with_an_example(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for name in ("scores", "provinces", "metrics", "plans"):
        operation = paths[f"/api/v1/{name}.{{fmt}}"]["get"]
        content = operation["responses"]["200"]["content"]
        assert content["application/json"]["example"]["data"] and content["text/csv"]["example"]
        assert all("example" in p for p in operation["parameters"])
    assert "/api/v1/charts/{kind}.{image_format}" in paths and "/api/v1/citation.{citation_format}" in paths


def test_the_documented_score_row_is_a_real_row(client: TestClient) -> None:
    document = client.get("/api/v1/openapi.json").json()
    json_answer = document["paths"]["/api/v1/scores.{fmt}"]["get"]["responses"]["200"]["content"]["application/json"]
    assert list(json_answer["example"]["data"][0]) == SCORE_COLUMNS
    real = client.get("/api/v1/scores.json?year=2024&metric=total&province=01").json()["data"][0]
    assert list(real) == SCORE_COLUMNS
