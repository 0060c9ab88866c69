"""A year's scores as one file, `papi_scores_<year>.csv`: how a new PAPI report enters the store.

Columns `province_name_vi, dimension, score` (optional `se, ci90_low, ci90_high, respondents, source`); `dimension` is
a dimension id or `total`; names as PAPI prints them, matched forgiving diacritics, spacing and "TP."/"Tỉnh" against
the provinces of the year's era (papi_data.eras). Every problem is named by file and line; `YearCheck` keeps what the
data team reads in `python -m papi_data.build --check` before the app changes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pandas as pd

from papi_data.cells import as_float, as_int, as_str, str_list
from papi_data.eras import MERGER_YEAR, SET_34, province_set
from papi_data.store.problems import SourceProblem, read_csv_rows
from papi_data.store.schema import DIMENSION_RANGE, TOTAL, Z90, total_range
from papi_data.text import name_key, nfc

YEAR_FILE = re.compile(r"^papi_scores_(\d{4})\.csv$")
REQUIRED = ["province_name_vi", "dimension", "score"]
YEAR_SUM_TOLERANCE = 0.01  # a workbook's figures are printed to two decimals
UNCERTAINTY_COLUMNS = ("se", "ci90_low", "ci90_high", "respondents")


@dataclass
class YearCheck:
    """What one year's file holds, for the check report (papi_data.year_report)."""

    file: str
    year: int
    expected: list[str]  # the codes of the year's set
    names: dict[str, str]  # code → Vietnamese name, for the report
    found: dict[str, int] = field(default_factory=dict)  # code → the first line naming it
    unmatched: list[SourceProblem] = field(default_factory=list)
    out_of_scale: list[SourceProblem] = field(default_factory=list)
    bad_totals: list[SourceProblem] = field(default_factory=list)
    other: list[SourceProblem] = field(default_factory=list)
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)  # the scores read (rows with a problem left out)
    partners: str = ""  # the report's partners as cited, with their basis (set once the partners are read)
    kind: str = "scores"  # or "subdimensions" (papi_data.store.readers.year_subdimensions)
    notes: list[str] = field(default_factory=list)  # what the data team should know that is not a problem

    @property
    def missing(self) -> list[str]:
        return [code for code in self.expected if code not in self.found]

    @property
    def problems(self) -> list[SourceProblem]:
        return self.unmatched + self.out_of_scale + self.bad_totals + self.other


def year_files(sources: Path) -> list[tuple[int, Path]]:
    """The per-year score files in the sources, by year."""
    found = ((YEAR_FILE.match(p.name), p) for p in sources.iterdir())
    return sorted((int(m.group(1)), p) for m, p in found if m)


def resolver(provinces: pd.DataFrame) -> dict[str, str]:
    keys: dict[str, str] = {}
    for row in provinces.itertuples():
        for name in [as_str(row.name_vi), as_str(row.name_en), *str_list(row.aliases)]:
            keys[name_key(name)] = as_str(row.code)
    return keys


def number(text: str) -> float | None:
    """A cell as a number (a decimal comma allowed), None if empty; ValueError if it is not one."""
    if text == "":
        return None
    value = float(text.replace(",", "."))
    if not math.isfinite(value):
        raise ValueError(text)
    return value


Bad = Callable[[list[SourceProblem], str | None, str], None]  # records a problem on a row's line, in a bucket


def matched_rows(
    path: Path, required: list[str], provinces: pd.DataFrame, check: YearCheck
) -> Iterator[tuple[int, dict[str, str], str, Bad]]:
    """The rows of a year's file whose province name matches one of the year's set: (line, row, code, bad). A name
    that matches none goes to `check.unmatched` (saying which era's province it names, if any); what is wrong with the
    file itself to `check.other`. `provinces` holds both sets."""
    year = check.year
    own = provinces["province_set"] == province_set(year)
    resolve, resolve_other = resolver(provinces[own]), resolver(provinces[~own])
    read_problems: list[SourceProblem] = []
    for line, r in read_csv_rows(path, required, read_problems):

        def bad(bucket: list[SourceProblem], column: str | None, reason: str, line: int = line) -> None:
            bucket.append(SourceProblem(check.file, line, column, reason))

        province = nfc(r["province_name_vi"])
        code = resolve.get(name_key(province))
        if code is None:
            bad(check.unmatched, "province_name_vi", unmatched_reason(province, year, resolve_other, provinces))
            continue
        check.found.setdefault(code, line)
        yield line, r, code, bad
    check.other.extend(read_problems)


