"""Read the sub-dimension reference (concepts and their periods) and the sub-dimension scores, checking every rule.

A sub-dimension is a concept with a stable id ("d5.land_titles"), never a position: the source file's `position`
changes meaning over time (land titles sit at 5.3 to 2020 and at 5.2 from 2021, officially still 5.3). The periods
table says, per concept and stretch of years, which position the source gives it, PAPI's official number, and its
scale. A score row is placed by (dimension, position, year) through that table.

Rules for the scores: every value lies inside its period's scale; the sub-dimensions of a province-year-dimension add up
to the dimension score in papi_scores_long.csv (±0.001); none exists without a dimension score, and none is missing
where the dimension has one.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from papi_data.store.problems import SourceProblem, read_csv_rows
from papi_data.store.readers.reference import name_resolver
from papi_data.store.schema import SUBDIMENSION_SCALES, SUBDIMENSION_SUM_TOLERANCE, TOTAL
from papi_data.text import name_key, nfc

CONCEPTS_FILE = "subdimensions.csv"
PERIODS_FILE = "subdimension_periods.csv"
SCORES_FILE = "papi_subdimensions_2011_2024_long.csv"

CONCEPT_COLUMNS = ["id", "dimension", "order", "first_year", "last_year", "name_vi", "name_en", "name_vi_status"]
PERIOD_COLUMNS = [
    "id",
    "first_year",
    "last_year",
    "source_position",
    "official_number",
    "n_in_dimension",
    "scale_low",
    "scale_high",
]
SCORE_COLUMNS = [
    "year",
    "province_code",
    "province_name_vi",
    "dimension",
    "position",
    "scale",
    "n_subdims_in_dim",
    "value",
    "source",
]
NAME_STATUS = {"official": True, "project": False}
_ID = re.compile(r"^d(\d)\.[a-z0-9_]+$")


def _int(text: str) -> int | None:
    return int(text) if re.fullmatch(r"-?\d+", text) else None


def _float(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _scale_text(low: float, high: float) -> str:
    return f"{low:g}-{high:.1f}" if high == 5.0 else f"{low:g}-{high:g}"  # as the source writes them: 0.5-5.0


def read_subdimension_reference(
    sources: Path, dimensions: pd.DataFrame, problems: list[SourceProblem]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The concepts (`subdimensions`) and their periods (`subdimension_periods`), checked against each other."""
    problems_before = len(problems)
    order_of = dict(zip(dimensions["id"], dimensions["order"], strict=True))
    first_of = dict(zip(dimensions["id"], dimensions["first_year"], strict=True))
    concepts: list[dict] = []
    seen: dict[str, int] = {}
    written: set[str] = set()  # every id in the file, so the periods of a rejected concept are not reported again
    for line, r in read_csv_rows(sources / CONCEPTS_FILE, CONCEPT_COLUMNS, problems):
        written.add(r["id"])

        def bad(column: str, reason: str, line: int = line) -> None:
            problems.append(SourceProblem(CONCEPTS_FILE, line, column, reason))

        match = _ID.match(r["id"])
        if r["dimension"] not in order_of:
            bad("dimension", f"unknown dimension {r['dimension']!r}")
            continue
        if match is None or int(match.group(1)) != order_of[r["dimension"]]:
            bad("id", f"id {r['id']!r} must read d{order_of[r['dimension']]}.<name> (lower case, digits, _)")
            continue
        if r["id"] in seen:
            bad("id", f"{r['id']} is already defined on line {seen[r['id']]}")
            continue
        seen[r["id"]] = line
        order, first, last = _int(r["order"]), _int(r["first_year"]), _int(r["last_year"])
        if order is None or order < 1:
            bad("order", f"not a whole number from 1: {r['order']!r}")
            continue
        if first is None or last is None or first > last:
            bad("first_year", f"years {r['first_year']!r}–{r['last_year']!r} are not a range of years")
            continue
        if first < first_of[r["dimension"]]:
            bad("first_year", f"{r['dimension']} is not measured before {first_of[r['dimension']]}")
            continue
        if r["name_vi_status"] not in NAME_STATUS:
            bad("name_vi_status", f"{r['name_vi_status']!r} is not one of {', '.join(NAME_STATUS)}")
            continue
        if not r["name_vi"] or not r["name_en"]:
            bad("name_vi" if not r["name_vi"] else "name_en", "every sub-dimension needs a name in both languages")
            continue
        concepts.append(
            {
                "id": r["id"],
                "dimension": r["dimension"],
                "order": order,
                "first_year": first,
                "last_year": last,
                "name_vi": nfc(r["name_vi"]),
                "name_en": nfc(r["name_en"]),
                "name_vi_official": NAME_STATUS[r["name_vi_status"]],
                "name_note": nfc(r.get("name_note") or ""),
                "line": line,
            }
        )
    orders: dict[tuple[str, int], str] = {}
    for concept in concepts:
        taken = orders.setdefault((concept["dimension"], concept["order"]), concept["id"])
        if taken != concept["id"]:
            problems.append(
                SourceProblem(
                    CONCEPTS_FILE,
                    concept["line"],
                    "order",
                    f"order {concept['order']} of {concept['dimension']} is already {taken}'s",
                )
            )
    rejected = written - {c["id"] for c in concepts}
    periods = _read_periods(sources, {c["id"]: c for c in concepts}, rejected, problems)
    if len(problems) == problems_before:  # periods are checked against each other only when each row is sound
        _check_periods(periods, concepts, first_of, problems)
    columns = [*CONCEPT_COLUMNS[:7], "name_vi_official", "name_note"]
    table = pd.DataFrame(concepts, columns=[*columns, "line"]).drop(columns="line")
    period_table = pd.DataFrame(periods, columns=[*PERIOD_TABLE_COLUMNS, "line"]).drop(columns="line")
    return table.sort_values(["dimension", "order"], ignore_index=True), period_table


