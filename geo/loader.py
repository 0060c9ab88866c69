"""Province boundaries for the maps: the 63 provinces (to June 2025), the 34 (since July 2025) and the mapping.

Pure functions over the files in geo/data/ (never the project's shared folder), cached for the process. Nothing here
imports Streamlit or geopandas (only the build script, make_boundaries, does). The GeoJSON dicts are ready for plotly:
`featureidkey="properties.code"`, outer rings clockwise. The cached dicts and lists are shared: copy them before
changing them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.ops import linemerge, unary_union

from papi_data.eras import new_key

DATA_DIR = Path(__file__).resolve().parent / "data"
PROVINCES_63 = DATA_DIR / "vn_provinces_63.geojson"
PROVINCES_34 = DATA_DIR / "vn_provinces_34.geojson"
MAPPING = DATA_DIR / "province_mapping_63_to_34.csv"

# Which province holds each archipelago (same code in the 63 and the 34 files) and a box that picks its parts out of
# that province's geometry: the label points are computed from those parts, and make_boundaries keeps them whatever
# their size. Trường Sa's box starts at 110.5°E, as in the files first shipped: it takes in the banks the source draws
# with Khánh Hòa around 110.5°E 8°N; the five parts just west of that line count as ordinary parts of Khánh Hòa.
ARCHIPELAGOS: tuple[dict[str, Any], ...] = (
    {"name_vi": "Hoàng Sa", "name_en": "Hoang Sa", "code": "48", "box": (111.0, 15.5, 113.0, 17.5)},
    {"name_vi": "Trường Sa", "name_en": "Truong Sa", "code": "56", "box": (110.5, 6.0, 118.0, 12.0)},
)


def _read_geojson(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def provinces_63() -> dict:
    """The 63 provinces in force 2008 – 30 June 2025 (properties code, name_vi, name_en)."""
    return _read_geojson(PROVINCES_63)


@lru_cache(maxsize=1)
def provinces_34() -> dict:
    """The 34 provinces in force since 1 July 2025 (properties code, name_vi, name_en)."""
    return _read_geojson(PROVINCES_34)


@lru_cache(maxsize=1)
def provinces_34_keyed() -> dict:
    """The 34 provinces with the store's keys as their `code` ("n80": papi_data.eras), so a map of a 2025+ year
    matches its rows and a click selects the new province, never the former one that had the same GSO code."""
    features = [
        {**f, "properties": {**f["properties"], "code": new_key(f["properties"]["code"])}}
        for f in provinces_34()["features"]
    ]
    return {**provinces_34(), "features": features}


@lru_cache(maxsize=1)
def _mapping() -> pd.DataFrame:
    return pd.read_csv(MAPPING, dtype=str, keep_default_na=False)


def mapping_63_to_34() -> pd.DataFrame:
    """One row per old province: old_code, old_name_vi, old_name_en, new_code, new_name_vi, new_name_en.

    Codes are zero-padded strings ("01"). A fresh copy each call, so callers may change it.
    """
    return _mapping().copy()


def _polygons(geometry: dict) -> list[list[list[list[float]]]]:
    """A Polygon or MultiPolygon geometry as a list of polygons (each a list of rings)."""
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


# The overlay is drawn over the 63 provinces at country scale, where one pixel is about 0.02°: a coarser line is
# indistinguishable there and keeps the map's message small.
BORDER_TOLERANCE = 0.005


@lru_cache(maxsize=1)
def borders_34() -> tuple[list[float | None], list[float | None]]:
    """Lon and lat lists (lines separated by None) of the borders between the 34 provinces in force since July 2025,
    each border once and without the coast or the national frontier (the 63-province map already draws those):
    one plotly Scattergeo line trace."""
    shapes = [shape(f["geometry"]) for f in provinces_34()["features"]]
    frontier = unary_union(shapes).boundary.buffer(1e-6)
    lines = linemerge(unary_union([s.boundary for s in shapes]).difference(frontier))
    lons: list[float | None] = []
    lats: list[float | None] = []
    for line in getattr(lines, "geoms", [lines]):
        coords = line.simplify(BORDER_TOLERANCE).coords
        lons += [round(x, 3) for x, _ in coords] + [None]
        lats += [round(y, 3) for _, y in coords] + [None]
    return lons, lats


def archipelago_of(code: str, part: Polygon) -> dict[str, Any] | None:
    """The archipelago a part of province `code` belongs to (judged by the part's representative point, which lies
    inside it), or None."""
    point = part.representative_point()
    for archipelago in ARCHIPELAGOS:
        west, south, east, north = archipelago["box"]
        if code == archipelago["code"] and west <= point.x <= east and south <= point.y <= north:
            return archipelago
    return None


def archipelago_parts(code: str, geometry: dict, archipelago: dict[str, Any]) -> list[Polygon]:
    """The parts of a province's GeoJSON geometry that belong to the archipelago."""
    parts = shape(geometry)
    return [part for part in getattr(parts, "geoms", [parts]) if archipelago_of(code, part) is archipelago]


@lru_cache(maxsize=1)
def archipelago_labels() -> list[dict]:
    """Label points for Hoàng Sa and Trường Sa: name_vi, name_en, lon, lat, code.

    Each point is the representative point of the convex hull of the archipelago's parts in its province's geometry
    (34 file): inside the area the archipelago spans, near its middle, and moving with the geometry. (The parts' own
    representative point would sit on the single widest reef, for Trường Sa at its western edge.) Raises if the
    archipelago is missing from the file.
    """
    features = {f["properties"]["code"]: f for f in provinces_34()["features"]}
    labels = []
    for archipelago in ARCHIPELAGOS:
        code = archipelago["code"]
        parts = archipelago_parts(code, features[code]["geometry"], archipelago)
        if not parts:
            raise ValueError(f"{archipelago['name_vi']} is missing from province {code}")
        point = MultiPolygon(parts).convex_hull.representative_point()
        labels.append(
            {
                "name_vi": archipelago["name_vi"],
                "name_en": archipelago["name_en"],
                "lon": round(point.x, 4),
                "lat": round(point.y, 4),
                "code": code,
            }
        )
    return labels


@lru_cache(maxsize=1)
def bounds() -> tuple[float, float, float, float]:
    """National bounding box (west, south, east, north) in degrees, archipelagos included."""
    points = [
        point
        for feature in provinces_34()["features"]
        for polygon in _polygons(feature["geometry"])
        for point in polygon[0]
    ]
    lons = [x for x, _ in points]
    lats = [y for _, y in points]
    return min(lons), min(lats), max(lons), max(lats)
