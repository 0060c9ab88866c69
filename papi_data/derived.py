"""The derived tables: everything that depends only on the store's content, made once by the build.

Ranks, groups, changes, national statistics, colour ranges, rank ranges and plan verdicts are computed here, by the
domain's pure functions, and written beside the source tables; the app loads them and selects rows. To add a table:
one function here, decorated with `@derived("name")`, and its schema under the same name in
`papi_data.store.schema.DERIVED_TABLES` (its key columns in the schema's metadata). A function reads the source tables
and the derived tables registered before it, by name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import pyarrow as pa

from papi_data import explore
from papi_data.decompose import changes_table
from papi_data.eras import province_set
from papi_data.plans import lines, measures
from papi_data.plans.evaluate import dimension_checks, evaluate, other_readings
from papi_data.ranking import group_bands, near_ties, with_ranks
from papi_data.stats import ColourRange, colour_range, national, with_change
from papi_data.store.load import arrow_round_trip
from papi_data.store.problems import SourceProblem, SourceRejected
from papi_data.store.schema import DERIVED_TABLES, TOTAL, era, key_of
from papi_data.subdimensions import metric_rows
from papi_data.uncertainty import rank_ranges, years_with_intervals

Tables = Mapping[str, pd.DataFrame]
Derive = Callable[[Tables], pd.DataFrame]

DERIVED: dict[str, Derive] = {}  # in the order they are made: a table may read the ones before it

_NAMES = ["code", "name_vi", "name_en", "region_id", "code_2025", "name_2025_vi", "name_2025_en"]


def derived(name: str) -> Callable[[Derive], Derive]:
    """Register a derived table's function under `name` (its schema: DERIVED_TABLES[name])."""

    def register(fn: Derive) -> Derive:
        DERIVED[name] = fn
        return fn

    return register


def _with_names(table: pd.DataFrame, provinces: pd.DataFrame) -> pd.DataFrame:
    return table.merge(provinces[_NAMES].rename(columns={"code": "province_code"}), on="province_code", how="left")


@derived("ranked_scores")
def ranked_scores(t: Tables) -> pd.DataFrame:
    """Every score with its rank, N, group and change (or why none), joined to the province names; the groups of a
    year whose ranges PAPI published (2022) are PAPI's own (papi_data.ranking.with_ranks)."""
    return _with_names(with_change(with_ranks(t["scores"], t["published_group_sizes"])), t["provinces"])


@derived("ranked_subdimensions")
def ranked_subdimensions(t: Tables) -> pd.DataFrame:
    """Every sub-dimension score as a metric (papi_data.subdimensions.metric_rows) with rank, N, group and change
    within its segment, joined to the province names."""
    rows = metric_rows(t["subdimension_scores"], t["subdimension_periods"])
    return _with_names(with_change(with_ranks(rows)), t["provinces"])


@derived("national")
def national_stats(t: Tables) -> pd.DataFrame:
    """Mean, median, quartiles, min, max and N of every metric (sub-dimensions included) by year."""
    return pd.concat([national(t["scores"]), national(t["ranked_subdimensions"])], ignore_index=True)


@derived("group_bands")
def total_group_bands(t: Tables) -> pd.DataFrame:
    """The rank span and lowest score of each PAPI group of the total, by year."""
    return group_bands(t["ranked_scores"])


@derived("near_ties")
def total_and_dimension_near_ties(t: Tables) -> pd.DataFrame:
    """Every rank of the total and the dimensions that rests on a difference below the published precision, with the
    ranks it spans (papi_data.ranking.near_tie)."""
    return near_ties(t["ranked_scores"])


@derived("total_changes")
def total_changes(t: Tables) -> pd.DataFrame:
    """Every province's total change between each pair of comparable years, split into its dimensions' changes
    (papi_data.decompose.changes_table): what home's cards, the map's movers and the profile's "what moved" read."""
    return changes_table(t["scores"], list(t["dimensions"]["id"]))


@derived("rank_ranges")
def total_rank_ranges(t: Tables) -> pd.DataFrame:
    """Every province's total rank with its plausible range, for each year PAPI published intervals."""
    years = years_with_intervals(t["uncertainty"])
    ranges = [rank_ranges(t["ranked_scores"], t["uncertainty"], y).assign(year=y) for y in years]
    out = pd.concat(ranges, ignore_index=True)
    out["year"] = out["year"].astype("int16")
    out["tied_with"] = [list(codes) for codes in out["tied_with"]]
    return out


@derived("explorer_table")
def explorer_rows(t: Tables) -> pd.DataFrame:
    """The scores and sub-dimension scores in one long table, the total's rows with their published interval."""
    return explore.explorer_table(t["ranked_scores"], t["ranked_subdimensions"], t["uncertainty"])


