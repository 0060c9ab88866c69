"""The store as the pages see it: loaded once per build, keyed by the store's folder and build id.

st.cache_resource, not st.cache_data: every session shares these frames instead of unpickling a copy of each on every
run (that copy cost CPU and memory per run under load). They are read-only: pages and domain functions derive new
frames from them and never assign into them (tests/app/test_home_about.py checks that after every page has run).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from papi_data.paths import store_dir
from papi_data.plans import dimension_checks, evaluate
from papi_data.ranking import group_bands as rank_bands
from papi_data.ranking import with_ranks
from papi_data.stats import national, with_change
from papi_data.store import PapiStore, StoreUnavailable, load_store, store_version
from ui.i18n import t

Version = tuple[str, str]


@st.cache_resource(show_spinner=False, max_entries=4)
def _store(version: Version) -> PapiStore:
    """`version` is the store's folder and live build: a rebuild or another folder (tests) is a new entry. That very
    build is loaded, so what is cached under a build's id is that build's content, even while builds follow."""
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


@st.cache_resource(show_spinner=False, max_entries=2)
def _group_bands(version: Version) -> pd.DataFrame:
    return rank_bands(_scores_table(version))


@st.cache_resource(show_spinner=False, max_entries=2)
def _plan_evaluation(version: Version) -> tuple[pd.DataFrame, pd.DataFrame]:
    store = _store(version)
    table = _scores_table(version)
    latest = int(store.scores["year"].max())
    return (
        evaluate(store.targets, table, latest, store.provinces),
        dimension_checks(store.targets, table, latest, _national(version)),
    )


def _read(cached, lang: str):
    """A cached reader's value, or a page that explains how to rebuild the store (and stops the run).

    A build that a newer build removed while it was being read is not a problem: the live one is read instead.
    """
    for _ in range(3):
        version = _version()
        try:
            return cached(version)
        except StoreUnavailable as problem:
            if _version() == version:
                show_store_problem(problem, lang)
                st.stop()
    show_store_problem(StoreUnavailable("missing", "the store was rebuilt during every attempt to read it"), lang)
    st.stop()


def group_bands(lang: str) -> pd.DataFrame:
    """The rank span of each PAPI group in each year (the same for every province's rank chart)."""
    return _read(_group_bands, lang)


def plan_evaluation(lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every plan target evaluated for each target year, and the per-dimension checks: once per store build."""
    return _read(_plan_evaluation, lang)


def store(lang: str) -> PapiStore:
    return _read(_store, lang)


def scores_table(lang: str) -> pd.DataFrame:
    return _read(_scores_table, lang)


def national_table(lang: str) -> pd.DataFrame:
    return _read(_national, lang)


def show_store_problem(problem: StoreUnavailable, lang: str) -> None:
    st.error(t(f"store_{problem.reason}_title", lang), icon="🗄️")
    st.markdown(t("store_help", lang))
    st.code("make store   # python -m papi_data.build", language="bash")
    with st.expander(t("store_detail", lang)):
        st.text(problem.detail)
