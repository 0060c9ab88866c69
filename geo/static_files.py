"""The boundary files the browser loads by URL, made from geo/data/ into static/ (which the app serves): the 63
provinces, and the 34 (keyed as in the store) for the years from 2025.

A map figure names its geometry by URL instead of carrying it: plotly.js fetches the file once and keeps it by URL, so
a change of year or metric sends only codes, values and hover texts. The file is made, never copied by hand: serve.py
(what `make run` calls) writes it before the server starts, and rewrites it when geo/data changes.

    python -m geo.static_files   # writes static/geo/ (serve.py does this itself)
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from geo.loader import provinces_34_keyed, provinces_63
from papi_data.eras import SET_34, province_set

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
PROVINCES_63 = "geo/vn_provinces_63.json"  # inside STATIC_DIR, and in the app's URL after /app/static/
PROVINCES_34 = "geo/vn_provinces_34.json"  # the 34 provinces, from 2025


def _compact(source: dict) -> bytes:
    """Provinces as plotly needs them: each feature's geometry and its code (the map's featureidkey), nothing else,
    in compact JSON."""
    features = [
        {"type": "Feature", "properties": {"code": f["properties"]["code"]}, "geometry": f["geometry"]}
        for f in source["features"]
    ]
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@lru_cache(maxsize=1)
def provinces_63_bytes() -> bytes:
    """The 63 provinces' file (see _compact)."""
    return _compact(provinces_63())


@lru_cache(maxsize=1)
def provinces_34_bytes() -> bytes:
    """The 34 provinces' file, keyed as in the store (geo.loader.provinces_34_keyed)."""
    return _compact(provinces_34_keyed())


def _files() -> dict[str, bytes]:
    return {PROVINCES_63: provinces_63_bytes(), PROVINCES_34: provinces_34_bytes()}


def url_path_of_year(year: int) -> str:
    """The versioned path under /app/static/ of the geometry a year's map is drawn on (63 or 34 provinces)."""
    name = PROVINCES_34 if province_set(year) == SET_34 else PROVINCES_63
    return f"{name}?v={hashlib.sha256(_files()[name]).hexdigest()[:12]}"


def geometry_of_url(url: str) -> dict | None:
    """The geometry a page's map names by `url` (under any base URL, any version), for an export's browser; None if
    the URL is not one of these files."""
    path = url.split("?", 1)[0]
    name = next((n for n in _files() if path.endswith(f"/app/static/{n}")), None)
    return None if name is None else json.loads(_files()[name])


@lru_cache(maxsize=1)
def provinces_63_geometry() -> dict:
    """The same file as a dict, for a figure rendered where no app serves it (an export's browser)."""
    return json.loads(provinces_63_bytes())


def is_provinces_63_url(url: str) -> bool:
    """Whether `url` names the provinces' file (under any base URL, any version)."""
    return url.split("?", 1)[0].endswith(f"/app/static/{PROVINCES_63}")


def provinces_63_url_path() -> str:
    """The file's path under /app/static/, with a version made from its content: a browser that kept an older
    geometry asks again once the geometry changes."""
    return f"{PROVINCES_63}?v={hashlib.sha256(provinces_63_bytes()).hexdigest()[:12]}"


def write(static_dir: Path = STATIC_DIR) -> Path:
    """Write the files if they are missing or differ from what geo/data makes; return the 63 provinces' path."""
    for name, content in _files().items():
        path = static_dir / name
        if not path.exists() or path.read_bytes() != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(content)
            tmp.replace(path)  # a server already running never serves half a file
    return static_dir / PROVINCES_63


if __name__ == "__main__":
    print(write())
