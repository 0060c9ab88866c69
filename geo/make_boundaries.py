"""Remake the province boundary files in geo/data/ from the raw sources in geo/data/raw/.

    python -m geo.make_boundaries            # writes over geo/data/
    python -m geo.make_boundaries --out DIR  # writes somewhere else (the tests do)

Writes vn_provinces_63.geojson, vn_provinces_34.geojson and province_mapping_63_to_34.csv. Same input gives
byte-identical output: no randomness, no timestamps, fixed orders, and the geometry goes through plain arithmetic
plus two GEOS operations (make_valid on one province, the union into 34) that are deterministic for a given GEOS.
The processing is the one geo/data/SOURCE.md describes; the comments below say why each step is done the way it is.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon

from geo.loader import DATA_DIR, archipelago_of

RAW_DIR = DATA_DIR / "raw"
TOPOJSON = "odm_diaphantinh_63.topo.json"
GSO_LIST = "gso_provinces_63_dvhcvn.json"
MERGER_LIST = "vietnamadminunits_1.0.4_province_merger_2025.json"

TOLERANCE_DEG = 0.003  # Douglas–Peucker tolerance, about 300 m: invisible at country scale
ISLET_TOLERANCE_DEG = 0.0003  # for an islet ring that would collapse at TOLERANCE_DEG (see simplify_arc)
MIN_PART_KM2 = 0.5  # islets smaller than this (as drawn, after simplification) are dropped...
# ...except these named islands (a point on each and its province), which must survive whatever their drawn size.
NAMED_ISLANDS: dict[str, tuple[str, float, float]] = {
    "Bạch Long Vĩ": ("31", 107.727, 20.136),
    "Lý Sơn": ("51", 109.116, 15.382),
    "Phú Quý": ("60", 108.943, 10.530),
    "Côn Đảo": ("77", 106.608, 8.700),
}
DECIMALS = 4  # about 11 m
EARTH_RADIUS_KM = 6371.0088

# The source's names that no normalisation can match to the GSO list: two typos, nothing else.
SOURCE_TYPOS = {"can thon": "can tho", "quan binh": "quang binh"}
# The GSO list is dated 01/03/2025, after Thừa Thiên Huế became the city of Huế (1 January 2025). The 63-province
# file covers 2008 – June 2025 and the PAPI years, so it keeps the name in force for nearly all of that period.
NAMES_63_OVERRIDE = {"46": "Thừa Thiên Huế"}


# --- names ---------------------------------------------------------------------------------------------------------

_PREFIX = re.compile(r"^(Thành phố|Tỉnh)\s+")
# Old-style tone placement ("Hoà") to the style the merger list, PAPI and the mapping use ("Hòa"): only for a
# syllable-final "oa", where the two styles differ.
_OLD_STYLE_TONE = re.compile(r"o([àáảãạ])(?!\w)")
_TONE_ON_O = {"à": "ò", "á": "ó", "ả": "ỏ", "ã": "õ", "ạ": "ọ"}


def short_name(official: str) -> str:
    """'Tỉnh Hoà Bình' -> 'Hòa Bình': NFC, no administrative prefix, one tone style."""
    name = _PREFIX.sub("", unicodedata.normalize("NFC", official.strip()))
    return _OLD_STYLE_TONE.sub(lambda m: _TONE_ON_O[m.group(1)] + "a", name)


def ascii_name(name_vi: str) -> str:
    """'Bà Rịa - Vũng Tàu' -> 'Ba Ria - Vung Tau' (the name_en convention of the mapping)."""
    decomposed = unicodedata.normalize("NFD", name_vi.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(name: str) -> str:
    """Join key: lower-case, no diacritics, no 'TP.'/'Tỉnh' prefix, one dash form ('Bà Rịa -Vũng Tàu' matches)."""
    key = " ".join(ascii_name(unicodedata.normalize("NFC", name)).casefold().split())
    key = re.sub(r"^(tp\.?|thanh pho|tinh)\s*", "", key)
    return re.sub(r"\s*-\s*", " - ", key)


def split_coded(label: str) -> tuple[str, str]:
    """'79 Thành phố Hồ Chí Minh' -> ('79', 'Hồ Chí Minh')."""
    code, official = label.split(" ", 1)
    return code, short_name(official)


# --- geometry helpers ----------------------------------------------------------------------------------------------


def decode_arcs(topology: dict) -> list[np.ndarray]:
    """TopoJSON arcs are delta-encoded integers on a grid: undo both, giving (n, 2) lon/lat arrays."""
    scale = np.array(topology["transform"]["scale"])
    translate = np.array(topology["transform"]["translate"])
    return [np.cumsum(np.array(arc, dtype=np.int64), axis=0) * scale + translate for arc in topology["arcs"]]


def _distances_to_segment(points: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Distance of each point to the segment a–b (not the infinite line, so a closed arc with a == b works too)."""
    ab = b - a
    length2 = float(ab @ ab)
    t = np.zeros(len(points)) if length2 == 0 else np.clip((points - a) @ ab / length2, 0.0, 1.0)
    return np.hypot(*(points - (a + t[:, None] * ab)).T)


