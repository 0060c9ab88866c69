"""The store as the pages see it: loaded once per build and shared by every session.

The caching rule: `st.cache_resource` for everything derived from the store, which is read-only — one object shared by
all sessions, no copy per call (pandas frames handed out here must never be modified in place; derive a new frame).
`st.cache_data` only where a caller needs its own copy; nothing here does today. Every cache is keyed by the store's
version (its folder and build id), so a rebuild or another folder (tests) is a new entry; the build named in the key is
the build loaded, so what is cached under a build's id is that build's content even while builds follow.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

import pandas as pd
import streamlit as st

from papi_data import explore
from papi_data.citation import citation
from papi_data.explore import provinces_matching, with_base_change
from papi_data.overview import year_metric
from papi_data.plans import measures as plan_measures
from papi_data.plans import planner
from papi_data.plans.evaluate import MAIN, dimension_checks, evaluate, other_readings
from papi_data.plans.planner import Answer, Goal, YearScores
from papi_data.profile import dimension_profile, frontier, rank_history
from papi_data.ranking import group_bands as rank_bands
from papi_data.ranking import with_ranks
from papi_data.stats import ColourRange, colour_range, national, with_change
from papi_data.store.load import PapiStore, StoreUnavailable, load_store, store_version
from papi_data.store.paths import store_dir
from papi_data.store.schema import TOTAL
from papi_data.subdimensions import (
    furthest_from_best,
    is_subdimension,
    metric_rows,
    metrics_in_year,
    subdimension_profile,
)
from papi_data.uncertainty import rank_ranges, years_with_intervals
from ui.about import text as about_text
from ui.charts.choropleth import hover_texts
from ui.charts.common import Chart
from ui.charts.frame import Frame, source_line
from ui.charts.plan_charts import target_figures
from ui.charts.planner_charts import ladder_figure
from ui.core import state
from ui.core.i18n import t
from ui.core.labels import Labels, build_labels
from ui.core.metrics import Metrics, build_metrics
from ui.core.plan_status import PlanRef, document_label, plan_ref
from ui.core.url_state import ViewSpec
from ui.core.views import PlansView, plans_shown, plans_spec
from ui.explorer.downloads import view_table
from ui.planner import words as planner_words
from ui.planner.words import PlannerContent
from ui.plans import content as plan_content
from ui.plans import tables as plan_tables
from ui.plans.content import PlanContent, PlansIndex, overview_for, overview_markdown

T = TypeVar("T")
Version = tuple[str, str]  # the store's folder, and the id of its live build ("" when there is none)


@st.cache_resource(show_spinner=False, max_entries=4)
def _store(version: Version) -> PapiStore:
    folder, build = version
    return load_store(Path(folder), build or None)


def _version() -> Version:
    return str(store_dir()), store_version()


@st.cache_resource(show_spinner=False, max_entries=4)
def _scores_table(version: Version) -> pd.DataFrame:
    """Every score with its rank, N, group and change, joined to the province names: the pages' main table."""
    store = _store(version)
    table = with_change(with_ranks(store.scores, store.published_group_sizes))  # 2022: PAPI's published groups
    return table.merge(
        store.provinces[_NAMES].rename(columns={"code": "province_code"}), on="province_code", how="left"
    )


_NAMES = ["code", "name_vi", "name_en", "region_id", "code_2025", "name_2025_vi", "name_2025_en"]


@st.cache_resource(show_spinner=False, max_entries=4)
def _subdimension_table(version: Version) -> pd.DataFrame:
    """Every sub-dimension score with its rank, N, group and change (within its segment), joined to the province
    names: shaped like the scores table (the concept id in `dimension`, its dimension in `parent`)."""
    store = _store(version)
    table = with_change(with_ranks(metric_rows(store.subdimension_scores, store.subdimension_periods)))
    names = store.provinces[_NAMES].rename(columns={"code": "province_code"})
    return table.merge(names, on="province_code", how="left")


@st.cache_resource(show_spinner=False, max_entries=4)
def _metrics(version: Version) -> Metrics:
    store = _store(version)
    return build_metrics(store.dimensions, store.subdimensions, store.subdimension_periods, max(store.years))


@st.cache_resource(show_spinner=False, max_entries=4)
def _explorer_table(version: Version) -> pd.DataFrame:
    """The scores and the sub-dimension scores in one long table, the total's rows with their published interval."""
    return explore.explorer_table(_scores_table(version), _subdimension_table(version), _store(version).uncertainty)


