"""The store as the pages see it: loaded once per build and shared by every session.

The caching rule: `st.cache_resource` for everything derived from the store, which is read-only — one object shared by
all sessions, no copy per call (pandas frames handed out here must never be modified in place; derive a new frame).
`st.cache_data` only where a caller needs its own copy; nothing here does today. Every cache is keyed by the store's
version (its folder and build id), so a rebuild or another folder (tests) is a new entry; the build named in the key is
the build loaded, so what is cached under a build's id is that build's content even while builds follow.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pandas as pd
import streamlit as st

from papi_data.explore import provinces_matching, with_base_change
from papi_data.overview import year_metric
from papi_data.paths import store_dir
from papi_data.plans import dimension_checks, evaluate
from papi_data.ranking import group_bands as rank_bands
from papi_data.ranking import with_ranks
from papi_data.stats import ColourRange, colour_range, national, with_change
from papi_data.store import PapiStore, StoreUnavailable, load_store, store_version
from ui import state
from ui.charts.choropleth import hover_texts
from ui.downloads import view_table
from ui.i18n import t
from ui.labels import Labels, build_labels

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
    table = with_change(with_ranks(store.scores))
    names = store.provinces[["code", "name_vi", "name_en", "region_id", "code_2025", "name_2025_vi", "name_2025_en"]]
    return table.merge(names.rename(columns={"code": "province_code"}), on="province_code", how="left")


@st.cache_resource(show_spinner=False, max_entries=4)
def _national(version: Version) -> pd.DataFrame:
    return national(_store(version).scores)


@st.cache_resource(show_spinner=False, max_entries=4)
def _group_bands(version: Version) -> pd.DataFrame:
    return rank_bands(_scores_table(version))


@st.cache_resource(show_spinner=False, max_entries=4)
def _plan_evaluation(version: Version) -> tuple[pd.DataFrame, pd.DataFrame]:
    store = _store(version)
    table = _scores_table(version)
    latest = int(store.scores["year"].max())
    return (
        evaluate(store.targets, table, latest, store.provinces),
        dimension_checks(store.targets, table, latest, _national(version)),
    )


@st.cache_resource(show_spinner=False, max_entries=8)
def _labels(version: Version, lang: str) -> Labels:
    return build_labels(_store(version), lang)


@st.cache_resource(show_spinner=False, max_entries=256)
def _matching(version: Version, query: str) -> tuple[str, ...] | None:
    return provinces_matching(_store(version).provinces, query)


@st.cache_resource(show_spinner=False, max_entries=8)
def _explorer_rows(version: Version, lang: str, base_year: int) -> pd.DataFrame:
    """Every row of the store as the explorer's table shows it: a filter change then only picks rows by label."""
    store = _store(version)
    return view_table(
        with_base_change(_scores_table(version), base_year), store.regions, store.dimensions, lang, base_year
    )


@st.cache_resource(show_spinner=False, max_entries=512)
def _map_layer(version: Version, lang: str, year: int, metric: str, with_2025: bool) -> tuple[pd.DataFrame, list[str]]:
    rows = year_metric(_scores_table(version), _store(version).provinces, year, metric)
    return rows, hover_texts(rows, lang, with_2025)


@st.cache_resource(show_spinner=False, max_entries=64)
def _colour_range(version: Version, metric: str, year: int, one_year: bool) -> ColourRange | None:
    return colour_range(_store(version).scores, metric, year, one_year=one_year)


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


def national_table(lang: str) -> pd.DataFrame:
    return _read(_national, lang)


def group_bands(lang: str) -> pd.DataFrame:
    """The rank span of each PAPI group in each year (the same for every province's rank chart)."""
    return _read(_group_bands, lang)


def plan_evaluation(lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every plan target evaluated for each target year, and the per-dimension checks: once per store build."""
    return _read(_plan_evaluation, lang)


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