PERIOD_TABLE_COLUMNS = ["subdimension", *PERIOD_COLUMNS[1:]]  # the store names the concept column


def _read_periods(
    sources: Path, concepts: dict[str, dict], rejected: set[str], problems: list[SourceProblem]
) -> list[dict]:
    rows: list[dict] = []
    for line, r in read_csv_rows(sources / PERIODS_FILE, PERIOD_COLUMNS, problems):

        def bad(column: str, reason: str, line: int = line) -> None:
            problems.append(SourceProblem(PERIODS_FILE, line, column, reason))

        concept = concepts.get(r["id"])
        if r["id"] in rejected:
            continue  # its concept's row is reported already
        if concept is None:
            bad("id", f"{r['id']!r} is not a sub-dimension of {CONCEPTS_FILE}")
            continue
        first, last, n = _int(r["first_year"]), _int(r["last_year"]), _int(r["n_in_dimension"])
        if first is None or last is None or first > last:
            bad("first_year", f"years {r['first_year']!r}–{r['last_year']!r} are not a range of years")
            continue
        low, high = _float(r["scale_low"]), _float(r["scale_high"])
        if (low, high) not in SUBDIMENSION_SCALES:
            scales = ", ".join(f"{a:g}–{b:g}" for a, b in SUBDIMENSION_SCALES)
            bad("scale_low", f"scale {r['scale_low']}–{r['scale_high']} is not one of PAPI's ({scales})")
            continue
        assert low is not None and high is not None  # narrowed by the membership test above
        if n != SUBDIMENSION_SCALES[(low, high)]:
            bad(
                "n_in_dimension",
                f"{r['n_in_dimension']!r}: a scale of {low:g}–{high:g} means "
                f"{SUBDIMENSION_SCALES[(low, high)]} sub-dimensions in the dimension",
            )
            continue
        number = concept["id"][1]
        wrong = [c for c in ("source_position", "official_number") if not re.fullmatch(rf"{number}\.\d", r[c])]
        if wrong:
            bad(wrong[0], f"{r[wrong[0]]!r} is not a number of D{number} such as {number}.1")
            continue
        rows.append(
            {
                "subdimension": r["id"],
                "first_year": first,
                "last_year": last,
                "source_position": r["source_position"],
                "official_number": r["official_number"],
                "n_in_dimension": n,
                "scale_low": low,
                "scale_high": high,
                "line": line,
            }
        )
    return rows


