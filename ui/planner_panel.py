"""The target planner's answer on the page: the headline, where the province stands and would stand, the chart, the
parts furthest behind, the same rise everywhere, the provinces passed, and the plans.yaml entry to paste."""

from __future__ import annotations

import streamlit as st

from papi_data.planner import Answer, Goal, YearScores
from ui import shell
from ui.charts.planner_charts import ladder_figure
from ui.i18n import t
from ui.numbers import fmt_number
from ui.plan_status import PlanRef
from ui.planner_words import equal_rise_text, headline, parts_table, passes_text, plan_entry, rises_table


def _standing(score: float, rank: int | None, n: int, group: str | None, lang: str) -> tuple[str, str]:
    rank_text = t("rank_of", lang, rank=rank, n=n) if rank is not None else ""
    return fmt_number(score, lang), " · ".join(x for x in (rank_text, t("group_" + group, lang) if group else "") if x)


def show_answer(goal: Goal, answer: Answer, scores: YearScores, ref: PlanRef, lang: str) -> None:
    st.markdown("#### " + headline(goal, answer, ref, lang))
    if answer.score is None:
        return
    now, then = st.columns(2)
    value, detail = _standing(answer.score, answer.rank, answer.n, answer.group, lang)
    now.metric(t("planner_now", lang, year=answer.year), value)
    now.caption(detail)
    if answer.target_score is not None:
        value, detail = _standing(answer.target_score, answer.target_rank, answer.n, answer.target_group, lang)
        then.metric(t("planner_at_target", lang), value)
        then.caption(detail)
    names = ref.provinces.set_index("code")[f"name_{lang}"]
    metric = ref.name(goal.metric, lang, short=False)
    frame = shell.frame(
        t("planner_chart_title", lang, metric=metric, year=answer.year),
        t("planner_chart_subtitle", lang, province=names[goal.province], year=answer.year),
        lang,
        answer.year,
    )
    figure = ladder_figure(
        scores.scores[goal.metric],
        scores.groups[goal.metric],
        names,
        province=goal.province,
        target=answer.target_score,
        passes=set(answer.passes["province_code"]),
        lang=lang,
        frame=frame,
    )
    shell.chart(figure, key="planner_chart", filename="papi-dat-muc-tieu")
    if not answer.parts.empty:
        group = goal.group if goal.kind == "group" else answer.target_group
        level = "total" if goal.metric == "total" else "dimension"
        st.subheader(t(f"planner_parts_heading_{level}", lang), anchor=False)
        group_name = t("group_" + group, lang) if group else ""
        st.caption(t("planner_parts_caption", lang, group=group_name, year=answer.year))
        st.dataframe(parts_table(answer, group, ref, lang), hide_index=True, key="planner_parts")
        st.subheader(t("planner_equal_heading", lang), anchor=False)
        st.markdown(equal_rise_text(answer, lang))
        st.dataframe(rises_table(answer, lang), hide_index=True, key="planner_rises")
    st.subheader(t("planner_passes_heading", lang), anchor=False)
    st.markdown(passes_text(answer, ref, lang))


def show_entry(goal: Goal, year: int, ref: PlanRef, lang: str) -> None:
    """ "Add as a plan": the plans.yaml entry to paste; nothing is written from the browser."""
    with st.expander(t("planner_add", lang), icon=":material/playlist_add:"):
        st.markdown(t("planner_add_help", lang))
        st.code(plan_entry(goal, year, ref), language="yaml")
