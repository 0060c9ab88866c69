"""The store as the pages see it: loaded once per build and shared by every session.

The caching rule: `st.cache_resource` for everything derived from the store, which is read-only — one object shared by
all sessions, no copy per call (pandas frames handed out here must never be modified in place; derive a new frame).
`st.cache_data` only where a caller needs its own copy; nothing here does today. Every cache is keyed by the store's
version (its folder and build id), so a rebuild or another folder (tests) is a new entry.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import streamlit as st

from papi_data import plan_measures, planner
from papi_data.citation import citation
from papi_data.explore import provinces_matching, with_base_change
from papi_data.paths import store_dir
from papi_data.planner import Answer, Goal, YearScores
from papi_data.plans import MAIN, dimension_checks, evaluate, other_readings
from papi_data.ranking import group_bands as rank_bands
from papi_data.ranking import with_ranks
from papi_data.stats import national, with_change
from papi_data.store import PapiStore, StoreUnavailable, load_store, store_version
from papi_data.subdimensions import is_subdimension, metrics_in_year
from ui import plan_content, planner_words, state
from ui.charts.frame import Frame, source_line
from ui.charts.plan_charts import target_figures
from ui.charts.planner_charts import ladder_figure
from ui.downloads import view_table
from ui.i18n import t
from ui.labels import Labels, build_labels
from ui.plan_content import PlanContent, PlansIndex, overview_for, overview_markdown
from ui.plan_status import document_label, plan_ref
from ui.planner_words import PlannerContent
from ui.url_state import ViewSpec
from ui.views import PlansView, plans_shown, plans_spec

T = TypeVar("T")


@st.cache_resource(show_spinner=False, max_entries=4)
def _store(version: str) -> PapiStore:
    return load_store()


def _version() -> str:
    return f"{store_dir()}@{store_version()}"


@st.cache_resource(show_spinner=False, max_entries=4)
def _scores_table(version: str) -> pd.DataFrame:
    """Every score with its rank, N, group and change, joined to the province names: the pages' main table."""
    store = _store(version)
    table = with_change(with_ranks(store.scores))
    names = store.provinces[["code", "name_vi", "name_en", "region_id", "code_2025", "name_2025_vi", "name_2025_en"]]
    return table.merge(names.rename(columns={"code": "province_code"}), on="province_code", how="left")


@st.cache_resource(show_spinner=False, max_entries=4)
def _national(version: str) -> pd.DataFrame:
    return national(_store(version).scores)


@st.cache_resource(show_spinner=False, max_entries=4)
def _group_bands(version: str) -> pd.DataFrame:
    return rank_bands(_scores_table(version))


@st.cache_resource(show_spinner=False, max_entries=4)
def _plan_table(version: str) -> pd.DataFrame:
    store = _store(version)
    return plan_measures.plan_table(store.scores, store.subdimension_scores, store.subdimension_periods)


@st.cache_resource(show_spinner=False, max_entries=4)
def _plan_national(version: str) -> pd.DataFrame:
    return national(_plan_table(version))


