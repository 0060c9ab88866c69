"""Remake the province boundary files in geo/data/ from the raw sources in geo/data/raw/.

    python -m geo.make_boundaries            # writes over geo/data/
    python -m geo.make_boundaries --out DIR  # writes somewhere else (the tests do)

Writes vn_provinces_63.geojson, vn_provinces_34.geojson and province_mapping_63_to_34.csv, then checks that the 34
file as written is the 63 file as written dissolved through the mapping. The geometry work is geopandas and shapely
(GEOS): GDAL reads the TopoJSON, GEOS cleans and simplifies the provinces as one coverage, pyproj gives true areas.
Same input gives byte-identical output (for given GEOS and GDAL versions): no randomness, no timestamps, fixed orders.
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
from typing import NamedTuple

import geopandas as gpd
import shapely
from shapely.geometry import Point, Polygon

from geo.loader import DATA_DIR, archipelago_of

RAW_DIR = DATA_DIR / "raw"
TOPOJSON = "odm_diaphantinh_63.topo.json"
GSO_LIST = "gso_provinces_63_dvhcvn.json"
MERGER_LIST = "vietnamadminunits_1.0.4_province_merger_2025.json"

GRID_DEG = 1e-4  # the output's 4 decimals (about 11 m); the source's grid is finer (about 4 m)
# Coverage simplification (Visvalingam–Whyatt): a vertex goes when the triangle it makes with its neighbours is
# smaller than about TOLERANCE_DEG² (0.006° is about 650 m, so about 0.4 km²). Invisible at country scale, and it keeps
# the 63-province file at the size it had (about 300 KB).
TOLERANCE_DEG = 0.006
MIN_PART_KM2 = 0.5  # islets smaller than this (in the source) are dropped...
# ...except these named islands (a point on each and its province), which must survive whatever their size.
NAMED_ISLANDS: dict[str, tuple[str, float, float]] = {
    "Bạch Long Vĩ": ("31", 107.727, 20.136),
    "Lý Sơn": ("51", 109.116, 15.382),
    "Phú Quý": ("60", 108.943, 10.530),
    "Côn Đảo": ("77", 106.608, 8.700),
}
# WGS 84 / NSIDC EASE-Grid 2.0 Global: a cylindrical equal-area projection (in pyproj's bundled database, so no
# network), where a polygon's planar area is its area on the ellipsoid.
EQUAL_AREA_CRS = "EPSG:6933"
# The dissolve check's limit: the 34 as written may differ from the 63 as written dissolved by at most this much in
# all (the two files are rounded the same way, so in practice they agree exactly).
MAX_DISSOLVE_DIFFERENCE_KM2 = 0.01

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


def read_source(raw_dir: Path) -> gpd.GeoDataFrame:
    """The raw TopoJSON as read by GDAL's TopoJSON driver (which decodes the arcs): code and geometry per province."""
    source = gpd.read_file(raw_dir / TOPOJSON).set_crs("EPSG:4326")  # TopoJSON names no CRS; the source is lon/lat
    codes = match_codes(source["ten_tinh"], gso_names(raw_dir))
    return gpd.GeoDataFrame({"code": codes}, geometry=source.geometry.values, crs=source.crs)


def on_grid_coverage(geometry: gpd.GeoSeries) -> gpd.GeoSeries:
    """The provinces snapped to the output grid, valid, and forming a clean coverage.

    Rounding comes first: the simplification only drops vertices, so every coordinate written is then already on the
    grid and no rounding after it can pull neighbours' borders apart. After rounding only Khánh Hòa is invalid (a few
    Trường Sa reefs cross themselves or overlap the next one): make_valid repairs it, keeping only polygons.
    The source also has one overlap, about 100 m² that both Bắc Giang and Thái Nguyên claim, and rounding leaves Cần
    Thơ's and Hậu Giang's copies of their border one vertex apart: coverage_clean leaves the sliver to Bắc Giang and
    makes the two copies match. After it, neighbours share their borders vertex for vertex.
    """
    rounded = geometry.set_precision(GRID_DEG, mode="pointwise").remove_repeated_points()
    invalid = ~rounded.is_valid
    rounded[invalid] = rounded[invalid].make_valid(method="structure", keep_collapsed=False)
    coverage = gpd.GeoSeries(shapely.coverage_clean(rounded.values), index=geometry.index, crs=geometry.crs)
    if not coverage.is_valid_coverage():
        raise ValueError("the cleaned provinces do not form a coverage")
    return coverage


def _protected(code: str, part: Polygon) -> bool:
    """Parts kept whatever their size: the archipelagos' reefs and the named islands."""
    if archipelago_of(code, part) is not None:
        return True
    return any(c == code and part.contains(Point(x, y)) for c, x, y in NAMED_ISLANDS.values())


