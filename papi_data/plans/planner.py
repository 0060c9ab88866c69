"""The target planner: what a province would need, on the latest year's scores, to reach a rank, a group or a score.

Arithmetic on one year's published scores with every other province's score held where it was: not a forecast (the
others move too, and the next survey has its own error). Everything is read from `plan_table` rows of that year:
- the score the goal needs: a rank k needs the k-th best of the others' scores (equalling it ties, which is
  enough); a group needs the lowest score that lands in it, found with the province's own score moved (the Hazen
  percentile cuts include it); a score goal is its value;
- the parts the metric sums (the dimensions of the total, the sub-dimensions of a dimension): each one's distance to
  the best province on it and to the floor of the goal's group on it;
- the same rise in every part: the rise each would need (none beyond its scale's top), and what 0.1 … 1 point each
  would give;
- which provinces the province would pass on the way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from papi_data.ranking import group_cuts
from papi_data.store.schema import DIMENSION_RANGE, GROUPS, TOTAL, total_range
from papi_data.subdimensions import is_subdimension

GOALS = ("rank", "group", "score")
RISES = (0.1, 0.25, 0.5, 1.0)  # points added to every part, for the "same rise everywhere" table
_PRECISION = 1e-6


@dataclass(frozen=True)
class Goal:
    province: str
    metric: str  # "total", a dimension id or a sub-dimension id
    kind: str  # one of GOALS
    k: int  # rank k or better
    group: str  # this group or a better one
    value: float  # a score of at least this


@dataclass(frozen=True)
class YearScores:
    """One year's scores by metric, as the planner reads them (built once per year: `year_scores`)."""

    year: int
    scores: dict[str, pd.Series]  # metric → score by province code, the provinces with a score
    groups: dict[str, pd.Series]  # metric → group by province code
    scales: dict[str, tuple[float, float]]


def year_scores(table: pd.DataFrame, year: int) -> YearScores:
    """`plan_table` rows of `year` split by metric, with each metric's scale."""
    rows = table[(table["year"] == year) & table["score"].notna()]
    scores, groups, scales = {}, {}, {}
    for metric, part in rows.groupby("dimension", sort=False):
        name = str(metric)
        codes = part["province_code"].to_numpy()
        scores[name] = pd.Series(part["score"].to_numpy(dtype=float), index=codes)
        groups[name] = pd.Series(part["group"].to_numpy(dtype=object), index=codes)
        if name == TOTAL:
            scales[name] = total_range(year)
        elif is_subdimension(name):
            scales[name] = (float(part["scale_low"].iloc[0]), float(part["scale_high"].iloc[0]))
        else:
            scales[name] = DIMENSION_RANGE
    return YearScores(year, scores, groups, scales)


@dataclass(frozen=True)
class Answer:
    year: int  # the year whose scores the answer is computed on
    score: float | None  # the province's score that year (None: no data, nothing else is computed)
    rank: int | None
    n: int
    group: str | None
    scale: tuple[float, float]
    target_score: float | None  # the lowest score that meets the goal, others unchanged (None: beyond the scale)
    needed: float | None  # target_score − score; ≤ 0: met already
    target_rank: int | None  # where target_score would rank, and in which group
    target_group: str | None
    passes: pd.DataFrame  # province_code, score, tied: the provinces passed (or, at the target, tied) on the way
    parts: pd.DataFrame  # see `parts`
    equal_rise: float | None  # the same rise in every part that meets the goal (None: not enough room, or no parts)
    rises: pd.DataFrame  # rise, score, rank, group: the same rise in every part, a few sizes


def default_value(year: YearScores, code: str, metric: str) -> float:
    """A score goal to start from: the province's score plus a twentieth of the scale, rounded up to a tenth and kept
    on the scale (the median where the province has no score)."""
    low, high = year.scales.get(metric, DIMENSION_RANGE)
    scores = year.scores.get(metric, pd.Series(dtype=float))
    own = scores.get(code, scores.median() if len(scores) else (low + high) / 2)
    return float(min(high, math.ceil((float(own) + (high - low) / 20) * 10) / 10))


def rank_with(scores: pd.Series, code: str, value: float) -> int:
    """The province's rank were its score `value`, the others unchanged (ties share the best rank)."""
    others = scores.drop(code, errors="ignore").to_numpy()
    return 1 + int((others > value).sum())


def group_with(scores: pd.Series, code: str, value: float) -> str:
    """The province's group were its score `value`: the percentile cuts are taken with that score in place."""
    values = scores.copy()
    values[code] = value
    p25, p50, p75 = group_cuts(values.to_numpy(dtype=float))
    return GROUPS[0] if value >= p75 else GROUPS[1] if value >= p50 else GROUPS[2] if value >= p25 else GROUPS[3]


def group_entry(scores: pd.Series, code: str, group: str, scale: tuple[float, float]) -> float | None:
    """The lowest score (to 1e-6) that puts the province in `group` or better; None if none on the scale does.
    Raising one's own score raises the cuts by less, so the answer is a single threshold: bisect for it."""
    wanted = GROUPS.index(group)
    low, high = scale
    if GROUPS.index(group_with(scores, code, high)) > wanted:
        return None
    if GROUPS.index(group_with(scores, code, low)) <= wanted:
        return low
    while high - low > _PRECISION:
        middle = (low + high) / 2
        if GROUPS.index(group_with(scores, code, middle)) <= wanted:
            high = middle
        else:
            low = middle
    return high