@st.cache_resource(show_spinner=False, max_entries=4)
def _plan_evaluation(version: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    store = _store(version)
    table, nat = _plan_table(version), _plan_national(version)
    latest = int(store.scores["year"].max())
    main = evaluate(store.targets, table, latest, store.provinces, nat)
    others = evaluate(other_readings(store.targets), table, latest, store.provinces, nat)
    return pd.concat([main, others], ignore_index=True), dimension_checks(store.targets, table, latest, nat)


@st.cache_resource(show_spinner=False, max_entries=64)
def _plan_figures(version: str, lang: str, plan_id: str, link: str) -> dict[str, list[tuple[str, dict]]]:
    """Each target's figures of a plan (target id → (widget key, figure)), as ui.charts.plan_charts draws them with
    the page's link in their frame: a pure function of its arguments, so a rerun of the same view reuses them."""
    store = _store(version)
    evaluation, checks = _plan_evaluation(version)
    ref = plan_ref(store)
    plan = store.plans[store.plans["id"] == plan_id].iloc[0]
    names = store.provinces.set_index("code")[f"name_{lang}"]
    latest = int(store.scores["year"].max())
    frame = Frame("", link=link)
    doc = html.escape(
        document_label(plan, lang)
    )  # plotly reads a few HTML tags in its text; a number is shown as typed
    out = {}
    for _, target in store.targets[store.targets["plan_id"] == plan_id].iterrows():
        rows = evaluation[(evaluation["target_id"] == target["id"]) & (evaluation["reading"] == MAIN)]
        out[str(target["id"])] = target_figures(
            target,
            rows,
            checks,
            _plan_table(version),
            _group_bands(version),
            _plan_national(version),
            ref,
            names,
            lang,
            latest,
            doc,
            frame,
            lambda years: source_line(citation(store.report_partners, store.partners, years, lang), lang),
        )
    return out


@st.cache_resource(show_spinner=False, max_entries=8)
def _plans_index(version: str, lang: str) -> PlansIndex:
    return plan_content.plans_index(_store(version), _plan_evaluation(version)[0], lang)


@st.cache_resource(show_spinner=False, max_entries=8)
def _plans_spec(version: str, lang: str) -> ViewSpec[PlansView]:
    store = _store(version)
    return plans_spec(_plans_index(version, lang), store.provinces, store.regions, lang)


@st.cache_resource(show_spinner=False, max_entries=8)
def _plan_contents(version: str, lang: str) -> dict[str, PlanContent]:
    return plan_content.plan_contents(_store(version), _plan_evaluation(version)[0], _scores_table(version), lang)


@st.cache_resource(show_spinner=False, max_entries=64)
def _plans_overview(version: str, lang: str, province: str, region: str, status: str) -> tuple[str, pd.Series]:
    """The overview table for the filters, as Markdown, and the status of each of its rows."""
    store = _store(version)
    index = _plans_index(version, lang)
    shown = plans_shown(index, PlansView(province, region, status, index.recent[-1]))
    latest = int(store.scores["year"].max())
    rows = overview_for(index, _plan_evaluation(version)[0], shown, status, plan_ref(store), lang, latest)
    return overview_markdown(rows), rows["status_of"]


@st.cache_resource(show_spinner=False, max_entries=4)
def _year_scores(version: str, year: int) -> YearScores:
    return planner.year_scores(_plan_table(version), year)


@st.cache_resource(show_spinner=False, max_entries=8)
def _planner_metrics(version: str, lang: str) -> dict[str, str]:
    """The planner's metrics of the latest year, in picker order, with their names (a sub-dimension indented)."""
    store = _store(version)
    ref = plan_ref(store)
    year = int(store.scores["year"].max())
    metrics = metrics_in_year(store.dimensions, store.subdimensions, store.subdimension_periods, year)["metric"]
    return {
        m: (f"· {ref.name(m, lang, short=False)}" if is_subdimension(m) else ref.name(m, lang, short=False))
        for m in metrics
    }


@st.cache_resource(show_spinner=False, max_entries=64)
def _planner_answer(version: str, year: int, goal: Goal) -> Answer:
    return planner.answer(_year_scores(version, year), goal)


@st.cache_resource(show_spinner=False, max_entries=64)
def _planner_content(version: str, lang: str, year: int, goal: Goal) -> PlannerContent:
    answer = _planner_answer(version, year, goal)
    return planner_words.planner_content(goal, answer, plan_ref(_store(version)), lang, year + 1)


@st.cache_resource(show_spinner=False, max_entries=64)
def _planner_figure(version: str, lang: str, year: int, goal: Goal, link: str) -> dict | None:
    """The planner's chart with the page's link in its frame (None where the province has no score)."""
    answer = _planner_answer(version, year, goal)
    if answer.score is None:
        return None
    store = _store(version)
    scores = _year_scores(version, year)
    names = store.provinces.set_index("code")[f"name_{lang}"]
    frame = Frame(
        t("planner_chart_title", lang, metric=plan_ref(store).name(goal.metric, lang, short=False), year=year),
        t("planner_chart_subtitle", lang, province=names[goal.province], year=year),
        source_line(citation(store.report_partners, store.partners, year, lang), lang),
        link,
    )
    return ladder_figure(
        scores.scores[goal.metric],
        scores.groups[goal.metric],
        names,
        province=goal.province,
        target=answer.target_score,
        passes=set(answer.passes["province_code"]),
        lang=lang,
        frame=frame,
    )


@st.cache_resource(show_spinner=False, max_entries=8)
def _labels(version: str, lang: str) -> Labels:
    return build_labels(_store(version), lang)


@st.cache_resource(show_spinner=False, max_entries=256)
def _matching(version: str, query: str) -> tuple[str, ...] | None:
    return provinces_matching(_store(version).provinces, query)


@st.cache_resource(show_spinner=False, max_entries=8)
def _explorer_rows(version: str, lang: str, base_year: int) -> pd.DataFrame:
    """Every row of the store as the explorer's table shows it: a filter change then only picks rows by label."""
    store = _store(version)
    return view_table(
        with_base_change(_scores_table(version), base_year), store.regions, store.dimensions, lang, base_year
    )


def _read(cached: Callable[..., T], lang: str, *args: object) -> T:
    """A cached reader's value, or a page that explains how to rebuild the store (and stops the run)."""
    try:
        return cached(_version(), *args)
    except StoreUnavailable as problem:
        show_store_problem(problem, lang)
        state.stop()


def store(lang: str) -> PapiStore:
    return _read(_store, lang)


def scores_table(lang: str) -> pd.DataFrame:
    return _read(_scores_table, lang)


def national_table(lang: str) -> pd.DataFrame:
    return _read(_national, lang)


def group_bands(lang: str) -> pd.DataFrame:
    """The rank span of each PAPI group in each year (the same for every province's rank chart)."""
    return _read(_group_bands, lang)


def plan_table(lang: str) -> pd.DataFrame:
    """Totals, dimensions and sub-dimensions with rank, N and group: what plan targets and the planner read."""
    return _read(_plan_table, lang)


def plan_national(lang: str) -> pd.DataFrame:
    """papi_data.stats.national of the plan table (sub-dimensions included)."""
    return _read(_plan_national, lang)


def plan_evaluation(lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every plan target evaluated for each target year (its other readings too, `reading` ≠ "main"), and the
    per-dimension checks of the counting rules: once per store build."""
    return _read(_plan_evaluation, lang)


def plan_figures(lang: str, plan_id: str, link: str) -> dict[str, list[tuple[str, dict]]]:
    """The charts of a plan's targets, by target id (see _plan_figures)."""
    return _read(_plan_figures, lang, lang, plan_id, link)


def plans_index(lang: str) -> PlansIndex:
    """The plans in order, with what the filters and the plan chooser read."""
    return _read(_plans_index, lang, lang)


def plans_view_spec(lang: str) -> ViewSpec[PlansView]:
    return _read(_plans_spec, lang, lang)


def plan_contents(lang: str) -> dict[str, PlanContent]:
    """Every plan's card and targets in words (ui.plan_content), by plan id."""
    return _read(_plan_contents, lang, lang)


def plans_overview(lang: str, view: PlansView) -> tuple[str, pd.Series]:
    """The plans page's overview table for its filters (Markdown) and the status of each row."""
    return _read(_plans_overview, lang, lang, view.province, view.region, view.status)


def year_scores(lang: str, year: int) -> YearScores:
    """A year's scores by metric (totals, dimensions, sub-dimensions), as the planner reads them."""
    return _read(_year_scores, lang, year)


def planner_metrics(lang: str) -> dict[str, str]:
    """The metrics a planner's goal can be on (the latest year's), with their names, in picker order."""
    return _read(_planner_metrics, lang, lang)


def planner_content(lang: str, year: int, goal: Goal) -> PlannerContent:
    """The target planner's answer for a goal on a year's scores, in words (papi_data.planner, ui.planner_words)."""
    return _read(_planner_content, lang, lang, year, goal)


def planner_figure(lang: str, year: int, goal: Goal, link: str) -> dict | None:
    return _read(_planner_figure, lang, lang, year, goal, link)


def labels(lang: str) -> Labels:
    return _read(_labels, lang, lang)


def provinces_named(query: str, lang: str) -> tuple[str, ...] | None:
    """The provinces a search box names (see papi_data.explore.provinces_matching)."""
    return _read(_matching, lang, query)


def explorer_rows(lang: str, base_year: int) -> pd.DataFrame:
    """The explorer's table for the whole store, with the change against `base_year`."""
    return _read(_explorer_rows, lang, lang, base_year)


def show_store_problem(problem: StoreUnavailable, lang: str) -> None:
    st.error(t(f"store_{problem.reason}_title", lang), icon="🗄️")
    st.markdown(t("store_help", lang))
    st.code("make store   # python -m papi_data.build", language="bash")
    with st.expander(t("store_detail", lang)):
        st.text(problem.detail)
