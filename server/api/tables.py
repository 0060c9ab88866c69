"""The API's tables, read from the store through papi_data (never through the pages' Streamlit caches): one set per
store build, made on the first request after a build and kept while CURRENT names it.

Values are the stored ones, unrounded (display rounding is the pages'). A missing value stays missing: an empty CSV
cell, a JSON null, a Parquet null — never 0.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa

from papi_data import explore
from papi_data.search import search_provinces
from papi_data.store.keeper import keeper
from papi_data.store.load import PapiStore, StoreUnavailable
from papi_data.store.paths import store_dir
from papi_data.store.schema import TOTAL
from ui.core.metrics import Metrics, build_metrics

FILTERED = ["year", "province_code", "dimension", "score", "rank", "group", "scale_low", "scale_high"]
# The API's score columns in order, with their types.
SCORE_TYPES = {
    "year": "int16",
    "province_code": "string",
    "province_name_vi": "string",
    "province_name_en": "string",
    "region": "string",
    "metric": "string",
    "parent_dimension": "string",
    "score": "float64",
    "scale_low": "float64",
    "scale_high": "float64",
    "rank": "Int16",
    "n_ranked": "Int16",
    "group": "string",
    "change": "float64",
    "change_gap": "string",
    "se": "float64",
    "ci90_low": "float64",
    "ci90_high": "float64",
    "respondents": "Int32",
    "source": "string",
}
SCORE_COLUMNS = list(SCORE_TYPES)
_SCORE_NAMES = {"name_vi": "province_name_vi", "name_en": "province_name_en", "region_id": "region", "n": "n_ranked"}


@dataclass(frozen=True)
class Tables:
    """Everything the API answers from, for one build of the store."""

    build: str
    store: PapiStore
    metrics: Metrics
    explorer: pd.DataFrame  # papi_data.explore.explorer_table: what the explorer page filters
    keys: pd.DataFrame  # the explorer table's columns that its filters read (same index): a filter takes ~1 ms on them
    scores: pd.DataFrame  # the same rows (same index) in the API's columns
    scores_arrow: pa.Table  # `scores` in Arrow (row i = index label i), for Parquet answers
    national: pd.DataFrame  # papi_data.stats.national of every metric (the charts' mean and band)
    provinces: pd.DataFrame
    metric_table: pd.DataFrame
    plans: pd.DataFrame
    _searches: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def province_named(self, name: str) -> str | None:
        """The province a name means, without diacritics ("ha noi", "hcm"): papi_data.search's best match."""
        key = name.lower()
        if key not in self._searches:
            hits = search_provinces(self.store.provinces, key, limit=1)
            if len(self._searches) < 4096:  # a bounded memory of names asked for
                self._searches[key] = hits[0] if hits else None
            return hits[0] if hits else None
        return self._searches[key]

    @property
    def years(self) -> list[int]:
        return self.store.years


def score_rows(explorer: pd.DataFrame) -> pd.DataFrame:
    """The explorer's rows in the API's columns (SCORE_COLUMNS), same index; the scale of each row's metric and year."""
    low, high = explore.scale_bounds(explorer)
    parent = explorer["parent"].where(
        explorer["parent"].notna(), explorer["dimension"].where(explorer["dimension"] != TOTAL)
    )
    rows = explorer.rename(columns=_SCORE_NAMES).assign(
        metric=explorer["dimension"], parent_dimension=parent, scale_low=low, scale_high=high
    )
    return rows[SCORE_COLUMNS].astype(SCORE_TYPES)


def province_rows(store: PapiStore) -> pd.DataFrame:
    p = store.provinces
    return pd.DataFrame(
        {
            "province_code": p["code"],
            "name_vi": p["name_vi"],
            "name_en": p["name_en"],
            "region": p["region_id"],
            "region_name_vi": p["region_vi"],
            "region_name_en": p["region_en"],
            "aliases": p["aliases"].map(lambda names: "; ".join(names)),
            "code_2025": p["code_2025"],
            "name_2025_vi": p["name_2025_vi"],
            "name_2025_en": p["name_2025_en"],
        }
    ).astype("string")


def _scales_text(explorer_part: pd.DataFrame) -> str:
    """ "2011–2017: 6–60; 2018–2024: 8–80": the scale over each run of years it held."""
    low, high = explore.scale_bounds(explorer_part)
    by_year = (
        pd.DataFrame({"year": explorer_part["year"], "low": low, "high": high})
        .drop_duplicates("year")
        .set_index("year")
        .sort_index()
    )
    runs: list[tuple[int, int, float, float]] = []
    for year, low_end, high_end in zip(by_year.index.astype(int), by_year["low"], by_year["high"], strict=True):
        if runs and (runs[-1][2], runs[-1][3]) == (low_end, high_end):
            runs[-1] = (runs[-1][0], year, low_end, high_end)
        else:
            runs.append((year, year, low_end, high_end))
    return "; ".join(f"{a}–{b}: {lo:g}–{hi:g}" if a != b else f"{a}: {lo:g}–{hi:g}" for a, b, lo, hi in runs)


