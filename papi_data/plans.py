"""Plans versus results: every target's status in every target year, evaluated from the store's scores.

A status is one of STATUSES: achieved, missed, no_data (PAPI published no figure the rule needs), pending (the year is
not in the store yet). Ranks and groups are those of papi_data.ranking (among the provinces with data; ties share the
best rank), so a page and this module never disagree. The rules are described in papi_data/sources/plans.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple, TypedDict

import pandas as pd
from pandas.api.typing import NAType

from papi_data.cells import as_str, int_list, int_or_none, str_or_none
from papi_data.schema import GROUPS, TOTAL, era
from papi_data.stats import national

STATUSES = ("achieved", "missed", "no_data", "pending")
REFORM_YEAR = 2025  # the 63 provinces became 34 on 1 July 2025: a result from then on is for the new province
FAR_DIMENSIONS = 3  # how many dimensions "what it would take" names

# Why a status is what it is, beyond the figures: keys of the page's explanations.
NO_RESULT = "no_result"  # the province has no score for the target year
NO_BASELINE = "no_baseline"  # ... or for the baseline year
SCALE_CHANGE = "scale_change"  # a total score compared across 2017 → 2018 (6–60 vs 8–80): not defined
UNREACHABLE = "unreachable"  # no rank or group is better than the baseline's (already first, or already best)
NONE_SELECTED = "none_selected"  # no dimension was weak (or strong) in the baseline year: nothing to check
NOT_PUBLISHED = "not_published"  # the target year is after the latest year in the store

DIMENSION_RULES = ("weak_dimensions_improve", "strong_dimensions_hold")

COLUMNS = [
    "target_id",
    "plan_id",
    "province_code",
    "rule",
    "metric",
    "dimension",
    "target_year",
    "baseline_year",
    "status",
    "reason",
    "gap_unit",  # places | points | dimensions
    "comparator",  # how value must compare with threshold: ≤ (rank), > (score), ≥ (group cut-off, dimension count)
    "value",  # rank, score, or number of dimensions that met the rule, in the target year
    "baseline_value",
    "threshold",
    "gap",  # signed distance from the threshold in gap_unit: ≥ 0 ahead (> 0 for a score), < 0 short
    "rank",
    "n",
    "group",
    "baseline_rank",
    "baseline_n",
    "baseline_group",
    "target_group",
    "target_rank",  # the worst rank that meets a rank or group target that year (the target band's edge)
    "boundary_changed",  # the province merged on 1 July 2025 and the target year is 2025 or later
    "reference_year",  # the year "what it would take" is read in: the target year, or the latest if pending
    "points_needed",  # score at the target rank (or the group's lowest score) minus the province's; ≤ 0: already met
    "far_dimensions",  # the dimensions furthest below the best province's score in each, largest gap first
    "far_gaps",
    "failed_dimensions",  # for a dimension rule: the dimensions measured as not meeting it, in dimension order
]


class Standing(NamedTuple):
    score: float | None
    rank: int | None
    n: int
    group: str | None


_NONE = Standing(None, None, 0, None)


class Target(NamedTuple):
    """One row of the store's targets table; a field the rule does not use is None."""

    id: str
    plan_id: str
    province_code: str
    metric: str
    dimension: str | None
    rule: str
    k: int | None
    group: str | None
    baseline_year: int | None
    target_years: list[int]


def target_rows(targets: pd.DataFrame) -> list[Target]:
    """The store's targets table as typed rows, in its order."""
    return [
        Target(
            id=as_str(t.id),
            plan_id=as_str(t.plan_id),
            province_code=as_str(t.province_code),
            metric=as_str(t.metric),
            dimension=str_or_none(t.dimension),
            rule=as_str(t.rule),
            k=int_or_none(t.k),
            group=str_or_none(t.group),
            baseline_year=int_or_none(t.baseline_year),
            target_years=int_list(t.target_years),
        )
        for t in targets.itertuples()
    ]


def _required(value: int | None, field: str, t: Target) -> int:
    """A field the target's rule needs (papi_data.plans_source refuses a target without it)."""
    if value is None:
        raise ValueError(f"target {t.id}: rule {t.rule} needs {field}")
    return value


class Spread(NamedTuple):
    """What the rules read of papi_data.stats.national for one year and dimension."""

    mean: float
    max: float


def spreads(nat: pd.DataFrame) -> dict[tuple[int, str], Spread]:
    """(year, dimension) → national mean and best score, from papi_data.stats.national."""
    return {
        (int(y), str(d)): Spread(float(mean), float(best))
        for y, d, mean, best in zip(nat["year"], nat["dimension"], nat["mean"], nat["max"], strict=True)
    }