@st.cache_resource(show_spinner=False, max_entries=4)
def _rank_ranges(version: Version) -> pd.DataFrame:
    """Every province's total rank with its plausible range, for each year PAPI published intervals (else none)."""
    store = _store(version)
    table = _scores_table(version)
    years = years_with_intervals(store.uncertainty)
    ranges = [rank_ranges(table, store.uncertainty, year).assign(year=year) for year in years]
    return pd.concat(ranges, ignore_index=True) if ranges else pd.DataFrame(columns=["year", "province_code"])


Series = dict[str, dict[int, float]]  # a column ("score", "mean", …) → year → value: a line on a trend chart
_NATIONAL_COLUMNS = ("mean", "q25", "q75", "min", "max")
_PROVINCE_COLUMNS = ("score", "rank", "n", "ci90_low", "ci90_high")


def _series(rows: pd.DataFrame, columns: tuple[str, ...]) -> dict[str, Series]:
    """Per metric, each column's values by year, where there is one (plain dicts: a page looks them up often)."""
    out: dict[str, Series] = {}
    for metric, part in rows.groupby("dimension"):
        years = part["year"].astype(int).tolist()
        out[str(metric)] = {
            c: {y: float(v) for y, v in zip(years, part[c].tolist(), strict=True) if not pd.isna(v)}
            for c in columns
            if c in part
        }
    return out


@st.cache_resource(show_spinner=False, max_entries=256)
def _citation(version: Version, years: tuple[int, ...], lang: str) -> str:
    store = _store(version)
    return citation(store.report_partners, store.partners, years, lang)


@st.cache_resource(show_spinner=False, max_entries=128)
def _furthest(version: Version, code: str, year: int, k: int) -> pd.DataFrame:
    return furthest_from_best(_subdimension_profile(version, code, year), k)


@st.cache_resource(show_spinner=False, max_entries=4)
def _national_series(version: Version) -> dict[str, Series]:
    """The national mean, quartiles, minimum and maximum of every metric by year (sub-dimensions included)."""
    both = pd.concat([_national(version), national(_subdimension_table(version))], ignore_index=True)
    return _series(both, _NATIONAL_COLUMNS)


@st.cache_resource(show_spinner=False, max_entries=128)
def _province_series(version: Version, code: str) -> dict[str, Series]:
    """One province's score, rank and N of every metric by year, and the total's published interval."""
    table = _explorer_table(version)
    return _series(table[table["province_code"] == code], _PROVINCE_COLUMNS)


@st.cache_resource(show_spinner=False, max_entries=128)
def _dimension_profile(version: Version, code: str, year: int) -> pd.DataFrame:
    """The profile's table (papi_data.profile.dimension_profile) of a province-year: its dimensions, then the total."""
    store = _store(version)
    metrics = [
        d for d, first in zip(store.dimensions["id"], store.dimensions["first_year"], strict=True) if year >= first
    ]
    table = _scores_table(version)
    return dimension_profile(table, code, year, [*metrics, TOTAL], _frontier(version, year))


@st.cache_resource(show_spinner=False, max_entries=32)
def _frontier(version: Version, year: int) -> pd.DataFrame:
    return frontier(_scores_table(version), year)


@st.cache_resource(show_spinner=False, max_entries=128)
def _rank_history(version: Version, code: str) -> pd.DataFrame:
    return rank_history(_scores_table(version), code)


@st.cache_resource(show_spinner=False, max_entries=128)
def _subdimension_profile(version: Version, code: str, year: int) -> pd.DataFrame:
    store = _store(version)
    return subdimension_profile(
        _subdimension_table(version), store.subdimensions, store.subdimension_periods, code, year
    )


@st.cache_resource(show_spinner=False, max_entries=4)
def _national(version: Version) -> pd.DataFrame:
    return national(_store(version).scores)


@st.cache_resource(show_spinner=False, max_entries=4)
def _group_bands(version: Version) -> pd.DataFrame:
    return rank_bands(_scores_table(version))


@st.cache_resource(show_spinner=False, max_entries=8)
def _about_tables(version: Version, lang: str) -> about_text.AboutTables:
    return about_text.about_tables(_store(version), _scores_table(version), lang)


@st.cache_resource(show_spinner=False, max_entries=64)
def _home_status(version: Version, code: str, lang: str) -> tuple[str, list[str], list[str]] | None:
    return plan_tables.home_status(_store(version), _plan_evaluation(version)[0], _plan_ref(version), code, lang)


