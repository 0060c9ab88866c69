"""The plans page's content, once per store build and language, from the build's verdicts (plan_evaluation): the
plans in order, its view, every plan's card and targets in words, the overview for the filters, and a plan's charts
for a view, each built once per canvas."""

from __future__ import annotations

import html

import pandas as pd

from papi_data.plans.evaluate import MAIN
from papi_data.store.load import PapiStore
from ui.charts.common import Chart
from ui.charts.frame import Canvas, Frame, source_line
from ui.charts.plan_charts import target_figures
from ui.core.data import citation_of, per_build, plan_ref_of
from ui.core.plan_status import document_label
from ui.core.url_state import ViewSpec
from ui.plans import content as plan_content
from ui.plans.content import PlanContent, PlansIndex, overview_for, overview_markdown
from ui.plans.view import PlansView, plans_shown, plans_spec

Figures = dict[str, list[tuple[str, Chart, dict]]]  # target id → (widget key, chart, its figure on the canvas)


@per_build
def plans_index(store: PapiStore, lang: str) -> PlansIndex:
    """The plans in order, with what the filters and the plan chooser read."""
    return plan_content.plans_index(store, store.table("plan_evaluation"), lang)


@per_build
def plans_view_spec(store: PapiStore, lang: str) -> ViewSpec[PlansView]:
    return plans_spec(plans_index(lang), store.provinces, store.regions, lang)


@per_build
def plan_contents(store: PapiStore, lang: str) -> dict[str, PlanContent]:
    """Every plan's card and targets in words (ui.plans.content), by plan id."""
    evaluation = store.table("plan_evaluation")
    return plan_content.plan_contents(store, plan_ref_of(lang), evaluation, store.table("ranked_scores"), lang)


@per_build
def _overview(store: PapiStore, lang: str, province: str, region: str, status: str) -> tuple[str, pd.Series]:
    index = plans_index(lang)
    shown = plans_shown(index, PlansView(province, region, status, index.recent[-1]))
    evaluation = store.table("plan_evaluation")
    rows = overview_for(index, evaluation, shown, status, plan_ref_of(lang), lang, max(store.years))
    return overview_markdown(rows), rows["status_of"]


def plans_overview(lang: str, view: PlansView) -> tuple[str, pd.Series]:
    """The overview table for the view's filters (Markdown) and the status of each of its rows."""
    return _overview(lang, view.province, view.region, view.status)


@per_build
def _charts(store: PapiStore, lang: str, plan_id: str, link: str) -> dict[str, list[tuple[str, Chart]]]:
    evaluation, checks = store.table("plan_evaluation"), store.table("plan_checks")
    plan = store.plans[store.plans["id"] == plan_id].iloc[0]
    names = store.provinces.set_index("code")[f"name_{lang}"]
    doc = html.escape(document_label(plan, lang))  # plotly reads a few HTML tags in its text; a number as typed
    out = {}
    for _, target in store.targets[store.targets["plan_id"] == plan_id].iterrows():
        rows = evaluation[(evaluation["target_id"] == target["id"]) & (evaluation["reading"] == MAIN)]
        out[str(target["id"])] = target_figures(
            target,
            rows,
            checks,
            store.table("plan_table"),
            store.table("target_ranks"),
            store.table("target_bands"),
            store.table("national"),
            plan_ref_of(lang),
            names,
            lang,
            max(store.years),
            doc,
            Frame("", link=link),
            lambda years: source_line(citation_of(lang, tuple(sorted(set(years)))), lang),
        )
    return out


@per_build
def plan_figures(store: PapiStore, lang: str, plan_id: str, link: str, canvas: Canvas) -> Figures:
    """Each target's charts of a plan with the page's link in their frame, each with its figure built for `canvas`
    (the screen's or present mode's): a rerun of the same view draws them without building them again."""
    return {
        target: [(key, chart, chart.figure(canvas)) for key, chart in charts]
        for target, charts in _charts(lang, plan_id, link).items()
    }
