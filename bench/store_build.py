"""Store build time (validation and writing apart), load times, table sizes, sub-dimension ranks.

python -m bench.store_build
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import report, report_size, timed
from papi_data.build import MANIFEST, assemble, build, write_store
from papi_data.ranking import with_ranks
from papi_data.store.load import load_store
from papi_data.store.paths import SOURCES_DIR
from papi_data.subdimensions import metric_rows

LOAD = (
    "import time; t = time.perf_counter(); from papi_data.store.load import load_store; load_store(); "
    "print((time.perf_counter() - t) * 1000)"
)
NEW_TABLES = (  # issue 10: sub-dimensions, uncertainty, published figures, partners
    "subdimensions",
    "subdimension_periods",
    "subdimension_scores",
    "uncertainty",
    "published_means",
    "published_group_sizes",
    "press_figures",
    "partners",
    "report_partners",
)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "store"
        report("store build (validate + write Parquet)", timed(lambda: build(target=target), 5))
        report("  validate only (assemble)", timed(lambda: assemble(SOURCES_DIR), 5))
        tables = assemble(SOURCES_DIR)
        report("  write Parquet only", timed(lambda: write_store(tables, SOURCES_DIR, target), 5))
        report("store load, warm (in-process)", timed(lambda: load_store(target), 5))
        store = load_store(target)
        report(
            "sub-dimension metric rows with ranks and groups",
            timed(lambda: with_ranks(metric_rows(store.subdimension_scores, store.subdimension_periods)), 5),
        )
        for name in NEW_TABLES:
            report_size(f"  {name}.parquet ({len(tables[name])} rows)", (target / f"{name}.parquet").stat().st_size)
        new = sum((target / f"{name}.parquet").stat().st_size for name in NEW_TABLES)
        files = [*target.glob("*.parquet"), target / MANIFEST]
        report_size("  the issue-10 tables together", new)
        report_size("store on disk, all files", sum(f.stat().st_size for f in files))
    # A fresh interpreter each time: imports of pandas/pyarrow included, as at server start.
    cold = [float(subprocess.check_output([sys.executable, "-c", LOAD], text=True)) for _ in range(5)]
    report("cold store load (new process, incl. imports)", cold)


if __name__ == "__main__":
    main()
