"""The boundary file the browser loads by URL, made from geo/data/ into static/ (which the app serves).

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

from geo.loader import provinces_63

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
PROVINCES_63 = "geo/vn_provinces_63.json"  # inside STATIC_DIR, and in the app's URL after /app/static/


@lru_cache(maxsize=1)
def provinces_63_bytes() -> bytes:
    """The 63 provinces as plotly needs them: each feature's geometry and its code (the map's featureidkey), nothing
    else, in compact JSON."""
    features = [
        {"type": "Feature", "properties": {"code": f["properties"]["code"]}, "geometry": f["geometry"]}
        for f in provinces_63()["features"]
    ]
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


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
    """Write the file if it is missing or differs from what geo/data makes; return its path."""
    path = static_dir / PROVINCES_63
    content = provinces_63_bytes()
    if not path.exists() or path.read_bytes() != content:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(content)
        tmp.replace(path)  # a server already running never serves half a file
    return path


if __name__ == "__main__":
    print(write())
