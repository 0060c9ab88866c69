"""The explorer page: server time for a filter change, and time to produce each download of the whole store.

python -m bench.explorer
"""

from __future__ import annotations

import datetime as dt
import itertools
import time

from bench.common import report, timed
from harness.apptest import open_app
from papi_data.citation import citation
from papi_data.explore import Filters, apply_filters, explorer_table, summarise, with_base_change
from papi_data.ranking import with_ranks
from papi_data.stats import with_change
from papi_data.store.load import load_store
from papi_data.subdimensions import metric_rows
from ui.core.metrics import build_metrics
from ui.explorer.downloads import download_note, to_csv, to_parquet, to_xlsx, view_table

FILTER_CHANGE_TARGET_MS = 150
DOWNLOAD_TARGET_MS = 1000

# One filter change per step, as a researcher makes them: (widget kind, key, value).
CHANGES = [
    ("slider", "w_years", (2011, 2024)),
    ("multiselect", "w_metrics", ["total"]),
    ("multiselect", "w_regions", ["red_river_delta", "southeast"]),
    ("multiselect", "w_groups", ["best", "high_average"]),
    ("select_slider", "w_scores", (4.0, 7.0)),
    ("text_input", "w_q", "ha, hcm, da nang"),
    ("selectbox", "w_base", 2011),
    ("text_input", "w_q", ""),
    ("select_slider", "w_scores", (1.0, 10.0)),
    ("multiselect", "w_groups", []),
    ("multiselect", "w_regions", []),
    ("multiselect", "w_metrics", []),
    ("slider", "w_years", (2018, 2024)),
    ("selectbox", "w_base", 2018),
]


def filter_changes(rounds: int = 3) -> list[float]:
    """Milliseconds of the page's run after each filter change (AppTest: the script run, no browser)."""
    at = open_app("pages/explorer.py")
    at.run()  # warm: caches filled, as after the first visit
    times = []
    for kind, key, value in itertools.chain.from_iterable([CHANGES] * rounds):
        getattr(at, kind)(key=key).set_value(value)
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    return times


def main() -> None:
    report("explorer: server time per filter change", filter_changes(), FILTER_CHANGE_TARGET_MS)
    store = load_store()
    names = store.provinces[["code", "name_vi", "name_en", "region_id"]].rename(columns={"code": "province_code"})
    subs = with_change(with_ranks(metric_rows(store.subdimension_scores, store.subdimension_periods)))
    table = explorer_table(with_change(with_ranks(store.scores)), subs, store.uncertainty)
    table = table.merge(names, on="province_code")
    metrics = build_metrics(store.dimensions, store.subdimensions, store.subdimension_periods, max(store.years))
    filters = Filters(years=(store.years[0], store.years[-1]), metrics=metrics.ids)  # everything, sub-dimensions too
    rows = apply_filters(with_base_change(table, 2018), store.provinces, filters)
    view = view_table(rows, store.regions, metrics, "vi", 2018)
    note = download_note(
        filters,
        "",
        2018,
        summarise(table, store.provinces, filters, rows),
        metrics=metrics,
        regions=store.regions,
        provinces=store.provinces,
        lang="vi",
        created=dt.date.today(),
        link="kham-pha",
        citation=citation(store.report_partners, store.partners, store.years, "vi"),
    )
    for name, build in [("CSV", to_csv), ("Excel", to_xlsx), ("Parquet", to_parquet)]:
        size = len(build(view, note)) / 1024
        report(
            f"explorer: {name} of the whole store ({len(view)} rows, {size:,.0f} KB)",
            timed(lambda b=build: b(view, note), 5),
            DOWNLOAD_TARGET_MS,
        )


if __name__ == "__main__":
    main()
