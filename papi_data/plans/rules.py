"""The plan rules in one table: which metrics each reads, whether it compares with a baseline year, which parameters it
takes. papi_data.plans.source checks plans.yaml against it and papi_data.plans.evaluate evaluates by it, so the two
never
disagree. The rules' meaning is told in plans.yaml's header.
"""

from __future__ import annotations

from typing import NamedTuple

LEVELS = ("total", "dimension", "subdimension")
READS = ("score", "rank", "group")
METRICS = tuple(f"{level}_{what}" for level in LEVELS for what in READS)
SCORES = frozenset(m for m in METRICS if m.endswith("_score"))
RANKS = frozenset(m for m in METRICS if m.endswith("_rank"))
GROUP_METRICS = frozenset(m for m in METRICS if m.endswith("_group"))

# A rule's parameters beside metric, dimension and years; a target writes those its rule takes and no other.
PARAMETERS = ("k", "value", "group", "among", "count", "rise")


class Rule(NamedTuple):
    metrics: frozenset[str]
    baseline: bool | None  # compares with baseline_year (True), takes none (False), or only when `rise` is true (None)
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    selects: bool = False  # picks the dimensions itself: `dimension` must be null


RULES: dict[str, Rule] = {
    "better_than_baseline": Rule(frozenset(METRICS), True),
    "not_worse_than_baseline": Rule(frozenset(METRICS), True),
    "rise_at_least": Rule(RANKS, True, ("k",)),
    "rank_at_most": Rule(RANKS, False, ("k",)),
    "rank_within_at_most": Rule(RANKS, False, ("k", "among")),
    "score_at_least": Rule(SCORES, False, ("value",)),
    "group_at_least": Rule(GROUP_METRICS, False, ("group",)),
    "weak_dimensions_improve": Rule(frozenset({"dimension_score"}), True, selects=True),
    "strong_dimensions_hold": Rule(frozenset({"dimension_score"}), True, selects=True),
    "dimensions_meeting": Rule(
        frozenset({"dimension_score", "subdimension_score"}), None, ("count",), ("rise", "group")
    ),
}
# Rules that count dimensions (or sub-dimensions) meeting a condition rather than reading one metric.
COUNTING_RULES = ("weak_dimensions_improve", "strong_dimensions_hold", "dimensions_meeting")
# Rules read another way on request (`other_metric`, `other_baselines`): those that compare one metric with a baseline.
REREADABLE_RULES = ("better_than_baseline", "not_worse_than_baseline", "rise_at_least")


def metric_parts(metric: str) -> tuple[str, str]:
    """("total" | "dimension" | "subdimension", "score" | "rank" | "group") of a metric such as "subdimension_rank"."""
    level, what = metric.split("_", 1)
    return level, what


def needs_baseline(rule: str, rise: bool | None) -> bool:
    """Whether a target of `rule` compares with a baseline year."""
    wanted = RULES[rule].baseline
    return bool(rise) if wanted is None else wanted
