"""The target planner (papi_data/plans/planner.py) on synthetic scores and on the real store, and the plans.yaml entry
it
offers (ui/planner/words.py), which must build and evaluate as pending.

Series and tables made here are synthetic test data, not PAPI figures.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from papi_data.plans.evaluate import evaluate
from papi_data.plans.planner import (
    Goal,
    YearScores,
    answer,
    default_value,
    group_entry,
    group_with,
    rise_for,
    year_scores,
)
from papi_data.plans.source import PLANS_FILE, read_plans
from papi_data.ranking import group_within
from papi_data.store.load import PapiStore
from papi_data.store.problems import SourceProblem
from ui.core.plan_status import PlanRef
from ui.planner.words import headline, passes_text, plan_entry


@pytest.fixture(scope="module")
def latest(plan_rows: pd.DataFrame) -> YearScores:
    return year_scores(plan_rows, 2024)


def test_group_entry_is_the_lowest_score_that_lands_in_the_group() -> None:
    scores = pd.Series({c: float(i + 1) for i, c in enumerate("ABCDEFGH")})  # synthetic: 1 … 8
    entry = group_entry(scores, "A", "best", (0.0, 10.0))
    assert entry is not None
    assert group_with(scores, "A", entry) == "best"
    assert group_with(scores, "A", entry - 1e-4) != "best"
    # the same as recomputing PAPI's groups with A's score moved: the cuts include A's own score
    moved = scores.copy()
    moved["A"] = entry + 1e-9
    assert group_within(moved)["A"] == "best"
    assert group_entry(scores, "A", "poor", (0.0, 10.0)) == 0.0  # the lowest group takes any score


@pytest.mark.parametrize(
    ("headroom", "needed", "rise"),
    [
        ([1.0, 1.0, 1.0, 1.0], 0.8, 0.2),
        ([0.1, 1.0, 1.0, 1.0], 1.0, 0.3),  # the first part is full at 0.1; the other three share 0.9
        ([0.1, 0.1], 1.0, None),  # not that much room
        ([1.0, 1.0], -0.5, 0.0),  # met already
    ],
)
def test_rise_for_stops_each_part_at_the_top_of_its_scale(headroom: list, needed: float, rise: float | None) -> None:
    got = rise_for(np.array(headroom), needed)
    assert got == pytest.approx(rise) if rise is not None else got is None


def test_hanoi_rank_10_on_the_2024_scores(latest: YearScores, plan_rows: pd.DataFrame) -> None:
    result = answer(latest, Goal("01", "total", "rank", 10, "best", 0.0))
    totals = latest.scores["total"]
    others = totals.drop("01").sort_values(ascending=False)
    assert (result.score, result.rank, result.n, result.group) == (totals["01"], 29, 61, "high_average")
    assert result.target_score == others.iloc[9]  # the 10th best of the others: equalling it ties for 10th
    assert result.needed == pytest.approx(others.iloc[9] - totals["01"])
    assert (result.target_rank, result.target_group) == (10, "best")
    assert len(result.passes) == 19 and result.passes["score"].iloc[0] == others.iloc[9]
    # the 10th best itself is only tied with, not passed: 18 passed, 1 tied
    assert result.passes["tied"].tolist() == [True] + [False] * 18
    # the parts are the eight dimensions, furthest from the best first (D7 Environment: −1.54)
    assert len(result.parts) == 8 and result.parts["metric"].iloc[0] == "d7_environmental_governance"
    assert result.parts["gap_to_best"].iloc[0] == pytest.approx(-1.5396, abs=1e-4)
    # one common rise meets it: every dimension has room, so it is the points needed over eight
    assert result.equal_rise == pytest.approx(result.needed / 8)
    assert result.rises["rise"].tolist() == [0.1, 0.25, 0.5, 1.0]
    assert result.rises["score"].iloc[0] == pytest.approx(totals["01"] + 0.8)


def test_group_goal_matches_the_plans_group_floor(latest: YearScores) -> None:
    """Bắc Ninh 2024: the best group's lowest score is 44.73791 (tests/unit/test_plans.py); reaching it from Hà Nội's
    43.77 with the cuts recomputed lands on the same score."""
    result = answer(latest, Goal("01", "total", "group", 10, "best", 0.0))
    assert result.target_score == pytest.approx(44.73791, abs=1e-5)
    assert result.target_group == "best"
    assert result.parts["floor"].notna().all()  # each dimension's best-group floor, to compare with


def test_score_goal_already_met_and_a_sub_dimension(latest: YearScores, real_store: PapiStore, ref: PlanRef) -> None:
    met = answer(latest, Goal("72", "total", "score", 10, "best", 45.0))  # Tây Ninh 2024: 47.35
    assert met.needed is not None and met.needed < 0 and met.passes.empty
    assert met.equal_rise == 0.0
    sub = answer(latest, Goal("10", "d5.land_titles", "rank", 5, "best", 0.0))
    assert sub.scale == (0.33, 3.33) and sub.parts.empty and sub.equal_rise is None and sub.rises.empty
    assert "Lào Cai" in headline(Goal("10", "d5.land_titles", "rank", 5, "best", 0.0), sub, ref, "vi")


def test_a_province_without_data(latest: YearScores, real_store: PapiStore, ref: PlanRef) -> None:
    code = next(c for c in real_store.provinces["code"] if c not in latest.scores["total"].index)  # no 2024 total
    result = answer(latest, Goal(code, "total", "rank", 10, "best", 0.0))
    assert result.score is None and result.target_score is None and result.passes.empty
    goal = Goal(code, "total", "rank", 10, "best", 0.0)
    assert "PAPI không công bố" in headline(goal, result, ref, "vi")


def test_default_score_goal(latest: YearScores) -> None:
    assert default_value(latest, "01", "total") == pytest.approx(47.4)  # 43.77 + 3.6 (a twentieth of 8–80), up
    assert default_value(latest, "72", "d4_control_of_corruption") == pytest.approx(8.7)  # 8.20 + 0.45, up
    for code in latest.scores["total"].index:  # always a score the widget can hold
        for metric, (low, high) in latest.scales.items():
            assert low <= default_value(latest, code, metric) <= high


def test_a_province_the_target_only_equals_is_tied_not_passed(latest: YearScores, ref: PlanRef) -> None:
    result = answer(latest, Goal("01", "total", "rank", 10, "best", 0.0))
    words = passes_text(result, ref, "en")
    assert words.startswith("18 provinces scored between the current score and the target in 2024:")
    tied = ref.provinces.set_index("code").at[result.passes["province_code"].iloc[0], "name_en"]
    assert f"At the target itself it would tie with (not pass) 1 province: {tied} (" in words
    assert "ngang điểm (không vượt) 1 tỉnh" in passes_text(result, ref, "vi")


def test_passes_in_words(latest: YearScores, real_store: PapiStore, ref: PlanRef) -> None:
    result = answer(latest, Goal("72", "total", "score", 10, "best", 48.0))  # Tây Ninh 47.35 → 48: Quảng Ninh 47.82
    assert result.passes["province_code"].tolist() == ["22"]
    assert passes_text(result, ref, "en") == (
        "1 province scored between the current score and the target in 2024: Quang Ninh (47.82)."
    )


@pytest.mark.parametrize(
    "goal",
    [
        Goal("01", "total", "rank", 10, "best", 0.0),
        Goal("79", "d4_control_of_corruption", "group", 10, "high_average", 0.0),
        Goal("27", "d5.land_titles", "score", 10, "best", 2.5),
    ],
)
def test_the_plan_entry_builds_and_evaluates_as_pending(
    goal: Goal, sources_copy: Path, real_store: PapiStore, plan_rows: pd.DataFrame, ref: PlanRef
) -> None:
    """ "Add as a plan": pasted at the end of plans.yaml with the document's address filled in, it is read as a
    summarised plan and its target evaluates as pending (the report is not out)."""
    entry = plan_entry(goal, 2025, ref)
    assert "source_url: null" in entry  # the one field an official must fill in
    with (sources_copy / PLANS_FILE).open("a", encoding="utf-8") as handle:
        handle.write("\n" + entry.replace("source_url: null", 'source_url: "https://example.org/van-ban"'))
    problems: list[SourceProblem] = []
    s = real_store
    plans, targets = read_plans(
        sources_copy, s.provinces, s.dimensions, s.subdimensions, s.subdimension_periods, s.years, problems
    )
    assert problems == []
    mine = targets[targets["plan_id"] == plans["id"].iloc[-1]]
    assert len(mine) == 1 and list(mine["target_years"].iloc[0]) == [2025]
    result = evaluate(mine, plan_rows, 2024, s.provinces)
    assert result["status"].tolist() == ["pending"]
