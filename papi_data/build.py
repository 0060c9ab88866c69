"""Build the Parquet store from the source tables: validate everything, then write a new build and switch to it.

    python -m papi_data.build [--sources DIR] [--store DIR] [--check]

A bad source row stops the build with exit code 1 and a report naming file, line, column and reason; the store that
was there before stays exactly as it was. `--check` builds nothing: it prints what each year's file
(`papi_scores_<year>.csv`, `papi_subdimensions_<year>.csv`) holds (papi_data.year_report) and every problem, for the
data team to read first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import shutil
import sys
import time
import uuid
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from papi_data.derived import derive
from papi_data.eras import MERGER_YEAR, SET_34
from papi_data.plans.source import read_plans
from papi_data.store.files import build_lock, clean, new_staging, publish
from papi_data.store.paths import MANIFEST, SOURCES_DIR, store_dir
from papi_data.store.problems import SourceProblem, SourceRejected
from papi_data.store.readers.published import read_group_sizes, read_partners, read_press_figures, read_published_means
from papi_data.store.readers.reference import new_provinces, read_dimensions, read_provinces, read_regions
from papi_data.store.readers.scores import read_scores
from papi_data.store.readers.subdimensions import read_subdimension_reference, read_subdimension_scores
from papi_data.store.readers.uncertainty import read_uncertainty
from papi_data.store.readers.year_scores import YearCheck, read_year_file, year_files
from papi_data.store.readers.year_subdimensions import carried_on, read_subdimension_year, subdimension_files
from papi_data.store.schema import DERIVED_TABLES, SCHEMA_VERSION, TABLES
from papi_data.year_report import format_report


def assemble(
    sources: Path, last_year: int | None = None, checks: list[YearCheck] | None = None
) -> dict[str, pd.DataFrame]:
    """Read and validate every source; return the store's source tables, then the tables derived from them
    (papi_data.derived), or raise SourceRejected with all problems.

    `checks`, if given, receives what each year's file holds (for `--check`), whatever the problems."""
    last_year = dt.date.today().year - 1 if last_year is None else last_year
    problems: list[SourceProblem] = []
    regions = read_regions(sources, problems)
    dimensions = read_dimensions(sources, problems)
    provinces = read_provinces(sources, regions, problems)
    if problems:  # the scores cannot be checked against broken reference tables
        raise SourceRejected(problems)
    scores, spellings = read_scores(sources, provinces, dimensions, problems, last_year)
    if problems:
        raise SourceRejected(problems)
    both_sets = pd.concat([provinces, new_provinces(sources, provinces, problems)], ignore_index=True)
    scores, year_uncertainty = _with_year_files(sources, both_sets, dimensions, scores, last_year, problems, checks)
    if problems:
        raise SourceRejected(problems)
    subdimensions, periods = read_subdimension_reference(sources, dimensions, problems)
    if problems:  # the sub-dimension scores and plans are placed through the reference
        raise SourceRejected(problems)
    years = scores["year"].unique()
    plans, targets = read_plans(sources, both_sets, dimensions, subdimensions, periods, years, problems)
    subdimension_scores = read_subdimension_scores(
        sources, provinces, dimensions, subdimensions, periods, scores, problems
    )
    subdimension_scores = _with_subdimension_files(
        sources, both_sets, subdimensions, periods, scores, subdimension_scores, problems, checks
    )
    subdimensions, periods = carried_on(subdimensions, periods, [y for y, _ in subdimension_files(sources)])
    uncertainty = read_uncertainty(sources, provinces, scores, problems)
    uncertainty = pd.concat([uncertainty, year_uncertainty.reindex(columns=uncertainty.columns)], ignore_index=True)
    published_means = read_published_means(sources, scores, problems)
    group_sizes = read_group_sizes(sources, scores, problems)
    press = read_press_figures(sources, provinces, scores, problems)
    partners, report_partners = read_partners(sources, scores, problems)
    for check in (c for c in checks or [] if c.kind == "scores"):
        cited = report_partners[report_partners["year"] == check.year]
        if len(cited):
            check.partners = f"{', '.join(cited['partner_id'])} ({cited['basis'].iloc[0]})"
    if problems:
        raise SourceRejected(problems)
    # A province set enters the store with its first year of scores, or a plan of one of its provinces (a new
    # province's plan before its first PAPI); the other sources name the 63 provinces.
    new_named = plans["province_code"].isin(both_sets.loc[both_sets["province_set"] == SET_34, "code"]).any()
    stored_provinces = both_sets if (scores["year"] >= MERGER_YEAR).any() or new_named else provinces
    stored_provinces["aliases"] = [
        sorted(set(aliases) | (spellings.get(code, set()) - {name}))
        for code, name, aliases in zip(
            stored_provinces["code"], stored_provinces["name_vi"], stored_provinces["aliases"], strict=True
        )
    ]
    tables = {
        "provinces": stored_provinces,
        "regions": regions,
        "dimensions": dimensions,
        "scores": scores,
        "plans": plans,
        "targets": targets,
        "subdimensions": subdimensions,
        "subdimension_periods": periods,
        "subdimension_scores": subdimension_scores,
        "uncertainty": uncertainty,
        "published_means": published_means,
        "published_group_sizes": group_sizes,
        "press_figures": press,
        "partners": partners,
        "report_partners": report_partners,
    }
    return tables | derive(tables)


