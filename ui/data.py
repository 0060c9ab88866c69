"""The store as the pages see it: loaded once per build and shared by every session.

The caching rule: `st.cache_resource` for everything derived from the store, which is read-only — one object shared by
all sessions, no copy per call (pandas frames handed out here must never be modified in place; derive a new frame).
`st.cache_data` only where a caller needs its own copy; nothing here does today. Every cache is keyed by the store's
version (its folder and build id), so a rebuild or another folder (tests) is a new entry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import streamlit as st

from papi_data import plan_measures, planner
from papi_data.explore import provinces_matching, with_base_change
from papi_data.paths import store_dir
from papi_data.planner import Answer, Goal, YearScores
from papi_data.plans import dimension_checks, evaluate, other_readings
from papi_data.ranking import group_bands as rank_bands
from papi_data.ranking import with_ranks
from papi_data.stats import national, with_change
from papi_data.store import PapiStore, StoreUnavailable, load_store, store_version
from ui import state
from ui.downloads import view_table
from ui.i18n import t
from ui.labels import Labels, build_labels

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


@st.cache_resource(show_spinner=False, max_entries=4)
def _year_scores(version: str, year: int) -> YearScores:
    return planner.year_scores(_plan_table(version), year)


@st.cache_resource(show_spinner=False, max_entries=64)
def _planner_answer(version: str, year: int, goal: Goal) -> Answer:
    return planner.answer(_year_scores(version, year), goal)


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


def year_scores(lang: str, year: int) -> YearScores:
    """A year's scores by metric (totals, dimensions, sub-dimensions), as the planner reads them."""
    return _read(_year_scores, lang, year)


def planner_answer(lang: str, year: int, goal: Goal) -> Answer:
    """The target planner's answer for a goal on a year's scores (papi_data.planner)."""
    return _read(_planner_answer, lang, year, goal)


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
