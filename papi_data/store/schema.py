"""The store's tables and PAPI's fixed facts (scales, eras, groups) that every other module leans on."""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 9  # 2: plans and targets; 3: sub-dimensions, uncertainty, published figures, partners; 4: plan rules;
# 5: the derived tables; 6: published group cut-offs; 7: provinces by era (province_set, gso_code); 8: the plan charts'
# rank lines (target_ranks, target_bands) and the near-ties (near_ties); 9: the total's changes (total_changes)

TOTAL = "total"
FIRST_YEAR = 2011
EIGHT_DIMENSION_YEAR = 2018  # D7 and D8 join in 2018; the total's scale changes from 6–60 to 8–80
DIMENSION_RANGE = (1.0, 10.0)
SUM_TOLERANCE = 0.0001

# Groups, best first; PAPI cuts at the 75th, 50th and 25th percentiles of the year's scores.
GROUPS = ("best", "high_average", "low_average", "poor")

# Sub-dimensions: each dimension (1–10) is the sum of 4 sub-dimensions on 0.25–2.5, 3 on 0.33–3.33 or 2 on 0.5–5.0.
SUBDIMENSION_SCALES: dict[tuple[float, float], int] = {(0.25, 2.5): 4, (0.33, 3.33): 3, (0.5, 5.0): 2}
SUBDIMENSION_SUM_TOLERANCE = 0.001  # the source's largest gap is Hà Nội 2022 D1, 0.0007

# The published interval of a total is score ± 1.645 × SE (a 90% interval, whatever the workbooks call it); the
# workbooks' floats reproduce it to 7e-5.
Z90 = 1.645
INTERVAL_TOLERANCE = 0.0001


def total_range(year: int) -> tuple[float, float]:
    """The total's possible range in a year: 6–60 before 2018, 8–80 from 2018."""
    return (8.0, 80.0) if year >= EIGHT_DIMENSION_YEAR else (6.0, 60.0)


def era(year: int) -> int:
    """The first year of the scale era a year belongs to; totals of different eras are never compared."""
    return EIGHT_DIMENSION_YEAR if year >= EIGHT_DIMENSION_YEAR else FIRST_YEAR


