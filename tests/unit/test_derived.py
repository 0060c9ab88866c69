"""The derived tables: what the build writes is what the domain's functions give on the store's source tables, read
back unchanged, and a table that breaks its schema stops the build."""

from __future__ import annotations

import pandas as pd
import pytest

from papi_data import derived
from papi_data.decompose import changes_of, comparable_bases, total_changes
from papi_data.plans import lines as lines_module
from papi_data.plans import measures
from papi_data.ranking import group_bands, with_ranks
from papi_data.stats import colour_range, national, with_change
from papi_data.store.load import PapiStore
from papi_data.store.problems import SourceRejected
from papi_data.store.schema import DERIVED_TABLES, TABLES, key_of


def _sources(store: PapiStore) -> dict[str, pd.DataFrame]:
    return {name: getattr(store, name) for name in TABLES}


def test_every_derived_table_has_a_schema_and_the_build_wrote_it(real_store: PapiStore) -> None:
    assert list(derived.DERIVED) == list(DERIVED_TABLES)
    for name, schema in DERIVED_TABLES.items():
        assert list(real_store.table(name).columns) == schema.names, name
        assert key_of(schema), f"{name} names no key"
        assert real_store.manifest["rows"][name] == len(real_store.table(name))


def test_derived_tables_read_back_as_the_functions_make_them(real_store: PapiStore) -> None:
    made = derived.derive(_sources(real_store))
    for name, frame in made.items():
        pd.testing.assert_frame_equal(real_store.table(name), frame, check_dtype=False, obj=name)


def test_ranked_scores_are_the_domain_rules(real_store: PapiStore) -> None:
    direct = with_change(with_ranks(real_store.scores, real_store.published_group_sizes))
    table = real_store.table("ranked_scores")
    for column in ("rank", "n", "group", "change", "change_gap"):
        pd.testing.assert_series_equal(table[column], direct[column], check_dtype=False, check_names=False)
    assert table["rank"].max() == 63 and (table["rank"] <= table["n"]).all()
    assert table.loc[table["score"].isna(), "rank"].isna().all()  # no score, no rank: never 0


def test_national_holds_the_plans_statistics_too(real_store: PapiStore) -> None:
    plan_table = measures.plan_table(real_store.scores, real_store.subdimension_scores, real_store.subdimension_periods)
    keys = ["year", "dimension"]
    ours = real_store.table("national").sort_values(keys, ignore_index=True)
    pd.testing.assert_frame_equal(ours, national(plan_table).sort_values(keys, ignore_index=True), check_dtype=False)


def test_total_changes_read_back_as_the_domain_splits_them(real_store: PapiStore) -> None:
    """Each year against the year before and its oldest comparable year: the table's changes are total_changes' own
    (parts in order, ranks, gaps); across the scale change none is made."""
    table, dims = real_store.table("total_changes"), list(real_store.dimensions["id"])
    codes = sorted(real_store.scores["province_code"].unique())
    pairs = [
        (y, b)
        for y in real_store.years
        if (bases := comparable_bases(real_store.years, y))
        for b in {bases[0], bases[-1]}
    ]
    assert len(pairs) > 20 and (2018, 2017) not in pairs
    for year, base in [*pairs, (2018, 2017)]:
        assert changes_of(table, codes, year, base) == total_changes(real_store.scores, dims, year, base), (year, base)
    made = changes_of(table, codes, 2024, 2023)
    assert {c.gap for c in made.values()} == {None, "no_score", "base_missing"}
    assert all(len(c.parts) == 8 for c in made.values() if c.gap is None)


@pytest.mark.parametrize("metric", ["total", "d7_environmental_governance", "d5.land_titles"])
def test_colour_ranges_are_colour_range(real_store: PapiStore, metric: str) -> None:
    source = real_store.table("ranked_subdimensions" if "." in metric else "ranked_scores")
    ranges = real_store.table("colour_ranges")
    mine = ranges[ranges["metric"] == metric]
    assert len(mine) > 0
    for row in mine.itertuples():
        span = colour_range(source, metric, int(row.year), one_year=bool(row.one_year))
        assert span is not None
        assert (span.low, span.high, span.first, span.last) == (row.low, row.high, row.first, row.last)


def test_rank_lines_are_the_plans_ranks(real_store: PapiStore) -> None:
    """Each rank line's rows: among a set, the set's ranks (measures.ranks_among); otherwise the plan table's own rank
    and N. Each band is its metric's group band (the total's: the build's group_bands)."""
    table, lines, bands = (real_store.table(n) for n in ("plan_table", "target_ranks", "target_bands"))
    drawn = lines_module.rank_lines(real_store.targets)
    assert set(lines["target_id"]) == {d.target_id for d in drawn} and any(d.among for d in drawn)
    for target in drawn:
        mine = lines[lines["target_id"] == target.target_id].set_index("year")
        code, metric = target.province_code, target.metric
        if target.among is None:
            rows = table[(table["province_code"] == code) & (table["dimension"] == metric)].set_index("year")
            assert mine["rank"].astype("float64").equals(rows["rank"].astype("float64")), target.target_id
            expected = real_store.table("group_bands") if metric == "total" else group_bands(table, metric)
            got = bands[bands["target_id"] == target.target_id].drop(columns="target_id").reset_index(drop=True)
            pd.testing.assert_frame_equal(got, expected.reset_index(drop=True), check_dtype=False, obj=target.target_id)
        else:
            assert not (bands["target_id"] == target.target_id).any()  # PAPI's groups are national
            for year, row in mine.iterrows():
                ranks = measures.ranks_among(table, int(str(year)), metric, target.among)
                assert (row["rank"], row["n"]) == (ranks.get(code, pd.NA), len(ranks)), (target.target_id, year)


def test_a_table_that_breaks_its_schema_stops_the_build(real_store: PapiStore, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = dict(derived.DERIVED)
    broken["group_bands"] = lambda t: derived.total_group_bands(t).drop(columns="lowest_score")
    monkeypatch.setattr(derived, "DERIVED", broken)
    with pytest.raises(SourceRejected, match="derived table group_bands"):
        derived.derive(_sources(real_store))


def test_a_repeated_key_stops_the_build(real_store: PapiStore, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = dict(derived.DERIVED)
    broken["group_bands"] = lambda t: pd.concat([derived.total_group_bands(t)] * 2, ignore_index=True)
    monkeypatch.setattr(derived, "DERIVED", broken)
    with pytest.raises(SourceRejected, match="repeated key year, group"):
        derived.derive(_sources(real_store))
