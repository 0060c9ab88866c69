"""A table as the API hands it over: CSV, JSON or Parquet bytes, and the headers every answer carries.

CSV: UTF-8 without a byte-order mark, one header row, no comment lines, `.` as the decimal separator, codes as text
(`01`), an empty cell for no data: `pandas.read_csv(url, dtype={"province_code": str})` and R's `read.csv(url,
colClasses = c(province_code = "character"))` read it as it is. JSON: `{"meta": {…}, "data": [records]}` with null for
no data. Parquet: the table with its types, the metadata in the file's key-value metadata (`papi_meta`, JSON).
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from typing import Literal

import orjson
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

Format = Literal["csv", "json", "parquet"]
FORMATS: tuple[Format, ...] = ("csv", "json", "parquet")
MEDIA = {
    "csv": "text/csv; charset=utf-8; header=present",
    "json": "application/json",
    "parquet": "application/vnd.apache.parquet",
    "png": "image/png",
    "svg": "image/svg+xml",
}
MAX_AGE_S = 86_400  # a day: a build changes the ETag, and a client asks again after a day


def to_csv(table: pd.DataFrame) -> bytes:
    return table.to_csv(index=False, lineterminator="\n").encode("utf-8")


def records(table: pd.DataFrame) -> list[dict]:
    """The rows as dicts, every missing value None (null in JSON), never NaN."""
    plain = table.astype(object).where(table.notna(), None)
    return plain.to_dict("records")


def to_json(table: pd.DataFrame, meta: Mapping[str, object]) -> bytes:
    return orjson.dumps({"meta": meta, "data": records(table)}, option=orjson.OPT_SERIALIZE_NUMPY)


def to_parquet(table: pd.DataFrame, meta: Mapping[str, object], whole: pa.Table | None = None) -> bytes:
    """`whole`, where given, is the table `table`'s rows come from, already in Arrow (row i = index label i): its
    rows are taken there, which costs milliseconds where converting Python strings costs hundreds."""
    if whole is not None:
        arrow = whole.take(pa.array(table.index.to_numpy()))
    else:
        arrow = pa.Table.from_pandas(table, preserve_index=False)
    extra = {b"papi_meta": json.dumps(meta, ensure_ascii=False).encode("utf-8")}
    out = io.BytesIO()
    pq.write_table(arrow.replace_schema_metadata({**(arrow.schema.metadata or {}), **extra}), out)
    return out.getvalue()


def encode(table: pd.DataFrame, fmt: Format, meta: Mapping[str, object], whole: pa.Table | None = None) -> bytes:
    if fmt == "csv":
        return to_csv(table)
    if fmt == "json":
        return to_json(table, meta)
    return to_parquet(table, meta, whole)


def headers(build: str, citation_url: str, media: str, filename: str) -> dict[str, str]:
    """What every answer carries: the build as ETag (a rebuild is a new version), a day's caching, where the
    citation (`citation_url`, under the API's mount) and the API's description beside it are, and open access for
    other sites' scripts (the data is public)."""
    described = citation_url.split("/citation.", 1)[0] + "/openapi.json"
    return {
        "content-type": media,
        "etag": f'"{build}"',
        "cache-control": f"public, max-age={MAX_AGE_S}",
        "link": f'<{citation_url}>; rel="cite-as", <{described}>; rel="describedby"',
        "content-disposition": f'inline; filename="{filename}"',
        "access-control-allow-origin": "*",
        "x-content-type-options": "nosniff",
    }
