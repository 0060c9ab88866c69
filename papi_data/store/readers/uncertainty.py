"""Read the published standard errors, 90% intervals and respondents of the total, checking every rule.

Rules: the province code is known and its name is that province's; the total in the file equals the store's total; an
interval exists only where the SE is above 0 and then equals score ± 1.645 × SE (within 0.0001, the workbooks' float
rounding); no interval where the SE is 0 or missing; respondents are a positive whole number. Only the unweighted
total is read (the store is the unweighted panel). Rows that carry no SE and no respondents (the 2018 sheet) are checked
but not stored: there is nothing to show for them.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from papi_data.store.problems import SourceProblem, read_csv_rows
from papi_data.store.readers.reference import name_resolver
from papi_data.store.schema import INTERVAL_TOLERANCE, SUM_TOLERANCE, TOTAL, Z90
from papi_data.text import name_key, nfc

UNCERTAINTY_FILE = "papi_total_ci_2018_2019_2022_2023.csv"
SCORE, SE, LOW, HIGH, RESPONDENTS = (
    "total_unweighted_score",
    "total_unweighted_se",
    "total_unweighted_ci90_low",
    "total_unweighted_ci90_high",
    "n_observations",
)
REQUIRED = ["year", "province_code", "province_name_vi", SCORE, SE, LOW, HIGH, RESPONDENTS, "source"]
COLUMNS = ["year", "province_code", "se", "ci90_low", "ci90_high", "respondents", "note", "source"]


def _number(text: str) -> float | None:
    """A finite number, None for an empty cell; raises ValueError for anything else."""
    if text == "":
        return None
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def read_uncertainty(
    sources: Path, provinces: pd.DataFrame, scores: pd.DataFrame, problems: list[SourceProblem]
) -> pd.DataFrame:
    resolver = name_resolver(provinces)
    codes = set(provinces["code"])
    totals = scores[scores["dimension"] == TOTAL].set_index(["year", "province_code"])["score"]
    years = set(int(y) for y in scores["year"].unique())
    rows: list[dict] = []
    seen: dict[tuple[int, str], int] = {}
    for line, r in read_csv_rows(sources / UNCERTAINTY_FILE, REQUIRED, problems):

        def bad(column: str | None, reason: str, line: int = line) -> None:
            problems.append(SourceProblem(UNCERTAINTY_FILE, line, column, reason))

        code = r["province_code"]
        if code not in codes:
            bad("province_code", f"unknown province code {code!r}")
            continue
        name = nfc(r["province_name_vi"])
        if resolver.get(name_key(name)) != code:
            bad("province_name_vi", f"{name!r} is not the province with code {code}")
            continue
        year = int(r["year"]) if r["year"].isdigit() else None
        if year is None or year not in years:
            bad("year", f"{r['year']!r} is not a year of the scores ({min(years)}–{max(years)})")
            continue
        if (year, code) in seen:
            bad(None, f"duplicate of line {seen[year, code]} ({code}, {year})")
            continue
        seen[year, code] = line
        values: dict[str, float | None] = {}
        for column in (SCORE, SE, LOW, HIGH, RESPONDENTS):
            try:
                values[column] = _number(r[column])
            except ValueError:
                bad(column, f"not a number: {r[column]!r}")
                break
        else:
            stored = totals.get((year, code))
            stored = None if stored is None or pd.isna(stored) else float(stored)
            score, se, low, high, respondents = (values[c] for c in (SCORE, SE, LOW, HIGH, RESPONDENTS))
            problem = _check(score, stored, se, low, high, respondents)
            if problem:
                bad(*problem)
                continue
            if not r["source"]:
                bad("source", "every figure needs its source")
                continue
            if se is None and respondents is None:
                continue  # nothing published for this province-year beyond the total the store already has
            rows.append(
                {
                    "year": year,
                    "province_code": code,
                    "se": se,
                    "ci90_low": low,
                    "ci90_high": high,
                    "respondents": None if respondents is None else int(respondents),
                    "note": nfc(r.get("note") or ""),
                    "source": nfc(r["source"]),
                    "source_file": UNCERTAINTY_FILE,
                    "source_line": line,
                }
            )
    out = pd.DataFrame(rows, columns=[*COLUMNS, "source_file", "source_line"])
    out["respondents"] = out["respondents"].astype("Int32")
    return out


def _check(
    score: float | None,
    stored: float | None,
    se: float | None,
    low: float | None,
    high: float | None,
    respondents: float | None,
) -> tuple[str, str] | None:
    """The first rule the row breaks, as (column, reason), or None."""
    if score is not None and stored is None:
        return SCORE, f"total {score:g} given where the store has no total"
    if score is not None and stored is not None and abs(score - stored) > SUM_TOLERANCE:
        return SCORE, f"total {score:.6f} is not the store's total {stored:.6f}"
    if se is not None and se < 0:
        return SE, f"a standard error cannot be negative: {se:g}"
    if (low is None) != (high is None):
        return (LOW if low is None else HIGH), "an interval needs both ends"
    if se is None or se == 0:
        if low is not None:
            return LOW, "an interval is given where the SE is 0 or missing: there is none to show"
    else:
        if score is None:
            return SE, "an SE is given without the total it belongs to"
        if low is None or high is None:
            return LOW, "the SE is given without its 90% interval"
        expected = (score - Z90 * se, score + Z90 * se)
        for column, end, want in ((LOW, low, expected[0]), (HIGH, high, expected[1])):
            if abs(end - want) > INTERVAL_TOLERANCE:
                return column, (
                    f"interval {low:.6f}–{high:.6f} is not score ± 1.645 × SE ({expected[0]:.6f}–{expected[1]:.6f})"
                )
    if respondents is not None and (respondents <= 0 or respondents != int(respondents)):
        return RESPONDENTS, f"respondents must be a positive whole number: {respondents:g}"
    return None