def _check_periods(
    periods: list[dict], concepts: list[dict], first_of: dict[str, int], problems: list[SourceProblem]
) -> None:
    """Each concept's periods follow one another and cover exactly its years; each dimension-year is complete."""

    def bad(line: int | None, column: str, reason: str) -> None:
        problems.append(SourceProblem(PERIODS_FILE, line, column, reason))

    problems_before = len(problems)
    for concept in concepts:
        expected = concept["first_year"]
        mine = sorted((p for p in periods if p["subdimension"] == concept["id"]), key=lambda p: p["first_year"])
        for period in mine:
            if period["first_year"] != expected:
                bad(
                    period["line"],
                    "first_year",
                    f"{concept['id']}: period starts in {period['first_year']}, expected {expected}",
                )
                break
            expected = period["last_year"] + 1
        else:
            if expected != concept["last_year"] + 1:
                bad(
                    None,
                    "last_year",
                    f"{concept['id']}: periods end in {expected - 1}, the concept in {concept['last_year']}",
                )
    if len(problems) > problems_before:  # the years below cannot be counted over broken periods
        return
    dimension_of = {c["id"]: c["dimension"] for c in concepts}
    by_year: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for row in period_years(periods):
        by_year[dimension_of[row["subdimension"]], row["year"]].append(row)
    for dimension, first in first_of.items():
        for year in range(first, max(c["last_year"] for c in concepts) + 1):
            rows = by_year.get((dimension, year), [])
            counts = {row["n_in_dimension"] for row in rows}
            if not rows:
                bad(None, "id", f"{dimension} has no sub-dimension in {year}")
            elif counts != {len(rows)}:
                listed = ", ".join(row["subdimension"] for row in rows)
                bad(
                    None,
                    "n_in_dimension",
                    f"{dimension} in {year}: {len(rows)} sub-dimensions ({listed}), "
                    f"but n_in_dimension says {'/'.join(map(str, sorted(counts)))}",
                )
            elif any(len({row[c] for row in rows}) < len(rows) for c in ("source_position", "official_number")):
                bad(None, "source_position", f"{dimension} in {year}: two sub-dimensions share a number")


def period_years(periods: list[dict]) -> list[dict]:
    """One record per sub-dimension and year it is valid: the period's fields and `year`."""
    return [
        {**period, "year": year}
        for period in periods
        for year in range(int(period["first_year"]), int(period["last_year"]) + 1)
    ]


def read_subdimension_scores(
    sources: Path,
    provinces: pd.DataFrame,
    dimensions: pd.DataFrame,
    concepts: pd.DataFrame,
    periods: pd.DataFrame,
    scores: pd.DataFrame,
    problems: list[SourceProblem],
) -> pd.DataFrame:
    """The sub-dimension scores in long form, placed on their concept and checked against the dimension scores."""
    resolver = name_resolver(provinces)
    codes = set(provinces["code"])
    dimension_id = {f"D{order}": d for d, order in zip(dimensions["id"], dimensions["order"], strict=True)}
    years = set(int(y) for y in scores["year"].unique())
    place_of = {
        (row["subdimension"][1], row["source_position"], row["year"]): row
        for row in period_years(periods.to_dict("records"))
    }
    dimension_of = dict(zip(concepts["id"], concepts["dimension"], strict=True))
    owner: dict[str, str | None] = {}  # name as written → its province code (21,891 rows, 63 names)
    rows: list[dict] = []
    seen: dict[tuple[int, str, str], int] = {}
    # Cells (year, province, dimension) with a rejected row are left out of the checks across rows, so one bad value is
    # reported once. None: a row that could not be placed at all; then those checks are skipped.
    flawed: set[tuple[int, str, str] | None] = set()
    cell: tuple[int, str, str] | None = None
    reported = 0

    def bad(line: int | None, column: str | None, reason: str) -> None:
        nonlocal reported
        problems.append(SourceProblem(SCORES_FILE, None if line is None else int(line), column, reason))
        flawed.add(cell)
        reported += 1

    problems_before = len(problems)
    for line, r in read_csv_rows(sources / SCORES_FILE, SCORE_COLUMNS, problems):
        cell = None
        code = r["province_code"]
        if code not in codes:
            bad(line, "province_code", f"unknown province code {code!r}")
            continue
        if r["province_name_vi"] not in owner:
            owner[r["province_name_vi"]] = resolver.get(name_key(nfc(r["province_name_vi"])))
        if owner[r["province_name_vi"]] != code:
            bad(line, "province_name_vi", f"{nfc(r['province_name_vi'])!r} is not the province with code {code}")
            continue
        year = _int(r["year"])
        if year is None or year not in years:
            bad(line, "year", f"{r['year']!r} is not a year of {min(years)}–{max(years)}")
            continue
        dimension = dimension_id.get(r["dimension"])
        if dimension is None:
            bad(line, "dimension", f"unknown dimension {r['dimension']!r} (D1–D{len(dimension_id)})")
            continue
        cell = (year, code, dimension)
        period = place_of.get((r["dimension"][1], r["position"], year))
        if period is None:
            bad(line, "position", f"no sub-dimension of {r['dimension']} sits at position {r['position']!r} in {year}")
            continue
        key = (year, code, period["subdimension"])
        if key in seen:
            bad(line, None, f"duplicate of line {seen[key]} ({code}, {year}, {period['subdimension']})")
            continue
        seen[key] = line
        low, high = period["scale_low"], period["scale_high"]
        if r["scale"] != _scale_text(low, high):
            bad(
                line,
                "scale",
                f"scale {r['scale']!r} should be {_scale_text(low, high)} for {period['subdimension']} in {year}",
            )
            continue
        if _int(r["n_subdims_in_dim"].removesuffix(".0")) != period["n_in_dimension"]:
            bad(line, "n_subdims_in_dim", f"{r['dimension']} has {period['n_in_dimension']} sub-dimensions in {year}")
            continue
        value = _float(r["value"])
        if value is None:
            bad(line, "value", f"not a number: {r['value']!r} (leave the row out where PAPI published none)")
            continue
        if not low <= value <= high:
            bad(line, "value", f"{r['value']} is outside the scale {low:g}–{high:g}")
            continue
        if not r["source"]:
            bad(line, "source", "every score needs its source")
            continue
        rows.append(
            {
                "year": year,
                "province_code": code,
                "dimension": dimension_of[period["subdimension"]],
                "subdimension": period["subdimension"],
                "score": value,
                "scale_low": low,
                "scale_high": high,
                "source": nfc(r["source"]),
                "source_file": SCORES_FILE,
                "source_line": line,
            }
        )
    table = pd.DataFrame(rows, columns=list(SUBDIMENSION_COLUMNS))
    unplaced = len(problems) - problems_before > reported  # e.g. a row with the wrong number of fields
    if None not in flawed and not unplaced:
        cell = None
        _check_against_dimensions(table, concepts, periods, scores, flawed, bad)
    return table


