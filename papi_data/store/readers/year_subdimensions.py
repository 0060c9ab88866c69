"""A year's sub-dimension scores as one file, `papi_subdimensions_<year>.csv`, like `papi_scores_<year>.csv`.

Columns `province_name_vi, subdimension, score` (optional `source`); `subdimension` is a concept id of subdimensions.csv
("d5.land_titles"); names matched as in papi_data.store.readers.year_scores against the provinces of the year's era.
A year after the last one subdimension_periods.csv covers takes the sub-dimensions still running in that last year,
with their scales: PAPI's structure carries on until the periods file says otherwise (the check report says so). The
rules are the long file's (papi_data.store.readers.subdimensions): every value on its scale, the sub-dimensions of a
dimension present exactly where the dimension has a score (papi_scores_<year>.csv), and adding up to it (±0.001).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from papi_data.cells import as_float, as_int, as_str
from papi_data.store.problems import SourceProblem
from papi_data.store.readers.subdimensions import SUBDIMENSION_COLUMNS
from papi_data.store.readers.year_scores import YearCheck, matched_rows, number
from papi_data.store.schema import SUBDIMENSION_SUM_TOLERANCE, TOTAL
from papi_data.text import nfc

SUBDIMENSION_FILE = re.compile(r"^papi_subdimensions_(\d{4})\.csv$")
REQUIRED = ["province_name_vi", "subdimension", "score"]


def subdimension_files(sources: Path) -> list[tuple[int, Path]]:
    """The per-year sub-dimension files in the sources, by year."""
    found = ((SUBDIMENSION_FILE.match(p.name), p) for p in sources.iterdir())
    return sorted((int(m.group(1)), p) for m, p in found if m)


def periods_of_year(periods: pd.DataFrame, year: int) -> pd.DataFrame:
    """The sub-dimension periods valid in `year`; after the periods' last year, those still running in it."""
    last = int(periods["last_year"].max())
    if year <= last:
        return periods[(periods["first_year"] <= year) & (periods["last_year"] >= year)]
    return periods[periods["last_year"] == last]