TABLES: dict[str, pa.Schema] = {
    "provinces": pa.schema(
        [
            ("code", pa.string()),
            ("name_vi", pa.string()),
            ("name_en", pa.string()),
            ("aliases", pa.list_(pa.string())),
            ("region_id", pa.string()),
            ("region_vi", pa.string()),
            ("region_en", pa.string()),
            ("code_2025", pa.string()),
            ("name_2025_vi", pa.string()),
            ("name_2025_en", pa.string()),
            ("province_set", pa.string()),  # "63" (2011–2024) or "34" (from 2025): papi_data.eras
            ("gso_code", pa.string()),  # the official code; a province of the 34 is keyed "n" + it
        ]
    ),
    "regions": pa.schema(
        [("region_id", pa.string()), ("order", pa.int8()), ("name_vi", pa.string()), ("name_en", pa.string())]
    ),
    "dimensions": pa.schema(
        [
            ("id", pa.string()),
            ("order", pa.int8()),
            ("name_vi", pa.string()),
            ("name_en", pa.string()),
            ("short_vi", pa.string()),
            ("short_en", pa.string()),
            ("first_year", pa.int16()),
        ]
    ),
    "scores": pa.schema(
        [
            ("year", pa.int16()),
            ("province_code", pa.string()),
            ("dimension", pa.string()),
            ("score", pa.float64()),  # null where PAPI published none; never 0
            ("source", pa.string()),
            ("source_file", pa.string()),
            ("source_line", pa.int32()),
            ("note", pa.string()),
        ]
    ),
    # The provinces' PAPI plans (plans.yaml) and their targets; see papi_data/plans/source.py for the rules.
    "plans": pa.schema(
        [
            ("id", pa.string()),
            ("province_code", pa.string()),
            ("document_number", pa.string()),  # null where the article names none
            ("kind", pa.string()),
            ("issuer", pa.string()),
            ("issued_on", pa.date32()),  # null unless the article gives the day of issue
            ("period_start", pa.int16()),
            ("period_end", pa.int16()),
            ("title_vi", pa.string()),
            ("title_en", pa.string()),
            ("source_url", pa.string()),
            ("seed_file", pa.string()),  # the article quoted, or null for a plan summarised from source_url
            ("article_title", pa.string()),  # a quoted article's headline, word for word; null where the seed has none
            ("article_outlet", pa.string()),  # the outlet the article names as its source; null where it names none
            ("article_date", pa.date32()),  # the date the article carries; null where it carries none
            ("summary_vi", pa.string()),  # our summary of a plan whose article is not in the project; null if quoted
            ("summary_en", pa.string()),
            ("source_file", pa.string()),
            ("source_line", pa.int32()),
        ]
    ),
    "targets": pa.schema(
        [
            ("id", pa.string()),
            ("plan_id", pa.string()),
            ("province_code", pa.string()),
            ("metric", pa.string()),
            ("dimension", pa.string()),  # null for total_* or when the rule selects; a sub-dimension id: subdimension_*
            ("rule", pa.string()),
            # the rule's parameters (papi_data.plans.rules), null where the rule takes none
            ("k", pa.int16()),
            ("group", pa.string()),
            ("value", pa.float64()),
            ("among_region", pa.string()),  # rank_within_at_most: a GSO region, or a named set of provinces
            ("among_provinces", pa.list_(pa.string())),  # the set's codes (the region's, resolved at build)
            ("among_name_vi", pa.string()),  # the named set's name; null for a region (its name is in regions)
            ("among_name_en", pa.string()),
            ("count", pa.int16()),
            ("rise", pa.bool_()),
            ("baseline_year", pa.int16()),
            ("target_years", pa.list_(pa.int16())),
            ("other_metric", pa.string()),  # the rule read on another metric too, beside the verdict
            ("other_baselines", pa.list_(pa.int16())),  # ... and from other plausible baseline years
            ("quote_vi", pa.string()),  # null in a summarised plan
            ("interpretation_vi", pa.string()),  # null where the quote is unambiguous
            ("interpretation_en", pa.string()),
            ("source_file", pa.string()),
            ("source_line", pa.int32()),
        ]
    ),
    # Sub-dimension concepts (a stable id per concept, e.g. "d5.land_titles", never a position) and the periods in
    # which each is numbered and scaled one way; see papi_data/store/readers/subdimensions.py.
    "subdimensions": pa.schema(
        [
            ("id", pa.string()),
            ("dimension", pa.string()),
            ("order", pa.int8()),
            ("first_year", pa.int16()),
            ("last_year", pa.int16()),
            ("name_vi", pa.string()),
            ("name_en", pa.string()),
            ("name_vi_official", pa.bool_()),  # False: the project's own translation, to be shown as such
            ("name_note", pa.string()),
        ]
    ),
    "subdimension_periods": pa.schema(
        [
            ("subdimension", pa.string()),
            ("first_year", pa.int16()),
            ("last_year", pa.int16()),
            ("source_position", pa.string()),  # the number the source file gives it (not an identity)
            ("official_number", pa.string()),  # PAPI's number (differs from the position in D5 from 2021)
            ("n_in_dimension", pa.int8()),
            ("scale_low", pa.float64()),
            ("scale_high", pa.float64()),
        ]
    ),
    "subdimension_scores": pa.schema(
        [
            ("year", pa.int16()),
            ("province_code", pa.string()),
            ("dimension", pa.string()),
            ("subdimension", pa.string()),
            ("score", pa.float64()),
            ("scale_low", pa.float64()),
            ("scale_high", pa.float64()),
            ("source", pa.string()),
            ("source_file", pa.string()),
            ("source_line", pa.int32()),
        ]
    ),
    # The total's standard error and 90% interval (2019, 2022, 2023) and the respondents (2022, 2023) as published.
    "uncertainty": pa.schema(
        [
            ("year", pa.int16()),
            ("province_code", pa.string()),
            ("se", pa.float64()),  # null where none was published
            ("ci90_low", pa.float64()),  # null where SE is 0 or missing: never computed here
            ("ci90_high", pa.float64()),
            ("respondents", pa.int32()),
            ("note", pa.string()),
            ("source", pa.string()),
            ("source_file", pa.string()),
            ("source_line", pa.int32()),
        ]
    ),
    # PAPI's national mean of the total as published (press and portals), beside which the app shows its own mean.
    "published_means": pa.schema(
        [
            ("year", pa.int16()),
            ("value", pa.float64()),
            ("printed", pa.string()),  # as printed, so its decimals are known
            ("source", pa.string()),
            ("taken_from", pa.string()),
            ("note", pa.string()),
            ("source_file", pa.string()),
            ("source_line", pa.int32()),
        ]
    ),
    "published_group_sizes": pa.schema(
        [
            ("year", pa.int16()),
            ("group", pa.string()),
            ("size", pa.int16()),
            ("low", pa.float64()),  # the group's score range as PAPI printed it (2 decimals), where it did; else null
            ("high", pa.float64()),
            ("source", pa.string()),
            ("source_file", pa.string()),
            ("source_line", pa.int32()),
        ]
    ),
    # Totals and ranks as the press printed them: a test of the store, never a source of scores.
    "press_figures": pa.schema(
        [
            ("year", pa.int16()),
            ("scope", pa.string()),  # "province" or "national_mean"
            ("province_code", pa.string()),  # null for a national figure
            ("score", pa.float64()),
            ("score_printed", pa.string()),
            ("rank", pa.int16()),
            ("source", pa.string()),
            ("source_file", pa.string()),
            ("source_line", pa.int32()),
        ]
    ),
    "partners": pa.schema(
        [("id", pa.string()), ("name_vi", pa.string()), ("name_en", pa.string()), ("source", pa.string())]
    ),
    # Who made each year's report, in the order it is cited.
    "report_partners": pa.schema(
        [("year", pa.int16()), ("order", pa.int8()), ("partner_id", pa.string()), ("basis", pa.string())]
    ),
}


