"""The province boundary files and their loader: counts, codes, merges, winding, archipelagos, names, the remake."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import Point, shape

from geo import loader
from geo import make_boundaries as mb

REPO = Path(__file__).resolve().parents[2]
DERIVED = ("vn_provinces_63.geojson", "vn_provinces_34.geojson", "province_mapping_63_to_34.csv")
# Known extents of the archipelagos (lon_min, lat_min, lon_max, lat_max), independent of loader.ARCHIPELAGOS.
HOANG_SA = (111.0, 15.7, 113.0, 17.2)
TRUONG_SA = (111.5, 6.0, 117.5, 12.0)


def _features(n: int) -> list[dict]:
    return (loader.provinces_63() if n == 63 else loader.provinces_34())["features"]


def _by_code(n: int) -> dict[str, dict]:
    return {f["properties"]["code"]: f for f in _features(n)}


def _polygons(geometry: dict) -> list:
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def _signed_area(ring: list[list[float]]) -> float:
    """Shoelace in the lon/lat plane: negative for a clockwise ring."""
    xy = np.asarray(ring)
    return float(np.sum(xy[:-1, 0] * xy[1:, 1] - xy[1:, 0] * xy[:-1, 1]) / 2)


def _within(ring: list[list[float]], box: tuple[float, float, float, float]) -> bool:
    west, south, east, north = box
    return all(west <= x <= east and south <= y <= north for x, y in ring)


# --- counts, codes, mapping --------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [63, 34])
def test_feature_counts_and_unique_two_digit_codes(n: int) -> None:
    codes = [f["properties"]["code"] for f in _features(n)]
    assert len(codes) == n
    assert len(set(codes)) == n
    assert all(len(c) == 2 and c.isdigit() for c in codes)
    assert codes == sorted(codes)


def test_codes_and_names_match_the_mapping() -> None:
    mapping = loader.mapping_63_to_34()
    assert list(mapping.columns) == ["old_code", "old_name_vi", "old_name_en", "new_code", "new_name_vi", "new_name_en"]
    old = {f["properties"]["code"]: f["properties"] for f in _features(63)}
    new = {f["properties"]["code"]: f["properties"] for f in _features(34)}
    assert set(mapping.old_code) == set(old)
    assert set(mapping.new_code) == set(new)
    for row in mapping.itertuples():
        assert (old[row.old_code]["name_vi"], old[row.old_code]["name_en"]) == (row.old_name_vi, row.old_name_en)
        assert (new[row.new_code]["name_vi"], new[row.new_code]["name_en"]) == (row.new_name_vi, row.new_name_en)


def test_every_old_province_is_in_exactly_one_new_province() -> None:
    mapping = loader.mapping_63_to_34()
    assert len(mapping) == 63
    assert mapping.old_code.is_unique
    assert mapping.old_code.str.fullmatch(r"\d\d").all() and mapping.new_code.str.fullmatch(r"\d\d").all()
    assert mapping.groupby("new_code").new_name_vi.nunique().eq(1).all()


def test_mapping_is_a_fresh_copy() -> None:
    mapping = loader.mapping_63_to_34()
    mapping.loc[0, "new_code"] = "XX"
    assert loader.mapping_63_to_34().loc[0, "new_code"] != "XX"


def _members(new_code: str) -> set[str]:
    mapping = loader.mapping_63_to_34()
    return set(mapping.loc[mapping.new_code == new_code, "old_code"])


def test_the_merges_the_product_cares_about() -> None:
    mapping = loader.mapping_63_to_34().set_index("old_code")
    assert _members("01") == {"01"}
    assert _by_code(34)["01"]["properties"]["name_vi"] == "Hà Nội"
    assert _members("79") == {"74", "77", "79"}
    assert _by_code(34)["79"]["properties"]["name_vi"] == "Hồ Chí Minh"
    # The new Bắc Ninh took Bắc Giang's old code, 24: code 24 means Bắc Giang in the 63 file, Bắc Ninh in the 34 file.
    bac_ninh = mapping.loc["27", "new_code"]
    assert bac_ninh == "24" == mapping.loc["24", "new_code"]
    assert _members(bac_ninh) == {"24", "27"}
    assert _by_code(34)[bac_ninh]["properties"]["name_vi"] == "Bắc Ninh"
    assert _by_code(63)["24"]["properties"]["name_vi"] == "Bắc Giang"
    assert _by_code(63)["46"]["properties"]["name_vi"] == "Thừa Thiên Huế"
    assert _by_code(34)["46"]["properties"]["name_vi"] == "Huế"


def _frame(n: int) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame.from_features(_features(n), crs="EPSG:4326")


def test_the_34_file_is_the_63_file_dissolved_by_the_mapping() -> None:
    mapping = loader.mapping_63_to_34()[["old_code", "new_code"]]
    dissolved = _frame(63).merge(mapping, left_on="code", right_on="old_code").dissolve("new_code")
    written = _frame(34).set_index("code")
    assert list(dissolved.index) == list(written.index)
    dissolved, written = dissolved.to_crs(mb.EQUAL_AREA_CRS), written.to_crs(mb.EQUAL_AREA_CRS)
    assert (dissolved.area - written.area).abs().max() < 1e3  # m², per province (they are 1,000–16,000 km²)
    assert dissolved.symmetric_difference(written.geometry, align=True).area.sum() < 1e3  # m², all together


def test_dissolve_check_passes_on_the_files_and_fails_on_a_wrong_34() -> None:
    old_to_new = mb.merger(mb.RAW_DIR)
    text_63, text_34 = (path.read_text(encoding="utf-8") for path in (loader.PROVINCES_63, loader.PROVINCES_34))
    check = mb.dissolve_check(text_63, text_34, old_to_new)
    assert check.provinces == 34 and check.symmetric_difference_km2 < mb.MAX_DISSOLVE_DIFFERENCE_KM2
    wrong = json.loads(text_34)
    hanoi = wrong["features"][0]
    assert hanoi["properties"]["code"] == "01"
    hanoi["geometry"] = {"type": "Polygon", "coordinates": [[[105.5, 21], [105.8, 20.7], [105.5, 20.7], [105.5, 21]]]}
    with pytest.raises(ValueError, match="not the 63 file dissolved"):
        mb.dissolve_check(text_63, json.dumps(wrong), old_to_new)


# --- geometry ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [63, 34])
def test_outer_rings_clockwise_holes_anticlockwise(n: int) -> None:
    for feature in _features(n):
        for polygon in _polygons(feature["geometry"]):
            assert _signed_area(polygon[0]) < 0, feature["properties"]["code"]
            assert all(_signed_area(hole) > 0 for hole in polygon[1:]), feature["properties"]["code"]
            assert all(ring[0] == ring[-1] and len(ring) >= 4 for ring in polygon)


@pytest.mark.parametrize("n", [63, 34])
def test_valid_and_neighbours_do_not_overlap(n: int) -> None:
    geometries = [shape(f["geometry"]) for f in _features(n)]
    assert all(g.is_valid for g in geometries)
    tree = shapely.STRtree(geometries)
    left, right = tree.query(geometries, predicate="intersects")
    pairs = [(i, j) for i, j in zip(left, right, strict=True) if i < j]
    assert len(pairs) > n  # they do touch...
    assert sum(geometries[i].intersection(geometries[j]).area for i, j in pairs) < 1e-9  # ...but never overlap


@pytest.mark.parametrize("n", [63, 34])
def test_neighbours_share_their_borders_vertex_for_vertex(n: int) -> None:
    # A valid coverage: no overlaps, and every stretch of border two provinces share has the same vertices on both
    # sides (so no gaps or slivers show between them at any zoom).
    assert shapely.coverage_is_valid([shape(f["geometry"]) for f in _features(n)])


@pytest.mark.parametrize("n", [63, 34])
def test_coordinates_rounded_to_four_decimals(n: int) -> None:
    for feature in _features(n):
        for polygon in _polygons(feature["geometry"]):
            xy = np.concatenate([np.asarray(ring) for ring in polygon])
            assert np.array_equal(xy, np.round(xy, 4))


@pytest.mark.parametrize("n", [63, 34])
def test_hoang_sa_and_truong_sa_are_in_their_provinces(n: int) -> None:
    for code, box in (("48", HOANG_SA), ("56", TRUONG_SA)):
        inside = {
            f["properties"]["code"]
            for f in _features(n)
            for polygon in _polygons(f["geometry"])
            if _within(polygon[0], box)
        }
        assert inside == {code}
    parts_48 = [p for p in _polygons(_by_code(n)["48"]["geometry"]) if _within(p[0], HOANG_SA)]
    parts_56 = [p for p in _polygons(_by_code(n)["56"]["geometry"]) if _within(p[0], TRUONG_SA)]
    assert len(parts_48) >= 15 and len(parts_56) >= 100


def test_archipelago_labels_lie_inside_the_area_the_archipelago_spans() -> None:
    labels = {label["name_vi"]: label for label in loader.archipelago_labels()}
    assert set(labels) == {"Hoàng Sa", "Trường Sa"}
    for name, code, box in (("Hoàng Sa", "48", HOANG_SA), ("Trường Sa", "56", TRUONG_SA)):
        label = labels[name]
        assert label["code"] == code and label["name_en"] == mb.ascii_name(name)
        archipelago = next(a for a in loader.ARCHIPELAGOS if a["code"] == code)
        parts = loader.archipelago_parts(code, _by_code(34)[code]["geometry"], archipelago)
        assert len(parts) >= 15
        assert _within([[label["lon"], label["lat"]]], box)
        hull = shapely.MultiPolygon(parts).convex_hull
        assert hull.contains(Point(label["lon"], label["lat"]))
        # Well inside, not on an edge: at least 0.1° from the hull's outline.
        assert hull.exterior.distance(Point(label["lon"], label["lat"])) > 0.1


def test_archipelago_parts_are_picked_by_a_point_inside_them() -> None:
    hoang_sa, truong_sa = loader.ARCHIPELAGOS
    reef = shapely.box(112.0, 16.0, 112.01, 16.01)
    assert loader.archipelago_of("48", reef) is hoang_sa
    assert loader.archipelago_of("56", reef) is None  # the right box, but not that province's archipelago
    assert loader.archipelago_of("56", shapely.box(114.0, 10.0, 114.01, 10.01)) is truong_sa
    # A part that crosses the box's west edge (111°E) belongs where most of it lies.
    assert loader.archipelago_of("48", shapely.box(110.8, 16.0, 112.0, 16.1)) is hoang_sa
    assert loader.archipelago_of("48", shapely.box(110.0, 16.0, 111.2, 16.1)) is None


def test_named_islands_are_kept() -> None:
    for n in (63, 34):
        geometries = {code: shape(f["geometry"]) for code, f in _by_code(n).items()}
        for island, (old_code, x, y) in mb.NAMED_ISLANDS.items():
            holders = [code for code, g in geometries.items() if g.contains(Point(x, y))]
            expected = old_code if n == 63 else loader.mapping_63_to_34().set_index("old_code").new_code[old_code]
            assert holders == [expected], island


def test_borders_34_and_bounds() -> None:
    lons, lats = loader.borders_34()
    assert len(lons) == len(lats) and lons.count(None) == lats.count(None) > 30
    assert [i for i, x in enumerate(lons) if x is None] == [i for i, y in enumerate(lats) if y is None]
    # Every border point lies between two of the 34 provinces: on (near) the boundary of at least two of them.
    shapes = [shape(f["geometry"]) for f in _features(34)]
    for lon, lat in list(zip(lons, lats, strict=True))[:: max(1, len(lons) // 200)]:
        if lon is None:
            continue
        near = sum(1 for g in shapes if g.distance(Point(lon, lat)) < 0.02)
        assert near >= 2, (lon, lat)
    west, south, east, north = loader.bounds()
    assert 102 < west < 102.5 and 23 < north < 23.5  # Điện Biên's west tip, Hà Giang's north tip
    assert east > TRUONG_SA[0] and south < 7.5  # the archipelagos are inside the national box


# --- names -------------------------------------------------------------------------------------------------------


def test_names_are_nfc_and_english_names_ascii() -> None:
    names = [f["properties"][k] for n in (63, 34) for f in _features(n) for k in ("name_vi", "name_en")]
    names += loader.mapping_63_to_34().filter(like="name").to_numpy().ravel().tolist()
    names += [label[k] for label in loader.archipelago_labels() for k in ("name_vi", "name_en")]
    assert all(name == unicodedata.normalize("NFC", name) == name.strip() for name in names)
    assert all(f["properties"]["name_en"].isascii() for n in (63, 34) for f in _features(n))


def test_name_rules() -> None:
    assert mb.short_name("Tỉnh Hoà Bình") == "Hòa Bình"
    assert mb.short_name("Thành phố Hồ Chí Minh") == "Hồ Chí Minh"
    assert mb.short_name("Tỉnh Khánh Hòa") == "Khánh Hòa"
    assert mb.ascii_name("Bà Rịa - Vũng Tàu") == "Ba Ria - Vung Tau"
    assert mb.ascii_name("Đắk Lắk") == "Dak Lak"
    assert mb.name_key("Bà Rịa -Vũng Tàu") == mb.name_key("Tỉnh Bà Rịa - Vũng Tàu")
    assert mb.name_key("TP. Hồ Chí Minh") == mb.name_key("Hồ Chí Minh")
    assert mb.name_key("Đăk Lăk") == mb.name_key("Đắk Lắk") == "dak lak"
    names = {"92": "Cần Thơ", "44": "Quảng Bình", "91": "Kiên Giang"}
    assert mb.match_codes(["Cần Thơn", "Quản Bình", "Kien Giang"], names) == ["92", "44", "91"]
    with pytest.raises(ValueError):
        mb.match_codes(["Cần Thơ", "Atlantis", "Kiên Giang"], names)


# --- the remake script -------------------------------------------------------------------------------------------


def _provinces(rows: list[tuple[str, shapely.Geometry]]) -> gpd.GeoDataFrame:
    codes, geometries = zip(*rows, strict=True)
    return gpd.GeoDataFrame({"code": list(codes)}, geometry=list(geometries), crs="EPSG:4326")


def test_on_grid_coverage_rounds_and_removes_an_overlap() -> None:
    # Two provinces overlapping by a sliver 0.00005° wide, off the grid: the result is on the grid and a coverage.
    left = shapely.Polygon([(105.0, 21.0), (105.10003, 21.0), (105.10003, 21.1), (105.0, 21.1)])
    right = shapely.Polygon([(105.09998, 21.0), (105.2, 21.0), (105.2, 21.1), (105.09998, 21.1)])
    provinces = _provinces([("01", left), ("02", right)])
    assert not provinces.geometry.is_valid_coverage()
    cleaned = mb.on_grid_coverage(provinces.geometry)
    assert cleaned.is_valid_coverage()
    xy = shapely.get_coordinates(cleaned.values)
    assert np.array_equal(xy, np.round(xy, 4))
    assert shapely.area(cleaned.values).sum() == pytest.approx(0.02, abs=1e-9)


def test_islet_rule_keeps_big_parts_archipelagos_and_named_islands() -> None:
    def square(x: float, y: float, side: float) -> shapely.Polygon:
        return shapely.box(x - side / 2, y - side / 2, x + side / 2, y + side / 2)

    _, x, y = mb.NAMED_ISLANDS["Bạch Long Vĩ"]
    provinces = _provinces(
        [
            # 0.005° is about 550 m: about 0.3 km², under the limit; 0.01° about 1.2 km², over it
            ("31", shapely.MultiPolygon([square(106.7, 20.8, 0.2), square(107.0, 20.5, 0.005), square(x, y, 0.005)])),
            ("40", shapely.MultiPolygon([square(105.5, 18.8, 0.2), square(105.9, 18.8, 0.01)])),
            ("48", shapely.MultiPolygon([square(108.2, 16.0, 0.2), square(112.0, 16.5, 0.005)])),
        ]
    )
    kept = mb.drop_islets(provinces).set_index("code").geometry
    assert list(kept.index) == ["31", "40", "48"]
    assert shapely.get_num_geometries(kept.values).tolist() == [2, 2, 2]
    assert kept["31"].contains(Point(x, y)) and not kept["31"].intersects(Point(107.0, 20.5))


def _remake(out: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "geo.make_boundaries", "--out", str(out)], cwd=REPO, check=True, capture_output=True
    )


def test_remake_is_deterministic_and_equals_the_committed_files(tmp_path: Path) -> None:
    _remake(tmp_path / "a")
    _remake(tmp_path / "b")
    for name in DERIVED:
        made = (tmp_path / "a" / name).read_bytes()
        assert made == (tmp_path / "b" / name).read_bytes(), f"{name} differs between two runs"
        assert made == (loader.DATA_DIR / name).read_bytes(), f"{name} differs from geo/data/{name}"


def test_loader_reads_only_the_package_data() -> None:
    package = Path(loader.__file__).resolve().parent
    for path in (loader.PROVINCES_63, loader.PROVINCES_34, loader.MAPPING, mb.RAW_DIR):
        assert path.resolve().is_relative_to(package / "data") and path.exists()
    for module in (loader, mb):
        assert "/work/shared" not in Path(module.__file__).read_text(encoding="utf-8")
