"""Read the published scores table and check every rule before anything reaches the store."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from papi_data.store.problems import SourceProblem, read_csv_rows
from papi_data.store.readers.reference import name_resolver
from papi_data.store.schema import DIMENSION_RANGE, SUM_TOLERANCE, TOTAL, total_range
from papi_data.text import name_key, nfc

SCORES_FILE = "papi_scores_long.csv"
REQUIRED = ["province_name_vi", "year", "dimension", "score", "scale", "source"]

Place = tuple[int, str]  # (year, province code)
Bad = Callable[[int | None, str | None, str], None]  # records a problem: line, column, reason


def _fmt(x: float) -> str:
    return f"{x:.6f}".rstrip("0").rstrip(".")


def read_scores(
    sources: Path, provinces: pd.DataFrame, dimensions: pd.DataFrame, problems: list[SourceProblem], last_year: int
) -> tuple[pd.DataFrame, dict[str, set[str]]]:
    """The scores in long form, and the spellings of each province's name seen in the file (for aliases).

    `last_year` is the latest year a score can exist for (a year's report is published the year after).
    """
    resolver = name_resolver(provinces)
    first_year = dict(zip(dimensions["id"], dimensions["first_year"], strict=True))
    spellings: dict[str, set[str]] = defaultdict(set)
    rows: list[dict] = []
    seen: dict[tuple[int, str, str], int] = {}
    # Province-years with a rejected row: the checks across rows skip them, so one bad cell is reported once, not
    # again as a "missing row" or a "wrong total". None in the set: a row we could not place at all.
    flawed: set[Place | None] = set()
    place: Place | None = None

    problems_before = len(problems)
    flawed_lines: list[int | None] = []

    def bad(line: int | None, column: str | None, reason: str) -> None:
        problems.append(SourceProblem(SCORES_FILE, None if line is None else int(line), column, reason))
        flawed.add(place)
        flawed_lines.append(line)

    for line, r in read_csv_rows(sources / SCORES_FILE, REQUIRED, problems):
        place = None
        name = nfc(r["province_name_vi"])
        code = resolver.get(name_key(name))
        if code is None:
            bad(line, "province_name_vi", f"unknown province {name!r}")
            continue
        spellings[code].add(name)
        try:
            year = int(r["year"])
        except ValueError:
            bad(line, "year", f"not a year: {r['year']!r}")
            continue
        if not min(first_year.values()) <= year <= last_year:
            bad(line, "year", f"{year} is outside {min(first_year.values())}–{last_year}")
            continue
        place = (year, code)
        dimension = r["dimension"]
        if dimension != TOTAL and dimension not in first_year:
            bad(line, "dimension", f"unknown dimension {dimension!r}")
            continue
        if dimension != TOTAL and year < first_year[dimension]:
            bad(line, "dimension", f"{dimension} is not measured before {first_year[dimension]}")
            continue
        key = (year, code, dimension)
        if key in seen:
            bad(line, None, f"duplicate of line {seen[key]} ({name}, {year}, {dimension})")
            continue
        seen[key] = line
        low, high = DIMENSION_RANGE if dimension != TOTAL else total_range(year)
        expected_scale = f"{low:g}-{high:g}"
        if r["scale"].split(" ", 1)[0] != expected_scale:
            bad(line, "scale", f"scale {r['scale']!r} should be {expected_scale} for {dimension} in {year}")
        score: float | None = None
        if r["score"] != "":
            try:
                score = float(r["score"].replace(",", "."))
            except ValueError:
                bad(line, "score", f"not a number: {r['score']!r}")
                continue
            if not math.isfinite(score) or not low <= score <= high:
                bad(
                    line,
                    "score",
                    f"{r['score']} is outside {low:g}–{high:g} (leave it empty where PAPI published none)",
                )
                continue
        if not r["source"]:
            bad(line, "source", "every score needs its source")
        rows.append(
            {
                "year": year,
                "province_code": code,
                "dimension": dimension,
                "score": score,
                "source": nfc(r["source"]),
                "source_file": SCORES_FILE,
                "source_line": line,
                "note": nfc(r.get("note") or ""),
            }
        )

    scores = pd.DataFrame(
        rows, columns=["year", "province_code", "dimension", "score", "source", "source_file", "source_line", "note"]
    )
    unplaced = len(problems) - problems_before > len(flawed_lines)  # e.g. a row with the wrong number of fields
    if None not in flawed and not unplaced:
        place = None
        _check_complete(scores, provinces, first_year, flawed, bad)
        _check_totals(scores, flawed, bad)
    return scores, spellings


def _check_complete(
    scores: pd.DataFrame, provinces: pd.DataFrame, first_year: dict[str, int], flawed: set[Place | None], bad: Bad
) -> None:
    """Each year holds every province with every dimension of its era and the total (empty where unpublished)."""
    present = set(zip(scores["year"], scores["province_code"], scores["dimension"], strict=True))
    for year in sorted(scores["year"].unique()):
        expected = [d for d, first in first_year.items() if year >= first] + [TOTAL]
        for code in provinces["code"]:
            if (year, code) in flawed:
                continue
            missing = [d for d in expected if (year, code, d) not in present]
            if missing:
                bad(
                    None,
                    "dimension",
                    f"{year}, province {code}: no row for {', '.join(missing)} "
                    "(write the row with an empty score where PAPI published none)",
                )


def _check_totals(scores: pd.DataFrame, flawed: set[Place | None], bad: Bad) -> None:
    """A published total is the sum of the year's dimensions, and exists only when all of them do."""
    dims = scores[scores["dimension"] != TOTAL]
    totals = scores[scores["dimension"] == TOTAL]
    grouped = dims.groupby(["year", "province_code"])["score"]
    sums = grouped.sum(min_count=1)
    has_all = grouped.apply(lambda s: s.notna().all())
    for year, code, total, line in zip(
        totals["year"], totals["province_code"], totals["score"], totals["source_line"], strict=True
    ):
        key = (int(year), str(code))
        if pd.isna(total) or key not in sums.index or key in flawed:
            continue
        if not has_all.loc[key]:
            bad(line, "score", f"total {total} given although some dimensions have no score")
        elif abs(sums.loc[key] - total) > SUM_TOLERANCE:
            bad(line, "score", f"total {_fmt(total)} is not the sum of the dimensions ({_fmt(sums.loc[key])})")
