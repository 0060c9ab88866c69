"""The store's tables and PAPI's fixed facts (scales, eras, groups) that every other module leans on."""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 5  # 2: plans and targets; 3: sub-dimensions, uncertainty, published figures, partners; 4: plan rules;
# 5: provinces by era (province_set, gso_code)

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