@st.cache_resource(show_spinner=False, max_entries=4)
def _plan_ref(version: Version) -> PlanRef:
    return plan_ref(_store(version), _metrics(version))


@st.cache_resource(show_spinner=False, max_entries=4)
def _plan_table(version: Version) -> pd.DataFrame:
    store = _store(version)
    return plan_measures.plan_table(store.scores, store.subdimension_scores, store.subdimension_periods)


@st.cache_resource(show_spinner=False, max_entries=4)
def _plan_national(version: Version) -> pd.DataFrame:
    return national(_plan_table(version))


@st.cache_resource(show_spinner=False, max_entries=4)
def _plan_evaluation(version: Version) -> tuple[pd.DataFrame, pd.DataFrame]:
    store = _store(version)
    table, nat = _plan_table(version), _plan_national(version)
    latest = int(store.scores["year"].max())
    main = evaluate(store.targets, table, latest, store.provinces, nat)
    others = evaluate(other_readings(store.targets), table, latest, store.provinces, nat)
    return pd.concat([main, others], ignore_index=True), dimension_checks(store.targets, table, latest, nat)


@st.cache_resource(show_spinner=False, max_entries=64)
def _plan_figures(version: Version, lang: str, plan_id: str, link: str) -> dict[str, list[tuple[str, Chart]]]:
    """Each target's charts of a plan (target id → (widget key, chart)), as ui.charts.plan_charts draws them with
    the page's link in their frame: a pure function of its arguments, so a rerun of the same view reuses them (and
    the figures each chart has built)."""
    store = _store(version)
    evaluation, checks = _plan_evaluation(version)
    ref = _plan_ref(version)
    plan = store.plans[store.plans["id"] == plan_id].iloc[0]
    names = store.provinces.set_index("code")[f"name_{lang}"]
    latest = int(store.scores["year"].max())
    frame = Frame("", link=link)
    doc = html.escape(document_label(plan, lang))  # plotly reads a few HTML tags in its text; a number as typed
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
            lambda years: source_line(_citation(version, tuple(sorted(set(years))), lang), lang),
        )
    return out


@st.cache_resource(show_spinner=False, max_entries=8)
def _plans_index(version: Version, lang: str) -> PlansIndex:
    return plan_content.plans_index(_store(version), _plan_evaluation(version)[0], lang)


@st.cache_resource(show_spinner=False, max_entries=8)
def _plans_spec(version: Version, lang: str) -> ViewSpec[PlansView]:
    store = _store(version)
    return plans_spec(_plans_index(version, lang), store.provinces, store.regions, lang)


@st.cache_resource(show_spinner=False, max_entries=8)
def _plan_contents(version: Version, lang: str) -> dict[str, PlanContent]:
    return plan_content.plan_contents(
        _store(version), _plan_ref(version), _plan_evaluation(version)[0], _scores_table(version), lang
    )


@st.cache_resource(show_spinner=False, max_entries=64)
def _plans_overview(version: Version, lang: str, province: str, region: str, status: str) -> tuple[str, pd.Series]:
    """The overview table for the filters, as Markdown, and the status of each of its rows."""
    store = _store(version)
    index = _plans_index(version, lang)
    shown = plans_shown(index, PlansView(province, region, status, index.recent[-1]))
    latest = int(store.scores["year"].max())
    rows = overview_for(index, _plan_evaluation(version)[0], shown, status, _plan_ref(version), lang, latest)
    return overview_markdown(rows), rows["status_of"]


@st.cache_resource(show_spinner=False, max_entries=4)
def _year_scores(version: Version, year: int) -> YearScores:
    return planner.year_scores(_plan_table(version), year)


@st.cache_resource(show_spinner=False, max_entries=8)
def _planner_metrics(version: Version, lang: str) -> dict[str, str]:
    """The planner's metrics of the latest year, in picker order, with their names (a sub-dimension indented)."""
    store = _store(version)
    ref = _plan_ref(version)
    year = int(store.scores["year"].max())
    metrics = metrics_in_year(store.dimensions, store.subdimensions, store.subdimension_periods, year)["metric"]
    return {
        m: (f"· {ref.name(m, lang, short=False)}" if is_subdimension(m) else ref.name(m, lang, short=False))
        for m in metrics
    }


@st.cache_resource(show_spinner=False, max_entries=64)
def _planner_answer(version: Version, year: int, goal: Goal) -> Answer:
    return planner.answer(_year_scores(version, year), goal)


