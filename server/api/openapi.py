"""The API described as an OpenAPI 3.1 document (validated in tests/api/test_openapi.py), an example per endpoint."""

from __future__ import annotations

from functools import cache

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from server.api import charts, formats, params
from server.api.endpoints import PREFIX
from server.api.tables import SCORE_COLUMNS

_STRING = {"type": "string"}
_NULLABLE_NUMBER = {"type": ["number", "null"]}
_NULLABLE_INT = {"type": ["integer", "null"]}
_NULLABLE_STRING = {"type": ["string", "null"]}


def _param(name: str, description: str, example: str, schema: dict | None = None) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string", "maxLength": params.MAX_VALUE},
        "example": example,
    }


LANG = _param(
    "lang", "Language of names in charts and of error messages: vi (default) or en.", "en", {"enum": list(params.LANGS)}
)
YEAR = _param("year", "One year or a range (2018-2024); every year when absent.", "2018-2024")
PROVINCE = _param(
    "province",
    "Comma-separated two-digit codes (01) or names, diacritics forgiven (ha noi, hcm); every province when absent.",
    "01,79",
)
METRIC = _param(
    "metric",
    "Comma-separated metric ids: total, a dimension (d1_participation) or a sub-dimension (d5.land_titles); "
    "see /api/v1/metrics. Every metric when absent.",
    "total",
)
REGION = _param("region", "Comma-separated region ids (see /api/v1/provinces).", "red_river_delta")
GROUP = _param("group", "Comma-separated PAPI groups: " + ", ".join(params.GROUPS) + ".", "best")
FORMAT = {
    "name": "fmt",
    "in": "path",
    "required": True,
    "description": "The file format.",
    "schema": {"enum": list(formats.FORMATS)},
    "example": "csv",
}

SCORE_SCHEMA = {
    "type": "object",
    "properties": {
        "year": {"type": "integer"},
        "province_code": {"type": "string", "pattern": "^[0-9]{2}$"},
        "province_name_vi": _STRING,
        "province_name_en": _STRING,
        "region": _STRING,
        "metric": _STRING,
        "parent_dimension": _NULLABLE_STRING,
        "score": _NULLABLE_NUMBER,
        "scale_low": {"type": "number"},
        "scale_high": {"type": "number"},
        "rank": _NULLABLE_INT,
        "n_ranked": _NULLABLE_INT,
        "group": {"type": ["string", "null"], "enum": [*params.GROUPS, None]},
        "change": _NULLABLE_NUMBER,
        "change_gap": _NULLABLE_STRING,
        "se": _NULLABLE_NUMBER,
        "ci90_low": _NULLABLE_NUMBER,
        "ci90_high": _NULLABLE_NUMBER,
        "respondents": _NULLABLE_INT,
        "source": _STRING,
    },
    "required": SCORE_COLUMNS,
}
SCORE_EXAMPLE = {
    "year": 2024,
    "province_code": "01",
    "province_name_vi": "Hà Nội",
    "province_name_en": "Ha Noi",
    "region": "red_river_delta",
    "metric": "total",
    "parent_dimension": None,
    "score": 44.2,
    "scale_low": 8.0,
    "scale_high": 80.0,
    "rank": 14,
    "n_ranked": 61,
    "group": "best",
    "change": 0.8,
    "change_gap": None,
    "se": None,
    "ci90_low": None,
    "ci90_high": None,
    "respondents": None,
    "source": "github:tunah72/papi-dashboard data/processed/… papi_scores_long.csv:2",
}
ERROR = {
    "description": "A bad parameter: which one, its value (unless it holds markup) and what is allowed.",
    "content": {
        "application/json": {
            "schema": {"$ref": "#/components/schemas/Error"},
            "example": {
                "error": {
                    "code": "bad_value",
                    "message": "Not a valid value for 'year'.",
                    "parameter": "year",
                    "value": "1999",
                    "allowed": "years within 2011–2024, the first not after the last",
                }
            },
        }
    },
}
HEADERS = {
    "ETag": {"description": "The store's build id: a new build, a new version.", "schema": _STRING},
    "Cache-Control": {"description": "public, max-age=86400", "schema": _STRING},
    "Link": {"description": 'The citation (rel="cite-as") and this document (rel="describedby").', "schema": _STRING},
}


