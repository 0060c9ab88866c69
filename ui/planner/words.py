"""The target planner in words: the goal, the answer's headline, the parts table, and the plans.yaml entry that "add as
a plan" offers (text to paste: the browser never writes to the store); all of it as one PlannerContent, made once per
goal and language."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd

from papi_data.cells import float_or_none
from papi_data.plans.planner import Answer, Goal
from papi_data.plans.rules import metric_parts
from papi_data.store.schema import TOTAL
from papi_data.subdimensions import is_subdimension
from papi_data.text import fold
from ui.core.i18n import t, tn
from ui.core.numbers import fmt_change, fmt_number
from ui.core.plan_status import PlanRef, group_floor_text, target_text

RULE_OF_GOAL = {
    "rank": ("rank", "rank_at_most"),
    "group": ("group", "group_at_least"),
    "score": ("score", "score_at_least"),
}


def goal_text(goal: Goal, lang: str) -> str:
    """ "xếp thứ 10 trở lên" / "rank 10 or better", "thuộc Nhóm cao nhất", "đạt từ 45,00 điểm trở lên"."""
    if goal.kind == "rank":
        return t("planner_goal_text_rank", lang, k=goal.k)
    if goal.kind == "group":
        return t("planner_goal_text_group", lang, group=group_floor_text(goal.group, lang))
    return t("planner_goal_text_score", lang, x=fmt_number(goal.value, lang))


def headline(goal: Goal, answer: Answer, ref: PlanRef, lang: str) -> str:
    """What it takes, in one sentence (Markdown)."""
    names = ref.provinces.set_index("code")[f"name_{lang}"]
    values = {
        "province": names[goal.province],
        "metric": t("plan_total_phrase", lang) if goal.metric == TOTAL else ref.name(goal.metric, lang),
        "year": answer.year,
        "goal": goal_text(goal, lang),
    }
    if answer.score is None:
        return t("planner_no_data", lang, **values)
    if answer.target_score is None or answer.needed is None:
        scale = "–".join(fmt_number(v, lang) for v in answer.scale)
        return t("planner_unreachable", lang, scale=scale, **values)
    figures = {
        "own": fmt_number(answer.score, lang),
        "target": fmt_number(answer.target_score, lang),
        "x": fmt_number(abs(answer.needed), lang),
    }
    return t("planner_met" if answer.needed <= 0 else "planner_needed", lang, **values, **figures)


def parts_table(answer: Answer, group: str | None, ref: PlanRef, lang: str) -> pd.DataFrame:
    """The parts furthest behind, as the page shows them (every number formatted in the reader's convention)."""
    names = ref.provinces.set_index("code")[f"name_{lang}"]
    floor = t("planner_col_floor", lang, group=t("group_" + group, lang) if group else "")
    rows = []
    for part in answer.parts.to_dict("records"):
        best = ", ".join(str(names[c]) for c in part["best_codes"])
        rows.append(
            {
                t("planner_col_part", lang): ref.name(str(part["metric"]), lang),
                t("planner_col_score", lang): fmt_number(float_or_none(part["score"]), lang),
                t("planner_col_best", lang): f"{fmt_number(float_or_none(part['best']), lang)} ({best})",
                t("planner_col_gap_best", lang): fmt_change(float_or_none(part["gap_to_best"]), lang),
                floor: fmt_number(float_or_none(part["floor"]), lang),
                t("planner_col_gap_floor", lang): fmt_change(float_or_none(part["gap_to_floor"]), lang),
            }
        )
    return pd.DataFrame(rows)


def rises_table(answer: Answer, lang: str) -> pd.DataFrame:
    """The same rise in every part, a few sizes: the new score, rank and group."""
    return pd.DataFrame(
        {
            t("planner_col_rise", lang): [fmt_change(r, lang) for r in answer.rises["rise"]],
            t("planner_col_new_score", lang): [fmt_number(s, lang) for s in answer.rises["score"]],
            t("planner_col_rank", lang): [f"{r}/{answer.n}" for r in answer.rises["rank"]],
            t("col_group", lang): [t("group_" + g, lang) for g in answer.rises["group"]],
        }
    )


def equal_rise_text(answer: Answer, lang: str) -> str:
    if answer.equal_rise is None:
        return t("planner_equal_none", lang)
    if answer.equal_rise <= 0:
        return t("planner_equal_met", lang)
    return t("planner_equal_needed", lang, r=fmt_number(answer.equal_rise, lang), n=len(answer.parts))


def passes_text(answer: Answer, ref: PlanRef, lang: str) -> str:
    names = ref.provinces.set_index("code")[f"name_{lang}"]
    if answer.passes.empty:
        return t("planner_passes_none", lang)

    def listed(rows: pd.DataFrame) -> str:
        return ", ".join(
            f"{names[c]} ({fmt_number(s, lang)})" for c, s in zip(rows["province_code"], rows["score"], strict=True)
        )

    passed, tied = answer.passes[~answer.passes["tied"]], answer.passes[answer.passes["tied"]]
    words = [tn("planner_passes", lang, len(passed), n=len(passed), year=answer.year, names=listed(passed))]
    if passed.empty:
        words = [t("planner_passes_none", lang)]
    if not tied.empty:  # reaching the target only equals their score: a tie, not a pass
        words.append(tn("planner_ties", lang, len(tied), n=len(tied), names=listed(tied)))
    return " ".join(words)


def plan_entry(goal: Goal, year: int, ref: PlanRef) -> str:
    """The plans.yaml entry for the goal in `year` (a summarised plan: its summary is the goal in words, in both
    languages; `source_url` must be filled in before `make store` takes it)."""
    province = ref.provinces.set_index("code").loc[goal.province]
    level = "total" if goal.metric == TOTAL else "subdimension" if is_subdimension(goal.metric) else "dimension"
    what, rule = RULE_OF_GOAL[goal.kind]
    slug = "-".join(fold(str(province["name_vi"])).replace(".", " ").split())
    target = pd.Series(
        {
            "id": f"{slug}-{year}-{goal.kind}",
            "metric": f"{level}_{what}",
            "dimension": None if level == "total" else goal.metric,
            "rule": rule,
            "k": goal.k if goal.kind == "rank" else None,
            "group": goal.group if goal.kind == "group" else None,
            "value": goal.value if goal.kind == "score" else None,
            "baseline_year": None,
            "target_years": [year],
        }
    )
    assert metric_parts(str(target["metric"]))[1] == what

    def text(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted string

    parameter = {"rank": f"k: {goal.k}", "group": f"group: {goal.group}", "score": f"value: {goal.value:g}"}[goal.kind]
    lines = [
        f"  - id: {slug}-{year}-muc-tieu",
        f"    province_code: {text(goal.province)}",
        "    document_number: null",
        "    kind: ke_hoach",
        f"    issuer: {text('UBND ' + str(province['name_vi']))}",
        "    issued_on: null",
        f"    period: [{year}, {year}]",
        f"    title_vi: {text(t('planner_yaml_title', 'vi', year=year, province=province['name_vi']))}",
        f"    title_en: {text(t('planner_yaml_title', 'en', year=year, province=province['name_en']))}",
        f"    source_url: null  # {t('planner_yaml_source', 'vi')} / {t('planner_yaml_source', 'en')}",
        "    seed_file: null",
        f"    summary_vi: {text(target_text(target, ref, 'vi'))}",
        f"    summary_en: {text(target_text(target, ref, 'en'))}",
        "    targets:",
        f"      - id: {target['id']}",
        f"        metric: {target['metric']}",
        f"        dimension: {'null' if target['dimension'] is None else target['dimension']}",
        f"        rule: {rule}",
        f"        {parameter}",
        "        baseline_year: null",
        f"        target_years: [{year}]",
        "        quote_vi: null",
        "        interpretation_vi: null",
        "        interpretation_en: null",
    ]
    return "\n".join(lines) + "\n"


def standing_text(score: float, rank: int | None, n: int, group: str | None, lang: str) -> tuple[str, str]:
    """ "43,77" and "Hạng 29/61 · Nhóm trung bình cao"."""
    rank_text = t("rank_of", lang, rank=rank, n=n) if rank is not None else ""
    group_text = t("group_" + group, lang) if group else ""
    return fmt_number(score, lang), " · ".join(x for x in (rank_text, group_text) if x)


@dataclass(frozen=True)
class PlannerContent:
    headline: str
    now: tuple[str, str] | None  # the score, and its rank and group
    then: tuple[str, str] | None  # ... at the target score
    parts_heading: str | None  # None: the metric has no parts (a sub-dimension)
    parts_caption: str
    parts: pd.DataFrame
    equal_rise: str
    rises: pd.DataFrame
    passes: str
    entry: str  # the plans.yaml entry


def planner_content(goal: Goal, answer: Answer, ref: PlanRef, lang: str, next_year: int) -> PlannerContent:
    group = goal.group if goal.kind == "group" else answer.target_group
    has_parts = answer.score is not None and not answer.parts.empty
    level = "total" if goal.metric == TOTAL else "dimension"
    now = then = None
    if answer.score is not None:
        now = standing_text(answer.score, answer.rank, answer.n, answer.group, lang)
    if answer.target_score is not None:
        then = standing_text(answer.target_score, answer.target_rank, answer.n, answer.target_group, lang)
    return PlannerContent(
        headline=headline(goal, answer, ref, lang),
        now=now,
        then=then,
        parts_heading=t(f"planner_parts_heading_{level}", lang) if has_parts else None,
        parts_caption=t(
            "planner_parts_caption", lang, group=t("group_" + group, lang) if group else "", year=answer.year
        ),
        parts=parts_table(answer, group, ref, lang) if has_parts else pd.DataFrame(),
        equal_rise=equal_rise_text(answer, lang),
        rises=rises_table(answer, lang) if has_parts else pd.DataFrame(),
        passes=passes_text(answer, ref, lang),
        entry=plan_entry(goal, next_year, ref),
    )