class Outcome(TypedDict, total=False):
    """A rule's verdict for one target year: the status and the figures behind it (columns of COLUMNS)."""

    status: str
    reason: str | None
    gap_unit: str
    comparator: str
    value: float | None
    baseline_value: float | None
    threshold: float | None
    gap: float | None
    target_group: str | None
    target_rank: int | None
    failed_dimensions: list[str]


class Takes(TypedDict):
    """What it would take to meet a missed or pending rank or group target (columns of COLUMNS)."""

    reference_year: int
    points_needed: float | None
    far_dimensions: list[str]
    far_gaps: list[float]


def standings(table: pd.DataFrame, provinces: Iterable[str]) -> dict[tuple[int, str, str], Standing]:
    """(year, province, dimension) → score, rank, N, group for the given provinces, from `with_ranks` output."""
    rows = table[table["province_code"].isin(set(provinces))]
    ranks = rows["rank"].astype("float64")  # NaN, not NA, so one test below covers every missing value
    return {
        (int(y), c, d): Standing(None if s != s else s, None if r != r else int(r), int(n), None if pd.isna(g) else g)
        for y, c, d, s, r, n, g in zip(
            rows["year"],
            rows["province_code"],
            rows["dimension"],
            rows["score"],
            ranks,
            rows["n"],
            rows["group"],
            strict=True,
        )
    }


def merged_provinces(provinces: pd.DataFrame) -> set[str]:
    """Codes of the provinces whose 2025 province also took in another one (Hà Nội kept its boundary)."""
    sizes = provinces["code_2025"].map(provinces["code_2025"].value_counts())
    return set(provinces.loc[sizes > 1, "code"])


def score_to_reach(table: pd.DataFrame, year: int, dimension: str, rank: int) -> float | None:
    """The score a province needs to be ranked `rank` or better that year, other scores unchanged: the lowest
    score among the provinces ranked that well (ties share the best rank, so equalling it is enough)."""
    rows = table[(table["year"] == year) & (table["dimension"] == dimension) & (table["rank"] <= rank)]
    return None if rows.empty else float(rows["score"].min())


def group_floor(table: pd.DataFrame, year: int, dimension: str, group: str) -> float | None:
    """The lowest score in `group` or a better one that year (what a province must equal to be in it)."""
    allowed = list(GROUPS[: GROUPS.index(group) + 1])
    rows = table[(table["year"] == year) & (table["dimension"] == dimension) & table["group"].isin(allowed)]
    return None if rows.empty else float(rows["score"].min())


def group_last_rank(table: pd.DataFrame, year: int, dimension: str, group: str) -> int | None:
    """The worst rank still in `group` or a better one that year."""
    allowed = list(GROUPS[: GROUPS.index(group) + 1])
    rows = table[(table["year"] == year) & (table["dimension"] == dimension) & table["group"].isin(allowed)]
    return None if rows.empty else int(rows["rank"].max())


def _measure(metric: str, target_dimension: str | None) -> tuple[str, str]:
    """(dimension id, what is read: score | rank | group) for a metric such as "total_rank"."""
    level, what = metric.split("_", 1)
    return (TOTAL if level == "total" else str(target_dimension)), what


def _select(
    rule: str,
    standing: Mapping[tuple[int, str, str], Standing],
    code: str,
    year: int,
    dims: list[str],
    nat: Mapping[tuple[int, str], Spread],
) -> dict[str, float] | None:
    """The dimensions a rule applies to, with their scores: weak (below the national mean) or strong (at or above it)
    in `year`. None when the province has no dimension score that year."""
    scored = {d: s for d in dims if (s := standing.get((year, code, d), _NONE).score) is not None}
    if not scored:
        return None
    weak = rule == "weak_dimensions_improve"
    return {d: s for d, s in scored.items() if (s < nat[(year, d)].mean) == weak}


def dimension_checks(
    targets: pd.DataFrame, table: pd.DataFrame, latest_published_year: int, nat: pd.DataFrame | None = None
) -> pd.DataFrame:
    """For each dimension rule, target year and selected dimension: the scores and national means of both years
    and whether the dimension met the rule (NA where a score is missing or the year is not published)."""
    means = spreads(national(table) if nat is None else nat)
    chosen = targets[targets["rule"].isin(DIMENSION_RULES)]
    standing = standings(table, chosen["province_code"])
    dims = [d for d in table["dimension"].unique() if d != TOTAL]
    rows: list[dict[str, object]] = []
    for t in target_rows(chosen):
        base = _required(t.baseline_year, "baseline_year", t)
        selected = _select(t.rule, standing, t.province_code, base, dims, means) or {}
        for year in t.target_years:
            for d, before in selected.items():
                after = standing.get((year, t.province_code, d), _NONE).score
                spread = means.get((year, d))
                mean = None if spread is None else spread.mean
                ok: bool | NAType = pd.NA
                if year <= latest_published_year and after is not None:
                    if t.rule == "weak_dimensions_improve":
                        ok = after > before
                    elif mean is not None:  # always: a published year with the province's score has a mean
                        ok = after >= mean
                rows.append(
                    {
                        "target_id": t.id,
                        "target_year": year,
                        "dimension": d,
                        "baseline_year": base,
                        "baseline_score": before,
                        "baseline_mean": means[(base, d)].mean,
                        "score": after,
                        "mean": mean,
                        "ok": ok,
                    }
                )
    out = pd.DataFrame(
        rows,
        columns=[
            "target_id",
            "target_year",
            "dimension",
            "baseline_year",
            "baseline_score",
            "baseline_mean",
            "score",
            "mean",
            "ok",
        ],
    )
    out["ok"] = out["ok"].astype("boolean")
    return out


