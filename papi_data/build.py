"""Build the Parquet store from the source tables: validate everything, then write a new build and switch to it.

    python -m papi_data.build [--sources DIR] [--store DIR]

A bad source row stops the build with exit code 1 and a report naming file, line, column and reason; the store that
was there before stays exactly as it was.
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
from papi_data.plans.source import read_plans
from papi_data.store.files import build_lock, clean, new_staging, publish
from papi_data.store.paths import MANIFEST, SOURCES_DIR, store_dir
from papi_data.store.problems import SourceProblem, SourceRejected
from papi_data.store.readers.published import read_group_sizes, read_partners, read_press_figures, read_published_means
from papi_data.store.readers.reference import read_dimensions, read_provinces, read_regions
from papi_data.store.readers.scores import read_scores
from papi_data.store.readers.subdimensions import read_subdimension_reference, read_subdimension_scores
from papi_data.store.readers.uncertainty import read_uncertainty
from papi_data.store.schema import DERIVED_TABLES, SCHEMA_VERSION, TABLES


def assemble(sources: Path, last_year: int | None = None) -> dict[str, pd.DataFrame]:
    """Read and validate every source; return the store's source tables, then the tables derived from them
    (papi_data.derived), or raise SourceRejected with all problems."""
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
    subdimensions, periods = read_subdimension_reference(sources, dimensions, problems)
    if problems:  # the sub-dimension scores and plans are placed through the reference
        raise SourceRejected(problems)
    years = scores["year"].unique()
    plans, targets = read_plans(sources, provinces, dimensions, subdimensions, periods, years, problems)
    subdimension_scores = read_subdimension_scores(
        sources, provinces, dimensions, subdimensions, periods, scores, problems
    )
    uncertainty = read_uncertainty(sources, provinces, scores, problems)
    published_means = read_published_means(sources, scores, problems)
    group_sizes = read_group_sizes(sources, scores, problems)
    press = read_press_figures(sources, provinces, scores, problems)
    partners, report_partners = read_partners(sources, scores, problems)
    if problems:
        raise SourceRejected(problems)
    provinces["aliases"] = [
        sorted(set(aliases) | (spellings.get(code, set()) - {name}))
        for code, name, aliases in zip(provinces["code"], provinces["name_vi"], provinces["aliases"], strict=True)
    ]
    tables = {
        "provinces": provinces,
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=SOURCES_DIR)
    parser.add_argument("--store", type=Path, default=None)
    args = parser.parse_args(argv)
    started = time.perf_counter()
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
