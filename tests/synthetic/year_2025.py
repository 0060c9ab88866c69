"""SYNTHETIC test data: a made-up PAPI 2025 for the 34 provinces, generated here and written only into a copy of the
sources in a temporary folder. No number in it is PAPI's; the shipped store never holds a 2025 figure."""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

from papi_data.store.paths import SOURCES_DIR

SYNTHETIC_SOURCE = "SYNTHETIC test data (tests/synthetic/year_2025.py), not PAPI"


def _dimensions() -> list[str]:
    with (SOURCES_DIR / "dimensions.csv").open(encoding="utf-8") as f:
        return [r["id"] for r in csv.DictReader(f)]


DIMENSIONS = _dimensions()
# Names as a workbook might print them: the matching forgives "TP.", "Thành phố", spacing and old/new tone marks.
PRINTED = {"79": "TP. Hồ Chí Minh", "46": "Thành phố Huế", "17": "Hoà Bình", "31": "TP.  Hải Phòng"}


def new_provinces() -> list[tuple[str, str]]:
    """(GSO code, Vietnamese name) of the 34, from the mapping file."""
    with (SOURCES_DIR / "province_mapping_63_to_34.csv").open(encoding="utf-8") as f:
        return sorted({(r["new_code"], r["new_name_vi"]) for r in csv.DictReader(f)})


def rows_2025(seed: int = 2025) -> list[dict[str, str]]:
    """Nine rows per province (eight dimensions and the total, the total the exact sum of the printed dimensions)."""
    rng = random.Random(seed)
    rows = []
    for code, name in new_provinces():
        printed = PRINTED.get(code, name)
        dims = [round(rng.uniform(3.5, 8.5), 4) for _ in DIMENSIONS]
        for dimension, score in zip(DIMENSIONS, dims, strict=True):
            rows.append({"province_name_vi": printed, "dimension": dimension, "score": f"{score}"})
        rows.append({"province_name_vi": printed, "dimension": "total", "score": f"{sum(dims):.4f}"})
    for row in rows:
        row["source"] = SYNTHETIC_SOURCE
    return rows


def write_rows(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def sources_with_2025(folder: Path, rows: list[dict[str, str]] | None = None) -> Path:
    """A copy of the real sources in `folder` with a synthetic papi_scores_2025.csv and papi_subdimensions_2025.csv
    added (report_partners.csv left without 2025: the build carries 2024's over, marked assumed); returns the copy."""
    sources = folder / "sources"
    shutil.copytree(SOURCES_DIR, sources)
    write_rows(sources / "papi_scores_2025.csv", rows if rows is not None else rows_2025())
    write_rows(sources / "papi_subdimensions_2025.csv", subdimension_rows_2025())
    return sources


def running_subdimensions() -> dict[str, list[str]]:
    """Dimension id → the sub-dimension ids still running in the periods file's last year (what 2025 is read with)."""
    with (SOURCES_DIR / "subdimension_periods.csv").open(encoding="utf-8") as f:
        periods = list(csv.DictReader(f))
    last = max(p["last_year"] for p in periods)
    with (SOURCES_DIR / "subdimensions.csv").open(encoding="utf-8") as f:
        dimension_of = {r["id"]: r["dimension"] for r in csv.DictReader(f)}
    running: dict[str, list[str]] = {}
    for p in periods:
        if p["last_year"] == last:
            running.setdefault(dimension_of[p["id"]], []).append(p["id"])
    return running


def subdimension_rows_2025(seed: int = 2025) -> list[dict[str, str]]:
    """Each dimension score of rows_2025 split into its sub-dimensions (made-up shares within ±4 % of an even split,
    the last taking the remainder, so they add up to the dimension within 0.000001)."""
    rng = random.Random(seed)
    running = running_subdimensions()
    rows = []
    for row in rows_2025(seed):
        if row["dimension"] == "total":
            continue
        parts = running[row["dimension"]]
        score = float(row["score"])
        shares = [round(score / len(parts) * rng.uniform(0.96, 1.04), 6) for _ in parts[:-1]]
        values = [*shares, round(score - sum(shares), 6)]
        for sub, value in zip(parts, values, strict=True):
            rows.append(
                {
                    "province_name_vi": row["province_name_vi"],
                    "subdimension": sub,
                    "score": f"{value}",
                    "source": SYNTHETIC_SOURCE,
                }
            )
    return rows