class _Context(NamedTuple):
    """What every rule reads: the scores with ranks, their lookup, the national statistics, the dimensions."""

    table: pd.DataFrame
    standing: dict[tuple[int, str, str], Standing]
    nat: dict[tuple[int, str], Spread]
    dims: list[str]
    latest: int
    checks: pd.DataFrame


def evaluate(
    targets: pd.DataFrame, table: pd.DataFrame, latest_published_year: int, provinces: pd.DataFrame
) -> pd.DataFrame:
    """One row per target and target year (see COLUMNS). `table` is `with_ranks(scores)` (extra columns are fine);
    `provinces` tells which provinces merged in 2025."""
    nat = national(table)
    ctx = _Context(
        table=table,
        standing=standings(table, targets["province_code"]),
        nat=spreads(nat),
        dims=[d for d in table["dimension"].unique() if d != TOTAL],
        latest=latest_published_year,
        checks=dimension_checks(targets, table, latest_published_year, nat),
    )
    merged = merged_provinces(provinces)
    rows: list[dict[str, object]] = []
    for t in target_rows(targets):
        dimension, what = _measure(t.metric, t.dimension)
        base_year = t.baseline_year
        base = _NONE if base_year is None else ctx.standing.get((base_year, t.province_code, dimension), _NONE)
        for year in t.target_years:
            now = ctx.standing.get((year, t.province_code, dimension), _NONE)
            row: dict[str, object] = {
                "target_id": t.id,
                "plan_id": t.plan_id,
                "province_code": t.province_code,
                "rule": t.rule,
                "metric": t.metric,
                "dimension": None if t.rule in DIMENSION_RULES else dimension,
                "target_year": year,
                "baseline_year": base_year,
                "rank": now.rank,
                "n": now.n or None,
                "group": now.group,
                "baseline_rank": base.rank,
                "baseline_n": base.n or None,
                "baseline_group": base.group,
                "boundary_changed": year >= REFORM_YEAR and t.province_code in merged,
            }
            if t.rule in DIMENSION_RULES:
                row.update(_dimension_rule(t, year, ctx))
            else:
                outcome = _single_metric_rule(t, year, dimension, what, base, now, ctx)
                row.update(outcome)
                if outcome["status"] in ("missed", "pending") and what in ("rank", "group"):
                    row.update(_what_it_takes(t.province_code, year, outcome, dimension, ctx))
            rows.append(row)
    out = pd.DataFrame(rows, columns=COLUMNS)
    for column in ["value", "baseline_value", "threshold", "gap", "points_needed"]:
        out[column] = out[column].astype("float64")
    for column in ["rank", "n", "baseline_rank", "baseline_n", "target_rank", "reference_year"]:
        out[column] = out[column].astype("Int16")
    return out