def simplify_arc(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Douglas–Peucker keeping both end points, so the arc still meets the other arcs at the same nodes.

    Each shared border is one arc in the TopoJSON, so simplifying arcs (not polygons) simplifies every border once
    and the two neighbours keep exactly the same line: no gaps, no overlaps.
    """
    keep = np.zeros(len(points), dtype=bool)
    keep[[0, -1]] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        if j - i < 2:
            continue
        d = _distances_to_segment(points[i + 1 : j], points[i], points[j])
        k = int(np.argmax(d))
        if d[k] > tolerance:
            keep[i + 1 + k] = True
            stack += [(i, i + 1 + k), (i + 1 + k, j)]
    if keep.sum() < 4 and np.array_equal(points[0], points[-1]) and tolerance > ISLET_TOLERANCE_DEG:
        # A closed arc is a whole islet. Narrower than the tolerance it collapses to a line and would vanish, so
        # simplify it at the islet tolerance instead: small islands keep their shape (and their area, which decides
        # whether they are kept), and the archipelagos' reefs stay on the map.
        return simplify_arc(points, ISLET_TOLERANCE_DEG)
    return points[keep]


def round_arc(points: np.ndarray) -> np.ndarray:
    """Round to DECIMALS and drop the repeated points that rounding creates (the end points always stay)."""
    rounded = np.round(points, DECIMALS)
    moved = np.any(rounded[1:] != rounded[:-1], axis=1)
    return rounded[np.concatenate([[True], moved[:-1], [True]])] if len(rounded) > 2 else rounded


def ring_coords(arc_refs: Sequence[int], arcs: Sequence[np.ndarray]) -> np.ndarray:
    """Chain the arcs of a ring (a negative reference ~i means arc i reversed); consecutive arcs share an end point."""
    parts = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in arc_refs]
    ring = np.concatenate([parts[0]] + [p[1:] for p in parts[1:]])
    moved = np.concatenate([[True], np.any(ring[1:] != ring[:-1], axis=1)])
    return ring[moved]


def area_km2(polygon: Polygon) -> float:
    """Area on the sphere (the formula d3-geo and turf use); plenty for a 0.5 km² threshold."""

    def ring_area(coords: np.ndarray) -> float:
        lon, lat = np.radians(coords[:-1, 0]), np.radians(coords[:-1, 1])
        return abs(float(np.sum((np.roll(lon, -1) - np.roll(lon, 1)) * np.sin(lat)))) * EARTH_RADIUS_KM**2 / 2

    return ring_area(np.asarray(polygon.exterior.coords)) - sum(
        ring_area(np.asarray(hole.coords)) for hole in polygon.interiors
    )


def to_multipolygon(geometry: shapely.Geometry) -> MultiPolygon:
    polygons = [g for g in getattr(geometry, "geoms", [geometry]) if isinstance(g, Polygon) and not g.is_empty]
    return MultiPolygon(polygons)


# --- the build -----------------------------------------------------------------------------------------------------


def _load(raw_dir: Path, name: str) -> dict:
    return json.loads((raw_dir / name).read_text(encoding="utf-8"))


def gso_names(raw_dir: Path) -> dict[str, str]:
    """GSO code -> the name used in the 63-province file."""
    names = {p["level1_id"]: short_name(p["name"]) for p in _load(raw_dir, GSO_LIST)["provinces"]}
    return names | NAMES_63_OVERRIDE


def merger(raw_dir: Path) -> dict[str, tuple[str, str]]:
    """Old code -> (new code, new name), checked against the GSO list: same codes, same names."""
    old_names = gso_names(raw_dir)
    old_to_new: dict[str, tuple[str, str]] = {}
    for new_label, old_labels in _load(raw_dir, MERGER_LIST)["new_to_old"].items():
        new_code, new_name = split_coded(new_label)
        for old_code, old_name in map(split_coded, old_labels):
            if old_code in old_to_new:
                raise ValueError(f"old province {old_code} is in two new provinces")
            if old_code not in NAMES_63_OVERRIDE and old_name != old_names.get(old_code):
                raise ValueError(f"merger list and GSO list disagree on {old_code}: {old_name!r}")
            old_to_new[old_code] = (new_code, new_name)
    if set(old_to_new) != set(old_names):
        raise ValueError(f"merger list does not cover the 63 provinces: {set(old_names) ^ set(old_to_new)}")
    return old_to_new


def match_codes(source_names: Iterable[str], names: dict[str, str]) -> list[str]:
    """The source's own codes are all 'AD01', so its provinces are matched to GSO codes by normalised name."""
    by_key = {name_key(name): code for code, name in names.items()}
    codes = []
    for source_name in source_names:
        key = name_key(source_name)
        code = by_key.get(SOURCE_TYPOS.get(key, key))
        if code is None:
            raise ValueError(f"no GSO province matches the source's {source_name!r}")
        codes.append(code)
    if sorted(codes) != sorted(names):
        raise ValueError("the source's provinces do not match the GSO list one to one")
    return codes


def _keep_part(code: str, part: Polygon) -> bool:
    """Drop islets under MIN_PART_KM2 as drawn, except the archipelagos' parts and the named islands."""
    if area_km2(part) >= MIN_PART_KM2 or archipelago_of(code, part) is not None:
        return True
    return any(c == code and part.contains(Point(x, y)) for c, x, y in NAMED_ISLANDS.values())


def build_63(raw_dir: Path) -> dict[str, MultiPolygon]:
    """GSO code -> simplified, filtered, rounded geometry of the 63 provinces."""
    topology = _load(raw_dir, TOPOJSON)
    arcs = [round_arc(simplify_arc(arc, TOLERANCE_DEG)) for arc in decode_arcs(topology)]
    geometries = topology["objects"]["diaphantinh"]["geometries"]
    codes = match_codes([g["properties"]["ten_tinh"] for g in geometries], gso_names(raw_dir))
    provinces: dict[str, MultiPolygon] = {}
    for code, geometry in zip(codes, geometries, strict=True):
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        parts = []
        for rings in polygons:
            shell, *holes = (ring_coords(r, arcs) for r in rings)
            if len(shell) < 4:  # a speck drawn with two arcs that simplified to a line (four, in Trường Sa)
                continue
            part = Polygon(shell, [h for h in holes if len(h) >= 4])
            if _keep_part(code, part):
                parts.append(part)
        province = MultiPolygon(parts)
        if not province.is_valid:
            # Only Khánh Hòa: two Trường Sa reefs cross themselves in the source. make_valid splits them at the
            # crossings (313 parts become 315) and leaves the other parts as they are; no shared border is touched.
            province = to_multipolygon(shapely.make_valid(province))
        provinces[code] = province
    for island, (code, x, y) in NAMED_ISLANDS.items():
        if not provinces[code].contains(Point(x, y)):
            raise ValueError(f"{island} was lost from province {code}")
    return provinces


def dissolve_34(provinces: dict[str, MultiPolygon], old_to_new: dict[str, tuple[str, str]]) -> dict[str, MultiPolygon]:
    """The 2025 reform merged whole provinces, so the 34 are unions of the 63.

    The old provinces share their borders vertex for vertex, so the union removes the inner borders cleanly and
    adds no slivers; the outer borders keep the same vertices as in the 63 file.
    """
    groups: dict[str, list[MultiPolygon]] = {}
    for old_code, (new_code, _) in sorted(old_to_new.items()):
        groups.setdefault(new_code, []).append(provinces[old_code])
    return {code: to_multipolygon(shapely.union_all(parts)) for code, parts in sorted(groups.items())}


def _ring_json(ring: shapely.LinearRing) -> list[list[float]]:
    """Rounded coordinates, without points equal to the one before them, cyclically (the closing copy of the first
    point goes too, so a ring starts at its second vertex), then closed again."""
    coords = np.round(np.asarray(ring.coords), DECIMALS)
    coords = coords[np.any(coords != np.roll(coords, 1, axis=0), axis=1)]
    return np.concatenate([coords, coords[:1]]).tolist()


def _geometry_json(geometry: MultiPolygon) -> dict:
    """GeoJSON with outer rings clockwise, which plotly's geo choropleth needs (the other way fills the outside)."""
    geometry = shapely.orient_polygons(geometry, exterior_cw=True)
    parts = [[_ring_json(ring) for ring in (p.exterior, *p.interiors)] for p in geometry.geoms]
    if len(parts) == 1:
        return {"type": "Polygon", "coordinates": parts[0]}
    return {"type": "MultiPolygon", "coordinates": parts}


def feature_collection(geometries: dict[str, MultiPolygon], names: dict[str, str]) -> str:
    features = [
        {
            "type": "Feature",
            "properties": {"code": code, "name_vi": names[code], "name_en": ascii_name(names[code])},
            "geometry": _geometry_json(geometries[code]),
        }
        for code in sorted(geometries)
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":"))


