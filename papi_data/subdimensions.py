"""Sub-dimensions as metrics: the rows a map, an explorer or a profile reads, segments for trends, the profile.

Metric ids. A sub-dimension's metric id is its concept id ("d7.water_quality"). Dimension ids never contain a dot
("d7_environmental_governance"), nor does "total", so the two kinds cannot collide; `is_subdimension` tells them apart.
`metric_rows` puts the sub-dimension scores into the shape of the store's `scores` table (the metric id in
`dimension`), so ranks, N and groups come from the same `with_ranks` rules as for dimensions, and `year_metric`,
`frontier` and `national` work on them unchanged.

Segments. A sub-dimension's values are comparable only within a segment: the same concept, the same PAPI era (2011–2017
and from 2018, when PAPI revised its questionnaire and added D7 and D8) and the same scale (D2 went from three
sub-dimensions of 0.33–3.33 to four of 0.25–2.5 in 2018, D5 from four to three in 2021, D8 from two of 0.5–5.0 to three
in 2019). A trend is returned with its segment on every row: draw one line per segment, never one across a change of
definition; a change against the previous year exists only within a segment.
"""

from __future__ import annotations

import pandas as pd

from papi_data.profile import frontier
from papi_data.store.schema import TOTAL, era

METRIC_COLUMNS = [
    "year",
    "province_code",
    "dimension",  # the metric id: the sub-dimension's concept id
    "parent",  # the dimension it belongs to
    "score",
    "scale_low",
    "scale_high",
    "segment",
    "source",
    "source_file",
    "source_line",
]


def is_subdimension(metric: str) -> bool:
    """Whether a metric id names a sub-dimension (they alone contain a dot)."""
    return "." in metric


def subdimension_rows(metric: pd.Series) -> pd.Series:
    """`is_subdimension` for a column of metric ids."""
    return metric.str.contains(".", regex=False)


def segments(periods: pd.DataFrame) -> pd.DataFrame:
    """One row per sub-dimension and year it is measured: its official number, scale and segment ("2011–2017").

    A segment is a stretch of years of one concept in one era on one scale; its label is its first and last year.
    """
    spans = [range(int(a), int(b) + 1) for a, b in zip(periods["first_year"], periods["last_year"], strict=True)]
    years = periods.loc[periods.index.repeat([len(s) for s in spans])].reset_index(drop=True)
    years["year"] = [y for s in spans for y in s]
    years["era"] = years["year"].map(era)
    key = ["subdimension", "era", "scale_low", "scale_high"]
    bounds = years.groupby(key)["year"].agg(["min", "max"])
    labels = {k: f"{lo}–{hi}" if lo != hi else f"{lo}" for k, (lo, hi) in bounds.iterrows()}
    years["segment"] = [labels[k] for k in zip(*(years[c] for c in key), strict=True)]
    columns = ["subdimension", "year", "official_number", "scale_low", "scale_high", "segment"]
    return years[columns].sort_values(["subdimension", "year"], ignore_index=True)