@derived("colour_ranges")
def colour_ranges(t: Tables) -> pd.DataFrame:
    """The span the map colours each metric over in each year it was measured, across its scale's years and (with
    `one_year`) that year alone (papi_data.stats.colour_range)."""
    rows = []
    for table in (t["ranked_scores"], t["ranked_subdimensions"]):
        columns = ["dimension", "year", "score", *(["segment"] if "segment" in table else [])]
        measured = table.loc[table["score"].notna(), columns]
        for metric, part in measured.groupby("dimension"):
            spans: dict[tuple[object, ...], ColourRange | None] = {}  # the years sharing a scale share a span
            for key, in_year in part.groupby("year"):
                year, name = int(str(key)), str(metric)
                # one span per scale and province set: a 2025 map is never coloured over the 63 provinces' years
                scale = (era(year),) if metric == TOTAL else tuple(in_year.get("segment", pd.Series()).unique())
                shared = (province_set(year), *scale)
                if shared not in spans:
                    spans[shared] = colour_range(part, name, year)
                alone = colour_range(in_year, name, year, one_year=True)
                for one_year, span in ((False, spans[shared]), (True, alone)):
                    if span is not None:
                        rows.append((name, year, one_year, span.low, span.high, span.first, span.last))
    columns = ["metric", "year", "one_year", "low", "high", "first", "last"]
    return pd.DataFrame(rows, columns=columns).astype({"year": "int16", "first": "int16", "last": "int16"})


@derived("plan_table")
def plan_table(t: Tables) -> pd.DataFrame:
    """Totals, dimensions and sub-dimensions with rank, N and group: what plan targets and the planner read."""
    return measures.plan_table(t["scores"], t["subdimension_scores"], t["subdimension_periods"])


def _latest(t: Tables) -> int:
    return int(t["scores"]["year"].max())


@derived("plan_evaluation")
def plan_evaluation(t: Tables) -> pd.DataFrame:
    """Every plan target's verdict for each target year, with its fair readings, and its other readings
    (`reading` ≠ "main") beside it."""
    table, nat, latest = t["plan_table"], t["national"], _latest(t)
    main = evaluate(t["targets"], table, latest, t["provinces"], nat)
    others = evaluate(other_readings(t["targets"]), table, latest, t["provinces"], nat)
    return pd.concat([main, others], ignore_index=True)


@derived("plan_checks")
def plan_checks(t: Tables) -> pd.DataFrame:
    """The per-dimension checks of the counting rules (papi_data.plans.evaluate.dimension_checks)."""
    return dimension_checks(t["targets"], t["plan_table"], _latest(t), t["national"], t["provinces"])


@derived("target_ranks")
def target_ranks(t: Tables) -> pd.DataFrame:
    """The rank line of each rank or group target: the province's rank and N per year, among its set if it has one
    (papi_data.plans.lines)."""
    return lines.target_ranks(t["targets"], t["plan_table"])


@derived("target_bands")
def target_bands(t: Tables) -> pd.DataFrame:
    """The group bands behind each rank line not among a set (papi_data.plans.lines)."""
    return lines.target_bands(t["targets"], t["plan_table"], t["group_bands"])


def derive(sources: Tables) -> dict[str, pd.DataFrame]:
    """Every derived table from the source tables, each checked against its schema: exactly its columns, each
    castable to its type, and its key unique. A table that breaks its schema stops the build (SourceRejected)."""
    tables: dict[str, pd.DataFrame] = dict(sources)
    out: dict[str, pd.DataFrame] = {}
    for name, make in DERIVED.items():
        frame = _checked(name, make(tables), DERIVED_TABLES[name])
        tables[name] = out[name] = frame
    return out


def _checked(name: str, frame: pd.DataFrame, schema: pa.Schema) -> pd.DataFrame:
    """The table as the store will read it back, so what later tables read is what the app reads."""

    def stop(reason: str) -> SourceRejected:
        return SourceRejected([SourceProblem(f"derived table {name}", None, None, reason)])

    if list(frame.columns) != schema.names:
        raise stop(f"columns {list(frame.columns)}, the schema has {schema.names}")
    try:
        frame = arrow_round_trip(frame, schema)
    except (pa.ArrowException, ValueError, TypeError) as err:
        raise stop(f"does not fit its schema: {err}") from err
    key = key_of(schema)
    if key and frame.duplicated(list(key)).any():
        raise stop(f"repeated key {', '.join(key)}")
    if "rank" in frame and "n" in frame and ((frame["rank"] < 1) | (frame["rank"] > frame["n"])).fillna(False).any():
        raise stop("a rank outside 1…N")
    return frame
