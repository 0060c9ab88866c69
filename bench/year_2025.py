"""A new year across the 2025 change (issue 22): the build with a synthetic 2025 of 34 provinces × 9 metrics against
the build of today's sources (target: within +20 %), and each page's server time on a 2025 view against the same page
on the real store's latest year, their runs alternating (target: within the page targets of the other years).

python -m bench.year_2025

The 2025 figures are SYNTHETIC (tests/synthetic/year_2025.py), written only into a temporary copy of the sources.
"""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path

from bench.common import report, timed
from bench.page_runs import PAGES, page_app
from papi_data.build import build
from papi_data.store.paths import SOURCES_DIR
from tests.synthetic.year_2025 import sources_with_2025

BUILD_SLACK = 1.20
RUNS = 10
# The pages' 2025 views: a new province where the page names one (new Tây Ninh, new Lào Cai).
NEW_CODES = {"27": "n24", "01": "n01", "79": "n79", "10": "n15"}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = sources_with_2025(folder)
        today = timed(lambda: build(SOURCES_DIR, target=folder / "today"), 5)
        with_2025 = timed(lambda: build(sources, target=folder / "store", last_year=2025), 5)
        report("store build, today's sources", today)
        report("store build, with papi_scores_2025.csv", with_2025, statistics.median(today) * BUILD_SLACK)
        stores = {"today": str(folder / "today"), "2025": str(folder / "store")}
        for name, (page, params, target) in PAGES.items():
            shown = {k: NEW_CODES.get(v, v) if k in ("province", "compare") else v for k, v in params.items()}
            shown.pop("year", None)  # the latest year: 2025
            apps = {}
            for which, view in (("today", params), ("2025", shown)):
                os.environ["PAPI_STORE_DIR"] = stores[which]
                apps[which] = page_app(page, view)
            # The two views' runs alternate, so a busy machine slows both alike: the comparison is the figure to read.
            times: dict[str, list[float]] = {"today": [], "2025": []}
            for _ in range(RUNS):
                for which, app in apps.items():
                    os.environ["PAPI_STORE_DIR"] = stores[which]
                    times[which] += timed(app.run, 1)
            report(f"server time per run, latest year today: {name}", times["today"], target)
            report(f"server time per run, 2025 view: {name}", times["2025"], target)


if __name__ == "__main__":
    main()
