"""Bad input to the API: a JSON 400 that names the parameter, the value (never markup) and what is allowed, in the
reader's language; limits on a query's length and count; unknown addresses and methods as JSON 404/405."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from server.api.params import MAX_PARAMS, MAX_QUERY, MAX_VALUE


@pytest.mark.parametrize(
    ("query", "parameter", "value"),
    [
        ("year=1999", "year", "1999"),
        ("year=2024-2018", "year", "2024-2018"),
        ("metric=d9", "metric", "d9"),
        ("province=atlantis", "province", "atlantis"),
        ("group=great", "group", "great"),
        ("region=north_pole", "region", "north_pole"),
        ("lang=fr", "lang", "fr"),
    ],
)
def test_a_bad_value_is_named_with_what_is_allowed(client: TestClient, query: str, parameter: str, value: str) -> None:
    answer = client.get(f"/api/v1/scores.csv?{query}")
    assert answer.status_code == 400
    assert answer.headers["content-type"] == "application/json"
    error = answer.json()["error"]
    assert (error["code"], error["parameter"], error["value"]) == ("bad_value", parameter, value)
    assert error["allowed"] and error["message"]


def test_the_message_is_in_the_readers_language(client: TestClient) -> None:
    vi = client.get("/api/v1/scores.csv?year=abc").json()["error"]["message"]
    en = client.get("/api/v1/scores.csv?year=abc&lang=en").json()["error"]["message"]
    browser = client.get("/api/v1/scores.csv?year=abc", headers={"accept-language": "en-GB,en;q=0.9"})
    assert vi == "Giá trị không hợp lệ cho «year»."
    assert en == "Not a valid value for 'year'." == browser.json()["error"]["message"]


@pytest.mark.parametrize("value", ["<script>alert(1)</script>", "[x](javascript:alert(1))", "**b**", "a\nb"])
def test_markup_is_never_echoed(client: TestClient, value: str) -> None:
    answer = client.get("/api/v1/scores.csv", params={"province": value})
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["value"] is None and "not shown" in error["value_note"]
    assert value not in answer.text


def test_limits_on_length_and_count(client: TestClient) -> None:
    long_value = client.get("/api/v1/scores.csv", params={"province": "a" * (MAX_VALUE + 1)})
    assert long_value.status_code == 400 and long_value.json()["error"]["code"] == "too_long"
    many = client.get("/api/v1/scores.csv?" + "&".join(["year=2020"] * (MAX_PARAMS + 1)))
    assert many.status_code == 400 and many.json()["error"]["code"] == "too_many"
    huge = client.get("/api/v1/scores.csv?province=" + "01," * (MAX_QUERY // 3 + 1))
    assert huge.status_code == 400 and huge.json()["error"]["code"] == "query_too_long"


def test_unknown_parameter_lists_the_known_ones(client: TestClient) -> None:
    error = client.get("/api/v1/provinces.csv?year=2020").json()["error"]
    assert (error["code"], error["parameter"], error["allowed"]) == ("unknown_parameter", "year", "region, lang")


@pytest.mark.parametrize("path", ["/api/v1/nothing", "/api/v1/scores.xlsx", "/api/v1/charts/pie.png", "/api/v1/a/b/c"])
def test_unknown_addresses_are_json_404(client: TestClient, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "not_found"


def test_other_methods_are_json_405(client: TestClient) -> None:
    answer = client.post("/api/v1/scores.csv")
    assert answer.status_code == 405 and answer.json()["error"]["allowed"] == "GET, HEAD"


def test_repeated_keys_are_one_list(client: TestClient) -> None:
    both = client.get("/api/v1/scores.json?year=2024&metric=total&province=01&province=79").json()["data"]
    assert {r["province_code"] for r in both} == {"01", "79"}