def part_metrics(year: YearScores, metric: str) -> list[str]:
    """What a metric is the sum of: the total's dimensions, a dimension's sub-dimensions; none below."""
    if metric == TOTAL:
        return sorted(m for m in year.scores if m != TOTAL and not is_subdimension(m))
    if is_subdimension(metric):
        return []
    prefix = metric.split("_")[0] + "."
    return sorted(m for m in year.scores if m.startswith(prefix))


def group_floor_in(year: YearScores, metric: str, group: str) -> float | None:
    """The lowest score in `group` or a better one on a metric that year."""
    allowed = year.groups[metric].isin(GROUPS[: GROUPS.index(group) + 1])
    return float(year.scores[metric][allowed].min()) if allowed.any() else None


def parts(year: YearScores, code: str, metric: str, group: str | None) -> pd.DataFrame:
    """One row per part of the metric: metric, score, best (the best province's score on it), best_codes,
    gap_to_best (score − best, ≤ 0), share (that gap as a share of the part's scale, so parts on different scales
    compare), floor (the lowest score in `group` or better on it), gap_to_floor (score − floor), headroom (scale top −
    score). Furthest from the best first; a part the province has no score on is left out."""
    found = []
    for part in part_metrics(year, metric):
        scores = year.scores[part]
        if code not in scores.index:
            continue
        low, high = year.scales[part]
        best = float(scores.max())
        floor = None if group is None else group_floor_in(year, part, group)
        own = float(scores[code])
        found.append(
            {
                "metric": part,
                "score": own,
                "best": best,
                "best_codes": sorted(scores.index[scores == best]),
                "gap_to_best": own - best,
                "share": (own - best) / (high - low),
                "floor": floor,
                "gap_to_floor": None if floor is None else own - floor,
                "headroom": high - own,
            }
        )
    columns = ["metric", "score", "best", "best_codes", "gap_to_best", "share", "floor", "gap_to_floor", "headroom"]
    out = pd.DataFrame(found, columns=columns)
    return out.sort_values(["share", "metric"], ignore_index=True)


def rise_for(headroom: np.ndarray, needed: float) -> float | None:
    """The same rise r in every part that adds `needed` points in all, no part beyond its scale's top:
    Σ min(r, headroom_i) = needed. None where the parts have not that much room in all."""
    if needed <= 0:
        return 0.0
    rooms = np.sort(np.maximum(headroom, 0.0))
    if len(rooms) == 0 or rooms.sum() < needed - _PRECISION:
        return None
    spent = 0.0  # what the parts with less room than r add: they are full
    for i, room in enumerate(rooms):
        left = len(rooms) - i
        if spent + room * left >= needed:
            return float((needed - spent) / left)
        spent += room
    return float(rooms[-1])


def answer(year: YearScores, goal: Goal) -> Answer:
    """The planner's answer for `goal` on one year's scores (see the module's docstring)."""
    scores = year.scores.get(goal.metric, pd.Series(dtype=float))
    scale = year.scales.get(goal.metric, DIMENSION_RANGE)
    empty = pd.DataFrame(columns=["province_code", "score"])
    if goal.province not in scores.index:
        nothing = (None, None, None, None, empty, empty, None, empty)
        return Answer(year.year, None, None, len(scores), None, scale, *nothing)
    own = float(scores[goal.province])
    others = scores.drop(goal.province)
    target: float | None
    if goal.kind == "rank":  # the k-th best of the others (equalling it ties, which is enough)
        ordered = np.sort(others.to_numpy())[::-1]
        target = float(ordered[goal.k - 1]) if len(ordered) >= goal.k else scale[0]
    elif goal.kind == "group":
        target = group_entry(scores, goal.province, goal.group, scale)
    else:
        target = goal.value
    needed = None if target is None else target - own
    target_group = None if target is None else group_with(scores, goal.province, target)
    passed = others[(others > own) & (others <= (own if target is None else target))]
    passes = pd.DataFrame({"province_code": passed.index, "score": passed.to_numpy()})
    # a province whose score the target only equals is tied with, not passed (ties share a rank)
    passes["tied"] = passes["score"] == target if target is not None else False
    passes = passes.sort_values("score", ascending=False, ignore_index=True)
    components = parts(year, goal.province, goal.metric, goal.group if goal.kind == "group" else target_group)
    headroom = np.maximum(components["headroom"].to_numpy(dtype=float), 0.0)
    rises = []
    if len(headroom):
        for rise in RISES:
            score = own + float(np.minimum(rise, headroom).sum())
            rises.append(
                {
                    "rise": rise,
                    "score": score,
                    "rank": rank_with(scores, goal.province, score),
                    "group": group_with(scores, goal.province, score),
                }
            )
    return Answer(
        year=year.year,
        score=own,
        rank=rank_with(scores, goal.province, own),
        n=len(scores),
        group=str(year.groups[goal.metric][goal.province]),
        scale=scale,
        target_score=target,
        needed=needed,
        target_rank=None if target is None else rank_with(scores, goal.province, target),
        target_group=target_group,
        passes=passes,
        parts=components,
        equal_rise=None if needed is None or not len(headroom) else rise_for(headroom, needed),
        rises=pd.DataFrame(rises, columns=["rise", "score", "rank", "group"]),
    )