def carried_on(concepts: pd.DataFrame, periods: pd.DataFrame, years: list[int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The reference with the sub-dimensions running in the periods' last year carried on to the latest of `years`
    (the years of the sub-dimension files), so the store knows them as measured then; unchanged without such a year."""
    last = int(periods["last_year"].max())
    latest = max(years, default=last)
    if latest <= last:
        return concepts, periods
    periods = periods.assign(last_year=periods["last_year"].where(periods["last_year"] != last, latest))
    concepts = concepts.assign(last_year=concepts["last_year"].where(concepts["last_year"] != last, latest))
    return concepts, periods


def read_subdimension_year(
    path: Path, year: int, provinces: pd.DataFrame, concepts: pd.DataFrame, periods: pd.DataFrame, scores: pd.DataFrame
) -> tuple[YearCheck, pd.DataFrame]:
    """One year's sub-dimension file read against the year's province set and sub-dimensions: (its check, its rows).

    `provinces` holds both sets; `periods` the periods file as read (not carried on); `scores` every score read,
    the year's dimension scores among them."""
    name = path.name
    names = dict(zip(provinces["code"], provinces["name_vi"], strict=True))
    dims = scores[(scores["year"] == year) & (scores["dimension"] != TOTAL) & scores["score"].notna()]
    check = YearCheck(name, year, sorted(set(dims["province_code"])), names, kind="subdimensions")
    valid = periods_of_year(periods, year).set_index("subdimension")
    dimension_of = dict(zip(concepts["id"], concepts["dimension"], strict=True))
    if year > int(periods["last_year"].max()):
        check.notes.append(
            f"subdimension_periods.csv ends in {int(periods['last_year'].max())}: {year} is read with the "
            "sub-dimensions and scales still running then (extend the periods file if PAPI changed them)"
        )
    rows: list[dict] = []
    seen: dict[tuple[str, str], int] = {}
    for line, r, code, bad in matched_rows(path, REQUIRED, provinces, check):
        sub = r["subdimension"].strip().lower()
        if sub not in valid.index:
            bad(check.other, "subdimension", f"{sub!r} is not a sub-dimension of {year} ({', '.join(valid.index)})")
            continue
        if (code, sub) in seen:
            bad(check.other, None, f"duplicate of line {seen[code, sub]} ({names[code]}, {sub})")
            continue
        seen[code, sub] = line
        low, high = as_float(valid.at[sub, "scale_low"]), as_float(valid.at[sub, "scale_high"])
        try:
            value = number(r["score"])
        except ValueError:
            bad(check.out_of_scale, "score", f"not a number: {r['score']!r}")
            continue
        if value is None:
            bad(check.other, "score", "empty: leave the row out where PAPI published none")
            continue
        if not low <= value <= high:
            bad(check.out_of_scale, "score", f"{names[code]}, {sub}: {r['score']} is outside {low:g}–{high:g}")
            continue
        rows.append(
            {
                "year": year,
                "province_code": code,
                "dimension": dimension_of[sub],
                "subdimension": sub,
                "score": value,
                "scale_low": low,
                "scale_high": high,
                "source": nfc(r.get("source") or "") or f"PAPI {year} ({name})",
                "source_file": name,
                "source_line": line,
            }
        )
    frame = check.rows = pd.DataFrame(rows, columns=list(SUBDIMENSION_COLUMNS))
    _check_sums(frame, dims, valid, dimension_of, check)
    return check, frame


def _check_sums(
    frame: pd.DataFrame, dims: pd.DataFrame, valid: pd.DataFrame, dimension_of: dict[str, str], check: YearCheck
) -> None:
    """Sub-dimensions exactly where their dimension has a score, all of them, adding up to it (±0.001)."""
    names, name = check.names, check.file
    scored = {(as_str(r.province_code), as_str(r.dimension)): r for r in dims.itertuples()}
    parts: dict[str, list[str]] = {}
    for sub in valid.index:
        parts.setdefault(dimension_of[sub], []).append(str(sub))
    for (code_key, dimension_key), group in frame.groupby(["province_code", "dimension"]):
        code, dimension = str(code_key), str(dimension_key)
        lines = sorted(int(x) for x in group["source_line"])
        dim_row = scored.get((code, dimension))
        if dim_row is None:
            reason = f"{names[code]}: {dimension} has no score in {check.year}: a sub-dimension needs its dimension's"
            check.other.append(SourceProblem(name, lines[0], "subdimension", reason))
            continue
        absent = sorted(set(parts[dimension]) - set(group["subdimension"]))
        if absent:
            reason = f"{names[code]}, {dimension}: no row for {', '.join(absent)}"
            check.other.append(SourceProblem(name, lines[0], "subdimension", reason))
            continue
        total, expected = float(group["score"].sum()), as_float(dim_row.score)
        if abs(total - expected) > SUBDIMENSION_SUM_TOLERANCE:
            where = f"{dim_row.source_file}:{as_int(dim_row.source_line)}"
            reason = (
                f"{names[code]}: the sub-dimensions of {dimension} (lines {', '.join(map(str, lines))}) add up to "
                f"{total:.6f}, not the dimension score {expected:.6f} ({where})"
            )
            check.bad_totals.append(SourceProblem(name, lines[0], "score", reason))
    have = set(zip(frame["province_code"], frame["dimension"], strict=True))
    for code, dimension in scored:
        if dimension in parts and (code, dimension) not in have and code in check.found:
            reason = f"{names[code]}: no row for the sub-dimensions of {dimension} (it has a score in {check.year})"
            check.other.append(SourceProblem(name, check.found[code], "subdimension", reason))
    for code in check.missing:
        check.other.append(SourceProblem(name, None, "province_name_vi", f"no row for {names[code]} ({check.year})"))