def mapping_csv(names_63: dict[str, str], old_to_new: dict[str, tuple[str, str]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # csv's default CRLF line ends, as in the file first shipped
    writer.writerow(["old_code", "old_name_vi", "old_name_en", "new_code", "new_name_vi", "new_name_en"])
    for old_code in sorted(old_to_new):
        new_code, new_name = old_to_new[old_code]
        old_name = names_63[old_code]
        writer.writerow([old_code, old_name, ascii_name(old_name), new_code, new_name, ascii_name(new_name)])
    return buffer.getvalue()


def build(raw_dir: Path, out_dir: Path) -> list[Path]:
    """Write the three derived files into out_dir and return their paths."""
    names_63 = gso_names(raw_dir)
    old_to_new = merger(raw_dir)
    names_34 = dict(old_to_new.values())
    provinces_63 = build_63(raw_dir)
    provinces_34 = dissolve_34(provinces_63, old_to_new)
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = {
        "vn_provinces_63.geojson": feature_collection(provinces_63, names_63),
        "vn_provinces_34.geojson": feature_collection(provinces_34, names_34),
        "province_mapping_63_to_34.csv": mapping_csv(names_63, old_to_new),
    }
    paths = []
    for name, text in outputs.items():
        path = out_dir / name
        path.write_bytes(text.encode("utf-8"))  # bytes, so no platform newline translation
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=RAW_DIR, help="folder of the raw sources")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="folder to write to (default geo/data)")
    args = parser.parse_args(argv)
    for path in build(args.raw, args.out):
        print(f"{path}  {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