def drop_islets(provinces: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Drop the parts under MIN_PART_KM2 (true area, in an equal-area projection), except the protected ones."""
    parts = provinces.explode(index_parts=False, ignore_index=True)
    km2 = parts.to_crs(EQUAL_AREA_CRS).area / 1e6
    large = km2 >= MIN_PART_KM2
    kept = [big or _protected(code, part) for big, code, part in zip(large, parts["code"], parts.geometry, strict=True)]
    # The parts of a province touch at most at a point, so the coverage union just collects them again.
    return parts[kept].dissolve("code", method="coverage", as_index=False)


def build_63(raw_dir: Path) -> gpd.GeoDataFrame:
    """The 63 provinces, sorted by code: code, name_vi, name_en and the cleaned, filtered, simplified geometry."""
    names = gso_names(raw_dir)
    source = read_source(raw_dir)
    provinces = drop_islets(source.set_geometry(on_grid_coverage(source.geometry)))
    # Simplifying the provinces as one coverage simplifies each shared border once, so both neighbours keep exactly
    # the same line: no gaps, no overlaps. Islets are never simplified away, at worst to a triangle.
    provinces = provinces.set_geometry(provinces.geometry.simplify_coverage(TOLERANCE_DEG))
    if not provinces.geometry.is_valid_coverage():
        raise ValueError("the simplified provinces do not form a coverage")
    by_code = dict(zip(provinces["code"], provinces.geometry, strict=True))
    for island, (code, x, y) in NAMED_ISLANDS.items():
        if not by_code[code].contains(Point(x, y)):
            raise ValueError(f"{island} was lost from province {code}")
    return provinces.assign(name_vi=provinces["code"].map(names), name_en=provinces["code"].map(names).map(ascii_name))


def dissolve_34(provinces_63: gpd.GeoDataFrame, old_to_new: dict[str, tuple[str, str]]) -> gpd.GeoDataFrame:
    """The 2025 reform merged whole provinces, so the 34 are the 63 dissolved by the mapping.

    The 63 form a coverage (neighbours share their borders vertex for vertex), so the coverage union removes the
    inner borders cleanly, adds no slivers, and keeps the outer borders' vertices as they are in the 63 file.
    """
    new_codes = provinces_63["code"].map(lambda code: old_to_new[code][0])
    merged = provinces_63[["geometry"]].assign(code=new_codes).dissolve("code", method="coverage", as_index=False)
    names = dict(old_to_new.values())
    return merged.assign(name_vi=merged["code"].map(names), name_en=merged["code"].map(names).map(ascii_name))


def geojson(provinces: gpd.GeoDataFrame) -> str:
    """Compact GeoJSON, features in code order, outer rings clockwise: plotly's geo choropleth fills the outside of
    an anticlockwise ring."""
    frame = provinces.sort_values("code")[["code", "name_vi", "name_en", "geometry"]]
    frame = frame.set_geometry(frame.geometry.orient_polygons(exterior_cw=True))
    return frame.to_json(drop_id=True, ensure_ascii=False, separators=(",", ":"))


def _read_geojson_text(text: str) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame.from_features(json.loads(text)["features"], crs="EPSG:4326")


class DissolveCheck(NamedTuple):
    provinces: int
    max_area_difference_km2: float  # the largest difference in one province's area
    symmetric_difference_km2: float  # the area of the symmetric difference, all provinces together


def dissolve_check(text_63: str, text_34: str, old_to_new: dict[str, tuple[str, str]]) -> DissolveCheck:
    """Check the 34 file against the 63 file dissolved by the mapping, both read back from their GeoJSON text (so
    the rounding, the winding and the serialisation are checked too). Raises if the codes differ or the symmetric
    difference exceeds MAX_DISSOLVE_DIFFERENCE_KM2."""
    expected = dissolve_34(_read_geojson_text(text_63), old_to_new).set_index("code").to_crs(EQUAL_AREA_CRS)
    written = _read_geojson_text(text_34).set_index("code").to_crs(EQUAL_AREA_CRS)
    if list(expected.index) != list(written.index):
        raise ValueError(f"the 34 file's codes differ from the dissolve's: {set(expected.index) ^ set(written.index)}")
    check = DissolveCheck(
        provinces=len(written),
        max_area_difference_km2=float((expected.area - written.area).abs().max() / 1e6),
        symmetric_difference_km2=float(expected.symmetric_difference(written.geometry, align=True).area.sum() / 1e6),
    )
    if check.symmetric_difference_km2 > MAX_DISSOLVE_DIFFERENCE_KM2:
        raise ValueError(f"the 34 file is not the 63 file dissolved by the mapping: {check}")
    return check


def mapping_csv(names_63: dict[str, str], old_to_new: dict[str, tuple[str, str]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # csv's default CRLF line ends, as in the file first shipped
    writer.writerow(["old_code", "old_name_vi", "old_name_en", "new_code", "new_name_vi", "new_name_en"])
    for old_code in sorted(old_to_new):
        new_code, new_name = old_to_new[old_code]
        old_name = names_63[old_code]
        writer.writerow([old_code, old_name, ascii_name(old_name), new_code, new_name, ascii_name(new_name)])
    return buffer.getvalue()


def build(raw_dir: Path, out_dir: Path) -> tuple[list[Path], DissolveCheck]:
    """Write the three derived files into out_dir; return their paths and the dissolve check's figures."""
    names_63 = gso_names(raw_dir)
    old_to_new = merger(raw_dir)
    provinces_63 = build_63(raw_dir)
    outputs = {
        "vn_provinces_63.geojson": geojson(provinces_63),
        "vn_provinces_34.geojson": geojson(dissolve_34(provinces_63, old_to_new)),
        "province_mapping_63_to_34.csv": mapping_csv(names_63, old_to_new),
    }
    check = dissolve_check(outputs["vn_provinces_63.geojson"], outputs["vn_provinces_34.geojson"], old_to_new)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in outputs.items():
        path = out_dir / name
        path.write_bytes(text.encode("utf-8"))  # bytes, so no platform newline translation
        paths.append(path)
    return paths, check


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=RAW_DIR, help="folder of the raw sources")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="folder to write to (default geo/data)")
    args = parser.parse_args(argv)
    paths, check = build(args.raw, args.out)
    for path in paths:
        print(f"{path}  {path.stat().st_size:,} bytes")
    print(
        f"34 file against the 63 file dissolved by the mapping: {check.provinces} provinces, largest area difference "
        f"{check.max_area_difference_km2:.3g} km², symmetric difference {check.symmetric_difference_km2:.3g} km²"
    )


if __name__ == "__main__":
    main()