def _keyed(fields: list[tuple[str, pa.DataType]], key: tuple[str, ...]) -> pa.Schema:
    """A derived table's schema with its key columns (unique, checked at build) in its metadata."""
    return pa.schema(fields, metadata={"key": ",".join(key)})


def key_of(schema: pa.Schema) -> tuple[str, ...]:
    """The key columns a derived table's schema names (none for a source table)."""
    key = (schema.metadata or {}).get(b"key", b"").decode()
    return tuple(key.split(",")) if key else ()


# What every ranked table carries: a score row as the source gave it, and its rank, N, group, change (or why none)
# and the province's names, the same columns in the same order wherever they appear.
_SCORE_ROW: list[tuple[str, pa.DataType]] = [
    ("year", pa.int16()),
    ("province_code", pa.string()),
    ("dimension", pa.string()),
    ("score", pa.float64()),
    ("source", pa.string()),
    ("source_file", pa.string()),
    ("source_line", pa.int32()),
    ("note", pa.string()),
]
_RANKED_AND_NAMED: list[tuple[str, pa.DataType]] = [
    ("rank", pa.int16()),
    ("n", pa.int16()),
    ("group", pa.string()),
    ("change", pa.float64()),
    ("change_gap", pa.string()),
    ("name_vi", pa.string()),
    ("name_en", pa.string()),
    ("region_id", pa.string()),
    ("code_2025", pa.string()),
    ("name_2025_vi", pa.string()),
    ("name_2025_en", pa.string()),
]

# The tables the build derives from the ones above (papi_data/derived.py makes each, in this order), read by the app
# as they are: ranks with N and ties, groups, changes and why none, national statistics, colour ranges, rank ranges,
# plan verdicts. Adding one: its function in papi_data/derived.py and its schema here, under the same name.
_GROUP_BAND = [  # a group's span of ranks and its lowest score in a year (papi_data.ranking.group_bands)
    ("year", pa.int16()),
    ("group", pa.string()),
    ("first_rank", pa.int16()),
    ("last_rank", pa.int16()),
    ("lowest_score", pa.float64()),
]