def read_year_file(
    path: Path, year: int, provinces: pd.DataFrame, dimensions: pd.DataFrame, scores: pd.DataFrame
) -> tuple[YearCheck, pd.DataFrame, pd.DataFrame]:
    """One year's file read against the year's province set: (its check, its score rows, its uncertainty rows).

    `provinces` holds both sets (the 34 from papi_data.store.readers.reference.new_provinces); `scores` the scores
    already read, so a year given twice is refused.
    """
    name = path.name
    own = provinces[provinces["province_set"] == province_set(year)]
    names = dict(zip(provinces["code"], provinces["name_vi"], strict=True))
    check = YearCheck(name, year, sorted(own["code"]), names)
    expected_dims = [d for d, first in zip(dimensions["id"], dimensions["first_year"], strict=True) if year >= first]
    score_rows: list[dict] = []
    unc_rows: list[dict] = []
    seen: dict[tuple[str, str], int] = {}
    if (scores["year"] == year).any():
        check.other.append(SourceProblem(name, None, None, f"{year} is already in the store's scores: one file a year"))
    for line, r, code, bad in matched_rows(path, REQUIRED, provinces, check):
        dimension = r["dimension"].strip().lower()
        if dimension not in expected_dims and dimension != TOTAL:
            bad(
                check.other,
                "dimension",
                f"{dimension!r} is not a dimension of {year} ({', '.join(expected_dims)}, total)",
            )
            continue
        if (code, dimension) in seen:
            bad(check.other, None, f"duplicate of line {seen[code, dimension]} ({names[code]}, {dimension})")
            continue
        seen[code, dimension] = line
        low, high = DIMENSION_RANGE if dimension != TOTAL else total_range(year)
        try:
            score = number(r["score"])
        except ValueError:
            bad(check.out_of_scale, "score", f"not a number: {r['score']!r}")
            continue
        if score is not None and not low <= score <= high:
            bad(check.out_of_scale, "score", f"{names[code]}, {dimension}: {r['score']} is outside {low:g}–{high:g}")
            continue
        source = nfc(r.get("source") or "") or f"PAPI {year} ({name})"
        score_rows.append(
            {
                "year": year,
                "province_code": code,
                "dimension": dimension,
                "score": score,
                "source": source,
                "source_file": name,
                "source_line": line,
                "note": "",
            }
        )
        given = {c: (r.get(c) or "") for c in UNCERTAINTY_COLUMNS}
        if any(given.values()):
            row = _uncertainty(given, score, dimension, partial(bad, check.other))
            if row is not None:
                where = {"source": source, "source_file": name, "source_line": line}
                unc_rows.append({"year": year, "province_code": code, **row, "note": "", **where})
    frame = check.rows = pd.DataFrame(score_rows, columns=list(scores.columns))
    for code in check.missing:
        check.other.append(SourceProblem(name, None, "province_name_vi", f"no row for {names[code]} ({year})"))
    for code in check.found:
        absent = [d for d in [*expected_dims, TOTAL] if (code, d) not in seen]
        if absent:
            reason = f"{names[code]}: no row for {', '.join(absent)} (an empty score where PAPI published none)"
            check.other.append(SourceProblem(name, check.found[code], "dimension", reason))
    _check_totals(frame, names, check)
    unc = pd.DataFrame(unc_rows)
    return check, frame, unc


def unmatched_reason(province: str, year: int, resolve_other: dict[str, str], provinces: pd.DataFrame) -> str:
    other = resolve_other.get(name_key(province))
    if other is None:
        return f"unknown province {province!r} (check its spelling against the {province_set(year)} provinces)"
    row = provinces.set_index("code").loc[other]
    if province_set(year) == SET_34:
        return (
            f"{province!r} is one of the 63 provinces (through {MERGER_YEAR - 1}); from {MERGER_YEAR} it is part of "
            f"{row['name_2025_vi']}: {year} covers the 34 provinces"
        )
    return f"{province!r} is one of the 34 provinces (from {MERGER_YEAR}); {year} covers the 63 provinces"


def _uncertainty(given: dict[str, str], score: float | None, dimension: str, bad) -> dict | None:  # type: ignore[no-untyped-def]
    """The total's published SE, 90% interval and respondents; None with a problem recorded where they do not fit."""
    if dimension != TOTAL:
        bad("se", "SE, interval and respondents are given for the total only")
        return None
    try:
        values = {c: number(v) for c, v in given.items()}
    except ValueError:
        bad("se", "SE, interval or respondents is not a number")
        return None
    se, low, high = values["se"], values["ci90_low"], values["ci90_high"]
    if (low is None) != (high is None) or (low is not None and (se is None or se <= 0 or score is None)):
        bad("ci90_low", "an interval needs both ends, a score and an SE above 0")
        return None
    off = None if None in (low, high, se, score) else max(abs(score - Z90 * se - low), abs(score + Z90 * se - high))  # type: ignore[operator]
    if off is not None and off > YEAR_SUM_TOLERANCE:
        bad("ci90_low", f"the interval {low:g}–{high:g} is not score ± {Z90} × SE")
        return None
    respondents = values["respondents"]
    if respondents is not None and (respondents != int(respondents) or respondents <= 0):
        bad("respondents", f"not a count: {given['respondents']!r}")
        return None
    return {
        "se": se,
        "ci90_low": low,
        "ci90_high": high,
        "respondents": None if respondents is None else int(respondents),
    }


def _check_totals(frame: pd.DataFrame, names: dict[str, str], check: YearCheck) -> None:
    """A total equals the sum of the year's dimensions (±0.01) and exists only where all of them do."""
    dims = frame[frame["dimension"] != TOTAL].groupby("province_code")["score"]
    sums, complete = dims.sum(min_count=1), dims.apply(lambda s: s.notna().all())
    for row in frame[(frame["dimension"] == TOTAL) & frame["score"].notna()].itertuples():
        code, total = as_str(row.province_code), as_float(row.score)
        if code not in sums.index:
            continue
        if not complete[code]:
            reason = f"{names[code]}: a total although some dimensions have no score"
        elif abs(as_float(sums[code]) - total) > YEAR_SUM_TOLERANCE:
            reason = f"{names[code]}: total {total:g} is not the sum of the dimensions ({as_float(sums[code]):.4f})"
        else:
            continue
        check.bad_totals.append(SourceProblem(check.file, as_int(row.source_line), "score", reason))
