"""The planner's inputs and answers, once per store build: a year's scores by metric (from the build's plan table),
the metrics a goal can be on, and a goal's answer in words and as a chart."""

from __future__ import annotations

from functools import partial

from papi_data.plans import planner
from papi_data.plans.planner import Goal, YearScores
from papi_data.store.load import PapiStore
from papi_data.subdimensions import is_subdimension, metrics_in_year
from ui.charts.common import Chart
from ui.charts.frame import Frame, source_line
from ui.charts.planner_charts import ladder_figure
from ui.charts.sentences import planner_sentence
from ui.core.data import citation_of, per_build, plan_ref_of
from ui.core.i18n import t
from ui.planner import words as planner_words
from ui.planner.words import PlannerContent


@per_build
def year_scores(store: PapiStore, lang: str, year: int) -> YearScores:
    """A year's scores by metric (totals, dimensions, sub-dimensions), as the planner reads them."""
    return planner.year_scores(store.table("plan_table"), year)


@per_build
def planner_metrics(store: PapiStore, lang: str) -> dict[str, str]:
    """The metrics a planner's goal can be on (the latest year's), with their names, in picker order."""
    ref = plan_ref_of(lang)
    year = max(store.years)
    metrics = metrics_in_year(store.dimensions, store.subdimensions, store.subdimension_periods, year)["metric"]
    return {
        m: (f"· {ref.name(m, lang, short=False)}" if is_subdimension(m) else ref.name(m, lang, short=False))
        for m in metrics
    }


@per_build
def _answer(store: PapiStore, lang: str, year: int, goal: Goal) -> planner.Answer:
    """Computed here, not by the build: a goal's score is any value the reader types, so the goals are not a set the
    build could list. The build makes its inputs (plan_table); the arithmetic is papi_data's, cached per goal."""
    return planner.answer(year_scores(lang, year), goal)


@per_build
def planner_content(store: PapiStore, lang: str, year: int, goal: Goal) -> PlannerContent:
    """The target planner's answer for a goal on a year's scores, in words (papi_data.plans.planner,
    ui.planner.words)."""
    return planner_words.planner_content(goal, _answer(lang, year, goal), plan_ref_of(lang), lang, year + 1)


@per_build
def planner_figure(store: PapiStore, lang: str, year: int, goal: Goal, link: str) -> Chart | None:
    """The planner's chart with the page's link in its frame (None where the province has no score)."""
    answer = _answer(lang, year, goal)
    if answer.score is None:
        return None
    scores = year_scores(lang, year)
    names = store.provinces.set_index("code")[f"name_{lang}"]
    frame = Frame(
        t("planner_chart_title", lang, metric=plan_ref_of(lang).name(goal.metric, lang, short=False), year=year),
        t("planner_chart_subtitle", lang, province=names[goal.province], year=year),
        source_line(citation_of(lang, (year,)), lang),
        link,
    )
    return Chart(
        partial(
            ladder_figure,
            scores.scores[goal.metric],
            scores.groups[goal.metric],
            names,
            province=goal.province,
            target=answer.target_score,
            passes=set(answer.passes["province_code"]),
            lang=lang,
        ),
        frame,
        planner_sentence(names[goal.province], answer, lang),
    )