DERIVED_TABLES: dict[str, pa.Schema] = {
    "ranked_scores": _keyed(
        [*_SCORE_ROW, *_RANKED_AND_NAMED],
        ("year", "province_code", "dimension"),
    ),
    "ranked_subdimensions": _keyed(
        [
            ("year", pa.int16()),
            ("province_code", pa.string()),
            ("dimension", pa.string()),
            ("parent", pa.string()),
            ("score", pa.float64()),
            ("scale_low", pa.float64()),
            ("scale_high", pa.float64()),
            ("segment", pa.string()),
            ("source", pa.string()),
            ("source_file", pa.string()),
            ("source_line", pa.int32()),
            *_RANKED_AND_NAMED,
        ],
        ("year", "province_code", "dimension"),
    ),
    "national": _keyed(
        [
            ("year", pa.int16()),
            ("dimension", pa.string()),
            ("mean", pa.float64()),
            ("median", pa.float64()),
            ("q25", pa.float64()),
            ("q75", pa.float64()),
            ("min", pa.float64()),
            ("max", pa.float64()),
            ("n", pa.int16()),
        ],
        ("year", "dimension"),
    ),
    "group_bands": _keyed(_GROUP_BAND, ("year", "group")),
    "near_ties": _keyed(
        [
            ("year", pa.int16()),
            ("province_code", pa.string()),
            ("dimension", pa.string()),
            ("first_rank", pa.int16()),
            ("last_rank", pa.int16()),
            ("gap", pa.float64()),
        ],
        ("year", "province_code", "dimension"),
    ),
    "total_changes": _keyed(
        [
            ("year", pa.int16()),
            ("base", pa.int16()),
            ("province_code", pa.string()),
            ("metric", pa.string()),
            ("gap", pa.string()),
            ("before", pa.float64()),
            ("after", pa.float64()),
            ("rank", pa.int16()),
            ("base_rank", pa.int16()),
            ("n", pa.int16()),
        ],
        ("year", "base", "province_code", "metric"),
    ),
    "rank_ranges": _keyed(
        [
            ("province_code", pa.string()),
            ("score", pa.float64()),
            ("rank", pa.int16()),
            ("n", pa.int16()),
            ("ci90_low", pa.float64()),
            ("ci90_high", pa.float64()),
            ("best", pa.int16()),
            ("worst", pa.int16()),
            ("tied_with", pa.list_(pa.string())),
            ("year", pa.int16()),
        ],
        ("year", "province_code"),
    ),
    "explorer_table": _keyed(
        [
            *_SCORE_ROW,
            *_RANKED_AND_NAMED,
            ("se", pa.float64()),
            ("ci90_low", pa.float64()),
            ("ci90_high", pa.float64()),
            ("respondents", pa.int32()),
            ("interval_source", pa.string()),
            ("interval_source_file", pa.string()),
            ("interval_source_line", pa.float64()),
            ("parent", pa.string()),
            ("scale_low", pa.float64()),
            ("scale_high", pa.float64()),
            ("segment", pa.string()),
        ],
        ("year", "province_code", "dimension"),
    ),
    "colour_ranges": _keyed(
        [
            ("metric", pa.string()),
            ("year", pa.int16()),
            ("one_year", pa.bool_()),
            ("low", pa.float64()),
            ("high", pa.float64()),
            ("first", pa.int16()),
            ("last", pa.int16()),
        ],
        ("metric", "year", "one_year"),
    ),
    "plan_table": _keyed(
        [
            ("year", pa.int16()),
            ("province_code", pa.string()),
            ("dimension", pa.string()),
            ("score", pa.float64()),
            ("segment", pa.string()),
            ("scale_low", pa.float64()),
            ("scale_high", pa.float64()),
            ("rank", pa.int16()),
            ("n", pa.int16()),
            ("group", pa.string()),
        ],
        ("year", "province_code", "dimension"),
    ),
    "plan_evaluation": _keyed(
        [
            ("target_id", pa.string()),
            ("plan_id", pa.string()),
            ("province_code", pa.string()),
            ("rule", pa.string()),
            ("metric", pa.string()),
            ("dimension", pa.string()),
            ("target_year", pa.int64()),
            ("baseline_year", pa.float64()),
            ("reading", pa.string()),
            ("status", pa.string()),
            ("reason", pa.string()),
            ("gap_unit", pa.string()),
            ("comparator", pa.string()),
            ("value", pa.float64()),
            ("value_n", pa.int16()),
            ("baseline_value", pa.float64()),
            ("threshold", pa.float64()),
            ("gap", pa.float64()),
            ("rank", pa.int16()),
            ("n", pa.int16()),
            ("group", pa.string()),
            ("baseline_rank", pa.int16()),
            ("baseline_n", pa.int16()),
            ("baseline_group", pa.string()),
            ("target_group", pa.string()),
            ("target_rank", pa.int16()),
            ("boundary_changed", pa.bool_()),
            ("measured_code", pa.string()),  # the province the target year is read from (from 2025: the new one)
            ("fair_year", pa.int16()),
            ("fair_rank_before", pa.int16()),
            ("fair_rank_after", pa.int16()),
            ("fair_n", pa.int16()),
            ("fair_change", pa.float64()),
            ("fair_national_change", pa.float64()),
            ("reference_year", pa.int16()),
            ("points_needed", pa.float64()),
            ("far_dimensions", pa.list_(pa.string())),
            ("far_gaps", pa.list_(pa.float64())),
            ("failed_dimensions", pa.list_(pa.string())),
        ],
        ("target_id", "target_year", "reading"),
    ),
    "plan_checks": _keyed(
        [
            ("target_id", pa.string()),
            ("target_year", pa.int64()),
            ("dimension", pa.string()),
            ("baseline_year", pa.int64()),
            ("baseline_score", pa.float64()),
            ("baseline_mean", pa.float64()),
            ("score", pa.float64()),
            ("mean", pa.float64()),
            ("group", pa.string()),
            ("floor", pa.float64()),
            ("ok", pa.bool_()),
        ],
        ("target_id", "target_year", "dimension"),
    ),
    "target_ranks": _keyed(
        [("target_id", pa.string()), ("year", pa.int16()), ("rank", pa.int16()), ("n", pa.int16())],
        ("target_id", "year"),
    ),
    "target_bands": _keyed([("target_id", pa.string()), *_GROUP_BAND], ("target_id", "year", "group")),
}
