"""Plans versus results: every target's status in every target year, evaluated from the store's scores.

A status is one of STATUSES: achieved, missed, no_data (PAPI published no figure the rule needs), pending (the year is
not in the store yet). Ranks and groups are those of papi_data.ranking (among the provinces with data; ties share the
best rank), so a page and this module never disagree. The rules are in papi_data.plans.rules and described in
papi_data/sources/plans.yaml. `table` is papi_data.plans.measures.plan_table: totals, dimensions and sub-dimensions.

Beside each verdict: a fair comparison (the rank change among the provinces with data in both years; the score
change next to the national mean's), and, where plans.yaml asks for them, other readings of the same target (another
metric, other plausible baseline years), evaluated alike but never setting the status (`reading` ≠ "main").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, TypedDict, TypeVar

import numpy as np
import pandas as pd
from pandas.api.typing import NAType

from papi_data.cells import as_str, bool_or_none, float_or_none, int_list, int_or_none, str_list, str_or_none
from papi_data.eras import SET_63, former, key_in_year, province_set, same_set, successor
from papi_data.plans.measures import (
    NO_STANDING,
    Standing,
    fair_ranks,
    group_floor,
    group_last_rank,
    ranks_among,
    same_scale,
    score_to_reach,
    segment_of,
    standings,
)
from papi_data.plans.rules import COUNTING_RULES, metric_parts, needs_baseline
from papi_data.stats import national
from papi_data.store.schema import GROUPS, TOTAL
from papi_data.subdimensions import is_subdimension

STATUSES = ("achieved", "missed", "no_data", "pending")
REFORM_YEAR = 2025  # the 63 provinces became 34 on 1 July 2025: a result from then on is for the new province
FAR_DIMENSIONS = 3  # how many dimensions "what it would take" names

# Why a status is what it is, beyond the figures: keys of the page's explanations.
NO_RESULT = "no_result"  # the province has no score for the target year
NO_BASELINE = "no_baseline"  # ... or for the baseline year
SCALE_CHANGE = "scale_change"  # scores compared across a change of scale (a total across 2018, a sub-dimension's)
SET_CHANGE = "set_change"  # a rank or group (or a merged province's score) compared across the 2025 switch to 34
UNREACHABLE = "unreachable"  # no rank or group is better than the baseline's (already first, or already best)
NONE_SELECTED = "none_selected"  # no dimension was weak (or strong) in the baseline year: nothing to check
NOT_PUBLISHED = "not_published"  # the target year is after the latest year in the store

T = TypeVar("T")
MAIN = "main"  # the reading that sets the status; "metric" / "baseline": another reading shown beside it

COLUMNS = [
    "target_id",
    "plan_id",
    "province_code",
    "rule",
    "metric",
    "dimension",
    "target_year",
    "baseline_year",
    "reading",
    "status",
    "reason",
    "gap_unit",  # places | points | dimensions
    "comparator",  # how value must compare with threshold: ≤ (rank), > or ≥ (score), ≥ (group floor, count)
    "value",  # rank, score, or number of dimensions that met the rule, in the target year
    "value_n",  # for a rank: how many it is among (N, or the set's provinces with data); for a count: parts counted
    "baseline_value",
    "threshold",
    "gap",  # signed distance from the threshold in gap_unit: ≥ 0 ahead (> 0 for "higher than"), < 0 short
    "rank",
    "n",
    "group",
    "baseline_rank",
    "baseline_n",
    "baseline_group",
    "target_group",
    "target_rank",  # the worst rank that meets a rank or group target that year (the target band's edge)
    "boundary_changed",  # the province merged on 1 July 2025 and the target year is 2025 or later
    "measured_code",  # the province whose figures the target year is read from: from 2025, the new province
    "fair_year",  # the year the fair comparison starts from: the baseline, or the year before the target year
    "fair_rank_before",  # ranks among the provinces with a score in both years (and in the set, if ranked among one)
    "fair_rank_after",
    "fair_n",
    "fair_change",  # the province's score change from fair_year ...
    "fair_national_change",  # ... and the national mean's
    "reference_year",  # the year "what it would take" is read in: the target year, or the latest if pending
    "points_needed",  # score at the target rank (or the group's lowest score) minus the province's; ≤ 0: already met
    "far_dimensions",  # the dimensions (or sub-dimensions) furthest below the best province, largest gap first
    "far_gaps",
    "failed_dimensions",  # for a counting rule: the dimensions measured as not meeting it, in dimension order
]


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
    value: float | None
    among: list[str] | None
    at_least: int | None  # the rule's `count`
    rise: bool | None
    baseline_year: int | None
    target_years: list[int]
    reading: str


def target_rows(targets: pd.DataFrame) -> list[Target]:
    """The store's targets table as typed rows, in its order."""
    readings = targets["reading"] if "reading" in targets else [MAIN] * len(targets)
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
            value=float_or_none(t.value),
            among=_listed(t.among_provinces, str_list),
            at_least=int_or_none(t.count),
            rise=bool_or_none(t.rise),
            baseline_year=int_or_none(t.baseline_year),
            target_years=int_list(t.target_years),
            reading=str(reading),
        )
        for t, reading in zip(targets.itertuples(), readings, strict=True)
    ]