def _single_metric_rule(
    t: Target, year: int, dimension: str, what: str, base: Standing, now: Standing, ctx: _Context
) -> Outcome:
    """Rules on one metric: better than the baseline, rise k places, stay in a group."""
    out: Outcome = {"reason": None, "comparator": {"rank": "≤", "score": ">", "group": "≥"}[what]}
    out["gap_unit"] = "places" if what == "rank" else "points"
    published = year <= ctx.latest
    if what == "score" and dimension == TOTAL and era(_required(t.baseline_year, "baseline_year", t)) != era(year):
        return {**out, "status": "no_data", "reason": SCALE_CHANGE}
    # The threshold: a rank to reach or beat, a score to exceed, or a group to be in (read through its lowest score).
    target_group = t.group if t.rule == "stay_in_group" else None
    if t.rule != "stay_in_group":
        if base.score is None:  # a published baseline without data can never be compared with
            if _required(t.baseline_year, "baseline_year", t) <= ctx.latest:
                return {**out, "status": "no_data", "reason": NO_BASELINE}
            return {**out, "status": "pending", "reason": NOT_PUBLISHED}
        out["baseline_value"] = base.rank if what == "rank" else base.score
    if what == "group" and target_group is None:
        if base.group == GROUPS[0]:
            return {**out, "status": "missed" if published else "pending", "reason": UNREACHABLE}
        target_group = GROUPS[GROUPS.index(base.group) - 1]
    out["target_group"] = target_group
    if what == "rank":
        assert base.rank is not None  # a province is ranked wherever it is scored (papi_data.ranking)
        rank_threshold = base.rank - (_required(t.k, "k", t) if t.rule == "rise_at_least" else 1)
        out["threshold"] = rank_threshold
        if rank_threshold < 1:
            return {**out, "status": "missed" if published else "pending", "reason": UNREACHABLE}
        out["target_rank"] = rank_threshold
    elif what == "score":
        out["threshold"] = base.score
    if not published:
        return {**out, "status": "pending", "reason": NOT_PUBLISHED}
    if what == "group":  # that year's lowest score and worst rank in the group or a better one (the others' too)
        assert target_group is not None  # given by stay_in_group, else the group above the baseline's
        out["threshold"] = group_floor(ctx.table, year, dimension, target_group)
        out["target_rank"] = group_last_rank(ctx.table, year, dimension, target_group)
    if now.score is None:
        return {**out, "status": "no_data", "reason": NO_RESULT}
    threshold = out["threshold"]
    assert threshold is not None  # set above; a group's floor exists since the province has a score that year
    if what == "group":  # in the group or a better one; the gap is read against the group's lowest score
        achieved = GROUPS.index(now.group) <= GROUPS.index(target_group)
        return {**out, "value": now.score, "gap": now.score - threshold, "status": _status(achieved)}
    if what == "rank":
        assert now.rank is not None  # ranked wherever scored
        gap = threshold - now.rank
        return {**out, "value": now.rank, "gap": gap, "status": _status(gap >= 0)}
    gap = now.score - threshold
    return {**out, "value": now.score, "gap": gap, "status": _status(gap > 0)}


def _status(achieved: bool) -> str:
    return "achieved" if achieved else "missed"


def _dimension_rule(t: Target, year: int, ctx: _Context) -> Outcome:
    """Every weak dimension improves / every strong one stays at or above the national mean."""
    out: Outcome = {"gap_unit": "dimensions", "comparator": "≥", "reason": None}
    published = year <= ctx.latest
    base_year = _required(t.baseline_year, "baseline_year", t)
    selected = _select(t.rule, ctx.standing, t.province_code, base_year, ctx.dims, ctx.nat)
    if selected is None:
        if base_year <= ctx.latest:
            return {**out, "status": "no_data", "reason": NO_BASELINE}
        return {**out, "status": "pending", "reason": NOT_PUBLISHED}
    out["baseline_value"] = out["threshold"] = len(selected)
    if not published:
        return {**out, "status": "pending", "reason": NOT_PUBLISHED}
    if not selected:
        return {**out, "status": "achieved", "reason": NONE_SELECTED, "value": 0, "gap": 0}
    mine = ctx.checks[(ctx.checks["target_id"] == t.id) & (ctx.checks["target_year"] == year)]
    ok = mine["ok"]
    if ok.isna().all():
        return {**out, "status": "no_data", "reason": NO_RESULT}
    failed = ~ok.fillna(True)  # measured and not met; a missing score is not a failure
    value = int(ok.fillna(False).sum())
    out["value"], out["failed_dimensions"] = value, mine.loc[failed, "dimension"].tolist()
    out["gap"] = value - len(selected)
    if failed.any():  # one measured failure decides, whatever the missing ones would show
        return {**out, "status": "missed"}
    if ok.isna().any():
        return {**out, "status": "no_data", "reason": NO_RESULT}
    return {**out, "status": "achieved"}


def _what_it_takes(code: str, target_year: int, outcome: Outcome, dimension: str, ctx: _Context) -> Takes:
    """For a missed or pending rank or group target: the points needed on the metric that year (the latest
    published year when pending), and the dimensions furthest below the best province in each."""
    year = target_year if outcome["status"] == "missed" else ctx.latest
    own = ctx.standing.get((year, code, dimension), _NONE).score
    needed = None
    target_group = outcome.get("target_group")
    threshold = outcome.get("threshold")
    if target_group:
        needed = group_floor(ctx.table, year, dimension, target_group)
    elif threshold is not None and threshold >= 1:  # a rank target's threshold (none when it cannot be reached)
        needed = score_to_reach(ctx.table, year, dimension, int(threshold))
    scores = {d: ctx.standing.get((year, code, d), _NONE).score for d in ctx.dims}
    gaps = {d: ctx.nat[(year, d)].max - s for d, s in scores.items() if s is not None}
    far = sorted(gaps, key=gaps.__getitem__, reverse=True)[:FAR_DIMENSIONS]
    return {
        "reference_year": year,
        "points_needed": None if needed is None or own is None else needed - own,
        "far_dimensions": far,
        "far_gaps": [gaps[d] for d in far],
    }