@st.cache_resource(show_spinner=False, max_entries=64)
def _planner_content(version: Version, lang: str, year: int, goal: Goal) -> PlannerContent:
    answer = _planner_answer(version, year, goal)
    return planner_words.planner_content(goal, answer, _plan_ref(version), lang, year + 1)


@st.cache_resource(show_spinner=False, max_entries=64)
def _planner_figure(version: Version, lang: str, year: int, goal: Goal, link: str) -> Chart | None:
    """The planner's chart with the page's link in its frame (None where the province has no score)."""
    answer = _planner_answer(version, year, goal)
    if answer.score is None:
        return None
    store = _store(version)
    scores = _year_scores(version, year)
    names = store.provinces.set_index("code")[f"name_{lang}"]
    frame = Frame(
        t("planner_chart_title", lang, metric=_plan_ref(version).name(goal.metric, lang, short=False), year=year),
        t("planner_chart_subtitle", lang, province=names[goal.province], year=year),
        source_line(_citation(version, (year,), lang), lang),
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
    )


@st.cache_resource(show_spinner=False, max_entries=8)
def _labels(version: Version, lang: str) -> Labels:
    return build_labels(_store(version), _metrics(version), lang)


@st.cache_resource(show_spinner=False, max_entries=256)
def _matching(version: Version, query: str) -> tuple[str, ...] | None:
    return provinces_matching(_store(version).provinces, query)


@st.cache_resource(show_spinner=False, max_entries=8)
def _explorer_rows(version: Version, lang: str, base_year: int) -> pd.DataFrame:
    """Every row of the store as the explorer's table shows it: a filter change then only picks rows by label."""
    store = _store(version)
    return view_table(
        with_base_change(_explorer_table(version), base_year), store.regions, _metrics(version), lang, base_year
    )


@st.cache_resource(show_spinner=False, max_entries=512)
def _map_layer(version: Version, lang: str, year: int, metric: str, with_2025: bool) -> tuple[pd.DataFrame, list[str]]:
    rows = year_metric(_metric_table(version, metric), _store(version).provinces, year, metric)
    return rows, hover_texts(rows, lang, with_2025)


@st.cache_resource(show_spinner=False, max_entries=64)
def _colour_range(version: Version, metric: str, year: int, one_year: bool) -> ColourRange | None:
    return colour_range(_metric_table(version, metric), metric, year, one_year=one_year)


def _metric_table(version: Version, metric: str) -> pd.DataFrame:
    """The table that holds `metric`: the sub-dimensions' or the scores'."""
    return _subdimension_table(version) if is_subdimension(metric) else _scores_table(version)


def _read(cached: Callable[..., T], lang: str, *args: object) -> T:
    """A cached reader's value, or a page that explains how to rebuild the store (and stops the run).

    A build that newer builds removed while it was being read is not a problem: the live one is read instead.
    """
    problem = StoreUnavailable("missing", "the store was rebuilt during every attempt to read it")
    for _ in range(3):
        version = _version()
        try:
            return cached(version, *args)
        except StoreUnavailable as unavailable:
            problem = unavailable
            if _version() == version:
                break
    show_store_problem(problem, lang)
    state.stop()


def store(lang: str) -> PapiStore:
    return _read(_store, lang)


def scores_table(lang: str) -> pd.DataFrame:
    return _read(_scores_table, lang)


def subdimension_table(lang: str) -> pd.DataFrame:
    """The sub-dimension scores as metrics, with ranks and change (papi_data.subdimensions.metric_rows)."""
    return _read(_subdimension_table, lang)


def metrics(lang: str) -> Metrics:
    """Every metric with its names, years and scales (ui.core.metrics.Metrics)."""
    return _read(_metrics, lang)


def explorer_table(lang: str) -> pd.DataFrame:
    """The scores and sub-dimension scores in one table, the total with its interval: what the explorer filters."""
    return _read(_explorer_table, lang)


def rank_ranges_table(lang: str) -> pd.DataFrame:
    """The total's plausible rank ranges of every year with published intervals (papi_data.uncertainty)."""
    return _read(_rank_ranges, lang)


def citation_of(years: tuple[int, ...], lang: str) -> str:
    """The source line of the reports of `years` (papi_data.citation), once per store and set of years."""
    return _read(_citation, lang, years, lang)


def furthest_of(code: str, year: int, k: int, lang: str) -> pd.DataFrame:
    """The k sub-dimensions where the province is furthest from the best province that year, relative to each scale."""
    return _read(_furthest, lang, code, year, k)


def national_series(lang: str) -> dict[str, Series]:
    """Every metric's national mean, quartiles, min and max by year: metric → column → year → value."""
    return _read(_national_series, lang)