_SCHEMAS = TABLES | DERIVED_TABLES


def _with_year_files(
    sources: Path,
    provinces: pd.DataFrame,
    dimensions: pd.DataFrame,
    scores: pd.DataFrame,
    last_year: int,
    problems: list[SourceProblem],
    checks: list[YearCheck] | None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The scores with each `papi_scores_<year>.csv` added, and those files' published uncertainty rows."""
    frames, uncertainty = [scores], []
    for year, path in year_files(sources):
        if year > last_year:
            problems.append(
                SourceProblem(path.name, None, None, f"{year} is after the latest possible year {last_year}")
            )
            continue
        check, rows, unc = read_year_file(path, year, provinces, dimensions, scores)
        problems.extend(check.problems)
        frames.append(rows)
        uncertainty.append(unc)
        if checks is not None:
            checks.append(check)
    combined = pd.concat(frames, ignore_index=True) if len(frames) > 1 else scores
    return combined, pd.concat(uncertainty, ignore_index=True) if uncertainty else pd.DataFrame()


def _with_subdimension_files(
    sources: Path,
    provinces: pd.DataFrame,
    concepts: pd.DataFrame,
    periods: pd.DataFrame,
    scores: pd.DataFrame,
    subdimension_scores: pd.DataFrame,
    problems: list[SourceProblem],
    checks: list[YearCheck] | None,
) -> pd.DataFrame:
    """The sub-dimension scores with each `papi_subdimensions_<year>.csv` added (its year's scores read before)."""
    frames = [subdimension_scores]
    for year, path in subdimension_files(sources):
        check, rows = read_subdimension_year(path, year, provinces, concepts, periods, scores)
        if (subdimension_scores["year"] == year).any():
            reason = f"{year} is already in the sub-dimension scores (papi_subdimensions_2011_2024_long.csv)"
            check.other.append(SourceProblem(path.name, None, None, reason))
        problems.extend(check.problems)
        frames.append(rows)
        if checks is not None:
            checks.append(check)
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else subdimension_scores


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_store(tables: dict[str, pd.DataFrame], sources: Path, target: Path) -> None:
    """Write the tables as a new build of the store in `target` and make it the live one (see store_files.py)."""
    with build_lock(target):
        clean(target)
        staging = new_staging(target)
        try:
            for name, frame in tables.items():
                table = pa.Table.from_pandas(frame, schema=_SCHEMAS[name], preserve_index=False)
                pq.write_table(table, staging / f"{name}.parquet")
            build_id = uuid.uuid4().hex  # what readers key their caches on: two builds in one second still differ
            manifest = {
                "schema_version": SCHEMA_VERSION,
                "build_id": build_id,
                "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "rows": {name: len(frame) for name, frame in tables.items()},
                "sources": {
                    p.relative_to(sources).as_posix(): _digest(p) for p in sorted(sources.rglob("*")) if p.is_file()
                },
            }
            (staging / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
            publish(target, staging, build_id)
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # gone already once published


def build(sources: Path = SOURCES_DIR, target: Path | None = None, last_year: int | None = None) -> dict[str, int]:
    """Validate and write the store; returns the row count per table."""
    tables = assemble(sources, last_year)
    write_store(tables, sources, target or store_dir())
    return {name: len(frame) for name, frame in tables.items()}


def check(sources: Path) -> int:
    """Print the year files' report and every problem; exit code 1 if the build would stop. Writes nothing."""
    checks: list[YearCheck] = []
    problems: list[SourceProblem] = []
    try:
        assemble(sources, checks=checks)
    except SourceRejected as rejected:
        problems = rejected.problems
    print(format_report(checks))
    if problems:
        print(f"\nThe build would stop ({len(problems)} problem(s)); the live store is untouched:", file=sys.stdout)
        print("\n".join(map(str, problems)))
        return 1
    print("\nNo problem: `make store` will publish this build.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=SOURCES_DIR)
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--check", action="store_true", help="report on each year's file; build nothing")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.check:
        return check(args.sources)
    try:
        rows = build(args.sources, args.store)
    except SourceRejected as rejected:
        print(f"Build stopped; the existing store was left as it was.\n{rejected}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{n} {name}" for name, n in rows.items())
    print(f"Store built in {time.perf_counter() - started:.2f} s at {args.store or store_dir()}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
