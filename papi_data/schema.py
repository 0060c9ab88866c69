"""The store's tables and PAPI's fixed facts (scales, eras, groups) that every other module leans on."""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 2  # 2: the plans and their targets

TOTAL = "total"
FIRST_YEAR = 2011
EIGHT_DIMENSION_YEAR = 2018  # D7 and D8 join in 2018; the total's scale changes from 6–60 to 8–80
DIMENSION_RANGE = (1.0, 10.0)
SUM_TOLERANCE = 0.0001

# Groups, best first; PAPI cuts at the 75th, 50th and 25th percentiles of the year's scores.
GROUPS = ("best", "high_average", "low_average", "poor")


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
    # The provinces' PAPI plans (plans.yaml) and their targets; see papi_data/plans_source.py for the rules.
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
            ("seed_file", pa.string()),
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
            ("dimension", pa.string()),  # null for the total, or when the rule selects the dimensions
            ("rule", pa.string()),
            ("k", pa.int16()),
            ("group", pa.string()),
            ("baseline_year", pa.int16()),
            ("target_years", pa.list_(pa.int16())),
            ("quote_vi", pa.string()),
            ("interpretation_vi", pa.string()),  # null where the quote is unambiguous
            ("interpretation_en", pa.string()),
            ("source_file", pa.string()),
            ("source_line", pa.int32()),
        ]
    ),
}