def metric_table(metrics: Metrics, explorer: pd.DataFrame) -> pd.DataFrame:
    """Every metric in picker order (the total, each dimension, its sub-dimensions): level, names in both languages,
    the years it has scores and its scale in them."""
    measured = explorer[explorer["score"].notna()]
    rows = []
    for metric, part in measured.groupby("dimension", sort=False):
        years = sorted({int(y) for y in part["year"]})
        rows.append(
            {
                "metric": str(metric),
                "level": TOTAL if metric == TOTAL else ("subdimension" if "." in str(metric) else "dimension"),
                "parent_dimension": None if metric == TOTAL else metrics.parent[str(metric)],
                "name_vi": metrics.name(str(metric), "vi"),
                "name_en": metrics.name(str(metric), "en"),
                "first_year": years[0],
                "last_year": years[-1],
                "years": ",".join(map(str, years)),
                "scales": _scales_text(part),
            }
        )
    order = {m: i for i, m in enumerate(metrics.ids)}
    table = pd.DataFrame(rows).sort_values("metric", key=lambda s: s.map(order)).reset_index(drop=True)
    return table.astype({"first_year": "int16", "last_year": "int16"})


_PLAN_COLUMNS = {
    "id": "plan_id",
    "document_number": "document_number",
    "kind": "kind",
    "issuer": "issuer",
    "issued_on": "issued_on",
    "title_vi": "title_vi",
    "title_en": "title_en",
    "source_url": "plan_source_url",
    "summary_vi": "summary_vi",
    "summary_en": "summary_en",
}


def plan_rows(store: PapiStore) -> pd.DataFrame:
    """One row per plan target, target year and reading (the main one, then any other the text allows), with its
    verdict (achieved, missed, no_data, pending) as the build evaluated it from the store (the plans page's table),
    the measured value, the target and the gap; the plan's document, our reading and where each came from."""
    verdicts = store.table("plan_evaluation")
    plans = (
        store.plans[list(_PLAN_COLUMNS)].rename(columns=_PLAN_COLUMNS).drop(columns="province_code", errors="ignore")
    )
    targets = store.targets[["id", "quote_vi", "interpretation_vi", "interpretation_en", "source_file", "source_line"]]
    out = verdicts.merge(plans, on="plan_id", how="left").merge(
        targets.rename(columns={"id": "target_id"}), on="target_id", how="left"
    )
    names = store.provinces.set_index("code")
    out = out.assign(
        province_name_vi=out["province_code"].map(names["name_vi"]),
        province_name_en=out["province_code"].map(names["name_en"]),
        n_ranked=out["n"],
        source=out["source_file"] + ":" + out["source_line"].astype("string"),
    )
    return out[list(_PLAN_ROW_COLUMNS)].astype(_PLAN_ROW_CASTS).reset_index(drop=True)


# The plans table's columns in order, and the types of those the build's types do not suit.
_PLAN_ROW_COLUMNS = (
    "plan_id", "province_code", "province_name_vi", "province_name_en", "document_number", "kind", "issuer",
    "issued_on", "title_vi", "title_en", "target_id", "metric", "dimension", "rule", "baseline_year", "target_year",
    "reading", "status", "reason", "comparator", "value", "threshold", "gap", "gap_unit", "rank", "n_ranked", "group",
    "quote_vi", "interpretation_vi", "interpretation_en", "summary_vi", "summary_en", "plan_source_url", "source",
)  # fmt: skip
_PLAN_ROW_CASTS = {
    **dict.fromkeys(("plan_id", "province_code", "metric", "rule", "reading", "status", "issued_on"), "string"),
    **dict.fromkeys(("baseline_year", "target_year", "rank", "n_ranked"), "Int16"),
    **dict.fromkeys(("value", "threshold", "gap"), "float64"),
}


def _plain_strings(table: pd.DataFrame) -> pd.DataFrame:
    """Text columns as Python objects: taking a few rows of an Arrow string column costs ~1 ms a column, of an object
    column microseconds (a request takes rows of every column)."""
    text = [c for c in table.columns if pd.api.types.is_string_dtype(table[c])]
    return table.astype(dict.fromkeys(text, object))


def build_tables(store: PapiStore, build: str) -> Tables:
    explorer = store.table("explorer_table").reset_index(drop=True)  # the explorer page's table, as the build made it
    scores = score_rows(explorer)
    metrics = build_metrics(store.dimensions, store.subdimensions, store.subdimension_periods, max(store.years))
    return Tables(
        build=build,
        store=store,
        metrics=metrics,
        explorer=explorer,
        keys=_plain_strings(explorer[FILTERED]),
        scores=_plain_strings(scores),
        scores_arrow=pa.Table.from_pandas(scores, preserve_index=False),
        national=store.table("national"),
        provinces=province_rows(store),
        metric_table=metric_table(metrics, explorer),
        plans=plan_rows(store),
    )


_lock = threading.Lock()
_loaded: dict[str, Tables] = {}  # store folder → the tables of the build served when they were made


def current(folder: Path | None = None) -> Tables:
    """The tables of the build the pages serve (papi_data.store.keeper: the live build, or the last good one): made
    once per build (a rebuild is seen at the next request, by one small read of CURRENT); requests arriving while
    they are made wait for them rather than make them again."""
    served, state = keeper(folder or store_dir()).get()
    if served is None:
        raise StoreUnavailable("missing", state.fault or "no build can be served")
    key = str(folder or store_dir())
    held = _loaded.get(key)
    if held is not None and held.build == state.build:
        return held
    with _lock:
        held = _loaded.get(key)
        if held is None or held.build != state.build:
            held = build_tables(served, str(served.manifest["build_id"]))
            _loaded[key] = held
        return held


def served_build(folder: Path | None = None) -> str:
    """The id of the build served ("" when none), for keys of answers kept in memory."""
    return keeper(folder or store_dir()).get()[1].build or ""