def _listed(value: object, read: Callable[[object], list[T]]) -> list[T] | None:
    """A list cell, or None where the column holds no list (null in the store)."""
    return read(value) if isinstance(value, list | tuple | np.ndarray) else None


def other_readings(targets: pd.DataFrame) -> pd.DataFrame:
    """The targets read another way, as plans.yaml asks: one row per other metric (`reading` "metric") and per other
    plausible baseline year ("baseline"), with the target's id; evaluate them like the targets themselves."""
    rows = []
    for _, target in targets.iterrows():
        other = str_or_none(target["other_metric"])
        if other is not None:
            rows.append({**target.to_dict(), "metric": other, "reading": "metric"})
        for year in _listed(target["other_baselines"], int_list) or []:
            rows.append({**target.to_dict(), "baseline_year": year, "reading": "baseline"})
    return pd.DataFrame(rows, columns=[*targets.columns, "reading"])


def _required(value: int | None, field: str, t: Target) -> int:
    """A field the target's rule needs (papi_data.plans.source refuses a target without it)."""
    if value is None:
        raise ValueError(f"target {t.id}: rule {t.rule} needs {field}")
    return value


class Spread(NamedTuple):
    """What the rules read of papi_data.stats.national for one year and metric."""

    mean: float
    max: float


def spreads(nat: pd.DataFrame) -> dict[tuple[int, str], Spread]:
    """(year, metric) → national mean and best score, from papi_data.stats.national."""
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
    value_n: int | None
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


class Fairness(TypedDict, total=False):
    """The fair comparison beside a verdict (columns of COLUMNS)."""

    fair_year: int
    fair_rank_before: int
    fair_rank_after: int
    fair_n: int
    fair_change: float
    fair_national_change: float


def merged_provinces(provinces: pd.DataFrame) -> set[str]:
    """Codes of the provinces whose 2025 province also took in another one (Hà Nội kept its boundary)."""
    sizes = provinces["code_2025"].map(provinces["code_2025"].value_counts())
    return set(provinces.loc[sizes > 1, "code"])


def dimensions_in(table: pd.DataFrame) -> list[str]:
    """The dimension ids of a table (not the total, not the sub-dimensions), in the table's order."""
    return [d for d in table["dimension"].unique() if d != TOTAL and not is_subdimension(d)]


def counted_metrics(t: Target, year: int, table: pd.DataFrame, dims: list[str]) -> list[str]:
    """What a dimensions_meeting target counts in a year: every dimension, the one named, or its sub-dimensions."""
    if metric_parts(t.metric)[0] == "subdimension":
        prefix = str(t.dimension).split("_")[0] + "."  # "d5_public_admin_procedures" → its sub-dimensions "d5.…"
        rows = table[(table["year"] == year) & table["dimension"].str.startswith(prefix)]
        return sorted(rows["dimension"].unique())
    if t.dimension is not None:
        return [t.dimension]
    return [d for d in dims if ((table["year"] == year) & (table["dimension"] == d)).any()]


