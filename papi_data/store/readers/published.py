"""Read PAPI's own published figures (national means, group sizes, press totals and ranks) and the report partners.

These are figures to set beside the store's, never a source of scores. Rules: every province name resolves; years lie
within the scores' years; a value is a number on its year's total scale, kept as printed so its decimals are known;
a rank is a whole number from 1 to 63; group sizes name one of PAPI's four groups and, where all four of a year are
given, add up to the provinces with a total that year; each partner is defined once. Each year of the scores has its
report's partners; a new year that report_partners.csv does not name yet is cited with the latest earlier year's,
marked "assumed" (so every citation says so) until its cover is copied in.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from papi_data.store.problems import SourceProblem, read_csv_rows
from papi_data.store.readers.reference import name_resolver
from papi_data.store.schema import GROUPS, TOTAL, total_range
from papi_data.text import name_key, nfc

MEANS_FILE = "published_national_means.csv"
GROUP_SIZES_FILE = "published_group_sizes.csv"
PRESS_FILE = "published_values_press.csv"
PARTNERS_FILE = "partners.csv"
REPORT_PARTNERS_FILE = "report_partners.csv"
NATIONAL = "Toàn quốc (mean)"  # how the press table names a national mean
_DECIMAL = re.compile(r"^\d+(\.\d+)?$")
_WHOLE = re.compile(r"^\d+(\.0+)?$")  # ranks are written 34.0 in the press table


def _year(text: str, years: set[int]) -> int | None:
    return int(text) if text.isdigit() and int(text) in years else None


def _value_problem(printed: str, year: int) -> str | None:
    if not _DECIMAL.match(printed):
        return f"not a number as printed: {printed!r}"
    low, high = total_range(year)
    if not low <= float(printed) <= high:
        return f"{printed} is outside the {year} total's scale {low:g}–{high:g}"
    return None


def read_published_means(sources: Path, scores: pd.DataFrame, problems: list[SourceProblem]) -> pd.DataFrame:
    years = set(int(y) for y in scores["year"].unique())
    rows = []
    for line, r in read_csv_rows(sources / MEANS_FILE, ["year", "value", "source", "taken_from", "note"], problems):
        year = _year(r["year"], years)
        if year is None:
            problems.append(SourceProblem(MEANS_FILE, line, "year", f"{r['year']!r} is not a year of the scores"))
            continue
        problem = _value_problem(r["value"], year) or ("" if r["source"] else "every figure needs its source")
        if problem:
            problems.append(SourceProblem(MEANS_FILE, line, "value" if r["source"] else "source", problem))
            continue
        rows.append(
            {
                "year": year,
                "value": float(r["value"]),
                "printed": r["value"],
                "source": nfc(r["source"]),
                "taken_from": nfc(r["taken_from"]),
                "note": nfc(r["note"]),
                "source_file": MEANS_FILE,
                "source_line": line,
            }
        )
    columns = ["year", "value", "printed", "source", "taken_from", "note", "source_file", "source_line"]
    return pd.DataFrame(rows, columns=columns)


def read_group_sizes(sources: Path, scores: pd.DataFrame, problems: list[SourceProblem]) -> pd.DataFrame:
    years = set(int(y) for y in scores["year"].unique())
    totals = scores[(scores["dimension"] == TOTAL) & scores["score"].notna()]
    with_total = {int(year): int(n) for year, n in zip(*np.unique(totals["year"], return_counts=True), strict=True)}
    rows: list[dict[str, Any]] = []
    seen: dict[tuple[int, str], int] = {}
    columns = ["year", "group", "size", "low", "high", "source"]
    for line, r in read_csv_rows(sources / GROUP_SIZES_FILE, columns, problems):

        def bad(column: str | None, reason: str, line: int = line) -> None:
            problems.append(SourceProblem(GROUP_SIZES_FILE, line, column, reason))

        year = _year(r["year"], years)
        if year is None:
            bad("year", f"{r['year']!r} is not a year of the scores")
        elif r["group"] not in GROUPS:
            bad("group", f"{r['group']!r} is not one of {', '.join(GROUPS)}")
        elif not r["size"].isdigit() or not 0 < int(r["size"]) <= with_total.get(year, 0):
            bad("size", f"{r['size']!r} is not a number of provinces with a total in {year}")
        elif (year, r["group"]) in seen:
            bad(None, f"duplicate of line {seen[year, r['group']]} ({year}, {r['group']})")
        elif not r["source"]:
            bad("source", "every figure needs its source")
        elif _cut_off_problem(r["low"], r["high"], year):
            bad("low", _cut_off_problem(r["low"], r["high"], year) or "")
        else:
            seen[year, r["group"]] = line
            rows.append(
                {
                    "year": year,
                    "group": r["group"],
                    "size": int(r["size"]),
                    "low": float(r["low"]) if r["low"] else None,
                    "high": float(r["high"]) if r["high"] else None,
                    "source": nfc(r["source"]),
                    "source_file": GROUP_SIZES_FILE,
                    "source_line": line,
                }
            )
    out = pd.DataFrame(rows, columns=["year", "group", "size", "low", "high", "source", "source_file", "source_line"])
    for year in sorted(set(out["year"])):
        sizes = [row for row in rows if row["year"] == year]
        held = sum(row["size"] for row in sizes)
        if len(sizes) == len(GROUPS) and held != with_total[year]:
            line = min(row["source_line"] for row in sizes)
            reason = f"the four groups of {year} hold {held} provinces, but {with_total[year]} have a total"
            problems.append(SourceProblem(GROUP_SIZES_FILE, line, "size", reason))
    return out


def _cut_off_problem(low: str, high: str, year: int) -> str | None:
    """A group's published score range (both ends as printed, or neither): on the year's total scale, low ≤ high."""
    if not low and not high:
        return None
    if not low or not high:
        return "a group's published range needs both ends (low and high) or neither"
    problem = _value_problem(low, year) or _value_problem(high, year)
    if problem:
        return problem
    return None if float(low) <= float(high) else f"the range {low}–{high} runs backwards"


def read_press_figures(
    sources: Path, provinces: pd.DataFrame, scores: pd.DataFrame, problems: list[SourceProblem]
) -> pd.DataFrame:
    resolver = name_resolver(provinces)
    years = set(int(y) for y in scores["year"].unique())
    rows = []
    required = ["province", "year", "reported_score", "reported_rank", "source"]
    for line, r in read_csv_rows(sources / PRESS_FILE, required, problems):

        def bad(column: str | None, reason: str, line: int = line) -> None:
            problems.append(SourceProblem(PRESS_FILE, line, column, reason))

        name = nfc(r["province"])
        national = name == NATIONAL
        code = None if national else resolver.get(name_key(name))
        year = _year(r["year"], years)
        printed, rank = r["reported_score"], r["reported_rank"]
        if not national and code is None:
            bad("province", f"unknown province {name!r}")
        elif year is None:
            bad("year", f"{r['year']!r} is not a year of the scores")
        elif not printed and not rank:
            bad("reported_score", "neither a score nor a rank")
        elif printed and (problem := _value_problem(printed, year)):
            bad("reported_score", problem)
        elif rank and (national or not _WHOLE.match(rank) or not 1 <= float(rank) <= len(provinces)):
            bad("reported_rank", f"{rank!r} is not a rank from 1 to {len(provinces)} of a province")
        elif not r["source"]:
            bad("source", "every figure needs its source")
        else:
            rows.append(
                {
                    "year": year,
                    "scope": "national_mean" if national else "province",
                    "province_code": code,
                    "score": float(printed) if printed else None,
                    "score_printed": printed or None,
                    "rank": int(float(rank)) if rank else None,
                    "source": nfc(r["source"]),
                    "source_file": PRESS_FILE,
                    "source_line": line,
                }
            )
    columns = ["year", "scope", "province_code", "score", "score_printed", "rank", "source", "source_file"]
    out = pd.DataFrame(rows, columns=[*columns, "source_line"])
    out["rank"] = out["rank"].astype("Int16")
    return out


def read_partners(
    sources: Path, scores: pd.DataFrame, problems: list[SourceProblem]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The partners (`partners`) and who made each year's report, in citation order (`report_partners`)."""
    partners: list[dict[str, str]] = []
    for line, r in read_csv_rows(sources / PARTNERS_FILE, ["id", "name_vi", "name_en", "source"], problems):
        missing = [c for c in ("id", "name_vi", "name_en", "source") if not r[c]]
        if missing:
            problems.append(SourceProblem(PARTNERS_FILE, line, missing[0], "empty"))
        elif any(p["id"] == r["id"] for p in partners):
            problems.append(SourceProblem(PARTNERS_FILE, line, "id", f"{r['id']} is defined twice"))
        else:
            partners.append({c: nfc(r[c]) for c in ("id", "name_vi", "name_en", "source")})
    known = {p["id"] for p in partners}
    years = set(int(y) for y in scores["year"].unique())
    rows = []
    seen: dict[tuple[int, str], int] = {}
    for line, r in read_csv_rows(sources / REPORT_PARTNERS_FILE, ["year", "order", "partner_id", "basis"], problems):

        def bad(column: str | None, reason: str, line: int = line) -> None:
            problems.append(SourceProblem(REPORT_PARTNERS_FILE, line, column, reason))

        year = _year(r["year"], years)
        if year is None:
            bad("year", f"{r['year']!r} is not a year of the scores")
        elif not r["order"].isdigit():
            bad("order", f"not a whole number: {r['order']!r}")
        elif r["partner_id"] not in known:
            bad("partner_id", f"unknown partner {r['partner_id']!r} (see {PARTNERS_FILE})")
        elif (year, r["partner_id"]) in seen or (year, r["order"]) in seen:
            bad(None, f"partner or order repeated for {year}")
        elif not r["basis"]:
            bad("basis", "say where the partners of this report come from")
        else:
            seen[year, r["partner_id"]] = seen[year, r["order"]] = line
            rows.append(
                {"year": year, "order": int(r["order"]), "partner_id": r["partner_id"], "basis": nfc(r["basis"])}
            )
    table = pd.DataFrame(rows, columns=["year", "order", "partner_id", "basis"])
    table = pd.concat([table, *_carried_over(table, years - set(table["year"]), problems)], ignore_index=True)
    partners_table = pd.DataFrame(partners, columns=["id", "name_vi", "name_en", "source"])
    return partners_table, table.sort_values(["year", "order"], ignore_index=True)


def _carried_over(table: pd.DataFrame, years: set[int], problems: list[SourceProblem]) -> list[pd.DataFrame]:
    """A year without lines in report_partners.csv (a new year's file came first) is cited with the partners of the
    latest year before it, its basis "assumed: …" so every citation of it says the partners are not documented
    (papi_data.citation); a year with no year before it to take them from stops the build."""
    carried = []
    for year in sorted(years):
        before = table.loc[table["year"] < year, "year"]
        if before.empty:
            reason = f"no partners for the {year} report: add its partners as its cover names them"
            problems.append(SourceProblem(REPORT_PARTNERS_FILE, None, "year", reason))
            continue
        basis = f"assumed: as the {before.max()} report; {REPORT_PARTNERS_FILE} names none for {year} yet"
        carried.append(table[table["year"] == before.max()].assign(year=year, basis=basis))
    return carried