def metric_rows(subdimension_scores: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """The sub-dimension scores shaped like the store's `scores` (metric id in `dimension`), with their segment."""
    rows = subdimension_scores.merge(
        segments(periods)[["subdimension", "year", "segment"]], on=["subdimension", "year"], how="left"
    )
    rows = rows.rename(columns={"dimension": "parent"}).rename(columns={"subdimension": "dimension"})
    return rows[METRIC_COLUMNS]


def metrics_in_year(
    dimensions: pd.DataFrame, subdimensions: pd.DataFrame, periods: pd.DataFrame, year: int
) -> pd.DataFrame:
    """Every metric measured in `year`, in picker order: the total, then each dimension followed by its sub-dimensions.

    Columns: metric, kind ("total", "dimension", "subdimension"), dimension (the metric's dimension; the total's is
    "total"), number ("D5" or PAPI's official "5.3"), name_vi, name_en, name_vi_official (False where the Vietnamese
    name is the project's translation), scale_low, scale_high (None for the total: its scale is total_range(year)).
    """
    rows: list[dict] = [
        {"metric": TOTAL, "kind": "total", "dimension": TOTAL, "number": "", "name_vi": None, "name_en": None}
    ]
    valid = segments(periods)
    valid = valid[valid["year"] == year].set_index("subdimension")
    concepts = subdimensions[subdimensions["id"].isin(valid.index)].copy()
    concepts["number"] = concepts["id"].map(valid["official_number"])
    for dim in dimensions[dimensions["first_year"] <= year].sort_values("order").itertuples():
        rows.append(
            {
                "metric": dim.id,
                "kind": "dimension",
                "dimension": dim.id,
                "number": f"D{dim.order}",
                "name_vi": dim.name_vi,
                "name_en": dim.name_en,
                "name_vi_official": True,
                "scale_low": 1.0,
                "scale_high": 10.0,
            }
        )
        for sub in concepts[concepts["dimension"] == dim.id].sort_values("number").itertuples():
            rows.append(
                {
                    "metric": sub.id,
                    "kind": "subdimension",
                    "dimension": dim.id,
                    "number": sub.number,
                    "name_vi": sub.name_vi,
                    "name_en": sub.name_en,
                    "name_vi_official": sub.name_vi_official,
                    "scale_low": valid.at[sub.id, "scale_low"],
                    "scale_high": valid.at[sub.id, "scale_high"],
                }
            )
    columns = ["metric", "kind", "dimension", "number", "name_vi", "name_en", "name_vi_official"]
    return pd.DataFrame(rows, columns=[*columns, "scale_low", "scale_high"])


def subdimension_profile(
    table: pd.DataFrame, subdimensions: pd.DataFrame, periods: pd.DataFrame, code: str, year: int
) -> pd.DataFrame:
    """A province's sub-dimensions in a year against the national mean and the best province, per dimension.

    `table` is `with_ranks(metric_rows(...))` (extra columns are fine). One row per sub-dimension measured that year,
    in dimension and official-number order, kept with empty values where the province has no score (shown as "no
    data"). Columns: dimension, subdimension, number, name_vi, name_en, name_vi_official, scale_low, scale_high,
    score, rank, n, group, national_mean, best, best_codes, gap_to_best (score − best: 0 for the leader) and
    gap_share (gap_to_best as a share of the scale's width, so gaps on 0.25–2.5 and 0.33–3.33 compare).
    """
    valid = segments(periods)
    valid = valid[valid["year"] == year]
    reference = valid.merge(subdimensions, left_on="subdimension", right_on="id")
    reference = reference.sort_values(["dimension", "official_number"], ignore_index=True)
    rows = table.loc[(table["year"] == year) & table["dimension"].isin(reference["subdimension"])]
    mine = rows[rows["province_code"] == code].set_index("dimension")[["score", "rank", "group"]]
    present = rows[rows["score"].notna()]
    stats = present.groupby("dimension")["score"].agg(national_mean="mean", n="count")
    best = frontier(rows, year).set_index("dimension")
    out = reference.set_index("subdimension").join(mine).join(stats).join(best)
    out["n"] = out["n"].fillna(0).astype(int)
    out["best_codes"] = [codes if isinstance(codes, list) else [] for codes in out["best_codes"]]
    out["gap_to_best"] = out["score"] - out["best"]
    out["gap_share"] = out["gap_to_best"] / (out["scale_high"] - out["scale_low"])
    out = out.reset_index().rename(columns={"official_number": "number"})
    columns = ["dimension", "subdimension", "number", "name_vi", "name_en", "name_vi_official", "scale_low"]
    stats_columns = ["national_mean", "best", "best_codes", "gap_to_best", "gap_share"]
    return out[[*columns, "scale_high", "score", "rank", "n", "group", *stats_columns]]


def furthest_from_best(profile: pd.DataFrame, k: int = 3) -> pd.DataFrame:
    """The k sub-dimensions where the province is furthest behind the best province, relative to each scale.

    Takes `subdimension_profile` output; sub-dimensions without a score, and those where it is the best, are left out.
    """
    behind = profile[profile["score"].notna() & (profile["gap_to_best"] < 0)]
    return behind.sort_values(["gap_share", "dimension", "number"]).head(k).reset_index(drop=True)


def trend(table: pd.DataFrame, metric: str, codes: list[str]) -> pd.DataFrame:
    """A sub-dimension's scores through the years for the given provinces, with the segment each year belongs to.

    `table` is `metric_rows(...)` or anything built on it. Draw one line per province and segment. Years where a
    province has no score are absent, so no line is drawn across them either.
    """
    rows = table[(table["dimension"] == metric) & table["province_code"].isin(codes) & table["score"].notna()]
    columns = ["year", "province_code", "score", "segment", "scale_low", "scale_high"]
    return rows[columns].sort_values(["province_code", "year"], ignore_index=True)


def national_trend(table: pd.DataFrame, metric: str) -> pd.DataFrame:
    """The national mean, median, quartiles and N of a sub-dimension per year, with the segment of each year."""
    rows = table[(table["dimension"] == metric) & table["score"].notna()]
    grouped = rows.groupby(["year", "segment"])["score"]
    out = grouped.agg(
        mean="mean", median="median", q25=lambda s: s.quantile(0.25), q75=lambda s: s.quantile(0.75), n="count"
    )
    return out.reset_index().sort_values("year", ignore_index=True)