def _select(
    rule: str,
    standing: dict[tuple[int, str, str], Standing],
    code: str,
    year: int,
    dims: list[str],
    nat: dict[tuple[int, str], Spread],
) -> dict[str, float] | None:
    """The dimensions a rule applies to, with their scores: weak (below the national mean) or strong (at or above it)
    in `year`. None when the province has no dimension score that year."""
    scored = {d: s for d in dims if (s := standing.get((year, code, d), NO_STANDING).score) is not None}
    if not scored:
        return None
    weak = rule == "weak_dimensions_improve"
    return {d: s for d, s in scored.items() if (s < nat[(year, d)].mean) == weak}


CHECK_COLUMNS = [
    "target_id",
    "target_year",
    "dimension",
    "baseline_year",
    "baseline_score",
    "baseline_mean",
    "score",
    "mean",
    "group",
    "floor",  # dimensions_meeting with a group: the group's lowest score that year
    "ok",
]


def dimension_checks(
    targets: pd.DataFrame,
    table: pd.DataFrame,
    latest_published_year: int,
    nat: pd.DataFrame | None = None,
    provinces: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """For each counting rule, target year and dimension it looks at: the scores and national means of both years,
    the group, and whether the dimension met the rule (NA where a score is missing or the year is not published).

    As a single-metric rule, a target year from 2025 is read on the province that stands for the plan's province
    then (papi_data.eras, from `provinces`; without them every year is the plan province's own); the baseline stays
    the plan province's own. A merged province's score compared across the 2025 change (another territory) meets
    nothing and fails nothing: NA, and evaluate says why."""
    means = spreads(national(table) if nat is None else nat)
    chosen = targets[targets["rule"].isin(COUNTING_RULES)]
    codes = chosen["province_code"]
    standing = standings(table, codes if provinces is None else _with_successors(codes, provinces))
    dims = dimensions_in(table)
    rows: list[dict[str, object]] = []
    for t in target_rows(chosen):
        base = t.baseline_year
        for year in t.target_years:
            code = t.province_code if provinces is None else _in_year(t, year, provinces).province_code
            crosses = provinces is not None and _counted_across_set(t, year, provinces)
            if t.rule == "dimensions_meeting":
                looked_at = counted_metrics(t, min(year, latest_published_year), table, dims)
                selected: dict[str, float | None] = {
                    d: standing.get((base, t.province_code, d), NO_STANDING).score if base else None for d in looked_at
                }
            else:
                baseline_year = _required(base, "baseline_year", t)
                selected = dict(_select(t.rule, standing, t.province_code, baseline_year, dims, means) or {})
            for d, before in selected.items():
                now = standing.get((year, code, d), NO_STANDING)
                spread = means.get((year, d))
                floor = None
                if t.group is not None and year <= latest_published_year:
                    floor = group_floor(table, year, d, t.group)
                ok: bool | NAType = pd.NA
                if year <= latest_published_year and now.score is not None and not crosses:
                    ok = _meets(t, now, before, None if spread is None else spread.mean)
                rows.append(
                    {
                        "target_id": t.id,
                        "target_year": year,
                        "dimension": d,
                        "baseline_year": base,
                        "baseline_score": before,
                        "baseline_mean": None if base is None else means[(base, d)].mean,
                        "score": now.score,
                        "mean": None if spread is None else spread.mean,
                        "group": now.group,
                        "floor": floor,
                        "ok": ok,
                    }
                )
    out = pd.DataFrame(rows, columns=CHECK_COLUMNS)
    out["ok"] = out["ok"].astype("boolean")
    return out


def _meets(t: Target, now: Standing, before: float | None, mean: float | None) -> bool | NAType:
    """Whether one dimension meets a counting rule; NA where the baseline it needs is missing."""
    assert now.score is not None
    if t.rule == "weak_dimensions_improve":
        return before is not None and now.score > before
    if t.rule == "strong_dimensions_hold":
        return mean is not None and now.score >= mean
    if t.rise and before is None:
        return pd.NA
    rose = not t.rise or (before is not None and now.score > before)
    placed = t.group is None or (now.group is not None and GROUPS.index(now.group) <= GROUPS.index(t.group))
    return rose and placed


class _Context(NamedTuple):
    """What every rule reads: the scores with ranks, their lookup, the national statistics, the dimensions."""

    table: pd.DataFrame
    standing: dict[tuple[int, str, str], Standing]
    nat: dict[tuple[int, str], Spread]
    dims: list[str]
    latest: int
    checks: pd.DataFrame
    segments: dict[tuple[int, str], str]
    provinces: pd.DataFrame


def _in_year(t: Target, year: int, provinces: pd.DataFrame) -> Target:
    """The target read on the province that stands for the plan's province in `year` (papi_data.eras): from 2025 a
    former province's targets are measured on the new province it became, a set of provinces on their successors."""
    if province_set(year) == SET_63:
        return t
    code = key_in_year(provinces, t.province_code, year) or t.province_code
    among = None if t.among is None else sorted({key_in_year(provinces, c, year) or c for c in t.among})
    return t._replace(province_code=code, among=among)


def _counted_across_set(t: Target, year: int, provinces: pd.DataFrame) -> bool:
    """Whether a counting rule compares a merged province's scores across the 2025 change (weak dimensions improve,
    dimensions that rise): another territory's score, so not comparable. Strong dimensions holding at the target
    year's national mean, or a group alone, read the target year only (the baseline picks the dimensions)."""
    compares = t.rule == "weak_dimensions_improve" or (t.rule == "dimensions_meeting" and bool(t.rise))
    if not compares or t.baseline_year is None or same_set(t.baseline_year, year):
        return False
    return len(former(provinces, key_in_year(provinces, t.province_code, year) or t.province_code)) != 1


def _crosses_set(t: Target, year: int, what: str, ctx: _Context) -> bool:
    """Whether the rule compares across the 2025 change of province set in a way that is not defined: a rank or a
    group (other provinces, another N), or the score of a province whose borders changed (another territory). An
    unchanged province's score on the same scale is its own and compares."""
    if t.baseline_year is None or same_set(t.baseline_year, year):
        return False
    return what != "score" or len(former(ctx.provinces, t.province_code)) != 1


def evaluate(
    targets: pd.DataFrame,
    table: pd.DataFrame,
    latest_published_year: int,
    provinces: pd.DataFrame,
    nat: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per target and target year (see COLUMNS). `table` is papi_data.plans.measures.plan_table (or any
    `with_ranks` output); `provinces` tells which provinces merged in 2025. `targets` may be `other_readings(...)`:
    its rows are evaluated alike and keep their `reading`."""
    nat = national(table) if nat is None else nat
    ctx = _Context(
        table=table,
        standing=standings(table, _with_successors(targets["province_code"], provinces)),
        nat=spreads(nat),
        dims=dimensions_in(table),
        latest=latest_published_year,
        checks=dimension_checks(targets, table, latest_published_year, nat, provinces),
        segments=segment_of(table),
        provinces=provinces,
    )
    merged = merged_provinces(provinces)
    rows: list[dict[str, object]] = []
    for t in target_rows(targets):
        dimension, what = _measure(t)
        base_year = t.baseline_year
        base = ctx.standing.get((base_year or 0, t.province_code, dimension), NO_STANDING)
        for year in t.target_years:
            here = _in_year(t, year, provinces)
            now = ctx.standing.get((year, here.province_code, dimension), NO_STANDING)
            row: dict[str, object] = {
                "target_id": t.id,
                "plan_id": t.plan_id,
                "province_code": t.province_code,
                "rule": t.rule,
                "metric": t.metric,
                "dimension": None if t.rule in COUNTING_RULES else dimension,
                "target_year": year,
                "baseline_year": base_year,
                "reading": t.reading,
                "rank": now.rank,
                "n": now.n or None,
                "group": now.group,
                "baseline_rank": base.rank,
                "baseline_n": base.n or None,
                "baseline_group": base.group,
                "boundary_changed": year >= REFORM_YEAR and t.province_code in merged,
                "measured_code": here.province_code,
            }
            if t.rule in COUNTING_RULES and _counted_across_set(t, year, provinces) and year <= ctx.latest:
                row.update({"status": "no_data", "reason": SET_CHANGE, "comparator": "≥", "gap_unit": "dimensions"})
            elif t.rule in COUNTING_RULES:
                row.update(_counting_rule(t, year, ctx))
            elif _crosses_set(here, year, what, ctx) and year <= ctx.latest:
                row.update({"status": "no_data", "reason": SET_CHANGE, "comparator": COMPARATORS.get(what, "≥")})
                row.update({"value": now.rank if what == "rank" else now.score, "value_n": now.n or None})
                row["gap_unit"] = "places" if what == "rank" else "points"
            else:
                outcome = _single_metric_rule(here, year, dimension, what, base, now, ctx)
                row.update(outcome)
                if outcome["status"] in ("achieved", "missed"):
                    row.update(_fairness(here, year, dimension, what, ctx))
                if (
                    outcome["status"] in ("missed", "pending")
                    and what in ("rank", "group")
                    and not row["boundary_changed"]
                ):
                    row.update(_what_it_takes(here, year, outcome, dimension, ctx))
            rows.append(row)
    out = pd.DataFrame(rows, columns=COLUMNS)
    for column in ["value", "baseline_value", "threshold", "gap", "points_needed", "fair_change"]:
        out[column] = out[column].astype("float64")
    out["fair_national_change"] = out["fair_national_change"].astype("float64")
    integers = ["value_n", "rank", "n", "baseline_rank", "baseline_n", "target_rank", "reference_year", "fair_year"]
    for column in [*integers, "fair_rank_before", "fair_rank_after", "fair_n"]:
        out[column] = out[column].astype("Int16")
    return out


def _with_successors(codes: pd.Series, provinces: pd.DataFrame) -> set[str]:
    """The plans' provinces and, where the store holds the 34, the provinces they became."""
    return set(codes) | {s for c in codes if (s := successor(provinces, str(c))) is not None}


def _measure(t: Target) -> tuple[str, str]:
    """(metric id in the table: "total", a dimension or a sub-dimension id; what is read: score | rank | group)."""
    level, what = metric_parts(t.metric)
    return (TOTAL if level == "total" else str(t.dimension)), what


COMPARATORS = {"rank": "≤", "group": "≥"}


def _single_metric_rule(
    t: Target, year: int, dimension: str, what: str, base: Standing, now: Standing, ctx: _Context
) -> Outcome:
    """Rules on one metric: better than / not worse than the baseline, rise k places, rank k or better (among all,
    or among a set), score at least a value, a group or better."""
    strict = t.rule == "better_than_baseline"  # a score must be higher, not equal
    out: Outcome = {"reason": None, "comparator": COMPARATORS.get(what, ">" if strict else "≥")}
    out["gap_unit"] = "places" if what == "rank" else "points"
    published = year <= ctx.latest
    compares = needs_baseline(t.rule, t.rise)
    if compares:
        base_year = _required(t.baseline_year, "baseline_year", t)
        if what == "score" and not same_scale(dimension, base_year, year, ctx.segments):
            return {**out, "status": "no_data", "reason": SCALE_CHANGE}
        if base.score is None:  # a published baseline without data can never be compared with
            if base_year <= ctx.latest:
                return {**out, "status": "no_data", "reason": NO_BASELINE}
            return {**out, "status": "pending", "reason": NOT_PUBLISHED}
        out["baseline_value"] = base.rank if what == "rank" else base.score
    # The threshold: a rank to reach, a score to reach or exceed, or a group to be in (read through its lowest score).
    target_group = None
    if what == "group":
        if t.rule == "group_at_least":
            target_group = t.group
        elif t.rule == "not_worse_than_baseline":
            target_group = base.group
        elif base.group == GROUPS[0]:
            return {**out, "status": "missed" if published else "pending", "reason": UNREACHABLE}
        else:
            target_group = GROUPS[GROUPS.index(str(base.group)) - 1]
        out["target_group"] = target_group
    elif what == "rank":
        rank_threshold = _rank_threshold(t, base)
        out["threshold"] = rank_threshold
        if rank_threshold < 1:
            return {**out, "status": "missed" if published else "pending", "reason": UNREACHABLE}
        out["target_rank"] = rank_threshold
    else:
        out["threshold"] = base.score if compares else t.value
    if not published:
        return {**out, "status": "pending", "reason": NOT_PUBLISHED}
    if what == "group":  # that year's lowest score and worst rank in the group or a better one (the others' too)
        assert target_group is not None
        out["threshold"] = group_floor(ctx.table, year, dimension, target_group)
        out["target_rank"] = group_last_rank(ctx.table, year, dimension, target_group)
    if now.score is None:
        return {**out, "status": "no_data", "reason": NO_RESULT}
    threshold = out["threshold"]
    assert threshold is not None  # set above; a group's floor exists since the province has a score that year
    if what == "group":  # in the group or a better one; the gap is read against the group's lowest score
        achieved = GROUPS.index(str(now.group)) <= GROUPS.index(str(target_group))
        return {**out, "value": now.score, "gap": now.score - threshold, "status": _status(achieved)}
    if what == "rank":
        rank, n = now.rank, now.n
        if t.among is not None:
            within = ranks_among(ctx.table, year, dimension, t.among)
            rank, n = within.get(t.province_code), len(within)
        assert rank is not None  # ranked wherever scored
        gap = threshold - rank
        return {**out, "value": rank, "value_n": n, "gap": gap, "status": _status(gap >= 0)}
    gap = now.score - threshold
    return {**out, "value": now.score, "gap": gap, "status": _status(gap > 0 if strict else gap >= 0)}


def _rank_threshold(t: Target, base: Standing) -> int:
    """The worst rank that meets a rank rule."""
    if t.rule in ("rank_at_most", "rank_within_at_most"):
        return _required(t.k, "k", t)
    assert base.rank is not None  # a province is ranked wherever it is scored (papi_data.ranking)
    if t.rule == "rise_at_least":
        return base.rank - _required(t.k, "k", t)
    return base.rank - (1 if t.rule == "better_than_baseline" else 0)


def _status(achieved: bool) -> str:
    return "achieved" if achieved else "missed"


def _fairness(t: Target, year: int, dimension: str, what: str, ctx: _Context) -> Fairness:
    """The same comparison made fair: for a rank or group, the ranks among the provinces with a score in both years
    (the baseline's, or the year before); for a score, the province's change beside the national mean's."""
    before = t.baseline_year if t.baseline_year is not None else year - 1
    if (before, t.province_code, dimension) not in ctx.standing:
        return {}
    if what in ("rank", "group"):
        fair = fair_ranks(ctx.table, dimension, t.province_code, before, year, t.among)
        if fair is None:
            return {}
        return {"fair_year": before, "fair_rank_before": fair.before, "fair_rank_after": fair.after, "fair_n": fair.n}
    then = ctx.standing[(before, t.province_code, dimension)].score
    now = ctx.standing[(year, t.province_code, dimension)].score
    if then is None or now is None or not same_scale(dimension, before, year, ctx.segments):
        return {}
    national_change = ctx.nat[(year, dimension)].mean - ctx.nat[(before, dimension)].mean
    return {"fair_year": before, "fair_change": now - then, "fair_national_change": national_change}


def _counting_rule(t: Target, year: int, ctx: _Context) -> Outcome:
    """Weak dimensions improve / strong ones hold at the national mean (the dimensions picked in the baseline year);
    at least `count` dimensions rise and/or sit in a group."""
    out: Outcome = {"gap_unit": "dimensions", "comparator": "≥", "reason": None}
    published = year <= ctx.latest
    base_year = t.baseline_year
    if t.rule == "dimensions_meeting":
        required = _required(t.at_least, "count", t)
        has_base = base_year is None or any(
            ctx.standing.get((base_year, t.province_code, d), NO_STANDING).score is not None for d in ctx.dims
        )
        if not has_base:
            if _required(base_year, "baseline_year", t) <= ctx.latest:
                return {**out, "status": "no_data", "reason": NO_BASELINE}
            return {**out, "status": "pending", "reason": NOT_PUBLISHED}
    else:
        selected = _select(
            t.rule, ctx.standing, t.province_code, _required(base_year, "baseline_year", t), ctx.dims, ctx.nat
        )
        if selected is None:
            if _required(base_year, "baseline_year", t) <= ctx.latest:
                return {**out, "status": "no_data", "reason": NO_BASELINE}
            return {**out, "status": "pending", "reason": NOT_PUBLISHED}
        required = len(selected)
        out["baseline_value"] = required
    out["threshold"] = required
    if not published:
        return {**out, "status": "pending", "reason": NOT_PUBLISHED}
    if required == 0:
        return {**out, "status": "achieved", "reason": NONE_SELECTED, "value": 0, "gap": 0}
    mine = ctx.checks[(ctx.checks["target_id"] == t.id) & (ctx.checks["target_year"] == year)]
    ok = mine["ok"]
    if ok.isna().all():
        return {**out, "status": "no_data", "reason": NO_RESULT}
    met = int(ok.fillna(False).sum())
    unknown = int(ok.isna().sum())
    failed = ~ok.fillna(True)  # measured and not met; a missing score is not a failure
    out["value"], out["failed_dimensions"] = met, mine.loc[failed, "dimension"].tolist()
    out["value_n"] = len(mine)  # the parts counted: "0 of the 8 listed met it", beside the `required` 7
    out["gap"] = met - required
    if met >= required:
        return {**out, "status": "achieved"}
    if met + unknown < required:  # the measured failures decide, whatever the missing ones would show
        return {**out, "status": "missed"}
    return {**out, "status": "no_data", "reason": NO_RESULT}


def _what_it_takes(t: Target, target_year: int, outcome: Outcome, dimension: str, ctx: _Context) -> Takes:
    """For a missed or pending rank or group target: the points needed on the metric that year (the latest
    published year when pending), and the parts furthest below the best province in each: the dimensions for the
    total, the sub-dimensions for a dimension. Never for a merged province's year (evaluate leaves those out): its
    old part's scores say nothing of what the new province needs."""
    year = target_year if outcome["status"] == "missed" else ctx.latest
    code = t.province_code
    own = ctx.standing.get((year, code, dimension), NO_STANDING).score
    needed = None
    target_group = outcome.get("target_group")
    threshold = outcome.get("threshold")
    if target_group:
        needed = group_floor(ctx.table, year, dimension, target_group)
    elif threshold is not None and threshold >= 1:  # a rank target's threshold (none when it cannot be reached)
        needed = score_to_reach(ctx.table, year, dimension, int(threshold), t.among, without=code)
    parts = _parts(dimension, year, ctx)
    scores = {d: ctx.standing.get((year, code, d), NO_STANDING).score for d in parts}
    gaps = {d: ctx.nat[(year, d)].max - s for d, s in scores.items() if s is not None}
    far = sorted(gaps, key=gaps.__getitem__, reverse=True)[:FAR_DIMENSIONS]
    return {
        "reference_year": year,
        "points_needed": None if needed is None or own is None else needed - own,
        "far_dimensions": far,
        "far_gaps": [gaps[d] for d in far],
    }


def _parts(metric: str, year: int, ctx: _Context) -> list[str]:
    """What a metric is the sum of in a year: the dimensions of the total, the sub-dimensions of a dimension."""
    if metric == TOTAL:
        return [d for d in ctx.dims if (year, d) in ctx.nat]
    if is_subdimension(metric):
        return []
    prefix = metric.split("_")[0] + "."
    return sorted(d for (y, d) in ctx.nat if y == year and d.startswith(prefix))