SUBDIMENSION_COLUMNS = (
    "year",
    "province_code",
    "dimension",
    "subdimension",
    "score",
    "scale_low",
    "scale_high",
    "source",
    "source_file",
    "source_line",
)


def _check_against_dimensions(
    table: pd.DataFrame,
    concepts: pd.DataFrame,
    periods: pd.DataFrame,
    scores: pd.DataFrame,
    flawed: set,
    bad: Callable,
) -> None:
    """None without a dimension score, none missing where there is one, and the sum equals the dimension score."""
    keys = ["year", "province_code", "dimension"]
    dims = scores.loc[scores["dimension"] != TOTAL, [*keys, "score", "source_line"]].rename(
        columns={"score": "dimension_score", "source_line": "dimension_line"}
    )
    rows = table.merge(dims, on=keys, how="left")
    for row in rows[rows["dimension_score"].isna()].to_dict("records"):
        if (row["year"], row["province_code"], row["dimension"]) not in flawed:
            bad(
                row["source_line"],
                "value",
                f"{row['dimension']} has no score for province {row['province_code']} "
                f"in {row['year']}: a sub-dimension needs its dimension's score",
            )
    expected = pd.DataFrame(period_years(periods.to_dict("records")))[["subdimension", "year"]]
    expected["dimension"] = expected["subdimension"].map(dict(zip(concepts["id"], concepts["dimension"], strict=True)))
    wanted = dims[dims["dimension_score"].notna()].merge(expected, on=["year", "dimension"])
    have = set(zip(table["year"], table["province_code"], table["subdimension"], strict=True))
    wanted["present"] = [
        k in have for k in zip(wanted["year"], wanted["province_code"], wanted["subdimension"], strict=True)
    ]
    missing = wanted[~wanted["present"]].groupby(keys)["subdimension"].agg(", ".join).reset_index()
    incomplete = set()
    for row in missing.to_dict("records"):
        key = (row["year"], row["province_code"], row["dimension"])
        incomplete.add(key)
        if key not in flawed:
            bad(
                None,
                "position",
                f"{row['year']}, province {row['province_code']}, {row['dimension']}: no row for {row['subdimension']}",
            )
    complete = rows[rows["dimension_score"].notna()]
    sums = complete.groupby(keys).agg(
        total=("score", "sum"),
        dimension_score=("dimension_score", "first"),
        dimension_line=("dimension_line", "first"),
        lines=("source_line", list),
    )
    off = sums[(sums["total"] - sums["dimension_score"]).abs() > SUBDIMENSION_SUM_TOLERANCE].reset_index()
    for row in off.to_dict("records"):
        key = (row["year"], row["province_code"], row["dimension"])
        if key in flawed or key in incomplete:
            continue
        lines = sorted(row["lines"])
        bad(
            lines[0],
            "value",
            f"the sub-dimensions of {row['dimension']} for province {row['province_code']} in "
            f"{row['year']} (lines {', '.join(map(str, lines))}) add up to {row['total']:.6f}, not the dimension "
            f"score {row['dimension_score']:.6f} (papi_scores_long.csv:{row['dimension_line']})",
        )