def province_series(code: str, lang: str) -> dict[str, Series]:
    """One province's score, rank, N (and the total's published interval) by year: metric → column → year → value."""
    return _read(_province_series, lang, code)


def dimension_profile_of(code: str, year: int, lang: str) -> pd.DataFrame:
    """A province-year's dimensions and total: score, rank, N, group, change (and why none), gap to the best."""
    return _read(_dimension_profile, lang, code, year)


def frontier_of(year: int, lang: str) -> pd.DataFrame:
    """The best score on each metric in a year and who holds it (papi_data.profile.frontier)."""
    return _read(_frontier, lang, year)


def rank_history_of(code: str, lang: str) -> pd.DataFrame:
    """A province's rank on the total by year, with N and group (papi_data.profile.rank_history)."""
    return _read(_rank_history, lang, code)


def subdimension_profile_of(code: str, year: int, lang: str) -> pd.DataFrame:
    """A province's sub-dimensions in a year against the national mean and the best province."""
    return _read(_subdimension_profile, lang, code, year)


def intervals_of(year: int, lang: str) -> pd.DataFrame:
    """The 90% intervals of the total PAPI published for `year` (province_code, ci90_low, ci90_high): none for most
    years, and none for a province whose SE was 0."""
    published = store(lang).uncertainty
    return published.loc[
        (published["year"] == year) & published["ci90_low"].notna(), ["province_code", "ci90_low", "ci90_high"]
    ]


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


def about_tables_of(lang: str) -> about_text.AboutTables:
    """The about page's tables, once per store build and language."""
    return _read(_about_tables, lang, lang)


def home_status_of(code: str, lang: str) -> tuple[str, list[str], list[str]] | None:
    """A province's newest plan for the home page (ui.plans.tables.home_status), once per store build and language."""
    return _read(_home_status, lang, code, lang)


def plan_ref_of(lang: str) -> PlanRef:
    """The names the plans' words are made from (ui.core.plan_status.PlanRef)."""
    return _read(_plan_ref, lang)


def plan_figures(lang: str, plan_id: str, link: str) -> dict[str, list[tuple[str, Chart]]]:
    """The charts of a plan's targets, by target id (see _plan_figures)."""
    return _read(_plan_figures, lang, lang, plan_id, link)


def plans_index(lang: str) -> PlansIndex:
    """The plans in order, with what the filters and the plan chooser read."""
    return _read(_plans_index, lang, lang)


def plans_view_spec(lang: str) -> ViewSpec[PlansView]:
    return _read(_plans_spec, lang, lang)


def plan_contents(lang: str) -> dict[str, PlanContent]:
    """Every plan's card and targets in words (ui.plans.content), by plan id."""
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
    """The target planner's answer for a goal on a year's scores, in words (papi_data.plans.planner,
    ui.planner.words)."""
    return _read(_planner_content, lang, lang, year, goal)


def planner_figure(lang: str, year: int, goal: Goal, link: str) -> Chart | None:
    return _read(_planner_figure, lang, lang, year, goal, link)


def labels(lang: str) -> Labels:
    return _read(_labels, lang, lang)


def provinces_named(query: str, lang: str) -> tuple[str, ...] | None:
    """The provinces a search box names (see papi_data.explore.provinces_matching)."""
    return _read(_matching, lang, query)


def map_layer(lang: str, year: int, metric: str, with_2025: bool) -> tuple[pd.DataFrame, list[str]]:
    """Every province's row for the map of a year and metric (papi_data.overview.year_metric) and its hover text: what
    a year change needs from the store, worked out once per year and metric."""
    return _read(_map_layer, lang, lang, year, metric, with_2025)


def map_colours(lang: str, metric: str, year: int, one_year: bool) -> ColourRange | None:
    """The span the map's colours cover (papi_data.stats.colour_range)."""
    return _read(_colour_range, lang, metric, year, one_year)


def explorer_rows(lang: str, base_year: int) -> pd.DataFrame:
    """The explorer's table for the whole store, with the change against `base_year`."""
    return _read(_explorer_rows, lang, lang, base_year)


def show_store_problem(problem: StoreUnavailable, lang: str) -> None:
    st.error(t(f"store_{problem.reason}_title", lang), icon="🗄️")
    st.markdown(t("store_help", lang))
    st.code("make store   # python -m papi_data.build", language="bash")
    with st.expander(t("store_detail", lang)):
        st.text(problem.detail)