def _table(summary: str, description: str, query: list[dict], schema: dict, example: dict, csv: str) -> dict:
    return {
        "get": {
            "summary": summary,
            "description": description,
            "parameters": [FORMAT, *query, LANG],
            "responses": {
                "200": {
                    "description": "The rows: CSV (a header row, codes as text, empty = no data), JSON ({meta, data} "
                    "with null for no data) or Parquet (typed; metadata in `papi_meta`).",
                    "headers": HEADERS,
                    "content": {
                        "text/csv": {"schema": _STRING, "example": csv},
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "meta": {"$ref": "#/components/schemas/Meta"},
                                    "data": {"type": "array", "items": schema},
                                },
                                "required": ["meta", "data"],
                            },
                            "example": {"meta": {"build": "9dd13c12…"}, "data": [example]},
                        },
                        "application/vnd.apache.parquet": {"schema": {"type": "string", "format": "binary"}},
                    },
                },
                "304": {"description": "Not modified (If-None-Match held the build id)."},
                "400": ERROR,
                "404": ERROR,
                "503": ERROR,
            },
        }
    }


def _rows_schema(columns: dict[str, dict]) -> dict:
    return {"type": "object", "properties": columns}


@cache
def spec() -> dict:
    strings = {
        c: _NULLABLE_STRING
        for c in ("name_vi", "name_en", "region", "region_name_vi", "region_name_en", "aliases", "code_2025")
    }
    chart_query = [
        _param("year", "One year; the latest when absent.", "2024"),
        _param(
            "metric", "A metric id (the total when absent); a radar or trend takes the total or a dimension.", "total"
        ),
        _param(
            "province",
            "One province (code or name): outlined on a map, highlighted in a ranking; a radar's "
            "or trend's province (01 when absent).",
            "48",
        ),
        _param("width", "Pixels.", "1200", {"type": "integer", "minimum": params.WIDTH[0], "maximum": params.WIDTH[1]}),
        _param(
            "height", "Pixels.", "675", {"type": "integer", "minimum": params.HEIGHT[0], "maximum": params.HEIGHT[1]}
        ),
        LANG,
    ]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "PAPI open data API",
            "version": "1.0.0",
            "summary": "Vietnam's Provincial Governance and Public Administration Performance Index, 2011–2024, "
            "as published by CECODES, VFF-CRT, RTA and UNDP (papi.org.vn). Read-only.",
            "description": "Values are the stored ones, unrounded; no data is an empty CSV cell or a JSON null, never "
            f"0. Limits: {params.MAX_PARAMS} parameters, {params.MAX_VALUE} characters a value, {params.MAX_QUERY} "
            "a query. Every answer carries the store's build id as ETag.",
        },
        "servers": [{"url": "/"}],
        "paths": {
            f"{PREFIX}/scores.{{fmt}}": _table(
                "Scores",
                "One row per province, year and metric, filtered like the explorer page (the same rows).",
                [YEAR, PROVINCE, METRIC, REGION, GROUP],
                SCORE_SCHEMA,
                SCORE_EXAMPLE,
                ",".join(SCORE_COLUMNS) + "\n2024,01,Hà Nội,Ha Noi,red_river_delta,total,,44.2,8.0,80.0,14,61,best,…\n",
            ),
            f"{PREFIX}/provinces.{{fmt}}": _table(
                "Provinces",
                "The 63 provinces with codes, names in both languages, region and the province since 1 July 2025.",
                [REGION],
                _rows_schema({"province_code": _STRING, **strings}),
                {"province_code": "01", "name_vi": "Hà Nội", "name_en": "Ha Noi", "region": "red_river_delta"},
                "province_code,name_vi,name_en,region,…\n01,Hà Nội,Ha Noi,red_river_delta,…\n",
            ),
            f"{PREFIX}/metrics.{{fmt}}": _table(
                "Metrics",
                "The total, the dimensions and the sub-dimensions: names in both languages, years measured, scales.",
                [_param("level", "total, dimension or subdimension (comma-separated).", "dimension")],
                _rows_schema(
                    {
                        "metric": _STRING,
                        "level": _STRING,
                        "name_vi": _STRING,
                        "name_en": _STRING,
                        "first_year": {"type": "integer"},
                        "last_year": {"type": "integer"},
                        "years": _STRING,
                        "scales": _STRING,
                    }
                ),
                {"metric": "total", "level": "total", "first_year": 2011, "scales": "2011–2017: 6–60; 2018–2024: 8–80"},
                "metric,level,parent_dimension,name_vi,name_en,first_year,last_year,years,scales\n",
            ),
            f"{PREFIX}/plans.{{fmt}}": _table(
                "Plans and targets",
                "Each target of the provinces' PAPI plans for each target year and reading, with its verdict "
                "(achieved, missed, no_data, pending) evaluated from the store, the value, target, gap and sources.",
                [
                    PROVINCE,
                    _param("status", "Comma-separated: " + ", ".join(params.STATUSES) + ".", "missed"),
                    _param("plan", "Comma-separated plan ids.", "hn-2023-kh157"),
                ],
                _rows_schema({"plan_id": _STRING, "target_id": _STRING, "status": _STRING, "gap": _NULLABLE_NUMBER}),
                {"plan_id": "hn-2023-kh157", "target_id": "hn-157-rank-2023", "target_year": 2023, "status": "missed"},
                "plan_id,province_code,…,status,…\nhn-2023-kh157,01,…,missed,…\n",
            ),
            f"{PREFIX}/charts/{{kind}}.{{image_format}}": {
                "get": {
                    "summary": "Chart image",
                    "description": "The map, ranking, radar or trend as on the page (title, source line, link), "
                    "for an <img> or a slide.",
                    "parameters": [
                        {
                            "name": "kind",
                            "in": "path",
                            "required": True,
                            "schema": {"enum": list(charts.KINDS)},
                            "example": "map",
                        },
                        {
                            "name": "image_format",
                            "in": "path",
                            "required": True,
                            "schema": {"enum": list(charts.IMAGE_FORMATS)},
                            "example": "png",
                        },
                        *chart_query,
                    ],
                    "responses": {
                        "200": {
                            "description": "The image.",
                            "headers": HEADERS,
                            "content": {
                                "image/png": {"schema": {"type": "string", "format": "binary"}},
                                "image/svg+xml": {"schema": _STRING, "example": "<svg …>…</svg>"},
                            },
                        },
                        "400": ERROR,
                        "404": ERROR,
                        "503": ERROR,
                    },
                }
            },
            f"{PREFIX}/citation.{{citation_format}}": {
                "get": {
                    "summary": "Citation",
                    "description": "How to cite PAPI's figures for the years asked: plain text, APA and BibTeX.",
                    "parameters": [
                        {
                            "name": "citation_format",
                            "in": "path",
                            "required": True,
                            "schema": {"enum": ["json", "txt", "bib"]},
                            "example": "json",
                        },
                        YEAR,
                        _param(
                            "link",
                            "The address of the view cited (a plain http(s) address).",
                            "https://papi.example/ban-do",
                        ),
                        LANG,
                    ],
                    "responses": {
                        "200": {
                            "description": "The citation.",
                            "headers": HEADERS,
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {"plain": _STRING, "apa": _STRING, "bibtex": _STRING},
                                    },
                                    "example": {
                                        "plain": "PAPI 2024 — CECODES, RTA & UNDP, papi.org.vn. PAPI Dashboard, "
                                        "https://papi.example/ (accessed 2026-12-07)."
                                    },
                                },
                                "text/plain": {"schema": _STRING},
                                "application/x-bibtex": {"schema": _STRING},
                            },
                        },
                        "400": ERROR,
                    },
                }
            },
            f"{PREFIX}/openapi.json": {
                "get": {
                    "summary": "This document",
                    "responses": {
                        "200": {
                            "description": "OpenAPI 3.1",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "properties": {
                        "error": {
                            "type": "object",
                            "properties": {
                                "code": _STRING,
                                "message": _STRING,
                                "parameter": _STRING,
                                "value": _NULLABLE_STRING,
                                "value_note": _STRING,
                                "allowed": _STRING,
                            },
                            "required": ["code", "message"],
                        }
                    },
                    "required": ["error"],
                },
                "Meta": {
                    "type": "object",
                    "properties": {
                        "build": _STRING,
                        "built_at": _STRING,
                        "source": _STRING,
                        "citation": {
                            "type": "object",
                            "properties": {"plain": _STRING, "apa": _STRING, "bibtex": _STRING},
                        },
                        "terms": _STRING,
                        "query": {"type": "object"},
                    },
                },
            }
        },
    }


def document(request: Request) -> Response:
    return JSONResponse(
        spec(), headers={"cache-control": f"public, max-age={formats.MAX_AGE_S}", "access-control-allow-origin": "*"}
    )
