"""The store as the pages see it: loaded once per build (st.cache_data keyed by the store's build time)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from papi_data.paths import store_dir
from papi_data.plans import dimension_checks, evaluate
from papi_data.ranking import group_bands as rank_bands
from papi_data.ranking import with_ranks
from papi_data.stats import national, with_change
from papi_data.store import PapiStore, StoreUnavailable, load_store, store_version
from ui.i18n import t


@st.cache_data(show_spinner=False, max_entries=4)
def _store(version: str) -> PapiStore:
    """`version` is the store's folder and build time: a rebuild or another folder (tests) is a new entry."""
    return load_store()


def _version() -> str:
    return f"{store_dir()}@{store_version()}"


@st.cache_data(show_spinner=False, max_entries=4)
def _scores_table(version: str) -> pd.DataFrame:
    """Every score with its rank, N, group and change, joined to the province names: the pages' main table."""
    store = _store(version)
    table = with_change(with_ranks(store.scores))
    names = store.provinces[["code", "name_vi", "name_en", "region_id", "code_2025", "name_2025_vi", "name_2025_en"]]
    return table.merge(names.rename(columns={"code": "province_code"}), on="province_code", how="left")


@st.cache_data(show_spinner=False, max_entries=4)
def _national(version: str) -> pd.DataFrame:
    return national(_store(version).scores)


@st.cache_data(show_spinner=False, max_entries=2)
def _group_bands(version: str) -> pd.DataFrame:
    return rank_bands(_scores_table(version))


@st.cache_data(show_spinner=False, max_entries=2)
def _plan_evaluation(version: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    store = _store(version)
    table = _scores_table(version)
    latest = int(store.scores["year"].max())
    return (
        evaluate(store.targets, table, latest, store.provinces),
        dimension_checks(store.targets, table, latest, _national(version)),
    )


def _read(cached, lang: str):
    """A cached reader's value, or a page that explains how to rebuild the store (and stops the run)."""
    try:
        return cached(_version())
    except StoreUnavailable as problem:
        show_store_problem(problem, lang)
        st.stop()
        raise  # unreachable: st.stop() ends the run


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
